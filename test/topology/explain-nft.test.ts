// explain on Docker 29's nftables layout, recorded from real nft (test/fixtures/nft-layouts/record.sh): the
// topology below is the one the recording built (namespace dnl-nft-rec as the host, bridges docker0 and bridge1,
// c1 = 192.0.2.2 publishing 8080 -> 80, c2 = 172.17.0.2, an outside namespace at 198.51.100.2), so the rules explain
// puts on each path must be the ones whose recorded counters moved when that traffic was sent.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseIptablesSave } from "../../src/parse/iptables-save.js";
import { parseNftJson } from "../../src/parse/nft-json.js";
import { parseNft } from "../../src/parse/nft.js";
import type { NftTable } from "../../src/parse/nft-model.js";
import { describeExplanation, explain } from "../../src/topology/explain.js";
import { hookChains } from "../../src/topology/firewall.js";
import { walkNftChain } from "../../src/topology/nft-eval.js";
import type { Topology } from "../../src/topology/model.js";
import { natView } from "../../src/topology/nat.js";
import { container, iface, network, ns, route, topologyOf } from "./synthetic.js";

const recorded = (format: "nft" | "nft-json", name: string): string =>
  readFileSync(new URL(`../fixtures/parse/${format}/${name}.txt`, import.meta.url), "utf8");
const docker29 = parseNftJson(recorded("nft-json", "docker-bridges-counters--nft-1.0.6")).value;

/** The recording's namespaces as a topology, with these nftables (and optionally iptables) tables. */
const recordingHost = (nftables: readonly NftTable[], iptables?: string): Topology => {
  const host = ns(
    "host",
    "host",
    [
      iface(1, "lo", { ip: "127.0.0.1/8" }),
      iface(2, "docker0", { ip: "172.17.0.1/16", kind: "bridge" }),
      iface(3, "bridge1", { ip: "192.0.2.1/24", kind: "bridge" }),
      iface(4, "vethc1", { kind: "veth", master: "bridge1", peerIfindex: 2, linkNetnsid: 1 }),
      iface(5, "vethc2", { kind: "veth", master: "docker0", peerIfindex: 2, linkNetnsid: 2 }),
      iface(6, "eth0", { ip: "198.51.100.1/24", kind: "veth", peerIfindex: 2, linkNetnsid: 3 }),
    ],
    [
      route("172.17.0.0/16", { dev: "docker0", scope: "link", src: "172.17.0.1" }),
      route("192.0.2.0/24", { dev: "bridge1", scope: "link", src: "192.0.2.1" }),
      route("198.51.100.0/24", { dev: "eth0", scope: "link", src: "198.51.100.1" }),
    ],
  );
  const c1 = ns(
    "container",
    "c1",
    [iface(1, "lo", { ip: "127.0.0.1/8" }), iface(2, "eth0", { ip: "192.0.2.2/24", kind: "veth", peerIfindex: 4, linkNetnsid: 0 })],
    [route("default", { gateway: "192.0.2.1", dev: "eth0" }), route("192.0.2.0/24", { dev: "eth0", scope: "link" })],
  );
  const c2 = ns(
    "container",
    "c2",
    [iface(1, "lo", { ip: "127.0.0.1/8" }), iface(2, "eth0", { ip: "172.17.0.2/16", kind: "veth", peerIfindex: 5, linkNetnsid: 0 })],
    [route("default", { gateway: "172.17.0.1", dev: "eth0" }), route("172.17.0.0/16", { dev: "eth0", scope: "link" })],
  );
  const ext = ns(
    "netns",
    "dnl-nft-ext",
    [iface(1, "lo", { ip: "127.0.0.1/8" }), iface(2, "eth0", { ip: "198.51.100.2/24", kind: "veth", peerIfindex: 6, linkNetnsid: 0 })],
    [route("198.51.100.0/24", { dev: "eth0", scope: "link" }), route("192.0.2.0/24", { gateway: "198.51.100.1", dev: "eth0" })],
  );
  const networks = [
    network("bridge", "aaaaaaaaaaaa0000", "172.17.0.0/16", "172.17.0.1"),
    network("bridge1", "bbbbbbbbbbbb0000", "192.0.2.0/24", "192.0.2.1", { options: { "com.docker.network.bridge.name": "bridge1" } }),
  ];
  const containers = [
    container("c1", { bridge1: "192.0.2.2/24" }, { ports: { "80/tcp": [{ hostIp: "0.0.0.0", hostPort: "8080" }] } }),
    container("c2", { bridge: "172.17.0.2/16" }),
  ];
  const base = topologyOf([host, c1, c2, ext], networks, containers);
  return { ...base, engineVersion: "29.0.0", nat: natView(base, iptables === undefined ? [] : parseIptablesSave(iptables).value, [], nftables) };
};

