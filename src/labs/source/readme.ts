// labs/README.md's tables, written from the lab definitions, the sources' `concepts=` and the checks' `concepts`.
import { concepts } from "../curriculum.js";
import type { LabDefinition } from "../definition.js";
import { exerciseTypes, type SourceCell } from "./parse.js";

const code = (text: string): string => `\`${text}\``;

/** The list of labs: id, folder (linked), what you do. */
export const labsTable = (labs: readonly LabDefinition[]): string =>
  ["| lab | folder | what you do |", "|---|---|---|", ...labs.map((lab) => `| ${lab.id} | [${lab.slug}](${lab.slug}/lab.ipynb) | ${lab.summary} |`)].join("\n");

/** Every curriculum concept -> the labs, cells and checks that teach and confirm it. */
export const coverageTable = (labs: readonly LabDefinition[], cells: ReadonlyMap<string, readonly SourceCell[]>): string => {
  const rows = Object.entries(concepts).map(([key, text]) => {
    const concept = Number(key);
    const teaching = labs
      .map((lab) => ({
        lab,
        cells: (cells.get(lab.id) ?? []).filter((cell) => cell.concepts.includes(concept)),
        checks: lab.checks.filter((check) => check.concepts.includes(concept)),
      }))
      .filter((t) => t.cells.length || t.checks.length);
    const several = teaching.length > 1;
    const cellIds = teaching.map((t) => `${several ? `${t.lab.id}: ` : ""}${t.cells.map((c) => code(c.id)).join(", ")}`).join("; ");
    const checks = teaching.flatMap((t) => t.checks);
    const visible = checks
      .filter((c) => !c.hidden)
      .map((c) => code(c.id))
      .join(", ");
    const hidden = checks
      .filter((c) => c.hidden)
      .map((c) => code(c.id))
      .join(", ");
    return `| ${concept} | ${text} | ${teaching.map((t) => t.lab.id).join(", ") || "**none**"} | ${cellIds} | ${visible}${hidden ? `; hidden ${hidden}` : ""} |`;
  });
  return ["| # | concept | lab | cell id | check id |", "|---|---|---|---|---|", ...rows].join("\n");
};

/** How many exercises of each type a lab has: predictions, then the `type=` of its exercise cells. */
export const exerciseCounts = (cells: readonly SourceCell[]): Record<string, number> => {
  const counts: Record<string, number> = { predict: cells.filter((c) => c.kind === "predict").length };
  for (const type of exerciseTypes) counts[type] = cells.filter((c) => c.kind === "exercise" && c.exerciseType === type).length;
  const untyped = cells.filter((c) => c.kind === "exercise" && !c.exerciseType).length;
  if (untyped) counts.untyped = untyped;
  return counts;
};

/** Per lab: the exercise types (a table), then the learning goals, the troubleshooting scenario and the predictions. */
export const detailsSection = (labs: readonly LabDefinition[], cells: ReadonlyMap<string, readonly SourceCell[]>): string => {
  const columns = ["predict", ...exerciseTypes, "untyped"];
  const table = [
    `| lab | ${columns.join(" | ")} |`,
    `|---|${columns.map(() => "---:").join("|")}|`,
    ...labs.map((lab) => {
      const counts = exerciseCounts(cells.get(lab.id) ?? []);
      return `| ${lab.id} | ${columns.map((c) => counts[c] ?? 0).join(" | ")} |`;
    }),
  ];
  const sections = labs.map((lab) => {
    const lines = [`### ${lab.id} · ${lab.title}`, ""];
    if (lab.goals?.length) lines.push("After this lab you can:", "", ...lab.goals.map((goal) => `- ${goal}`), "");
    if (lab.troubleshoot) lines.push(`**Troubleshooting.** ${lab.troubleshoot.symptom}`, "");
    if (lab.predictions?.length) lines.push("**Predictions.**", "", ...lab.predictions.map((p) => `- ${p.question}`), "");
    if (!lab.goals?.length && !lab.troubleshoot && !lab.predictions?.length)
      lines.push("(Not yet reworked to predict → observe → explain: no goals, predictions or troubleshooting exercise yet.)", "");
    return lines.join("\n").trimEnd();
  });
  return [
    "Exercise types: **predict** (answer before the command runs; graded for being on time, never for being right), **record** (read one field), **reason** (join facts or choose), **build** (make it), **observe** (act, then measure), **troubleshoot** (diagnose and fix what setup broke).",
    "",
    ...table,
    "",
    sections.join("\n\n"),
  ].join("\n");
};

/**
 * The instructors' guide (src/notebooks/README.md, beside the sources and their answers, outside the folder `start`
 * serves): per lab, what the troubleshooting scenario breaks and how it is fixed, and each prediction's explanation.
 */
export const instructorGuide = (labs: readonly LabDefinition[]): string => {
  const sections = labs.map((lab) => {
    const lines = [`## ${lab.id} · ${lab.title}`, ""];
    if (lab.troubleshoot) {
      const t = lab.troubleshoot;
      lines.push(
        `**Troubleshooting.** ${t.scenario}`,
        "",
        `Causes offered: ${Object.keys(t.causes)
          .map((c) => (c === t.cause ? `**\`${c}\`** (the one)` : `\`${c}\``))
          .join(", ")}.`,
        "",
      );
    }
    if (lab.predictions?.length)
      lines.push("**Predictions** (graded for being on time, never for being right):", "", ...lab.predictions.map((p) => `- ${p.question} *${p.explain}*`), "");
    if (!lab.troubleshoot && !lab.predictions?.length) lines.push("(No troubleshooting exercise or predictions yet.)", "");
    return lines.join("\n").trimEnd();
  });
  return [
    "# Lab sources: the instructors' guide",
    "",
    "<!-- generated by npm run labs:build from the lab definitions (src/labs/defs); do not edit -->",
    "",
    "The notebooks are written here, one TypeScript file per lab ([format](../labs/source/README.md)), answers included: this folder is",
    "never served to learners (`npm start` serves `labs/`, which holds no answer). Per lab: what its troubleshooting",
    "scenario breaks and how the reference solution fixes it, and why each prediction comes out as it does.",
    "",
    sections.join("\n\n"),
    "",
  ].join("\n");
};

/** Replace the text between `<!-- generated: NAME -->` and `<!-- end: NAME -->` (markers kept). */
export const replaceGenerated = (text: string, name: string, content: string): string => {
  const start = `<!-- generated: ${name} (npm run labs:build) -->`;
  const end = `<!-- end: ${name} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`labs/README.md has no "${start}" … "${end}" block`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
};
