// Pure topology functions on synthetic hosts: links, NAT, diff, explain (no engine needed).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIptablesSave } from "../../src/parse/iptables-save.js";
import { diffTopology, describeDiff, otherNames, relatedNames, scopeDiff, summarizeDiff } from "../../src/topology/diff.js";
import { describeExplanation, explain, resolvePlace, routeLookup } from "../../src/topology/explain.js";
import { walkChain } from "../../src/topology/iptables-eval.js";
import { allLinks, vethLinks } from "../../src/topology/links.js";
import { natView } from "../../src/topology/nat.js";
import { bridgedHost, iface, ns, route, topologyOf } from "./synthetic.js";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const ports = { web: { "80/tcp": [{ hostIp: "0.0.0.0", hostPort: "8080" }] } };
const members: [string, "bridge" | "user", number][] = [
  ["web", "bridge", 2],
  ["client", "bridge", 3],
  ["other", "user", 2],
];

describe("links", () => {
  it("vethLinks(host, others) pairs each container eth0 with the host veth whose ifindex it names, even when ifindexes repeat across namespaces", () => {
    const topology = bridgedHost(Array.from({ length: 15 }, (_, i) => [`c${i}`, "bridge", i + 2] as [string, "bridge", number]));
    const veths = topology.links.filter((l) => l.kind === "veth");
    expect(veths).toHaveLength(15);
    for (const [i, link] of veths.entries()) expect(link).toEqual({ kind: "veth", a: `host:veth${String(i).padStart(4, "0")}ab`, b: `container:c${i}:eth0` });
  });

  it("vethLinks pairs two ends living in the same namespace by name (`vin1@vin0`) and ignores a veth whose peer is elsewhere", () => {
    const netns = ns("netns", "dnl-x", [
      iface(5, "vin1", { kind: "veth", link: "vin0" }),
      iface(6, "vin0", { kind: "veth", link: "vin1" }),
      iface(7, "lost", { kind: "veth", peerIfindex: 99, linkNetnsid: 0 }),
    ]);
    const links = vethLinks(ns("host", "host", [iface(1, "lo")]), [netns]);
    expect(links).toEqual([{ kind: "veth", a: "netns:dnl-x:vin0", b: "netns:dnl-x:vin1" }]);
  });

  it("allLinks finds bridge ports, macvlan children of a host parent and a vxlan's underlay", () => {
    const host = ns("host", "host", [
      iface(1, "lo"),
      iface(9, "dnl-up0", { kind: "veth", peerIfindex: 2, linkNetnsid: 1 }),
      iface(3, "docker0", { kind: "bridge" }),
      iface(10, "vethaa", { kind: "veth", master: "docker0", peerIfindex: 44, linkNetnsid: 2 }),
    ]);
    const lan = ns("netns", "dnl-lan", [
      iface(2, "eth0", { kind: "veth", peerIfindex: 9, linkNetnsid: 0 }),
      iface(3, "vx1", { kind: "vxlan", link: "eth0", kindData: { id: 42 } }),
    ]);
    const mac = ns("container", "m1", [iface(5, "eth0", { kind: "macvlan", peerIfindex: 9, linkNetnsid: 0 })]);
    const links = allLinks([host, lan, mac]);
    expect(links).toContainEqual({ kind: "veth", a: "host:dnl-up0", b: "netns:dnl-lan:eth0" });
    expect(links).toContainEqual({ kind: "bridge-port", a: "host:docker0", b: "host:vethaa" });
    expect(links).toContainEqual({ kind: "macvlan", a: "host:dnl-up0", b: "container:m1:eth0" });
    expect(links).toContainEqual({ kind: "vxlan", a: "netns:dnl-lan:eth0", b: "netns:dnl-lan:vx1" });
  });
});

