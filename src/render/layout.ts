// The geometry of a topology picture, and nothing else: the root namespace as the frame; a box per container,
// hand-made namespace, private engine, "internet" and "LAN"; interfaces where the cable meets the box, with name and
// address; a veth pair as one cable from its host end (on the bridge bar) to its peer; bridges and macvlan parents as
// bars; published ports, MASQUERADE and raw drops marked; a packet's path and a diff's marks on top. Pure and
// deterministic: a Topology in, rectangles, lines and labels (with their bounds) out; topology-plot.ts draws them.
//
// Sizes: every label is monospace, so its bounds are known (chars × 0.6 em); a label is wrapped or fitted to the box or
// cell it belongs to, never cut by the picture's edge. Groups (a bar and its members) are packed into shelves of at
// most `maxWidth`; a group with more members than fit wraps into rows, each row hung from the bar by a trunk and bus.
import type { Explanation } from "../topology/explain.js";
import { ipv4Cidr, splitEndpoint, type Topology } from "../topology/model.js";
import { groupTopology, type GroupSpec, type LineSpec, type MemberSpec } from "./layout-groups.js";

export const defaults = {
  maxWidth: 900,
  minWidth: 560,
  /** Outside the root frame. */
  margin: 10,
  /** Inside the root frame. */
  pad: 12,
  cellWidth: 164,
  /** Space between two boxes of a group (the box is cellWidth - boxGap wide). */
  boxGap: 12,
  groupGap: 8,
  shelfGap: 18,
  fontSize: 10,
  titleSize: 11,
  /** Width of a monospace character, in em. */
  charWidth: 0.6,
  lineHeight: 12,
  boxPad: 6,
  /** Cable x from the box's left edge. */
  cableInset: 16,
  barHeight: 6,
  rowGap: 16,
  headingSize: 14,
} as const;

export type Mark = "added" | "removed" | "changed" | "highlight";

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type BoxKind = "root" | "overlay" | MemberSpec["kind"];

export interface LayoutBox extends Rect {
  readonly key: string;
  readonly kind: BoxKind;
  readonly network: string;
  readonly tip: string;
  readonly mark: Mark | null;
}

export interface LayoutBar extends Rect {
  readonly key: string;
  readonly kind: GroupSpec["kind"];
  readonly network: string;
  readonly tip: string;
  readonly mark: Mark | null;
}

export interface LayoutCable {
  readonly key: string;
  readonly kind: "veth" | "macvlan" | "ipvlan" | "vlan" | "bus" | "uplink";
  readonly points: readonly (readonly [number, number])[];
  readonly network: string;
  readonly tip: string;
  readonly mark: Mark | null;
}

export interface LayoutPort {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly network: string;
  readonly tip: string;
  readonly mark: Mark | null;
}

export interface LayoutArrow {
  readonly key: string;
  readonly kind: "dnat" | "proxy";
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly tip: string;
}

export type LabelTone = "plain" | "title" | "heading" | "muted" | "nat" | "proxy" | "drop" | "other-network" | "legend" | "hop";

export interface LayoutLabel extends Rect {
  readonly key: string;
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
  readonly tone: LabelTone;
  readonly tip: string;
  /** The rectangle the label belongs in (its box, its cell, the frame); the overlap test holds it there. */
  readonly owner: string;
  readonly network?: string;
  readonly mark: Mark | null;
}

export interface PathMarker {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly tip: string;
  readonly drop: boolean;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly LayoutBox[];
  readonly bars: readonly LayoutBar[];
  readonly cables: readonly LayoutCable[];
  readonly ports: readonly LayoutPort[];
  readonly arrows: readonly LayoutArrow[];
  readonly labels: readonly LayoutLabel[];
  /** Owners of labels that are not boxes (cells, headers), by key. */
  readonly regions: ReadonlyMap<string, Rect>;
  readonly path: { readonly points: readonly (readonly [number, number])[]; readonly markers: readonly PathMarker[] } | null;
  /** Networks in order of appearance (for colours). */
  readonly networks: readonly string[];
  readonly legend: readonly Mark[];
}

