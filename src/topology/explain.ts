// explain(topology, from, to): the path of one packet, hop by hop, with each route, link, bridge and firewall
// rule it meets. Pure: works on a snapshot. Covers host -> published port -> container, container -> container
// (same bridge: bridged, through br_netfilter; other bridge: routed, isolation rules), container -> a namespace
// with a TEST-NET address (routed, MASQUERADE), a namespace -> a container's address (Docker 28's raw-table drop),
// macvlan children through their parent. At each hook the packet meets every table in the kernel's order
// (firewall.ts): raw, mangle, nat and filter of iptables (DOCKER-USER, DOCKER-FORWARD and the rest through their
// jumps) and nftables base chains (Docker 29's docker-bridges).
import type { IpInterface } from "../parse/models.js";
import { firewallOf, runHook, type Firewall, type Hook } from "./firewall.js";
import { endpoint, ipv4Cidr, splitEndpoint, type NamespaceNode, type RuleRef, type Topology } from "./model.js";
import { localAddresses, owns, resolvePlace, routeLookup, routeText } from "./places.js";

export { resolvePlace, routeLookup, type Place } from "./places.js";

/** One step of the path. */
export interface Hop {
  /** Namespace id where it happens (`host`, `container:web`, `netns:dnl-inet`). */
  readonly where: string;
  readonly kind: "route" | "link" | "bridge" | "rule" | "nat" | "proxy" | "deliver" | "drop" | "note";
  readonly text: string;
  /** The iptables or nftables rule, for `rule` / `nat` / `drop` hops. */
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

type IpPacket = Explanation["packet"];
/** How a walk ended; null while it goes on. */
type Outcome = { readonly verdict: Explanation["verdict"]; readonly reached: string | null } | null;

// The state of one packet's walk through the topology.
interface Walk {
  readonly topology: Topology;
  readonly firewall: Firewall | null;
  readonly hops: Hop[];
  readonly touched: string[];
  packet: IpPacket;
  ns: NamespaceNode;
  /** Interface the packet arrived on in `ns`; null when `ns` generated it. */
  inIface: string | null;
  /** docker-proxy already took the connection once. */
  proxied: boolean;
}

const MAX_STEPS = 12;
const end = (verdict: Explanation["verdict"], reached: string | null = null): Outcome => ({ verdict, reached });
const say = (w: Walk, where: string, kind: Hop["kind"], text: string, rule?: RuleRef): void => {
  w.hops.push(rule ? { where, kind, text, rule } : { where, kind, text });
};

// The other end of a veth, or null.
const peerOf = (topology: Topology, at: string): string | null => {
  for (const link of topology.links) {
    if (link.kind !== "veth") continue;
    if (link.a === at) return link.b;
    if (link.b === at) return link.a;
  }
  return null;
};

// The namespace and interface an endpoint names, or null.
const ifaceAt = (topology: Topology, at: string): { ns: NamespaceNode; iface: IpInterface } | null => {
  const { namespace, ifname } = splitEndpoint(at);
  const owner = topology.namespaces.find((ns) => ns.id === namespace);
  const iface = owner?.interfaces.find((i) => i.name === ifname);
  return owner && iface ? { ns: owner, iface } : null;
};

/** The port of a bridge whose far end (through its veth) owns `nexthop`: where the bridge sends the frame. */
const portToward = (topology: Topology, bridge: string, nexthop: string, except: string | null = null): string | undefined =>
  topology.links
    .filter((l) => l.kind === "bridge-port" && l.a === bridge && l.b !== except)
    .map((l) => l.b)
    .find((port) => {
      const peer = peerOf(topology, port);
      const far = peer ? ifaceAt(topology, peer) : null;
      return far ? owns(far.ns, nexthop) : false;
    });

const NAT_TARGETS = new Set(["DNAT", "SNAT", "MASQUERADE", "REDIRECT"]);

/**
 * Run the packet through every table of one hook in namespace `where` (the host's firewall); record the rules it
 * meets, apply DNAT / MASQUERADE to the walk's packet. False when the packet was dropped there.
 */
const passHook = (w: Walk, hook: Hook, where: NamespaceNode, path: { in: string | null; out: string | null }, bridged = false): boolean => {
  if (w.firewall === null || where.kind !== "host") return true;
  const result = runHook(w.firewall, hook, { ...w.packet, in: path.in, out: path.out, local: localAddresses(where) });
  const suffix = bridged ? " (br_netfilter)" : "";
  if (result.chains.length) say(w, where.id, "note", `${hook}${suffix}: ${result.chains.join(" -> ")}`);
  for (const { label, rule } of result.matched) say(w, where.id, NAT_TARGETS.has(rule.target) ? "nat" : "rule", `${label}${suffix}: ${rule.text}`, rule);
  const unknown = [...new Set(result.unknown)];
  if (unknown.length) say(w, where.id, "note", `not evaluated at ${hook} (treated as not matching): ${unknown.join(", ")}`);
  if (result.droppedBy) {
    const { label, byPolicy, rule } = result.droppedBy;
    const why = byPolicy ? ` by the chain's policy ${result.verdict.toUpperCase()}` : bridged ? " (bridged traffic, e.g. icc=false)" : "";
    say(w, where.id, "drop", `dropped in ${label}${suffix}${why}`, rule ?? undefined);
    return false;
  }
  if (result.dnat) {
    const [address, port] = result.dnat.split(":");
    w.packet = { ...w.packet, dst: address ?? w.packet.dst, dport: port ? Number(port) : w.packet.dport };
    say(w, where.id, "note", `destination rewritten to ${result.dnat}`);
  }
  if (result.snat) {
    const outAddress = where.interfaces.find((i) => i.name === path.out)?.addresses.find((a) => a.family === "inet")?.address;
    if (outAddress) w.packet = { ...w.packet, src: outAddress };
    say(w, where.id, "note", `source rewritten to ${outAddress ?? `the address of ${path.out}`} (${result.snat})`);
  }
  return true;
};

// The interface a packet generated in `ns` leaves by (`lo` for its own addresses), for the OUTPUT hook.
const outputInterface = (ns: NamespaceNode, dst: string): string | null => (owns(ns, dst) ? "lo" : (routeLookup(ns, dst)?.dev ?? null));

/** The packet is for this namespace: INPUT (host), then docker-proxy takes it or a process gets it. */
const deliverLocally = (w: Walk): Outcome => {
  const ns = w.ns;
  const isHost = ns.kind === "host";
  if (isHost && !passHook(w, "input", ns, { in: w.inIface ?? "lo", out: null })) return end("dropped");
  const { dst, dport, protocol } = w.packet;
  const proxy =
    isHost && !w.proxied
      ? w.topology.nat?.proxies.find((p) => p.hostPort === dport && p.protocol === protocol && (p.hostIp === "0.0.0.0" || p.hostIp === dst))
      : undefined;
  if (proxy) {
    w.proxied = true;
    say(
      w,
      ns.id,
      "proxy",
      `docker-proxy (pid ${proxy.pid}) listens on ${proxy.hostIp}:${proxy.hostPort} and opens a new connection to ${proxy.containerIp}:${proxy.containerPort}`,
    );
    const route = routeLookup(ns, proxy.containerIp);
    const srcIface = ns.interfaces.find((i) => i.name === route?.dev);
    w.packet = {
      ...w.packet,
      src: route?.src ?? srcIface?.addresses.find((a) => a.family === "inet")?.address ?? w.packet.src,
      dst: proxy.containerIp,
      dport: proxy.containerPort,
    };
    w.inIface = null;
    return null;
  }
  const port = dport !== null ? `:${dport}` : "";
  say(
    w,
    ns.id,
    "deliver",
    `${dst}${port} is an address of ${isHost ? "the host" : ns.name}: delivered${dport !== null ? ` (a process must listen on ${protocol} ${dport})` : ""}`,
  );
  return end("delivered", ns.id);
};

/** Move the walk into the namespace at the far end `arrive`. */
const land = (w: Walk, arrive: string | null): Outcome => {
  const landed = arrive ? ifaceAt(w.topology, arrive) : null;
  if (!landed) {
    say(w, w.ns.id, "note", `the other end ${arrive ?? "?"} is in a namespace the snapshot did not read`);
    return end("unknown");
  }
  w.touched.push(arrive as string);
  w.ns = landed.ns;
  w.inIface = landed.iface.name;
  return null;
};

/** Out through a bridge (the host routed the packet into it): the port that leads to the next hop. */
const outThroughBridge = (w: Walk, wire: string, bridge: IpInterface, nexthop: string): Outcome => {
  const bridgeNs = splitEndpoint(wire).namespace;
  const port = portToward(w.topology, endpoint(bridgeNs, bridge.name), nexthop);
  if (!port) {
    say(w, w.ns.id, "drop", `no port of bridge ${bridge.name} leads to ${nexthop} (no ARP answer)`);
    return end("unreachable");
  }
  say(w, w.ns.id, "bridge", `bridge ${bridge.name} forwards the frame to port ${splitEndpoint(port).ifname}`);
  w.touched.push(endpoint(bridgeNs, bridge.name), port, wire);
  const arrive = peerOf(w.topology, port);
  say(w, w.ns.id, "link", `veth ${splitEndpoint(port).ifname} -> ${arrive}`);
  return land(w, arrive);
};

/** Arriving on a bridge port: switched to another port (same bridge, through br_netfilter) or up to the bridge's own IP stack. */
const atBridgePort = (w: Walk, peer: string, far: { ns: NamespaceNode; iface: IpInterface }, nexthop: string): Outcome => {
  const master = far.iface.master as string;
  const bridgeEp = endpoint(far.ns.id, master);
  const bridge = ifaceAt(w.topology, bridgeEp);
  const toBridgeItself = bridge !== null && owns({ ...far.ns, interfaces: [bridge.iface] }, nexthop);
  const port = toBridgeItself ? undefined : portToward(w.topology, bridgeEp, nexthop, peer);
  if (!port) {
    say(w, far.ns.id, "bridge", `frame for ${nexthop} goes up to bridge ${master} (${ipv4Cidr(bridge?.iface)}): the host routes it`);
    w.touched.push(bridgeEp);
    w.ns = far.ns;
    w.inIface = master;
    return null;
  }
  say(w, far.ns.id, "bridge", `bridge ${master} switches the frame from ${far.iface.name} to ${splitEndpoint(port).ifname} (same bridge: no routing)`);
  w.touched.push(bridgeEp, port);
  const through = { in: master, out: master };
  for (const hook of ["prerouting", "forward", "postrouting"] as const) if (!passHook(w, hook, far.ns, through, true)) return end("dropped");
  const arrive = peerOf(w.topology, port);
  say(w, far.ns.id, "link", `veth ${splitEndpoint(port).ifname} -> ${arrive}`);
  return land(w, arrive);
};

/** Leave the namespace through the route's interface: a macvlan's parent, a bridge, or a veth. */
const leave = (w: Walk, out: string, nexthop: string): Outcome => {
  let exit = w.ns.interfaces.find((i) => i.name === out);
  let wire = endpoint(w.ns.id, out);
  // macvlan/ipvlan child: frames leave through the parent's wire.
  const parentLink =
    exit && (exit.kind === "macvlan" || exit.kind === "ipvlan")
      ? w.topology.links.find((l) => (l.kind === "macvlan" || l.kind === "ipvlan") && l.b === wire)
      : undefined;
  if (parentLink) {
    say(
      w,
      w.ns.id,
      "link",
      `${out} is a ${parentLink.kind} child of ${splitEndpoint(parentLink.a).ifname}: frames leave on the parent's wire (they do not pass the host's IP stack)`,
    );
    wire = parentLink.a;
    exit = ifaceAt(w.topology, wire)?.iface;
  }
  if (exit?.kind === "bridge") return outThroughBridge(w, wire, exit, nexthop);
  const peer = peerOf(w.topology, wire);
  if (!peer) {
    say(w, w.ns.id, "note", `leaves the host's namespaces through ${splitEndpoint(wire).ifname} (not a veth the snapshot can follow)`);
    return end("left-host");
  }
  say(w, w.ns.id, "link", `veth ${splitEndpoint(wire).ifname} -> ${peer}`);
  w.touched.push(wire, peer);
  const far = ifaceAt(w.topology, peer);
  if (far?.iface.master) return atBridgePort(w, peer, far, nexthop);
  return land(w, peer);
};

/** One namespace's part of the path: hooks, local delivery or routing, and out. */
const step = (w: Walk): Outcome => {
  const ns = w.ns;
  const isHost = ns.kind === "host";
  // Arriving from an interface: PREROUTING (raw, mangle, nat); generated here: OUTPUT, then routing sees any DNAT.
  if (isHost && w.inIface !== null && !passHook(w, "prerouting", ns, { in: w.inIface, out: null })) return end("dropped");
  if (isHost && w.inIface === null && !passHook(w, "output", ns, { in: null, out: outputInterface(ns, w.packet.dst) })) return end("dropped");
  if (owns(ns, w.packet.dst)) return deliverLocally(w);
  if (!isHost && w.inIface !== null) {
    say(w, ns.id, "drop", `${ns.name} does not own ${w.packet.dst} and does not forward`);
    return end("dropped");
  }
  const route = routeLookup(ns, w.packet.dst);
  if (!route?.dev) {
    say(w, ns.id, "drop", `no route to ${w.packet.dst} in ${ns.name}`);
    return end("unreachable");
  }
  say(w, ns.id, "route", `route ${routeText(route)}`);
  if (isHost && w.inIface !== null && !passHook(w, "forward", ns, { in: w.inIface, out: route.dev })) return end("dropped");
  if (isHost && !passHook(w, "postrouting", ns, { in: w.inIface, out: route.dev })) return end("dropped");
  return leave(w, route.dev, route.gateway ?? w.packet.dst);
};

/** The path of one packet from `from` to `to` (see resolvePlace for the forms), hop by hop. */
export const explain = (topology: Topology, from: string, to: string, options: ExplainOptions = {}): Explanation => {
  const source = resolvePlace(topology, from, "from");
  const target = resolvePlace(topology, to, "to");
  const protocol = options.protocol ?? (target.port !== null ? "tcp" : "icmp");
  // Loopback destinations are reached from the loopback address.
  const start: IpPacket = {
    src: target.address.startsWith("127.") && source.ns.kind === "host" ? "127.0.0.1" : source.address,
    dst: target.address,
    protocol,
    dport: target.port,
  };
  const w: Walk = {
    topology,
    firewall: firewallOf(topology.nat),
    hops: [],
    touched: [endpoint(source.ns.id, "")],
    packet: start,
    ns: source.ns,
    inIface: null,
    proxied: false,
  };
  const done = (outcome: NonNullable<Outcome>): Explanation => ({
    from,
    to,
    packet: start,
    hops: w.hops,
    verdict: outcome.verdict,
    reached: outcome.reached,
    path: [...new Set(w.touched)],
  });
  if (w.firewall === null) say(w, "host", "note", "neither iptables nor nftables was read: NAT and filtering are not shown");
  for (let i = 0; i < MAX_STEPS; i++) {
    const outcome = step(w);
    if (outcome) return done(outcome);
  }
  say(w, w.ns.id, "note", `gave up after ${MAX_STEPS} steps (a loop?)`);
  return done({ verdict: "unknown", reached: null });
};

/** An explanation as numbered lines. */
export const describeExplanation = (e: Explanation): string => {
  const head = `${e.from} -> ${e.to}: ${e.packet.protocol} ${e.packet.src} -> ${e.packet.dst}${e.packet.dport !== null ? `:${e.packet.dport}` : ""}`;
  const lines = e.hops.map((hop, i) => `${String(i + 1).padStart(2)}. [${hop.where}] ${hop.text}${hop.rule ? `   (${hop.rule.packets} pkts)` : ""}`);
  return [head, ...lines, `=> ${e.verdict}${e.reached ? ` at ${e.reached}` : ""}`].join("\n");
};
