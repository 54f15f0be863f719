import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { bystanders, expectNoResidueOf, runLabCli, runSetupTwice, runWholeNotebook, timeScript } from "./lab-harness.js";

describe("lab 03 · NAT and port publishing, through the real kernel", () => {
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

  it("labs run 03 --solutions passes every check, the hidden one included, in under 2 minutes, and leaves nothing behind", async () => {
    const { result, exitCode, wallMs } = await runLabCli("03", true);
    expect(result.notebook.status).toBe("ok");
    expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.checks.map((check) => check.id)).toEqual(["03.masquerade", "03.published", "03.dnat", "03.loopback", "03.snat", "03.counters", "03.hairpin", "03.live-nat"]);
    expect(exitCode).toBe(0);
    expect(wallMs).toBeLessThan(120_000);
    console.log(`lab 03 headless: ${wallMs} ms wall, notebook ${result.notebook.durationMs} ms`);
    const bindings = result.checks.find((c) => c.id === "03.published")?.evidence["bindings"] as { hostPort: string }[];
    const seen = String(result.checks.find((c) => c.id === "03.snat")?.evidence["seen"]);
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session], [`dport ${bindings[0]?.hostPort}`, seen]);
    expect(String((await execa("pgrep", ["-f", `docker-proxy .*-host-port ${bindings[0]?.hostPort} `], { reject: false })).stdout)).toBe("");
  });

  it("labs run 03 without solutions fails every check and shows a hint for each", async () => {
    const { result, exitCode } = await runLabCli("03", false);
    expect(exitCode).toBe(1);
    expect(result.checks.length).toBe(8);
    for (const check of result.checks) {
      expect(check.passed).toBe(false);
      expect(check.hint).toBeTruthy();
    }
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes the internet namespace and its server", async () => {
    const session = newSessionId();
    const run = await runWholeNotebook("03", session);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(run.displayedChecks.length).toBeGreaterThanOrEqual(7);
    expect(run.displayedChecks.every((check) => check.passed)).toBe(true);
    await others.expectUntouched();
    await expectNoResidueOf(before, [session]);
  });

  it("running setup twice is harmless: one internet namespace, one server, one address each side", async () => {
    const session = newSessionId();
    const probe = `const ns = lab.session.ifname("3in");
const servers = (await lab.exec(["ip", "netns", "pids", ns], { quiet: true })).stdout.trim().split("\\n").filter(Boolean).length;
const addrs = JSON.parse((await lab.exec(["ip", "-j", "addr", "show", "dev", lab.session.ifname("3h")], { quiet: true })).stdout)[0].addr_info.filter((a: any) => a.family === "inet").length;
const inside = JSON.parse((await lab.exec(["ip", "-n", ns, "-j", "addr", "show", "dev", "eth0"], { quiet: true })).stdout)[0].addr_info.filter((a: any) => a.family === "inet").length;
const params = await lab.params();
console.log("PROBE " + JSON.stringify({ servers, addrs, inside, keys: Object.keys(params).sort() }));`;
    const { run, probe: seen } = await runSetupTwice("03", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ servers: 1, addrs: 1, inside: 1, keys: ["internet", "web-port"] });
    await expectNoResidueOf(before, [session]);
  });

  it("its floor, the same docker and ip commands as a plain script, is measured", async () => {
    const s = `f${newSessionId().slice(0, 3)}`;
    const floor = await timeScript(`
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"
      iptables-save -c -t nat >/dev/null
      D=$(mktemp -d); mkdir -p $D/cgi-bin; printf '#!/bin/sh\\nprintf "Content-Type: text/plain\\\\r\\\\n\\\\r\\\\n%%s\\\\n" "$REMOTE_ADDR"\\n' > $D/cgi-bin/ip; chmod +x $D/cgi-bin/ip
      ip netns add dnl${s}in; ip link add dnl${s}h type veth peer name eth0 netns dnl${s}in
      ip addr add 203.0.113.249/29 dev dnl${s}h; ip link set dnl${s}h up
      ip -n dnl${s}in addr add 203.0.113.250/29 dev eth0; ip -n dnl${s}in link set eth0 up; ip -n dnl${s}in link set lo up; ip -n dnl${s}in route add default via 203.0.113.249
      ip netns exec dnl${s}in busybox httpd -p 203.0.113.250:80 -h $D
      docker run -d $L --name dnl-${s}-03-web -p 127.0.0.1:29999:80 docker-net-lab/toolbox:0.1.0 httpd -f -p 80 -h /var/www >/dev/null
      docker port dnl-${s}-03-web >/dev/null; iptables -t nat -L DOCKER -n >/dev/null; iptables -L DOCKER -n >/dev/null
      for i in 1 2 3 4 5 6 7 8 9 10; do curl -sf http://127.0.0.1:29999/ >/dev/null && break; sleep 0.2; done
      pgrep -f "docker-proxy .*-host-port 29999 " >/dev/null
      iptables-save -c -t nat >/dev/null; docker exec dnl-${s}-03-web wget -qO- http://203.0.113.250/cgi-bin/ip >/dev/null; iptables-save -c -t nat >/dev/null
      docker inspect dnl-${s}-03-web >/dev/null
      kill $(ip netns pids dnl${s}in); sleep 0.2; ip netns delete dnl${s}in; ip link delete dnl${s}h 2>/dev/null || true; rm -rf $D
      docker rm -f dnl-${s}-03-web >/dev/null
    `);
    console.log(`lab 03 floor (plain script): ${floor} ms`);
    expect(floor).toBeGreaterThan(0);
    await expectNoResidueOf(before, [s]);
  });
});
