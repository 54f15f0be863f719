// The topology model: the one shared vocabulary of labs, checks, renderers and the CLI.
// Nodes (host, containers, named namespaces), their interfaces, links between them
// (veth pairs, bridge ports, macvlan parents, vxlan underlays, shared namespaces), Docker's
// networks, and what iptables does with the packets (NAT, filtering). Endpoints are written
// containerlab-style as "node:iface".
import type { DockerContainer, DockerNetwork, IpInterface, IptablesTable, Route } from "../parse/models.js";
import type { NftTable } from "../parse/nft-model.js";

/** A network namespace: the host's, a container's, or one made with `ip netns`. */
export interface NamespaceNode {
  /** `host`, `container:<name>` or `netns:<name>`. */
  readonly id: string;
  readonly kind: "host" | "container" | "netns";
  readonly name: string;
  /** Containers living in this namespace (several in container mode; host-mode containers are in `host`). */
  readonly containers: readonly string[];
  readonly interfaces: readonly IpInterface[];
  readonly routes: readonly Route[];
  /** Kernel identity of the namespace (`/proc/PID/ns/net` inode); null when it could not be read. */
  readonly inode?: number | null;
  /** A process inside (container's main pid); null for the host and named namespaces. */
  readonly pid?: number | null;
}

/** Kinds of links between interfaces. */
export type LinkKind = "veth" | "bridge-port" | "macvlan" | "ipvlan" | "vlan" | "vxlan";

/** A link between two interfaces, each endpoint `"<namespace id>:<ifname>"`. */
export interface TopologyLink {
  readonly kind: LinkKind;
  /** veth: the host (or lower) end; bridge-port: the bridge; macvlan/ipvlan/vlan/vxlan: the parent (underlay). */
  readonly a: string;
  /** veth: the other end; bridge-port: the port; macvlan/ipvlan/vlan/vxlan: the child. */
  readonly b: string;
}

/** One iptables rule (from the parsed `iptables-save -c`) or nftables rule (`nft -j list ruleset`) as the topology refers to it. */
export interface RuleRef {
  /** iptables table (`nat`), or an nftables table with its family (`ip docker-bridges`). */
  readonly table: string;
  readonly chain: string;
  /** 1-based position in the chain (`iptables -t TABLE -L CHAIN --line-numbers`). */
  readonly position: number;
  /** The rule as `iptables-save` prints it, without counters (`-A DOCKER ... -j DNAT ...`), or as `nft list ruleset` prints it. */
  readonly text: string;
  readonly target: string;
  readonly packets: number;
  readonly bytes: number;
}

/** A published port: host address and port -> container address and port, and what implements it. */
export interface PublishedPort {
  readonly container: string;
  readonly network: string | null;
  readonly protocol: string;
  /** Host address Docker binds (`0.0.0.0`, `127.0.0.1`, `::`). */
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerIp: string;
  readonly containerPort: number;
  /** nat DOCKER chain DNAT rule (null when the engine uses only the proxy, e.g. userland-proxy only or host mode). */
  readonly dnat: RuleRef | null;
  /** filter rule accepting forwarded traffic to the container port. */
  readonly accept: RuleRef | null;
  /** nat POSTROUTING MASQUERADE for the container reaching its own published port (hairpin). */
  readonly hairpin: RuleRef | null;
  /** pid of the docker-proxy process serving this port, when one runs. */
  readonly proxyPid: number | null;
}

/** MASQUERADE of one subnet (outbound NAT). */
export interface Masquerade {
  readonly subnet: string;
  /** Bridge excluded by `! -o BRIDGE` (traffic staying on the bridge is not rewritten). */
  readonly exceptOut: string | null;
  readonly network: string | null;
  readonly rule: RuleRef;
}

/** Filtering Docker set up between and around bridges. */
export interface FilterView {
  /** Rules in the isolation chains (20.10: DOCKER-ISOLATION-STAGE-1/2; 28+: DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT, ...). */
  readonly isolation: readonly RuleRef[];
  /** Policy of the filter FORWARD chain (`DROP` when Docker enabled ip_forward). */
  readonly forwardPolicy: string | null;
  /** Every rule of the filter table that mentions a Docker bridge. */
  readonly bridgeRules: readonly RuleRef[];
}

