import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { bystanders, expectNoResidueOf, runLabCli, runSetupTwice, runWholeNotebook, timeScript } from "./lab-harness.js";

describe("lab 02 · veth pairs and namespaces, through the real kernel", () => {
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

  it("labs run 02 --solutions passes every check, the hidden one included, in under 2 minutes, and leaves nothing behind", async () => {
    const { result, exitCode, wallMs } = await runLabCli("02", true);
    expect(result.notebook.status).toBe("ok");
    expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.checks.map((check) => check.id)).toEqual(["02.veth-pairs", "02.stop-removes-veth", "02.veth-count", "02.hand-built", "02.hand-pairing", "02.hand-ping"]);
    expect(exitCode).toBe(0);
    expect(wallMs).toBeLessThan(120_000);
    console.log(`lab 02 headless: ${wallMs} ms wall, notebook ${result.notebook.durationMs} ms`);
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session], [String(result.checks.find((c) => c.id === "02.hand-built")?.evidence["gateway"] ?? "")]);
  });

  it("labs run 02 without solutions fails every check and shows a hint for each", async () => {
    const { result, exitCode } = await runLabCli("02", false);
    expect(exitCode).toBe(1);
    expect(result.checks.length).toBe(6);
    for (const check of result.checks) {
      expect(check.passed).toBe(false);
      expect(check.hint).toBeTruthy();
    }
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes its namespaces, links and iptables rule", async () => {
    const session = newSessionId();
    const run = await runWholeNotebook("02", session);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(run.displayedChecks.length).toBeGreaterThanOrEqual(5);
    expect(run.displayedChecks.every((check) => check.passed)).toBe(true);
    await others.expectUntouched();
    await expectNoResidueOf(before, [session]);
    expect(String((await execa("iptables-save")).stdout)).not.toContain(`dnl${session}`);
  });

  it("running setup twice is harmless: one bridge, one namespace A, one FORWARD rule", async () => {
    const session = newSessionId();
    const probe = `const out = (await lab.exec(["iptables-save", "-t", "filter"], { quiet: true })).stdout;
const rules = out.split("\\n").filter((l) => l.includes(lab.session.ifname("2br"))).length;
const ns = (await lab.exec(["ip", "netns", "list"], { quiet: true })).stdout.split("\\n").filter((l) => l.startsWith(lab.session.ifname("2a"))).length;
const addrs = JSON.parse((await lab.exec(["ip", "-j", "addr", "show", "dev", lab.session.ifname("2br")], { quiet: true })).stdout)[0].addr_info.filter((a: any) => a.family === "inet").length;
console.log("PROBE " + JSON.stringify({ rules, ns, addrs }));`;
    const { run, probe: seen } = await runSetupTwice("02", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ rules: 1, ns: 1, addrs: 1 });
    await expectNoResidueOf(before, [session]);
  });

  it("its floor, the same docker and ip commands as a plain script, is measured", async () => {
    const s = `f${newSessionId().slice(0, 3)}`;
    const floor = await timeScript(`
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"
      for c in c1 c2 c3; do docker run -d $L --name dnl-${s}-02-$c docker-net-lab/toolbox:0.1.0 sleep 3600 >/dev/null; done
      for c in c1 c2 c3; do docker exec dnl-${s}-02-$c ip addr show eth0 >/dev/null; done
      ip -j link show >/dev/null; brctl show >/dev/null
      docker stop -t 1 dnl-${s}-02-c3 >/dev/null; docker network inspect bridge >/dev/null
      ip link add dnl${s}br type bridge; ip addr add 10.213.250.1/24 dev dnl${s}br; ip link set dnl${s}br up
      for x in a b; do ip netns add dnl${s}$x; ip link add dnl${s}v$x type veth peer name eth0 netns dnl${s}$x; ip link set dnl${s}v$x master dnl${s}br up; done
      ip -n dnl${s}a addr add 10.213.250.2/24 dev eth0; ip -n dnl${s}b addr add 10.213.250.3/24 dev eth0
      for x in a b; do ip -n dnl${s}$x link set eth0 up; ip -n dnl${s}$x route add default via 10.213.250.1; done
      iptables -I DOCKER-USER 1 -i dnl${s}br -o dnl${s}br -j ACCEPT
      ip netns exec dnl${s}a busybox ping -c1 -W2 10.213.250.3 >/dev/null
      iptables -D DOCKER-USER -i dnl${s}br -o dnl${s}br -j ACCEPT
      for x in a b; do ip netns delete dnl${s}$x; done; ip link delete dnl${s}br
      docker rm -f dnl-${s}-02-c1 dnl-${s}-02-c2 dnl-${s}-02-c3 >/dev/null
    `);
    console.log(`lab 02 floor (plain script): ${floor} ms`);
    expect(floor).toBeGreaterThan(0);
    await expectNoResidueOf(before, [s]);
  });
});
