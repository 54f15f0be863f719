// snapshot(), explain() and prove() on the real engine, checked against ground truth read independently:
// /sys/class/net/<if>/{ifindex,iflink,master,address} on the host, inside containers (docker exec) and
// inside `ip netns exec` (which mounts the namespace's own sysfs), and `docker inspect`.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { parseIpRoute } from "../../src/parse/ip-route.js";
import { diffTopology, summarizeDiff } from "../../src/topology/diff.js";
import { inSubnet, overlaps } from "../../src/topology/ipv4.js";
import { explain } from "../../src/topology/explain.js";
import type { Topology } from "../../src/topology/model.js";
import { prove } from "../../src/topology/prove.js";
import { snapshot } from "../../src/topology/snapshot.js";
import { freeTcpPort } from "../helpers/net.js";
import { toolboxImage, webServerCommand } from "../../src/setup/image.js";

// A session id of the project's form (4 characters), so ownership (src/ownership.ts) counts these objects as ours.
const sid = `t${randomBytes(2).toString("hex")}`.slice(0, 4);
const image = toolboxImage;
const labels = ["--label", "io.docker-net-lab.owner=docker-net-lab", "--label", `io.docker-net-lab.session=${sid}`];
const name = (short: string): string => `dnl-${sid}-${short}`;
const uplink = `dnl${sid}u0`;
const lanPeer = `dnl${sid}u1`;
const lanNs = name("lan");
const inetNs = name("inet");
const inetHost = `dnl${sid}i0`;
const sh = async (file: string, args: string[], reject = true): Promise<string> => {
  const result = await execa(file, args, { reject: false, timeout: 60_000 });
  if (reject && result.exitCode !== 0) throw new Error(`${file} ${args.join(" ")}: ${String(result.stderr)}`);
  return String(result.stdout).trim();
};
const docker = (...args: string[]): Promise<string> => sh("docker", args);
const sysHost = async (ifname: string, file: string): Promise<string> => (await readFile(`/sys/class/net/${ifname}/${file}`, "utf8")).trim();
const sysIn = (container: string, ifname: string, file: string): Promise<string> => docker("exec", container, "cat", `/sys/class/net/${ifname}/${file}`);

const freePort = (): Promise<number> => freeTcpPort();

// Create a network on the first candidate subnet the engine accepts (others may hold some).
const createNetwork = async (net: string, args: string[], candidates: string[]): Promise<string> => {
  for (const subnet of candidates) {
    const result = await execa("docker", ["network", "create", ...labels, ...args, "--subnet", subnet, net], { reject: false });
    if (result.exitCode === 0) return subnet;
  }
  throw new Error(`no free subnet for ${net}`);
};

let topology: Topology;
let port: number;
let macSubnet: string;
const unrelated = { container: "", network: "" };
const bridges: string[] = [];

