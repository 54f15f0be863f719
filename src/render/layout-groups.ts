// Who is drawn where, before any geometry: every visible namespace as a member of the group it is attached to (a
// bridge, a macvlan/ipvlan parent, an overlay network's namespace, straight to the host by a veth, host mode, isolated),
// with the lines its box shows (interfaces, published ports with their DNAT rule or docker-proxy, raw-table drops,
// containers sharing it). Pure: a Topology in, groups out; layout.ts places them.
import type { DockerContainer, DockerNetwork, IpInterface } from "../parse/models.js";
import { bridgeInterfaceName, ipv4Cidr, splitEndpoint, type NamespaceNode, type RuleRef, type Topology, type TopologyLink } from "../topology/model.js";

/** What a box stands for. */
export type MemberKind = "container" | "netns" | "internet" | "lan" | "engine" | "host-mode" | "none";

/** What a group's bar stands for. */
export type GroupKind = "bridge" | "parent" | "overlay" | "direct" | "host-mode" | "isolated";

/** One line of a box: its text, its hover text and how it reads (published port, drop, another network...). */
export interface LineSpec {
  readonly text: string;
  readonly tip: string;
  readonly tone: "plain" | "nat" | "proxy" | "drop" | "muted" | "other-network";
  /** For "other-network": the network (colour) this interface is on. */
  readonly network?: string;
  /** Endpoint of the interface the line shows (`container:web:eth1`), for a path through it. */
  readonly endpoint?: string;
}

/** One namespace box and the cable that attaches it to its group. */
export interface MemberSpec {
  readonly key: string;
  readonly kind: MemberKind;
  /** Namespace id (`container:web`, `netns:x`, `host` for host mode). */
  readonly nsId: string;
  readonly title: string;
  readonly subtitle: string;
  /** Names that select this box (namespace, its containers). */
  readonly names: readonly string[];
  readonly lines: readonly LineSpec[];
  /** The cable: host end (veth name on the host, null for macvlan or none) and the inner end (`eth0 172.17.0.2/16`). */
  readonly cable: {
    readonly kind: "veth" | "macvlan" | "ipvlan" | "vlan" | "none";
    readonly hostEnd: string | null;
    readonly hostEndAddress: string;
    readonly inner: string | null;
    readonly innerAddress: string;
  };
  readonly tip: string;
}

/** A group: a bar (bridge, parent, overlay) or a heading (direct veths, host mode, isolated) and its members. */
export interface GroupSpec {
  readonly key: string;
  readonly kind: GroupKind;
  /** First line is the name (bold), the others details. */
  readonly header: readonly string[];
  readonly network: string;
  readonly names: readonly string[];
  readonly order: number;
  readonly tip: string;
  readonly members: MemberSpec[];
}

export interface GroupOptions {
  readonly containers?: readonly string[];
  readonly namespaces?: readonly string[];
  readonly emptyBridges?: boolean;
  /** Names to draw even when no container filter would (a bridge a step just made). */
  readonly highlight?: readonly string[];
}

/**
 * How the labs' own namespaces are recognised by name (the labs name them with session.ifname): lab 03's "internet"
 * (`…3in`), lab 06's LAN (`…6lan`), a private engine's namespace (`dnl<session>e<lab>`, labs 07 and 08).
 */
const namedKinds: readonly { readonly pattern: RegExp; readonly kind: MemberKind; readonly title: string }[] = [
  { pattern: /^dnl.*3in$|internet|inet/, kind: "internet", title: "the internet" },
  { pattern: /^dnl.*6lan$|lan$/, kind: "lan", title: "the LAN" },
  { pattern: /^dnl[a-z0-9]{4}e\d\d$/, kind: "engine", title: "private engine" },
];

const order = { overlay: 0, bridge: 1, direct: 2, parent: 3, "host-mode": 4, isolated: 5 } as const;

