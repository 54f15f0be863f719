// The notebook runner's report survives whatever else reaches its stdout: a process a cell started keeps the
// kernel's stdout and prints after the runner reported (with the report on stdout, its last line was that noise
// and a clean run came back as "the notebook runner failed").
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { executeNotebook, NotebookCancelled, notebookPath } from "../../src/labs/notebook.js";
import { findLab } from "../../src/labs/registry.js";
import { newSessionId } from "../../src/labs/session.js";

const cell = (id: string, source: string) => ({ cell_type: "code", id, metadata: {}, execution_count: null, outputs: [], source });
const writeNotebook = (file: string, cells: ReturnType<typeof cell>[]) =>
  writeFile(
    file,
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" } },
      cells,
    }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Live processes (not zombies) whose environment says DNL_SESSION=session: the runner and its kernel.
const sessionProcesses = async (session: string): Promise<string[]> => {
  const found: string[] = [];
  for (const pid of (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry))) {
    const environ = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
    if (!environ.split("\0").includes(`DNL_SESSION=${session}`)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => ") Z");
    if (!/^[ZX]/.test(stat.slice(stat.lastIndexOf(")") + 2)))
      found.push(`${pid} ${(await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).replaceAll("\0", " ")}`);
  }
  return found;
};

describe("executeNotebook, gated (a submission the grader starts ahead of time)", () => {
  const cwd = () => join(notebookPath(findLab("01")), "..");

  it("starts the kernel at once, runs the first cell only once the gate opens, and counts the timeout from then", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-gated-"));
    try {
      const notebook = join(dir, "gated.ipynb");
      const marker = join(dir, "ran");
      // The cell notes when it ran, then outlives the 2 s notebook timeout.
      await writeNotebook(notebook, [
        cell("first", `require("node:fs").writeFileSync(${JSON.stringify(marker)}, String(Date.now()));\nawait new Promise((r) => setTimeout(r, 30_000));`),
      ]);
      const session = newSessionId();
      let opened = 0;
      const gate = new Promise<void>((resolve) =>
        setTimeout(() => {
          opened = Date.now();
          resolve();
        }, 4_000),
      );
      const running = executeNotebook({ notebook, session, cwd: cwd(), notebookTimeoutS: 2, gate });
      await sleep(3_000);
      const waiting = await sessionProcesses(session);
      expect(waiting).toHaveLength(2);
      expect(waiting).toEqual(expect.arrayContaining([expect.stringContaining("run_notebook.py"), expect.stringContaining("kernel/main.js")]));
      expect(existsSync(marker)).toBe(false);
      const run = await running;
      // Not timed out before the gate (4 s > 2 s): the cell ran after it, and the 2 s ran from there.
      expect(Number(await readFile(marker, "utf8"))).toBeGreaterThanOrEqual(opened);
      expect(run.status).toBe("timeout");
      expect(run.durationMs).toBeGreaterThanOrEqual(1_900);
      expect(run.durationMs).toBeLessThan(3_500);
      await sleep(1_000);
      expect(await sessionProcesses(session)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("a gate that rejects kills the runner and its kernel before any cell ran: NotebookCancelled, no process left", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-gated-"));
    try {
      const notebook = join(dir, "cancelled.ipynb");
      const marker = join(dir, "ran");
      await writeNotebook(notebook, [cell("first", `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran")`)]);
      const session = newSessionId();
      let cancel: (reason: unknown) => void = () => undefined;
      const gate = new Promise<void>((_, reject) => {
        cancel = reject;
      });
      const running = executeNotebook({ notebook, session, cwd: cwd(), gate });
      const outcome = running.then(
        () => "ran",
        (error: unknown) => error,
      );
      for (let i = 0; i < 100 && (await sessionProcesses(session)).length < 2; i++) await sleep(100);
      expect(await sessionProcesses(session)).toHaveLength(2);
      cancel(new Error("not wanted"));
      expect(await outcome).toBeInstanceOf(NotebookCancelled);
      for (let i = 0; i < 20 && (await sessionProcesses(session)).length > 0; i++) await sleep(100);
      expect(await sessionProcesses(session)).toEqual([]);
      expect(existsSync(marker)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("compile-notebook.js (the grader compiles a published notebook for the sandboxes' kernels)", () => {
  it("writes the entries a kernel running the same cells looks up: the run compiles nothing and adds no entry", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-compiled-"));
    const cache = join(dir, "cache");
    const before = process.env.DNL_COMPILE_CACHE;
    try {
      const notebook = join(dir, "cells.ipynb");
      // A chain of declarations (each cell's key holds the ones before) and an import of the library.
      await writeNotebook(notebook, [
        cell("a", "const a = 20;"),
        cell("b", 'import { parseIpAddr } from "docker-net-lab";\nconst n = parseIpAddr("[]").value.length;'),
        cell("c", "const sum = a + n + 1;\nsum * 2"),
        { ...cell("t", "throw new Error('teardown is skipped')"), metadata: { tags: ["teardown"] } },
      ]);
      const cwd = join(notebookPath(findLab("01")), "..");
      const compiled = await execa(process.execPath, [join(repoRoot, "dist", "kernel", "compile-notebook.js"), notebook, "--skip-tag", "teardown"], {
        cwd,
        env: { DNL_COMPILE_CACHE: cache },
      });
      expect(compiled.stdout).toBe("3 compiled, 0 cached, 0 skipped");
      const entries = (await readdir(cache)).sort();
      expect(entries).toHaveLength(3);
      process.env.DNL_COMPILE_CACHE = cache;
      const run = await executeNotebook({ notebook, session: newSessionId(), cwd, skipTags: ["teardown"] });
      expect(run.status).toBe("ok");
      expect(run.cells.map((c) => c.error)).toEqual([null, null, null]);
      // Every cell was found: a miss would have written a fourth entry.
      expect((await readdir(cache)).sort()).toEqual(entries);
    } finally {
      if (before === undefined) delete process.env.DNL_COMPILE_CACHE;
      else process.env.DNL_COMPILE_CACHE = before;
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("executeNotebook", () => {
  it("reports a clean run as ok even when a process the notebook started prints on the kernel's stdout afterwards", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-runner-"));
    try {
      const notebook = join(dir, "noise.ipynb");
      await writeNotebook(notebook, [
        cell(
          "start",
          'import { spawn } from "node:child_process";\nspawn("sh", ["-c", "sleep 1; echo noise-after-the-report"], { stdio: ["ignore", "inherit", "inherit"], detached: true }).unref();\n"started"',
        ),
        cell("end", '"last cell"'),
      ]);
      const run = await executeNotebook({ notebook, session: newSessionId(), cwd: join(notebookPath(findLab("01")), "..") });
      expect({ status: run.status, message: run.message }).toEqual({ status: "ok", message: "" });
      expect(run.cells.map((c) => [c.id, c.error])).toEqual([
        ["start", null],
        ["end", null],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
