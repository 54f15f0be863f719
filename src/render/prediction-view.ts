// A prediction beside what the host did, with the explanation.
import { escapeHtml, type MimeBundle } from "./display.js";

/** What the picture needs of a prediction's outcome (src/labs/predictions.ts's Outcome has these fields). */
export interface OutcomeView {
  readonly definition: { readonly id: string; readonly question: string; readonly explain: string };
  readonly prediction: { readonly value: unknown } | null;
  readonly observation: { readonly value: unknown };
  readonly inTime: boolean;
  readonly matched: boolean;
}

const shown = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/** The bundle `lab.observe` displays. */
export const outcomeBundle = (outcome: OutcomeView, t: (english: string) => string = (text) => text): MimeBundle => {
  const { prediction, observation, inTime, matched } = outcome;
  const definition = { id: outcome.definition.id, question: t(outcome.definition.question), explain: t(outcome.definition.explain) };
  const verdict = t(
    !prediction
      ? "no prediction was recorded before this ran"
      : !inTime
        ? "your prediction came after this ran"
        : matched
          ? "as you predicted"
          : "not what you predicted: read why",
  );
  const nothing = t("(nothing)");
  const mark = !prediction || !inTime ? "•" : matched ? "✔" : "✘";
  const text = [
    `${t("Prediction")} ${definition.id}: ${definition.question}`,
    `  ${t("you predicted :")} ${prediction ? shown(prediction.value) : nothing}`,
    `  ${t("the host did  :")} ${shown(observation.value)}   ${mark} ${verdict}`,
    `  ${t("why           :")} ${definition.explain}`,
  ].join("\n");
  const cell = "vertical-align:top;text-align:left;padding:4px 8px";
  const color = !prediction || !inTime ? "#57606a" : matched ? "#1a7f37" : "#9a6700";
  const html = `<div class="dnl-prediction" data-prediction-id="${escapeHtml(definition.id)}"><table style="border-collapse:collapse">
<tr><th style="${cell}">${t("prediction")}</th><td style="${cell}">${escapeHtml(definition.question)}</td></tr>
<tr><th style="${cell}">${t("you predicted")}</th><td style="${cell}"><code>${escapeHtml(prediction ? shown(prediction.value) : nothing)}</code></td></tr>
<tr><th style="${cell}">${t("the host did")}</th><td style="${cell}"><code>${escapeHtml(shown(observation.value))}</code> <span style="color:${color};font-weight:bold">${mark} ${escapeHtml(verdict)}</span></td></tr>
<tr><th style="${cell}">${t("why")}</th><td style="${cell}">${escapeHtml(definition.explain)}</td></tr>
</table></div>`;
  return { "text/plain": text, "text/html": html };
};
