// NAT and filtering from parsed `iptables-save -c` (and, for Docker 29's nftables backend, `nft -j list ruleset`
// through nat-nft.ts): published ports -> DNAT -> container, MASQUERADE per subnet, hairpin, isolation chains, docker-proxy. Works on parsed rules (fields, not rule text), so it
// holds for Docker 20.10 (DOCKER-ISOLATION-STAGE-1/2) and 28+ (DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT...).
import type { IptablesRule, IptablesTable } from "../parse/models.js";
import type { NftTable } from "../parse/nft-model.js";
import { nftBridgeRules, nftForwardPolicy, nftIsolation, nftMasquerades, nftRules, withNftRules } from "./nat-nft.js";
import { bridgeInterfaceName, type DockerProxy, type Masquerade, type NatView, type PublishedPort, type RuleRef, type Topology } from "./model.js";
import { ruleRef } from "./packet.js";

/** Chains Docker uses to isolate networks and gate forwarding (both engine generations). */
export const isolationChains = [
  "DOCKER-ISOLATION-STAGE-1",
  "DOCKER-ISOLATION-STAGE-2",
  "DOCKER-FORWARD",
  "DOCKER-BRIDGE",
  "DOCKER-CT",
  "DOCKER-INTERNAL",
  "DOCKER-ISOLATION",
] as const;

/** Every rule of the given tables, in table/chain/position order. */
export const flattenRules = (tables: readonly IptablesTable[], names: readonly string[] = ["nat", "filter"]): { ref: RuleRef; rule: IptablesRule }[] =>
  tables.filter((t) => names.includes(t.name)).flatMap((t) => t.chains.flatMap((chain) => chain.rules.map((rule) => ({ ref: ruleRef(t.name, rule), rule }))));

/** Value of a match option (`--dport`) across the rule's matches, or null. */
export const matchOption = (rule: IptablesRule, option: string): string | null => {
  for (const match of rule.matches) if (option in match.options) return match.options[option] ?? null;
  return null;
};

// `172.17.0.2/32` or `172.17.0.2` -> `172.17.0.2`; null for negated or absent.
const hostAddress = (value: string | null): string | null => (value && !value.startsWith("!") ? value.replace(/\/32$/, "") : null);
// Protocol as Docker writes it.
const proto = (rule: IptablesRule): string | null => rule.protocol?.replace(/^!/, "") ?? null;

/** Published ports of running containers, each joined to its DNAT, ACCEPT and hairpin rules and its docker-proxy. */
export const publishedPorts = (
  topology: Topology,
  rules: readonly { ref: RuleRef; rule: IptablesRule }[],
  proxies: readonly DockerProxy[],
): PublishedPort[] => {
  const nat = rules.filter((r) => r.ref.table === "nat");
  const filter = rules.filter((r) => r.ref.table === "filter");
  const ports: PublishedPort[] = [];
  for (const container of topology.containers.filter((c) => c.state.running)) {
    const endpoints = Object.entries(container.networkSettings.networks).filter(([, ep]) => ep.ipAddress);
    for (const [key, bindings] of Object.entries(container.networkSettings.ports).sort(([a], [b]) => a.localeCompare(b))) {
      const [portText, protocol = "tcp"] = key.split("/");
      const containerPort = Number(portText);
      for (const binding of bindings ?? []) {
        const hostPort = Number(binding.hostPort);
        const v6 = binding.hostIp.includes(":");
        // The DNAT rule sending hostPort to one of the container's addresses.
        const dnat = v6
          ? undefined
          : nat.find(({ rule }) => {
              if (rule.target !== "DNAT" || proto(rule) !== protocol || matchOption(rule, "dport") !== String(hostPort)) return false;
              const to = rule.targetOptions["to-destination"] ?? "";
              const bound = hostAddress(rule.destination);
              return (
                endpoints.some(([, ep]) => to === `${ep.ipAddress}:${containerPort}`) &&
                (bound === null || binding.hostIp === "0.0.0.0" || binding.hostIp === "" || bound === binding.hostIp)
              );
            });
        const containerIp = dnat?.rule.targetOptions["to-destination"]?.split(":")[0] ?? endpoints[0]?.[1].ipAddress ?? "";
        const network = endpoints.find(([, ep]) => ep.ipAddress === containerIp)?.[0] ?? null;
        const accept = filter.find(
          ({ rule }) =>
            rule.target === "ACCEPT" &&
            hostAddress(rule.destination) === containerIp &&
            proto(rule) === protocol &&
            matchOption(rule, "dport") === String(containerPort),
        );
        const hairpin = nat.find(
          ({ rule }) =>
            rule.target === "MASQUERADE" &&
            hostAddress(rule.source) === containerIp &&
            hostAddress(rule.destination) === containerIp &&
            matchOption(rule, "dport") === String(containerPort),
        );
        const proxy = proxies.find(
          (p) => p.hostPort === hostPort && p.protocol === protocol && (p.hostIp === binding.hostIp || (binding.hostIp === "" && p.hostIp === "0.0.0.0")),
        );
        ports.push({
          container: container.name,
          network,
          protocol,
          hostIp: binding.hostIp || "0.0.0.0",
          hostPort,
          containerIp,
          containerPort,
          dnat: dnat?.ref ?? null,
          accept: accept?.ref ?? null,
          hairpin: hairpin?.ref ?? null,
          proxyPid: proxy?.pid ?? null,
        });
      }
    }
  }
  return ports;
};

