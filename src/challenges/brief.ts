// A challenge's brief as the learner reads it: in the notebook's first cell (parameters by name), and at start (with
// the session's values), as text and HTML. Pure.
import { escapeHtml } from "../render/display.js";
import type { ChallengeDefinition, Params } from "./model.js";

// `{name}` -> the session's value, or `name` in code style when no session is known.
const withParams = (text: string, params: Params | null): string =>
  text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (all, name: string) => (params ? String(params[name] ?? all) : name));

/** The brief as markdown (the notebook's first cell): goal, constraints, tools, parameters. */
export const briefMarkdown = (definition: ChallengeDefinition): string => {
  const t = definition.texts;
  return [
    `# Challenge ${definition.id.slice(1)} · ${t.title}`,
    "",
    `**Difficulty:** ${definition.difficulty} · **expected time:** about ${definition.minutes} minutes · builds on lab${definition.labs.length > 1 ? "s" : ""} ${definition.labs.join(", ")}`,
    "",
    `**Goal.** ${withParams(t.goal, null)}`,
    "",
    "**Constraints.**",
    ...t.constraints.map((line) => `- ${withParams(line, null)}`),
    "",
    "**Tools allowed.**",
    ...t.tools.map((line) => `- ${withParams(line, null)}`),
    "",
    "**Your parameters** (the start cell prints their values for your session; `const p = await challenge.params()` gives them to your code):",
    ...Object.entries(t.params).map(([name, meaning]) => `- \`${name}\`: ${meaning}`),
    "",
    "No steps are given: decide how. `await challenge.check()` looks at the live state and says what is still missing; each failure shows one hint level more (the idea first, the exact command only at the end), and `await challenge.hint()` asks for the next one.",
  ].join("\n");
};

/** The brief with the session's values, as text (the CLI's `challenge start`). */
export const briefText = (definition: ChallengeDefinition, params: Params): string => {
  const t = definition.texts;
  return [
    `Challenge ${definition.id} · ${t.title} (${definition.difficulty}, about ${definition.minutes} min)`,
    "",
    `Goal: ${withParams(t.goal, params).replaceAll("`", "")}`,
    "Constraints:",
    ...t.constraints.map((line) => `  - ${withParams(line, params).replaceAll("`", "")}`),
    "Tools:",
    ...t.tools.map((line) => `  - ${withParams(line, params).replaceAll("`", "")}`),
    "Your parameters:",
    ...Object.entries(t.params).map(([name, meaning]) => `  ${name} = ${params[name] ?? "?"}   (${meaning})`),
  ].join("\n");
};

/** The brief with the session's values, as HTML (the notebook's start cell). */
export const briefHtml = (definition: ChallengeDefinition, params: Params): string => {
  const t = definition.texts;
  const code = (text: string) => escapeHtml(withParams(text, params)).replace(/`([^`]+)`/g, "<code>$1</code>");
  return `<div class="dnl-challenge"><p><b>Challenge ${escapeHtml(definition.id)} · ${escapeHtml(t.title)}</b> (${definition.difficulty}, about ${definition.minutes} min) is ready.</p>
<p><b>Goal.</b> ${code(t.goal)}</p>
<table><thead><tr><th>parameter</th><th>value</th><th>what it is</th></tr></thead><tbody>${Object.entries(t.params)
    .map(
      ([name, meaning]) =>
        `<tr><td><code>${escapeHtml(name)}</code></td><td><code>${escapeHtml(String(params[name] ?? "?"))}</code></td><td>${escapeHtml(meaning)}</td></tr>`,
    )
    .join("")}</tbody></table></div>`;
};