const publishedLines = (topology: Topology, owner: DockerContainer | undefined): LineSpec[] => {
  if (!owner) return [];
  const ports = (topology.nat?.published ?? []).filter((p) => p.container === owner.name && !p.hostIp.includes(":"));
  if (ports.length === 0 && topology.nat === undefined) {
    // No NAT view (iptables unreadable): the bindings Docker reports.
    return Object.entries(owner.networkSettings.ports)
      .flatMap(([port, bindings]) => (bindings ?? []).filter((b) => !b.hostIp.includes(":")).map((b) => ({ port, b })))
      .map(({ port, b }) => ({
        text: `${b.hostIp}:${b.hostPort}→:${port.split("/")[0]}`,
        tip: `published ${b.hostIp}:${b.hostPort} → ${port}`,
        tone: "nat" as const,
      }));
  }
  return ports
    .sort((a, b) => a.hostPort - b.hostPort || a.hostIp.localeCompare(b.hostIp))
    .flatMap((p): LineSpec[] => {
      const via = p.dnat ? (p.proxyPid ? "DNAT (+docker-proxy)" : "DNAT") : p.proxyPid ? `docker-proxy pid ${p.proxyPid}` : "published";
      const tip = [
        `published ${p.protocol} ${p.hostIp}:${p.hostPort} → ${p.containerIp}:${p.containerPort}`,
        p.dnat ? `${p.dnat.table} ${p.dnat.chain}: ${p.dnat.text} (${p.dnat.packets} pkts)` : "no DNAT rule",
        p.proxyPid ? `docker-proxy pid ${p.proxyPid} listens on ${p.hostIp}:${p.hostPort}` : "",
      ]
        .filter(Boolean)
        .join("\n");
      return [
        { text: `${p.hostIp}:${p.hostPort}→:${p.containerPort}`, tip, tone: p.dnat ? "nat" : "proxy" },
        { text: `  ${via}`, tip, tone: "muted" },
      ];
    });
};

// Raw-table drops (Docker 28+): packets to this container's address from outside its bridge are dropped before NAT.
const dropLines = (topology: Topology, ns: NamespaceNode): LineSpec[] => {
  const addresses = ns.interfaces.filter((i) => i.name !== "lo").flatMap((i) => i.addresses.filter((a) => a.family === "inet").map((a) => a.address));
  const drops = (topology.nat?.rules ?? []).filter(
    (r: RuleRef) => r.table === "raw" && r.target === "DROP" && addresses.some((a) => r.text.includes(`-d ${a}/32 `)),
  );
  return drops.map((r) => {
    const from = /! -i (\S+)/.exec(r.text)?.[1];
    return { text: `✕ raw DROP${from ? ` ! -i ${from}` : ""}`, tip: `raw ${r.chain}: ${r.text} (${r.packets} pkts)`, tone: "drop" as const };
  });
};

const kindOf = (ns: NamespaceNode): { kind: MemberKind; title: string } => {
  if (ns.kind === "container") return { kind: "container", title: ns.containers[0] ?? ns.name };
  const named = namedKinds.find((k) => k.pattern.test(ns.name));
  return named ? { kind: named.kind, title: named.title } : { kind: "netns", title: ns.name };
};

const subtitleOf = (ns: NamespaceNode, kind: MemberKind): string =>
  kind === "container"
    ? ns.containers.length > 1
      ? `netns of ${ns.containers.length} (container mode)`
      : "container"
    : kind === "netns"
      ? "ip netns"
      : `netns ${ns.name}`;