const topology = recordingHost(docker29);
const rulesOn = (from: string, to: string) =>
  explain(topology, from, to)
    .hops.filter((h) => h.rule)
    .map((h) => h.rule?.text);

describe("explain on Docker 29's nftables backend (recorded docker-bridges tables)", () => {
  it("explain(dnl-nft-ext -> c1:80) straight to the container's address is dropped by raw-PREROUTING's DROP DIRECT ACCESS, a rule whose counter moved", () => {
    const e = explain(topology, "dnl-nft-ext", "c1:80");
    expect(e.verdict).toBe("dropped");
    const drop = e.hops.find((h) => h.kind === "drop");
    expect(drop?.text).toBe("dropped in nft ip docker-bridges raw-PREROUTING");
    expect(drop?.rule).toMatchObject({ table: "ip docker-bridges", chain: "raw-PREROUTING", target: "DROP", packets: 3 });
    expect(describeExplanation(e)).toContain(
      'nft ip docker-bridges raw-PREROUTING: ip daddr 192.0.2.2 iifname != "bridge1" counter packets 3 bytes 204 drop comment "DROP DIRECT ACCESS"',
    );
  });

  it("explain(dnl-nft-ext -> 198.51.100.1:8080) is DNATed by nat-prerouting-and-output and accepted by bridge1's published-port rule, then delivered", () => {
    const e = explain(topology, "dnl-nft-ext", "198.51.100.1:8080");
    expect(e.verdict).toBe("delivered");
    expect(e.reached).toBe("container:c1");
    expect(e.hops.map((h) => h.text)).toContain("destination rewritten to 192.0.2.2:80");
    const rules = e.hops.filter((h) => h.kind === "rule" || h.kind === "nat").map((h) => h.rule);
    expect(rules.map((r) => `${r?.chain} ${r?.target}`)).toEqual([
      "nat-PREROUTING nat-prerouting-and-output",
      "nat-prerouting-and-output DNAT",
      "filter-FORWARD filter-forward-in__bridge1",
      "filter-forward-in__bridge1 ACCEPT",
      "nat-POSTROUTING nat-postrouting-in__bridge1",
    ]);
    // Every rule with a counter on this path counted the recorded connection.
    for (const rule of rules) if (rule?.text.includes("counter")) expect(rule.packets, rule.text).toBeGreaterThan(0);
  });

  it("explain(c2 -> c1) from the default bridge is dropped in raw-PREROUTING before any forwarding rule", () => {
    const e = explain(topology, "c2", "c1");
    expect(e.verdict).toBe("dropped");
    expect(e.hops.filter((h) => h.kind === "rule").map((h) => h.rule?.chain)).toEqual(["raw-PREROUTING"]);
  });

  it("explain(c1 -> dnl-nft-ext) leaves bridge1 through filter-forward-out__bridge1 and is MASQUERADEd to the host's address", () => {
    const e = explain(topology, "c1", "dnl-nft-ext");
    expect(e.verdict).toBe("delivered");
    expect(e.hops.some((h) => h.text === "source rewritten to 198.51.100.1 (MASQUERADE)")).toBe(true);
    expect(rulesOn("c1", "dnl-nft-ext")).toContain('oifname != "bridge1" ip saddr 192.0.2.0/24 counter packets 1 bytes 84 masquerade comment "MASQUERADE"');
  });

  it("explain(host -> 198.51.100.1:8080) goes through nat-OUTPUT (fib daddr type local) to the DNAT", () => {
    const e = explain(topology, "host", "198.51.100.1:8080");
    expect(e.verdict).toBe("delivered");
    expect(e.hops.filter((h) => h.rule).map((h) => h.text)[0]).toBe(
      "nft ip docker-bridges nat-OUTPUT: ip daddr != 127.0.0.0/8 fib daddr type local counter packets 1 bytes 60 jump nat-prerouting-and-output",
    );
  });

  it("with iptables' FORWARD policy still DROP (an engine migrated from iptables), the packet Docker's nftables rules accept is dropped", () => {
    const migrated = recordingHost(docker29, "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n");
    const e = explain(migrated, "dnl-nft-ext", "198.51.100.1:8080");
    expect(e.verdict).toBe("dropped");
    expect(e.hops.find((h) => h.kind === "drop")?.text).toBe("dropped in filter FORWARD by the chain's policy DROP");
  });

  it("the text and JSON forms of the ruleset explain the same path", () => {
    const fromText = recordingHost(parseNft(recorded("nft", "docker-bridges-counters--nft-1.0.6")).value);
    const a = explain(fromText, "dnl-nft-ext", "198.51.100.1:8080").hops.map((h) => h.text);
    const b = explain(topology, "dnl-nft-ext", "198.51.100.1:8080").hops.map((h) => h.text);
    // The two recordings were taken moments apart: only counters may differ.
    const noCounters = (lines: string[]) => lines.map((line) => line.replace(/packets \d+ bytes \d+/g, "packets N bytes N"));
    expect(noCounters(a)).toEqual(noCounters(b));
  });
});