export interface LayoutOptions {
  readonly containers?: readonly string[];
  readonly namespaces?: readonly string[];
  readonly emptyBridges?: boolean;
  readonly title?: string;
  /** Names to mark as highlighted (a packet's path, what a step made). */
  readonly highlight?: readonly string[];
  /** Names to mark as added, removed or changed (a diff). */
  readonly marks?: ReadonlyMap<string, Mark>;
  /** A packet's path to draw over the picture, with the rules whose counters moved (`table text` -> packets). */
  readonly explanation?: Explanation;
  readonly moved?: ReadonlyMap<string, number>;
}

const charPx = (size: number): number => size * defaults.charWidth;
/** Characters of a label at `size` that fit `width` pixels. */
export const charsFitting = (width: number, size: number = defaults.fontSize): number => Math.max(1, Math.floor(width / charPx(size)));

/** Fit text into lines of at most `chars`, breaking after spaces, '-', '/', ',' where it can; at most `maxLines`. */
export const wrapText = (text: string, chars: number, maxLines = 3): string[] => {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > chars && lines.length < maxLines - 1) {
    const window = rest.slice(0, chars + 1);
    const breaks = [...window.matchAll(/[ \-/,·]/g)].map((m) => (m.index ?? 0) + (m[0] === " " ? 0 : 1)).filter((i) => i > chars / 3 && i <= chars);
    const at = breaks.length ? breaks[breaks.length - 1]! : chars;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  lines.push(rest.length > chars ? `${rest.slice(0, chars - 1)}…` : rest);
  return lines;
};

/** Everything a layout is built into, with the geometry helpers. */
class Builder {
  readonly boxes: LayoutBox[] = [];
  readonly bars: LayoutBar[] = [];
  readonly cables: LayoutCable[] = [];
  readonly ports: LayoutPort[] = [];
  readonly arrows: LayoutArrow[] = [];
  readonly labels: LayoutLabel[] = [];
  readonly regions = new Map<string, Rect>();
  /** Where each endpoint (`ns:iface`, `ns:`) is drawn, for a packet's path. */
  readonly anchors = new Map<string, readonly [number, number]>();
  /** Bars by the endpoint of their interface (a path moves along them). */
  readonly barAnchors = new Map<string, Rect>();
  /** Top of the group each anchor is in: a path between two groups of the host runs just above them. */
  readonly anchorTops = new Map<string, { group: string; top: number; right: number }>();
  /** Where a path's marker goes for an anchor, beside it (in the free space left of a cable): [dx, dy]. */
  readonly markerOffsets = new Map<string, readonly [number, number]>();
  readonly networks: string[] = [];
  /** x of the root frame's left gutter (a path between shelves runs down it). */
  gutter = 0;
  readonly usedMarks = new Set<Mark>();

  constructor(readonly options: LayoutOptions) {}

  mark(names: readonly string[]): Mark | null {
    const marks = this.options.marks;
    const highlight = this.options.highlight ?? [];
    let found: Mark | null = null;
    for (const name of names) {
      const m = marks?.get(name) ?? (highlight.includes(name) ? "highlight" : undefined);
      if (m === "removed") found = m;
      else if (m && found !== "removed" && !(found === "added" && m !== "added")) found = m;
    }
    if (found) this.usedMarks.add(found);
    return found;
  }

  network(name: string): void {
    if (!this.networks.includes(name) && name !== "host" && name !== "none") this.networks.push(name);
  }

  /** A label at (x, y) (its top-left), `text` on one line; returns its bottom. */
  label(key: string, x: number, y: number, text: string, more: Partial<Omit<LayoutLabel, "x" | "y" | "text" | "w" | "h">> & { owner: string }): number {
    const size = more.size ?? defaults.fontSize;
    const h = size === defaults.fontSize ? defaults.lineHeight : Math.round(size * 1.25);
    this.labels.push({ key, x, y, w: text.length * charPx(size), h, text, size, bold: false, tone: "plain", tip: text, mark: null, ...more });
    return y + h;
  }
}

