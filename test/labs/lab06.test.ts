import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { expectBlankFails, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite, runSetupTwice } from "./lab-harness.js";

const checkIds = ["06.macvlan-network", "06.own-macs", "06.gateway-owner", "06.host-shim", "06.shim-fixed", "06.predictions", "06.lan-reaches-child"];

describe("lab 06 · macvlan on a lab-made LAN, through the real kernel", () => {
  const suite = labSuite();

  it("labs run 06 --solutions passes every check, the hidden one included and leaves nothing behind", async () => {
    const result = await expectSolved("06", checkIds);
    await suite.leavesNothing([result.session], [String(result.checks.find((c) => c.id === "06.macvlan-network")?.evidence.subnet ?? "")]);
  });

  it("labs run 06 without solutions fails every check, the remade shim stays broken, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("06", checkIds.length, { noAnswers: true });
    expect(result.checks.map((check) => check.id)).toEqual(checkIds);
    expect(result.checks.find((c) => c.id === "06.shim-fixed")?.evidence.fixed).toBe(false);
    await suite.leavesNothing([result.session]);
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario makes a private shim, a late prediction is refused", async () => {
    await expectTeachingMechanics("06", "06.macvlan-network");
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes the LAN namespace, the uplink and the shim", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("06", session, 6);
    await suite.leavesNothing([session]);
  });

  it("running setup twice is harmless: one LAN namespace, one uplink with one address, its peer inside the LAN", async () => {
    const session = newSessionId();
    const probe = `const up = lab.session.ifname("6up");
const ns = (await lab.exec(["ip", "netns", "list"], { quiet: true })).stdout.split("\\n").filter((l) => l.startsWith(lab.session.ifname("6lan"))).length;
const addrs = JSON.parse((await lab.exec(["ip", "-j", "addr", "show", "dev", up], { quiet: true })).stdout)[0].addr_info.filter((a: any) => a.family === "inet").length;
const peer = JSON.parse((await lab.exec(["ip", "-n", lab.session.ifname("6lan"), "-j", "link", "show"], { quiet: true })).stdout).filter((l: any) => l.ifname === lab.session.ifname("6pr")).length;
console.log("PROBE " + JSON.stringify({ ns, addrs, peer }));`;
    const { run, probe: seen } = await runSetupTwice("06", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ ns: 1, addrs: 1, peer: 1 });
    await suite.leavesNothing([session]);
  });
});
