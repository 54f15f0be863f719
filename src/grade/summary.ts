// summary.html: the class at a glance, for the instructor. Per lab: pass rate per check and the score distribution
// (Observable Plot, drawn to SVG here: the page needs no JavaScript), the same numbers as tables, the most common
// failure of each visible check; then every submission with its status and a link to its feedback. Pure.
import { escapeHtml } from "../render/display.js";
import { passRateSvg, scoreDistributionSvg } from "../render/class-charts.js";
import type { BookRow } from "./book.js";
import { classStats, type LabStats } from "./stats.js";

const percent = (rate: number): string => `${Math.round(rate * 100)}%`;

// One lab's section: charts, then the numbers.
const labSection = (lab: LabStats): string => {
  const checks = lab.checks
    .map(
      (check) =>
        `<tr data-check-id="${escapeHtml(check.id)}"><td><code>${escapeHtml(check.id)}</code>${check.hidden ? " <i>hidden</i>" : ""}</td><td>${escapeHtml(check.title)}</td><td class="n">${check.maxPoints}</td><td class="n">${check.passed}/${check.graded}</td><td class="n">${percent(check.passRate)}</td><td>${
          check.hidden
            ? "<i>withheld: a hidden check's messages are never written</i>"
            : check.topFailure
              ? `${escapeHtml(check.topFailure.message)} <span class="count">(${check.topFailure.count})</span>`
              : ""
        }</td></tr>`,
    )
    .join("\n");
  const distribution = lab.distribution
    .filter((bin) => bin.count > 0)
    .map((bin) => `<tr><td class="n">${bin.points}</td><td class="n">${bin.count}</td></tr>`)
    .join("");
  const charts = lab.graded
    ? `<figure>${passRateSvg(
        lab.checks.map((check) => ({ id: check.id, passRate: check.passRate, hidden: check.hidden })),
        `Lab ${lab.lab}: pass rate per check`,
      )}<figcaption>Pass rate per check (hidden checks in purple).</figcaption></figure>
<figure>${scoreDistributionSvg(lab.distribution, `Lab ${lab.lab}: score distribution`)}<figcaption>Score distribution (points out of ${lab.maxPoints}).</figcaption></figure>`
    : "<p>No submission of this lab ran, so there are no statistics yet.</p>";
  return `<section class="dnl-lab" data-lab="${escapeHtml(lab.lab)}">
<h2>Lab ${escapeHtml(lab.lab)}: ${escapeHtml(lab.title)}</h2>
<p>${lab.submissions} submission(s), ${lab.graded} graded (ran) · mean <b>${lab.meanPoints}</b> · median <b>${lab.medianPoints}</b> of ${lab.maxPoints} points</p>
${charts}
<h3>Checks</h3>
<table class="dnl-check-stats"><thead><tr><th>check</th><th>what it confirms</th><th>points</th><th>passed</th><th>pass rate</th><th>most common failure (how many)</th></tr></thead>
<tbody>${checks}</tbody></table>
<h3>Scores (those that occurred)</h3>
<table class="dnl-scores"><thead><tr><th>points</th><th>submissions</th></tr></thead><tbody>${distribution}</tbody></table>
</section>`;
};

// Every submission: the HTML gradebook.
const submissionsTable = (rows: readonly BookRow[]): string =>
  `<table class="dnl-submissions"><thead><tr><th>submission</th><th>student</th><th>lab</th><th>points</th><th>status</th><th>feedback</th></tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr data-id="${escapeHtml(row.id)}"><td><code>${escapeHtml(row.id)}</code></td><td>${escapeHtml(row.student.name)}</td><td>${escapeHtml(row.lab ?? "")}</td><td class="n">${row.points}/${row.maxPoints}</td><td><code>${escapeHtml(row.status)}</code>${row.message ? ` ${escapeHtml(row.message)}` : ""}</td><td><a href="feedback/${encodeURIComponent(row.id)}.html">feedback</a></td></tr>`,
    )
    .join("\n")}</tbody></table>`;

/** The page. */
export const summaryHtml = (rows: readonly BookRow[]): string => {
  const statuses = [...new Set(rows.map((row) => row.status))]
    .sort()
    .map((status) => `<li><code>${escapeHtml(status)}</code>: ${rows.filter((row) => row.status === status).length}</li>`)
    .join("");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Class summary · ${rows.length} submission(s)</title>
<style>body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:0.5rem 0}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1rem 0}figcaption{color:#57606a}.count{color:#57606a}</style></head>
<body>
<h1>Class summary</h1>
<p>${rows.length} submission(s): <a href="gradebook.csv">gradebook.csv</a> · <a href="gradebook.json">gradebook.json</a> · <a href="gradebook-canvas.csv">gradebook-canvas.csv</a> · Gradescope results in <code>results/</code>. Statistics count the submissions that ran (ok, cell-errors, timeout, kernel-died).</p>
<ul class="dnl-statuses">${statuses}</ul>
${classStats(rows).map(labSection).join("\n")}
<h2>Submissions</h2>
${submissionsTable(rows)}
</body></html>
`;
};
