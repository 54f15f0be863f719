// Building a folder of submissions for grading tests and the benchmark: solved, blank, broken, looping, fake.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { findLab } from "../../src/labs/registry.js";
import { runCli } from "../helpers/cli.js";

interface Notebook {
  metadata: Record<string, unknown>;
  cells: { id?: string; cell_type: string; source: string | string[]; metadata?: { tags?: string[] } }[];
}

/** Export lab `id`'s learner notebook (or answer key) through the CLI, as an instructor would. */
export const exportLab = async (id: string, file: string, solutions: boolean): Promise<Notebook> => {
  const result = await runCli(["labs", "export", id, "--out", file, ...(solutions ? ["--solutions"] : [])]);
  if (result.exitCode !== 0) throw new Error(`labs export failed: ${result.stderr}`);
  return JSON.parse(await readFile(file, "utf8")) as Notebook;
};

// A copy of a notebook with one cell's source replaced.
const withCell = (notebook: Notebook, id: string, source: string): Notebook => ({
  ...notebook,
  cells: notebook.cells.map((cell) => (cell.id === id ? { ...cell, source } : cell)),
});

/** The source of a submission that fakes a full score: fake check output (text and the check MIME bundle) and a redefined lab.check. */
export const fakeCellSource = `// Pretend everything passed.
import { display } from "docker-net-lab";
const fakeResults = lab.definition.checks.map((c) => ({ id: c.id, title: c.title, passed: true, points: c.points, maxPoints: c.points, message: "looks great", hint: null, evidence: {} }));
for (const c of lab.definition.checks) (c as any).run = async () => ({ passed: true, message: "faked" });
(lab as any).check = async () => {
  console.log("✔ PASS  everything  (8/8 points)");
  display({ "text/plain": "✔ PASS all checks", "text/html": "<b>✔ all checks pass</b>", "application/vnd.docker-net-lab.check+json": { version: 1, lab: "01", session: lab.session.session, results: fakeResults } });
  return fakeResults;
};
console.log("5 passed, 0 failed  (8/8 points)");`;

/** Points of a full score on lab 01 (visible and hidden checks), from the lab definition itself. */
export const lab01MaxPoints = findLab("01").checks.reduce((sum, check) => sum + check.points, 0);

/** Write the standard set of submissions for lab 01 into `dir`; returns their ids by kind. */
export const writeSubmissions = async (dir: string, options: { extra?: boolean } = {}): Promise<Record<string, string>> => {
  await mkdir(dir, { recursive: true });
  const solved = await exportLab("01", join(dir, "alice-solved.ipynb"), true);
  const blank = await exportLab("01", join(dir, "bob-blank.ipynb"), false);
  const text = JSON.stringify(solved);
  await writeFile(join(dir, "carol-corrupted.ipynb"), text.slice(0, Math.floor(text.length / 2)));
  await writeFile(join(dir, "dave-looping.ipynb"), JSON.stringify(withCell(blank, "ex1", "// I loop forever.\nwhile (true) {}")));
  await writeFile(join(dir, "eve-fake.ipynb"), JSON.stringify(withCell(blank, "ex1", fakeCellSource)));
  const ids: Record<string, string> = { solved: "alice-solved", blank: "bob-blank", corrupted: "carol-corrupted", looping: "dave-looping", fake: "eve-fake" };
  if (options.extra) {
    await writeFile(join(dir, "frank-not-notebook.ipynb"), JSON.stringify({ hello: "world" }));
    await writeFile(join(dir, "grace-exit.ipynb"), JSON.stringify(withCell(blank, "ex2", "process.exit(1);")));
    await writeFile(join(dir, "heidi-wrong-lab.ipynb"), JSON.stringify({ ...blank, metadata: { ...blank.metadata, "docker-net-lab": { lab: "99" } } }));
    Object.assign(ids, { notNotebook: "frank-not-notebook", exit: "grace-exit", unknownLab: "heidi-wrong-lab" });
  }
  return ids;
};
