// A challenge's brief as the learner reads it: in the notebook's first cell (parameters by name), and at start (with
// the session's values), as text and HTML. Pure.
import { escapeHtml } from "../render/display.js";
import type { ChallengeDefinition, Params } from "./model.js";

/** Translate one English string (the identity for English). */
export type Translate = (text: string) => string;
const same: Translate = (text) => text;

// `{name}` -> the session's value, or `name` in code style when no session is known.
const withParams = (text: string, params: Params | null): string =>
  text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (all, name: string) => (params ? String(params[name] ?? all) : name));

/** The brief as markdown (the notebook's first cell): goal, constraints, tools, parameters. */
export const briefMarkdown = (definition: ChallengeDefinition, t: Translate = same): string => {
  const texts = definition.texts;
  return [
    t(`# Challenge ${definition.id.slice(1)} · ${t(texts.title)}`),
    "",
    t(
      `**Difficulty:** ${t(definition.difficulty)} · **expected time:** about ${definition.minutes} minutes · builds on lab${definition.labs.length > 1 ? "s" : ""} ${definition.labs.join(", ")}`,
    ),
    "",
    t(`**Goal.** ${withParams(t(texts.goal), null)}`),
    "",
    t("**Constraints.**"),
    ...texts.constraints.map((line) => `- ${withParams(t(line), null)}`),
    "",
    t("**Tools allowed.**"),
    ...texts.tools.map((line) => `- ${withParams(t(line), null)}`),
    "",
    t("**Your parameters** (the start cell prints their values for your session; `const p = await challenge.params()` gives them to your code):"),
    ...Object.entries(texts.params).map(([name, meaning]) => `- \`${name}\`: ${t(meaning)}`),
    "",
    t(
      "No steps are given: decide how. `await challenge.check()` looks at the live state and says what is still missing; each failure shows one hint level more (the idea first, the exact command only at the end), and `await challenge.hint()` asks for the next one.",
    ),
  ].join("\n");
};

/** The brief with the session's values, as text (the CLI's `challenge start`). */
export const briefText = (definition: ChallengeDefinition, params: Params, t: Translate = same): string => {
  const texts = definition.texts;
  return [
    t(`Challenge ${definition.id} · ${t(texts.title)} (${t(definition.difficulty)}, about ${definition.minutes} min)`),
    "",
    t(`Goal: ${withParams(t(texts.goal), params).replaceAll("`", "")}`),
    t("Constraints:"),
    ...texts.constraints.map((line) => `  - ${withParams(t(line), params).replaceAll("`", "")}`),
    t("Tools:"),
    ...texts.tools.map((line) => `  - ${withParams(t(line), params).replaceAll("`", "")}`),
    t("Your parameters:"),
    ...Object.entries(texts.params).map(([name, meaning]) => `  ${name} = ${params[name] ?? "?"}   (${t(meaning)})`),
  ].join("\n");
};

/** The brief with the session's values, as HTML (the notebook's start cell). */
export const briefHtml = (definition: ChallengeDefinition, params: Params, t: Translate = same): string => {
  const texts = definition.texts;
  const code = (text: string) => escapeHtml(withParams(t(text), params)).replace(/`([^`]+)`/g, "<code>$1</code>");
  return `<div class="dnl-challenge"><p>${t(`<b>Challenge ${escapeHtml(definition.id)} · ${escapeHtml(t(texts.title))}</b> (${t(definition.difficulty)}, about ${definition.minutes} min) is ready.`)}</p>
<p><b>${t("Goal.")}</b> ${code(texts.goal)}</p>
<table><thead><t><th>${t("parameter")}</th><th>${t("value")}</th><th>${t("what it is")}</th></t></thead><tbody>${Object.entries(texts.params)
    .map(
      ([name, meaning]) =>
        `<t><td><code>${escapeHtml(name)}</code></td><td><code>${escapeHtml(String(params[name] ?? "?"))}</code></td><td>${escapeHtml(t(meaning))}</td></t>`,
    )
    .join("")}</tbody></table></div>`;
};
