// results/<submission>.json: one submission in Gradescope's autograder results format (the `results.json` an
// autograder writes: score, execution_time, output, tests[] with name, score, max_score, status, output, visibility).
// Visible checks say what was found and the first hint level; a hidden check says only its title and points, and is
// `after_published` (learners see it once the instructor publishes grades). Pure.
import { hiddenChecks } from "./book.js";
import type { GradeRow } from "./model.js";
import { firstHint } from "./feedback.js";

/** One test in Gradescope's format. */
export interface GradescopeTest {
  readonly name: string;
  readonly number: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: "passed" | "failed";
  readonly output: string;
  readonly visibility: "visible" | "after_published";
  readonly tags: readonly string[];
}

/** Gradescope's results object (the fields this grader fills). */
export interface GradescopeResults {
  readonly score: number;
  readonly execution_time: number;
  readonly output: string;
  readonly visibility: "visible";
  readonly stdout_visibility: "hidden";
  readonly tests: readonly GradescopeTest[];
}

/** The results object of one graded row. */
export const gradescopeResults = (row: GradeRow): GradescopeResults => ({
  score: row.points,
  execution_time: Math.round(row.durationMs / 1000),
  output: `Lab ${row.lab ?? "unknown"}: ${row.points}/${row.maxPoints} points, status ${row.status}${row.message ? ` (${row.message})` : ""}. Grades come from the grader's own checks of the live state.`,
  visibility: "visible",
  stdout_visibility: "hidden",
  tests: row.checks.map((check, index): GradescopeTest => {
    const hidden = hiddenChecks.has(check.id);
    const hint = firstHint(check);
    return {
      name: `${check.id}: ${check.title}`,
      number: String(index + 1),
      score: check.points,
      max_score: check.maxPoints,
      status: check.passed ? "passed" : "failed",
      output: hidden ? "Hidden check: only its title and points are shown." : `${check.message}${hint ? `\nHint: ${hint}` : ""}`,
      visibility: hidden ? "after_published" : "visible",
      tags: hidden ? ["hidden"] : [],
    };
  }),
});

/** The file's text. */
export const gradescopeJson = (row: GradeRow): string => `${JSON.stringify(gradescopeResults(row), null, 2)}\n`;
