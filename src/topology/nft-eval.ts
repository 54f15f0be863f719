// Walk one packet through a parsed nftables chain (nft-model.ts): which rules match, the verdict maps it follows,
// what it becomes. The nftables twin of iptables-eval.ts, as small: interfaces (with `*` globs), IPv4 addresses and
// prefixes, ports and ranges (tcp, udp, th), l4proto, `fib saddr|daddr type local`, `ct state` for a first packet,
// icmp echo-request, named and anonymous sets, vmaps, jump/goto/return, NAT statements (terminal in nftables).
// Any other match is reported as not evaluated and treated as not matching.
import type { NftMatch, NftRule, NftTable, NftVerdict } from "../parse/nft-model.js";
import type { ChainResult, Packet } from "./packet.js";
import { inSubnet, ipv4ToNumber } from "./ipv4.js";
import type { RuleRef } from "./model.js";

/** The table name a RuleRef of an nftables rule carries: `ip docker-bridges`. */
export const nftTableName = (table: Pick<NftTable, "family" | "name">): string => `${table.family} ${table.name}`;

// iptables-style target of an nftables rule, for RuleRef.target (`DROP`, `DNAT`, a jump's chain...).
const targetOf = (rule: NftRule, taken: NftVerdict | null): string => {
  const nat = rule.expr.find((e) => e.kind === "nat");
  if (nat?.kind === "nat") return nat.type.toUpperCase();
  const verdict = taken ?? rule.verdict;
  if (verdict === null) return "";
  return verdict.kind === "jump" || verdict.kind === "goto" ? (verdict.target ?? "") : verdict.kind.toUpperCase();
};

/** An nftables rule as the topology refers to it. */
export const nftRuleRef = (table: Pick<NftTable, "family" | "name">, chain: string, rule: NftRule, taken: NftVerdict | null = null): RuleRef => ({
  table: nftTableName(table),
  chain,
  position: rule.position,
  text: rule.text,
  target: targetOf(rule, taken),
  packets: rule.counter?.packets ?? 0,
  bytes: rule.counter?.bytes ?? 0,
});

// An interface name against a value (`br-*` is a prefix glob).
const nameMatches = (value: string, actual: string | null): boolean =>
  actual !== null && (value.endsWith("*") ? actual.startsWith(value.slice(0, -1)) : actual === value);

// An IPv4 address against `a.b.c.d`, `a.b.c.d/n` or `a.b.c.d-e.f.g.h`.
const addressIn = (value: string, address: string): boolean => {
  if (value.includes("/")) return inSubnet(address, value);
  const dash = value.indexOf("-");
  if (dash > 0) {
    const n = ipv4ToNumber(address);
    return n >= ipv4ToNumber(value.slice(0, dash)) && n <= ipv4ToNumber(value.slice(dash + 1));
  }
  return value === address;
};

// A port against `80` or `8080-8090`.
const portIn = (value: string, port: number | null): boolean => {
  if (port === null) return false;
  const [low, high] = value.split("-");
  return high === undefined ? Number(low) === port : port >= Number(low) && port <= Number(high);
};

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = { "1": "icmp", "6": "tcp", "17": "udp" };

/** How one selector's value is compared with the packet; null for selectors this evaluator does not judge. */
const valueTest = (selector: string, packet: Packet): ((value: string) => boolean) | null => {
  switch (selector) {
    case "iifname":
    case "iif":
      return (v) => nameMatches(v, packet.in);
    case "oifname":
    case "oif":
      return (v) => nameMatches(v, packet.out);
    case "ip saddr":
      return (v) => addressIn(v, packet.src);
    case "ip daddr":
      return (v) => addressIn(v, packet.dst);
    case "tcp dport":
    case "udp dport":
      return (v) => selector.startsWith(packet.protocol) && portIn(v, packet.dport);
    case "th dport":
      return (v) => (packet.protocol === "tcp" || packet.protocol === "udp") && portIn(v, packet.dport);
    case "meta l4proto":
    case "ip protocol":
      return (v) => (PROTOCOL_NUMBERS[v] ?? v) === packet.protocol;
    case "fib daddr type":
      return (v) => (v === "local" ? packet.local.includes(packet.dst) : false);
    case "fib saddr type":
      return (v) => (v === "local" ? packet.local.includes(packet.src) : false);
    // The first packet of a connection is `new`.
    case "ct state":
      return (v) => v === "new";
    case "icmp type":
      return (v) => packet.protocol === "icmp" && v === "echo-request";
    default:
      return null;
  }
};

// Selectors that can never match an IPv4 packet (an inet table's IPv6 rules), judged without "not evaluated".
const ipv6Only = (selector: string): boolean => /^(ip6|icmpv6) /.test(selector);