/** A member box for a namespace attached by `via` (its inner interface) through `cable`. */
const memberFor = (
  topology: Topology,
  ns: NamespaceNode,
  cable: MemberSpec["cable"],
  extra: readonly LineSpec[],
  containers: ReadonlyMap<string, DockerContainer>,
): MemberSpec => {
  const { kind, title } = kindOf(ns);
  const owner = containers.get(ns.containers[0] ?? "");
  const iface = ns.interfaces.find((i) => i.name === cable.inner);
  const onlyLo = ns.interfaces.every((i) => i.name === "lo");
  const lo = ns.interfaces.find((i) => i.name === "lo");
  const lines: LineSpec[] = [
    ...(iface?.mac ? [{ text: iface.mac, tip: `MAC of ${iface.name}`, tone: "muted" as const }] : []),
    ...(onlyLo ? [{ text: `lo ${ipv4Cidr(lo) || "(down)"} only`, tip: "none mode: only the loopback interface", tone: "plain" as const }] : []),
    ...(cable.kind === "none" && !onlyLo && cable.inner
      ? [{ text: `${cable.inner} ${cable.innerAddress}`.trim(), tip: "no link to the host", tone: "plain" as const }]
      : []),
    ...ns.containers
      .slice(1)
      .map((c) => ({ text: `+ ${c}`, tip: `${c} runs with --network container:${ns.containers[0]}: it shares this namespace`, tone: "plain" as const })),
    ...(kind === "engine" ? [{ text: "dockerd runs here", tip: "a private engine: draw its own containers with engine.draw()", tone: "muted" as const }] : []),
    ...publishedLines(topology, owner),
    ...dropLines(topology, ns),
    ...extra,
  ];
  const tip = [
    `${subtitleOf(ns, kind)} ${ns.name}`,
    ...ns.interfaces.map((i) => `${i.name}${i.kind ? ` (${i.kind})` : ""} ${ipv4Cidr(i)}`.trim()),
    ...(ns.containers.length > 1 ? [`containers: ${ns.containers.join(", ")}`] : []),
  ].join("\n");
  return { key: ns.id, kind, nsId: ns.id, title, subtitle: subtitleOf(ns, kind), names: [ns.name, ...ns.containers], lines, cable, tip };
};

interface Attachment {
  readonly group: GroupSpec;
  readonly cable: MemberSpec["cable"];
}

/** Make the groups of a topology: who hangs from which bar. */
export const groupTopology = (topology: Topology, options: GroupOptions = {}): GroupSpec[] => {
  const wanted = options.containers ? new Set(options.containers) : null;
  const wantedNetns = options.namespaces ? new Set(options.namespaces) : null;
  const emptyBridges = options.emptyBridges ?? wanted === null;
  const host = topology.namespaces.find((ns) => ns.kind === "host");
  const hostIfaces = new Map((host?.interfaces ?? []).map((iface) => [iface.name, iface]));
  const containers = new Map(topology.containers.map((c) => [c.name, c]));
  const groups = new Map<string, GroupSpec>();
  const group = (key: string, make: () => Omit<GroupSpec, "members" | "key">): GroupSpec => {
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { key, members: [], ...make() }));
    return found;
  };
  const bridgeGroup = (ifname: string): GroupSpec => bridgeSpec(group, topology, ifname, hostIfaces.get(ifname));
  const drawnBridge = (n: DockerNetwork | undefined): boolean => n?.driver === "bridge" && hostIfaces.has(bridgeInterfaceName(n) ?? "");
  if (emptyBridges) for (const n of topology.networks) if (drawnBridge(n)) bridgeGroup(bridgeInterfaceName(n) as string);
  for (const name of options.highlight ?? []) {
    const n = topology.networks.find((net) => net.name === name || bridgeInterfaceName(net) === name);
    if (n && drawnBridge(n)) bridgeGroup(bridgeInterfaceName(n) as string);
  }
  const parents = new Set(topology.links.filter((l) => l.kind === "macvlan" || l.kind === "ipvlan").map((l) => splitEndpoint(l.a).ifname));
  const attach = (link: TopologyLink, ns: NamespaceNode): Attachment | null => {
    const hostEnd = hostIfaces.get(splitEndpoint(link.a).ifname);
    const inner = splitEndpoint(link.b).ifname;
    const innerAddress = ipv4Cidr(ns.interfaces.find((i) => i.name === inner));
    if (link.kind === "veth") {
      const cable = { kind: "veth" as const, hostEnd: hostEnd?.name ?? null, hostEndAddress: ipv4Cidr(hostEnd), inner, innerAddress };
      if (hostEnd?.master && hostIfaces.get(hostEnd.master)?.kind === "bridge") return { group: bridgeGroup(hostEnd.master), cable };
      // The veth whose host end is a macvlan parent (lab 06's LAN) hangs from that parent's bar.
      if (hostEnd && parents.has(hostEnd.name)) return { group: parentSpec(group, topology, hostEnd.name, "macvlan"), cable };
      return { group: directSpec(group), cable };
    }
    if (link.kind === "macvlan" || link.kind === "ipvlan" || link.kind === "vlan") {
      const parent = splitEndpoint(link.a).ifname;
      return { group: parentSpec(group, topology, parent, link.kind), cable: { kind: link.kind, hostEnd: null, hostEndAddress: "", inner, innerAddress } };
    }
    return null;
  };
  const visible = topology.namespaces.filter((ns) =>
    ns.kind === "container"
      ? ns.containers.some((c) => (wanted ? wanted.has(c) : true))
      : ns.kind === "netns"
        ? wantedNetns
          ? wantedNetns.has(ns.name)
          : true
        : false,
  );
  for (const ns of visible) placeNamespace(topology, ns, attach, group, containers);
  for (const name of (host?.containers ?? []).filter((c) => (wanted ? wanted.has(c) : true))) hostModeSpec(group).members.push(hostModeMember(name));
  return [...groups.values()].sort((a, b) => a.order - b.order || a.header[0]!.localeCompare(b.header[0]!));
};

