// One nftables rule as `nft list ruleset` prints it -> its expressions (see nft-model.ts). Pure, never throws:
// the words it cannot read are kept as one `statement` and returned as a problem message for the caller's line.
//
// Reads what Docker's nftables backend and iptables-nft print (matches on interfaces, addresses, ports, fib,
// ct, meta; counter, comment, dnat/snat/masquerade/redirect, vmap, verdicts) and the common statements
// (log, limit, notrack, `... set ...`, quota, xt). Example:
//   `iifname != "bridge1" tcp dport 8080 counter packets 2 bytes 120 dnat to 192.0.2.2:80 comment "DNAT"`
//   -> [match iifname != [bridge1]] [match tcp dport == [8080]] [counter 2 120] [nat dnat 192.0.2.2 80], comment DNAT
import type { NftExpr, NftMatch, NftMapElement, NftVerdict } from "./nft-model.js";
import { unqualifiedMeta } from "./nft-model.js";

/** One word of a rule: a bare word, a quoted string, or a `{ ... }` group split on its commas. */
interface Token {
  readonly text: string;
  readonly quoted: boolean;
  readonly group: readonly string[] | null;
}

// Split `inner` on commas outside quotes and braces.
const splitTopLevel = (inner: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = "";
  for (const c of inner) {
    if (c === '"') quote = !quote;
    if (!quote && c === "{") depth++;
    if (!quote && c === "}") depth--;
    if (!quote && depth === 0 && c === ",") {
      parts.push(cur.trim());
      cur = "";
    } else cur += c;
  }
  if (cur.trim() !== "") parts.push(cur.trim());
  return parts;
};

/** Tokens of a rule; null when a quote or a brace is not closed. */
export const nftTokens = (text: string): Token[] | null => {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      out.push({ text: text.slice(i + 1, end), quoted: true, group: null });
      i = end + 1;
      continue;
    }
    if (c === "{") {
      let depth = 0;
      let quote = false;
      let j = i;
      for (; j < text.length; j++) {
        const d = text[j];
        if (d === '"') quote = !quote;
        else if (!quote && d === "{") depth++;
        else if (!quote && d === "}" && --depth === 0) break;
      }
      if (j >= text.length) return null;
      const inner = text.slice(i + 1, j);
      out.push({ text: text.slice(i, j + 1), quoted: false, group: splitTopLevel(inner) });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== " " && text[j] !== "\t") j++;
    out.push({ text: text.slice(i, j), quoted: false, group: null });
    i = j;
  }
  return out;
};

const OPS: Readonly<Record<string, NftMatch["op"]>> = {
  "==": "==",
  "!=": "!=",
  "<": "<",
  ">": ">",
  "<=": "<=",
  ">=": ">=",
  eq: "==",
  ne: "!=",
  lt: "<",
  gt: ">",
  le: "<=",
  ge: ">=",
};
// Protocols whose selector is `PROTOCOL FIELD` (`ip saddr`, `tcp dport`, `icmp type`).
const PROTOCOLS = new Set([
  "ip",
  "ip6",
  "tcp",
  "udp",
  "udplite",
  "sctp",
  "dccp",
  "th",
  "icmp",
  "icmpv6",
  "igmp",
  "ether",
  "vlan",
  "arp",
  "ah",
  "esp",
  "comp",
  "dst",
  "frag",
  "hbh",
  "mh",
  "srh",
  "rt",
  "rt0",
  "rt2",
  "rt4",
  "socket",
  "osf",
  "ipsec",
  "cgroupv2",
  "gre",
  "geneve",
  "vxlan",
]);
const FIB_RESULTS = new Set(["type", "oif", "oifname"]);
const SIMPLE_VERDICTS = new Set(["accept", "drop", "continue", "return"]);
const NAT_FLAGS = new Set(["random", "persistent", "fully-random"]);
// Words each simple statement may take after its keyword, with how many values follow them.
const STATEMENT_OPTIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  log: { prefix: 1, level: 1, group: 1, snaplen: 1, "queue-threshold": 1, flags: 1 },
  notrack: {},
};

/** What one rule's text means. */
export interface ReadRule {
  readonly expr: NftExpr[];
  readonly comment: string | null;
  /** Why part of the rule was not read (kept as a `statement`), else null. */
  readonly problem: string | null;
}

// A token as nft prints it (quoted strings in quotes).
const printed = (t: Token): string => (t.quoted ? `"${t.text}"` : t.text);

