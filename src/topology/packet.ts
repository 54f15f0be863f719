// A packet as the firewall evaluators see it, and the small helpers every evaluator shares (iptables and nft
// alike): below nat.ts, iptables-eval.ts and nft-eval.ts, so none of them imports another to reach these.
import type { IptablesRule } from "../parse/models.js";
import { inSubnet } from "./ipv4.js";
import type { RuleRef } from "./model.js";

/** The packet as iptables sees it at one hook. */
export interface Packet {
  readonly src: string;
  readonly dst: string;
  readonly protocol: "tcp" | "udp" | "icmp";
  readonly dport: number | null;
  /** Incoming interface (null for locally generated packets). */
  readonly in: string | null;
  /** Outgoing interface (null before routing). */
  readonly out: string | null;
  /** Addresses local to the namespace (for `-m addrtype --dst-type LOCAL`). */
  readonly local: readonly string[];
}

/** Outcome of a chain walk. */
export interface ChainResult {
  /** `ACCEPT`, `DROP`, `REJECT`, or the policy reached; `DNAT` / `MASQUERADE` / `SNAT` for nat verdicts. */
  readonly verdict: string;
  /** Rules that matched, in order (jumps included). */
  readonly matched: readonly RuleRef[];
  /** New destination after DNAT (`172.17.0.2:80`). */
  readonly dnat: string | null;
  /** Source rewritten (MASQUERADE / SNAT). */
  readonly snat: boolean;
  /** Match modules met but not evaluated (treated as not matching). */
  readonly unknown: readonly string[];
}

/** A parsed rule as the topology refers to it. */
export const ruleRef = (table: string, rule: IptablesRule): RuleRef => ({
  table,
  chain: rule.chain,
  position: rule.num,
  text: `-A ${rule.chain} ${rule.spec}`.trim(),
  target: rule.target ?? "",
  packets: rule.packets ?? 0,
  bytes: rule.bytes ?? 0,
});

/** Does an address fall in a rule's `-s`/`-d` value (with `!` negation)? null value matches anything. */
export const addressMatches = (value: string | null, address: string): boolean => {
  if (value === null) return true;
  const negated = value.startsWith("!");
  const cidr = value.replace(/^!/, "");
  const inside = cidr.includes("/") ? inSubnet(address, cidr) : cidr === address;
  return negated ? !inside : inside;
};