/** A running docker-proxy (userland proxy for a published port). */
export interface DockerProxy {
  readonly pid: number;
  readonly protocol: string;
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerIp: string;
  readonly containerPort: number;
}

/** NAT and filtering as the kernel applies them. */
export interface NatView {
  readonly published: readonly PublishedPort[];
  readonly masquerade: readonly Masquerade[];
  readonly filter: FilterView;
  readonly proxies: readonly DockerProxy[];
  /** Every rule of the raw, mangle, nat and filter tables (and of the nftables tables) with counters (for tables, diffs and `--prove`). */
  readonly rules: readonly RuleRef[];
  /** The parsed `iptables-save -c` tables themselves (what `explain` walks packets through). */
  readonly tables: readonly IptablesTable[];
  /** nftables tables iptables does not manage (Docker 29's `ip`/`ip6 docker-bridges`, a user's own), from `nft -j list ruleset`. */
  readonly nftables?: readonly NftTable[];
}

/** One snapshot of what Docker (and the learner) built. */
export interface Topology {
  readonly engineVersion: string;
  readonly namespaces: readonly NamespaceNode[];
  readonly networks: readonly DockerNetwork[];
  readonly containers: readonly DockerContainer[];
  readonly links: readonly TopologyLink[];
  /** NAT and filtering; absent when iptables could not be read (see warnings). */
  readonly nat?: NatView;
  /** Things the snapshot could not read (a container that exited meanwhile, a parser problem...). */
  readonly warnings: readonly string[];
}

/** A rule as a command a learner can type: `iptables -t nat -A DOCKER ...` or `nft add rule ip docker-bridges CHAIN ...`. */
export const ruleCommand = (rule: RuleRef): string =>
  rule.table.includes(" ") ? `nft add rule ${rule.table} ${rule.chain} ${rule.text}` : `iptables -t ${rule.table} ${rule.text}`;

/** Endpoint string of an interface in a namespace. */
export const endpoint = (namespace: string, ifname: string): string => `${namespace}:${ifname}`;

/** Split an endpoint into namespace id and interface name (the namespace id itself may contain ':'). */
export const splitEndpoint = (value: string): { namespace: string; ifname: string } => {
  const at = value.lastIndexOf(":");
  return { namespace: value.slice(0, at), ifname: value.slice(at + 1) };
};

/** The host namespace of a topology. */
export const hostNamespace = (topology: Topology): NamespaceNode | undefined => topology.namespaces.find((ns) => ns.kind === "host");

/** The namespace a container lives in (host-mode containers live in `host`). */
export const namespaceOf = (topology: Topology, container: string): NamespaceNode | undefined =>
  topology.namespaces.find((ns) => ns.containers.includes(container));

/** A namespace by id (`host`, `container:web`, `netns:dnl-ns`). */
export const namespaceById = (topology: Topology, id: string): NamespaceNode | undefined => topology.namespaces.find((ns) => ns.id === id);

/** The interface an endpoint names, or undefined. */
export const interfaceAt = (topology: Topology, value: string): IpInterface | undefined => {
  const { namespace, ifname } = splitEndpoint(value);
  return namespaceById(topology, namespace)?.interfaces.find((iface) => iface.name === ifname);
};

/** The Linux bridge interface name behind a Docker bridge network (`docker0` for `bridge`, `br-<id12>` otherwise). */
export const bridgeInterfaceName = (network: DockerNetwork): string | null => {
  if (network.driver !== "bridge") return null;
  return network.options["com.docker.network.bridge.name"] ?? `br-${network.id.slice(0, 12)}`;
};

/** The Docker network whose bridge is this host interface, or undefined. */
export const networkOfBridge = (topology: Topology, ifname: string): DockerNetwork | undefined =>
  topology.networks.find((network) => bridgeInterfaceName(network) === ifname);

/** The first IPv4 address of an interface as CIDR, or "". */
export const ipv4Cidr = (iface: IpInterface | undefined): string => {
  const address = iface?.addresses.find((a) => a.family === "inet");
  return address ? `${address.address}/${address.prefix}` : "";
};
