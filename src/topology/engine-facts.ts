// What the engine the learner has actually does, judged from the kernel's rules (parsed iptables-save) rather than
// from its version number: how a published port is reached from the host and from its own container (docker-proxy
// or DNAT, with or without the hairpin MASQUERADE), which rule drops a packet from one bridge to another, whether
// a container's MAC is derived from its address. Pure: tables, topology and proxies in, facts out.
//
// The version only names what was seen ("Docker 28.5.2") and tells which generation's layout to expect in prose:
//   ≤ 27  filter FORWARD -> DOCKER-ISOLATION-STAGE-1 (-i A ! -o A) -> STAGE-2 (-o B -j DROP); a hairpin MASQUERADE
//         per published port; MACs 02:42 + the IPv4 address.
//   28    FORWARD -> DOCKER-FORWARD (DOCKER-CT, DOCKER-INTERNAL, DOCKER-BRIDGE -> DOCKER); raw PREROUTING drops
//         packets to a container from outside its bridge; the hairpin MASQUERADE only with --userland-proxy=false;
//         random MACs; gateway modes nat-unprotected and routed.
//   29    nftables (no isolation chains) — read from recorded output only.
import type { DockerContainer, DockerNetwork, IptablesTable } from "../parse/models.js";
import { walkChain, type Packet } from "./iptables-eval.js";
import { bridgeInterfaceName, type DockerProxy, type RuleRef, type Topology } from "./model.js";
import { flattenRules, matchOption } from "./nat.js";

