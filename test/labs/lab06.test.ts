import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { bystanders, expectNoResidueOf, runLabCli, runSetupTwice, runWholeNotebook, timeScript } from "./lab-harness.js";

const checkIds = ["06.macvlan-network", "06.own-macs", "06.reach-lan", "06.host-shim", "06.lan-reaches-child"];

describe("lab 06 · macvlan on a lab-made LAN, through the real kernel", () => {
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

  it("labs run 06 --solutions passes every check, the hidden one included, in under 2 minutes, and leaves nothing behind", async () => {
    const { result, exitCode, wallMs } = await runLabCli("06", true);
    expect(result.notebook.status).toBe("ok");
    expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.checks.map((check) => check.id)).toEqual(checkIds);
    expect(exitCode).toBe(0);
    expect(wallMs).toBeLessThan(120_000);
    console.log(`lab 06 headless: ${wallMs} ms wall, notebook ${result.notebook.durationMs} ms`);
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session], [String(result.checks.find((c) => c.id === "06.macvlan-network")?.evidence["subnet"] ?? "")]);
  });

  it("labs run 06 without solutions fails every check and shows a hint for each", async () => {
    const { result, exitCode } = await runLabCli("06", false);
    expect(exitCode).toBe(1);
    expect(result.checks.map((check) => check.id)).toEqual(checkIds);
    for (const check of result.checks) {
      expect(check.passed).toBe(false);
      expect(check.hint).toBeTruthy();
    }
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes the LAN namespace, the uplink and the shim", async () => {
    const session = newSessionId();
    const run = await runWholeNotebook("06", session);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(run.displayedChecks.length).toBeGreaterThanOrEqual(4);
    expect(run.displayedChecks.every((check) => check.passed)).toBe(true);
    await others.expectUntouched();
    await expectNoResidueOf(before, [session]);
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
    await expectNoResidueOf(before, [session]);
  });

  it("its floor, the same docker and ip commands as a plain script, is measured", async () => {
    const s = `f${newSessionId().slice(0, 3)}`;
    const floor = await timeScript(`
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"
      N=10.216.251; I=docker-net-lab/toolbox:0.1.0
      ip netns add dnl${s}6lan; ip link add dnl${s}6up type veth peer name dnl${s}6pr; ip link set dnl${s}6pr netns dnl${s}6lan
      ip -n dnl${s}6lan addr add $N.1/24 dev dnl${s}6pr; ip -n dnl${s}6lan link set dnl${s}6pr up; ip addr add $N.2/24 dev dnl${s}6up; ip link set dnl${s}6up up
      docker network create $L -d macvlan --subnet $N.0/24 --gateway $N.1 --ip-range $N.64/26 -o parent=dnl${s}6up dnl-${s}-06-lan >/dev/null
      for c in m1 m2; do docker run -d $L --name dnl-${s}-06-$c --network dnl-${s}-06-lan $I httpd -f -p 80 -h /var/www >/dev/null; done
      docker exec dnl-${s}-06-m1 ip link show eth0 >/dev/null; docker exec dnl-${s}-06-m1 ip route >/dev/null
      docker exec dnl-${s}-06-m1 ping -c 2 -W 2 $N.1 >/dev/null
      ! busybox ping -c 1 -W 1 $N.64 >/dev/null
      ip link add dnl${s}6sh link dnl${s}6up type macvlan mode bridge; ip addr add $N.3/32 dev dnl${s}6sh; ip link set dnl${s}6sh up; ip route add $N.64/26 dev dnl${s}6sh
      busybox ping -c 1 -W 1 $N.64 >/dev/null
      ip netns exec dnl${s}6lan wget -q -O /dev/null -T 3 -t 1 http://$N.64/
      docker rm -f dnl-${s}-06-m1 dnl-${s}-06-m2 >/dev/null; docker network rm dnl-${s}-06-lan >/dev/null
      ip link del dnl${s}6sh; ip link del dnl${s}6up; ip netns delete dnl${s}6lan
    `);
    console.log(`lab 06 floor (plain script): ${floor} ms`);
    expect(floor).toBeGreaterThan(0);
    await expectNoResidueOf(before, [s]);
  });
});