type MakeGroup = (key: string, make: () => Omit<GroupSpec, "members" | "key">) => GroupSpec;

// One namespace into the group of its first attachment; its other attachments become lines of its box.
const placeNamespace = (
  topology: Topology,
  ns: NamespaceNode,
  attach: (link: TopologyLink, ns: NamespaceNode) => Attachment | null,
  group: MakeGroup,
  containers: ReadonlyMap<string, DockerContainer>,
): void => {
  const links = topology.links.filter((link) => splitEndpoint(link.b).namespace === ns.id && splitEndpoint(link.a).namespace === "host");
  const overlays = overlayNetworks(topology, ns);
  const attachments = [
    ...overlays.map((n) => overlayAttachment(group, n, ns, containers)),
    ...links.map((link) => attach(link, ns)).filter((a): a is Attachment => a !== null),
  ].sort((x, y) => x.group.order - y.group.order || x.group.key.localeCompare(y.group.key));
  const [first, ...more] = attachments;
  const extra = more.map(
    (a): LineSpec => ({
      text: `${a.cable.inner ?? "?"} ${a.cable.innerAddress}`.trim(),
      tip: `${a.cable.inner} ${a.cable.innerAddress} on ${a.group.header[0]}${a.cable.hostEnd ? ` (host end ${a.cable.hostEnd})` : ""}`,
      tone: "other-network",
      network: a.group.network,
      endpoint: `${ns.id}:${a.cable.inner}`,
    }),
  );
  if (first) {
    first.group.members.push(memberFor(topology, ns, first.cable, extra, containers));
    return;
  }
  const lone = ns.interfaces.find((i) => i.name !== "lo");
  const cable = { kind: "none" as const, hostEnd: null, hostEndAddress: "", inner: lone?.name ?? null, innerAddress: ipv4Cidr(lone) };
  isolatedSpec(group).members.push(memberFor(topology, ns, cable, [], containers));
};

// Overlay networks a container is on: its eth0 there is a veth into the network's own namespace (br0 + vxlan0), which
// `ip netns` does not list, so the picture infers that namespace from Docker's network.
const overlayNetworks = (topology: Topology, ns: NamespaceNode): DockerNetwork[] => {
  if (ns.kind !== "container") return [];
  const names = ns.containers.flatMap((c) => Object.keys(topology.containers.find((x) => x.name === c)?.networkSettings.networks ?? {}));
  return topology.networks.filter((n) => n.driver === "overlay" && names.includes(n.name));
};

const overlayAttachment = (group: MakeGroup, n: DockerNetwork, ns: NamespaceNode, containers: ReadonlyMap<string, DockerContainer>): Attachment => {
  const endpoint = ns.containers.map((c) => containers.get(c)?.networkSettings.networks[n.name]).find(Boolean);
  const address = endpoint?.ipAddress ? `${endpoint.ipAddress}/${endpoint.ipPrefixLen}` : "";
  const inner = ns.interfaces.find((i) => address && ipv4Cidr(i) === address)?.name ?? "eth0";
  const vni = n.options["com.docker.network.driver.overlay.vxlanid_list"];
  const g = group(`overlay:${n.name}`, () => ({
    kind: "overlay",
    header: [`overlay ${n.name}`, `netns: br0 + vxlan0${vni ? ` (VNI ${vni})` : ""}`, n.ipam.config[0]?.subnet ?? ""].filter(Boolean),
    network: n.name,
    names: [n.name],
    order: order.overlay,
    tip: `overlay network ${n.name}: Docker makes a namespace with a bridge br0 and a VXLAN device vxlan0; each container's eth0 is a veth into it`,
  }));
  return { group: g, cable: { kind: "veth", hostEnd: "br0 (overlay netns)", hostEndAddress: "", inner, innerAddress: address } };
};

