// labs/README.md's tables, written from the lab definitions, the sources' `concepts=` and the checks' `concepts`.
import { concepts } from "../curriculum.js";
import type { LabDefinition } from "../definition.js";
import type { SourceCell } from "./parse.js";

const code = (text: string): string => `\`${text}\``;

/** The list of labs: id, folder (linked), what you do. */
export const labsTable = (labs: readonly LabDefinition[]): string =>
  ["| lab | folder | what you do |", "|---|---|---|", ...labs.map((lab) => `| ${lab.id} | [${lab.slug}](${lab.slug}/lab.ipynb) | ${lab.summary} |`)].join("\n");

/** Every curriculum concept -> the labs, cells and checks that teach and confirm it. */
export const coverageTable = (labs: readonly LabDefinition[], cells: ReadonlyMap<string, readonly SourceCell[]>): string => {
  const rows = Object.entries(concepts).map(([key, text]) => {
    const concept = Number(key);
    const teaching = labs.map((lab) => ({ lab, cells: (cells.get(lab.id) ?? []).filter((cell) => cell.concepts.includes(concept)), checks: lab.checks.filter((check) => check.concepts.includes(concept)) })).filter((t) => t.cells.length || t.checks.length);
    const several = teaching.length > 1;
    const cellIds = teaching.map((t) => `${several ? `${t.lab.id}: ` : ""}${t.cells.map((c) => code(c.id)).join(", ")}`).join("; ");
    const checks = teaching.flatMap((t) => t.checks);
    const visible = checks.filter((c) => !c.hidden).map((c) => code(c.id)).join(", ");
    const hidden = checks.filter((c) => c.hidden).map((c) => code(c.id)).join(", ");
    return `| ${concept} | ${text} | ${teaching.map((t) => t.lab.id).join(", ") || "**none**"} | ${cellIds} | ${visible}${hidden ? `; hidden ${hidden}` : ""} |`;
  });
  return ["| # | concept | lab | cell id | check id |", "|---|---|---|---|---|", ...rows].join("\n");
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
