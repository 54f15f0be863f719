// grade takes challenge notebooks: the answer key (challenge export --solution) scores full points, the learner
// notebook as handed out scores less, the gradebook has the challenge's check columns, and nothing is left behind.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findChallenge } from "../../src/challenges/registry.js";
import { runCli } from "../helpers/cli.js";
import { expectNoResidueOf, labSuite } from "../labs/lab-harness.js";

describe("grade takes challenge notebooks", () => {
  const suite = labSuite();
  it("c1: the answer key earns every point, the blank notebook does not; the gradebook lists c1's checks", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-grade-challenge-"));
    try {
      expect((await runCli(["challenge", "export", "c1", "--solution", "--out", join(dir, "in", "solved.ipynb")])).exitCode).toBe(0);
      expect((await runCli(["challenge", "export", "c1", "--out", join(dir, "in", "blank.ipynb")])).exitCode).toBe(0);
      // --no-sandbox: the host path (the sandbox grades every challenge's answer key in test/grade/sandbox-labs.test.ts).
      const graded = await runCli(["grade", join(dir, "in"), "--out", join(dir, "out"), "--no-sandbox"], { timeout: 600_000 });
      expect(graded.exitCode, graded.stderr.slice(-2000)).toBe(0);
      const book = JSON.parse(await readFile(join(dir, "out", "gradebook.json"), "utf8")) as {
        submissions: { id: string; lab: string; status: string; points: number; maxPoints: number; session: string | null }[];
      };
      const max = findChallenge("c1").checks.reduce((sum, c) => sum + c.points, 0);
      const byId = Object.fromEntries(book.submissions.map((row) => [row.id, row]));
      expect(byId.solved).toMatchObject({ lab: "c1", status: "ok", points: max, maxPoints: max });
      expect(byId.blank?.lab).toBe("c1");
      expect(byId.blank?.points).toBeLessThan(max);
      const csv = await readFile(join(dir, "out", "gradebook.csv"), "utf8");
      for (const check of findChallenge("c1").checks) expect(csv.split("\r\n")[0]).toContain(check.id);
      await expectNoResidueOf(suite.before(), book.submissions.map((row) => row.session ?? "").filter(Boolean));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
