// explain on topologies recorded from real engines (test/topology/fixtures/snapshots/record.mjs, run inside each
// matrix engine's network namespace): for every packet the recorder sent, explain's verdict is what the packet did,
// and the path goes through the tables each engine generation uses.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeExplanation, explain } from "../../src/topology/explain.js";
import type { Topology } from "../../src/topology/model.js";

interface Meta {
  readonly docker: string;
  readonly firewallBackend: string;
  readonly addresses: { readonly a1: string; readonly b1: string };
  readonly packets: Readonly<Record<string, boolean>>;
}
const fixture = (name: string) => new URL(`./fixtures/snapshots/${name}`, import.meta.url);
const load = (name: string): { topology: Topology; meta: Meta } => ({
  topology: JSON.parse(readFileSync(fixture(`${name}.json`), "utf8")) as Topology,
  meta: JSON.parse(readFileSync(fixture(`${name}.meta.json`), "utf8")) as Meta,
});
const recordings = ["docker-20.10", "docker-28.5", "docker-28.5-nftables"];
const path = (topology: Topology, packet: string) => {
  const [from, to] = packet.split(" -> ") as [string, string];
  return explain(topology, from, to);
};
// The rules a path met, as `label: rule` lines.
const met = (topology: Topology, packet: string): string[] =>
  path(topology, packet)
    .hops.filter((h) => h.kind === "rule" || h.kind === "nat")
    .map((h) => h.text);

describe.each(recordings)("explain on the topology recorded from %s", (name) => {
  const { topology, meta } = load(name);

  it.each(Object.entries(meta.packets))("%s: explain says what the recorded packet did (answered: %s)", (packet, answered) => {
    const e = path(topology, packet);
    expect(e.verdict, describeExplanation(e)).toBe(answered ? "delivered" : "dropped");
  });

  it("the deciding drop of a packet that was dropped counted it (its recorded counter is not zero)", () => {
    for (const [packet, answered] of Object.entries(meta.packets)) {
      if (answered) continue;
      const e = path(topology, packet);
      const drop = e.hops.find((h) => h.kind === "drop");
      expect(drop?.rule, describeExplanation(e)).toBeDefined();
      expect(drop?.rule?.packets, describeExplanation(e)).toBeGreaterThan(0);
    }
  });
});

describe("each engine generation's tables on the path", () => {
  it("Docker 20.10: a packet from outside to a container's address is forwarded and accepted by the DOCKER chain; another bridge drops in DOCKER-ISOLATION-STAGE-2", () => {
    const { topology, meta } = load("docker-20.10");
    expect(met(topology, "dnl-rec-out -> dnl-rec-a1:80")).toContain(
      `filter FORWARD: -A DOCKER -d ${meta.addresses.a1}/32 ! -i ${bridgeOf(topology, "dnl-rec-neta")} -o ${bridgeOf(topology, "dnl-rec-neta")} -p tcp -m tcp --dport 80 -j ACCEPT`,
    );
    const cross = path(topology, "dnl-rec-a1 -> dnl-rec-b1");
    expect(cross.hops.find((h) => h.kind === "drop")?.rule?.chain).toBe("DOCKER-ISOLATION-STAGE-2");
    expect(topology.nat?.tables.find((t) => t.name === "raw")?.chains.flatMap((c) => c.rules) ?? []).toEqual([]);
  });

  it("Docker 28.5 (iptables): raw PREROUTING drops what is addressed to a container from outside its bridge, before nat and filter; forwarded packets pass DOCKER-USER and DOCKER-FORWARD", () => {
    const { topology, meta } = load("docker-28.5");
    for (const [packet, address] of [
      ["dnl-rec-out -> dnl-rec-a1:80", meta.addresses.a1],
      ["dnl-rec-a1 -> dnl-rec-b1", meta.addresses.b1],
    ] as const) {
      const e = path(topology, packet);
      const drop = e.hops.find((h) => h.kind === "drop");
      expect(drop?.text, describeExplanation(e)).toBe("dropped in raw PREROUTING");
      expect(drop?.rule?.text, describeExplanation(e)).toMatch(
        new RegExp(`^-A PREROUTING -d ${address.replace(/\./g, "\\.")}/32 ! -i br-[0-9a-f]{12} -j DROP$`),
      );
      expect(
        e.hops.some((h) => h.text.startsWith("filter ")),
        "no filter rule before the raw drop",
      ).toBe(false);
    }
    const published = met(topology, "dnl-rec-out -> 198.51.100.1:18081");
    // Docker 28's DOCKER-USER is empty (no RETURN rule): the packet goes in and comes back.
    expect(published.slice(2, 4)).toEqual(["filter FORWARD: -A FORWARD -j DOCKER-USER", "filter FORWARD: -A FORWARD -j DOCKER-FORWARD"]);
    const notes = path(topology, "dnl-rec-out -> 198.51.100.1:18081")
      .hops.filter((h) => h.kind === "note")
      .map((h) => h.text);
    expect(notes).toEqual(expect.arrayContaining(["prerouting: raw PREROUTING -> nat PREROUTING", "forward: filter FORWARD", "postrouting: nat POSTROUTING"]));
    // DNAT happens after raw PREROUTING, so the published port's packet is not the container's address yet there.
    expect(published.findIndex((line) => line.startsWith("nat PREROUTING"))).toBeGreaterThanOrEqual(0);
    expect(published.some((line) => line.startsWith("raw PREROUTING"))).toBe(false);
  });

  it("Docker 28.5 with DOCKER_FIREWALL_BACKEND=nftables reports nftables but writes iptables rules: no docker-bridges table, and explain follows the iptables ones", () => {
    const { topology, meta } = load("docker-28.5-nftables");
    expect(meta.firewallBackend).toBe("nftables");
    expect(topology.nat?.nftables ?? []).toEqual([]);
    const e = path(topology, "dnl-rec-out -> dnl-rec-a1:80");
    expect(e.hops.find((h) => h.kind === "drop")?.text, describeExplanation(e)).toBe("dropped in raw PREROUTING");
    // Docker did not enable forwarding itself here, so it left the FORWARD policy alone, and it adds no DOCKER-USER jump.
    const forward = topology.nat?.tables.find((t) => t.name === "filter")?.chains.find((c) => c.name === "FORWARD");
    expect([forward?.policy, forward?.rules.map((r) => r.target)]).toEqual(["ACCEPT", ["DOCKER-FORWARD"]]);
  });
});

// The Linux bridge of a recorded network.
function bridgeOf(topology: Topology, network: string): string {
  const id = topology.networks.find((n) => n.name === network)?.id ?? "";
  return `br-${id.slice(0, 12)}`;
}
