import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { expectNoEngineResidue, learnerDockerdPid } from "./engine-residue.js";
import { expectBlankFails, expectPrivateEngineSetupTwice, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite } from "./lab-harness.js";

const checkIds = [
  "08.swarm",
  "08.overlay-network",
  "08.overlay-containers",
  "08.vxlan",
  "08.ipvlan-detected",
  "08.c3-fixed",
  "08.predictions",
  "08.overlay-dns-ping",
];
const learnerSwarm = async () => String((await execa("docker", ["info", "--format", "{{.Swarm.LocalNodeState}}"])).stdout).trim();

describe("lab 08 · overlay on a single-node swarm of a private engine, through the real kernel", () => {
  let dockerdPid: string;
  const suite = labSuite();
  beforeAll(async () => {
    dockerdPid = await learnerDockerdPid();
    expect(await learnerSwarm()).toBe("inactive");
  });

  it("labs run 08 --solutions passes every check, the hidden one included, in under 2 minutes; the learner's engine never joins a swarm", async () => {
    const result = await expectSolved("08", checkIds);
    await suite.leavesNothing([result.session]);
    await expectNoEngineResidue(result.session, "08");
    expect(await learnerSwarm()).toBe("inactive");
    expect(await learnerDockerdPid()).toBe(dockerdPid);
  });

  it("labs run 08 without solutions fails every check, c3 cannot reach c1, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("08", checkIds.length, { noAnswers: true });
    expect(result.checks.map((check) => check.id)).toEqual(checkIds);
    expect(result.checks.find((c) => c.id === "08.c3-fixed")?.evidence.fixed).toBe(false);
    await suite.leavesNothing([result.session]);
    await expectNoEngineResidue(result.session, "08");
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario waits for the swarm, a late prediction is refused", async () => {
    await expectTeachingMechanics("08", "08.overlay-network", { scenarioNeedsWork: true });
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, passes its displayed checks, leaves the swarm and removes the private engine", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("08", session, 7);
    await suite.leavesNothing([session]);
    await expectNoEngineResidue(session, "08");
    expect(await learnerSwarm()).toBe("inactive");
    expect(await learnerDockerdPid()).toBe(dockerdPid);
  });

  it("running setup twice is harmless: one private dockerd, one namespace, the image loaded once", async () => {
    await expectPrivateEngineSetupTwice("08", suite);
  });
});
