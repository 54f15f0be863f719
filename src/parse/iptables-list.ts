// `iptables -L` parser: `iptables [-t table] -L [chain] [-n] [-v] [-x] [--line-numbers]` (also ip6tables).
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseIptablesList(await dockerExec("web", ["iptables", "-t", "nat", "-L", "-n", "-v"])) -> { value: IptablesListChain[], problems }
//   docker-net-lab parse iptables-list FILE [--raw]
//
// Columns are found per chain from its header line (`num`, `pkts bytes`, `in out` are optional).
// A rule line is anchored on its `opt` column (`--`, `-f`, `!f`), so a blank target column
// (rules without -j) is read correctly whatever the widths are.
//
// Raw stage: [{ chain, policy, policyPackets, policyBytes, references, columns: string[],
// rules: [{ num, pkts, bytes, target, prot, opt, in, out, source, destination, options }] }],
// strings as printed ("" for a blank target).
// Processed stage (IptablesListChain): protocol numbers printed by iptables 1.8.9 with -n (`6`, `!17`)
// become names (`tcp`, `!udp`) as other versions print them; counters as numbers (`186K` -> 186000, `3M` -> 3000000 without -x),
// `--` opt -> null, `*` interface -> null, blank target -> null, well-known option pieces in `details`.
// Source and destination stay as printed: `0.0.0.0/0` with -n, `anywhere` or host names without it.
//
// Example:
//   input:
//     Chain DOCKER (2 references)
//      pkts bytes target     prot opt in     out     source               destination
//         3   180 DNAT       tcp  --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80
//   output:
//     [{ "name": "DOCKER", "policy": null, "packets": null, "bytes": null, "references": 2,
//        "rules": [{ "num": null, "packets": 3, "bytes": 180, "target": "DNAT", "protocol": "tcp", "opt": null,
//          "inInterface": "!docker0", "outInterface": null, "source": "0.0.0.0/0", "destination": "0.0.0.0/0",
//          "options": "tcp dpt:8080 to:172.17.0.2:80", "details": { "dport": "8080", "to": "172.17.0.2:80" } }] }]
import { makeParser, promptMessage, toCounter, toInt, words, type Ctx } from "./core.js";
import { optionDetails } from "./iptables-options.js";
import type { IptablesListChain, IptablesListRule } from "./models.js";

export { optionDetails } from "./iptables-options.js";

/** Raw rule: columns as printed. */
export type RawIptablesListRule = Record<string, string>;
/** Raw chain. */
export interface RawIptablesListChain {
  chain: string;
  policy: string | null;
  policyPackets: string | null;
  policyBytes: string | null;
  references: string | null;
  columns: string[];
  rules: RawIptablesListRule[];
}

const CHAIN = /^Chain\s+(\S+)\s+\((?:policy\s+(\S+)(?:\s+(\S+)\s+packets,\s+(\S+)\s+bytes)?|(\d+)\s+references?)\)\s*$/;

// Counter as printed by -v: digits, or digits with K/M/G/T suffix without -x.
const counter = (value: string | undefined): number | null => (value === undefined ? null : toCounter(value));

// The fields a rule line fills, in the order the raw stage assigns them.
const FIELDS = ["num", "pkts", "bytes", "target", "prot", "opt", "in", "out", "source", "destination", "options"] as const;
type Field = (typeof FIELDS)[number];
const F: { readonly [K in Field]: number } = { num: 0, pkts: 1, bytes: 2, target: 3, prot: 4, opt: 5, in: 6, out: 7, source: 8, destination: 9, options: 10 };
const ABSENT = 0; // a field whose column is not printed (cell 0 is never a column)

/**
 * A rule line cut into cells, numbered like the groups of its layout's pattern (cell 0 unused):
 * lead columns 1..L, target L+1 (undefined when blank), prot L+2, opt L+3 (undefined for the usual `--`: no string made),
 * after columns L+4.., options last (undefined when none).
 * The pattern's match is such an array; a line the pattern does not take is cut into tokens and laid out the same way.
 */
type Cells = ArrayLike<string | undefined>;

// Column layout of one chain, worked out once from its header line.
class Layout {
  /** Columns before `target` (num, pkts, bytes) and after `opt` (in, out, source, destination). */
  readonly lead: string[];
  readonly after: string[];
  /** A whole rule line in one match, groups as in Cells. */
  readonly pattern: RegExp;
  /** For each field, the cell it is read from (ABSENT: not printed); a later column of the same name wins, as in the raw record. */
  readonly cellOf: Int32Array;
  constructor(columns: readonly string[]) {
    this.lead = columns.slice(0, columns.indexOf("target"));
    this.after = columns.slice(columns.indexOf("opt") + 1);
    const L = this.lead.length;
    const cell = new Map<string, number>();
    this.lead.forEach((name, i) => cell.set(name, 1 + i));
    cell
      .set("target", L + 1)
      .set("prot", L + 2)
      .set("opt", L + 3);
    this.after.forEach((name, i) => cell.set(name, L + 4 + i));
    cell.set("options", this.optionsCell);
    this.cellOf = Int32Array.from(FIELDS, (field) => cell.get(field) ?? ABSENT);
    // A target is tried first (most rules have one); a line that reads with a blank target too is left to the token
    // path, which prefers that reading. `s`: the options may hold any character.
    const c = "(\\S+)";
    this.pattern = new RegExp(
      `^\\s*${`${c}\\s+`.repeat(L)}(?:${c}\\s+)?${c}\\s+(?:--|(-f|!f))${`\\s+${c}`.repeat(this.after.length)}(?:\\s+(.*\\S))?\\s*$`,
      "s",
    );
  }
  /** The cell of the options column (the last one). */
  get optionsCell(): number {
    return this.lead.length + 4 + this.after.length;
  }
}

