// explain(topology, from, to): the path of one packet, hop by hop, with each route, link, bridge and
// iptables rule it meets. Pure: works on a snapshot. Covers host -> published port -> container,
// container -> container (same bridge: bridged; other bridge: routed, isolation rules), container ->
// a namespace with a TEST-NET address (routed, MASQUERADE), macvlan children through their parent.
import { UsageError } from "../errors.js";
import type { IpInterface, Route } from "../parse/models.js";
import { inSubnet } from "./ipv4.js";
import { walkChain, type Packet } from "./iptables-eval.js";
import { endpoint, ipv4Cidr, splitEndpoint, type NamespaceNode, type RuleRef, type Topology } from "./model.js";

/** One step of the path. */
export interface Hop {
  /** Namespace id where it happens (`host`, `container:web`, `netns:dnl-inet`). */
  readonly where: string;
  readonly kind: "route" | "link" | "bridge" | "rule" | "nat" | "proxy" | "deliver" | "drop" | "note";
  readonly text: string;
  /** The iptables rule, for `rule` / `nat` / `drop` hops. */
  readonly rule?: RuleRef;
}

/** The whole path. */
export interface Explanation {
  readonly from: string;
  readonly to: string;
  /** The packet as it left the source. */
  readonly packet: { readonly src: string; readonly dst: string; readonly protocol: "tcp" | "udp" | "icmp"; readonly dport: number | null };
  readonly hops: readonly Hop[];
  readonly verdict: "delivered" | "dropped" | "unreachable" | "left-host" | "unknown";
  /** Namespace id the packet reached (delivered) or null. */
  readonly reached: string | null;
  /** Endpoints (`ns:iface`) the packet passed, in order; `ns:` for the namespace it started in. */
  readonly path: readonly string[];
}

/** Names to highlight in a picture for a path: interfaces, bridges, namespaces and their containers. */
export const pathNames = (topology: Topology, e: Explanation): string[] => {
  const names = new Set<string>();
  for (const value of e.path) {
    const { namespace, ifname } = splitEndpoint(value);
    if (ifname) names.add(ifname);
    const ns = topology.namespaces.find((candidate) => candidate.id === namespace);
    if (ns && ns.kind !== "host") for (const name of [ns.name, ...ns.containers]) names.add(name);
  }
  return [...names].sort();
};

export interface ExplainOptions {
  /** @default "tcp" when a port is given, else "icmp" */
  readonly protocol?: "tcp" | "udp" | "icmp";
}

/** A resolved place: a namespace, an address in it, a port. */
export interface Place {
  readonly ns: NamespaceNode;
  readonly address: string;
  readonly port: number | null;
  readonly label: string;
}

const globalIpv4 = (ns: NamespaceNode): string | null =>
  ns.interfaces.flatMap((i) => (i.name === "lo" ? [] : i.addresses.filter((a) => a.family === "inet" && a.scope !== "host"))).map((a) => a.address)[0] ?? null;
const localAddresses = (ns: NamespaceNode): string[] => ns.interfaces.flatMap((i) => i.addresses.filter((a) => a.family === "inet").map((a) => a.address));
const owns = (ns: NamespaceNode, address: string): boolean => localAddresses(ns).includes(address) || address.startsWith("127.");

/** Resolve `host`, `host:8080`, `web`, `web:80`, `netns:dnl-inet`, `dnl-inet`, `203.0.113.7`, `127.0.0.1:8080`. */
export const resolvePlace = (topology: Topology, text: string, role: "from" | "to"): Place => {
  const withPort = /^(.*):(\d+)$/.exec(text);
  const name = withPort ? (withPort[1] as string) : text;
  const port = withPort ? Number(withPort[2]) : null;
  const host = topology.namespaces.find((ns) => ns.kind === "host") as NamespaceNode;
  const byName =
    name === "host"
      ? host
      : topology.namespaces.find((ns) => ns.id === name || ns.containers.includes(name) || (ns.kind === "netns" && (ns.name === name || `netns:${ns.name}` === name)));
  if (byName) {
    const address = byName.kind === "host" ? (role === "to" ? "127.0.0.1" : globalIpv4(byName) ?? "127.0.0.1") : globalIpv4(byName);
    if (!address) throw new UsageError(`${name} has no IPv4 address (none mode?): nothing can reach it and it can reach nothing`, { hint: "Attach it to a network first (`docker network connect`)." });
    return { ns: byName, address, port, label: text };
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    const owner = topology.namespaces.find((ns) => owns(ns, name) && !name.startsWith("127.")) ?? (name.startsWith("127.") ? host : undefined);
    if (owner) return { ns: owner, address: name, port, label: text };
    if (role === "to") return { ns: host, address: name, port, label: text };
  }
  throw new UsageError(`unable to find ${text}: expected host, a running container, an ip netns name or an address`, { hint: "List what exists with `docker-net-lab snapshot --text` (containers must be running)." });
};