/** Lay a topology out (see the module comment). */
export const layoutPicture = (topology: Topology, options: LayoutOptions = {}): Layout => {
  const b = new Builder(options);
  const D = defaults;
  const groups = groupTopology(topology, options);
  const innerMax = D.maxWidth - 2 * D.margin - 2 * D.pad;
  const maxCols = Math.max(1, Math.floor(innerMax / D.cellWidth));
  const sizes = groups.map((g) => groupSize(g, Math.min(maxCols, Math.max(1, g.members.length))));
  const shelves = packShelves(
    sizes.map((s) => s.w),
    innerMax,
  );
  const contentWidth = Math.max(...shelves.map((shelf) => shelf.width), 0);
  const width = Math.max(D.minWidth, contentWidth + 2 * D.margin + 2 * D.pad);
  let y: number = D.margin;
  if (options.title) {
    for (const line of wrapText(options.title, charsFitting(width - 2 * D.margin, D.headingSize), 2))
      y = b.label(`title:${line}`, D.margin, y, line, { owner: "picture", size: D.headingSize, bold: true, tone: "heading" });
    y += 4;
  }
  const frameX = D.margin;
  const frameW = width - 2 * D.margin;
  b.gutter = frameX + D.pad / 2;
  const uplink = uplinkOf(topology);
  if (uplink) y += D.lineHeight + 10;
  const frameTop = y;
  // With a filter (one lab's picture), only the MASQUERADE rules of the bridges drawn: not other learners'.
  const drawn = new Set(groups.flatMap((g) => (g.members.length || !options.containers ? g.names : [])));
  const masquerades = (topology.nat?.masquerade ?? []).filter(
    (m) => !options.containers || (m.exceptOut !== null && drawn.has(m.exceptOut)) || (m.network !== null && drawn.has(m.network)),
  );
  const home = topology.namespaces.find((ns) => ns.kind === "host")?.name ?? "host";
  y = rootHeader(b, masquerades, frameX, frameTop, frameW, uplink, home === "host" ? "host · root network namespace" : home);
  groups.forEach((g) => {
    b.network(g.network);
  });
  let shelfTop = y + 10;
  for (const shelf of shelves) {
    let x = frameX + D.pad;
    const shelfHeight = Math.max(...shelf.items.map((i) => sizes[i]!.h));
    for (const i of shelf.items) {
      placeGroup(b, groups[i]!, x, shelfTop, sizes[i]!);
      x += sizes[i]!.w + D.groupGap;
    }
    shelfTop += shelfHeight + D.shelfGap;
  }
  const frameBottom = shelfTop - D.shelfGap + D.pad;
  b.boxes.unshift({
    key: "host",
    kind: "root",
    x: frameX,
    y: frameTop,
    w: frameW,
    h: frameBottom - frameTop,
    network: "host",
    tip: "the host's root network namespace",
    mark: b.mark(["host"]),
  });
  b.anchors.set("host:", [frameX + D.pad + 4, frameTop + 8]);
  let bottom = frameBottom + 8;
  if (b.usedMarks.size && options.marks) bottom = legend(b, [...b.usedMarks], frameX, bottom);
  const path = options.explanation ? pathOverlay(b, options.explanation, options.moved ?? new Map(), frameX, frameW, bottom) : null;
  if (path) bottom = path.bottom;
  return {
    width,
    height: Math.ceil(bottom + D.margin),
    boxes: b.boxes,
    bars: b.bars,
    cables: b.cables,
    ports: b.ports,
    arrows: b.arrows,
    labels: b.labels,
    regions: b.regions,
    path: path ? { points: path.points, markers: path.markers } : null,
    networks: b.networks,
    legend: [...b.usedMarks],
  };
};

/** The host's way out: the interface of its default route. */
const uplinkOf = (topology: Topology): { name: string; address: string } | null => {
  const host = topology.namespaces.find((ns) => ns.kind === "host");
  const route = host?.routes.find((r) => r.dst === "default" && r.dev);
  const iface = route ? host?.interfaces.find((i) => i.name === route.dev) : undefined;
  return iface ? { name: iface.name, address: ipv4Cidr(iface) } : null;
};

