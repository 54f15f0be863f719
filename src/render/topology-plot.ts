// Drawing a topology with Observable Plot, from the geometry of layout.ts: boxes, then bars and cables, then ports and
// arrows, then labels, then a packet's path on top (like Plot.tree: links, then dots, then labels). Pure and
// deterministic. Colours work on light and dark JupyterLab themes: text and outlines are currentColor (the SVG's
// `color` is JupyterLab's --jp-ui-font-color1 inline, a dark grey inside an <img>), the background is
// --jp-layout-color0, and networks get mid-tone colours readable on both. Every element has a <title> for hover.
import * as Plot from "@observablehq/plot";
import type { IpInterface } from "../parse/models.js";
import type { Explanation } from "../topology/explain.js";
import type { NamespaceNode, Topology } from "../topology/model.js";
import { newDocument } from "./dom.js";
import { layoutPicture, type Layout, type LayoutBox, type LayoutCable, type LayoutLabel, type LayoutOptions, type Mark } from "./layout.js";

const defaults = {
  font: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace",
  palette: ["#4c8bf5", "#e8a33d", "#2fa58a", "#e15759", "#a77bd6", "#5fb3c9", "#d4739e", "#9c8a4e", "#7f9c3a", "#c46d3b"],
  marks: { added: "#2ca02c", removed: "#d62728", changed: "#e6a100", highlight: "#d62728" } satisfies Record<Mark, string>,
  tones: { nat: "#a463f2", proxy: "#d08c00", drop: "#e15759" },
  path: "#e0119d",
  grey: "#9498a0",
  /** The SVG's colours: JupyterLab's variables inline, their light values where none are defined (an <img>). */
  style: "color: var(--jp-ui-font-color1, #222); background: var(--jp-layout-color0, #fff); font-family: inherit; max-width: 100%; height: auto;",
  background: "fill: var(--jp-layout-color0, #fff)",
} as const;

/** What to draw (a subset of the layout's options, as the labs and the CLI pass them). */
export interface DrawOptions {
  /** Only draw these containers (by name); default: every running container. */
  readonly containers?: readonly string[];
  /** Which `ip netns` namespaces to draw (by name); default: all of them. */
  readonly namespaces?: readonly string[];
  /** Names of containers, bridges, networks, namespaces or host interfaces to emphasise. */
  readonly highlight?: readonly string[];
  readonly title?: string;
  /** Draw Docker bridge networks that have no drawn member. @default true when no container filter is given */
  readonly emptyBridges?: boolean;
  /** Names marked added / removed / changed (a diff picture, with a legend). */
  readonly marks?: ReadonlyMap<string, Mark>;
  /** A packet's path drawn over the picture, hop by hop; `moved`: rule (`table text`) -> packets its counter moved. */
  readonly explanation?: Explanation;
  readonly moved?: ReadonlyMap<string, number>;
}

/** Lay out a topology (the geometry the picture is drawn from; exported for tests and benchmarks). */
export const layoutTopology = (topology: Topology, options: DrawOptions = {}): Layout => layoutPicture(topology, options as LayoutOptions);

/** Colour of each network: the palette in order of first appearance, host and none grey. */
export const networkColors = (layout: Pick<Layout, "networks">): Map<string, string> => {
  const colors = new Map(layout.networks.map((network, i) => [network, defaults.palette[i % defaults.palette.length] as string]));
  colors.set("host", defaults.grey);
  colors.set("none", defaults.grey);
  return colors;
};

type Fill = (d: { network: string; mark: Mark | null }) => string;

