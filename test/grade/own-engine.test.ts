// Labs that start a Docker engine of their own (07, 08) are not run in the grading sandbox, whose engine cannot host
// a nested one yet: the row says so (status not-graded, what to do) instead of scoring a solved notebook 0. No engine
// is needed: the row is decided before anything runs.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { gradeSubmission } from "../../src/grade/grade-one.js";
import type { SandboxSetup } from "../../src/grade/sandbox.js";
import { findLab } from "../../src/labs/registry.js";

// Never used: a lab that needs it would fail on this empty object, which is the point of the test.
const sandbox = {} as SandboxSetup;

describe("grading in the sandbox, a lab with its own engine", () => {
  for (const [id, slug] of [
    ["07", "07-addressing"],
    ["08", "08-overlay"],
  ] as const) {
    it(`lab ${id}: not graded, with every check at 0 points and a message naming --no-sandbox`, async () => {
      const file = resolve("labs", slug, "lab.ipynb");
      const row = await gradeSubmission({ id: `alice-${id}`, file }, { sandbox });
      expect(row.status).toBe("not-graded");
      expect(row.lab).toBe(id);
      expect(row.message).toMatch(/starts a Docker engine of its own.*--no-sandbox/);
      expect(row.points).toBe(0);
      expect(row.checks.map((check) => check.id)).toEqual(findLab(id).checks.map((check) => check.id));
      expect(row.maxPoints).toBeGreaterThan(0);
    });
  }
});
