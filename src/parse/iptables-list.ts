// `iptables -L` parser: `iptables [-t table] -L [chain] [-n] [-v] [-x] [--line-numbers]` (also ip6tables).
//
// Usage:
//   parseIptablesList(await runIptablesList("nat"))   -> { value: IptablesListChain[], problems }
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
import type { IptablesListChain, IptablesListRule } from "./models.js";

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

// Offset just after token `k` of `line`, walking the tokens in order.
const endOfToken = (line: string, tokens: readonly string[], k: number): number => {
  let pos = 0;
  for (let i = 0; i <= k; i++) pos = line.indexOf(tokens[i] ?? "", pos) + (tokens[i] ?? "").length;
  return pos;
};

// Column layout of one chain, worked out once from its header line.
interface Layout {
  lead: string[]; // num? pkts? bytes? (before target)
  after: string[]; // in? out? source destination (after opt)
}
const layoutOf = (columns: readonly string[]): Layout => ({
  lead: columns.slice(0, columns.indexOf("target")),
  after: columns.slice(columns.indexOf("opt") + 1),
});

const rawList = (ctx: Ctx): RawIptablesListChain[] => {
  const out: RawIptablesListChain[] = [];
  let chain: RawIptablesListChain | null = null;
  let layout: Layout | null = null;
  const lines = ctx.lines;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const n = index + 1;
    const tokens = words(line);
    if (tokens.length === 0) continue;
    const first = tokens[0];
    const head = first === "Chain" ? CHAIN.exec(line.trim()) : null;
    if (head !== null) {
      chain = ctx.tag<RawIptablesListChain>({
        chain: head[1] ?? "", policy: head[2] ?? null, policyPackets: head[3] ?? null, policyBytes: head[4] ?? null,
        references: head[5] ?? null, columns: [], rules: [],
      }, n);
      layout = null;
      out.push(chain);
      ctx.consume(n);
      continue;
    }
    if ((first === "target" || first === "pkts" || first === "num") && tokens.includes("prot") && tokens.includes("source")) {
      if (chain === null) ctx.report(n, "column header before any `Chain ...` line");
      else {
        chain.columns = tokens;
        layout = layoutOf(tokens);
        ctx.consume(n);
      }
      continue;
    }
    if (chain === null || layout === null) {
      ctx.report(n, promptMessage(line) ?? "rule line before a `Chain ...` line and its column header");
      continue;
    }
    const { lead, after } = layout;
    // Anchor on the opt column: a blank target shifts everything left by one.
    let optAt = -1;
    for (let i = lead.length + 1; i <= lead.length + 2 && i < tokens.length; i++) {
      const t = tokens[i];
      if (t === "--" || t === "-f" || t === "!f") {
        optAt = i;
        break;
      }
    }
    if (optAt < 0) {
      ctx.report(n, `expected ${lead.length > 0 ? `${lead.join(" ")}, ` : ""}target, prot and an \`opt\` column (\`--\`)`);
      continue;
    }
    if (tokens.length < optAt + 1 + after.length) {
      ctx.report(n, `expected columns ${after.join(" ")} after opt`);
      continue;
    }
    const rule: RawIptablesListRule = {};
    for (let i = 0; i < lead.length; i++) rule[lead[i] ?? ""] = tokens[i] ?? "";
    rule["target"] = optAt - lead.length === 2 ? (tokens[lead.length] ?? "") : "";
    rule["prot"] = tokens[optAt - 1] ?? "";
    rule["opt"] = tokens[optAt] ?? "";
    for (let i = 0; i < after.length; i++) rule[after[i] ?? ""] = tokens[optAt + 1 + i] ?? "";
    // The options column: everything after destination, spacing kept as printed.
    rule["options"] = tokens.length === optAt + 1 + after.length ? "" : line.slice(endOfToken(line, tokens, optAt + after.length)).trim();
    // Counters are checked here, where the line is known (iptables prints digits, or K/M/G without -x).
    if ((rule["pkts"] !== undefined && counter(rule["pkts"]) === null) || (rule["bytes"] !== undefined && counter(rule["bytes"]) === null)) {
      ctx.report(n, "rule counters are not numbers");
    } else ctx.consume(n);
    chain.rules.push(rule);
  }
  return out;
};

