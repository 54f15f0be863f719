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

/** Markdown: one row per lab, one column per engine variant. */
export const matrixTable = (results: readonly LabResult[]): string => {
  const labs = [...new Set(results.map((r) => r.lab))].sort();
  const find = (lab: string, engine: string) => results.find((r) => r.lab === lab && r.engine === engine);
  return [
    `| lab | ${columns.map((c) => c.title).join(" | ")} |`,
    `|---|${columns.map(() => "---").join("|")}|`,
    ...labs.map((lab) => `| ${lab} | ${columns.map((c) => cell(find(lab, c.id))).join(" | ")} |`),
  ].join("\n");
};
