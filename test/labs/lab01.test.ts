import { describe, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { expectBlankFails, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite, runSetupTwice } from "./lab-harness.js";

describe("lab 01 · docker0, through the real kernel", () => {
  const suite = labSuite();

  it("labs run 01 --solutions passes every check, hidden ones included, and leaves nothing behind", async () => {
    const result = await expectSolved("01", [
      "01.docker0-is-bridge",
      "01.two-containers",
      "01.gateway-owner",
      "01.inspect-bridge",
      "01.nat-option",
      "01.safe-cleanup",
      "01.web3-fixed",
      "01.predictions",
      "01.web1-serves",
    ]);
    await suite.leavesNothing([result.session]);
  });

  it("labs run 01 without solutions fails every check, web3 stays broken, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("01", 9, { noAnswers: true });
    const web3 = result.checks.find((c) => c.id === "01.web3-fixed");
    if (web3?.evidence.fixed !== false) throw new Error(`web3 should be broken after the scenario: ${JSON.stringify(web3)}`);
    await suite.leavesNothing([result.session]);
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario breaks web3, a late prediction is refused", async () => {
    await expectTeachingMechanics("01", "01.two-containers");
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes what it made", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("01", session, 8);
    await suite.leavesNothing([session]);
  });

  it("running the setup cell twice is harmless", async () => {
    const session = newSessionId();
    const { run } = await runSetupTwice("01", session, `console.log("PROBE " + JSON.stringify({ ok: true }));`);
    if (run.status !== "ok" || run.cells.some((cell) => cell.error)) throw new Error(`setup twice: ${run.status} ${run.message}`);
    await suite.leavesNothing([session]);
  });
});
