import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pass } from "../../src/checks/check.js";
import { checkLab, probesWanted } from "../../src/labs/check-lab.js";
import type { LabContext } from "../../src/labs/definition.js";
import type { LabJudge, WantedProbes } from "../../src/labs/facts.js";
import { LabSession } from "../../src/labs/session.js";

interface Probes {
  readonly slow: boolean;
  readonly fast: boolean;
}

// A lab whose gather records which probes it was asked for.
const asked: string[][] = [];
const lab = {
  id: "99",
  gather: async (_context: LabContext, _topology: unknown, wanted: WantedProbes): Promise<Probes> => {
    asked.push(["slow", "fast"].filter(wanted));
    return { slow: wanted("slow"), fast: wanted("fast") };
  },
};
const judge = (id: string, probes: readonly string[] | undefined, read: (p: Probes) => boolean): LabJudge<Probes> => ({
  id,
  title: id,
  concepts: [],
  points: 1,
  ...(probes ? { probes } : {}),
  judge: (facts) => (read(facts.probes), pass("ok")),
});

describe("a check run measures the probes its judges name", () => {
  const saved = process.env.DNL_STATE_DIR;
  let dir = "";
  let context: LabContext;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "dnl-check-lab-"));
    process.env.DNL_STATE_DIR = dir;
    context = { session: new LabSession("pr11", "99"), image: "x", log: () => undefined };
    asked.length = 0;
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.DNL_STATE_DIR;
    else process.env.DNL_STATE_DIR = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it("asks gather for the union of the named probes, or for all when one judge does not name its own", async () => {
    const fast = judge("99.fast", ["fast"], (p) => p.fast);
    const none = judge("99.none", [], () => true);
    const unnamed = judge("99.unnamed", undefined, (p) => p.slow);
    expect(probesWanted([fast, none])).toEqual(new Set(["fast"]));
    expect(probesWanted([fast, unnamed])).toBeNull();
    const results = await checkLab(lab, [fast, none], context);
    expect(results.map((r) => r.passed)).toEqual([true, true]);
    expect(asked).toEqual([["fast"]]);
    await checkLab(lab, [fast, unnamed], context);
    expect(asked[1]).toEqual(["slow", "fast"]);
  });

  it("fails a judge that reads a probe it did not name, with the probe's name, even when another judge measured it", async () => {
    const sneaky = judge("99.sneaky", ["fast"], (p) => p.slow);
    const slow = judge("99.slow", ["slow"], (p) => p.slow);
    const [sneakyResult, slowResult] = await checkLab(lab, [sneaky, slow], context);
    expect(slowResult?.passed).toBe(true);
    expect(sneakyResult?.passed).toBe(false);
    expect(sneakyResult?.message).toContain("check 99.sneaky reads the probe slow, which it does not name in its probes (fast)");
  });
});
