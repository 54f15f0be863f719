// A packet's path for notebooks: numbered hops (rules with their counters) and the topology with the path in red.
import { describeExplanation, type Explanation } from "../topology/explain.js";
import { ruleCommand, type Topology } from "../topology/model.js";
import type { Proof } from "../topology/prove.js";
import { escapeHtml, type MimeBundle } from "./display.js";
import { topologySvg, type DrawOptions } from "./topology-plot.js";

const defaults = {
  colors: {
    route: "#4269d0",
    link: "#555",
    bridge: "#6cc5b0",
    rule: "#333",
    nat: "#a463f2",
    proxy: "#efb118",
    deliver: "#2a7a2a",
    drop: "#b02020",
    note: "#777",
  },
  verdicts: { delivered: "✔ delivered", dropped: "✘ dropped", unreachable: "✘ unreachable", "left-host": "→ left the host", unknown: "? unknown" },
} as const;

// The hops as an HTML ordered list; rules that moved (for a proof) get a ✔.
const hopsHtml = (e: Explanation, moved: ReadonlySet<string> = new Set()): string =>
  `<ol style="font-size:90%">${e.hops
    .map((hop) => {
      const tick = hop.rule && moved.has(`${hop.rule.table} ${hop.rule.text}`) ? ' <b title="its counter moved">✔ counter moved</b>' : "";
      const counters = hop.rule ? ` <small>(${hop.rule.packets} pkts)</small>` : "";
      return `<li style="color:${defaults.colors[hop.kind]}"><small>[${escapeHtml(hop.where)}]</small> ${hop.rule ? `<code>${escapeHtml(hop.text)}</code>` : escapeHtml(hop.text)}${counters}${tick}</li>`;
    })
    .join("")}</ol>`;

// Title line of a path.
const head = (e: Explanation): string =>
  `<p><b>${escapeHtml(e.from)} → ${escapeHtml(e.to)}</b>: ${escapeHtml(`${e.packet.protocol} ${e.packet.src} → ${e.packet.dst}${e.packet.dport !== null ? `:${e.packet.dport}` : ""}`)} · <b>${defaults.verdicts[e.verdict]}</b>${e.reached ? ` at ${escapeHtml(e.reached)}` : ""}</p>`;

/** MIME bundle of an explanation: numbered hops, and (with the topology) the picture with the path in red. */
export const explanationBundle = (e: Explanation, topology?: Topology, draw: DrawOptions = {}): MimeBundle => {
  const svg = topology ? topologySvg(topology, { ...draw, explanation: e, title: `${e.from} → ${e.to}` }) : "";
  return { "text/plain": describeExplanation(e), "text/html": `<div class="dnl-explain">${head(e)}${hopsHtml(e)}${svg}</div>` };
};

/** MIME bundle of a proof: the hops with the counters that moved, what was sent and what it answered. */
export const proofBundle = (proof: Proof, topology?: Topology, draw: DrawOptions = {}): MimeBundle => {
  const moved = new Set(proof.moved.map((m) => `${m.rule.table} ${m.rule.text}`));
  const sent = `<p>Sent one packet: <code>${escapeHtml(proof.probe.command)}</code> → exit ${proof.probe.exitCode}${proof.probe.output ? `: <code>${escapeHtml(proof.probe.output.split("\n")[0] ?? "")}</code>` : ""}</p>`;
  const table = proof.moved.length
    ? `<p>Rule counters that moved:</p><ul>${proof.moved.map((m) => `<li><code>+${m.packets} pkt</code> <code>${escapeHtml(ruleCommand(m.rule))}</code></li>`).join("")}</ul>`
    : "<p>No rule counter moved (the packet met no counted rule, e.g. it stayed on one bridge without br_netfilter).</p>";
  const svg = topology
    ? topologySvg(topology, {
        ...draw,
        explanation: proof.explanation,
        moved: new Map(proof.moved.map((m) => [`${m.rule.table} ${m.rule.text}`, m.packets])),
        title: `${proof.explanation.from} → ${proof.explanation.to}`,
      })
    : "";
  const text = [
    describeExplanation(proof.explanation),
    `sent: ${proof.probe.command} -> exit ${proof.probe.exitCode}`,
    ...proof.moved.map((m) => `  +${m.packets} pkt  ${ruleCommand(m.rule)}`),
  ].join("\n");
  return {
    "text/plain": text,
    "text/html": `<div class="dnl-explain">${head(proof.explanation)}${hopsHtml(proof.explanation, moved)}${sent}${table}${svg}</div>`,
  };
};
