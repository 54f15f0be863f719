import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { lab07 } from "../../src/labs/defs/lab07-addressing.js";
import { labContext } from "../../src/labs/run-lab.js";
import { newSessionId } from "../../src/labs/session.js";
import { runCli } from "../helpers/cli.js";
import { learnerDockerdPid, engineLeftovers, expectNoEngineResidue } from "./engine-residue.js";
import { expectBlankFails, expectPrivateEngineSetupTwice, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite } from "./lab-harness.js";

const checkIds = [
  "07.bip",
  "07.address-pool",
  "07.custom-network",
  "07.static-and-range",
  "07.safe-static",
  "07.team-fixed",
  "07.predictions",
  "07.static-serves",
];

describe("lab 07 · addressing on a private engine, through the real kernel", () => {
  let dockerdPid: string;
  let docker0: string;
  const suite = labSuite();
  const learnerDocker0 = async () => String((await execa("ip", ["-o", "-4", "addr", "show", "docker0"])).stdout);
  beforeAll(async () => {
    dockerdPid = await learnerDockerdPid();
    expect(dockerdPid).not.toBe("");
    docker0 = await learnerDocker0();
  });

  it("labs run 07 --solutions passes every check, the hidden one included, in under 2 minutes, and leaves no engine, mount or namespace behind", async () => {
    const result = await expectSolved("07", checkIds);
    await suite.leavesNothing([result.session]);
    await expectNoEngineResidue(result.session, "07");
    expect(await learnerDockerdPid()).toBe(dockerdPid);
    expect(await learnerDocker0()).toBe(docker0);
  });

  it("labs run 07 without solutions fails every check, db stays without its address, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("07", checkIds.length, { noAnswers: true });
    expect(result.checks.map((check) => check.id)).toEqual(checkIds);
    expect(result.checks.find((c) => c.id === "07.team-fixed")?.evidence.fixed).toBe(false);
    expect(result.checks.find((c) => c.id === "07.bip")?.message).toContain("172.17.0.1/16");
    await suite.leavesNothing([result.session]);
    await expectNoEngineResidue(result.session, "07");
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario takes db's address, a late prediction is refused", async () => {
    await expectTeachingMechanics("07", "07.custom-network");
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, passes its displayed checks and stops the private engine", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("07", session, 7);
    await suite.leavesNothing([session]);
    await expectNoEngineResidue(session, "07");
    expect(await learnerDockerdPid()).toBe(dockerdPid);
    expect(await learnerDocker0()).toBe(docker0);
  });

  it("running setup twice is harmless: one private dockerd, one namespace, the image loaded once", async () => {
    await expectPrivateEngineSetupTwice("07", suite);
  });

  it("`clean --session` finds a private engine left running (no teardown) by its marker and removes all of it", async () => {
    const session = newSessionId();
    await lab07.setup(labContext(lab07, session));
    expect((await engineLeftovers(session, "07")).some((item) => item.startsWith("process"))).toBe(true);
    const { exitCode, stdout } = await runCli(["clean", "--session", session]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).engines.length).toBeGreaterThanOrEqual(1);
    await expectNoEngineResidue(session, "07");
    await suite.leavesNothing([session]);
    expect(await learnerDockerdPid()).toBe(dockerdPid);
  });
});
