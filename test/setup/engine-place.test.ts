// Where the engine runs: the pure judge on made-up facts, then the real thing: doctor and a lab's checks in a
// network namespace of their own (the host's engine is elsewhere), and a private engine in its own namespace seen
// from the host's namespace and from inside its own.
import { execa } from "execa";
import { rmdir } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toEngineInfo } from "../../src/docker/adapter.js";
import { LabSession, newSessionId } from "../../src/labs/session.js";
import { engineElsewhere } from "../../src/labs/preconditions.js";
import { PrivateEngine } from "../../src/labs/private-engine.js";
import { firewallItem, locationItem } from "../../src/setup/doctor.js";
import { judgeEnginePlace, type EngineFacts } from "../../src/setup/engine-place.js";
import { requireEngine } from "../helpers/host-state.js";

const info = {
  name: "lab-host",
  operatingSystem: "Debian GNU/Linux 12 (bookworm)",
  kernelVersion: "6.18.44",
  serverVersion: "28.5.2",
  firewallBackend: "iptables",
  firewallInfo: [],
  swarm: null,
};
const facts = (more: Partial<EngineFacts> = {}): EngineFacts => ({
  dockerHost: null,
  ownKernel: "6.18.44",
  ownNetns: 100,
  hostNetns: 100,
  info,
  listener: null,
  veths: [],
  bridges: [],
  ...more,
});
const listener = (netns: number, netnsName: string | null = null) => ({ pid: 4242, command: "dockerd", netns, netnsName, socket: "/run/dnl-x/docker.sock" });