/** A verdict starting at `tokens[i]`, with the number of tokens it took; null when none starts there. */
const readVerdict = (tokens: readonly Token[], i: number): [NftVerdict, number] | null => {
  const w = tokens[i]?.quoted ? "" : (tokens[i]?.text ?? "");
  if (SIMPLE_VERDICTS.has(w)) return [{ kind: w as NftVerdict["kind"], target: null, detail: null }, 1];
  if ((w === "jump" || w === "goto") && tokens[i + 1] !== undefined) return [{ kind: w, target: tokens[i + 1]?.text ?? "", detail: null }, 2];
  if (w === "reject") {
    if (tokens[i + 1]?.text !== "with") return [{ kind: "reject", target: null, detail: null }, 1];
    const how = tokens[i + 2]?.text ?? "";
    const n = how === "tcp" ? 4 : 5;
    const detail = tokens
      .slice(i + 1, i + n)
      .map(printed)
      .join(" ");
    return [{ kind: "reject", target: null, detail }, n];
  }
  if (w === "queue") {
    let n = 1;
    while (tokens[i + n] !== undefined && ["num", "bypass", "fanout", "to", "flags"].includes(tokens[i + n]?.text ?? ""))
      n += ["bypass", "fanout"].includes(tokens[i + n]?.text ?? "") ? 1 : 2;
    return [
      {
        kind: "queue",
        target: null,
        detail:
          n > 1
            ? tokens
                .slice(i + 1, i + n)
                .map(printed)
                .join(" ")
            : null,
      },
      n,
    ];
  }
  return null;
};

/** Map elements `"docker0" : jump X` (from a `{ ... }` group). */
export const readMapElements = (parts: readonly string[]): NftMapElement[] | null => {
  const out: NftMapElement[] = [];
  for (const part of parts) {
    const m = /^("([^"]*)"|\S+)\s*:\s*(.+)$/.exec(part);
    if (m === null) return null;
    const key = m[2] ?? m[1] ?? "";
    const data = (m[3] ?? "").trim();
    const tokens = nftTokens(data) ?? [];
    const verdict = readVerdict(tokens, 0);
    out.push(
      verdict && verdict[1] === tokens.length ? { key, verdict: verdict[0], value: null } : { key, verdict: null, value: data.replace(/^"(.*)"$/, "$1") },
    );
  }
  return out;
};

// A selector starting at tokens[i] (`iifname`, `ip daddr`, `fib daddr type`, `ct original saddr`), with its token count.
const readSelector = (tokens: readonly Token[], i: number): [string, number] | null => {
  const one = (j: number): [string, number] | null => {
    const t = tokens[j];
    if (t === undefined || t.quoted || t.group) return null;
    const w = t.text;
    if (unqualifiedMeta.has(w) || w === "mark" || w === "iiftype" || w === "oiftype") return [w, 1];
    if (w === "meta") {
      const key = tokens[j + 1]?.text;
      if (key === undefined) return null;
      return [unqualifiedMeta.has(key) ? key : `meta ${key}`, 2];
    }
    if (w === "ct") {
      const a = tokens[j + 1]?.text;
      if (a === undefined) return null;
      if ((a === "original" || a === "reply") && tokens[j + 2] !== undefined) return [`ct ${a} ${tokens[j + 2]?.text}`, 3];
      return [`ct ${a}`, 2];
    }
    if (w === "fib") {
      const words: string[] = [];
      let k = j + 1;
      while (tokens[k] !== undefined && !FIB_RESULTS.has(tokens[k]?.text ?? "")) words.push(tokens[k++]?.text ?? "");
      if (tokens[k] === undefined || words.length === 0) return null;
      return [`fib ${words.join(" ")} ${tokens[k]?.text}`, k - j + 1];
    }
    if (PROTOCOLS.has(w) && tokens[j + 1] !== undefined && !tokens[j + 1]?.quoted && !tokens[j + 1]?.group) {
      if (w === "tcp" && tokens[j + 1]?.text === "option" && tokens[j + 3] !== undefined)
        return [`tcp option ${tokens[j + 2]?.text} ${tokens[j + 3]?.text}`, 4];
      return [`${w} ${tokens[j + 1]?.text}`, 2];
    }
    if (/^@(ll|nh|th|ih),\d+,\d+$/.test(w)) return [w, 1];
    return null;
  };
  const first = one(i);
  if (first === null) return null;
  let [selector, n] = first;
  // Concatenations: `ip saddr . tcp dport`.
  while (tokens[i + n]?.text === "." && !tokens[i + n]?.quoted) {
    const next = one(i + n + 1);
    if (next === null) return null;
    selector = `${selector} . ${next[0]}`;
    n += 1 + next[1];
  }
  return [selector, n];
};

