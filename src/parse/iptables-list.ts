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

const rawList = (ctx: Ctx): RawIptablesListChain[] => {
  const out: RawIptablesListChain[] = [];
  let chain: RawIptablesListChain | null = null;
  ctx.lines.forEach((line, index) => {
    const n = index + 1;
    const tokens = words(line);
    if (tokens.length === 0) return;
    const head = tokens[0] === "Chain" ? CHAIN.exec(line.trim()) : null;
    if (head !== null) {
      chain = ctx.tag<RawIptablesListChain>({
        chain: head[1] ?? "", policy: head[2] ?? null, policyPackets: head[3] ?? null, policyBytes: head[4] ?? null,
        references: head[5] ?? null, columns: [], rules: [],
      }, n);
      out.push(chain);
      return ctx.consume(n);
    }
    const current = chain as RawIptablesListChain | null;
    if (tokens.includes("target") && tokens.includes("prot") && tokens.includes("source")) {
      if (current === null) return ctx.report(n, "column header before any `Chain ...` line");
      current.columns = tokens;
      return ctx.consume(n);
    }
    if (current === null || current.columns.length === 0) return ctx.report(n, promptMessage(line) ?? "rule line before a `Chain ...` line and its column header");
    const optAt = tokens.findIndex((t, i) => i >= 1 && (t === "--" || t === "-f" || t === "!f"));
    if (optAt < 0) return ctx.report(n, "expected a rule line with an `opt` column (`--`)");
    const cols = current.columns;
    const lead = cols.slice(0, cols.indexOf("target")); // num? pkts? bytes?
    const hasTarget = optAt - 1 - lead.length === 1;
    if (optAt - 1 - lead.length !== 0 && !hasTarget) return ctx.report(n, `expected ${lead.join(" ") || "no"} column(s) before target, prot, opt`);
    const rule: RawIptablesListRule = {};
    lead.forEach((c, i) => (rule[c] = tokens[i] ?? ""));
    rule["target"] = hasTarget ? (tokens[lead.length] ?? "") : "";
    rule["prot"] = tokens[optAt - 1] ?? "";
    rule["opt"] = tokens[optAt] ?? "";
    const after = cols.slice(cols.indexOf("opt") + 1); // in? out? source destination
    if (tokens.length < optAt + 1 + after.length) return ctx.report(n, `expected columns ${after.join(" ")} after opt`);
    after.forEach((c, i) => (rule[c] = tokens[optAt + 1 + i] ?? ""));
    // The options column: everything after destination, spacing kept as printed.
    const rest = tokens.slice(optAt + 1 + after.length);
    rule["options"] = rest.length === 0 ? "" : line.slice(endOfToken(line, tokens, optAt + after.length)).trim();
    current.rules.push(ctx.tag(rule, n));
    ctx.consume(n);
  });
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

const processRule = (r: RawIptablesListRule): IptablesListRule => {
  const iface = (v: string | undefined): string | null => (v === undefined || v === "*" ? null : v);
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
      rules: c.rules.map((r) => {
        const rule = processRule(r);
        if ((r["pkts"] !== undefined && rule.packets === null) || (r["bytes"] !== undefined && rule.bytes === null)) {
          ctx.report(ctx.lineOf(r), "rule counters are not numbers");
        }
        return rule;
      }),
    };
  });

// Parse `iptables -L` output (any of -n, -v, -x, --line-numbers) into chains and rules.
export const parseIptablesList = makeParser<IptablesListChain[], RawIptablesListChain[]>({ name: "iptables-list", raw: rawList, process: processList, empty: () => [] });
