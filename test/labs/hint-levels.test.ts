// Graduated hints: levels per failure and per request, remembered in the session; the grader never shows the command.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allButCommand, fail, hints, pass, runCheck, type CheckDefinition } from "../../src/checks/check.js";
import type { LabContext } from "../../src/labs/definition.js";
import { checkInSession, nextHint, peekInSession } from "../../src/labs/hint-levels.js";
import { LabSession } from "../../src/labs/session.js";
import { checkReportText } from "../../src/render/check-report.js";

// A lab with no preconditions and no facts to gather (these checks look at nothing).
const lab99 = { id: "99" };
let fixed = false;
const leveled: CheckDefinition<LabContext> = {
  id: "99.leveled",
  title: "a check with three hint levels",
  concepts: [],
  points: 1,
  run: async () => (fixed ? pass("fixed") : fail("broken", hints(["the concept, and where to look", "closer: which field"], "the command: ip link set x up"))),
};
const plain: CheckDefinition<LabContext> = {
  id: "99.plain",
  title: "one level",
  concepts: [],
  points: 1,
  run: async () => fail("broken", "run the setup cell"),
};

describe("graduated hints in a session", () => {
  const saved = process.env.DNL_STATE_DIR;
  let dir = "";
  let context: LabContext;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "dnl-hints-"));
    process.env.DNL_STATE_DIR = dir;
    fixed = false;
    context = { session: new LabSession("hh11", "99"), image: "x", log: () => undefined };
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.DNL_STATE_DIR;
    else process.env.DNL_STATE_DIR = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it("the first failure shows the first level only; the second failure the next; the command comes last", async () => {
    const [first] = await checkInSession(lab99, [leveled], context);
    expect(first).toMatchObject({
      passed: false,
      hintLevel: 1,
      hintLevels: 3,
      hints: ["the concept, and where to look"],
      hint: "the concept, and where to look",
    });
    const [second] = await checkInSession(lab99, [leveled], context);
    expect(second).toMatchObject({ hintLevel: 2, hints: ["the concept, and where to look", "closer: which field"] });
    const [third] = await checkInSession(lab99, [leveled], context);
    expect(third).toMatchObject({ hintLevel: 3, hint: "the command: ip link set x up" });
    const [fourth] = await checkInSession(lab99, [leveled], context);
    expect(fourth!.hintLevel).toBe(3);
    expect(await context.session.hintCounts()).toEqual({ "99.leveled": { failures: 4, asked: 0 } });
  });

  it("lab.hint(id) shows one level more without a failure; peeking counts nothing", async () => {
    const [first] = await checkInSession(lab99, [leveled], context);
    expect(first!.hintLevel).toBe(1);
    expect((await nextHint(lab99, leveled, context)).hintLevel).toBe(2);
    expect((await peekInSession(lab99, [leveled], context))[0]!.hintLevel).toBe(2);
    expect((await nextHint(lab99, leveled, context)).hintLevel).toBe(3);
    expect((await nextHint(lab99, leveled, context)).hintLevel).toBe(3);
    expect(await context.session.hintCounts()).toEqual({ "99.leveled": { failures: 1, asked: 2 } });
  });

  it("asking before any failure shows the first level, and the next failure the second", async () => {
    expect((await nextHint(lab99, leveled, context)).hintLevel).toBe(1);
    expect((await checkInSession(lab99, [leveled], context))[0]!.hintLevel).toBe(2);
  });

  it("a plain string hint is one level, and a passing check shows none and counts nothing", async () => {
    expect((await checkInSession(lab99, [plain], context))[0]).toMatchObject({ hintLevel: 1, hintLevels: 1, hint: "run the setup cell" });
    fixed = true;
    expect((await checkInSession(lab99, [leveled], context))[0]).toMatchObject({ passed: true, hint: null, hints: [], hintLevel: 0, hintLevels: 0 });
    expect((await context.session.hintCounts())["99.leveled"]).toBeUndefined();
  });

  it("the grader's view (allButCommand) shows every level but the command", async () => {
    const result = await runCheck(leveled, context, allButCommand);
    expect(result.hints).toEqual(["the concept, and where to look", "closer: which field"]);
    expect(JSON.stringify(result)).not.toContain("ip link set");
  });

  it("the text report numbers the levels and says how to get the next one", async () => {
    const text = checkReportText(await checkInSession(lab99, [leveled], context));
    expect(text).toContain("hint 1 of 3: the concept, and where to look");
    expect(text).toContain('next hint: await lab.hint("99.leveled")');
    expect(text).not.toContain("ip link set");
  });
});