/** An engine version as numbers (`28.5.2+dfsg3-1` -> 28, 5, 2); null when it cannot be read. */
export interface EngineVersion {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** Read `Server.Version` (Debian's `20.10.24+dfsg1`, Docker's `28.5.2`, `29.0.0-rc.1`). */
export const parseEngineVersion = (text: string): EngineVersion | null => {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!match) return null;
  return { text: text.trim(), major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
};

/** `Docker 28.5.2` (or `Docker (unknown version)`), for messages. */
export const engineLabel = (version: string): string => (version.trim() ? `Docker ${version.trim().replace(/\+.*$/, "")}` : "Docker (unknown version)");

/** The engine generation a version belongs to, for prose and predictions (checks judge the rules themselves). */
export type EngineGeneration = "isolation-stages" | "docker-forward" | "nftables";

export const engineGeneration = (version: string): EngineGeneration => {
  const v = parseEngineVersion(version);
  if (v && v.major >= 29) return "nftables";
  if (v && v.major >= 28) return "docker-forward";
  return "isolation-stages";
};

/** Does this engine offer the bridge gateway modes (`com.docker.network.bridge.gateway_mode_ipv4`) nat-unprotected and routed? */
export const hasGatewayModes = (version: string): boolean => (parseEngineVersion(version)?.major ?? 0) >= 28;

/** How a packet reaches a published port. */
export type PortRoute = "nat" | "docker-proxy" | "unreachable";

/** The two ways into a published port the labs look at, as this engine's rules implement them. */
export interface PortPaths {
  /** A request from the host itself to hostIp:hostPort: DNAT in nat OUTPUT, else docker-proxy. */
  readonly fromHost: { readonly route: PortRoute; readonly dnat: RuleRef | null };
  /**
   * The container to its own published port at its gateway address (hairpin): DNAT in nat PREROUTING (needs the
   * per-port MASQUERADE so the reply returns through the host), else docker-proxy when it listens on that address.
   */
  readonly hairpin: { readonly route: PortRoute; readonly dnat: RuleRef | null; readonly masquerade: RuleRef | null };
}

/** One published port in the shape PortPaths needs. */
export interface PortUnderTest {
  readonly protocol: string;
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerIp: string;
  readonly containerPort: number;
  /** The container's bridge interface (docker0, br-…) and its gateway address there. */
  readonly bridge: string;
  readonly gateway: string;
}

const isLoopback = (address: string): boolean => address.startsWith("127.");
const tcpOrUdp = (protocol: string): "tcp" | "udp" => (protocol === "udp" ? "udp" : "tcp");
const lastRule = (matched: readonly RuleRef[]): RuleRef | null => matched.at(-1) ?? null;

/** How the host and the container itself reach a published port (walks nat OUTPUT, PREROUTING and POSTROUTING). */
export const portPaths = (
  tables: readonly IptablesTable[],
  port: PortUnderTest,
  proxies: readonly DockerProxy[],
  localAddresses: readonly string[],
): PortPaths => {
  const protocol = tcpOrUdp(port.protocol);
  const local = [...new Set([...localAddresses, "127.0.0.1", port.gateway])];
  const proxy = proxies.find((p) => p.hostPort === port.hostPort && p.protocol === protocol && (p.hostIp === port.hostIp || p.hostIp === "0.0.0.0"));
  const target = `${port.containerIp}:${port.containerPort}`;
  // From the host: the packet leaves through nat OUTPUT towards hostIp (0.0.0.0 means any local address: 127.0.0.1).
  const hostDst = port.hostIp === "0.0.0.0" || port.hostIp === "" ? "127.0.0.1" : port.hostIp;
  const out = walkChain(tables, "nat", "OUTPUT", { src: hostDst, dst: hostDst, protocol, dport: port.hostPort, in: null, out: null, local });
  const fromHost =
    out.verdict === "DNAT" && out.dnat === target
      ? { route: "nat" as const, dnat: lastRule(out.matched) }
      : { route: proxy ? ("docker-proxy" as const) : ("unreachable" as const), dnat: null };
  // Hairpin: from the container, in through its bridge, to its gateway's address and the host port.
  const pre: Packet = { src: port.containerIp, dst: port.gateway, protocol, dport: port.hostPort, in: port.bridge, out: null, local };
  const walked = walkChain(tables, "nat", "PREROUTING", pre);
  let hairpin: PortPaths["hairpin"];
  if (walked.verdict === "DNAT" && walked.dnat === target) {
    const post = walkChain(tables, "nat", "POSTROUTING", {
      src: port.containerIp,
      dst: port.containerIp,
      protocol,
      dport: port.containerPort,
      in: port.bridge,
      out: port.bridge,
      local,
    });
    hairpin = { route: "nat", dnat: lastRule(walked.matched), masquerade: post.snat ? lastRule(post.matched) : null };
  } else {
    const listens = proxy !== undefined && !isLoopback(proxy.hostIp);
    hairpin = { route: listens ? "docker-proxy" : "unreachable", dnat: null, masquerade: null };
  }
  return { fromHost, hairpin };
};

/** The per-port hairpin MASQUERADE (`-s C/32 -d C/32 -p tcp --dport P -j MASQUERADE`) whatever path uses it, or null. */
export const hairpinMasquerade = (tables: readonly IptablesTable[], containerIp: string, containerPort: number): RuleRef | null =>
  flattenRules(tables, ["nat"]).find(
    ({ rule }) =>
      rule.chain === "POSTROUTING" &&
      rule.target === "MASQUERADE" &&
      rule.source === `${containerIp}/32` &&
      rule.destination === `${containerIp}/32` &&
      matchOption(rule, "dport") === String(containerPort),
  )?.ref ?? null;

/** What happens to a first packet from one bridge network to another. */
export interface CrossBridge {
  readonly from: string;
  readonly to: string;
  /** DROP (isolated) or ACCEPT. */
  readonly verdict: string;
  /** The rule that decided (the DROP of the isolation, or the ACCEPT); null when a chain policy did. */
  readonly rule: RuleRef | null;
  /** Every rule that matched on the way, jumps included (raw PREROUTING first when the engine has rules there). */
  readonly path: readonly RuleRef[];
  /** Match modules met but not evaluated (the verdict then may be wrong). */
  readonly unknown: readonly string[];
}

// A host address of a network: a container's there when given, else the subnet's .2.
const someAddress = (network: DockerNetwork, containers: readonly DockerContainer[]): string | null => {
  const endpoint = containers.map((c) => c.networkSettings.networks[network.name]).find((ep) => ep?.ipAddress);
  if (endpoint) return endpoint.ipAddress;
  const subnet = network.ipam.config.find((c) => c.subnet && !c.subnet.includes(":"))?.subnet;
  if (!subnet) return null;
  const [a, b, c, d] = (subnet.split("/")[0] as string).split(".").map(Number) as [number, number, number, number];
  return `${a}.${b}.${c}.${d + 2}`;
};

/**
 * Walk a ping from a container on `from` to one on `to` through raw PREROUTING (Docker 28 drops there) and filter
 * FORWARD: isolated networks end in a DROP, and that DROP is the isolation rule of this engine.
 */
export const crossBridge = (
  topology: Pick<Topology, "containers">,
  tables: readonly IptablesTable[],
  from: DockerNetwork,
  to: DockerNetwork,
): CrossBridge | null => {
  const [inIf, outIf] = [bridgeInterfaceName(from), bridgeInterfaceName(to)];
  const [src, dst] = [someAddress(from, topology.containers), someAddress(to, topology.containers)];
  if (!inIf || !outIf || !src || !dst) return null;
  const packet: Packet = { src, dst, protocol: "icmp", dport: null, in: inIf, out: null, local: [] };
  const raw = tables.some((t) => t.name === "raw") ? walkChain(tables, "raw", "PREROUTING", packet) : null;
  if (raw && raw.verdict === "DROP")
    return { from: from.name, to: to.name, verdict: "DROP", rule: lastRule(raw.matched), path: raw.matched, unknown: raw.unknown };
  const forward = walkChain(tables, "filter", "FORWARD", { ...packet, out: outIf });
  const decided = forward.matched.at(-1);
  const terminal = decided && ["DROP", "REJECT", "ACCEPT"].includes(decided.target) ? decided : null;
  return {
    from: from.name,
    to: to.name,
    verdict: forward.verdict,
    rule: terminal,
    path: [...(raw?.matched ?? []), ...forward.matched],
    unknown: [...(raw?.unknown ?? []), ...forward.unknown],
  };
};

/** Where a container's MAC came from: Docker before 28 derives it from the IPv4 address (02:42:ac:11:00:02 for 172.17.0.2). */
export type MacOrigin = "from-ip" | "random";

export const macOrigin = (mac: string, ipv4: string): MacOrigin => {
  const bytes = ipv4.split(".").map((part) => Number(part).toString(16).padStart(2, "0"));
  return mac.toLowerCase() === `02:42:${bytes.join(":")}` ? "from-ip" : "random";
};
