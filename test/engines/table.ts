// The lab x engine table of labs/README.md, from test/artifacts/engine-matrix.json (written by the matrix runs).
// The matrix prints it after each engine.
import type { LabResult } from "./matrix.js";

const columns = [
  { id: "d20", title: "Docker 20.10 (Debian 12)" },
  { id: "d26", title: "Docker 26.1 (Debian 13)" },
  { id: "d28", title: "Docker 28.5 (Debian sid)" },
  { id: "d28np", title: "Docker 28.5, `--userland-proxy=false`" },
] as const;

// "8/8 ✓ 0:35": checks passed with the solutions / checks; ✓ when every test of the lab passed (blank failing with
// hints, setup twice, no residue), ✗ otherwise; the lab's time on that engine.
const cell = (result: LabResult | undefined): string => {
  if (!result) return "–";
  const mark = result.failures.length === 0 && result.tests > 0 ? "✓" : `✗ ${result.testsPassed}/${result.tests} tests`;
  const time = `${Math.floor(result.seconds / 60)}:${String(result.seconds % 60).padStart(2, "0")}`;
  return `${result.solutions ? `${result.solutions.passed}/${result.solutions.checks}` : "?"} ${mark} ${time}`;
};

const isLab = (id: string): boolean => /^\d+$/.test(id);

/** Markdown: one row per lab, one column per engine variant. */
export const matrixTable = (results: readonly LabResult[]): string => {
  const labs = [...new Set(results.map((r) => r.lab).filter(isLab))].sort();
  const find = (lab: string, engine: string) => results.find((r) => r.lab === lab && r.engine === engine);
  return [
    `| lab | ${columns.map((c) => c.title).join(" | ")} |`,
    `|---|${columns.map(() => "---").join("|")}|`,
    ...labs.map((lab) => `| ${lab} | ${columns.map((c) => cell(find(lab, c.id))).join(" | ")} |`),
  ].join("\n");
};

// "4/4 ✓ 3.1 s (0:41)": the reference solution's checks passed / checks, ✓ when every test of the challenge passed
// (start fails with hints, reset, the wrong solution caught, no residue), `challenge run --solution` headless, the
// challenge's whole test time on that engine.
const challengeCell = (result: LabResult | undefined): string => {
  if (!result) return "–";
  const mark = result.failures.length === 0 && result.tests > 0 ? "✓" : `✗ ${result.testsPassed}/${result.tests} tests`;
  const headless = result.solutions?.durationMs === undefined ? "" : ` ${(result.solutions.durationMs / 1000).toFixed(1)} s`;
  const time = `${Math.floor(result.seconds / 60)}:${String(result.seconds % 60).padStart(2, "0")}`;
  return `${result.solutions ? `${result.solutions.passed}/${result.solutions.checks}` : "?"} ${mark}${headless} (${time})`;
};

/** Markdown: one row per challenge, one column per engine variant (src/challenges/README.md). */
export const challengeMatrixTable = (results: readonly LabResult[]): string => {
  const ids = [...new Set(results.map((r) => r.lab).filter((id) => !isLab(id)))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const find = (id: string, engine: string) => results.find((r) => r.lab === id && r.engine === engine);
  return [
    `| challenge | ${columns.map((c) => c.title).join(" | ")} |`,
    `|---|${columns.map(() => "---").join("|")}|`,
    ...ids.map((id) => `| ${id} | ${columns.map((c) => challengeCell(find(id, c.id))).join(" | ")} |`),
  ].join("\n");
};