// The root frame's head: its name, the uplink on the frame's top edge, the MASQUERADE rules (where traffic leaves).
const rootHeader = (
  b: Builder,
  masquerades: NonNullable<Topology["nat"]>["masquerade"],
  x: number,
  top: number,
  w: number,
  uplink: { name: string; address: string } | null,
  heading: string,
): number => {
  const D = defaults;
  const chars = charsFitting(w - 2 * D.pad);
  if (uplink) {
    const px = x + D.pad + 30;
    b.ports.push({
      key: `host:${uplink.name}`,
      x: px,
      y: top,
      network: "host",
      tip: `${uplink.name} ${uplink.address}: the host's default route`,
      mark: b.mark([uplink.name]),
    });
    b.cables.push({
      key: "uplink",
      kind: "uplink",
      points: [
        [px, top],
        [px, top - D.lineHeight - 8],
      ],
      network: "host",
      tip: "to the outside (default route)",
      mark: null,
    });
    b.label(`uplink`, px + 6, top - D.lineHeight - 8, `${uplink.name} ${uplink.address} · default route`, {
      owner: "picture",
      tip: `${uplink.name}: the host's way out`,
    });
    b.anchors.set(`host:${uplink.name}`, [px, top]);
    b.anchorTops.set(`host:${uplink.name}`, { group: "uplink", top: top + 10, right: px });
    b.markerOffsets.set(`host:${uplink.name}`, [-10, -9]);
  }
  let y: number = top + 6;
  y = b.label("root:title", x + D.pad, y, heading.slice(0, chars), {
    owner: "host",
    size: D.titleSize,
    bold: true,
    tone: "title",
    tip: "the host's root network namespace",
  });
  for (const m of masquerades) {
    const text = `⇡ MASQUERADE ${m.subnet}${m.exceptOut ? ` leaving by any interface but ${m.exceptOut}` : ""}${uplink ? ` (e.g. ${uplink.name})` : ""}`;
    for (const line of wrapText(text, chars, 2))
      y = b.label(`masq:${m.subnet}:${line}`, x + D.pad, y, line, {
        owner: "host",
        tone: "nat",
        tip: `${m.rule.table} ${m.rule.chain}: ${m.rule.text} (${m.rule.packets} pkts)`,
        mark: b.mark([m.subnet, ...(m.network ? [m.network] : [])]),
      });
  }
  return y;
};

interface GroupSize {
  readonly w: number;
  readonly h: number;
  readonly cols: number;
  readonly header: readonly string[];
  readonly rows: readonly { readonly zone: number; readonly box: number }[];
}

const boxInnerChars = (): number => charsFitting(defaults.cellWidth - defaults.boxGap - 2 * defaults.boxPad);
const zoneChars = (): number => charsFitting(defaults.cellWidth - defaults.boxGap - defaults.cableInset - 6);
const titleLines = (m: MemberSpec): string[] =>
  wrapText(m.title, charsFitting(defaults.cellWidth - defaults.boxGap - 2 * defaults.boxPad, defaults.titleSize), 2);
const boxLines = (m: MemberSpec): { text: string; spec: LineSpec }[] =>
  m.lines.flatMap((spec) => wrapText(spec.text, boxInnerChars(), 2).map((text) => ({ text, spec })));
const hasCable = (m: MemberSpec): boolean => m.cable.kind !== "none";
const upperLines = (m: MemberSpec): string[] =>
  hasCable(m)
    ? [m.cable.hostEnd ?? (m.cable.kind === "veth" ? "" : `${m.cable.kind} child`), ...(m.cable.hostEndAddress ? [m.cable.hostEndAddress] : [])].filter(Boolean)
    : [];
const lowerLines = (m: MemberSpec): string[] =>
  hasCable(m) && m.cable.inner ? wrapText(`${m.cable.inner} ${m.cable.innerAddress}`.trim(), zoneChars(), 2) : [];

const subtitleLines = (m: MemberSpec): string[] => wrapText(m.subtitle, boxInnerChars(), 2);
const memberBoxHeight = (m: MemberSpec): number =>
  2 * defaults.boxPad + titleLines(m).length * Math.round(defaults.titleSize * 1.25) + defaults.lineHeight * (subtitleLines(m).length + boxLines(m).length);

