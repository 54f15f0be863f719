// What counts as "an answer" in tests: the lines of a lab's reference solutions that its exercise cells do not
// already show the learner (comments and short lines aside), and the commands of the solutions' `lab.sh` templates.
import { answerKey } from "../../src/labs/answer-key.js";
import type { LabDefinition } from "../../src/labs/definition.js";
import { parseLabSource } from "../../src/labs/source/parse.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceFile } from "../../src/labs/answer-key.js";
import { packageRoot } from "../../src/setup/paths.js";

const codeLines = (text: string): string[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length >= 15 && !line.startsWith("//"));

/** Solution lines (trimmed, at least 15 characters, not comments) that the learner's exercise cell does not contain. */
export const answerLines = (lab: LabDefinition): string[] => {
  const cells = parseLabSource(readFileSync(join(packageRoot, sourceFile(lab)), "utf8"), sourceFile(lab));
  const key = answerKey(lab);
  return cells.flatMap((cell) => {
    const solution = key[cell.id];
    if (solution === undefined) return [];
    const given = new Set(codeLines(cell.source));
    return codeLines(solution).filter((line) => !given.has(line));
  });
};

/**
 * The commands of the solutions' lab.sh templates that name the learner's objects, as patterns: each `${…}` may be any one word, so a hint that
 * spells the command out with the learner's names (`ip netns add dnlab122b`) matches `ip netns add ${nsB}`.
 */
export const answerCommands = (lab: LabDefinition): RegExp[] => {
  const key = answerKey(lab);
  // A command the notebook already runs or shows outside the exercises is a tool taught, not an answer.
  const cells = parseLabSource(readFileSync(join(packageRoot, sourceFile(lab)), "utf8"), sourceFile(lab));
  const shown = cells
    .filter((cell) => cell.kind !== "exercise")
    .map((cell) => cell.source)
    .join("\n");
  // A command without any of the learner's names (`brctl show`, `docker network inspect bridge`) is where to look.
  const templates = Object.values(key)
    .flatMap((code) => [...code.matchAll(/lab\.sh`([^`]+)`/g)].map((m) => m[1]!))
    .filter((t) => t.includes("${") && !shown.includes(t));
  return [...new Set(templates)].map((template) => {
    const pattern = template
      .trim()
      .split(/\$\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&").replace(/\s+/g, "\\s+"))
      .join("\\S+");
    return new RegExp(pattern);
  });
};

/** The first answer line or solution command a text gives away, or null. */
export const givenAway = (lab: LabDefinition, text: string): string | null => {
  const flat = text.replace(/\s+/g, " ");
  const line = answerLines(lab).find((answer) => flat.includes(answer.replace(/\s+/g, " ")));
  if (line) return line;
  return answerCommands(lab).find((pattern) => pattern.test(text))?.source ?? null;
};
