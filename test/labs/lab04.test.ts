import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { bystanders, expectBlankFails, expectNoResidueOf, expectSolved, expectWholeNotebookPasses, runSetupTwice } from "./lab-harness.js";

describe("lab 04 · user-defined bridges and DNS, through the real kernel", () => {
  let before: HostState;
  const others = bystanders();
  beforeAll(async () => {
    await requireEngine();
    await others.create();
    before = await hostState();
  });
  afterAll(async () => {
    await others.remove();
  });

  it("labs run 04 --solutions passes every check, the hidden one included and leaves nothing behind", async () => {
    const result = await expectSolved("04", ["04.user-bridge", "04.dns", "04.alias", "04.isolation", "04.connect", "04.link", "04.live-dns"]);
    const evidence = (id: string, key: string) => String(result.checks.find((c) => c.id === id)?.evidence[key] ?? "");
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session], [evidence("04.user-bridge", "subnet"), evidence("04.user-bridge", "bridge"), evidence("04.isolation", "bridge")]);
  });

  it("labs run 04 without solutions fails every check and shows a hint for each", async () => {
    const result = await expectBlankFails("04", 7);
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes both networks", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("04", session, 6);
    await others.expectUntouched();
    await expectNoResidueOf(before, [session]);
  });

  it("running setup twice is harmless and keeps the same two free, distinct subnets", async () => {
    const session = newSessionId();
    const probe = `const first = await lab.params();
await lab.setup();
const second = await lab.params();
console.log("PROBE " + JSON.stringify({ same: JSON.stringify(first) === JSON.stringify(second), distinct: first["net-a"] !== first["net-b"], keys: Object.keys(second).sort() }));`;
    const { run, probe: seen } = await runSetupTwice("04", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ same: true, distinct: true, keys: ["net-a", "net-b"] });
    await expectNoResidueOf(before, [session]);
  });
});
