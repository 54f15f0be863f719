import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { expectBlankFails, expectNoResidueOf, expectSolved, expectWholeNotebookPasses, labSuite, paramsProbe, runSetupTwice } from "./lab-harness.js";

describe("lab 05 · host, none and container modes, through the real kernel", () => {
  const suite = labSuite();
  const { others } = suite;

  it("labs run 05 --solutions passes every check, the hidden one included and leaves nothing behind", async () => {
    const result = await expectSolved("05", ["05.none", "05.host", "05.host-p", "05.container-mode", "05.live"]);
    expect(result.checks.find((c) => c.id === "05.container-mode")?.evidence["veths"]).toHaveLength(1);
    await others.expectUntouched();
    await expectNoResidueOf(suite.before(), [result.session]);
  });

  it("labs run 05 without solutions fails every check and shows a hint for each", async () => {
    const result = await expectBlankFails("05", 5);
    expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
    await others.expectUntouched();
    await expectNoResidueOf(suite.before(), [result.session]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and frees the host-mode port", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("05", session, 4);
    await others.expectUntouched();
    await expectNoResidueOf(suite.before(), [session]);
  });

  it("running setup twice is harmless and keeps the same two distinct free ports", async () => {
    const session = newSessionId();
    const probe = paramsProbe("host-port", "ignored-port");
    const { run, probe: seen } = await runSetupTwice("05", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ same: true, distinct: true, keys: ["host-port", "ignored-port"] });
    await expectNoResidueOf(suite.before(), [session]);
  });
});
