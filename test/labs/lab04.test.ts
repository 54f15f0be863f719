import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { bystanders, expectNoResidueOf, runLabCli, runSetupTwice, runWholeNotebook, timeScript } from "./lab-harness.js";

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

  it("labs run 04 --solutions passes every check, the hidden one included, in under 2 minutes, and leaves nothing behind", async () => {
    const { result, exitCode, wallMs } = await runLabCli("04", true);
    expect(result.notebook.status).toBe("ok");
    expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.checks.map((check) => check.id)).toEqual(["04.user-bridge", "04.dns", "04.alias", "04.isolation", "04.connect", "04.link", "04.live-dns"]);
    expect(exitCode).toBe(0);
    expect(wallMs).toBeLessThan(120_000);
    console.log(`lab 04 headless: ${wallMs} ms wall, notebook ${result.notebook.durationMs} ms`);
    const evidence = (id: string, key: string) => String(result.checks.find((c) => c.id === id)?.evidence[key] ?? "");
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session], [evidence("04.user-bridge", "subnet"), evidence("04.user-bridge", "bridge"), evidence("04.isolation", "bridge")]);
  });

  it("labs run 04 without solutions fails every check and shows a hint for each", async () => {
    const { result, exitCode } = await runLabCli("04", false);
    expect(exitCode).toBe(1);
    expect(result.checks.length).toBe(7);
    for (const check of result.checks) {
      expect(check.passed).toBe(false);
      expect(check.hint).toBeTruthy();
    }
    await others.expectUntouched();
    await expectNoResidueOf(before, [result.session]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes both networks", async () => {
    const session = newSessionId();
    const run = await runWholeNotebook("04", session);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(run.displayedChecks.length).toBeGreaterThanOrEqual(6);
    expect(run.displayedChecks.every((check) => check.passed)).toBe(true);
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

  it("its floor, the same docker commands as a plain script, is measured", async () => {
    const s = `f${newSessionId().slice(0, 3)}`;
    const floor = await timeScript(`
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"; P=dnl-${s}-04; I=docker-net-lab/toolbox:0.1.0
      docker network create $L --driver bridge --subnet 10.213.252.0/24 $P-neta >/dev/null
      docker run -d $L --name $P-a1 --network $P-neta --dns 127.0.0.1 $I sleep 3600 >/dev/null
      docker run -d $L --name $P-a2 --network $P-neta --dns 127.0.0.1 $I sleep 3600 >/dev/null
      docker network inspect $P-neta >/dev/null
      docker exec $P-a1 cat /etc/resolv.conf >/dev/null; docker exec $P-a1 nslookup $P-a2 >/dev/null
      docker run -d $L --name $P-d1 --dns 127.0.0.1 $I sleep 3600 >/dev/null; docker exec $P-d1 nslookup $P-a1 >/dev/null 2>&1 || true
      for w in web1 web2; do docker run -d $L --name $P-$w --network $P-neta --network-alias search --dns 127.0.0.1 $I httpd -f -p 80 -h /var/www >/dev/null; done
      docker exec $P-a1 nslookup search >/dev/null
      docker network create $L --driver bridge --subnet 10.213.253.0/24 $P-netb >/dev/null
      docker run -d $L --name $P-b1 --network $P-netb --dns 127.0.0.1 $I sleep 3600 >/dev/null
      B1=$(docker inspect -f '{{(index .NetworkSettings.Networks "'$P-netb'").IPAddress}}' $P-b1)
      docker exec $P-a1 ping -c 1 -W 1 $B1 >/dev/null 2>&1 || true; iptables-save -t filter >/dev/null
      docker network connect $P-netb $P-a1; docker exec $P-a1 ping -c 1 -W 2 $P-b1 >/dev/null; docker network disconnect $P-netb $P-a1
      docker run -d $L --name $P-legacy --link $P-d1:db --dns 127.0.0.1 $I sleep 3600 >/dev/null; docker exec $P-legacy cat /etc/hosts >/dev/null
      docker rm -f $P-a1 $P-a2 $P-web1 $P-web2 $P-b1 $P-d1 $P-legacy >/dev/null; docker network rm $P-neta $P-netb >/dev/null
    `);
    console.log(`lab 04 floor (plain script): ${floor} ms`);
    expect(floor).toBeGreaterThan(0);
    await expectNoResidueOf(before, [s], ["10.213.252.", "10.213.253."]);
  });
});