describe.each(["iptables-20.10.txt", "iptables-28.txt"])("NAT from %s", (file) => {
  const topology = bridgedHost(members, { iptables: fixture(file), ports });

  it("natView joins the published port to its DNAT rule (with counters), the container address and the ACCEPT rule", () => {
    const [published] = topology.nat?.published ?? [];
    expect(published).toMatchObject({
      container: "web",
      network: "bridge",
      protocol: "tcp",
      hostIp: "0.0.0.0",
      hostPort: 8080,
      containerIp: "172.17.0.2",
      containerPort: 80,
    });
    expect(published?.dnat).toMatchObject({ table: "nat", chain: "DOCKER", target: "DNAT", packets: 2, bytes: 120 });
    expect(published?.accept?.text).toBe("-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT");
    expect(published?.hairpin === null).toBe(file.includes("28"));
  });

  it("natView lists one MASQUERADE per bridge subnet with the bridge it excludes", () => {
    expect(topology.nat?.masquerade.map((m) => [m.subnet, m.exceptOut, m.network, m.rule.packets])).toEqual([
      ["10.10.0.0/24", "br-0123456789ab", "user-net", 3],
      ["172.17.0.0/16", "docker0", "bridge", 4],
    ]);
  });

  it("natView collects the isolation chains of either engine generation and the FORWARD policy", () => {
    const chains = new Set(topology.nat?.filter.isolation.map((r) => r.chain));
    expect(chains.has("DOCKER-ISOLATION-STAGE-2")).toBe(true);
    expect(chains.has("DOCKER-FORWARD")).toBe(file.includes("28"));
    expect(topology.nat?.filter.forwardPolicy).toBe("DROP");
  });

  it("explain(host -> 192.168.1.10:8080) goes through nat OUTPUT, the DNAT rule, docker0 and web's veth", () => {
    const e = explain(topology, "host", "192.168.1.10:8080");
    expect(e.verdict).toBe("delivered");
    expect(e.reached).toBe("container:web");
    expect(e.hops.filter((h) => h.kind === "nat").map((h) => h.rule?.target)).toEqual(["DNAT"]);
    expect(e.hops.map((h) => h.text)).toContain("bridge docker0 forwards the frame to port veth0000ab");
  });

  it("explain(client -> web:80) on one bridge is switched by docker0 and accepted by the bridge rule", () => {
    const e = explain(topology, "client", "web:80");
    expect(e.verdict).toBe("delivered");
    expect(e.hops.some((h) => h.kind === "bridge" && h.text.includes("same bridge"))).toBe(true);
    expect(e.hops.some((h) => h.kind === "route" && h.where === "host")).toBe(false);
  });

  it("explain(other -> web) across bridges is routed by the host and dropped by DOCKER-ISOLATION-STAGE-2", () => {
    const e = explain(topology, "other", "web");
    expect(e.verdict).toBe("dropped");
    const last = e.hops.filter((h) => h.rule).at(-1);
    expect(last?.rule?.text).toBe("-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP");
    expect(describeExplanation(e)).toMatch(/=> dropped$/);
  });
});

describe("explain to a TEST-NET namespace", () => {
  it("explain(web -> netns:dnl-inet) routes via docker0, is MASQUERADEd to the host's address and delivered", () => {
    const base = bridgedHost(members);
    const host = base.namespaces[0]!;
    const hostNs = {
      ...host,
      interfaces: [...host.interfaces, iface(50, "dnl-inet0", { kind: "veth", peerIfindex: 2, linkNetnsid: 9, ip: "203.0.113.1/24" })],
      routes: [...host.routes, route("203.0.113.0/24", { dev: "dnl-inet0", scope: "link", src: "203.0.113.1" })],
    };
    const inet = ns(
      "netns",
      "dnl-inet",
      [iface(1, "lo", { ip: "127.0.0.1/8" }), iface(2, "eth0", { kind: "veth", peerIfindex: 50, linkNetnsid: 0, ip: "203.0.113.7/24" })],
      [route("203.0.113.0/24", { dev: "eth0" })],
    );
    const topology = topologyOf([hostNs, ...base.namespaces.slice(1), inet], base.networks, base.containers, fixture("iptables-20.10.txt"));
    const e = explain(topology, "web", "dnl-inet");
    expect(e.verdict).toBe("delivered");
    expect(e.reached).toBe("netns:dnl-inet");
    expect(e.hops.find((h) => h.kind === "nat")?.rule?.text).toBe("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE");
    expect(e.hops.some((h) => h.text === "source rewritten to 203.0.113.1 (MASQUERADE)")).toBe(true);
  });

  it("resolvePlace refuses names it does not know and routeLookup picks the longest prefix", () => {
    const topology = bridgedHost(members);
    expect(() => resolvePlace(topology, "nobody", "to")).toThrow(/unable to find nobody/);
    expect(routeLookup(topology.namespaces[0]!, "10.10.0.9")?.dev).toBe("br-0123456789ab");
    expect(routeLookup(topology.namespaces[0]!, "198.51.100.1")?.dst).toBe("default");
  });

  it("walkChain treats a match it cannot evaluate as not matching and reports it", () => {
    const tables = parseIptablesSave("*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m recent --rcheck -j ACCEPT\nCOMMIT\n").value;
    const result = walkChain(tables, "filter", "FORWARD", { src: "10.0.0.1", dst: "10.0.0.2", protocol: "icmp", dport: null, in: "a", out: "b", local: [] });
    expect(result.verdict).toBe("DROP");
    expect(result.unknown).toEqual(["-m recent"]);
  });
});

