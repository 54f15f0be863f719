// Drawing a Topology with Observable Plot: links, then nodes, then labels (like Plot.tree). Pure and deterministic.
import * as Plot from "@observablehq/plot";
import type { DockerContainer, IpInterface } from "../parse/models.js";
import { bridgeInterfaceName, splitEndpoint, type Topology } from "../topology/model.js";
import { newDocument } from "./dom.js";

const defaults = {
  columnWidth: 170,
  rowHeight: 95,
  minWidth: 480,
  palette: ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"],
} as const;

/** One drawn node. */
export interface DrawnNode {
  readonly key: string;
  readonly kind: "host" | "bridge" | "container";
  readonly label: string;
  readonly detail: string;
  readonly x: number;
  readonly y: number;
  readonly network: string;
  readonly highlight: boolean;
}

/** One drawn edge. */
export interface DrawnEdge {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly label: string;
  readonly network: string;
  readonly highlight: boolean;
}

export interface DrawOptions {
  /** Only draw these containers (by name); default: every running container. */
  readonly containers?: readonly string[];
  /** Names of containers, bridges or host veths to emphasise (e.g. what a step just added). */
  readonly highlight?: readonly string[];
  readonly title?: string;
}

// The IPv4 address of an interface, as CIDR.
const ipv4 = (iface: IpInterface | undefined): string => {
  const address = iface?.addresses.find((a) => a.family === "inet");
  return address ? `${address.address}/${address.prefix}` : "";
};

/** Place nodes and edges: host on top, one column group per bridge, containers under their bridge. */
export const layoutTopology = (topology: Topology, options: DrawOptions = {}): { nodes: DrawnNode[]; edges: DrawnEdge[]; width: number; height: number } => {
  const highlight = new Set(options.highlight ?? []);
  const wanted = options.containers ? new Set(options.containers) : null;
  const host = topology.namespaces.find((ns) => ns.kind === "host");
  const hostIfaces = new Map((host?.interfaces ?? []).map((iface) => [iface.name, iface]));
  const bridges = topology.networks
    .filter((network) => network.driver === "bridge")
    .map((network) => ({ network, ifname: bridgeInterfaceName(network) as string }))
    .filter(({ ifname }) => hostIfaces.has(ifname))
    .sort((a, b) => (a.network.name === "bridge" ? -1 : b.network.name === "bridge" ? 1 : a.network.name.localeCompare(b.network.name)));
  const running = topology.containers.filter((c) => c.state.running && (!wanted || wanted.has(c.name))).sort((a, b) => a.name.localeCompare(b.name));
  const columns: { bridge: (typeof bridges)[number]; members: DockerContainer[] }[] = bridges.map((bridge) => ({
    bridge,
    members: running.filter((c) => Object.keys(c.networkSettings.networks).includes(bridge.network.name)),
  }));
  const nodes: DrawnNode[] = [];
  const edges: DrawnEdge[] = [];
  let x = 0;
  const vethOfContainer = new Map<string, string>();
  for (const link of topology.links) {
    if (link.kind !== "veth") continue;
    const a = splitEndpoint(link.a);
    const b = splitEndpoint(link.b);
    vethOfContainer.set(`${b.namespace}:${b.ifname}`, a.ifname);
  }
  for (const { bridge, members } of columns) {
    const span = Math.max(1, members.length);
    const center = x + (span - 1) / 2;
    const iface = hostIfaces.get(bridge.ifname);
    nodes.push({ key: `bridge:${bridge.ifname}`, kind: "bridge", label: bridge.ifname, detail: `${bridge.network.name} · ${ipv4(iface) || bridge.network.ipam.config[0]?.subnet || ""}`, x: center, y: 1, network: bridge.network.name, highlight: highlight.has(bridge.ifname) || highlight.has(bridge.network.name) });
    members.forEach((container, index) => {
      const endpoint = container.networkSettings.networks[bridge.network.name];
      const ns = topology.namespaces.find((candidate) => candidate.containers.includes(container.name));
      const eth = ns?.interfaces.find((candidate) => ipv4(candidate) === `${endpoint?.ipAddress}/${endpoint?.ipPrefixLen}`);
      const veth = eth && ns ? vethOfContainer.get(`${ns.id}:${eth.name}`) : undefined;
      const cx = x + index;
      const lit = highlight.has(container.name) || (veth !== undefined && highlight.has(veth));
      nodes.push({ key: `container:${container.name}`, kind: "container", label: container.name, detail: `${eth?.name ?? "eth?"} ${endpoint?.ipAddress ?? ""}\n${endpoint?.macAddress ?? ""}`, x: cx, y: 2, network: bridge.network.name, highlight: lit });
      edges.push({ x1: center, y1: 1, x2: cx, y2: 2, label: veth ?? "", network: bridge.network.name, highlight: lit });
    });
    x += span + 0.5;
  }
  const width = Math.max(defaults.minWidth, Math.round((x + 0.5) * defaults.columnWidth));
  const hostX = nodes.length ? (Math.min(...nodes.map((n) => n.x)) + Math.max(...nodes.map((n) => n.x))) / 2 : 0;
  nodes.unshift({ key: "host", kind: "host", label: "host", detail: "root network namespace", x: hostX, y: 0, network: "host", highlight: false });
  for (const node of nodes.filter((n) => n.kind === "bridge")) edges.unshift({ x1: hostX, y1: 0, x2: node.x, y2: 1, label: "", network: "host", highlight: false });
  return { nodes, edges, width, height: 3 * defaults.rowHeight + 60 };
};