/** Longest-prefix route for an address in a namespace's main table. */
export const routeLookup = (ns: NamespaceNode, address: string): Route | null => {
  const candidates = ns.routes.filter((r) => (r.family === "inet" || r.family === null) && r.table === "main" && (r.type === "unicast" || r.type === "") && (r.dst === "default" || inSubnet(address, r.dst.includes("/") ? r.dst : `${r.dst}/32`)));
  return [...candidates].sort((a, b) => (b.dst === "default" ? 0 : b.dstPrefix ?? 32) - (a.dst === "default" ? 0 : a.dstPrefix ?? 32) || (a.metric ?? 0) - (b.metric ?? 0))[0] ?? null;
};

const routeText = (r: Route): string => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ""}${r.dev ? ` dev ${r.dev}` : ""}${r.src ? ` src ${r.src}` : ""}`;

/** The path of one packet from `from` to `to` (see resolvePlace for the forms), hop by hop. */
export const explain = (topology: Topology, from: string, to: string, options: ExplainOptions = {}): Explanation => {
  const source = resolvePlace(topology, from, "from");
  const target = resolvePlace(topology, to, "to");
  const protocol = options.protocol ?? (target.port !== null ? "tcp" : "icmp");
  const tables = topology.nat?.tables ?? [];
  const nsById = new Map(topology.namespaces.map((ns) => [ns.id, ns]));
  const hops: Hop[] = [];
  // Loopback destinations are reached from the loopback address.
  const start = { src: target.address.startsWith("127.") && source.ns.kind === "host" ? "127.0.0.1" : source.address, dst: target.address, protocol, dport: target.port };
  let packet = { ...start };
  let ns = source.ns;
  let inIface: string | null = null;
  let proxied = false;
  const rulesHop = (where: string, label: string, matched: readonly RuleRef[]): void => {
    for (const rule of matched) hops.push({ where, kind: rule.target === "DNAT" || rule.target === "MASQUERADE" || rule.target === "SNAT" ? "nat" : "rule", text: `${label}: ${rule.text}`, rule });
  };
  const touched: string[] = [endpoint(source.ns.id, "")];
  const done = (verdict: Explanation["verdict"], reached: string | null): Explanation => ({ from, to, packet: start, hops, verdict, reached, path: [...new Set(touched)] });
  const peerOf = (where: string): string | null => {
    for (const link of topology.links) {
      if (link.kind !== "veth") continue;
      if (link.a === where) return link.b;
      if (link.b === where) return link.a;
    }
    return null;
  };
  const ifaceAt = (value: string): { ns: NamespaceNode; iface: IpInterface } | null => {
    const { namespace, ifname } = splitEndpoint(value);
    const owner = nsById.get(namespace);
    const iface = owner?.interfaces.find((i) => i.name === ifname);
    return owner && iface ? { ns: owner, iface } : null;
  };
  if (tables.length === 0) hops.push({ where: "host", kind: "note", text: "iptables was not read: NAT and filtering are not shown" });
  for (let step = 0; step < 12; step++) {
    const isHost = ns.kind === "host";
    const packetFor = (out: string | null): Packet => ({ ...packet, in: inIface, out, local: isHost ? localAddresses(ns) : [] });
    // nat PREROUTING (arriving) or OUTPUT (generated here), host only: DNAT of published ports.
    if (isHost && tables.length) {
      const chain = inIface === null ? "OUTPUT" : "PREROUTING";
      const result = walkChain(tables, "nat", chain, packetFor(null));
      rulesHop(ns.id, `nat ${chain}`, result.matched);
      if (result.dnat) {
        const [address, port] = result.dnat.split(":");
        packet = { ...packet, dst: address as string, dport: port ? Number(port) : packet.dport };
        hops.push({ where: ns.id, kind: "note", text: `destination rewritten to ${result.dnat}` });
      }
    }
    // Local delivery.
    if (owns(ns, packet.dst)) {
      const proxy = isHost && !proxied ? topology.nat?.proxies.find((p) => p.hostPort === packet.dport && p.protocol === packet.protocol && (p.hostIp === "0.0.0.0" || p.hostIp === packet.dst)) : undefined;
      if (isHost && tables.length && inIface !== null) {
        const input = walkChain(tables, "filter", "INPUT", packetFor(null));
        rulesHop(ns.id, "filter INPUT", input.matched);
        if (input.verdict === "DROP" || input.verdict === "REJECT") return hops.push({ where: ns.id, kind: "drop", text: `dropped by filter INPUT (${input.verdict})` }), done("dropped", null);
      }
      if (proxy) {
        proxied = true;
        hops.push({ where: ns.id, kind: "proxy", text: `docker-proxy (pid ${proxy.pid}) listens on ${proxy.hostIp}:${proxy.hostPort} and opens a new connection to ${proxy.containerIp}:${proxy.containerPort}` });
        const route = routeLookup(ns, proxy.containerIp);
        const srcIface = ns.interfaces.find((i) => i.name === route?.dev);
        packet = { ...packet, src: route?.src ?? srcIface?.addresses.find((a) => a.family === "inet")?.address ?? packet.src, dst: proxy.containerIp, dport: proxy.containerPort };
        inIface = null;
        continue;
      }
      hops.push({ where: ns.id, kind: "deliver", text: `${packet.dst}${packet.dport !== null ? `:${packet.dport}` : ""} is an address of ${ns.kind === "host" ? "the host" : ns.name}: delivered${packet.dport !== null ? ` (a process must listen on ${packet.protocol} ${packet.dport})` : ""}` });
      return done("delivered", ns.id);
    }
    if (!isHost && inIface !== null) {
      hops.push({ where: ns.id, kind: "drop", text: `${ns.name} does not own ${packet.dst} and does not forward` });
      return done("dropped", null);
    }
    // Routing decision.
    const route = routeLookup(ns, packet.dst);
    if (!route || !route.dev) {
      hops.push({ where: ns.id, kind: "drop", text: `no route to ${packet.dst} in ${ns.name}` });
      return done("unreachable", null);
    }
    hops.push({ where: ns.id, kind: "route", text: `route ${routeText(route)}` });
    const out = route.dev;
    const nexthop = route.gateway ?? packet.dst;
    if (isHost && tables.length) {
      const chain = inIface === null ? "OUTPUT" : "FORWARD";
      const filter = walkChain(tables, "filter", chain, packetFor(out));
      rulesHop(ns.id, `filter ${chain}`, filter.matched);
      if (filter.verdict === "DROP" || filter.verdict === "REJECT") {
        hops.push({ where: ns.id, kind: "drop", text: `dropped in filter ${chain}${filter.matched.length ? "" : ` by the chain's policy ${filter.verdict}`}`, ...(filter.matched.at(-1) ? { rule: filter.matched.at(-1) as RuleRef } : {}) });
        return done("dropped", null);
      }
      const post = walkChain(tables, "nat", "POSTROUTING", packetFor(out));
      rulesHop(ns.id, "nat POSTROUTING", post.matched);
      if (post.snat) {
        const outAddress = ns.interfaces.find((i) => i.name === out)?.addresses.find((a) => a.family === "inet")?.address;
        if (outAddress) packet = { ...packet, src: outAddress };
        hops.push({ where: ns.id, kind: "note", text: `source rewritten to ${outAddress ?? "the address of " + out} (${post.verdict})` });
      }
    }
    // Leave through `out`.
    let exit = ns.interfaces.find((i) => i.name === out);
    // macvlan/ipvlan child: frames leave through the parent's wire.
    const parentLink = exit && (exit.kind === "macvlan" || exit.kind === "ipvlan") ? topology.links.find((l) => (l.kind === "macvlan" || l.kind === "ipvlan") && l.b === endpoint(ns.id, out)) : undefined;
    let wire = endpoint(ns.id, out);
    if (parentLink) {
      hops.push({ where: ns.id, kind: "link", text: `${out} is a ${parentLink.kind} child of ${splitEndpoint(parentLink.a).ifname}: frames leave on the parent's wire (they do not pass the host's IP stack)` });
      wire = parentLink.a;
      exit = ifaceAt(wire)?.iface;
    }
    // Bridge: find the port that leads to the next hop.
    let arrive: string | null = null;
    if (exit?.kind === "bridge") {
      const bridgeNs = splitEndpoint(wire).namespace;
      const ports = topology.links.filter((l) => l.kind === "bridge-port" && l.a === endpoint(bridgeNs, exit!.name)).map((l) => l.b);
      const port = ports.find((p) => {
        const peer = peerOf(p);
        const far = peer ? ifaceAt(peer) : null;
        return far ? owns(far.ns, nexthop) : false;
      });
      if (!port) {
        hops.push({ where: ns.id, kind: "drop", text: `no port of bridge ${exit.name} leads to ${nexthop} (no ARP answer)` });
        return done("unreachable", null);
      }
      hops.push({ where: ns.id, kind: "bridge", text: `bridge ${exit.name} forwards the frame to port ${splitEndpoint(port).ifname}` });
      touched.push(endpoint(bridgeNs, exit.name), port, wire);
      arrive = peerOf(port);
      hops.push({ where: ns.id, kind: "link", text: `veth ${splitEndpoint(port).ifname} -> ${arrive}` });
    } else {
      const peer = peerOf(wire);
      if (!peer) {
        hops.push({ where: ns.id, kind: "note", text: `leaves the host's namespaces through ${splitEndpoint(wire).ifname} (not a veth the snapshot can follow)` });
        return done("left-host", null);
      }
      hops.push({ where: ns.id, kind: "link", text: `veth ${splitEndpoint(wire).ifname} -> ${peer}` });
      touched.push(wire, peer);
      arrive = peer;
      // Arriving on a bridge port: bridged to another port, or up to the bridge's own IP stack.
      const far = ifaceAt(peer);
      if (far?.iface.master) {
        const bridgeEp = endpoint(far.ns.id, far.iface.master);
        const bridge = ifaceAt(bridgeEp);
        const toBridgeItself = bridge && owns({ ...far.ns, interfaces: [bridge.iface] }, nexthop);
        const ports = topology.links.filter((l) => l.kind === "bridge-port" && l.a === bridgeEp && l.b !== peer).map((l) => l.b);
        const port = toBridgeItself ? undefined : ports.find((p) => {
          const other = peerOf(p);
          const there = other ? ifaceAt(other) : null;
          return there ? owns(there.ns, nexthop) : false;
        });
        if (port) {
          hops.push({ where: far.ns.id, kind: "bridge", text: `bridge ${far.iface.master} switches the frame from ${far.iface.name} to ${splitEndpoint(port).ifname} (same bridge: no routing)` });
          touched.push(bridgeEp, port);
          if (far.ns.kind === "host" && tables.length) {
            const bridged = walkChain(tables, "filter", "FORWARD", { ...packet, in: far.iface.master, out: far.iface.master, local: [] });
            rulesHop(far.ns.id, "filter FORWARD (br_netfilter)", bridged.matched);
            if (bridged.verdict === "DROP" || bridged.verdict === "REJECT") {
              hops.push({ where: far.ns.id, kind: "drop", text: `dropped in filter FORWARD (bridged traffic, e.g. icc=false)` });
              return done("dropped", null);
            }
          }
          arrive = peerOf(port);
          hops.push({ where: far.ns.id, kind: "link", text: `veth ${splitEndpoint(port).ifname} -> ${arrive}` });
        } else {
          hops.push({ where: far.ns.id, kind: "bridge", text: `frame for ${nexthop} goes up to bridge ${far.iface.master} (${ipv4Cidr(bridge?.iface)}): the host routes it` });
          touched.push(bridgeEp);
          ns = far.ns;
          inIface = far.iface.master;
          continue;
        }
      }
    }
    const landed = arrive ? ifaceAt(arrive) : null;
    if (!landed) {
      hops.push({ where: ns.id, kind: "note", text: `the other end ${arrive ?? "?"} is in a namespace the snapshot did not read` });
      return done("unknown", null);
    }
    touched.push(arrive as string);
    ns = landed.ns;
    inIface = landed.iface.name;
  }
  hops.push({ where: ns.id, kind: "note", text: "gave up after 12 steps (a loop?)" });
  return done("unknown", null);
};

/** An explanation as numbered lines. */
export const describeExplanation = (e: Explanation): string => {
  const head = `${e.from} -> ${e.to}: ${e.packet.protocol} ${e.packet.src} -> ${e.packet.dst}${e.packet.dport !== null ? `:${e.packet.dport}` : ""}`;
  const lines = e.hops.map((hop, i) => `${String(i + 1).padStart(2)}. [${hop.where}] ${hop.text}${hop.rule ? `   (${hop.rule.packets} pkts)` : ""}`);
  return [head, ...lines, `=> ${e.verdict}${e.reached ? ` at ${e.reached}` : ""}`].join("\n");
};
