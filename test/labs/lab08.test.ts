import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { expectNoEngineResidue, learnerDockerdPid } from "./engine-residue.js";
import { bystanders, expectNoResidueOf, expectSolved, expectWholeNotebookPasses, runLabCli, runSetupTwice } from "./lab-harness.js";

const checkIds = ["08.swarm", "08.overlay-network", "08.overlay-containers", "08.vxlan", "08.ipvlan-detected", "08.overlay-dns-ping"];
const learnerSwarm = async () => String((await execa("docker", ["info", "--format", "{{.Swarm.LocalNodeState}}"])).stdout).trim();

describe("lab 08 · overlay on a single-node swarm of a private engine, through the real kernel", () => {
  let before: HostState;
  let dockerdPid: string;
  const others = bystanders();
  beforeAll(async () => {
    await requireEngine();
    await others.create();
    before = await hostState();
    dockerdPid = await learnerDockerdPid();
    expect(await learnerSwarm()).toBe("inactive");
  });
  afterAll(async () => {
    await others.remove();
  });

  it("labs run 08 --solutions passes every check, the hidden one included, in under 2 minutes; the learner's engine never joins a swarm", async () => {
    const result = await expectSolved("08", checkIds);
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session]);
    await expectNoEngineResidue(result.session, "08");
    expect(await learnerSwarm()).toBe("inactive");
    expect(await learnerDockerdPid()).toBe(dockerdPid);
  });

  it("labs run 08 without solutions fails every check and shows a hint for each", async () => {
    const { result, exitCode } = await runLabCli("08", false);
    expect(exitCode).toBe(1);
    expect(result.checks.map((check) => check.id)).toEqual(checkIds);
    for (const check of result.checks) {
      expect(check.passed).toBe(false);
      expect(check.hint).toBeTruthy();
    }
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session]);
    await expectNoEngineResidue(result.session, "08");
  });

  it("the whole notebook, its teardown cell included, passes its displayed checks, leaves the swarm and removes the private engine", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("08", session, 5);
    await others.expectUntouched();
    await expectNoResidueOf(before, [session]);
    await expectNoEngineResidue(session, "08");
    expect(await learnerSwarm()).toBe("inactive");
    expect(await learnerDockerdPid()).toBe(dockerdPid);
  });

  it("running setup twice is harmless: one private dockerd, one namespace, the image loaded once", async () => {
    const session = newSessionId();
    const probe = `const engine = (await import("docker-net-lab")).privateEngine(lab);
const images = (await engine.exec(["docker", "images", "-q"], { quiet: true })).stdout.split("\\n").filter(Boolean).length;
const ns = (await lab.exec(["ip", "netns", "list"], { quiet: true })).stdout.split("\\n").filter((l) => l.startsWith(engine.netns)).length;
const daemons = (await lab.exec(["pgrep", "-f", engine.host], { quiet: true })).stdout.split("\\n").filter(Boolean).length;
console.log("PROBE " + JSON.stringify({ images, ns, daemons }));`;
    const { run, probe: seen } = await runSetupTwice("08", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ images: 1, ns: 1, daemons: 1 });
    await expectNoResidueOf(before, [session]);
    await expectNoEngineResidue(session, "08");
  });
});