const boxMarks = (boxes: readonly LayoutBox[], color: Fill): Plot.Markish[] => {
  const dashed = (b: LayoutBox): boolean => b.mark === "removed" || b.kind === "host-mode" || b.kind === "overlay";
  const stroke = (b: LayoutBox): string => (b.mark ? defaults.marks[b.mark] : b.kind === "root" ? "currentColor" : color(b));
  const common = (data: readonly LayoutBox[], more: Record<string, unknown>) =>
    Plot.rect(data, {
      x1: "x",
      y1: "y",
      x2: (b: LayoutBox) => b.x + b.w,
      y2: (b: LayoutBox) => b.y + b.h,
      stroke,
      strokeWidth: (b: LayoutBox) => (b.mark ? 2.5 : b.kind === "root" ? 1.2 : 1.4),
      title: "tip",
      ariaLabel: "key",
      ...more,
    } as Plot.RectOptions);
  const root = boxes.filter((b) => b.kind === "root");
  const round = (b: LayoutBox): boolean => b.kind === "internet" || b.kind === "lan" || b.kind === "engine";
  const others = boxes.filter((b) => b.kind !== "root");
  return [
    common(root, { fill: "currentColor", fillOpacity: 0.03, strokeOpacity: 0.7 }),
    common(
      others.filter((b) => !dashed(b) && !round(b)),
      { fill: (b: LayoutBox) => (b.mark ? defaults.marks[b.mark] : color(b)), fillOpacity: 0.1 },
    ),
    common(
      others.filter((b) => !dashed(b) && round(b)),
      { fill: (b: LayoutBox) => (b.mark ? defaults.marks[b.mark] : color(b)), fillOpacity: 0.16, rx: 10 },
    ),
    common(others.filter(dashed), { fill: (b: LayoutBox) => (b.mark ? defaults.marks[b.mark] : color(b)), fillOpacity: 0.05, strokeDasharray: "5,3" }),
  ];
};

const cableMarks = (cables: readonly LayoutCable[], color: Fill): Plot.Markish[] => {
  const points = (list: readonly LayoutCable[]) => list.flatMap((c) => c.points.map(([x, y]) => ({ x, y, c })));
  const stroke = (d: { c: LayoutCable }): string => (d.c.mark ? defaults.marks[d.c.mark] : d.c.kind === "uplink" ? "currentColor" : color(d.c));
  const line = (list: readonly LayoutCable[], more: Record<string, unknown>) =>
    Plot.line(points(list), {
      x: "x",
      y: "y",
      z: (d: { c: LayoutCable }) => d.c.key,
      stroke,
      strokeWidth: (d: { c: LayoutCable }) => (d.c.mark ? 3 : d.c.kind === "bus" ? 1.5 : 2),
      title: (d: { c: LayoutCable }) => d.c.tip,
      ...more,
    } as Plot.LineOptions);
  const dashedKinds = (c: LayoutCable): boolean => c.mark === "removed";
  const sub = (c: LayoutCable): boolean => c.kind === "macvlan" || c.kind === "ipvlan" || c.kind === "vlan";
  return [
    line(
      cables.filter((c) => !dashedKinds(c) && !sub(c)),
      {},
    ),
    line(
      cables.filter((c) => !dashedKinds(c) && sub(c)),
      { strokeDasharray: "1,3", strokeLinecap: "round", strokeWidth: 3 },
    ),
    line(cables.filter(dashedKinds), { strokeDasharray: "5,3" }),
  ];
};

const labelMarks = (labels: readonly LayoutLabel[], color: Fill): Plot.Markish[] => {
  const fill = (l: LayoutLabel): string => {
    if (l.mark && l.tone !== "title" && l.tone !== "muted" && l.tone !== "plain") return defaults.marks[l.mark];
    if (l.tone === "legend" && l.mark) return defaults.marks[l.mark];
    if (l.tone === "nat" || l.tone === "proxy" || l.tone === "drop") return defaults.tones[l.tone];
    if (l.tone === "other-network" && l.network) return color({ network: l.network, mark: null });
    return "currentColor";
  };
  const text = (data: readonly LayoutLabel[], more: Record<string, unknown>) =>
    Plot.text(data, {
      x: "x",
      y: "y",
      text: "text",
      title: "tip",
      fill,
      textAnchor: "start",
      lineAnchor: "top",
      fontFamily: defaults.font,
      ...more,
    } as Plot.TextOptions);
  const sizes = [...new Set(labels.map((l) => l.size))].sort((a, b) => a - b);
  return sizes.flatMap((size) => [
    text(
      labels.filter((l) => l.size === size && !l.bold && l.tone !== "muted"),
      { fontSize: size },
    ),
    text(
      labels.filter((l) => l.size === size && !l.bold && l.tone === "muted"),
      { fontSize: size, fillOpacity: 0.72 },
    ),
    text(
      labels.filter((l) => l.size === size && l.bold),
      { fontSize: size, fontWeight: "bold" },
    ),
  ]);
};

