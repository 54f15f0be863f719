// Labs whose checks cannot see, from the grading sandbox's network namespace, what a submission builds (namespaces of
// its own in the sandbox's private /run/netns: labs 02, 03, 06 and the challenges; an engine of its own: 07, 08) are
// not run in the sandbox: the row says so (status not-graded, what to do) instead of scoring a solved notebook low
// (seen: lab 02 6/14, lab 03 14/26, lab 06 3/13, c1 0/5, lab 07 0/15). No engine is needed: the row is decided first.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { gradeSubmission } from "../../src/grade/grade-one.js";
import type { SandboxSetup } from "../../src/grade/sandbox.js";
import { findGradable } from "../../src/grade/gradable.js";
import { findLab } from "../../src/labs/registry.js";

// Never used: a lab that needs it would fail on this empty object, which is the point of the test.
const sandbox = {} as SandboxSetup;

describe("grading in the sandbox, a lab whose checks cannot see into it yet", () => {
  it("labs 01, 04 and 05 are graded in the sandbox (checked there: full marks for their answer keys)", () => {
    expect(["01", "02", "03", "04", "05", "06", "07", "08"].filter((id) => findLab(id).gradableInSandbox)).toEqual(["01", "04", "05"]);
  });
  for (const [id, path] of [
    ["02", "02-veth-namespaces/lab.ipynb"],
    ["03", "03-nat-ports/lab.ipynb"],
    ["06", "06-macvlan/lab.ipynb"],
    ["07", "07-addressing/lab.ipynb"],
    ["08", "08-overlay/lab.ipynb"],
    ["c1", "challenges/c1-lan-only.ipynb"],
  ] as const) {
    it(`${id}: not graded, with every check at 0 points and a message naming --no-sandbox`, async () => {
      const file = resolve("labs", path);
      const row = await gradeSubmission({ id: `alice-${id}`, file }, { sandbox });
      expect(row.status).toBe("not-graded");
      expect(row.lab).toBe(id);
      expect(row.message).toMatch(/network namespaces or an engine of its own.*--no-sandbox/);
      expect(row.points).toBe(0);
      expect(row.checks.map((check) => check.id)).toEqual(findGradable(id).checks.map((check) => check.id));
      expect(row.maxPoints).toBeGreaterThan(0);
    });
  }
});
