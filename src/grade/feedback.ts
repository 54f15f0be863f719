// Per-submission feedback page: status, the grader's checks with hints, cell errors, and the topology at grading time.
import { checkReportHtml } from "../render/check-report.js";
import { escapeHtml } from "../render/display.js";
import type { GradeRow } from "./model.js";

// What each status means, for the learner.
const explain: Readonly<Record<GradeRow["status"], string>> = {
  ok: "Your notebook ran to the end.",
  "cell-errors": "Your notebook ran to the end, but some cells raised errors (listed below).",
  timeout: "A cell (or the whole notebook) ran longer than allowed and was stopped; what was live at that moment was graded.",
  "kernel-died": "The kernel exited while running your notebook (for example `process.exit`); what was live at that moment was graded.",
  "not-json": "The file is not a notebook (not even JSON), so nothing could run.",
  "not-notebook": "The file is JSON but not a valid Jupyter notebook, so nothing could run.",
  "wrong-lab": "This notebook belongs to another lab than the one being graded.",
  "unknown-lab": "The grader could not tell which lab this notebook is.",
  "runner-error": "The grader could not run this notebook; ask your instructor.",
  environment: "Grading stopped because the grading machine failed; this is not your fault and will be re-run.",
  "not-graded": "Not graded yet: grading stopped before this submission; it will be re-run.",
};

/** A standalone HTML page (inline styles, no scripts) for one submission. */
export const feedbackHtml = (row: GradeRow): string => {
  const title = `${row.id} · lab ${row.lab ?? "?"} · ${row.points}/${row.maxPoints}`;
  const errors = row.cellErrors.length
    ? `<h2>Cells that raised errors</h2><ul>${row.cellErrors.map((cell) => `<li><code>${escapeHtml(cell.id ?? "?")}</code>: <b>${escapeHtml(cell.ename)}</b> ${escapeHtml(cell.evalue)}</li>`).join("")}</ul>`
    : "";
  const fake =
    row.claimedPoints !== null && row.claimedPoints > row.points
      ? `<p class="dnl-claimed"><b>Note:</b> the notebook itself displayed ${row.claimedPoints} point(s); grades come only from the grader's own checks against the live state.</p>`
      : "";
  const checks = row.checks.length ? `<h2>Checks (run by the grader against the live state; hidden checks included)</h2>${checkReportHtml(row.checks)}` : "";
  const picture = row.topologySvg ? `<h2>What was running at grading time</h2><div class="dnl-topology-picture">${row.topologySvg}</div>` : "";
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td,th{padding:4px 8px;border-bottom:1px solid #ddd}.dnl-status{font-size:1.1rem}</style></head>
<body>
<h1>Feedback: ${escapeHtml(row.id)}</h1>
<p class="dnl-status">Lab <b>${escapeHtml(row.lab ?? "unknown")}</b> · <b>${row.points}/${row.maxPoints}</b> points · status <code>${escapeHtml(row.status)}</code></p>
<p>${escapeHtml(explain[row.status])}${row.message ? ` <i>${escapeHtml(row.message)}</i>` : ""}</p>
${fake}${checks}${errors}${picture}
</body></html>
`;
};