describe("diff", () => {
  const iptables = fixture("iptables-20.10.txt");
  const after = bridgedHost(members, { iptables, ports });
  // The same host before `docker run -p 8080:80 web`: no web namespace, container, host veth or rules.
  const rest = bridgedHost(members, { iptables: iptables.replace(/^.*(8080|dport 80).*$/gm, "") });
  const host = rest.namespaces[0]!;
  const before = topologyOf(
    [{ ...host, interfaces: host.interfaces.filter((i) => i.name !== "veth0000ab") }, ...rest.namespaces.slice(1).filter((n) => n.name !== "web")],
    rest.networks,
    rest.containers.filter((c) => c.name !== "web"),
    iptables.replace(/^.*(8080|dport 80).*$/gm, ""),
  );

  it("diffTopology(before, after) reports the new container, its veth on docker0, its published port and its rules", () => {
    const diff = diffTopology(before, after);
    const keys = diff.changes.map((c) => `${c.change} ${c.subject} ${c.key}`);
    expect(keys).toContain("added container web");
    expect(keys).toContain("added namespace container:web");
    expect(keys).toContain("added published-port tcp 0.0.0.0:8080 -> 172.17.0.2:80");
    expect(diff.changes.filter((c) => c.subject === "rule" && c.change === "added").map((c) => c.detail)).toContain(
      "iptables -t nat -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80",
    );
    expect(diff.highlight).toEqual(expect.arrayContaining(["web", "docker0"]));
  });

  it("describeDiff and summarizeDiff say it in words; an unchanged host says `No change.`", () => {
    const diff = diffTopology(before, after);
    expect(summarizeDiff(diff)).toMatch(/^added container web .*172\.17\.0\.2 on bridge.*published port 0\.0\.0\.0:8080\/tcp -> web 172\.17\.0\.2:80/);
    expect(describeDiff(diff).split("\n")[0]).toMatch(/^\d+ added, 0 removed, 0 changed$/);
    expect(describeDiff(diffTopology(after, after))).toBe("No change.");
  });

  it("scopeDiff(diff, relatedNames(after, {containers})) keeps one lab's changes and drops another session's", () => {
    const crowded = bridgedHost([...members, ["stranger", "bridge", 9]], { iptables, ports });
    const diff = diffTopology(before, crowded);
    expect(diff.changes.some((c) => c.key === "stranger")).toBe(true);
    const words = relatedNames(crowded, { containers: ["web"] });
    expect(words).toEqual(expect.arrayContaining(["web", "172.17.0.2", "veth0000ab", "docker0", "bridge"]));
    const mine = scopeDiff(diff, words, otherNames(crowded, { containers: ["web"] }));
    expect(mine.changes.some((c) => c.key === "web")).toBe(true);
    expect(mine.changes.filter((c) => c.names.includes("stranger") || c.detail.includes("172.17.0.9")).map((c) => `${c.subject} ${c.key} ${c.names}`)).toEqual(
      [],
    );
    expect(diff.changes.find((c) => c.subject === "link" && c.key === "bridge-port host:docker0 host:veth0003ab")?.names).toContain("stranger");
    expect(mine.changes.some((c) => c.subject === "published-port")).toBe(true);
  });

  it("diffTopology reports rule counters that moved between two snapshots of the same rules", () => {
    const bumped = bridgedHost(members, { iptables: iptables.replace("[2:120] -A DOCKER ! -i docker0", "[3:180] -A DOCKER ! -i docker0"), ports });
    const diff = diffTopology(after, bumped);
    expect(diff.changes).toEqual([]);
    expect(diff.counters.map((c) => [c.rule.chain, c.packets, c.bytes])).toEqual([["DOCKER", 1, 60]]);
  });
});

describe("natView on recorded output of other engines (test/fixtures/parse/iptables-save)", () => {
  const recorded = (name: string): string => readFileSync(new URL(`../fixtures/parse/iptables-save/${name}`, import.meta.url), "utf8");

  it("natView(Docker 26.1 save) finds both MASQUERADE subnets, the hairpin rules and the stage-1/2 isolation rules", () => {
    const view = natView(bridgedHost([]), parseIptablesSave(recorded("counters--docker-26.1.txt")).value, []);
    expect(view.masquerade.map((m) => [m.subnet, m.exceptOut])).toEqual([
      ["10.232.8.0/24", "br-2252c0417663"],
      ["172.17.0.0/16", "docker0"],
    ]);
    expect(view.filter.isolation.map((r) => r.chain)).toEqual([...Array(3).fill("DOCKER-ISOLATION-STAGE-1"), ...Array(3).fill("DOCKER-ISOLATION-STAGE-2")]);
    expect(view.rules.filter((r) => r.target === "DNAT")).toHaveLength(3);
  });

  it("natView(Docker 28 docs layout) gathers DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT and DOCKER-INTERNAL as isolation rules", () => {
    const view = natView(bridgedHost([]), parseIptablesSave(recorded("docker-28-chains--docker-docs-layout.txt")).value, []);
    expect(new Set(view.filter.isolation.map((r) => r.chain))).toEqual(new Set(["DOCKER-BRIDGE", "DOCKER-CT", "DOCKER-FORWARD"]));
    expect(view.filter.forwardPolicy).toBe("DROP");
  });
});

describe("natView rule list", () => {
  it("natView(parsed 20.10-layout save) keeps every nat and filter rule with its position in the chain", () => {
    const view = natView(bridgedHost(members), parseIptablesSave(fixture("iptables-20.10.txt")).value, []);
    const nat = view.rules.filter((r) => r.table === "nat" && r.chain === "POSTROUTING");
    expect(nat.map((r) => r.position)).toEqual([1, 2, 3]);
    expect(view.rules).toHaveLength(8 + 18);
  });
});
