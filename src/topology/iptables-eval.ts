// Walk one packet through parsed iptables chains: which rules match, where it jumps, what it becomes.
// Pure and deliberately small: the matches Docker uses (protocol, addresses, interfaces, tcp/udp ports,
// multiport, addrtype, conntrack/state for a first packet, comment, physdev). Anything else is reported
// as "not evaluated" and treated as not matching, so an explanation never claims more than it knows.
import type { IptablesRule, IptablesTable } from "../parse/models.js";
import type { RuleRef } from "./model.js";
import { addressMatches, type ChainResult, type Packet, ruleRef } from "./packet.js";

export type { ChainResult, Packet } from "./packet.js";

const terminal = new Set(["ACCEPT", "DROP", "REJECT"]);

// Interface match with `!` and the `+` wildcard.
const ifaceMatches = (value: string | null, actual: string | null): boolean => {
  if (value === null) return true;
  const negated = value.startsWith("!");
  const name = value.replace(/^!/, "");
  const hit = actual !== null && (name.endsWith("+") ? actual.startsWith(name.slice(0, -1)) : actual === name);
  return negated ? !hit : hit;
};

// `80`, `!80`, `1000:2000`, `80,443` against a port.
const portMatches = (value: string, port: number | null): boolean => {
  const negated = value.startsWith("!");
  const hit =
    port !== null &&
    value
      .replace(/^!/, "")
      .split(",")
      .some((part) => {
        const [low, high] = part.split(":");
        return high === undefined ? Number(low) === port : port >= Number(low || 0) && port <= Number(high || 65535);
      });
  return negated ? !hit : hit;
};

// Does the rule match the packet? Records match modules it cannot judge.
const ruleMatches = (rule: IptablesRule, packet: Packet, unknown: string[]): boolean => {
  if (rule.protocol !== null) {
    const negated = rule.protocol.startsWith("!");
    const hit = rule.protocol.replace(/^!/, "") === packet.protocol || rule.protocol.replace(/^!/, "") === "all";
    if (negated === hit) return false;
  }
  if (!addressMatches(rule.source, packet.src) || !addressMatches(rule.destination, packet.dst)) return false;
  if (!ifaceMatches(rule.inInterface, packet.in) || !ifaceMatches(rule.outInterface, packet.out)) return false;
  for (const match of rule.matches) {
    const options = match.options;
    if (match.name === "tcp" || match.name === "udp") {
      if (match.name !== packet.protocol) return false;
      if (options.dport !== undefined && !portMatches(options.dport, packet.dport)) return false;
      if (options["destination-port"] !== undefined && !portMatches(options["destination-port"], packet.dport)) return false;
    } else if (match.name === "multiport") {
      const ports = options.dports ?? options["destination-ports"] ?? options.ports;
      if (ports !== undefined && !portMatches(ports, packet.dport)) return false;
    } else if (match.name === "addrtype") {
      // --src-type too: Docker 28 without the userland proxy masquerades `-o BRIDGE -m addrtype --src-type LOCAL`.
      for (const [option, address] of [
        ["dst-type", packet.dst],
        ["src-type", packet.src],
      ] as const) {
        const want = options[option];
        if (want === undefined) continue;
        const negated = want.startsWith("!");
        const isLocal = packet.local.includes(address);
        if (want.replace(/^!/, "") !== "LOCAL") {
          unknown.push(`addrtype --${option} ${want}`);
          return false;
        }
        if (negated === isLocal) return false;
      }
    } else if (match.name === "conntrack" || match.name === "state") {
      const states = options.ctstate ?? options.state ?? "";
      const negated = states.startsWith("!");
      // The first packet of a connection is NEW.
      const hit = states.replace(/^!/, "").split(",").includes("NEW");
      if (negated === hit) return false;
    } else if (match.name === "comment" || match.name === "physdev") {
      // comment never filters; physdev (bridged ports) only refines -i/-o, which we already matched.
    } else if (match.name !== (packet.protocol as string) && match.name !== "icmp") {
      unknown.push(`-m ${match.name}`);
      return false;
    }
  }
  return true;
};

/** Walk `packet` through `table` starting at `chain` (a built-in chain), like the kernel does for one hook. */
export const walkChain = (tables: readonly IptablesTable[], table: string, chain: string, packet: Packet): ChainResult => {
  const t = tables.find((candidate) => candidate.name === table);
  const matched: RuleRef[] = [];
  const unknown: string[] = [];
  if (!t) return { verdict: "ACCEPT", matched, dnat: null, snat: false, unknown };
  const chains = new Map(t.chains.map((c) => [c.name, c]));
  // Returns a terminal verdict or null (fell off a user chain / RETURN).
  const walk = (name: string, depth: number): { verdict: string; dnat: string | null; snat: boolean } | null => {
    const current = chains.get(name);
    if (!current || depth > 16) return null;
    for (const rule of current.rules) {
      if (!ruleMatches(rule, packet, unknown)) continue;
      const target = rule.target;
      if (target === null) {
        matched.push(ruleRef(table, rule));
        continue;
      }
      matched.push(ruleRef(table, rule));
      if (terminal.has(target)) return { verdict: target, dnat: null, snat: false };
      if (target === "RETURN") return null;
      if (target === "DNAT") return { verdict: "DNAT", dnat: rule.targetOptions["to-destination"] ?? null, snat: false };
      if (target === "MASQUERADE" || target === "SNAT") return { verdict: target, dnat: null, snat: true };
      if (chains.has(target)) {
        const inner = walk(target, depth + 1);
        if (inner) return inner;
        if (rule.goto) return null;
      }
      // LOG, MARK, CONNMARK...: non-terminal, continue.
    }
    return null;
  };
  const result = walk(chain, 0);
  const policy = chains.get(chain)?.policy ?? "ACCEPT";
  return { verdict: result?.verdict ?? policy, matched, dnat: result?.dnat ?? null, snat: result?.snat ?? false, unknown };
};