/** Render the topology to an SVG string with Observable Plot. */
export const topologySvg = (topology: Topology, options: DrawOptions = {}): string => {
  const { nodes, edges, width, height } = layoutTopology(topology, options);
  const networks = [...new Set(nodes.map((n) => n.network))].sort();
  const xs = nodes.map((n) => n.x);
  const chart = Plot.plot({
    document: newDocument(),
    width,
    height,
    marginLeft: 80,
    marginRight: 80,
    marginTop: 30,
    marginBottom: 40,
    ...(options.title ? { title: options.title } : {}),
    x: { axis: null, domain: [Math.min(0, ...xs) - 0.1, Math.max(0, ...xs) + 0.1] },
    y: { axis: null, domain: [-0.3, 2.5], reverse: false },
    color: { domain: networks, range: defaults.palette.slice(0, Math.max(1, networks.length)) },
    marks: [
      Plot.link(edges, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: (d: DrawnEdge) => (d.highlight ? "#d62728" : d.network), strokeWidth: (d: DrawnEdge) => (d.highlight ? 3 : 1.5) }),
      Plot.text(edges.filter((e) => e.label), { x: (d: DrawnEdge) => (d.x1 + d.x2) / 2, y: (d: DrawnEdge) => (d.y1 + d.y2) / 2, text: "label", fontSize: 10, fill: "#555", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.dot(nodes, { x: "x", y: "y", r: (d: DrawnNode) => (d.kind === "host" ? 12 : 9), symbol: (d: DrawnNode) => (d.kind === "container" ? "square" : d.kind === "bridge" ? "diamond" : "circle"), fill: (d: DrawnNode) => d.network, stroke: (d: DrawnNode) => (d.highlight ? "#d62728" : "white"), strokeWidth: (d: DrawnNode) => (d.highlight ? 3 : 1), ariaLabel: (d: DrawnNode) => d.key }),
      Plot.text(nodes, { x: "x", y: "y", text: "label", dy: -18, fontWeight: "bold", fontSize: 11 }),
      Plot.text(nodes, { x: "x", y: "y", text: "detail", dy: 26, fontSize: 10, fill: "#333", lineHeight: 1.1 }),
    ],
  });
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg");
  svg?.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg?.setAttribute("class", `${svg.getAttribute("class") ?? ""} dnl-topology`.trim());
  return chart.outerHTML;
};
