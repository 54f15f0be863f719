// Drawing a Topology with Observable Plot: links, then nodes, then labels (like Plot.tree). Pure and deterministic.
//
// Layout: the host on top; below it one group per attachment point, left to right, wrapping into
// bands: each Docker or hand-made bridge, each macvlan/ipvlan parent, veths plugged straight into
// the host, host-mode containers, and isolated namespaces (none mode). A group is a hub with its
// members in a grid under it (at most `columns` per row), wired by a bus, so 50+ containers never
// overlap: every node owns one grid cell and every label is cut to the cell's width.
import * as Plot from "@observablehq/plot";
import type { DockerContainer, IpInterface } from "../parse/models.js";
import { bridgeInterfaceName, ipv4Cidr, splitEndpoint, type NamespaceNode, type Topology, type TopologyLink } from "../topology/model.js";
import { newDocument } from "./dom.js";

const defaults = {
  /** Width of one grid cell. */
  columnWidth: 170,
  /** Height of one member row. */
  rowHeight: 120,
  /** Members per row in a group. */
  columns: 6,
  /** Grid columns per band before groups wrap to a new band. */
  bandColumns: 12,
  /** Gap between groups (columns). */
  groupGap: 0.5,
  /** Characters that fit a cell at font size 10-11. */
  labelChars: 24,
  minWidth: 480,
  /** Vertical layout, in pixels: the host's row, bands of groups, hubs, buses and members. */
  layout: {
    hostY: 50,
    hostRadius: 12,
    nodeRadius: 10,
    firstBandBelowHost: 80,
    hubBelowBand: 30,
    membersBelowHub: 110,
    busAboveMember: 52,
    bandHead: 90,
    bandGap: 30,
    bottom: 40,
    gutter: 12,
    hostElbow: 40,
    leftMargin: 4,
    cableAboveHub: 34,
  },
  /** Height of the title band a titled picture gets above the drawing. */
  titleHeight: 30,
  highlightColor: "#d62728",
  palette: ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"],
} as const;

/** One drawn node. */
export interface DrawnNode {
  readonly key: string;
  readonly kind: "host" | "bridge" | "container" | "netns" | "parent" | "group";
  readonly label: string;
  readonly detail: string;
  /** Pixel position of the node's centre. */
  readonly x: number;
  readonly y: number;
  readonly network: string;
  readonly highlight: boolean;
}

/** One drawn edge (a straight segment; buses are drawn as several). */
export interface DrawnEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly label: string;
  readonly network: string;
  readonly highlight: boolean;
  /** Dashed: a shared namespace (host mode) rather than a cable. */
  readonly dashed?: boolean;
}

export interface DrawOptions {
  /** Only draw these containers (by name); default: every running container. */
  readonly containers?: readonly string[];
  /** Which `ip netns` namespaces to draw (by name); default: all of them. */
  readonly namespaces?: readonly string[];
  /** Names of containers, bridges, networks, namespaces or host interfaces to emphasise (e.g. what a step just added). */
  readonly highlight?: readonly string[];
  readonly title?: string;
  /** Members per row in a group. @default 6 */
  readonly columns?: number;
  /** Draw Docker bridge networks that have no drawn member. @default true when no container filter is given */
  readonly emptyBridges?: boolean;
}

// Cut a label to what fits a cell.
const fitLabel = (text: string, chars: number = defaults.labelChars): string => (text.length <= chars ? text : `${text.slice(0, chars - 1)}…`);

interface Member {
  readonly key: string;
  readonly kind: "container" | "netns";
  readonly label: string;
  readonly lines: string[];
  /** Host end of the cable (veth name) shown above the node. */
  readonly cable: string;
  readonly names: string[];
  readonly dashed?: boolean;
}

interface Group {
  readonly key: string;
  readonly kind: "bridge" | "parent" | "group";
  readonly label: string;
  readonly detail: string;
  readonly network: string;
  readonly names: string[];
  readonly order: number;
  readonly members: Member[];
}

// What a namespace is called in the picture and which names select it.
const memberNames = (ns: NamespaceNode): string[] => [ns.name, ...ns.containers];

