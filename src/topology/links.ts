// Pairing interfaces across namespaces: veth peers by ifindex, bridge ports by master,
// macvlan/ipvlan/vlan children by parent ifindex, vxlan by underlay device. Pure functions.
import type { IpInterface } from "../parse/models.js";
import { endpoint, type NamespaceNode, type TopologyLink } from "./model.js";

type Located = { readonly ns: NamespaceNode; readonly iface: IpInterface };

// Namespace order for choosing the "a" end of a veth: host first, then named namespaces, then containers.
const rank = (ns: NamespaceNode): number => (ns.kind === "host" ? 0 : ns.kind === "netns" ? 1 : 2);

/**
 * veth pairs across all namespaces: A (ifindex i, peer ifindex p) pairs with B (ifindex p, peer ifindex i).
 * ifindexes are per namespace, so a pair must also agree on where the peer lives: in the same
 * namespace (no link-netnsid, `link` names the peer) or in another one (link-netnsid on both ends).
 * When several candidates remain, the host end is preferred and a warning is recorded.
 */
export const vethLinks = (host: NamespaceNode, others: readonly NamespaceNode[], warnings: string[] = []): TopologyLink[] => {
  const all = [host, ...others];
  const byIndex = new Map<number, Located[]>();
  for (const ns of all) {
    for (const iface of ns.interfaces) {
      if (iface.kind !== "veth") continue;
      const list = byIndex.get(iface.ifindex) ?? [];
      list.push({ ns, iface });
      byIndex.set(iface.ifindex, list);
    }
  }
  const links: TopologyLink[] = [];
  const seen = new Set<string>();
  for (const ns of all) {
    for (const iface of ns.interfaces) {
      if (iface.kind !== "veth") continue;
      const here = endpoint(ns.id, iface.name);
      if (seen.has(here)) continue;
      // Both ends in one namespace: `ip -j` names the peer (`vin1@vin0`) instead of giving its ifindex.
      if (iface.peerIfindex === null) {
        const peer = iface.link === null ? undefined : ns.interfaces.find((other) => other.name === iface.link && other.kind === "veth");
        if (!peer) continue;
        const there = endpoint(ns.id, peer.name);
        seen.add(here);
        seen.add(there);
        links.push({ kind: "veth", a: there < here ? there : here, b: there < here ? here : there });
        continue;
      }
      const sameNs = iface.linkNetnsid === null;
      const candidates = (byIndex.get(iface.peerIfindex) ?? []).filter(
        (other) =>
          other.iface.peerIfindex === iface.ifindex &&
          (sameNs ? other.ns.id === ns.id && other.iface.name !== iface.name : other.ns.id !== ns.id && other.iface.linkNetnsid !== null) &&
          !seen.has(endpoint(other.ns.id, other.iface.name)),
      );
      if (candidates.length === 0) continue;
      const sorted = [...candidates].sort((x, y) => rank(x.ns) - rank(y.ns));
      if (sorted.length > 1 && rank(sorted[0]!.ns) === rank(sorted[1]!.ns)) {
        warnings.push(
          `veth ${here} (peer ifindex ${iface.peerIfindex}) matches ${sorted.length} interfaces; picked ${endpoint(sorted[0]!.ns.id, sorted[0]!.iface.name)}`,
        );
      }
      const peer = sorted[0]!;
      const there = endpoint(peer.ns.id, peer.iface.name);
      seen.add(here);
      seen.add(there);
      const [a, b] = rank(peer.ns) < rank(ns) || (rank(peer.ns) === rank(ns) && there < here) ? [there, here] : [here, there];
      links.push({ kind: "veth", a, b });
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

const childKinds = new Set(["macvlan", "macvtap", "ipvlan", "ipvtap", "vlan"]);

// `macvtap` draws as macvlan, `ipvtap` as ipvlan.
const childLinkKind = (kind: string): TopologyLink["kind"] => (kind.startsWith("macv") ? "macvlan" : kind.startsWith("ipv") ? "ipvlan" : "vlan");

/**
 * macvlan / ipvlan / vlan children -> their parent. The parent ifindex is `peerIfindex` (`eth0@if2`);
 * with link-netnsid the parent lives in another namespace (Docker's are in the host), otherwise in the same one.
 */
export const parentLinks = (host: NamespaceNode, others: readonly NamespaceNode[], warnings: string[] = []): TopologyLink[] => {
  const all = [host, ...others];
  const links: TopologyLink[] = [];
  for (const ns of all) {
    for (const iface of ns.interfaces) {
      if (!iface.kind || !childKinds.has(iface.kind) || (iface.peerIfindex === null && iface.link === null)) continue;
      let parent: Located | undefined;
      if (iface.linkNetnsid === null) {
        const found = ns.interfaces.find((candidate) => (iface.peerIfindex === null ? candidate.name === iface.link : candidate.ifindex === iface.peerIfindex));
        if (found) parent = { ns, iface: found };
      } else {
        // Docker creates children in the host and moves them: the parent is in the host unless the host lacks it.
        const inHost = ns.id === host.id ? undefined : host.interfaces.find((candidate) => candidate.ifindex === iface.peerIfindex);
        if (inHost) parent = { ns: host, iface: inHost };
        else {
          const found = others
            .filter((other) => other.id !== ns.id)
            .flatMap((other) => other.interfaces.filter((c) => c.ifindex === iface.peerIfindex).map((c) => ({ ns: other, iface: c })));
          if (found.length > 1) warnings.push(`${iface.kind} ${endpoint(ns.id, iface.name)}: parent ifindex ${iface.peerIfindex} is ambiguous`);
          parent = found[0];
        }
      }
      if (parent) links.push({ kind: childLinkKind(iface.kind), a: endpoint(parent.ns.id, parent.iface.name), b: endpoint(ns.id, iface.name) });
      else warnings.push(`${iface.kind} ${endpoint(ns.id, iface.name)}: parent ifindex ${iface.peerIfindex} not found`);
    }
  }
  return links;
};

/** vxlan devices -> their underlay device (`dev` in the details), same namespace. */
export const vxlanLinks = (ns: NamespaceNode): TopologyLink[] =>
  ns.interfaces
    .filter((iface) => iface.kind === "vxlan")
    .flatMap((iface) => {
      const data = iface.kindData ?? {};
      const underlay = typeof data.link === "string" ? data.link : iface.link;
      const under = underlay ? ns.interfaces.find((candidate) => candidate.name === underlay) : undefined;
      return under ? [{ kind: "vxlan" as const, a: endpoint(ns.id, under.name), b: endpoint(ns.id, iface.name) }] : [];
    });

/** Every link of a set of namespaces (the first one is the host). */
export const allLinks = (namespaces: readonly NamespaceNode[], warnings: string[] = []): TopologyLink[] => {
  const [host, ...others] = namespaces;
  if (!host) return [];
  return [
    ...vethLinks(host, others, warnings),
    ...namespaces.flatMap(bridgePortLinks),
    ...parentLinks(host, others, warnings),
    ...namespaces.flatMap(vxlanLinks),
  ];
};
