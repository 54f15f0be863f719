// The notebook runner's report survives whatever else reaches its stdout: a process a cell started keeps the
// kernel's stdout and prints after the runner reported (with the report on stdout, its last line was that noise
// and a clean run came back as "the notebook runner failed").
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { executeNotebook, notebookPath } from "../../src/labs/notebook.js";
import { findLab } from "../../src/labs/registry.js";
import { newSessionId } from "../../src/labs/session.js";

describe("executeNotebook", () => {
  it("reports a clean run as ok even when a process the notebook started prints on the kernel's stdout afterwards", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-runner-"));
    try {
      const notebook = join(dir, "noise.ipynb");
      const cell = (id: string, source: string) => ({ cell_type: "code", id, metadata: {}, execution_count: null, outputs: [], source });
      await writeFile(
        notebook,
        JSON.stringify({
          nbformat: 4,
          nbformat_minor: 5,
          metadata: { kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" } },
          cells: [
            cell(
              "start",
              'import { spawn } from "node:child_process";\nspawn("sh", ["-c", "sleep 1; echo noise-after-the-report"], { stdio: ["ignore", "inherit", "inherit"], detached: true }).unref();\n"started"',
            ),
            cell("end", '"last cell"'),
          ],
        }),
      );
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
