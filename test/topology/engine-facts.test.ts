// The version-aware facts, judged on what each engine of the matrix really built for the same scene
// (test/topology/fixtures/engines/<engine>/, recorded by test/engines/record.ts): web publishes 127.0.0.1:18080->80
// on the default bridge, a1 publishes 18081->80 on neta, b1 sits on netb, i1 on an --internal network.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseContainerInspect } from "../../src/parse/docker-inspect.js";
import { parseIptablesSave } from "../../src/parse/iptables-save.js";
import type { DockerContainer, DockerNetwork } from "../../src/parse/models.js";
import { parseNetworkInspect } from "../../src/parse/network-inspect.js";
import { proxyFromArgv } from "../../src/topology/collect.js";
import {
  crossBridge,
  engineGeneration,
  engineLabel,
  hairpinMasquerade,
  hasGatewayModes,
  macOrigin,
  parseEngineVersion,
  portPaths,
  type PortUnderTest,
} from "../../src/topology/engine-facts.js";
import { bridgeInterfaceName, type DockerProxy } from "../../src/topology/model.js";

const root = new URL("./fixtures/engines/", import.meta.url).pathname;

const load = (name: string) => {
  const dir = join(root, name);
  const read = (file: string) => readFileSync(join(dir, file), "utf8");
  const containers = parseContainerInspect(read("container-inspect.json")).value;
  const networks = parseNetworkInspect(read("network-inspect.json")).value;
  const tables = parseIptablesSave(read("iptables-save.txt")).value;
  const proxies = read("proxies.txt")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [pid, ...argv] = line.trim().split(/\s+/);
      return proxyFromArgv(Number(pid), argv);
    })
    .filter((p): p is DockerProxy => p !== null);
  const version = read("version.txt").split(" ")[0] as string;
  return { containers, networks, tables, proxies, version };
};

type Scene = ReturnType<typeof load>;

const network = (scene: Scene, name: string): DockerNetwork => scene.networks.find((n) => n.name === name) as DockerNetwork;
const container = (scene: Scene, name: string): DockerContainer => scene.containers.find((c) => c.name === name) as DockerContainer;

// A container's first published port, as portPaths wants it.
const port = (scene: Scene, name: string, networkName: string): PortUnderTest => {
  const c = container(scene, name);
  const [key, bindings] = Object.entries(c.networkSettings.ports).find(([, b]) => (b ?? []).length) as [string, { hostIp: string; hostPort: string }[]];
  const net = network(scene, networkName);
  return {
    protocol: key.split("/")[1] ?? "tcp",
    hostIp: bindings[0]?.hostIp ?? "0.0.0.0",
    hostPort: Number(bindings[0]?.hostPort),
    containerIp: c.networkSettings.networks[networkName]?.ipAddress ?? "",
    containerPort: Number(key.split("/")[0]),
    bridge: bridgeInterfaceName(net) as string,
    gateway: net.ipam.config[0]?.gateway ?? "",
  };
};

const local = (scene: Scene) => scene.networks.map((n) => n.ipam.config[0]?.gateway ?? "").filter(Boolean);

const engines = readdirSync(root).sort();

