// A check report as a MIME bundle: readable HTML and text for people, JSON for `labs run` and the grader.
import type { CheckResult } from "../checks/check.js";
import { totals } from "../checks/check.js";
import { escapeHtml, type MimeBundle } from "./display.js";

/** A translation of the report's own words (identity: English). */
export type Translate = (english: string) => string;
const same: Translate = (text) => text;

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
const hintLines = (result: CheckResult, t: Translate): { label: string; text: string }[] => {
  const shown = result.hints?.length ? result.hints : result.hint ? [result.hint] : [];
  const total = Math.max(result.hintLevels ?? shown.length, shown.length);
  return shown.map((text, i) => ({ label: total > 1 ? t(`hint ${i + 1} of ${total}`) : t("hint"), text }));
};

/** What to run for one more hint level, when there is one. */
export const moreHint = (result: CheckResult, t: Translate = same): string | null =>
  !result.passed && (result.hintLevels ?? 0) > (result.hintLevel ?? 0) ? t(`next hint: await lab.hint(${JSON.stringify(result.id)})`) : null;

// One result as a line of text.
const textLine = (result: CheckResult, t: Translate): string => {
  const more = moreHint(result, t);
  return `${result.passed ? t("✔ PASS") : t("✘ FAIL")}  ${result.id}  ${result.title}  (${result.points}/${result.maxPoints})\n         ${result.message}${[...hintLines(result, t).map((h) => `${h.label}: ${h.text}`), ...(more ? [more] : [])].map((line) => `\n   ${line}`).join("")}`;
};

/** Plain-text report (`t`: the report's own words in another language; the results come translated). */
export const checkReportText = (results: readonly CheckResult[], t: Translate = same): string => {
  const sum = totals(results);
  return [...results.map((result) => textLine(result, t)), t(`${sum.passed} passed, ${sum.failed} failed  (${sum.points}/${sum.maxPoints} points)`)].join("\n");
};

/** HTML report (inline styles only: works in Notebook, JupyterLab and the feedback files). */
export const checkReportHtml = (results: readonly CheckResult[], t: Translate = same): string => {
  const sum = totals(results);
  const rows = results
    .map((result) => {
      const color = result.passed ? "#1a7f37" : "#cf222e";
      const more = moreHint(result, t);
      const hint = [
        ...hintLines(result, t).map(
          (h) => `<div style="margin-top:2px" class="dnl-hint"><b>${h.label[0]!.toUpperCase()}${escapeHtml(h.label.slice(1))}:</b> ${escapeHtml(h.text)}</div>`,
        ),
        ...(more ? [`<div style="margin-top:2px;color:#57606a" class="dnl-hint-more">${escapeHtml(more)}</div>`] : []),
      ].join("");
      return `<tr class="dnl-check ${result.passed ? "dnl-pass" : "dnl-fail"}" data-check-id="${escapeHtml(result.id)}">
<td style="color:${color};font-weight:bold;white-space:nowrap;vertical-align:top">${result.passed ? t("✔ pass") : t("✘ fail")}</td>
<td style="white-space:nowrap;vertical-align:top"><code>${escapeHtml(result.id)}</code></td>
<td style="text-align:left;vertical-align:top"><div><b>${escapeHtml(result.title)}</b></div><div>${escapeHtml(result.message)}</div>${hint}</td>
<td style="white-space:nowrap;vertical-align:top">${result.points}/${result.maxPoints}</td></tr>`;
    })
    .join("\n");
  return `<div class="dnl-check-report"><table style="border-collapse:collapse">
<thead><tr><th></th><th>${t("check")}</th><th style="text-align:left">${t("what it confirms")}</th><th style="white-space:nowrap">${t("points")}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="dnl-check-summary"><b>${t(`${sum.passed} passed, ${sum.failed} failed`)}</b> ${t(`(${sum.points}/${sum.maxPoints} points)`)}</p></div>`;
};

/** The full MIME bundle for a report. */
export const checkReportBundle = (lab: string, session: string, results: readonly CheckResult[], t: Translate = same): MimeBundle => {
  const payload: CheckBundle = { version: 1, lab, session, results };
  return { "text/plain": checkReportText(results, t), "text/html": checkReportHtml(results, t), [checkMimeType]: payload };
};