// The statement keywords that end a value list of unknown length.
const KEYWORDS = new Set([
  "counter",
  "comment",
  "log",
  "limit",
  "dnat",
  "snat",
  "masquerade",
  "redirect",
  "accept",
  "drop",
  "reject",
  "return",
  "continue",
  "jump",
  "goto",
  "queue",
  "notrack",
  "quota",
  "meta",
  "ct",
  "ip",
  "ip6",
  "tcp",
  "udp",
  "th",
  "iifname",
  "oifname",
  "iif",
  "oif",
  "fib",
  "xt",
]);

// A rule being read: its tokens, the expressions so far, its comment.
interface Reading {
  readonly tokens: readonly Token[];
  readonly expr: NftExpr[];
  comment: string | null;
}
/** A reader takes the position of its first word and returns the position after what it read, or why it could not. */
type Step = number | { readonly problem: string };

const word = (r: Reading, j: number): string => (r.tokens[j]?.quoted ? "" : (r.tokens[j]?.text ?? ""));
const printedFrom = (r: Reading, from: number, to = r.tokens.length): string => r.tokens.slice(from, to).map(printed).join(" ");
// Keep tokens [from, to) as one statement, as printed.
const statement = (r: Reading, from: number, to: number): number => {
  r.expr.push({ kind: "statement", text: printedFrom(r, from, to) });
  return to;
};

// `counter`, `counter packets N bytes M`, `counter name "x"`.
const readCounter = (r: Reading, i: number): Step => {
  if (word(r, i + 1) === "name") return statement(r, i, i + 3);
  if (word(r, i + 1) !== "packets" || word(r, i + 3) !== "bytes") {
    r.expr.push({ kind: "counter", packets: null, bytes: null });
    return i + 1;
  }
  const [packets, bytes] = [word(r, i + 2), word(r, i + 4)];
  if (!/^\d+$/.test(packets) || !/^\d+$/.test(bytes)) return { problem: `counter values are not numbers: ${printedFrom(r, i)}` };
  r.expr.push({ kind: "counter", packets: Number(packets), bytes: Number(bytes) });
  return i + 5;
};

// `comment "..."`.
const readComment = (r: Reading, i: number): Step => {
  if (!r.tokens[i + 1]?.quoted) return { problem: `comment without a quoted text: ${printedFrom(r, i)}` };
  r.comment = r.tokens[i + 1]?.text ?? "";
  return i + 2;
};

// `dnat [ip|ip6] to ADDRESS[:PORT]`, `snat ...`, `masquerade [to :PORTS] [random...]`, `redirect [to :PORT]`.
const readNat = (r: Reading, i: number): Step => {
  let j = i + 1;
  const family = word(r, j) === "ip" || word(r, j) === "ip6" ? word(r, j++) : null;
  let address: string | null = null;
  let port: string | null = null;
  if (word(r, j) === "to") {
    const target = word(r, j + 1);
    j += 2;
    const bracketed = /^\[([^\]]+)\](?::(.+))?$/.exec(target);
    if (bracketed) [address, port] = [bracketed[1] ?? null, bracketed[2] ?? null];
    else if (target.startsWith(":")) port = target.slice(1);
    else if ((target.match(/:/g) ?? []).length === 1) [address, port] = target.split(":") as [string, string];
    else address = target;
  }
  const flags: string[] = [];
  while (NAT_FLAGS.has(word(r, j))) flags.push(word(r, j++));
  r.expr.push({ kind: "nat", type: word(r, i) as "dnat" | "snat" | "masquerade" | "redirect", family, address, port, flags });
  return j;
};

// `log [prefix "x"] [level y] ...`, `notrack`: the keyword and the options it knows.
const readOptions = (r: Reading, i: number): Step => {
  const options = STATEMENT_OPTIONS[word(r, i)] ?? {};
  let j = i + 1;
  while (Object.hasOwn(options, word(r, j))) j += 1 + (options[word(r, j)] ?? 0);
  return statement(r, i, j);
};

// `limit rate [over] 10/second [burst 5 packets]`, `limit rate 1 mbytes/second`.
const readLimit = (r: Reading, i: number): Step => {
  if (word(r, i + 1) !== "rate") return { problem: `limit without rate: ${printedFrom(r, i)}` };
  let j = i + 2;
  if (word(r, j) === "over") j++;
  j++;
  if (/^[a-z]+\/[a-z]+$/.test(word(r, j))) j++;
  if (word(r, j) === "burst") j += 3;
  return statement(r, i, j);
};