describe("natView on the nftables backend", () => {
  it("joins the published port to its nftables DNAT, ACCEPT rules, lists MASQUERADE per subnet and the per-bridge drops", () => {
    const nat = topology.nat;
    expect(nat?.published).toHaveLength(1);
    expect(nat?.published[0]).toMatchObject({ container: "c1", hostPort: 8080, containerIp: "192.0.2.2", containerPort: 80, hairpin: null });
    expect(nat?.published[0]?.dnat?.text).toBe('iifname != "bridge1" tcp dport 8080 counter packets 2 bytes 120 dnat to 192.0.2.2:80 comment "DNAT"');
    expect(nat?.published[0]?.accept?.chain).toBe("filter-forward-in__bridge1");
    expect(nat?.masquerade.map((m) => [m.subnet, m.exceptOut, m.network])).toEqual([
      ["172.17.0.0/16", "docker0", "bridge"],
      ["192.0.2.0/24", "bridge1", "bridge1"],
    ]);
    expect(nat?.filter.isolation.map((r) => `${r.chain} ${r.text.replace(/.*comment /, "")}`)).toEqual([
      'filter-forward-in__docker0 "UNPUBLISHED PORT DROP"',
      'filter-forward-in__bridge1 "UNPUBLISHED PORT DROP"',
    ]);
    expect(nat?.filter.forwardPolicy).toBe("ACCEPT");
  });

  it("finds the hairpin (MASQ TO OWN PORT) of --userland-proxy=false and the drops of icc=false and --internal networks", () => {
    const tables = parseNftJson(recorded("nft-json", "docker-bridges-noproxy-internal--nft-1.0.6")).value;
    const base = topologyOf(
      [ns("host", "host", [iface(1, "lo", { ip: "127.0.0.1/8" })])],
      [network("web", "5f3c2a1b9d0e0000", "198.51.100.0/24", "198.51.100.1")],
      [container("web", { web: "198.51.100.2/24" }, { ports: { "80/tcp": [{ hostIp: "0.0.0.0", hostPort: "8080" }] } })],
    );
    const nat = natView(base, [], [], tables);
    expect(nat.published[0]?.hairpin?.text).toBe(
      'ip saddr 198.51.100.2 ip daddr 198.51.100.2 tcp dport 80 counter packets 0 bytes 0 masquerade comment "MASQ TO OWN PORT"',
    );
    expect(nat.filter.isolation.map((r) => r.text.replace(/.*comment /, ""))).toEqual([
      '"UNPUBLISHED PORT DROP"',
      '"ICC"',
      '"UNPUBLISHED PORT DROP"',
      '"INTERNAL NETWORK INGRESS"',
      '"INTERNAL NETWORK EGRESS"',
    ]);
  });
});

describe("hooks and the nftables evaluator", () => {
  it("hookChains orders iptables and nftables chains of one hook by priority (raw before nat)", () => {
    const fw = { iptables: parseIptablesSave("*raw\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n").value, nftables: docker29 };
    expect(hookChains(fw, "prerouting").map((c) => `${c.label} ${c.priority}`)).toEqual([
      "raw PREROUTING -300",
      "nft ip docker-bridges raw-PREROUTING -300",
      "nat PREROUTING -100",
      "nft ip docker-bridges nat-PREROUTING -100",
    ]);
  });

  it("walkNftChain looks a packet up in a verdict map, follows the jump and comes back when the chain has no verdict for it", () => {
    const [ip] = docker29;
    const packet = { src: "172.17.0.2", dst: "203.0.113.9", protocol: "icmp" as const, dport: null, in: "docker0", out: "eth0", local: [] };
    const result = walkNftChain(ip as NftTable, "filter-FORWARD", packet);
    expect(result.verdict).toBe("ACCEPT");
    expect(result.matched.map((r) => `${r.chain}: ${r.target}`)).toEqual([
      "filter-FORWARD: filter-forward-out__docker0",
      "filter-forward-out__docker0: ACCEPT",
    ]);
  });

  it("walkNftChain reports matches it cannot judge and treats them as not matching", () => {
    const [user] = parseNft(recorded("nft", "mixed-iptables-nft--nft-1.0.6")).value;
    const packet = { src: "10.0.0.5", dst: "192.0.2.7", protocol: "tcp" as const, dport: 22, in: "eth9", out: "eth8", local: [] };
    const result = walkNftChain(user as NftTable, "user-forward", packet);
    expect(result.unknown).toContain("tcp flags");
    expect(result.verdict).toBe("ACCEPT");
  });
});