// Who is drawn where: every visible namespace as a member of the group it is attached to (its bridge, its macvlan
// parent, straight to the host, host mode, isolated), groups made on first use.
const groupTopology = (topology: Topology, options: DrawOptions): Group[] => {
  const wanted = options.containers ? new Set(options.containers) : null;
  const wantedNetns = options.namespaces ? new Set(options.namespaces) : null;
  const emptyBridges = options.emptyBridges ?? wanted === null;
  const host = topology.namespaces.find((ns) => ns.kind === "host");
  const hostIfaces = new Map((host?.interfaces ?? []).map((iface) => [iface.name, iface]));
  const containers = new Map(topology.containers.map((c) => [c.name, c]));
  const networkNameOfBridge = new Map(topology.networks.map((n) => [bridgeInterfaceName(n) ?? "", n.name]));
  const linksOf = (nsId: string) => topology.links.filter((link) => splitEndpoint(link.b).namespace === nsId && splitEndpoint(link.a).namespace === "host");
  const groups = new Map<string, Group>();
  const group = (key: string, make: () => Omit<Group, "members" | "key">): Group => {
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { key, members: [], ...make() }));
    return found;
  };
  const bridgeGroup = (ifname: string): Group => {
    const network = topology.networks.find((n) => bridgeInterfaceName(n) === ifname);
    const iface = hostIfaces.get(ifname);
    return group(`bridge:${ifname}`, () => ({
      kind: "bridge",
      label: ifname,
      detail: `${network ? network.name : "bridge (not Docker's)"} · ${ipv4Cidr(iface) || network?.ipam.config[0]?.subnet || "no address"}`,
      network: network?.name ?? ifname,
      names: [ifname, ...(network ? [network.name] : [])],
      order: network?.name === "bridge" ? 0 : network ? 1 : 2,
    }));
  };
  const drawnBridge = (n: Topology["networks"][number] | undefined): boolean => n?.driver === "bridge" && hostIfaces.has(bridgeInterfaceName(n) ?? "");
  if (emptyBridges) for (const n of topology.networks) if (drawnBridge(n)) bridgeGroup(bridgeInterfaceName(n) as string);
  for (const name of options.highlight ?? []) {
    const n = topology.networks.find((net) => net.name === name || bridgeInterfaceName(net) === name);
    if (drawnBridge(n)) bridgeGroup(bridgeInterfaceName(n!) as string);
  }
  // Where one link of a namespace attaches it: a bridge, the host directly, or a macvlan/ipvlan/vlan parent.
  const attachment = (link: TopologyLink): { group: Group; inner: string; cable: string } | null => {
    const hostEnd = hostIfaces.get(splitEndpoint(link.a).ifname);
    const inner = splitEndpoint(link.b).ifname;
    if (link.kind === "veth" && hostEnd?.master && hostIfaces.get(hostEnd.master)?.kind === "bridge")
      return { group: bridgeGroup(hostEnd.master), inner, cable: hostEnd.name };
    if (link.kind === "veth")
      return {
        group: group("direct", () => ({
          kind: "group",
          label: "veth to host",
          detail: "plugged into the host, no bridge",
          network: "host",
          names: [],
          order: 4,
        })),
        inner,
        cable: hostEnd?.name ?? "",
      };
    if (link.kind === "macvlan" || link.kind === "ipvlan" || link.kind === "vlan") {
      const parent = splitEndpoint(link.a).ifname;
      const network = topology.networks.find((n) => n.options.parent === parent && (n.driver === "macvlan" || n.driver === "ipvlan"));
      return {
        group: group(`parent:${parent}`, () => ({
          kind: "parent",
          label: parent,
          detail: `${link.kind} parent${network ? ` · ${network.name}` : ""}`,
          network: network?.name ?? `${link.kind}:${parent}`,
          names: [parent, ...(network ? [network.name] : [])],
          order: 3,
        })),
        inner,
        cable: link.kind,
      };
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
  for (const ns of visible) {
    const attachments = linksOf(ns.id)
      .map(attachment)
      .filter((a): a is NonNullable<typeof a> => a !== null)
      .sort((x, y) => x.group.order - y.group.order || x.group.key.localeCompare(y.group.key));
    const [first, ...more] = attachments;
    const extra = more.map(
      (a) => `also ${a.inner} ${ipv4Cidr(ns.interfaces.find((i) => i.name === a.inner))} on ${networkNameOfBridge.get(a.group.label) ?? a.group.label}`,
    );
    if (first) first.group.members.push(memberFor(ns, containers.get(ns.containers[0] ?? ""), first.inner, first.cable, extra));
    else {
      const lone = ns.interfaces.find((i) => i.name !== "lo");
      group("isolated", () => ({
        kind: "group",
        label: "isolated",
        detail: "no link to the host (none mode)",
        network: "none",
        names: ["none"],
        order: 6,
      })).members.push(memberFor(ns, undefined, lone?.name ?? "lo", "", []));
    }
  }
  for (const name of (host?.containers ?? []).filter((c) => (wanted ? wanted.has(c) : true))) {
    group("host-mode", () => ({
      kind: "group",
      label: "host network",
      detail: "containers in the host's namespace",
      network: "host",
      names: ["host"],
      order: 5,
    })).members.push({
      key: `container:${name}`,
      kind: "container",
      label: fitLabel(name),
      lines: ["no own interfaces", "(sees the host's)"],
      cable: "",
      names: [name],
      dashed: true,
    });
  }
  return [...groups.values()].sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
};

// A member's box: its interface and address, MAC, published ports, containers sharing its namespace.
const memberFor = (ns: NamespaceNode, owner: DockerContainer | undefined, viaIface: string | null, cable: string, extra: string[]): Member => {
  const iface = ns.interfaces.find((i) => i.name === viaIface);
  const shared = ns.containers.slice(1);
  const ports = owner
    ? Object.entries(owner.networkSettings.ports)
        .flatMap(([port, bindings]) => (bindings ?? []).filter((b) => !b.hostIp.includes(":")).map((b) => `${b.hostPort}→${port}`))
        .sort()
    : [];
  const lines = [
    fitLabel(`${iface?.name ?? ""} ${ipv4Cidr(iface) || "(no IPv4)"}`.trim()),
    ...(iface?.mac ? [iface.mac] : []),
    ...(ports.length ? [fitLabel(`ports ${ports.join(" ")}`)] : []),
    ...(shared.length ? [fitLabel(`+ ${shared.join(", ")} (shared netns)`)] : []),
    ...extra.map((line) => fitLabel(line)),
  ];
  return {
    key: `${ns.kind}:${ns.name}`,
    kind: ns.kind === "netns" ? "netns" : "container",
    label: fitLabel(ns.kind === "netns" ? `netns ${ns.name}` : ns.name),
    lines,
    cable,
    names: memberNames(ns),
  };
};

// One group drawn at column `col` of a band: its hub, its members in a grid, and the bus wiring them.
const placeGroup = (
  g: Group,
  col: number,
  bandTop: number,
  columns: number,
  lit: (names: readonly string[]) => boolean,
  highlight: ReadonlySet<string>,
): { hub: DrawnNode; nodes: DrawnNode[]; edges: DrawnEdge[] } => {
  const { columnWidth: W, rowHeight: H, layout: L } = defaults;
  const span = Math.max(1, Math.min(columns, g.members.length));
  const left = col * W + W / 2;
  const hubX = left + ((span - 1) * W) / 2;
  const hubY = bandTop + L.hubBelowBand;
  const hub: DrawnNode = {
    key: g.kind === "bridge" ? `bridge:${g.label}` : `${g.kind}:${g.label}`,
    kind: g.kind,
    label: fitLabel(g.label),
    detail: fitLabel(g.detail, 30),
    x: hubX,
    y: hubY,
    network: g.network,
    highlight: lit(g.names),
  };
  const nodes: DrawnNode[] = [hub];
  const edges: DrawnEdge[] = [];
  const gutter = left - W / 2 + L.gutter;
  g.members.forEach((m, index) => {
    const r = Math.floor(index / columns);
    const c = index % columns;
    const x = left + c * W;
    const y = hubY + L.membersBelowHub + r * H;
    const busY = y - L.busAboveMember;
    const mLit = lit(m.names) || (m.cable !== "" && highlight.has(m.cable));
    const dashed = Boolean(m.dashed);
    nodes.push({ key: m.key, kind: m.kind, label: m.label, detail: m.lines.join("\n"), x, y, network: g.network, highlight: mLit });
    // Bus: trunk from the hub down the group's left gutter, one horizontal line per row, one drop per member.
    edges.push({ x1: x, y1: busY, x2: x, y2: y - L.nodeRadius, label: fitLabel(m.cable, 18), network: g.network, highlight: mLit, dashed });
    if (c !== 0) return;
    const wire = { label: "", network: g.network, highlight: false, dashed };
    const rowEnd = left + (Math.min(columns, g.members.length - r * columns) - 1) * W;
    edges.push({ x1: gutter, y1: busY, x2: Math.max(rowEnd, hubX), y2: busY, ...wire });
    edges.push({ x1: gutter, y1: r === 0 ? busY : busY - H, x2: gutter, y2: busY, ...wire });
    if (r === 0) edges.push({ x1: hubX, y1: hubY + L.nodeRadius, x2: hubX, y2: busY, ...wire });
  });
  return { hub, nodes, edges };
};

// Cables from the host to each hub: straight to the first band; around the left margin to later bands (crossing no node).
const hostCables = (hubs: readonly DrawnNode[], hostX: number): DrawnEdge[] => {
  const { hostY, hostRadius, nodeRadius, hostElbow, leftMargin, cableAboveHub } = defaults.layout;
  const firstBand = Math.min(...hubs.map((hub) => hub.y));
  const edges: DrawnEdge[] = [];
  for (const hub of [...hubs].reverse()) {
    const style = { label: "", network: hub.network, highlight: hub.highlight, dashed: hub.kind === "group" };
    if (hub.y === firstBand) {
      edges.unshift({ x1: hostX, y1: hostY + hostRadius, x2: hub.x, y2: hub.y - nodeRadius, ...style });
      continue;
    }
    const elbow = hostY + hostElbow;
    edges.unshift(
      { x1: hostX, y1: hostY + hostRadius, x2: hostX, y2: elbow, ...style },
      { x1: hostX, y1: elbow, x2: leftMargin, y2: elbow, ...style },
      { x1: leftMargin, y1: elbow, x2: leftMargin, y2: hub.y - cableAboveHub, ...style },
      { x1: leftMargin, y1: hub.y - cableAboveHub, x2: hub.x, y2: hub.y - cableAboveHub, ...style },
      { x1: hub.x, y1: hub.y - cableAboveHub, x2: hub.x, y2: hub.y - nodeRadius, ...style },
    );
  }
  return edges;
};

/** Place nodes and edges: host on top, groups (bridges, parents, host mode, isolated) in bands of grids. */
export const layoutTopology = (topology: Topology, options: DrawOptions = {}): { nodes: DrawnNode[]; edges: DrawnEdge[]; width: number; height: number } => {
  const { columnWidth: W, rowHeight: H, layout: L } = defaults;
  const columns = Math.max(1, Math.floor(options.columns ?? defaults.columns));
  const highlight = new Set(options.highlight ?? []);
  const lit = (names: readonly string[]): boolean => names.some((name) => highlight.has(name));
  const nodes: DrawnNode[] = [];
  const edges: DrawnEdge[] = [];
  const hubs: DrawnNode[] = [];
  let bandTop = L.hostY + L.firstBandBelowHost;
  let col = 0;
  let bandRows = 0;
  let maxCol = 1;
  for (const g of groupTopology(topology, options)) {
    const span = Math.max(1, Math.min(columns, g.members.length));
    if (col > 0 && col + span > defaults.bandColumns) {
      bandTop += L.bandHead + bandRows * H + L.bandGap;
      col = 0;
      bandRows = 0;
    }
    const placed = placeGroup(g, col, bandTop, columns, lit, highlight);
    nodes.push(...placed.nodes);
    edges.push(...placed.edges);
    hubs.push(placed.hub);
    bandRows = Math.max(bandRows, Math.ceil(g.members.length / columns));
    col += span + defaults.groupGap;
    maxCol = Math.max(maxCol, col - defaults.groupGap);
  }
  const width = Math.max(defaults.minWidth, Math.round(maxCol * W));
  const height = bandTop + L.bandHead + bandRows * H + L.bottom;
  const hostX = width / 2;
  nodes.unshift({
    key: "host",
    kind: "host",
    label: "host",
    detail: "root network namespace",
    x: hostX,
    y: L.hostY,
    network: "host",
    highlight: highlight.has("host"),
  });
  return { nodes, edges: [...hostCables(hubs, hostX), ...edges], width, height };
};

/** Colour of each network in a picture: the palette in order of first appearance, host grey. */
export const networkColors = (nodes: readonly DrawnNode[], edges: readonly DrawnEdge[] = []): Map<string, string> => {
  const networks = [...new Set([...nodes.map((n) => n.network), ...edges.map((e) => e.network)])].filter((n) => n !== "host" && n !== "none");
  const colors = new Map(networks.map((network, i) => [network, defaults.palette[i % (defaults.palette.length - 1)] as string]));
  colors.set("host", "#9498a0");
  colors.set("none", "#9498a0");
  return colors;
};

/** Render the topology to an SVG string with Observable Plot. */
export const topologySvg = (topology: Topology, options: DrawOptions = {}): string => {
  const { nodes, edges, width, height } = layoutTopology(topology, options);
  const palette = networkColors(nodes, edges);
  const colorOf = (network: string): string => palette.get(network) ?? "#9498a0";
  const stroke = (d: DrawnEdge): string => (d.highlight ? defaults.highlightColor : colorOf(d.network));
  const chart = Plot.plot({
    document: newDocument(),
    width,
    height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    r: { type: "identity" },
    color: { type: "identity" },
    marks: [
      Plot.link(
        edges.filter((e) => !e.dashed),
        { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke, strokeWidth: (d: DrawnEdge) => (d.highlight ? 3 : 1.5) },
      ),
      Plot.link(
        edges.filter((e) => e.dashed),
        { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke, strokeWidth: 1.5, strokeDasharray: "4,3" },
      ),
      Plot.text(
        edges.filter((e) => e.label),
        {
          x: "x2",
          y: (d: DrawnEdge) => d.y1 + 12,
          text: "label",
          fontSize: 9,
          fill: (d: DrawnEdge) => (d.highlight ? defaults.highlightColor : "#555"),
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        },
      ),
      Plot.dot(nodes, {
        x: "x",
        y: "y",
        r: (d: DrawnNode) => (d.kind === "host" ? 12 : 8),
        symbol: (d: DrawnNode) =>
          d.kind === "container" ? "square" : d.kind === "bridge" ? "diamond" : d.kind === "netns" ? "triangle" : d.kind === "parent" ? "cross" : "circle",
        fill: (d: DrawnNode) => colorOf(d.network),
        stroke: (d: DrawnNode) => (d.highlight ? defaults.highlightColor : "white"),
        strokeWidth: (d: DrawnNode) => (d.highlight ? 3 : 1),
        ariaLabel: (d: DrawnNode) => d.key,
      }),
      Plot.text(nodes, {
        x: "x",
        y: "y",
        text: "label",
        dy: -17,
        fontWeight: "bold",
        fontSize: 11,
        fill: (d: DrawnNode) => (d.highlight ? defaults.highlightColor : "black"),
        stroke: "white",
        strokeWidth: 3,
        paintOrder: "stroke",
      }),
      Plot.text(nodes, { x: "x", y: "y", text: "detail", dy: 14, lineAnchor: "top", fontSize: 10, fill: "#333", lineHeight: 1.15 }),
    ],
  });
  return standalone(chart, width, height, options.title);
};

/**
 * Make Plot's `<svg>` a standalone SVG document: the xmlns, an opaque background, and the title inside it
 * (a `<title>` for screen readers and hover, a heading drawn in a band above the picture). Plot's own title
 * wraps the SVG in a `<figure>` with an `<h2>`: valid inline HTML, but JupyterLab shows `image/svg+xml` as an
 * `<img>`, which cannot hold a `<figure>` and shows a broken image.
 */
const standalone = (svg: Element, width: number, height: number, title: string | undefined): string => {
  const doc = svg.ownerDocument;
  const band = title ? defaults.titleHeight : 0;
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("class", `${svg.getAttribute("class") ?? ""} dnl-topology`.trim());
  svg.setAttribute("viewBox", `0 ${-band} ${width} ${height + band}`);
  svg.setAttribute("height", String(height + band));
  svg.setAttribute("role", "img");
  const background = doc.createElementNS("http://www.w3.org/2000/svg", "rect");
  for (const [name, value] of Object.entries({ x: "0", y: String(-band), width: String(width), height: String(height + band), fill: "white" }))
    background.setAttribute(name, value);
  const style = svg.querySelector("style");
  svg.insertBefore(background, style ? style.nextSibling : svg.firstChild);
  if (title) {
    const titleElement = doc.createElementNS("http://www.w3.org/2000/svg", "title");
    titleElement.textContent = title;
    svg.insertBefore(titleElement, svg.firstChild);
    const heading = doc.createElementNS("http://www.w3.org/2000/svg", "text");
    for (const [name, value] of Object.entries({
      x: "8",
      y: String(-band + 20),
      "text-anchor": "start",
      "font-size": "15",
      "font-weight": "bold",
      fill: "black",
    }))
      heading.setAttribute(name, value);
    heading.textContent = title;
    svg.appendChild(heading);
  }
  return svg.outerHTML;
};

/** The interface of a namespace node a picture labels (exported for tables and tests). */
export const labelledInterface = (ns: NamespaceNode): IpInterface | undefined =>
  ns.interfaces.find((i) => i.name !== "lo" && i.addresses.some((a) => a.family === "inet")) ?? ns.interfaces.find((i) => i.name !== "lo");
