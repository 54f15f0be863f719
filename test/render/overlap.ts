// What makes a picture unreadable, found in its layout: labels on top of each other, a label outside its box or cell or
// cut by the picture's edge, boxes on top of each other, a box outside the root frame.
import type { Layout, Rect } from "../../src/render/layout.js";

const inside = (a: Rect, b: Rect, slack = 0.5): boolean =>
  a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.w <= b.x + b.w + slack && a.y + a.h <= b.y + b.h + slack;
const intersect = (a: Rect, b: Rect, slack = 0.5): boolean =>
  a.x + a.w > b.x + slack && b.x + b.w > a.x + slack && a.y + a.h > b.y + slack && b.y + b.h > a.y + slack;

/** Every problem of a layout, one line each; [] for a readable picture. */
export const layoutProblems = (layout: Layout): string[] => {
  const problems: string[] = [];
  const picture: Rect = { x: 0, y: 0, w: layout.width, h: layout.height };
  const root = layout.boxes.find((b) => b.kind === "root");
  const boxes = new Map(layout.boxes.map((b) => [b.key, b as Rect]));
  const owner = (key: string): Rect | undefined => (key === "picture" ? picture : (boxes.get(key) ?? layout.regions.get(key)));
  for (const label of layout.labels) {
    if (!inside(label, picture)) problems.push(`label ${label.key} "${label.text}" is cut by the picture's edge`);
    const home = owner(label.owner);
    if (!home) problems.push(`label ${label.key} has no owner ${label.owner}`);
    else if (!inside(label, home)) problems.push(`label ${label.key} "${label.text}" leaves its ${label.owner}`);
  }
  for (const [i, a] of layout.labels.entries())
    for (const b of layout.labels.slice(i + 1)) if (intersect(a, b)) problems.push(`labels ${a.key} "${a.text}" and ${b.key} "${b.text}" overlap`);
  const members = layout.boxes.filter((b) => b.kind !== "root" && b.kind !== "overlay" && !b.key.startsWith("legend:"));
  for (const [i, a] of members.entries()) {
    if (root && !inside(a, root)) problems.push(`box ${a.key} leaves the root frame`);
    for (const b of members.slice(i + 1)) if (intersect(a, b)) problems.push(`boxes ${a.key} and ${b.key} overlap`);
    for (const label of layout.labels)
      if (label.owner !== a.key && intersect(label, a)) problems.push(`label ${label.key} "${label.text}" lies on box ${a.key}`);
  }
  return problems;
};
