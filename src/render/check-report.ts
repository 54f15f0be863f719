// A check report as a MIME bundle: readable HTML and text for people, JSON for `labs run` and the grader.
import type { CheckResult } from "../checks/check.js";
import { totals } from "../checks/check.js";
import { escapeHtml, type MimeBundle } from "./display.js";

/** The documented MIME type of check results. */
export const checkMimeType = "application/vnd.docker-net-lab.check+json";

/** Payload under `application/vnd.docker-net-lab.check+json` (version 1). */
export interface CheckBundle {
  readonly version: 1;
  readonly lab: string;
  readonly session: string;
  readonly results: readonly CheckResult[];
}

// The hint levels shown, numbered when the hint has more than one ("hint 1 of 3").
const hintLines = (result: CheckResult): { label: string; text: string }[] => {
  const shown = result.hints?.length ? result.hints : result.hint ? [result.hint] : [];
  const total = Math.max(result.hintLevels ?? shown.length, shown.length);
  return shown.map((text, i) => ({ label: total > 1 ? `hint ${i + 1} of ${total}` : "hint", text }));
};

/** What to run for one more hint level, when there is one. */
export const moreHint = (result: CheckResult): string | null =>
  !result.passed && (result.hintLevels ?? 0) > (result.hintLevel ?? 0) ? `next hint: await lab.hint(${JSON.stringify(result.id)})` : null;

// One result as a line of text.
const textLine = (result: CheckResult): string => {
  const more = moreHint(result);
  return `${result.passed ? "✔ PASS" : "✘ FAIL"}  ${result.id}  ${result.title}  (${result.points}/${result.maxPoints})\n         ${result.message}${[...hintLines(result).map((h) => `${h.label}: ${h.text}`), ...(more ? [more] : [])].map((line) => `\n   ${line}`).join("")}`;
};

/** Plain-text report. */
export const checkReportText = (results: readonly CheckResult[]): string => {
  const sum = totals(results);
  return [...results.map(textLine), `${sum.passed} passed, ${sum.failed} failed  (${sum.points}/${sum.maxPoints} points)`].join("\n");
};

/** HTML report (inline styles only: works in Notebook, JupyterLab and the feedback files). */
export const checkReportHtml = (results: readonly CheckResult[]): string => {
  const sum = totals(results);
  const rows = results
    .map((result) => {
      const color = result.passed ? "#1a7f37" : "#cf222e";
      const more = moreHint(result);
      const hint = [
        ...hintLines(result).map(
          (h) => `<div style="margin-top:2px" class="dnl-hint"><b>${h.label[0]!.toUpperCase()}${escapeHtml(h.label.slice(1))}:</b> ${escapeHtml(h.text)}</div>`,
        ),
        ...(more ? [`<div style="margin-top:2px;color:#57606a" class="dnl-hint-more">${escapeHtml(more)}</div>`] : []),
      ].join("");
      return `<tr class="dnl-check ${result.passed ? "dnl-pass" : "dnl-fail"}" data-check-id="${escapeHtml(result.id)}">
<td style="color:${color};font-weight:bold;white-space:nowrap;vertical-align:top">${result.passed ? "✔ pass" : "✘ fail"}</td>
<td style="vertical-align:top"><code>${escapeHtml(result.id)}</code></td>
<td style="text-align:left;vertical-align:top"><div><b>${escapeHtml(result.title)}</b></div><div>${escapeHtml(result.message)}</div>${hint}</td>
<td style="white-space:nowrap;vertical-align:top">${result.points}/${result.maxPoints}</td></tr>`;
    })
    .join("\n");
  return `<div class="dnl-check-report"><table style="border-collapse:collapse">
<thead><tr><th></th><th>check</th><th style="text-align:left">what it confirms</th><th>points</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="dnl-check-summary"><b>${sum.passed} passed, ${sum.failed} failed</b> (${sum.points}/${sum.maxPoints} points)</p></div>`;
};

/** The full MIME bundle for a report. */
export const checkReportBundle = (lab: string, session: string, results: readonly CheckResult[]): MimeBundle => {
  const payload: CheckBundle = { version: 1, lab, session, results };
  return { "text/plain": checkReportText(results), "text/html": checkReportHtml(results), [checkMimeType]: payload };
};
