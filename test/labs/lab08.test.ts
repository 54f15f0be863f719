import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { expectNoEngineResidue, learnerDockerdPid } from "./engine-residue.js";
import { bystanders, expectNoResidueOf, runLabCli, runSetupTwice, runWholeNotebook, timeScript } from "./lab-harness.js";

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
    const { result, exitCode, wallMs } = await runLabCli("08", true);
    expect(result.notebook.status).toBe("ok");
    expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.checks.map((check) => check.id)).toEqual(checkIds);
    expect(exitCode).toBe(0);
    expect(wallMs).toBeLessThan(120_000);
    console.log(`lab 08 headless: ${wallMs} ms wall, notebook ${result.notebook.durationMs} ms`);
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
    const run = await runWholeNotebook("08", session);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(run.displayedChecks.length).toBeGreaterThanOrEqual(5);
    expect(run.displayedChecks.every((check) => check.passed)).toBe(true);
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

  it("its floor, the same dockerd, docker and ip commands as a plain script, is measured", async () => {
    const s = `f${newSessionId().slice(0, 3)}`;
    const floor = await timeScript(`
      R=/run/dnl-${s}-08; D=/tmp/dnl-${s}-08; NS=dnl${s}e08; H="-H unix://$R/docker.sock"; I=docker-net-lab/toolbox:0.1.0
      mkdir -p $R $D; echo '{}' > $D/daemon.json; ip netns add $NS; ip -n $NS link set lo up
      nsenter --net=/run/netns/$NS dockerd --config-file $D/daemon.json --data-root $D/data --exec-root $R/exec -H unix://$R/docker.sock --pidfile $R/docker.pid --shutdown-timeout 2 --bip 10.220.250.1/24 >>$D/log 2>&1 &
      for i in $(seq 1 200); do docker $H version >/dev/null 2>&1 && break; sleep 0.1; done
      docker save -o $D/t.tar $I; docker $H load -i $D/t.tar >/dev/null
      docker $H swarm init --advertise-addr 10.220.250.1 --default-addr-pool 10.221.240.0/20 --default-addr-pool-mask-length 24 >/dev/null
      docker $H network create -d overlay --attachable --subnet 10.222.250.0/24 ov >/dev/null
      for c in c1 c2; do docker $H run -d --name $c --network ov $I httpd -f -p 80 -h /var/www >/dev/null; done
      docker $H exec c1 ip addr >/dev/null; ID=$(docker $H network inspect -f '{{.Id}}' ov)
      nsenter --net=$R/exec/netns/1-\${ID:0:10} ip -j -d link show >/dev/null
      ip netns add dnl${s}8ipv; ip -n dnl${s}8ipv link add p0 type veth peer name p1
      ip -n dnl${s}8ipv link add iv0 link p0 type ipvlan mode l2 2>/dev/null || true; ip netns delete dnl${s}8ipv
      docker $H exec c1 ping -c 1 -W 2 c2 >/dev/null
      docker $H swarm leave --force >/dev/null; docker $H rm -f c1 c2 >/dev/null
      P=$(cat $R/docker.pid); kill $P; while kill -0 $P 2>/dev/null; do sleep 0.1; done
      awk '{print $5}' /proc/self/mountinfo | { grep -e "^$R" -e "^$D" || true; } | sort -r | xargs -r -n1 umount -l
      ip netns delete $NS; rm -rf $R $D
    `);
    console.log(`lab 08 floor (plain script): ${floor} ms`);
    expect(floor).toBeGreaterThan(0);
    await expectNoEngineResidue(s, "08");
    await expectNoResidueOf(before, [s]);
  });
});
