// Pairing interfaces across namespaces: veth peers by ifindex, bridge ports by master, macvlan by parent.
import type { IpInterface } from "../parse/models.js";
import { endpoint, type NamespaceNode, type TopologyLink } from "./model.js";

/**
 * veth pairs: an interface in a container namespace whose peer ifindex (`eth0@if7`) is the ifindex of a
 * host veth whose own peer ifindex is the container interface's ifindex.
 */
export const vethLinks = (host: NamespaceNode, others: readonly NamespaceNode[]): TopologyLink[] => {
  const hostByIndex = new Map<number, IpInterface>(host.interfaces.filter((iface) => iface.kind === "veth").map((iface) => [iface.ifindex, iface]));
  const links: TopologyLink[] = [];
  for (const ns of others) {
    for (const iface of ns.interfaces) {
      if (iface.kind !== "veth" || iface.peerIfindex === null) continue;
      const peer = hostByIndex.get(iface.peerIfindex);
      if (peer && peer.peerIfindex === iface.ifindex) links.push({ kind: "veth", a: endpoint(host.id, peer.name), b: endpoint(ns.id, iface.name) });
    }
  }
  return links;
};

/** Bridge ports: every interface whose master is a bridge in the same namespace. */
export const bridgePortLinks = (ns: NamespaceNode): TopologyLink[] => {
  const bridges = new Set(ns.interfaces.filter((iface) => iface.kind === "bridge").map((iface) => iface.name));
  return ns.interfaces
    .filter((iface) => iface.master !== null && bridges.has(iface.master))
    .map((iface) => ({ kind: "bridge-port" as const, a: endpoint(ns.id, iface.master as string), b: endpoint(ns.id, iface.name) }));
};
