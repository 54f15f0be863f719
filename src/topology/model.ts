// The topology model: the one shared vocabulary of labs, checks, renderers and the CLI.
// Nodes (host, containers, named namespaces), their interfaces, links between them
// (veth pairs, bridge ports, macvlan parents), and Docker's networks. Endpoints are
// written containerlab-style as "node:iface".
import type { DockerContainer, DockerNetwork, IpInterface, Route } from "../parse/models.js";

/** A network namespace: the host's, a container's, or one made with `ip netns`. */
export interface NamespaceNode {
  /** `host`, `container:<name>` or `netns:<name>`. */
  readonly id: string;
  readonly kind: "host" | "container" | "netns";
  readonly name: string;
  /** Containers living in this namespace (several in container mode, none for the host or a netns). */
  readonly containers: readonly string[];
  readonly interfaces: readonly IpInterface[];
  readonly routes: readonly Route[];
}

/** A link between two interfaces, each endpoint `"<namespace id>:<ifname>"`. */
export interface TopologyLink {
  readonly kind: "veth" | "bridge-port" | "macvlan";
  readonly a: string;
  readonly b: string;
}

/** One snapshot of what Docker (and the learner) built. */
export interface Topology {
  readonly engineVersion: string;
  readonly namespaces: readonly NamespaceNode[];
  readonly networks: readonly DockerNetwork[];
  readonly containers: readonly DockerContainer[];
  readonly links: readonly TopologyLink[];
  /** Things the snapshot could not read (a container that exited meanwhile, a parser problem...). */
  readonly warnings: readonly string[];
}

/** Endpoint string of an interface in a namespace. */
export const endpoint = (namespace: string, ifname: string): string => `${namespace}:${ifname}`;

/** Split an endpoint into namespace id and interface name (the namespace id itself may contain ':'). */
export const splitEndpoint = (value: string): { namespace: string; ifname: string } => {
  const at = value.lastIndexOf(":");
  return { namespace: value.slice(0, at), ifname: value.slice(at + 1) };
};

/** The host namespace of a topology. */
export const hostNamespace = (topology: Topology): NamespaceNode | undefined => topology.namespaces.find((ns) => ns.kind === "host");

/** The namespace a container lives in. */
export const namespaceOf = (topology: Topology, container: string): NamespaceNode | undefined =>
  topology.namespaces.find((ns) => ns.containers.includes(container));

/** The Linux bridge interface name behind a Docker bridge network (`docker0` for `bridge`, `br-<id12>` otherwise). */
export const bridgeInterfaceName = (network: DockerNetwork): string | null => {
  if (network.driver !== "bridge") return null;
  return network.options["com.docker.network.bridge.name"] ?? `br-${network.id.slice(0, 12)}`;
};