describe("judgeEnginePlace (pure)", () => {
  it("the dockerd listening on the socket decides: same namespace -> here, another -> other-namespace with the command that enters it", () => {
    expect(judgeEnginePlace(facts({ listener: listener(100) })).where).toBe("here");
    const away = judgeEnginePlace(facts({ listener: listener(200, "dnlab12ed28") }));
    expect(away.where).toBe("other-namespace");
    expect(away.because).toBe(
      "dockerd (pid 4242) listening on /run/dnl-x/docker.sock runs in network namespace dnlab12ed28, this process in the host's (net:[100])",
    );
    expect(away.fix).toContain("ip netns exec dnlab12ed28 npx docker-net-lab");
    expect(away.breaks).toContain("iptables/nftables NAT");
    expect(judgeEnginePlace(facts({ listener: listener(200) })).fix).toContain("nsenter --net=/proc/4242/ns/net");
  });

  it("a remote DOCKER_HOST, Docker Desktop and another kernel are another machine; loopback tcp is not", () => {
    expect(judgeEnginePlace(facts({ dockerHost: "ssh://me@build-box" })).because).toBe("DOCKER_HOST=ssh://me@build-box is another machine (build-box)");
    expect(judgeEnginePlace(facts({ dockerHost: "tcp://10.1.2.3:2376" })).where).toBe("other-machine");
    expect(
      judgeEnginePlace(
        facts({
          dockerHost: "tcp://127.0.0.1:2375",
          listener: null,
          bridges: [{ network: "n", name: "br-0123456789ab", gateway: "10.0.0.1", present: true, hasGateway: true }],
        }),
      ).where,
    ).toBe("here");
    expect(judgeEnginePlace(facts({ info: { ...info, operatingSystem: "Docker Desktop", kernelVersion: "6.10.14-linuxkit" } })).because).toMatch(
      /Docker Desktop.*virtual machine/,
    );
    const vm = judgeEnginePlace(facts({ info: { ...info, kernelVersion: "5.15.0-91-generic" } }));
    expect([vm.where, vm.works]).toEqual(["other-machine", "engine commands only (docker run, ps, inspect, network)"]);
  });

  it("without the engine process: a container's veth, then user bridges, then docker0 (weak: every engine has one) decide", () => {
    expect(judgeEnginePlace(facts({ veths: [{ container: "web", hostSideHere: false }] })).where).toBe("other-namespace");
    expect(judgeEnginePlace(facts({ veths: [{ container: "web", hostSideHere: true }] })).where).toBe("here");
    const docker0 = { network: "bridge", name: "docker0", gateway: "172.17.0.1", present: true, hasGateway: true };
    // The coincidence of issue 12: both engines have docker0 172.17.0.1/16, but the user bridge is not here.
    expect(
      judgeEnginePlace(facts({ bridges: [docker0, { network: "lab", name: "br-5f3c2a1b9d0e", gateway: "10.9.0.1", present: false, hasGateway: false }] }))
        .where,
    ).toBe("other-namespace");
    expect(judgeEnginePlace(facts({ bridges: [docker0] })).because).toMatch(/weak evidence/);
    expect(judgeEnginePlace(facts({ bridges: [{ ...docker0, present: false, hasGateway: false }] })).where).toBe("other-namespace");
    expect(judgeEnginePlace(facts()).where).toBe("unknown");
    expect(judgeEnginePlace(facts({ info: null })).where).toBe("unknown");
  });

  it("doctor's items: the firewall backend (nft needed for nftables), the location (ok only here or unknown), the lab refusal", () => {
    expect(firewallItem(facts({ info: { ...info, firewallBackend: null, serverVersion: "20.10.24+dfsg1" } }), false).detail).toBe(
      "iptables (Docker 20.10.24+dfsg1 does not report one: engines before 28.1 always use iptables)",
    );
    expect(firewallItem(facts({ info: { ...info, firewallBackend: "nftables" } }), true)).toMatchObject({
      ok: true,
      detail: "nftables: Docker's rules are the nftables tables ip/ip6 docker-bridges (no DOCKER-USER chain)",
    });
    expect(firewallItem(facts({ info: { ...info, firewallBackend: "nftables" } }), false)).toMatchObject({
      ok: false,
      fix: expect.stringContaining("apt-get install nftables"),
    });
    // What Docker 28.5 does with DOCKER_FIREWALL_BACKEND=nftables (recorded: test/topology/fixtures/snapshots/docker-28.5-nftables).
    expect(firewallItem(facts({ info: { ...info, firewallBackend: "nftables" } }), true, false).detail).toMatch(
      /no nftables table ip docker-bridges: this engine's bridge rules are iptables rules/,
    );
    expect(locationItem(facts({ listener: listener(200) })).ok).toBe(false);
    expect(locationItem(facts()).ok).toBe(true);
    expect(engineElsewhere(judgeEnginePlace(facts({ listener: listener(100) })))).toBeNull();
    expect(engineElsewhere(judgeEnginePlace(facts({ listener: listener(200) })))?.message).toMatch(
      /^Not checked: the Docker engine runs in another network namespace/,
    );
  });

  it("toEngineInfo reads FirewallBackend of API 1.49+ and leaves it null for older engines, and reads the Swarm section", () => {
    expect(
      toEngineInfo({
        Name: "h",
        OperatingSystem: "Debian",
        KernelVersion: "6.1",
        ServerVersion: "28.5.2",
        FirewallBackend: { Driver: "nftables", Info: [["ReloadedAt", "2026-12-02T04:00:00Z"]] },
        Swarm: { LocalNodeState: "active", ControlAvailable: true, NodeAddr: "10.220.0.1" },
      }),
    ).toEqual({
      name: "h",
      operatingSystem: "Debian",
      kernelVersion: "6.1",
      serverVersion: "28.5.2",
      firewallBackend: "nftables",
      firewallInfo: ["ReloadedAt: 2026-12-02T04:00:00Z"],
      swarm: { localNodeState: "active", controlAvailable: true, nodeAddr: "10.220.0.1" },
    });
    expect(toEngineInfo({ ServerVersion: "20.10.24" }).firewallBackend).toBeNull();
    expect(toEngineInfo({ ServerVersion: "20.10.24" }).swarm).toBeNull();
  });
});

