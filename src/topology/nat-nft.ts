// NAT and filtering facts from Docker 29's nftables backend (`ip docker-bridges`, read from `nft -j list ruleset`):
// published port -> `dnat to` rule -> `ip daddr ... tcp dport ... accept` in filter-forward-in__BRIDGE -> hairpin
// `masquerade` (MASQ TO OWN PORT) ; MASQUERADE per subnet ; the per-bridge drops that isolate networks. Joined by
// fields (matches, NAT targets), not rule text, like nat.ts does for iptables.
import type { NftMatch, NftNat, NftRule, NftTable } from "../parse/nft-model.js";
import { bridgeInterfaceName, type Masquerade, type PublishedPort, type RuleRef, type Topology } from "./model.js";
import { nftRuleRef } from "./nft-eval.js";

/** Tables iptables-nft manages (`ip filter`, `ip6 nat`...): `iptables-save` already shows them, with more detail. */
export const isIptablesNftTable = (table: Pick<NftTable, "family" | "name">): boolean =>
  (table.family === "ip" || table.family === "ip6") && ["filter", "nat", "mangle", "raw", "security"].includes(table.name);

/** The nftables tables a snapshot keeps: all but iptables-nft's. */
export const ownNftTables = (tables: readonly NftTable[]): NftTable[] => tables.filter((t) => !isIptablesNftTable(t));

/** One nftables rule with where it lives. */
export interface NftRuleAt {
  readonly table: NftTable;
  readonly chain: string;
  readonly rule: NftRule;
  readonly ref: RuleRef;
}

/** Every rule of the IPv4 tables (`ip`, `inet`), in table/chain/position order. */
export const nftRules = (tables: readonly NftTable[]): NftRuleAt[] =>
  tables.flatMap((table) => table.chains.flatMap((c) => c.rules.map((rule) => ({ table, chain: c.name, rule, ref: nftRuleRef(table, c.name, rule) }))));

// The values of a rule's positive match on `selector` (`ip daddr`), or null when it has none.
const matchValue = (rule: NftRule, selector: string, op: NftMatch["op"] = "=="): string | null => {
  const m = rule.expr.find((e): e is NftMatch => e.kind === "match" && e.selector === selector && e.op === op && e.set === null && e.values.length === 1);
  return m?.values[0] ?? null;
};
const natOf = (rule: NftRule): NftNat | null => rule.expr.find((e): e is NftNat => e.kind === "nat") ?? null;
const ipv4 = (at: NftRuleAt): boolean => at.table.family === "ip" || at.table.family === "inet";

/** Fill the DNAT, ACCEPT and hairpin rules of published ports from nftables rules (where iptables had none). */
export const withNftRules = (ports: readonly PublishedPort[], rules: readonly NftRuleAt[]): PublishedPort[] =>
  ports.map((port) => {
    const v4 = rules.filter(ipv4);
    const dport = String(port.hostPort);
    const dnat = v4.find(({ rule }) => {
      const nat = natOf(rule);
      return (
        nat?.type === "dnat" &&
        nat.address === port.containerIp &&
        nat.port === String(port.containerPort) &&
        matchValue(rule, `${port.protocol} dport`) === dport
      );
    });
    const accept = v4.find(
      ({ rule }) =>
        rule.verdict?.kind === "accept" &&
        matchValue(rule, "ip daddr") === port.containerIp &&
        matchValue(rule, `${port.protocol} dport`) === String(port.containerPort),
    );
    const hairpin = v4.find(
      ({ rule }) =>
        natOf(rule)?.type === "masquerade" && matchValue(rule, "ip saddr") === port.containerIp && matchValue(rule, "ip daddr") === port.containerIp,
    );
    return { ...port, dnat: port.dnat ?? dnat?.ref ?? null, accept: port.accept ?? accept?.ref ?? null, hairpin: port.hairpin ?? hairpin?.ref ?? null };
  });

/** `oifname != "docker0" ip saddr 172.17.0.0/16 masquerade`: outbound NAT per subnet (not the /32 hairpin ones). */
export const nftMasquerades = (topology: Topology, rules: readonly NftRuleAt[]): Masquerade[] =>
  rules
    .filter((at) => ipv4(at) && natOf(at.rule)?.type === "masquerade")
    .flatMap((at) => {
      const subnet = matchValue(at.rule, "ip saddr");
      if (subnet === null || !subnet.includes("/") || subnet.endsWith("/32")) return [];
      const out = matchValue(at.rule, "oifname", "!=");
      const network = topology.networks.find((n) => (out !== null && bridgeInterfaceName(n) === out) || n.ipam.config.some((c) => c.subnet === subnet)) ?? null;
      return [{ subnet, exceptOut: out, network: network?.name ?? null, rule: at.ref }];
    });

/** Chains of Docker's nftables backend that hold a bridge's forwarding rules (`filter-forward-in__docker0`). */
export const isBridgeChain = (chain: string): boolean => /^filter-forward-(in|out)__/.test(chain);

/** Drops between networks: the per-bridge `filter-forward-in/out__*` rules that drop (ICC, INTERNAL NETWORK..., UNPUBLISHED PORT DROP). */
export const nftIsolation = (rules: readonly NftRuleAt[]): RuleRef[] =>
  rules.filter((at) => ipv4(at) && isBridgeChain(at.chain) && at.rule.verdict?.kind === "drop").map((at) => at.ref);

/** Filter rules of the IPv4 docker-bridges tables that concern a Docker bridge (its per-bridge chains). */
export const nftBridgeRules = (rules: readonly NftRuleAt[], bridges: ReadonlySet<string>): RuleRef[] =>
  rules.filter((at) => ipv4(at) && isBridgeChain(at.chain) && bridges.has(at.chain.slice(at.chain.indexOf("__") + 2))).map((at) => at.ref);

/** Policy of Docker's nftables filter-FORWARD base chain (`ACCEPT`, or `DROP` when Docker enabled forwarding itself), or null. */
export const nftForwardPolicy = (tables: readonly NftTable[]): string | null =>
  tables
    .find((t) => t.family === "ip" && t.name === "docker-bridges")
    ?.chains.find((c) => c.hook?.hook === "forward" && c.hook.type === "filter")
    ?.hook?.policy.toUpperCase() ?? null;
