import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { expectBlankFails, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite, paramsProbe, runSetupTwice } from "./lab-harness.js";

describe("lab 04 · user-defined bridges and DNS, through the real kernel", () => {
  const suite = labSuite();

  it("labs run 04 --solutions passes every check, the hidden one included and leaves nothing behind", async () => {
    const result = await expectSolved("04", [
      "04.user-bridge",
      "04.dns",
      "04.alias",
      "04.isolation",
      "04.connect",
      "04.link",
      "04.web3-fixed",
      "04.predictions",
      "04.live-dns",
    ]);
    const evidence = (id: string, key: string) => String(result.checks.find((c) => c.id === id)?.evidence[key] ?? "");
    await suite.leavesNothing(
      [result.session],
      [evidence("04.user-bridge", "subnet"), evidence("04.user-bridge", "bridge"), evidence("04.isolation", "bridge")],
    );
  });

  it("labs run 04 without solutions fails every check, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("04", 9, { noAnswers: true });
    await suite.leavesNothing([result.session]);
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario waits for netA, a late prediction is refused", async () => {
    await expectTeachingMechanics("04", "04.user-bridge", { scenarioNeedsWork: true });
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes both networks", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("04", session, 9);
    await suite.leavesNothing([session]);
  });

  it("running setup twice is harmless and keeps the same two free, distinct subnets", async () => {
    const session = newSessionId();
    const probe = paramsProbe("net-a", "net-b");
    const { run, probe: seen } = await runSetupTwice("04", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ same: true, distinct: true, keys: ["net-a", "net-b"] });
    await suite.leavesNothing([session]);
  });
});