const groupSize = (g: GroupSpec, cols: number): GroupSize => {
  const D = defaults;
  const w = cols * D.cellWidth;
  const header = g.header.flatMap((line) => wrapText(line, charsFitting(w - D.boxGap), 2));
  const rows: { zone: number; box: number }[] = [];
  for (let start = 0; start < Math.max(1, g.members.length); start += cols) {
    const row = g.members.slice(start, start + cols);
    const cabled = row.filter(hasCable);
    const zone = cabled.length ? D.lineHeight * Math.max(...cabled.map((m) => upperLines(m).length + lowerLines(m).length)) + 14 : 8;
    rows.push({ zone, box: row.length ? Math.max(...row.map(memberBoxHeight)) : 0 });
  }
  const barSpace = hasBar(g) ? D.barHeight + 2 : 0;
  const h = header.length * D.lineHeight + 4 + barSpace + rows.reduce((sum, r) => sum + r.zone + r.box + D.rowGap, 0) - D.rowGap;
  return { w, h, cols, header, rows };
};

const hasBar = (g: GroupSpec): boolean => g.kind === "bridge" || g.kind === "parent" || g.kind === "overlay";

/** Shelves: groups left to right, a new shelf when the next one does not fit (a group wider than all gets its own). */
const packShelves = (widths: readonly number[], max: number): { items: number[]; width: number }[] => {
  const shelves: { items: number[]; width: number }[] = [];
  widths.forEach((w, i) => {
    const last = shelves[shelves.length - 1];
    if (last && last.width + defaults.groupGap + w <= max) {
      last.items.push(i);
      last.width += defaults.groupGap + w;
    } else shelves.push({ items: [i], width: w });
  });
  return shelves;
};

// One group at (x, top): its heading, its bar, and its members row by row, hung from the bar.
const placeGroup = (b: Builder, g: GroupSpec, x: number, top: number, size: GroupSize): void => {
  const D = defaults;
  const region = `group:${g.key}`;
  b.regions.set(region, { x, y: top, w: size.w, h: size.h });
  const gMark = b.mark(g.names);
  const groupTop = top;
  let y = top;
  size.header.forEach((line, i) => {
    y = b.label(`${region}:h${i}`, x + 3, y, line, {
      owner: region,
      bold: i === 0,
      tone: i === 0 ? "title" : "muted",
      tip: g.tip,
      network: g.network,
      mark: gMark,
    });
  });
  y += 4;
  let busY = y;
  if (hasBar(g)) {
    b.bars.push({ key: g.key, kind: g.kind, x: x + 2, y, w: size.w - 4 - D.boxGap / 2, h: D.barHeight, network: g.network, tip: g.tip, mark: gMark });
    const ifname = g.kind === "overlay" ? null : g.key.slice(g.key.indexOf(":") + 1);
    if (ifname) b.barAnchors.set(`host:${ifname}`, { x: x + 2, y, w: size.w - 4 - D.boxGap / 2, h: D.barHeight });
    for (const name of g.names) b.barAnchors.set(`host:${name}`, { x: x + 2, y, w: size.w - 4 - D.boxGap / 2, h: D.barHeight });
    for (const name of [...g.names, ...(ifname ? [ifname] : [])]) b.anchorTops.set(`host:${name}`, { group: g.key, top, right: x + size.w - 2 });
    if (g.kind === "overlay")
      b.boxes.push({
        key: `overlay:${g.key}`,
        kind: "overlay",
        x,
        y: top - 3,
        w: size.w - D.boxGap / 2,
        h: y + D.barHeight + 4 - (top - 3),
        network: g.network,
        tip: g.tip,
        mark: gMark,
      });
    busY = y + D.barHeight / 2;
    y += D.barHeight + 2;
  }
  size.rows.forEach((row, r) => {
    const members = g.members.slice(r * size.cols, (r + 1) * size.cols);
    if (r > 0 && hasBar(g)) {
      busY = y + 2;
      const lastCable = x + (members.length - 1) * D.cellWidth + D.boxGap / 2 + D.cableInset;
      b.cables.push({
        key: `${g.key}:bus${r}`,
        kind: "bus",
        points: [
          [x + 4, top + size.header.length * D.lineHeight + 4 + D.barHeight],
          [x + 4, busY],
          [lastCable, busY],
        ],
        network: g.network,
        tip: g.tip,
        mark: gMark,
      });
    }
    members.forEach((m, c) => {
      const before = new Set(b.anchors.keys());
      placeMember(b, g, m, x + c * D.cellWidth, y, row, busY);
      for (const key of b.anchors.keys()) if (!before.has(key)) b.anchorTops.set(key, { group: g.key, top: groupTop, right: x + size.w - 2 });
    });
    y += row.zone + row.box + D.rowGap;
  });
};

