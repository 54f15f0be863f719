// Challenge notebooks through the real kernel: with the answer key in the working area the grader's own checks pass;
// blank, the check cell shows failures with a first hint; the teardown cell leaves nothing.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { challengeAnswerKey } from "../../src/challenges/notebook.js";
import { findChallenge } from "../../src/challenges/registry.js";
import { ChallengeRun } from "../../src/challenges/runtime.js";
import { executeNotebook } from "../../src/labs/notebook.js";
import { newSessionId } from "../../src/labs/session.js";
import { labsDir } from "../../src/setup/paths.js";
import { expectNoResidueOf, labSuite } from "../labs/lab-harness.js";

const notebookOf = (id: string) => join(labsDir(), "challenges", `${findChallenge(id).slug}.ipynb`);

describe("challenge notebooks through the real kernel", () => {
  const suite = labSuite();
  const runNotebook = async (id: string, withSolution: boolean, session: string) => {
    const dir = await mkdtemp(join(tmpdir(), `dnl-challenge-${id}-`));
    try {
      return await executeNotebook({
        notebook: notebookOf(id),
        session,
        cwd: join(labsDir(), "challenges"),
        ...(withSolution ? { solutions: challengeAnswerKey(findChallenge(id)) } : {}),
        skipTags: withSolution ? ["teardown"] : [],
        out: join(dir, "executed.ipynb"),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  for (const id of ["c1", "c5", "c6", "c7", "c8"]) {
    it(`${id}: the answer key in the working area passes the grader's checks; blank, the checks fail with a first hint and teardown leaves nothing`, async () => {
      const definition = findChallenge(id);
      const solved = newSessionId();
      try {
        const run = await runNotebook(id, true, solved);
        expect(run.status, `${run.message} ${JSON.stringify(run.cells.filter((c) => c.error))}`).toBe("ok");
        const grader = new ChallengeRun(definition, solved);
        let judged = await grader.judgeAll();
        for (let i = 0; i < 5 && !judged.results.every((r) => r.passed); i++) {
          await new Promise((resolve) => setTimeout(resolve, 2000));
          judged = await grader.judgeAll();
        }
        expect(judged.results.filter((r) => !r.passed).map((r) => `${r.id}: ${r.message}`)).toEqual([]);
      } finally {
        await new ChallengeRun(definition, solved).teardown();
      }

      const blank = newSessionId();
      const run = await runNotebook(id, false, blank);
      expect(run.status, run.message).toBe("ok");
      const failing = run.displayedChecks.filter((r) => !r.passed);
      expect(failing.length).toBeGreaterThan(0);
      for (const result of failing) expect(result.hints.length).toBeGreaterThanOrEqual(1);
      await expectNoResidueOf(suite.before(), [solved, blank]);
    });
  }
});
