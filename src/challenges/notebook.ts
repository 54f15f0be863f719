// A challenge's notebook, written from its definition (pure): the brief, the start cell, an empty working area, the
// check and hint cells, teardown. The answer key (the working area's reference solution) is built on demand from the
// definition's steps and never written under labs/, the folder `start` serves.
import type { Lang } from "../i18n/catalog.js";
import { briefMarkdown, type Translate } from "./brief.js";
import { challengeTranslator } from "./catalogs.js";
import type { ChallengeDefinition } from "./model.js";
import { solutionCode } from "./steps.js";
import { notebookJson, sourceLines } from "../labs/source/nbformat.js";

interface Cell {
  readonly id: string;
  readonly kind: "markdown" | "code";
  readonly tags: readonly string[];
  readonly source: string;
}

/** The id of the working-area cell (what the answer key replaces). */
export const workCellId = "work";

const cells = (definition: ChallengeDefinition, lang: Lang, t: Translate): Cell[] => {
  const onEngine = definition.solution.some((step) => "engine" in step || "esh" in step);
  return [
    { id: "brief", kind: "markdown", tags: [], source: briefMarkdown(definition, t) },
    {
      id: "start",
      kind: "code",
      tags: ["setup"],
      source: `// ${t("Builds the starting state in your session (safe to run again) and shows your parameters.")}\nimport { openChallenge } from "docker-net-lab";\nconst challenge = await openChallenge(${JSON.stringify(definition.id)}${lang === "en" ? "" : `, { lang: ${JSON.stringify(lang)} }`});\nawait challenge.start();`,
    },
    {
      id: "work-intro",
      kind: "markdown",
      tags: [],
      source: [
        t("## Working area"),
        "",
        t(
          `Work below, in as many cells as you like. \`await challenge.sh\\\`…\\\`\` runs a command (\`docker\`, \`ip\`, \`iptables\`, \`nsenter\`…) and prints its output; each \`\${…}\` is one argument, and \`docker run\` / \`docker network create\` get the challenge's labels. \`p\` holds your parameters (\`p.${Object.keys(definition.texts.params)[0]}\`…).`,
        ),
        "",
        t(
          onEngine
            ? "This challenge runs its own Docker engine: `await challenge.engine.sh\\`docker …\\`` talks to it, and `challenge.engine.restart({ … })` restarts it with new dockerd options."
            : "`await challenge.draw()` draws what is there, `await challenge.explain(from, to)` walks one packet hop by hop (`{ prove: true }` sends it), `await challenge.snapshot()` returns the whole picture as data.",
        ),
      ].join("\n"),
    },
    { id: workCellId, kind: "code", tags: ["exercise"], source: `const p = await challenge.params();\n// ${t("Your work here.")}\n` },
    {
      id: "check-intro",
      kind: "markdown",
      tags: [],
      source: `${t("## Check")}\n\n${t(
        "The check looks at the live state, never at your code. A failing check shows one hint level more each time it fails; the next cell asks for the next level of the first failing one. `await challenge.reset()` takes you back to the starting state.",
      )}`,
    },
    { id: "check", kind: "code", tags: ["graded"], source: "await challenge.check();" },
    { id: "hint", kind: "code", tags: [], source: "await challenge.hint();" },
    {
      id: "teardown-intro",
      kind: "markdown",
      tags: [],
      source: `${t("## Clean up")}\n\n${t("Removes everything this challenge made in your session, and nothing else.")}`,
    },
    { id: "teardown", kind: "code", tags: ["teardown"], source: "await challenge.teardown();" },
  ];
};

/** The learner notebook as nbformat 4.5 JSON text (sorted keys, one-space indent, as nbformat writes). */
export const challengeNotebook = (definition: ChallengeDefinition, lang: Lang = "en"): string => {
  const notebook = {
    cells: cells(definition, lang, challengeTranslator(lang, definition.id).t).map((cell) => {
      const metadata = cell.tags.length ? { tags: [...cell.tags] } : {};
      return cell.kind === "markdown"
        ? { cell_type: "markdown", id: cell.id, metadata, source: sourceLines(cell.source) }
        : { cell_type: "code", execution_count: null, id: cell.id, metadata, outputs: [], source: sourceLines(cell.source) };
    }),
    metadata: {
      kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" },
      language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript", codemirror_mode: { name: "javascript", typescript: true } },
      "docker-net-lab": lang === "en" ? { challenge: definition.id } : { lang, challenge: definition.id },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return notebookJson(notebook);
};

/** The answer key: the working area's reference solution, as notebook code. */
export const challengeAnswerKey = (definition: ChallengeDefinition): Readonly<Record<string, string>> => ({ [workCellId]: solutionCode(definition.solution) });

/** labs/challenges/README.md: what each challenge asks (the briefs' goals; never a solution). */
export const challengesReadme = (definitions: readonly ChallengeDefinition[]): string =>
  [
    "# Challenges",
    "",
    "Goal-state exercises: a short brief, a starting state the library builds in your session (often broken), and checks of the live state. No steps are given: you decide how. Each failing check shows one hint level more (the idea first, the exact command last).",
    "",
    "Open a notebook below (kernel *TypeScript (docker-net-lab)*), or work from a terminal:",
    "",
    "```bash",
    "npx docker-net-lab challenge list",
    "npx docker-net-lab challenge start c1     # the starting state, the brief and your values",
    "npx docker-net-lab challenge check c1     # what is still missing",
    "npx docker-net-lab challenge hint c1      # the next hint level",
    "npx docker-net-lab challenge reset c1     # back to the start",
    "npx docker-net-lab challenge teardown c1  # remove everything of it",
    "```",
    "",
    "| challenge | difficulty | time | builds on | checks |",
    "|---|---|---|---|---|",
    ...definitions.map(
      (d) =>
        `| [${d.id} · ${d.texts.title}](${d.slug}.ipynb) | ${d.difficulty} | ~${d.minutes} min | lab ${d.labs.join(", ")} | ${d.checks.map((c) => `\`${c.id}\``).join(", ")} |`,
    ),
    "",
    "<!-- Written by `npm run labs:build` from src/challenges/defs/: edit those, not this file. -->",
    "",
  ].join("\n");