const pathMarks = (layout: Layout): Plot.Markish[] => {
  if (!layout.path) return [];
  const { points, markers } = layout.path;
  return [
    Plot.line(
      points.map(([x, y]) => ({ x, y })),
      { x: "x", y: "y", stroke: defaults.path, strokeWidth: 5, strokeOpacity: 0.55, strokeLinejoin: "round", title: () => "the packet's path" },
    ),
    Plot.dot(markers, {
      x: "x",
      y: "y",
      r: 9,
      fill: (m: { drop: boolean }) => (m.drop ? defaults.marks.removed : defaults.path),
      stroke: "white",
      title: "tip",
    }),
    Plot.text(markers, {
      x: "x",
      y: "y",
      text: (m: { text: string }) => (m.text.length > 2 ? m.text : m.text),
      fontSize: 8,
      fontWeight: "bold",
      fill: "white",
      fontFamily: defaults.font,
      title: "tip",
    }),
  ];
};

/** Render a layout to a standalone SVG document with Observable Plot. */
export const layoutSvg = (layout: Layout, title?: string): string => {
  const palette = networkColors(layout);
  const color: Fill = (d) => palette.get(d.network) ?? defaults.grey;
  const chart = Plot.plot({
    document: newDocument(),
    width: layout.width,
    height: layout.height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    r: { type: "identity" },
    color: { type: "identity" },
    opacity: { type: "identity" },
    marks: [
      ...boxMarks(layout.boxes, color),
      Plot.rect(layout.bars, {
        x1: "x",
        y1: "y",
        x2: (b: Layout["bars"][number]) => b.x + b.w,
        y2: (b: Layout["bars"][number]) => b.y + b.h,
        fill: (b: Layout["bars"][number]) => (b.mark ? defaults.marks[b.mark] : color(b)),
        rx: 2,
        title: "tip",
        ariaLabel: "key",
      }),
      ...cableMarks(layout.cables, color),
      Plot.dot(layout.ports, {
        x: "x",
        y: "y",
        r: 3.2,
        fill: (p: Layout["ports"][number]) => (p.mark ? defaults.marks[p.mark] : color(p)),
        stroke: "currentColor",
        strokeWidth: 0.8,
        title: "tip",
      }),
      Plot.arrow(layout.arrows, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: (a: Layout["arrows"][number]) => defaults.tones[a.kind === "dnat" ? "nat" : "proxy"],
        strokeWidth: 1.6,
        headLength: 6,
        title: "tip",
      }),
      ...labelMarks(layout.labels, color),
      ...pathMarks(layout),
    ],
  });
  return standalone(chart, layout.width, layout.height, title);
};

/** Render the topology to an SVG string: layoutTopology, then layoutSvg. */
export const topologySvg = (topology: Topology, options: DrawOptions = {}): string => layoutSvg(layoutTopology(topology, options), options.title);

/**
 * Make Plot's `<svg>` a standalone SVG document: the xmlns, a themed background and the title as its `<title>` (the
 * heading itself is a label of the layout). Plot's own title would wrap the SVG in a `<figure>`: valid inline HTML,
 * but JupyterLab shows `image/svg+xml` as an `<img>`, which cannot hold a `<figure>` and shows a broken image.
 */
const standalone = (svg: Element, width: number, height: number, title: string | undefined): string => {
  const doc = svg.ownerDocument;
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("class", `${svg.getAttribute("class") ?? ""} dnl-topology`.trim());
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("style", defaults.style);
  const background = doc.createElementNS("http://www.w3.org/2000/svg", "rect");
  for (const [name, value] of Object.entries({ x: "0", y: "0", width: String(width), height: String(height), style: defaults.background }))
    background.setAttribute(name, value);
  const style = svg.querySelector("style");
  svg.insertBefore(background, style ? style.nextSibling : svg.firstChild);
  if (title) {
    const titleElement = doc.createElementNS("http://www.w3.org/2000/svg", "title");
    titleElement.textContent = title;
    svg.insertBefore(titleElement, svg.firstChild);
  }
  return svg.outerHTML;
};

/** The interface of a namespace node a picture labels (exported for tables and tests). */
export const labelledInterface = (ns: NamespaceNode): IpInterface | undefined =>
  ns.interfaces.find((i) => i.name !== "lo" && i.addresses.some((a) => a.family === "inet")) ?? ns.interfaces.find((i) => i.name !== "lo");
