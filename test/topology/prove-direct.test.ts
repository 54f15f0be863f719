// A packet from outside the engine's bridges straight to a container's address (not through the published host
// port): what explain says must be what one real packet does, and the rule explain names as the deciding one must
// count that packet. Engine-agnostic: it runs against whatever DOCKER_HOST is, from the network namespace it runs in
// (the host's engine here; inside a matrix engine's namespace for Docker 28.5, see src/topology/README.md).
//   Docker < 28: the packet is forwarded and accepted by the DOCKER chain's rule for the published port.
//   Docker 28 (iptables): dropped in raw PREROUTING by the rule Docker adds for the container's address.
//   Docker 28 with DOCKER_FIREWALL_BACKEND=nftables / 29: dropped in nftables' ip docker-bridges raw-PREROUTING.
import { randomBytes } from "node:crypto";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeExplanation, explain } from "../../src/topology/explain.js";
import { inSubnet, overlaps } from "../../src/topology/ipv4.js";
import { parseIpRoute } from "../../src/parse/ip-route.js";
import { prove } from "../../src/topology/prove.js";
import { snapshot } from "../../src/topology/snapshot.js";
import { requireEngine } from "../helpers/host-state.js";
import { freeTcpPort } from "../helpers/net.js";
import { toolboxImage, webServerCommand } from "../../src/setup/image.js";

const sid = `p${randomBytes(2).toString("hex")}`.slice(0, 4);
const image = toolboxImage;
const labels = ["--label", "io.docker-net-lab.owner=docker-net-lab", "--label", `io.docker-net-lab.session=${sid}`];
const name = (short: string): string => `dnl-${sid}-${short}`;
const outNs = name("out");
const outHost = `dnl${sid}o0`;
const sh = async (file: string, args: string[]): Promise<string> => {
  const result = await execa(file, args, { reject: false, timeout: 60_000 });
  if (result.exitCode !== 0) throw new Error(`${file} ${args.join(" ")}: ${String(result.stderr)}`);
  return String(result.stdout).trim();
};
const freePort = (): Promise<number> => freeTcpPort("0.0.0.0");

let subnet = "";
let containerIp = "";
let version = "";

describe("a packet from a TEST-NET namespace straight to a container's address", () => {
  beforeAll(async () => {
    await requireEngine();
    version = await sh("docker", ["version", "--format", "{{.Server.Version}}"]);
    const routes = parseIpRoute(await sh("ip", ["-j", "route", "show", "table", "all"])).value;
    const used = routes.filter((r) => r.family === "inet" && r.dst !== "default").map((r) => (r.dst.includes("/") ? r.dst : `${r.dst}/32`));
    // A user network on a subnet nothing here uses, and a /30 of TEST-NET-2 for the outside namespace.
    const candidates = Array.from({ length: 40 }, (_, i) => `10.${120 + i}.${Number.parseInt(sid.slice(2), 16) % 250}.0/24`).filter(
      (c) => !used.some((u) => overlaps(c, u)),
    );
    for (const candidate of candidates) {
      const created = await execa("docker", ["network", "create", ...labels, "--subnet", candidate, name("net")], { reject: false });
      if (created.exitCode === 0) {
        subnet = candidate;
        break;
      }
    }
    expect(subnet, "a free subnet for the test network").not.toBe("");
    const port = await freePort();
    await sh("docker", ["run", "-d", ...labels, "--name", name("web"), "--network", name("net"), "-p", `${port}:80`, image, ...webServerCommand]);
    containerIp = await sh("docker", ["inspect", "-f", `{{(index .NetworkSettings.Networks "${name("net")}").IPAddress}}`, name("web")]);
    const block = Array.from({ length: 64 }, (_, i) => `198.51.100.${i * 4}/30`).find(
      (cidr) => !used.some((u) => overlaps(cidr, u)) && !inSubnet(containerIp, cidr),
    ) as string;
    const base = Number(block.split("/")[0]?.split(".")[3]);
    await sh("ip", ["netns", "add", outNs]);
    await sh("ip", ["link", "add", outHost, "type", "veth", "peer", "name", "eth0", "netns", outNs]);
    await sh("ip", ["addr", "add", `198.51.100.${base + 1}/30`, "dev", outHost]);
    await sh("ip", ["link", "set", outHost, "up"]);
    await sh("ip", ["-n", outNs, "link", "set", "lo", "up"]);
    await sh("ip", ["-n", outNs, "addr", "add", `198.51.100.${base + 2}/30`, "dev", "eth0"]);
    await sh("ip", ["-n", outNs, "link", "set", "eth0", "up"]);
    await sh("ip", ["-n", outNs, "route", "add", subnet, "via", `198.51.100.${base + 1}`]);
  }, 120_000);

  afterAll(async () => {
    await execa("docker", ["rm", "-f", name("web")], { reject: false });
    await execa("docker", ["network", "rm", name("net")], { reject: false });
    await execa("ip", ["link", "del", outHost], { reject: false });
    await execa("ip", ["netns", "del", outNs], { reject: false });
    expect(await sh("docker", ["ps", "-a", "--filter", `name=${sid}`, "-q"])).toBe("");
    expect(await sh("ip", ["netns", "list"])).not.toContain(sid);
    expect(await sh("ip", ["-o", "link"])).not.toContain(sid);
  });

  it("explain's verdict is what the real packet does, and the rule that decides counted it (--prove)", async () => {
    const e = explain(await snapshot(), outNs, `${name("web")}:80`);
    const proof = await prove(outNs, `${name("web")}:80`);
    const text = describeExplanation(proof.explanation);
    expect(proof.explanation.verdict, text).toBe(e.verdict);
    expect(["delivered", "dropped"], text).toContain(e.verdict);
    expect(proof.probe.exitCode === 0, `${text}\nprobe: ${proof.probe.command} -> ${proof.probe.exitCode} ${proof.probe.output}`).toBe(
      e.verdict === "delivered",
    );
    // The deciding rule: the one that dropped it, or the last ACCEPT on the way.
    const deciding = e.verdict === "dropped" ? e.hops.find((h) => h.kind === "drop")?.rule : e.hops.filter((h) => h.rule?.target === "ACCEPT").at(-1)?.rule;
    expect(deciding, `${text}\nno rule decided`).toBeDefined();
    expect(
      proof.moved.map((m) => `${m.rule.table} ${m.rule.text}`),
      text,
    ).toContain(`${deciding?.table} ${deciding?.text}`);
  });

  it("the deciding table follows the engine generation: the DOCKER chain before 28, raw PREROUTING (iptables or nftables) from 28", async () => {
    const e = explain(await snapshot(), outNs, `${name("web")}:80`);
    const text = describeExplanation(e);
    if (Number(version.split(".")[0]) >= 28) {
      const drop = e.hops.find((h) => h.kind === "drop");
      expect(e.verdict, text).toBe("dropped");
      expect(drop?.text, text).toMatch(/^dropped in (raw PREROUTING|nft ip docker-bridges raw-PREROUTING)$/);
      expect(drop?.rule?.text, text).toContain(containerIp);
    } else {
      expect(e.verdict, text).toBe("delivered");
      expect(
        e.hops.some((h) => h.rule?.chain === "DOCKER" && h.rule.target === "ACCEPT" && h.rule.text.includes(`-d ${containerIp}/32`)),
        text,
      ).toBe(true);
    }
  });
});