/** The two builders fed by one scanner: the raw stage (strings) and the one-pass processed stage. */
interface ListSink<C> {
  chain(head: RegExpExecArray, n: number): C;
  columns(chain: C, tokens: string[]): void;
  /** A rule line's cells, with its counters already read (null: not printed, or not a number and reported). */
  rule(chain: C, cells: Cells, layout: Layout, packets: number | null, bytes: number | null): void;
}

const isOpt = (cell: string | undefined): boolean => cell === "--" || cell === "-f" || cell === "!f";
// A line whose first word starts a chain or a column header is never read as a rule by the pattern.
const isHead = (word: string | undefined): boolean => word === "Chain" || word === "target" || word === "pkts" || word === "num";

// Read the lines: chain heads, column headers and rule lines; report what is not understood.
const scanList = <C>(ctx: Ctx, sink: ListSink<C>): C[] => {
  const out: C[] = [];
  let chain: C | null = null;
  let layout: Layout | null = null;
  const lines = ctx.lines;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const n = index + 1;
    if (chain !== null && layout !== null) {
      // Fast path: a rule line of the current layout, in one match.
      const m = layout.pattern.exec(line);
      const L = layout.lead.length;
      if (m !== null && !isHead(m[1]) && !(L === 0 && isHead(m[2])) && !(m[L + 1] !== undefined && isOpt(m[L + 2]))) {
        readRule(ctx, sink, chain, m, layout, n);
        continue;
      }
    }
    const tokens = words(line);
    if (tokens.length === 0) continue;
    const first = tokens[0];
    const head = first === "Chain" ? CHAIN.exec(line.trim()) : null;
    if (head !== null) {
      chain = sink.chain(head, n);
      layout = null;
      out.push(chain);
      ctx.consume(n);
      continue;
    }
    if ((first === "target" || first === "pkts" || first === "num") && tokens.includes("prot") && tokens.includes("source")) {
      if (chain === null) ctx.report(n, "column header before any `Chain ...` line");
      else {
        sink.columns(chain, tokens);
        layout = new Layout(tokens);
        ctx.consume(n);
      }
      continue;
    }
    if (chain === null || layout === null) {
      ctx.report(n, promptMessage(line) ?? "rule line before a `Chain ...` line and its column header");
      continue;
    }
    const { lead, after } = layout;
    const L = lead.length;
    // Anchor on the opt column: a blank target shifts everything left by one.
    let optAt = -1;
    for (let i = L + 1; i <= L + 2 && i < tokens.length; i++) {
      if (isOpt(tokens[i])) {
        optAt = i;
        break;
      }
    }
    if (optAt < 0) {
      ctx.report(n, `expected ${L > 0 ? `${lead.join(" ")}, ` : ""}target, prot and an \`opt\` column (\`--\`)`);
      continue;
    }
    if (tokens.length < optAt + 1 + after.length) {
      ctx.report(n, `expected columns ${after.join(" ")} after opt`);
      continue;
    }
    const cells: (string | undefined)[] = [line, ...tokens.slice(0, L)];
    cells.push(optAt - L === 2 ? tokens[L] : undefined, tokens[optAt - 1], tokens[optAt], ...tokens.slice(optAt + 1, optAt + 1 + after.length));
    // The options column: everything after destination, spacing kept as printed.
    cells.push(tokens.length === optAt + 1 + after.length ? undefined : line.slice(endOfToken(line, tokens, optAt + after.length)).trim());
    readRule(ctx, sink, chain, cells, layout, n);
  }
  return out;
};

// Offset just after token `k` of `line`, walking the tokens in order.
const endOfToken = (line: string, tokens: readonly string[], k: number): number => {
  let pos = 0;
  for (let i = 0; i <= k; i++) pos = line.indexOf(tokens[i] ?? "", pos) + (tokens[i] ?? "").length;
  return pos;
};

// A rule line's cells: read its counters (iptables prints digits, or K/M/G without -x), report them when they are not
// numbers, and hand the line on.
const readRule = <C>(ctx: Ctx, sink: ListSink<C>, chain: C, cells: Cells, layout: Layout, n: number): void => {
  const pkts = layout.cellOf[F.pkts] ?? ABSENT;
  const bytes = layout.cellOf[F.bytes] ?? ABSENT;
  const packets = counter(text(cells, pkts, layout));
  const byteCount = counter(text(cells, bytes, layout));
  if ((pkts !== ABSENT && packets === null) || (bytes !== ABSENT && byteCount === null)) ctx.report(n, "rule counters are not numbers");
  else ctx.consume(n);
  sink.rule(chain, cells, layout, packets, byteCount);
};

