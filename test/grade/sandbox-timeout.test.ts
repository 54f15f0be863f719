// A notebook that outlives `grade --timeout` in its sandbox is stopped at that time: the runner and the kernel live
// below the sandbox's launcher (nsenter forks into the engine's pid namespace), so killing the launcher alone left
// them running with the run's output open, and the grader waited for the notebook to end by itself.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { exportLab } from "./submissions.js";

describe("grade --timeout in the sandbox", () => {
  let dir: string;
  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-sb-timeout-"));
    await mkdir(join(dir, "subs"));
    const notebook = await exportLab("01", join(dir, "blank.ipynb"), false);
    // The first code cell waits 120 s (under its 150 s cell timeout): only the notebook's 8 s can stop it.
    const first = notebook.cells.findIndex((cell) => cell.cell_type === "code");
    notebook.cells[first] = { ...(notebook.cells[first] as (typeof notebook.cells)[number]), source: "await new Promise((r) => setTimeout(r, 120_000));" };
    await writeFile(join(dir, "subs", "slow.ipynb"), JSON.stringify(notebook));
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("stops a notebook at --timeout: status timeout, within seconds of it, nothing of the sandbox left", async () => {
    const started = Date.now();
    const result = await runCli(["grade", join(dir, "subs"), "--out", join(dir, "out"), "--timeout", "8", "--cell-timeout", "150"], { timeout: 200_000 });
    const seconds = (Date.now() - started) / 1000;
    expect(result.exitCode, result.stderr).toBe(0);
    const book = JSON.parse(await readFile(join(dir, "out", "gradebook.json"), "utf8")) as { submissions: { status: string; points: number }[] };
    expect(book.submissions.map((s) => [s.status, s.points])).toEqual([["timeout", 0]]);
    // 8 s of notebook, the sandbox's start and removal, the checks: far below the cell's 120 s.
    expect(seconds).toBeLessThan(60);
  }, 240_000);
});
