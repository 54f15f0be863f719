// Every lab in Korean through the real kernel: `labs run 01 … 08 --solutions --lang ko` runs the notebooks `start --lang ko`
// serves (labs/ko/), and each answer key passes every check, hidden ones included, with its messages in Korean.
// (Lab 01's blank Korean notebook, `check --lang ko` and Korean feedback pages: korean-lab01.test.ts.)
import { describe, expect, it } from "vitest";
import { labs } from "../../src/labs/registry.js";
import { runCli } from "../helpers/cli.js";
import { labSuite, type RunJson } from "../labs/lab-harness.js";
import { expectNoEngineResidue } from "../labs/engine-residue.js";

const hangul = /[\uac00-\ud7a3]/;

describe("every Korean answer key, through the real kernel", () => {
  const suite = labSuite();

  it("labs run 01 … 08 --solutions --lang ko: every lab passes every check with Korean messages, and leaves nothing", async () => {
    const ids = labs.map((lab) => lab.id);
    const { stdout, stderr, exitCode } = await runCli(["labs", "run", ...ids, "--solutions", "--lang", "ko", "--json"], { timeout: 1_100_000 });
    let results: RunJson[];
    try {
      results = JSON.parse(stdout) as RunJson[];
    } catch {
      throw new Error(`labs run --lang ko printed no JSON (exit ${exitCode}): ${stderr.slice(-3000)}`);
    }
    expect(results.map((result) => result.lab)).toEqual(ids);
    for (const result of results) {
      const lab = labs.find((l) => l.id === result.lab)!;
      expect(
        result.notebook.cells.filter((cell) => cell.error).map((cell) => cell.id),
        `lab ${lab.id}: cells that raised`,
      ).toEqual([]);
      expect(
        result.checks.filter((check) => !check.passed).map((c) => `${c.id}: ${c.message}`),
        `lab ${lab.id}`,
      ).toEqual([]);
      expect(result.checks.map((check) => check.id).sort(), `lab ${lab.id}: every check, hidden ones included`).toEqual(lab.checks.map((c) => c.id).sort());
      for (const check of result.checks) expect(check.message, check.id).toMatch(hangul);
    }
    expect(exitCode, stderr.slice(-2000)).toBe(0);
    await suite.leavesNothing(results.map((result) => result.session));
    for (const result of results.filter((r) => labs.find((l) => l.id === r.lab)?.ownEngine)) await expectNoEngineResidue(result.session, result.lab);
  }, 1_200_000);
});