describe("snapshot() on the real engine", () => {
  beforeAll(async () => {
    await requireEngine();
    port = await freePort();
    await createNetwork(
      name("net"),
      [],
      Array.from({ length: 20 }, (_, i) => `10.${200 + i}.${Number.parseInt(sid.slice(2), 16) % 250}.0/24`),
    );
    const run = (short: string, ...args: string[]): Promise<string> => docker("run", "-d", ...labels, "--name", name(short), ...args);
    await run("def", "-p", `127.0.0.1:${port}:80`, image, ...webServerCommand);
    await run("usr", "--network", name("net"), image, "sleep", "3600");
    await run("hst", "--network", "host", image, "sleep", "3600");
    await run("non", "--network", "none", image, "sleep", "3600");
    await run("side", "--network", `container:${name("def")}`, image, "sleep", "3600");
    // macvlan on a veth uplink whose other end lives in a dnl- namespace (never the real uplink).
    await sh("ip", ["netns", "add", lanNs]);
    await sh("ip", ["link", "add", uplink, "type", "veth", "peer", "name", lanPeer]);
    await sh("ip", ["link", "set", lanPeer, "netns", lanNs]);
    await sh("ip", ["link", "set", uplink, "up"]);
    await sh("ip", ["-n", lanNs, "link", "set", lanPeer, "up"]);
    // A vxlan device over the namespace's veth (its underlay is what we name with `dev`).
    await sh("ip", ["-n", lanNs, "link", "add", "vx42", "type", "vxlan", "id", "42", "dev", lanPeer, "dstport", "4789", "remote", "192.0.2.42"]);
    const third = Number.parseInt(sid.slice(2), 16) % 16;
    macSubnet = await createNetwork(name("mac"), ["-d", "macvlan", "-o", `parent=${uplink}`], [`203.0.113.${third * 16}/28`, `198.51.100.${third * 16}/28`]);
    await run("mac", "--network", name("mac"), image, "sleep", "3600");
    // Something that is not ours: no label, removed by id in afterAll.
    unrelated.network = await docker("network", "create", name("unrel-net"));
    // The toolbox image carries the owner label and containers inherit image labels: override it with an empty value.
    unrelated.container = await docker(
      "run",
      "-d",
      "--label",
      "io.docker-net-lab.owner=",
      "--network",
      name("unrel-net"),
      "--name",
      name("unrel"),
      image,
      "sleep",
      "3600",
    );
    for (const net of [name("net"), name("unrel-net")]) bridges.push(`br-${(await docker("network", "inspect", "-f", "{{.Id}}", net)).slice(0, 12)}`);
    topology = await snapshot();
  });

  afterAll(async () => {
    for (const short of ["side", "def", "usr", "hst", "non", "mac", "late"]) await execa("docker", ["rm", "-f", name(short)], { reject: false });
    if (unrelated.container) await execa("docker", ["rm", "-f", unrelated.container], { reject: false });
    if (unrelated.network) await execa("docker", ["network", "rm", unrelated.network], { reject: false });
    for (const net of ["net", "mac"]) await execa("docker", ["network", "rm", name(net)], { reject: false });
    await execa("ip", ["link", "del", uplink], { reject: false });
    await execa("ip", ["netns", "del", lanNs], { reject: false });
    await execa("ip", ["link", "del", inetHost], { reject: false });
    await execa("ip", ["netns", "del", inetNs], { reject: false });
    // Scoped residue check: other engineers' tests change the engine meanwhile, so look for what this file made.
    expect(await docker("ps", "-a", "--filter", `name=${sid}`, "-q")).toBe("");
    expect(await docker("network", "ls", "--filter", `name=${sid}`, "-q")).toBe("");
    expect(await sh("ip", ["netns", "list"])).not.toContain(sid);
    expect(await sh("ip", ["-o", "link"])).not.toContain(sid);
    const rules = await sh("iptables-save", []);
    for (const bridge of bridges) expect(rules).not.toContain(bridge);
    expect(rules).not.toContain(`--dport ${port} `);
  });

  it("pairs each bridged container's eth0 with the host veth /sys/class/net names as its peer, on the bridge docker inspect names", async () => {
    for (const [short, network] of [
      ["def", "bridge"],
      ["usr", name("net")],
      ["unrel", name("unrel-net")],
    ] as const) {
      const iflink = await sysIn(name(short), "eth0", "iflink");
      const ifindex = await sysIn(name(short), "eth0", "ifindex");
      let hostVeth: string | undefined;
      for (const candidate of await readdir("/sys/class/net")) if ((await sysHost(candidate, "ifindex")) === iflink) hostVeth = candidate;
      expect(hostVeth, `host veth with ifindex ${iflink}`).toBeDefined();
      expect(await sysHost(hostVeth as string, "iflink")).toBe(ifindex);
      const id = await docker("network", "inspect", "-f", "{{.Id}}", network);
      const bridge = network === "bridge" ? "docker0" : `br-${id.slice(0, 12)}`;
      expect((await readlink(`/sys/class/net/${hostVeth}/master`)).split("/").at(-1)).toBe(bridge);
      expect(topology.links).toContainEqual({ kind: "veth", a: `host:${hostVeth}`, b: `container:${name(short)}:eth0` });
      expect(topology.links).toContainEqual({ kind: "bridge-port", a: `host:${bridge}`, b: `host:${hostVeth}` });
    }
  });

  it("gives each container the address and MAC docker inspect reports", async () => {
    for (const short of ["def", "usr", "mac"]) {
      const [ip, mac] = (await docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{.MacAddress}}{{end}}", name(short))).split(" ");
      const eth0 = topology.namespaces.find((ns) => ns.id === `container:${name(short)}`)?.interfaces.find((i) => i.name === "eth0");
      expect(eth0?.addresses.map((a) => a.address)).toContain(ip);
      expect(eth0?.mac).toBe(mac);
      expect(await sysIn(name(short), "eth0", "address")).toBe(mac);
    }
  });

  it("puts a host-mode container in the host namespace and gives it no namespace or veth of its own", async () => {
    expect(await docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", name("hst"))).toBe("host");
    expect(topology.namespaces.find((ns) => ns.kind === "host")?.containers).toContain(name("hst"));
    expect(topology.namespaces.some((ns) => ns.id === `container:${name("hst")}`)).toBe(false);
  });

  it("shows a none-mode container with lo only, as /sys/class/net inside it does", async () => {
    expect(await docker("exec", name("non"), "ls", "/sys/class/net")).toBe("lo");
    expect(topology.namespaces.find((ns) => ns.id === `container:${name("non")}`)?.interfaces.map((i) => i.name)).toEqual(["lo"]);
    expect(topology.links.some((l) => l.b.startsWith(`container:${name("non")}:`))).toBe(false);
  });

  it("puts a --network container: sidecar in its owner's namespace (same MAC seen from inside both)", async () => {
    expect(await sysIn(name("side"), "eth0", "address")).toBe(await sysIn(name("def"), "eth0", "address"));
    expect(topology.namespaces.find((ns) => ns.id === `container:${name("def")}`)?.containers).toEqual([name("def"), name("side")]);
  });

  it("links the macvlan child to its veth parent, that parent to its peer in the dnl- namespace, and a vxlan to its underlay", async () => {
    expect(await sysIn(name("mac"), "eth0", "iflink")).toBe(await sysHost(uplink, "ifindex"));
    expect(await sh("ip", ["netns", "exec", lanNs, "cat", `/sys/class/net/${lanPeer}/iflink`])).toBe(await sysHost(uplink, "ifindex"));
    expect(topology.links).toContainEqual({ kind: "macvlan", a: `host:${uplink}`, b: `container:${name("mac")}:eth0` });
    expect(topology.links).toContainEqual({ kind: "veth", a: `host:${uplink}`, b: `netns:${lanNs}:${lanPeer}` });
    expect(topology.networks.find((n) => n.name === name("mac"))?.ipam.config[0]?.subnet).toBe(macSubnet);
    expect(topology.links).toContainEqual({ kind: "vxlan", a: `netns:${lanNs}:${lanPeer}`, b: `netns:${lanNs}:vx42` });
    const vx = topology.namespaces.find((ns) => ns.id === `netns:${lanNs}`)?.interfaces.find((i) => i.name === "vx42");
    expect(vx?.kindData).toMatchObject({ id: 42, remote: "192.0.2.42" });
  });

  it("joins the published port to its DNAT rule, the container address and the docker-proxy process", async () => {
    const ip = await docker("inspect", "-f", "{{.NetworkSettings.Networks.bridge.IPAddress}}", name("def"));
    const published = topology.nat?.published.find((p) => p.container === name("def"));
    expect(published).toMatchObject({ hostIp: "127.0.0.1", hostPort: port, containerIp: ip, containerPort: 80, protocol: "tcp" });
    expect(published?.dnat?.text).toContain(`--to-destination ${ip}:80`);
    const save = await sh("iptables-save", ["-t", "nat"]);
    expect(save.split("\n")).toContain(published?.dnat?.text);
    const cmdline = (await readFile(`/proc/${published?.proxyPid}/cmdline`, "utf8")).split("\0");
    expect(cmdline).toEqual(expect.arrayContaining(["-host-port", String(port), "-container-ip", ip]));
    expect(topology.nat?.masquerade.some((m) => m.exceptOut === "docker0")).toBe(true);
  });

  it("sees objects it did not create and changes nothing: iptables rules and engine state are the same before and after", async () => {
    expect(topology.containers.some((c) => c.name === name("unrel") && c.labels["io.docker-net-lab.owner"] === "")).toBe(true);
    expect(topology.networks.some((n) => n.name === name("unrel-net"))).toBe(true);
    const state = async (): Promise<string> =>
      [
        (await sh("iptables-save", []))
          .split("\n")
          .filter((l) => !l.startsWith("#"))
          .map((l) => l.replace(/\[\d+:\d+\]/g, ""))
          .sort()
          .join("\n"),
        await docker("ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.State}} {{.Names}} {{.Ports}}"),
        await docker("network", "ls", "--no-trunc", "-q"),
        await sh("ip", ["-o", "link"]),
        await sh("ip", ["netns", "list"]),
      ].join("\n");
    // Other engineers' tests share the engine: a difference must repeat on every try to count.
    const changed: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const first = (await state()).split("\n");
      await snapshot();
      const then = (await state()).split("\n");
      const diff = [...first.filter((l) => !then.includes(l)).map((l) => `- ${l}`), ...then.filter((l) => !first.includes(l)).map((l) => `+ ${l}`)];
      if (diff.length === 0) break;
      changed.push(diff.join("\n"));
    }
    expect(changed.length, changed.join("\n---\n")).toBeLessThan(3);
  });

  it("diffTopology(before, after) of `docker run -p` names the new container, its host veth on the bridge /sys/class/net shows, and its DNAT rule", async () => {
    const latePort = await freePort();
    await docker("run", "-d", ...labels, "--name", name("late"), "--network", name("net"), "-p", `127.0.0.1:${latePort}:80`, image, ...webServerCommand);
    const after = await snapshot();
    const diff = diffTopology(topology, after);
    const iflink = await sysIn(name("late"), "eth0", "iflink");
    let hostVeth = "";
    for (const candidate of await readdir("/sys/class/net")) if ((await sysHost(candidate, "ifindex")) === iflink) hostVeth = candidate;
    const bridge = (await readlink(`/sys/class/net/${hostVeth}/master`)).split("/").at(-1);
    const keys = diff.changes.map((c) => `${c.change} ${c.subject} ${c.key}`);
    expect(keys).toContain(`added container ${name("late")}`);
    expect(keys).toContain(`added link bridge-port host:${bridge} host:${hostVeth}`);
    expect(diff.changes.some((c) => c.change === "added" && c.subject === "published-port" && c.key.startsWith(`tcp 127.0.0.1:${latePort} ->`))).toBe(true);
    expect(diff.changes.some((c) => c.subject === "rule" && c.detail.includes(`--dport ${latePort} -j DNAT`))).toBe(true);
    // Other sessions share this engine: their changes may be in the summary too.
    expect(summarizeDiff(diff)).toMatch(new RegExp(`^added .*container ${name("late")} \\(running, network ${name("net")}: 10\\.`));
    expect(diff.highlight).toEqual(expect.arrayContaining([name("late"), hostVeth]));
    await docker("rm", "-f", name("late"));
  });

  it("explains and proves container -> container across bridges: dropped by the isolation rule, whose counter moves", async () => {
    const e = explain(topology, name("usr"), name("def"));
    expect(e.verdict).toBe("dropped");
    const proof = await prove(name("usr"), name("def"));
    expect(proof.probe.exitCode).not.toBe(0);
    const drop = proof.explanation.hops.filter((h) => h.rule).at(-1)?.rule;
    expect(drop?.target).toBe("DROP");
    expect(proof.confirmed).toContainEqual(expect.objectContaining({ chain: drop?.chain, text: drop?.text }));
  });

  it("explains host -> published port through docker-proxy to the container, and proves it answers", async () => {
    const e = explain(topology, "host", `127.0.0.1:${port}`);
    expect(e.verdict).toBe("delivered");
    expect(e.reached).toBe(`container:${name("def")}`);
    expect(e.hops.some((h) => h.kind === "proxy")).toBe(true);
    const proof = await prove("host", `127.0.0.1:${port}`);
    expect(proof.probe.exitCode).toBe(0);
  });

  it('explains and proves container -> a TEST-NET "internet" namespace: routed by the host, MASQUERADEd, answered', async () => {
    // A dnl- namespace with a TEST-NET address behind a host veth, on a /30 no host route overlaps.
    const routes = parseIpRoute(await sh("ip", ["-j", "route", "show", "table", "all"])).value;
    const block = Array.from({ length: 64 }, (_, i) => `203.0.113.${i * 4}/30`).find(
      (cidr) =>
        !routes.some((r) => r.dst !== "default" && r.family === "inet" && overlaps(cidr, r.dst.includes("/") ? r.dst : `${r.dst}/32`)) &&
        !inSubnet(cidr.split("/")[0] as string, macSubnet),
    );
    expect(block).toBeDefined();
    const base = (block as string).split("/")[0]?.split(".").map(Number) as number[];
    const hostAddr = `203.0.113.${(base[3] as number) + 1}`;
    const inetAddr = `203.0.113.${(base[3] as number) + 2}`;
    await sh("ip", ["netns", "add", inetNs]);
    await sh("ip", ["link", "add", inetHost, "type", "veth", "peer", "name", "eth0", "netns", inetNs]);
    await sh("ip", ["addr", "add", `${hostAddr}/30`, "dev", inetHost]);
    await sh("ip", ["link", "set", inetHost, "up"]);
    await sh("ip", ["-n", inetNs, "addr", "add", `${inetAddr}/30`, "dev", "eth0"]);
    await sh("ip", ["-n", inetNs, "link", "set", "eth0", "up"]);
    await sh("ip", ["-n", inetNs, "link", "set", "lo", "up"]);
    const now = await snapshot();
    expect(now.links).toContainEqual({ kind: "veth", a: `host:${inetHost}`, b: `netns:${inetNs}:eth0` });
    const e = explain(now, name("def"), inetNs);
    expect(e.verdict).toBe("delivered");
    const masquerade = e.hops.find((h) => h.kind === "nat")?.rule;
    expect(masquerade?.text).toMatch(/^-A POSTROUTING -s 172\.17\.0\.0\/16 ! -o docker0 -j MASQUERADE$/);
    const proof = await prove(name("def"), inetNs);
    expect(proof.probe.exitCode).toBe(0);
    expect(proof.confirmed.map((r) => r.text)).toContain(masquerade?.text);
  });

  it("refuses to prove towards anything the project did not create", async () => {
    await expect(prove(name("def"), name("unrel"))).rejects.toThrow(/Not sending a packet/);
    await expect(prove("host", "192.0.2.200")).rejects.toThrow(/Not sending a packet/);
  });

  it("docker-net-lab explain prints the hops and snapshot --svg/--html write the picture and tables", async () => {
    const explained = await runCli(["explain", name("usr"), name("def")]);
    expect(explained.exitCode).toBe(0);
    expect(explained.stdout).toMatch(/DOCKER-ISOLATION-STAGE-2 .*-j DROP/);
    expect(explained.stdout.trim().split("\n").at(-1)).toBe("=> dropped");
    const dir = await mkdtemp(join(tmpdir(), "dnl-t5-"));
    const drawn = await runCli(["snapshot", "--svg", join(dir, "t.svg"), "--html", join(dir, "t.html")]);
    expect(drawn.exitCode).toBe(0);
    expect(await readFile(join(dir, "t.svg"), "utf8")).toContain(`aria-label="container:${name("def")}"`);
    expect(await readFile(join(dir, "t.html"), "utf8")).toMatch(/<caption[^>]*>Interfaces<\/caption>/);
    await rm(dir, { recursive: true, force: true });
    const bad = await runCli(["explain", "host", "nobody-here"]);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain("unable to find nobody-here");
  });
});