// One member in its cell: the cable and its two labelled ends, then the box with its title and lines.
const placeMember = (b: Builder, g: GroupSpec, m: MemberSpec, cellX: number, top: number, row: { zone: number; box: number }, busY: number): void => {
  const D = defaults;
  const cell = `cell:${m.key}`;
  const boxX = cellX + D.boxGap / 2;
  const boxW = D.cellWidth - D.boxGap;
  const boxTop = top + row.zone;
  b.regions.set(cell, { x: boxX, y: top, w: boxW, h: row.zone });
  const mark = b.mark([...m.names, ...(m.cable.hostEnd ? [m.cable.hostEnd] : [])]);
  const cableX = boxX + D.cableInset;
  if (hasCable(m)) {
    const from = hasBar(g) ? busY : top + 2;
    b.cables.push({
      key: `cable:${m.key}`,
      kind: m.cable.kind === "none" ? "veth" : m.cable.kind,
      points: [
        [cableX, from],
        [cableX, boxTop],
      ],
      network: g.network,
      tip: `${m.cable.kind} ${m.cable.hostEnd ?? g.header[0]} ↔ ${m.cable.inner} of ${m.title}`,
      mark,
    });
    if (m.cable.hostEnd) {
      b.ports.push({
        key: `port:${m.key}:host`,
        x: cableX,
        y: from,
        network: g.network,
        tip: `host end ${m.cable.hostEnd} ${m.cable.hostEndAddress}`.trim(),
        mark,
      });
      b.anchors.set(`host:${m.cable.hostEnd}`, [cableX, from]);
      b.markerOffsets.set(`host:${m.cable.hostEnd}`, [-10, 9]);
    }
    b.ports.push({ key: `port:${m.key}:inner`, x: cableX, y: boxTop, network: g.network, tip: `${m.cable.inner} ${m.cable.innerAddress} in ${m.title}`, mark });
    if (m.cable.inner) b.anchors.set(`${m.nsId}:${m.cable.inner}`, [cableX, boxTop]);
    if (m.cable.inner) b.markerOffsets.set(`${m.nsId}:${m.cable.inner}`, [-10, -9]);
    let y = top + 6;
    for (const [i, line] of upperLines(m).entries())
      y = b.label(`${cell}:u${i}`, cableX + 5, y, line, { owner: cell, tone: "muted", tip: `host end: ${line}`, mark });
    const lower = lowerLines(m);
    lower.forEach((line, i) => {
      b.label(`${cell}:l${i}`, cableX + 5, boxTop - 2 - (lower.length - i) * D.lineHeight, line, { owner: cell, tip: `${m.cable.inner} in ${m.title}`, mark });
    });
  }
  const boxH = row.box;
  b.boxes.push({ key: m.key, kind: m.kind, x: boxX, y: boxTop, w: boxW, h: boxH, network: g.network, tip: m.tip, mark });
  // The namespace itself (where a packet starts or ends): its cable's port, or the box's right edge without one.
  b.anchors.set(`${m.nsId}:`, hasCable(m) ? [cableX, boxTop] : [boxX + boxW, boxTop + 10]);
  b.markerOffsets.set(`${m.nsId}:`, hasCable(m) ? [-10, -9] : [3, 0]);
  let y = boxTop + D.boxPad;
  for (const [i, line] of titleLines(m).entries())
    y = b.label(`${m.key}:t${i}`, boxX + D.boxPad, y, line, { owner: m.key, size: D.titleSize, bold: true, tone: "title", tip: m.tip, mark });
  for (const [i, line] of subtitleLines(m).entries())
    y = b.label(`${m.key}:sub${i}`, boxX + D.boxPad, y, line, { owner: m.key, tone: "muted", tip: m.tip, mark });
  for (const [i, { text, spec }] of boxLines(m).entries()) {
    if ((spec.tone === "nat" || spec.tone === "proxy") && !text.startsWith(" "))
      b.arrows.push({
        key: `${m.key}:a${i}`,
        kind: spec.tone === "nat" ? "dnat" : "proxy",
        x1: boxX + boxW + D.boxGap / 2 - 1,
        y1: y + 6,
        x2: boxX + boxW - 1,
        y2: y + 6,
        tip: spec.tip,
      });
    if (spec.tone === "other-network" && spec.endpoint) {
      b.ports.push({ key: `port:${m.key}:${i}`, x: boxX, y: y + 6, network: spec.network ?? g.network, tip: spec.tip, mark });
      b.anchors.set(spec.endpoint, [boxX, y + 6]);
    }
    y = b.label(`${m.key}:l${i}`, boxX + D.boxPad, y, text, {
      owner: m.key,
      tone: spec.tone,
      tip: spec.tip,
      ...(spec.network ? { network: spec.network } : {}),
      mark,
    });
  }
};