// Pick well-known pieces out of the options column.
export const optionDetails = (options: string): Record<string, string> => {
  const d: Record<string, string> = {};
  if (options === "") return d;
  // Each regex only runs when its keyword is present (this runs once per rule).
  const grab = (key: string, keyword: string, re: RegExp): void => {
    if (!options.includes(keyword)) return;
    const m = re.exec(options);
    if (m?.[1] !== undefined) d[key] = m[1];
  };
  grab("comment", "/*", /\/\*\s*(.*?)\s*\*\//);
  grab("dport", "dpt", /\bdpts?:(!?\S+)/);
  grab("sport", "spt", /\bspts?:(!?\S+)/);
  grab("to", "to:", /\bto:(\S+)/);
  grab("ctstate", "ctstate", /\bctstate\s+(\S+)/);
  grab("state", "state", /(?:^|\s)state\s+(\S+)/);
  grab("dstType", "dst-type", /dst-type\s+(\S+)/);
  grab("srcType", "src-type", /src-type\s+(\S+)/);
  grab("multiport", "multiport", /multiport\s+dports\s+(\S+)/);
  return d;
};

// iptables 1.8.9 (nft) prints protocol numbers with -n (`0`, `6`, `!17`); 1.8.11 and legacy print names.
const PROTOCOLS: Record<string, string> = { "0": "all", "1": "icmp", "2": "igmp", "4": "ipip", "6": "tcp", "17": "udp", "41": "ipv6", "47": "gre", "50": "esp", "51": "ah", "58": "ipv6-icmp", "132": "sctp", "136": "udplite" };
const protocolName = (p: string): string => {
  const code = p.charCodeAt(0);
  if (code !== 33 && (code < 48 || code > 57)) return p; // a name already
  const not = p.startsWith("!") ? "!" : "";
  const bare = not === "" ? p : p.slice(1);
  return not + (PROTOCOLS[bare] ?? bare);
};

const iface = (v: string | undefined): string | null => (v === undefined || v === "*" ? null : v);
const processRule = (r: RawIptablesListRule): IptablesListRule => {
  const options = r["options"] ?? "";
  return {
    num: r["num"] === undefined ? null : toInt(r["num"]),
    packets: counter(r["pkts"]),
    bytes: counter(r["bytes"]),
    target: r["target"] === "" || r["target"] === undefined ? null : r["target"],
    protocol: protocolName(r["prot"] ?? ""),
    opt: r["opt"] === "--" ? null : (r["opt"] ?? null),
    inInterface: iface(r["in"]),
    outInterface: iface(r["out"]),
    source: r["source"] ?? "",
    destination: r["destination"] ?? "",
    options,
    details: optionDetails(options),
  };
};

const processList = (raw: RawIptablesListChain[], ctx: Ctx): IptablesListChain[] =>
  raw.map((c) => {
    const packets = counter(c.policyPackets ?? undefined);
    if (c.policyPackets !== null && packets === null) ctx.report(ctx.lineOf(c), `policy counter \`${c.policyPackets}\` is not a number`);
    return {
      name: c.chain,
      policy: c.policy,
      packets,
      bytes: counter(c.policyBytes ?? undefined),
      references: c.references === null ? null : toInt(c.references),
      rules: c.rules.map(processRule),
    };
  });

// Parse `iptables -L` output (any of -n, -v, -x, --line-numbers) into chains and rules.
export const parseIptablesList = makeParser<IptablesListChain[], RawIptablesListChain[]>({ name: "iptables-list", raw: rawList, process: processList, empty: () => [] });
