import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { expectBlankFails, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite, paramsProbe, runSetupTwice } from "./lab-harness.js";

describe("lab 05 · host, none and container modes, through the real kernel", () => {
  const suite = labSuite();

  it("labs run 05 --solutions passes every check, the hidden one included and leaves nothing behind", async () => {
    const result = await expectSolved("05", [
      "05.none",
      "05.host",
      "05.host-namespaces",
      "05.host-p",
      "05.container-mode",
      "05.side-veth",
      "05.probe-fixed",
      "05.predictions",
      "05.live",
    ]);
    expect(result.checks.find((c) => c.id === "05.host-namespaces")?.evidence.shared).toEqual(["net"]);
    await suite.leavesNothing([result.session]);
  });

  it("labs run 05 without solutions fails every check, probe stays in its own namespace, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("05", 9, { noAnswers: true });
    expect(result.notebook.status).toBe("ok");
    expect(result.checks.find((c) => c.id === "05.probe-fixed")?.evidence.fixed).toBe(false);
    await suite.leavesNothing([result.session]);
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario misplaces probe, a late prediction is refused", async () => {
    await expectTeachingMechanics("05", "05.host");
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and frees the host-mode port", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("05", session, 8);
    await suite.leavesNothing([session]);
  });

  it("running setup twice is harmless and keeps the same two distinct free ports", async () => {
    const session = newSessionId();
    const probe = paramsProbe("host-port", "ignored-port");
    const { run, probe: seen } = await runSetupTwice("05", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ same: true, distinct: true, keys: ["host-port", "ignored-port"] });
    await suite.leavesNothing([session]);
  });
});
