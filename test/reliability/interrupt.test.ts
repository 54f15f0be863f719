import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { sandboxPaths } from "../../src/grade/sandbox.js";
import { stateDir } from "../../src/setup/paths.js";
import { exportLab, lab01MaxPoints } from "../grade/submissions.js";
import { sessionObjects } from "./bystanders.js";

interface Gradebook {
  submissions: { id: string; status: string; points: number; session: string | null; message: string }[];
}

// The "engine ready" files of the sandboxes now on this machine (sandbox.ts: the runner's first cell waits for it).
const readyFiles = async (): Promise<string[]> => {
  const sessions = await readdir(join(stateDir(), "sessions")).catch(() => [] as string[]);
  return sessions.map((session) => sandboxPaths(session).ready).filter((file) => existsSync(file));
};

describe("grade interrupted (SIGINT / Ctrl-C)", () => {
  let dir: string;
  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-int-"));
    await mkdir(join(dir, "subs"));
    await exportLab("01", join(dir, "solved.ipynb"), true);
    for (const name of ["a", "b", "c"]) await copyFile(join(dir, "solved.ipynb"), join(dir, "subs", `${name}.ipynb`));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("starts nothing new, tears the running submission down, keeps the graded rows, marks the rest, exits 2", async () => {
    const grading = execa(process.execPath, [join(repoRoot, "dist", "cli", "bin.js"), "grade", join(dir, "subs"), "--out", join(dir, "out"), "--jobs", "1"], {
      reject: false,
      timeout: 300_000,
      cwd: repoRoot,
    });
    // Ctrl-C while b's cells run: once b's sandbox says its cells may start (its "engine ready" file, written at its
    // go: c, started ahead, has none yet; a's session is in the gradebook, rewritten before b started), and half a
    // second into them. A fixed delay after "grading b" would race b's grading as it gets faster.
    let sent = false;
    let watching = false;
    let done = false;
    grading.stderr?.on("data", (chunk: Buffer) => {
      if (watching || !String(chunk).includes("grading b")) return;
      watching = true;
      void (async () => {
        const book = JSON.parse(await readFile(join(dir, "out", "gradebook.json"), "utf8")) as Gradebook;
        const before = new Set(book.submissions.flatMap((s) => (s.session ? [sandboxPaths(s.session).ready] : [])));
        while (!done) {
          if ((await readyFiles()).some((file) => !before.has(file))) {
            await new Promise((wake) => setTimeout(wake, 500));
            grading.kill("SIGINT");
            sent = true;
            return;
          }
          await new Promise((wake) => setTimeout(wake, 50));
        }
      })();
    });
    const result = await grading;
    done = true;
    expect(sent).toBe(true);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toMatch(/interrupted/);
    const book = JSON.parse(await readFile(join(dir, "out", "gradebook.json"), "utf8")) as Gradebook;
    expect(book.submissions.map((s) => [s.id, s.status, s.points])).toEqual([
      ["a", "ok", lab01MaxPoints],
      ["b", "not-graded", 0],
      ["c", "not-graded", 0],
    ]);
    // b ran and was torn down: its session is recorded and nothing of it remains.
    const sessions = book.submissions.map((s) => s.session).filter((s): s is string => s !== null);
    expect(sessions).toHaveLength(2);
    expect(await sessionObjects(sessions)).toEqual([]);
  }, 300_000);
});