// `quota [over|until] N bytes [used N bytes]`.
const readQuota = (r: Reading, i: number): Step => {
  let j = i + 1;
  if (word(r, j) === "over" || word(r, j) === "until") j++;
  j += 2;
  if (word(r, j) === "used") j += 3;
  return statement(r, i, j);
};

// `xt match "addrtype"` (a match nobody can evaluate) or `xt target "DNAT"`.
const readXt = (r: Reading, i: number): Step => {
  const name = r.tokens[i + 2]?.text;
  if (name === undefined) return { problem: `xt without a name: ${printedFrom(r, i)}` };
  r.expr.push(
    word(r, i + 1) === "match"
      ? { kind: "match", selector: "xt match", op: "==", values: [name], anonymousSet: false, set: null }
      : { kind: "statement", text: `xt ${word(r, i + 1) || "target"} "${name}"` },
  );
  return i + 3;
};

// `SELECTOR [OP] VALUE`, `SELECTOR vmap @map | { ... }`, `SELECTOR set VALUE`.
const readMatch = (r: Reading, i: number): Step => {
  const selector = readSelector(r.tokens, i);
  if (selector === null) return { problem: `not understood from \`${r.tokens[i]?.text ?? ""}\` on (kept as text): ${printedFrom(r, i)}` };
  const [name, n] = selector;
  const j = i + n;
  // `meta mark set 0x1`, `ct mark set ...`: a statement; its value is one token.
  if (word(r, j) === "set") return statement(r, i, j + 2);
  if (word(r, j) === "vmap") {
    const target = r.tokens[j + 1];
    if (target === undefined) return { problem: "vmap without a map" };
    if (!target.group) {
      r.expr.push({ kind: "vmap", selector: name, map: target.text.replace(/^@/, ""), elements: [] });
      return j + 2;
    }
    const elements = readMapElements(target.group);
    if (elements === null) return { problem: `vmap elements not understood: ${target.text}` };
    r.expr.push({ kind: "vmap", selector: name, map: null, elements });
    return j + 2;
  }
  const op = OPS[word(r, j)];
  const at = op === undefined ? j : j + 1;
  const value = r.tokens[at];
  if (value === undefined || (!value.quoted && !value.group && (KEYWORDS.has(value.text) || /^[&|^(]/.test(value.text))))
    return { problem: `\`${name}\` without a value I can read (kept as text): ${printedFrom(r, i)}` };
  const base = { kind: "match" as const, selector: name, op: op ?? "==" };
  if (value.group) r.expr.push({ ...base, values: value.group.map((v) => v.replace(/^"(.*)"$/, "$1")), anonymousSet: true, set: null });
  else if (!value.quoted && value.text.startsWith("@")) r.expr.push({ ...base, values: [], anonymousSet: false, set: value.text.slice(1) });
  else r.expr.push({ ...base, values: value.quoted ? [value.text] : value.text.split(","), anonymousSet: false, set: null });
  return at + 1;
};

// The statements a keyword starts; anything else is a verdict or a match.
const STATEMENTS: Readonly<Record<string, (r: Reading, i: number) => Step>> = {
  counter: readCounter,
  comment: readComment,
  dnat: readNat,
  snat: readNat,
  masquerade: readNat,
  redirect: readNat,
  log: readOptions,
  notrack: readOptions,
  limit: readLimit,
  quota: readQuota,
  xt: readXt,
};

/** Read a rule's text (without `# handle N`). */
export const readRule = (text: string): ReadRule => {
  const tokens = nftTokens(text);
  if (tokens === null) return { expr: [{ kind: "statement", text: text.trim() }], comment: null, problem: "unbalanced quote or brace in rule" };
  const r: Reading = { tokens, expr: [], comment: null };
  let i = 0;
  while (i < tokens.length) {
    const verdict = readVerdict(tokens, i);
    if (verdict !== null) r.expr.push({ kind: "verdict", verdict: verdict[0] });
    const reader = Object.hasOwn(STATEMENTS, word(r, i)) ? STATEMENTS[word(r, i)] : undefined;
    const step = verdict !== null ? i + verdict[1] : reader ? reader(r, i) : readMatch(r, i);
    if (typeof step !== "number") return { expr: [...r.expr, { kind: "statement", text: printedFrom(r, i) }], comment: r.comment, problem: step.problem };
    i = step;
  }
  return { expr: r.expr, comment: r.comment, problem: null };
};