describe("engine facts on each engine's recorded scene", () => {
  it("has the recorded scenes of Docker 20.10 and 26.1 at least", () => {
    expect(engines).toEqual(expect.arrayContaining(["docker-20.10", "docker-26.1"]));
  });

  for (const name of engines) {
    const scene = load(name);
    const v = parseEngineVersion(scene.version);
    const proxyOff = name.endsWith("-no-userland-proxy");

    describe(`${engineLabel(scene.version)}${proxyOff ? " --userland-proxy=false" : ""}`, () => {
      it("reads its version", () => {
        expect(v?.major).toBe(Number(name.split("-")[1]?.split(".")[0]));
        expect(engineGeneration(scene.version)).toBe((v?.major ?? 0) >= 28 ? "docker-forward" : "isolation-stages");
        expect(hasGatewayModes(scene.version)).toBe((v?.major ?? 0) >= 28);
      });

      it("a request from the host to 127.0.0.1:18080 goes through docker-proxy, or DNAT in nat OUTPUT without the proxy", () => {
        const paths = portPaths(scene.tables, port(scene, "dnl-rec-web", "bridge"), scene.proxies, local(scene));
        expect(paths.fromHost.route).toBe(proxyOff ? "nat" : "docker-proxy");
        if (proxyOff) expect(paths.fromHost.dnat?.text).toMatch(/-j DNAT --to-destination 172\.17\.0\.2:80/);
      });

      it("a1 reaching its own published port at its gateway: docker-proxy, or DNAT + the hairpin MASQUERADE without the proxy", () => {
        const paths = portPaths(scene.tables, port(scene, "dnl-rec-a1", "dnl-rec-neta"), scene.proxies, local(scene));
        expect(paths.hairpin.route).toBe(proxyOff ? "nat" : "docker-proxy");
        if (proxyOff) expect(paths.hairpin.masquerade?.text).toMatch(/-s 10\.231\.1\.2\/32 -d 10\.231\.1\.2\/32 .*--dport 80 -j MASQUERADE/);
      });

      it("the per-port hairpin MASQUERADE exists before Docker 28, and on 28 only without the userland proxy", () => {
        const rule = hairpinMasquerade(scene.tables, "10.231.1.2", 80);
        expect(rule !== null).toBe((v?.major ?? 0) < 28 || proxyOff);
      });

      it("a ping from neta to netb is dropped, by the engine generation's isolation rule", () => {
        const verdict = crossBridge(scene, scene.tables, network(scene, "dnl-rec-neta"), network(scene, "dnl-rec-netb"));
        expect(verdict?.verdict).toBe("DROP");
        expect(verdict?.unknown).toEqual([]);
        const netb = bridgeInterfaceName(network(scene, "dnl-rec-netb"));
        if ((v?.major ?? 0) < 28) expect(verdict?.rule?.text).toBe(`-A DOCKER-ISOLATION-STAGE-2 -o ${netb} -j DROP`);
        else expect(verdict?.rule?.text).not.toMatch(/^-A DOCKER (! )?-i/);
      });

      it("the default bridge and neta are isolated too; a container stays reachable on its own bridge", () => {
        expect(crossBridge(scene, scene.tables, network(scene, "bridge"), network(scene, "dnl-rec-neta"))?.verdict).toBe("DROP");
        expect(crossBridge(scene, scene.tables, network(scene, "dnl-rec-neta"), network(scene, "dnl-rec-neta"))?.verdict).toBe("ACCEPT");
      });

      it("MAC addresses come from the IPv4 address before Docker 28, random from 28 on", () => {
        const web = container(scene, "dnl-rec-web").networkSettings.networks.bridge;
        expect(macOrigin(web?.macAddress ?? "", web?.ipAddress ?? "")).toBe((v?.major ?? 0) >= 28 ? "random" : "from-ip");
      });
    });
  }
});

describe("engine facts, pure", () => {
  it("parseEngineVersion reads Debian's and Docker's version strings", () => {
    expect(parseEngineVersion("20.10.24+dfsg1")).toEqual({ text: "20.10.24+dfsg1", major: 20, minor: 10, patch: 24 });
    expect(parseEngineVersion("29.0.0-rc.1")?.major).toBe(29);
    expect(parseEngineVersion("")).toBeNull();
    expect(engineLabel("28.5.2+dfsg3")).toBe("Docker 28.5.2");
  });

  it("macOrigin sees 02:42 + the address as derived, anything else as random", () => {
    expect(macOrigin("02:42:ac:11:00:02", "172.17.0.2")).toBe("from-ip");
    expect(macOrigin("02:42:AC:11:00:02", "172.17.0.2")).toBe("from-ip");
    expect(macOrigin("9a:3c:51:0e:77:10", "172.17.0.2")).toBe("random");
  });
});