const bin = fileURLToPath(new URL("../../dist/cli/bin.js", import.meta.url));
// The CLI in a network namespace (or the host's), with DOCKER_HOST when given.
const cliIn = async (netns: string | null, args: readonly string[], dockerHost?: string) => {
  const env = { ...process.env, ...(dockerHost ? { DOCKER_HOST: dockerHost } : {}) };
  const argv = netns ? (["ip", ["netns", "exec", netns, process.execPath, bin, ...args]] as const) : ([process.execPath, [bin, ...args]] as const);
  const result = await execa(argv[0], [...argv[1]], { reject: false, env, timeout: 120_000, stdin: "ignore" });
  return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? -1 };
};
type Report = { items: { name: string; ok: boolean; detail: string; fix: string }[] };
const location = (stdout: string) => (JSON.parse(stdout) as Report).items.find((item) => item.name === "engine location");

describe("the host's engine seen from a network namespace of our own", () => {
  const netns = `dnlnv${newSessionId()}`;
  beforeAll(async () => {
    await requireEngine();
    await execa("ip", ["netns", "add", netns]);
  });
  afterAll(async () => {
    await execa("ip", ["netns", "delete", netns], { reject: false });
  });

  it("doctor says the engine is in another namespace, what works and what does not, and exits 2; on the host it is here", async () => {
    const inside = await cliIn(netns, ["doctor", "--json"]);
    expect(inside.exitCode).toBe(2);
    expect(location(inside.stdout)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(
        /^another network namespace: dockerd \(pid \d+\) listening on \S+docker.sock runs in network namespace .*Works from here: engine commands.*Does not: .*the checks of labs 01-06/,
      ),
      fix: expect.stringContaining("nsenter --net=/proc/"),
    });
    const outside = await cliIn(null, ["doctor", "--json"]);
    expect(location(outside.stdout)).toMatchObject({ ok: true, detail: expect.stringMatching(/^this network namespace: dockerd \(pid \d+\)/) });
  });

  it("`check 01` refuses every check with the one precondition instead of reading this namespace's docker0", async () => {
    const { stdout, exitCode } = await cliIn(netns, ["check", "01", "--json", "--session", "zz99"]);
    const report = JSON.parse(stdout) as { results: { passed: boolean; message: string; evidence: Record<string, unknown> }[] };
    expect(exitCode).toBe(1);
    expect(report.results.length).toBeGreaterThan(3);
    for (const result of report.results)
      expect(result).toMatchObject({
        passed: false,
        message: expect.stringMatching(/^Not checked: the Docker engine runs in another network namespace/),
        evidence: { precondition: "engine-here" },
      });
    // It counted hint levels in zz99's folder: remove it, the product's way.
    expect((await cliIn(null, ["clean", "--session", "zz99"])).exitCode).toBe(0);
  });

  it("`labs run 01` stops before running anything, with exit 2 and the fix", async () => {
    const { stderr, exitCode } = await cliIn(netns, ["labs", "run", "01"]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/engine location/);
  });
});

describe("a private engine in its own network namespace", () => {
  const engine = new PrivateEngine(new LabSession(newSessionId(), "97"), () => undefined);
  beforeAll(async () => {
    await requireEngine();
    await engine.start();
  }, 180_000);
  afterAll(async () => {
    await engine.destroy();
    await rmdir(dirname(engine.paths.dir)).catch(() => undefined); // the session's folder, when nothing else is in it
  }, 120_000);

  it("seen from the host's namespace it is elsewhere (named by its ip netns name); seen from its own namespace it is here", async () => {
    const fromHost = location((await cliIn(null, ["doctor", "--json"], engine.host)).stdout);
    expect(fromHost?.ok).toBe(false);
    expect(fromHost?.detail).toContain(`runs in network namespace ${engine.netns}, this process in`);
    expect(fromHost?.fix).toContain(`ip netns exec ${engine.netns} npx docker-net-lab`);
    const fromInside = location((await cliIn(engine.netns, ["doctor", "--json"], engine.host)).stdout);
    expect(fromInside).toMatchObject({ ok: true, detail: expect.stringContaining("runs in this network namespace") });
  });
});