// The text of a cell as the raw record holds it: "" for a blank target or no options, `--` for the usual opt.
const cellText = (cells: Cells, cell: number, layout: Layout): string => {
  const value = cells[cell];
  if (value !== undefined) return value;
  return cell === layout.lead.length + 3 ? "--" : "";
};
// The text of a field (undefined when its column is not printed).
const text = (cells: Cells, cell: number, layout: Layout): string | undefined => (cell === ABSENT ? undefined : cellText(cells, cell, layout));

// A chain's head line as printed, remembering its line.
const rawChain = (ctx: Ctx, head: RegExpExecArray, n: number): RawIptablesListChain =>
  ctx.tag<RawIptablesListChain>(
    {
      chain: head[1] ?? "",
      policy: head[2] ?? null,
      policyPackets: head[3] ?? null,
      policyBytes: head[4] ?? null,
      references: head[5] ?? null,
      columns: [],
      rules: [],
    },
    n,
  );

// Raw stage: every column as printed, keyed by its header name.
const rawSink = (ctx: Ctx): ListSink<RawIptablesListChain> => ({
  chain: (head, n) => rawChain(ctx, head, n),
  columns: (chain, names) => {
    chain.columns = names;
  },
  rule: (chain, cells, layout) => {
    const { lead, after } = layout;
    const L = lead.length;
    const r: RawIptablesListRule = {};
    for (let i = 0; i < L; i++) r[lead[i] ?? ""] = cellText(cells, 1 + i, layout);
    r.target = cellText(cells, L + 1, layout);
    r.prot = cellText(cells, L + 2, layout);
    r.opt = cellText(cells, L + 3, layout);
    for (let i = 0; i < after.length; i++) r[after[i] ?? ""] = cellText(cells, L + 4 + i, layout);
    r.options = cellText(cells, layout.optionsCell, layout);
    chain.rules.push(r);
  },
});
const rawList = (ctx: Ctx): RawIptablesListChain[] => scanList(ctx, rawSink(ctx));

// iptables 1.8.9 (nft) prints protocol numbers with -n (`0`, `6`, `!17`); 1.8.11 and legacy print names.
const PROTOCOLS: Record<string, string> = {
  "0": "all",
  "1": "icmp",
  "2": "igmp",
  "4": "ipip",
  "6": "tcp",
  "17": "udp",
  "41": "ipv6",
  "47": "gre",
  "50": "esp",
  "51": "ah",
  "58": "ipv6-icmp",
  "132": "sctp",
  "136": "udplite",
};
const protocolName = (p: string): string => {
  const code = p.charCodeAt(0);
  if (code !== 33 && (code < 48 || code > 57)) return p; // a name already
  const not = p.startsWith("!") ? "!" : "";
  const bare = not === "" ? p : p.slice(1);
  return not + (PROTOCOLS[bare] ?? bare);
};

const iface = (v: string | undefined): string | null => (v === undefined || v === "*" ? null : v);
const processRule = (r: RawIptablesListRule): IptablesListRule => {
  const options = r.options ?? "";
  return {
    num: r.num === undefined ? null : toInt(r.num),
    packets: counter(r.pkts),
    bytes: counter(r.bytes),
    target: r.target === "" || r.target === undefined ? null : r.target,
    protocol: protocolName(r.prot ?? ""),
    opt: r.opt === "--" ? null : (r.opt ?? null),
    inInterface: iface(r.in),
    outInterface: iface(r.out),
    source: r.source ?? "",
    destination: r.destination ?? "",
    options,
    details: optionDetails(options),
  };
};

// A chain's head, processed: policy counters as numbers, a policy counter that is not one reported on line n.
const processChain = (c: RawIptablesListChain, n: number, ctx: Ctx): Omit<IptablesListChain, "rules"> => {
  const packets = counter(c.policyPackets ?? undefined);
  if (c.policyPackets !== null && packets === null) ctx.report(n, `policy counter \`${c.policyPackets}\` is not a number`);
  return {
    name: c.chain,
    policy: c.policy,
    packets,
    bytes: counter(c.policyBytes ?? undefined),
    references: c.references === null ? null : toInt(c.references),
  };
};

const processList = (raw: RawIptablesListChain[], ctx: Ctx): IptablesListChain[] =>
  raw.map((c) => ({ ...processChain(c, ctx.lineOf(c), ctx), rules: c.rules.map(processRule) }));

// Parse `iptables -L` output (any of -n, -v, -x, --line-numbers) into chains and rules.
export const parseIptablesList = makeParser<IptablesListChain[], RawIptablesListChain[]>({
  name: "iptables-list",
  raw: rawList,
  process: processList,
  empty: () => [],
});
