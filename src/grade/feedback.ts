// Per-submission feedback page: status, the grader's checks, cell errors, and the topology at grading time.
// A visible check says what was found and, when it failed, the first hint level (the idea and where to look; the
// notebook gives the next levels). A hidden check shows only its title and points: never its message, evidence or
// hint, which would tell what it looks at.
import type { CheckResult } from "../checks/check.js";
import { challengeCatalogs, challengeTranslator } from "../challenges/catalogs.js";
import { translateResult, translatorFor } from "../labs/catalogs.js";
import { escapeHtml } from "../render/display.js";
import { hiddenChecks } from "./book.js";
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

/** The first hint level of a failed check (null when it passed). */
export const firstHint = (check: Pick<CheckResult, "passed" | "hint" | "hints">): string | null =>
  check.passed ? null : (check.hints?.[0] ?? check.hint ?? null);

// Where the learner gets the next hint level.
const nextHint = (id: string): string => (/^c\d+\./.test(id) ? "await challenge.hint()" : `await lab.hint(${JSON.stringify(id)})`);

type Translate = (english: string) => string;
const same: Translate = (text) => text;

// One check as a table row (the check comes translated; `t` translates the page's own words).
const checkRow = (check: CheckResult, t: Translate): string => {
  const mark = check.passed
    ? `<td class="dnl-mark" style="color:#1a7f37">${t("✔ pass")}</td>`
    : `<td class="dnl-mark" style="color:#cf222e">${t("✘ fail")}</td>`;
  const points = `<td class="dnl-points">${check.points}/${check.maxPoints}</td>`;
  if (hiddenChecks.has(check.id))
    return `<tr class="dnl-check dnl-hidden" data-check-id="${escapeHtml(check.id)}"><td class="dnl-mark">${t("hidden")}</td><td><code>${escapeHtml(check.id)}</code></td><td><b>${escapeHtml(check.title)}</b><div class="dnl-note">${t("A hidden check, run by the grader only: its result shows as points.")}</div></td>${points}</tr>`;
  const hint = firstHint(check);
  const more =
    !check.passed && check.hintLevels > 1
      ? `<div class="dnl-hint-more">${t("More hints in your notebook:")} <code>${escapeHtml(nextHint(check.id))}</code></div>`
      : "";
  return `<tr class="dnl-check ${check.passed ? "dnl-pass" : "dnl-fail"}" data-check-id="${escapeHtml(check.id)}">${mark}<td><code>${escapeHtml(check.id)}</code></td><td><b>${escapeHtml(check.title)}</b><div>${escapeHtml(check.message)}</div>${hint ? `<div class="dnl-hint"><b>${t("Hint:")}</b> ${escapeHtml(hint)}</div>` : ""}${more}</td>${points}</tr>`;
};

/** The checks as a table: visible ones with what was found and the first hint, hidden ones with title and points. */
export const feedbackChecksHtml = (checks: readonly CheckResult[], t: Translate = same): string => {
  const failed = checks.filter((check) => !check.passed).length;
  const points = checks.reduce((sum, check) => sum + check.points, 0);
  const max = checks.reduce((sum, check) => sum + check.maxPoints, 0);
  return `<table class="dnl-checks"><thead><tr><th></th><th>${t("check")}</th><th>${t("what it confirms")}</th><th>${t("points")}</th></tr></thead>
<tbody>${checks.map((check) => checkRow(check, t)).join("\n")}</tbody></table>
<p class="dnl-check-summary"><b>${t(`${checks.length - failed} passed, ${failed} failed`)}</b> ${t(`(${points}/${max} points)`)}</p>`;
};

/** A standalone HTML page (inline styles, no scripts) for one submission. */
export const feedbackHtml = (row: GradeRow): string => {
  const lang = row.lang ?? "en";
  // A challenge's notebook (lab `c1`…) speaks through its own catalog.
  const { t } = row.lab && row.lab in challengeCatalogs ? challengeTranslator(lang, row.lab) : translatorFor(lang, row.lab ?? undefined);
  const title = `${row.id} · ${t("lab")} ${row.lab ?? "?"} · ${row.points}/${row.maxPoints}`;
  const errors = row.cellErrors.length
    ? `<h2>${t("Cells that raised errors")}</h2><ul>${row.cellErrors.map((cell) => `<li><code>${escapeHtml(cell.id ?? "?")}</code>: <b>${escapeHtml(cell.ename)}</b> ${escapeHtml(cell.evalue)}</li>`).join("")}</ul>`
    : "";
  const fake =
    row.claimedPoints !== null && row.claimedPoints > row.points
      ? `<p class="dnl-claimed"><b>${t("Note:")}</b> ${t(`the notebook itself displayed ${row.claimedPoints} point(s); grades come only from the grader's own checks against the live state.`)}</p>`
      : "";
  const results = row.checks.map((result) => translateResult(result, t));
  const checks = row.checks.length
    ? `<h2>${t("Checks (run by the grader against the live state; hidden checks included)")}</h2>${feedbackChecksHtml(results, t)}`
    : "";
  const picture = row.topologySvg ? `<h2>${t("What was running at grading time")}</h2><div class="dnl-topology-picture">${row.topologySvg}</div>` : "";
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.dnl-mark,.dnl-points{white-space:nowrap;font-weight:bold}.dnl-note,.dnl-hint-more{color:#57606a}.dnl-status{font-size:1.1rem}</style></head>
<body>
<h1>${t("Feedback:")} ${escapeHtml(row.id)}</h1>
<p class="dnl-status">${t("Lab")} <b>${escapeHtml(row.lab ?? t("unknown"))}</b> · <b>${row.points}/${row.maxPoints}</b> ${t("points")} · ${t("status")} <code>${escapeHtml(row.status)}</code></p>
<p>${escapeHtml(t(explain[row.status]))}${row.message ? ` <i>${escapeHtml(t(row.message))}</i>` : ""}</p>
${fake}${checks}${errors}${picture}
</body></html>
`;
};
