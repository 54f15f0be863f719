// What one step changed, for notebooks: the `after` picture with the changes highlighted, and the list.
import { describeDiff, diffTopology, scopeDiff, summarizeDiff, type TopologyDiff } from "../topology/diff.js";
import { ruleCommand, type Topology } from "../topology/model.js";
import { display, escapeHtml, type MimeBundle } from "./display.js";
import { diffMarks, withRemoved } from "./diff-picture.js";
import { topologySvg, type DrawOptions } from "./topology-plot.js";

const defaults = { maxListed: 40 } as const;

const marks = { added: "+", removed: "−", changed: "~" } as const;
const colors = { added: "#2a7a2a", removed: "#b02020", changed: "#8a6d00" } as const;

/**
 * MIME bundle of a diff: text, an HTML list and the picture of `after` with what was added in green, changed in
 * amber and (given `before`) removed in red and dashed, with a legend.
 */
export const diffBundle = (diff: TopologyDiff, after: Topology, options: DrawOptions = {}, before?: Topology): MimeBundle => {
  const marked = diffMarks(diff);
  const removed = [...marked].filter(([, mark]) => mark === "removed").map(([name]) => name);
  const scope = options.containers ? { containers: [...options.containers, ...removed] } : {};
  const svg = topologySvg(before ? withRemoved(before, after) : after, { ...options, ...scope, marks: marked });
  const shown = diff.changes.slice(0, defaults.maxListed);
  const items = shown
    .map((c) => `<li style="color:${colors[c.change]}"><code>${marks[c.change]} ${escapeHtml(c.subject)}</code> ${escapeHtml(c.detail)}</li>`)
    .join("");
  const more = diff.changes.length > shown.length ? `<li>… and ${diff.changes.length - shown.length} more</li>` : "";
  const moved = diff.counters.length
    ? `<p>Rule counters that moved:</p><ul>${diff.counters.map((c) => `<li><code>+${c.packets} pkt</code> <code>${escapeHtml(ruleCommand(c.rule))}</code></li>`).join("")}</ul>`
    : "";
  const html = `<div class="dnl-diff"><p><b>${escapeHtml(summarizeDiff(diff))}</b></p><ul style="font-size:90%">${items}${more}</ul>${moved}${svg}</div>`;
  return { "text/plain": describeDiff(diff), "text/html": html };
};

/**
 * Compare two snapshots and show the result inline (plain text outside a notebook); returns the diff.
 * `only`: keep the changes that name or mention these words (see relatedNames), e.g. one lab's objects;
 * `exclude`: drop those that name these (other containers and namespaces, see otherNames).
 */
export const showDiff = (
  before: Topology,
  after: Topology,
  options: DrawOptions & { only?: readonly string[]; exclude?: readonly string[] } = {},
): TopologyDiff => {
  const { only, exclude = [], ...draw } = options;
  const full = diffTopology(before, after);
  const diff = only ? scopeDiff(full, only, exclude) : full;
  display(diffBundle(diff, after, draw, before));
  return diff;
};