// Does one match hold for the packet? Records what it cannot judge.
const matchHolds = (m: NftMatch, table: NftTable, packet: Packet, unknown: string[]): boolean => {
  if (ipv6Only(m.selector)) return false;
  // `tcp dport 80` implies the protocol: a udp packet never matches it, whatever the operator.
  if (/^(tcp|udp) /.test(m.selector) && !m.selector.startsWith(packet.protocol)) return false;
  const test = valueTest(m.selector, packet);
  if (test === null || (m.op !== "==" && m.op !== "!=")) {
    unknown.push(`${m.selector}${m.op === "==" ? "" : ` ${m.op}`}`);
    return false;
  }
  const values = m.set !== null ? (table.sets.find((s) => s.name === m.set)?.elements.map((e) => e.key) ?? null) : m.values;
  if (values === null) {
    unknown.push(`${m.selector} @${m.set} (no such set)`);
    return false;
  }
  const hit = values.some(test);
  return m.op === "==" ? hit : !hit;
};

// Value of the packet a vmap looks up.
const vmapKey = (selector: string, packet: Packet): string | null => {
  if (selector === "iifname" || selector === "iif") return packet.in;
  if (selector === "oifname" || selector === "oif") return packet.out;
  if (selector === "ip daddr") return packet.dst;
  if (selector === "ip saddr") return packet.src;
  return null;
};

type Outcome = { verdict: string; dnat: string | null; snat: boolean } | null;

/**
 * Walk `packet` through `chain` of an nftables table, as the kernel does for the base chain of one hook.
 * The verdict is `ACCEPT` / `DROP` / `REJECT` / `DNAT` / `SNAT` / `MASQUERADE` / `REDIRECT`, or the policy
 * (upper case) when the packet falls off the base chain.
 */
export const walkNftChain = (table: NftTable, chain: string, packet: Packet): ChainResult => {
  const matched: RuleRef[] = [];
  const unknown: string[] = [];
  const chains = new Map(table.chains.map((c) => [c.name, c]));
  // A verdict taken (from a rule or a vmap element); null to go on with the next rule.
  const take = (verdict: NftVerdict, depth: number): Outcome | "continue" => {
    if (verdict.kind === "accept" || verdict.kind === "drop" || verdict.kind === "reject")
      return { verdict: verdict.kind.toUpperCase(), dnat: null, snat: false };
    if (verdict.kind === "return") return null;
    if ((verdict.kind === "jump" || verdict.kind === "goto") && verdict.target !== null) {
      const inner = walk(verdict.target, depth + 1);
      if (inner !== null) return inner;
      return verdict.kind === "goto" ? null : "continue";
    }
    return "continue";
  };
  const walk = (name: string, depth: number): Outcome => {
    const current = chains.get(name);
    if (!current || depth > 16) return null;
    rules: for (const rule of current.rules) {
      for (const e of rule.expr) {
        if (e.kind === "match") {
          if (!matchHolds(e, table, packet, unknown)) continue rules;
        } else if (e.kind === "vmap") {
          const key = vmapKey(e.selector, packet);
          if (key === null) unknown.push(`${e.selector} vmap`);
          const elements = e.map !== null ? table.sets.find((s) => s.name === e.map)?.elements : e.elements;
          const element = key === null ? undefined : elements?.find((el) => nameMatches(el.key, key));
          // No element for this key: the rule ends here and the next one is tried.
          if (element?.verdict == null) continue rules;
          matched.push(nftRuleRef(table, name, rule, element.verdict));
          const outcome = take(element.verdict, depth);
          if (outcome === "continue") continue rules;
          return outcome;
        } else if (e.kind === "nat") {
          // NAT statements end the rule and the chain (they are terminal in nftables).
          matched.push(nftRuleRef(table, name, rule));
          const to = e.address !== null && e.port !== null ? `${e.address}:${e.port}` : e.address;
          return e.type === "dnat" || e.type === "redirect"
            ? { verdict: e.type.toUpperCase(), dnat: e.type === "dnat" ? to : null, snat: false }
            : { verdict: e.type.toUpperCase(), dnat: null, snat: true };
        } else if (e.kind === "verdict") {
          matched.push(nftRuleRef(table, name, rule));
          const outcome = take(e.verdict, depth);
          if (outcome === "continue") continue rules;
          return outcome;
        }
      }
      // A rule without a verdict (a counter, a log, `meta mark set`) matched: it is on the path.
      matched.push(nftRuleRef(table, name, rule));
    }
    return null;
  };
  const result = walk(chain, 0);
  const policy = (chains.get(chain)?.hook?.policy ?? "accept").toUpperCase();
  return { verdict: result?.verdict ?? policy, matched, dnat: result?.dnat ?? null, snat: result?.snat ?? false, unknown };
};
