import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeNotebook, notebookPath } from "../../src/labs/notebook.js";
import { answerKey } from "../../src/labs/answer-key.js";
import { findLab } from "../../src/labs/registry.js";
import { newSessionId } from "../../src/labs/session.js";
import { runCli } from "../helpers/cli.js";
import { expectNoResidue, hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { expectFailsWithHint } from "./lab-harness.js";

interface RunJson {
  lab: string;
  passed: boolean;
  notebook: { status: string };
  checks: { id: string; passed: boolean; message: string; hint: string | null }[];
}

const lab = findLab("01");

describe("lab 01 · docker0, through the real kernel", () => {
  let before: HostState;
  const bystander = `bystander-${newSessionId()}`;
  beforeAll(async () => {
    await requireEngine();
    // Something that is not ours, made before the lab runs: it must survive.
    await execa("docker", ["run", "-d", "--name", bystander, "docker-net-lab/toolbox:0.1.0", "sleep", "600"]);
    await execa("docker", ["network", "create", bystander]);
    before = await hostState();
  });
  afterAll(async () => {
    await execa("docker", ["rm", "-f", bystander], { reject: false });
    await execa("docker", ["network", "rm", bystander], { reject: false });
  });

  it("labs run 01 --solutions passes every check, hidden ones included, and leaves nothing behind", async () => {
    const { stdout, exitCode } = await runCli(["labs", "run", "01", "--solutions", "--json"]);
    const [result] = JSON.parse(stdout) as RunJson[];
    expect(result?.notebook.status).toBe("ok");
    expect(result?.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result?.checks.map((check) => check.id)).toContain("01.web1-serves");
    expect(exitCode).toBe(0);
    await expectNoResidue(before);
  });

  it("labs run 01 without solutions fails every graded check and shows a hint for each", async () => {
    const { stdout, exitCode } = await runCli(["labs", "run", "01", "--json"]);
    const [result] = JSON.parse(stdout) as RunJson[];
    expect(exitCode).toBe(1);
    expect(result?.checks.length).toBeGreaterThanOrEqual(4);
    for (const check of result?.checks ?? []) expectFailsWithHint(check);
    await expectNoResidue(before);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes what it made", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-lab01-"));
    try {
      const out = join(dir, "executed.ipynb");
      const run = await executeNotebook({ notebook: notebookPath(lab), session: newSessionId(), cwd: join(notebookPath(lab), ".."), solutions: answerKey(lab), out });
      expect(run.status).toBe("ok");
      expect(run.cells.filter((cell) => cell.error)).toEqual([]);
      expect(run.displayedChecks.length).toBeGreaterThanOrEqual(4);
      expect(run.displayedChecks.every((check) => check.passed)).toBe(true);
      await expectNoResidue(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("running the setup cell twice is harmless", async () => {
    const session = newSessionId();
    const dir = await mkdtemp(join(tmpdir(), "dnl-lab01-twice-"));
    try {
      const nb = join(dir, "twice.ipynb");
      const notebook = { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" } }, cells: [
        { cell_type: "code", id: "a", metadata: {}, execution_count: null, outputs: [], source: 'import { openLab } from "docker-net-lab";\nconst lab = await openLab("01");\nawait lab.setup();\nawait lab.setup();\nconsole.log("twice ok");' },
        { cell_type: "code", id: "b", metadata: {}, execution_count: null, outputs: [], source: "await lab.teardown();" },
      ] };
      await (await import("node:fs/promises")).writeFile(nb, JSON.stringify(notebook));
      const run = await executeNotebook({ notebook: nb, session, cwd: join(notebookPath(lab), "..") });
      expect(run.status).toBe("ok");
      expect(run.cells.filter((cell) => cell.error)).toEqual([]);
      await expectNoResidue(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