const bridgeSpec = (group: MakeGroup, topology: Topology, ifname: string, iface: IpInterface | undefined): GroupSpec => {
  const network = topology.networks.find((n) => bridgeInterfaceName(n) === ifname);
  const address = ipv4Cidr(iface) || network?.ipam.config[0]?.subnet || "no address";
  return group(`bridge:${ifname}`, () => ({
    kind: "bridge",
    header: [ifname, address, network ? `network ${network.name}` : "bridge (not Docker's)"],
    network: network?.name ?? ifname,
    names: [ifname, ...(network ? [network.name] : [])],
    order: order.bridge + (network?.name === "bridge" ? 0 : network ? 0.1 : 0.2),
    tip: `Linux bridge ${ifname} ${address}${network ? `, Docker network ${network.name} (${network.driver})` : ", made by hand"}`,
  }));
};

const parentSpec = (group: MakeGroup, topology: Topology, parent: string, kind: string): GroupSpec => {
  const network = topology.networks.find((n) => n.options.parent === parent && (n.driver === "macvlan" || n.driver === "ipvlan"));
  const host = topology.namespaces.find((ns) => ns.kind === "host");
  const parentIface = host?.interfaces.find((i) => i.name === parent);
  const shims = (host?.interfaces ?? []).filter((i) => (i.kind === "macvlan" || i.kind === "ipvlan") && i.link === parent);
  return group(`parent:${parent}`, () => ({
    kind: "parent",
    header: [
      parent,
      `${network?.driver ?? kind} parent${network ? ` · ${network.name}` : ""}`,
      ...shims.map((s) => `host shim ${s.name} ${ipv4Cidr(s)}`.trim()),
    ],
    network: network?.name ?? `${kind}:${parent}`,
    names: [parent, ...(network ? [network.name] : []), ...shims.map((s) => s.name)],
    order: order.parent,
    tip: `${parent} ${ipv4Cidr(parentIface)}: the parent of ${kind} children${shims.length ? `; the host's own ${kind} shim: ${shims.map((s) => s.name).join(", ")}` : ""}`,
  }));
};

const directSpec = (group: MakeGroup): GroupSpec =>
  group("direct", () => ({
    kind: "direct",
    header: ["veth to the host", "no bridge: routed by the host"],
    network: "host",
    names: [],
    order: order.direct,
    tip: "namespaces plugged straight into the root namespace with a veth pair; the host routes between them",
  }));

const hostModeSpec = (group: MakeGroup): GroupSpec =>
  group("host-mode", () => ({
    kind: "host-mode",
    header: ["--network host", "in the root namespace"],
    network: "host",
    names: ["host"],
    order: order["host-mode"],
    tip: "host mode: the container has no namespace of its own; it uses the host's interfaces",
  }));

const isolatedSpec = (group: MakeGroup): GroupSpec =>
  group("isolated", () => ({
    kind: "isolated",
    header: ["isolated", "no link to the host"],
    network: "none",
    names: ["none"],
    order: order.isolated,
    tip: "namespaces with no cable to the host (none mode, or a namespace before its veth)",
  }));

const hostModeMember = (name: string): MemberSpec => ({
  key: `host-mode:${name}`,
  kind: "host-mode",
  nsId: "host",
  title: name,
  subtitle: "host mode",
  names: [name],
  lines: [
    { text: "no namespace of its own", tip: "--network host", tone: "muted" },
    { text: "uses the host's ifaces", tip: "it sees the root namespace's interfaces, routes and ports", tone: "muted" },
  ],
  cable: { kind: "none", hostEnd: null, hostEndAddress: "", inner: null, innerAddress: "" },
  tip: `container ${name} in host mode: it shares the root network namespace`,
});