// The legend of a diff picture: one swatch per mark used.
const legend = (b: Builder, marks: readonly Mark[], x: number, top: number): number => {
  const words: Record<Mark, string> = { added: "added", removed: "removed (dashed)", changed: "changed", highlight: "highlighted" };
  let cx = x + 4;
  for (const mark of (["added", "removed", "changed", "highlight"] as const).filter((m) => marks.includes(m))) {
    b.boxes.push({ key: `legend:${mark}`, kind: "netns", x: cx, y: top + 2, w: 14, h: 10, network: "host", tip: words[mark], mark });
    b.label(`legend:${mark}:text`, cx + 18, top + 1, words[mark], { owner: "picture", tone: "legend", tip: words[mark], mark });
    cx += 18 + words[mark].length * charPx(defaults.fontSize) + 16;
  }
  return top + defaults.lineHeight + 8;
};

// A packet's path: a polyline through the endpoints it passed, numbered markers where its hops happen, and the hops
// listed under the picture with their chain and rule (and, for a proof, the counters that moved).
const pathOverlay = (
  b: Builder,
  e: Explanation,
  moved: ReadonlyMap<string, number>,
  x: number,
  w: number,
  top: number,
): { points: [number, number][]; markers: PathMarker[]; bottom: number } => {
  const D = defaults;
  const at = (i: number): readonly [number, number] | undefined => pointOf(b, e.path, i);
  const points = routedPath(b, e.path, at);
  const anchorOfHop = hopAnchors(e);
  // Hops at one place share a marker.
  const byPlace = new Map<string, { x: number; y: number; hops: number[] }>();
  anchorOfHop.forEach((a, hop) => {
    const p = at(a);
    if (!p) return;
    const [dx, dy] = b.markerOffsets.get(e.path[a] ?? "") ?? (b.barAnchors.has(e.path[a] ?? "") ? [-10, 10] : [0, 0]);
    const place = `${p[0] + dx},${p[1] + dy}`;
    const found = byPlace.get(place) ?? { x: p[0] + dx, y: p[1] + dy, hops: [] };
    found.hops.push(hop);
    byPlace.set(place, found);
  });
  const markers: PathMarker[] = [];
  for (const { x: mx, y: my, hops } of byPlace.values()) {
    const first = hops[0]! + 1;
    const last = hops[hops.length - 1]! + 1;
    markers.push({
      x: mx,
      y: my,
      text: first === last ? String(first) : `${first}+`,
      tip: hops.map((h) => `${h + 1}. ${e.hops[h]!.text}`).join("\n"),
      drop: hops.some((h) => e.hops[h]!.kind === "drop"),
    });
  }
  let y = top + 4;
  const verdict = { delivered: "delivered", dropped: "dropped", unreachable: "unreachable", "left-host": "left the host", unknown: "unknown" }[e.verdict];
  y = b.label(
    "hops:head",
    x,
    y,
    `${e.from} → ${e.to}: ${e.packet.protocol} ${e.packet.src} → ${e.packet.dst}${e.packet.dport !== null ? `:${e.packet.dport}` : ""} · ${verdict}`.slice(
      0,
      charsFitting(w, D.titleSize),
    ),
    {
      owner: "picture",
      size: D.titleSize,
      bold: true,
      tone: "hop",
      tip: `${e.from} → ${e.to}`,
    },
  );
  const chars = charsFitting(w);
  e.hops.forEach((hop, i) => {
    const counter = hop.rule
      ? ` (${hop.rule.packets} pkts${moved.has(`${hop.rule.table} ${hop.rule.text}`) ? `, ✔ +${moved.get(`${hop.rule.table} ${hop.rule.text}`)} moved` : ""})`
      : "";
    const text = `${String(i + 1).padStart(2)}. [${hop.where}] ${hop.text}${counter}`;
    for (const [j, line] of wrapText(text, chars, 3).entries())
      y = b.label(`hop:${i}:${j}`, x + (j ? 4 * charPx(D.fontSize) : 0), y, line, {
        owner: "picture",
        tone: hop.kind === "drop" ? "drop" : hop.kind === "nat" ? "nat" : "hop",
        tip: hop.rule ? `${hop.rule.table} ${hop.rule.chain} #${hop.rule.position}: ${hop.rule.text}` : hop.text,
      });
  });
  return { points, markers, bottom: y + 4 };
};