/** MASQUERADE rules for whole subnets (not the /32 hairpin ones), with the network they belong to. */
export const masquerades = (topology: Topology, rules: readonly { ref: RuleRef; rule: IptablesRule }[]): Masquerade[] =>
  rules
    .filter(
      ({ ref, rule }) =>
        ref.table === "nat" && rule.target === "MASQUERADE" && rule.source !== null && !rule.source.startsWith("!") && !rule.source.endsWith("/32"),
    )
    .map(({ ref, rule }) => {
      const subnet = rule.source as string;
      const out = rule.outInterface?.startsWith("!") ? rule.outInterface.slice(1) : null;
      const network = topology.networks.find((n) => (out !== null && bridgeInterfaceName(n) === out) || n.ipam.config.some((c) => c.subnet === subnet)) ?? null;
      return { subnet, exceptOut: out, network: network?.name ?? null, rule: ref };
    });

/** NAT view of a host: parsed iptables tables (+ nftables tables, Docker 29) + docker-proxies, joined to the topology's containers and networks. */
export const natView = (topology: Topology, tables: readonly IptablesTable[], proxies: readonly DockerProxy[], nftables: readonly NftTable[] = []): NatView => {
  const rules = flattenRules(tables);
  const nft = nftRules(nftables);
  const bridges = new Set(topology.networks.map(bridgeInterfaceName).filter((name): name is string => name !== null));
  const mentionsBridge = (rule: IptablesRule): boolean => [rule.inInterface, rule.outInterface].some((i) => i !== null && bridges.has(i.replace(/^!/, "")));
  const forward = tables.find((t) => t.name === "filter")?.chains.find((c) => c.name === "FORWARD");
  return {
    published: withNftRules(publishedPorts(topology, rules, proxies), nft),
    masquerade: [...masquerades(topology, rules), ...nftMasquerades(topology, nft)],
    filter: {
      isolation: [
        ...rules.filter(({ ref }) => ref.table === "filter" && (isolationChains as readonly string[]).includes(ref.chain)).map(({ ref }) => ref),
        ...nftIsolation(nft),
      ],
      forwardPolicy: forward?.policy ?? nftForwardPolicy(nftables),
      bridgeRules: [...rules.filter(({ ref, rule }) => ref.table === "filter" && mentionsBridge(rule)).map(({ ref }) => ref), ...nftBridgeRules(nft, bridges)],
    },
    proxies,
    // raw and mangle too: Docker 28 drops in raw PREROUTING, and `--prove` must see those counters move.
    rules: [...flattenRules(tables, ["raw", "mangle", "nat", "filter"]).map(({ ref }) => ref), ...nft.map(({ ref }) => ref)],
    tables,
    ...(nftables.length ? { nftables } : {}),
  };
};
