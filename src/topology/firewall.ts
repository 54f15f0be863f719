// Every table a packet meets at one netfilter hook, in the kernel's order: iptables' built-in chains (raw, mangle,
// nat, filter) and nftables base chains (Docker 29's `ip docker-bridges`, a user's `inet` table...), sorted by
// priority. A drop anywhere is final; an accept ends only its own chain (the next base chain still sees the packet);
// the first NAT chain that maps the packet is the only one that does (netfilter binds NAT once per connection).
import type { IptablesTable } from "../parse/models.js";
import type { NftTable } from "../parse/nft-model.js";
import { walkChain, type ChainResult, type Packet } from "./iptables-eval.js";
import type { NatView, RuleRef } from "./model.js";
import { nftTableName, walkNftChain } from "./nft-eval.js";

/** The five IPv4 hooks. */
export type Hook = "prerouting" | "input" | "forward" | "output" | "postrouting";

/** One chain the kernel runs at a hook. */
export interface HookChain {
  /** How hops name it: `raw PREROUTING`, `filter FORWARD`, `nft ip docker-bridges raw-PREROUTING`. */
  readonly label: string;
  readonly priority: number;
  /** `nat` chains map addresses; the others filter. */
  readonly nat: boolean;
  readonly walk: (packet: Packet) => ChainResult;
}

/** What the packet met at one hook. */
export interface HookResult {
  /** `accept` (it goes on), `drop` or `reject`. */
  readonly verdict: "accept" | "drop" | "reject";
  /** Rules that matched, with the chain that ran them, in order. */
  readonly matched: readonly { readonly label: string; readonly rule: RuleRef }[];
  /** The chain that dropped it, and whether its policy did (no rule matched). */
  readonly droppedBy: { readonly label: string; readonly byPolicy: boolean; readonly rule: RuleRef | null } | null;
  /** New destination `address:port` after DNAT, or null. */
  readonly dnat: string | null;
  /** Source rewritten by MASQUERADE / SNAT, with the target's name. */
  readonly snat: string | null;
  /** Matches met but not evaluated (treated as not matching). */
  readonly unknown: readonly string[];
  /** The chains the packet went through, in order (labels). */
  readonly chains: readonly string[];
}

/** The firewall of one namespace: parsed iptables tables and nftables tables. */
export interface Firewall {
  readonly iptables: readonly IptablesTable[];
  readonly nftables: readonly NftTable[];
}

// iptables' built-in chains per hook with their priorities (netfilter's NF_IP_PRI_*).
const IPTABLES_HOOKS: Readonly<Record<Hook, readonly (readonly [string, number])[]>> = {
  prerouting: [
    ["raw", -300],
    ["mangle", -150],
    ["nat", -100],
  ],
  input: [
    ["mangle", -150],
    ["filter", 0],
    ["nat", 100],
  ],
  forward: [
    ["mangle", -150],
    ["filter", 0],
  ],
  output: [
    ["raw", -300],
    ["mangle", -150],
    ["nat", -100],
    ["filter", 0],
  ],
  postrouting: [
    ["mangle", -150],
    ["nat", 100],
  ],
};

/** The firewall a snapshot read (null when neither iptables nor nftables could be read). */
export const firewallOf = (nat: NatView | undefined): Firewall | null => {
  if (!nat) return null;
  const nftables = nat.nftables ?? [];
  return nat.tables.length === 0 && nftables.length === 0 ? null : { iptables: nat.tables, nftables };
};

/** The chains the kernel runs at `hook` for an IPv4 packet, in order (iptables before nftables at equal priority). */
export const hookChains = (firewall: Firewall, hook: Hook): HookChain[] => {
  const chainName = hook.toUpperCase();
  const iptables = IPTABLES_HOOKS[hook]
    .filter(([table]) => firewall.iptables.some((t) => t.name === table && t.chains.some((c) => c.name === chainName)))
    .map(
      ([table, priority]): HookChain => ({
        label: `${table} ${chainName}`,
        priority,
        nat: table === "nat",
        walk: (packet) => walkChain(firewall.iptables, table, chainName, packet),
      }),
    );
  const nft = firewall.nftables
    .filter((t) => t.family === "ip" || t.family === "inet")
    .flatMap((t) =>
      t.chains
        .filter((c) => c.hook?.hook === hook && (c.hook.type === "filter" || c.hook.type === "nat" || c.hook.type === "route"))
        .map(
          (c): HookChain => ({
            label: `nft ${nftTableName(t)} ${c.name}`,
            priority: c.hook?.priority ?? 0,
            nat: c.hook?.type === "nat",
            walk: (packet) => walkNftChain(t, c.name, packet),
          }),
        ),
    );
  return [...iptables.map((c, i) => ({ c, i })), ...nft.map((c, i) => ({ c, i: iptables.length + i }))]
    .sort((a, b) => a.c.priority - b.c.priority || a.i - b.i)
    .map(({ c }) => c);
};

/** Run a packet through every chain of one hook. DNAT rewrites the destination for the chains after it. */
export const runHook = (firewall: Firewall, hook: Hook, start: Packet): HookResult => {
  const matched: { label: string; rule: RuleRef }[] = [];
  const unknown: string[] = [];
  const chains: string[] = [];
  let packet = start;
  let dnat: string | null = null;
  let snat: string | null = null;
  for (const chain of hookChains(firewall, hook)) {
    if (chain.nat && (dnat !== null || snat !== null)) continue;
    const result = chain.walk(packet);
    chains.push(chain.label);
    for (const rule of result.matched) matched.push({ label: chain.label, rule });
    unknown.push(...result.unknown);
    if (result.verdict === "DROP" || result.verdict === "REJECT") {
      const last = result.matched.at(-1) ?? null;
      const byPolicy = last === null || (last.target !== "DROP" && last.target !== "REJECT");
      return {
        verdict: result.verdict === "DROP" ? "drop" : "reject",
        matched,
        droppedBy: { label: chain.label, byPolicy, rule: byPolicy ? null : last },
        dnat,
        snat,
        unknown,
        chains,
      };
    }
    if (result.dnat !== null) {
      dnat = result.dnat;
      const [address, port] = result.dnat.split(":");
      packet = { ...packet, dst: address ?? packet.dst, dport: port ? Number(port) : packet.dport };
    }
    if (result.snat) snat = result.verdict;
  }
  return { verdict: "accept", matched, droppedBy: null, dnat, snat, unknown, chains };
};