// The path's polyline: endpoint to endpoint; between two groups of the host (the host routes), out to the right edge
// of the first group, up into the gap above it, across (down the frame's left gutter to another shelf), and down the
// right edge of the second group: through no label, and along no other bridge's bar.
const routedPath = (b: Builder, path: readonly string[], at: (i: number) => readonly [number, number] | undefined): [number, number][] => {
  const points: [number, number][] = [];
  let previous: { p: readonly [number, number]; end: string } | null = null;
  path.forEach((end, i) => {
    const p = at(i);
    if (!p) return;
    if (previous && splitEndpoint(previous.end).namespace === "host" && splitEndpoint(end).namespace === "host") {
      const [t1, t2] = [b.anchorTops.get(previous.end), b.anchorTops.get(end)];
      if (t1 !== undefined && t2 !== undefined && t1.group !== t2.group) {
        const [out, into] = [t1.right, t2.right];
        const across: [number, number][] =
          t1.top === t2.top
            ? [
                [out, t1.top - 5],
                [into, t1.top - 5],
              ]
            : [
                [out, t1.top - 5],
                [b.gutter, t1.top - 5],
                [b.gutter, t2.top - 5],
                [into, t2.top - 5],
              ];
        points.push([out, previous.p[1]], ...across, [into, p[1]]);
      } else if (t1 !== undefined && t1.group === t2?.group && previous.p[1] !== p[1] && previous.p[0] !== p[0]) points.push([p[0], previous.p[1]]);
    }
    points.push([p[0], p[1]]);
    previous = { p, end };
  });
  return points;
};

// Where path endpoint i is drawn: its port or box; on a bar, at the x of the neighbouring endpoint.
const pointOf = (b: Builder, path: readonly string[], i: number): readonly [number, number] | undefined => {
  const end = path[i]!;
  const direct = b.anchors.get(end);
  if (direct) return direct;
  const bar = b.barAnchors.get(end);
  if (!bar) return undefined;
  const near = [path[i + 1], path[i - 1]].map((n) => (n ? b.anchors.get(n) : undefined)).find(Boolean);
  const px = near ? Math.min(bar.x + bar.w - 2, Math.max(bar.x + 2, near[0])) : bar.x + bar.w / 2;
  return [px, bar.y + bar.h / 2];
};

/** For each hop, the index in e.path where it happens (a link or POSTROUTING hop: where the packet leaves that namespace). */
export const hopAnchors = (e: Explanation): number[] => {
  const nsOf = (i: number): string => splitEndpoint(e.path[i] ?? "").namespace;
  let p = 0;
  return e.hops.map((hop) => {
    let j = p;
    while (j < e.path.length && nsOf(j) !== hop.where) j++;
    if (j < e.path.length) p = j;
    let k = p;
    if (hop.kind === "link" || /POSTROUTING|MASQUERADE|SNAT/.test(hop.text)) while (k + 1 < e.path.length && nsOf(k + 1) === nsOf(p)) k++;
    return k;
  });
};
