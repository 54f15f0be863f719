// Lab 08's judges on facts recorded from its private engine (test/fixtures/facts/lab08-*.json: the engine's own
// snapshot, its swarm state through the same adapter, the overlay namespace's links, Docker 20.10): each judge passes on
// the answer key's facts, fails on the blank notebook's with its first hint level, and targeted edits (the swarm's
// state, the overlay's flags, an MTU, the path into the overlay, a ping by name) flip exactly the checks they should,
// with their exact message and hint. No engine, no root.
import { describe, expect, it } from "vitest";
import { type Lab08Probes, lab08, planOf } from "../../src/labs/defs/lab08-overlay.js";
import type { LabFacts } from "../../src/labs/facts.js";
import { failingPrecondition } from "../../src/labs/preconditions.js";
import { LabSession, newSessionId } from "../../src/labs/session.js";
import { type Draft, edited, failing, judgeAll, loadFacts } from "./recorded-facts.js";

const solution = loadFacts<Lab08Probes>("08", "solution");
const blank = loadFacts<Lab08Probes>("08", "blank");
const { facts } = solution;
const plan = planOf(facts.params, facts)!;
const result = (f: LabFacts<Lab08Probes>, id: string) => judgeAll(lab08, f)[id]!;
const overlay = (d: Draft<LabFacts<Lab08Probes>>) => d.topology!.networks.find((n) => n.name === plan.network)!;
const answer = (value: unknown) =>
  edited(facts, (d) => {
    d.answers = { ...d.answers, "c1-overlay-path": value };
  });

describe("lab 08's judges on the private engine's recorded facts", () => {
  it("were recorded from the private engine for the answer key (all pass) and the blank notebook (all fail)", () => {
    expect(solution.recorded).toMatchObject({
      command: "docker-net-lab labs run 08 --solutions --record-facts DIR",
      engine: expect.stringMatching(/^20\.10\./),
    });
    expect(facts.probes.swarm).toEqual({ localNodeState: "active", controlAvailable: true, nodeAddr: plan.advertise });
    expect(failing(lab08, facts)).toEqual([]);
    expect(failing(lab08, blank.facts)).toEqual(lab08.checks.map((c) => c.id));
  });

  it("the blank notebook: no swarm yet, nothing on the overlay; the first hints name what to do, never the command", () => {
    const results = judgeAll(lab08, blank.facts);
    expect(results["08.swarm"]).toMatchObject({
      message: "The engine's swarm state is inactive.",
      hint: "Overlays need swarm mode: one node can be a swarm on its own (docker swarm init, on the private engine). It needs the address other nodes would reach it at, and a pool for swarm networks' subnets.",
      hintLevels: 2,
    });
    expect(results["08.vxlan"]?.message).toBe("c1 is not running on the overlay, or the overlay's namespace is not there yet.");
    for (const r of Object.values(results)) expect(r.hint).not.toMatch(/^(engine\.sh`|await )/);
  });

  it("the swarm left, unread, or advertising another address: 08.swarm alone fails", () => {
    const left = edited(facts, (d) => {
      d.probes.swarm!.localNodeState = "inactive";
    });
    expect(failing(lab08, left)).toEqual(["08.swarm"]);
    const unread = edited(facts, (d) => {
      d.probes.swarm = null;
    });
    expect(result(unread, "08.swarm").message).toBe("The engine's swarm state is unknown.");
    const elsewhere = edited(facts, (d) => {
      d.probes.swarm!.nodeAddr = "10.9.9.9";
    });
    expect(result(elsewhere, "08.swarm")).toMatchObject({
      message: `The swarm advertises 10.9.9.9, not ${plan.advertise}.`,
      hint: `Use --advertise-addr ${plan.advertise} (docker0 in the engine's namespace): an address that exists there.`,
    });
  });

  it("an overlay that is not attachable, or on another subnet: 08.overlay-network says which", () => {
    const closed = edited(facts, (d) => {
      overlay(d).attachable = false;
    });
    expect(failing(lab08, closed)).toEqual(["08.overlay-network"]);
    expect(result(closed, "08.overlay-network").message).toBe(
      `${plan.network} is not attachable: plain \`docker run\` containers cannot join it, only swarm services.`,
    );
    const other = edited(facts, (d) => {
      overlay(d).ipam.config[0]!.subnet = "10.9.0.0/24";
    });
    expect(result(other, "08.overlay-network")).toMatchObject({
      message: `${plan.network}'s subnet is 10.9.0.0/24, not ${plan.overlay}.`,
      hint: `Recreate it with --subnet ${plan.overlay}.`,
    });
  });

  it("c2's overlay interface at 1500: 08.overlay-containers explains the 50 bytes", () => {
    const mtu = edited(facts, (d) => {
      const ns = d.topology!.namespaces.find((n) => n.containers.includes(plan.c2))!;
      ns.interfaces.find((i) => i.name === "eth0")!.mtu = 1500;
    });
    expect(failing(lab08, mtu)).toEqual(["08.overlay-containers"]);
    expect(result(mtu, "08.overlay-containers")).toMatchObject({
      message: `${plan.c2}'s overlay interface has MTU 1500.`,
      hint: "On an overlay, Docker sets 1450: 50 bytes less than the underlay, for the VXLAN header. Did you set another MTU option?",
    });
  });

  it("the path into the overlay: a wrong peer, bridge or VNI each fails 08.vxlan with its own message", () => {
    const { peer, bridge, vni } = facts.answers["c1-overlay-path"] as { peer: string; bridge: string; vni: number };
    const c1 = facts.topology!.namespaces.find((n) => n.containers.includes(plan.c1))!.interfaces.find((i) => i.name === "eth0")!;
    expect(failing(lab08, answer({ peer: "veth0", bridge, vni }))).toEqual(["08.vxlan"]);
    expect(result(answer({ peer: "veth0", bridge, vni }), "08.vxlan").message).toBe(
      `"veth0" is not the peer of c1's overlay interface (@if${c1.peerIfindex}).`,
    );
    expect(result(answer({ peer, bridge: "docker0", vni }), "08.vxlan").message).toBe(`${peer} is plugged into another bridge than "docker0".`);
    expect(result(answer({ peer, bridge, vni: vni + 1 }), "08.vxlan").message).toBe(`${vni + 1} is not the VXLAN id of vxlan0.`);
    expect(result(answer(undefined), "08.vxlan").message).toBe("No answer recorded for c1-overlay-path.");
    const unread = edited(facts, (d) => {
      d.probes.overlayLinks = null;
    });
    expect(result(unread, "08.vxlan")).toMatchObject({
      message: "c1 is not running on the overlay, or the overlay's namespace is not there yet.",
      hint: "Do exercise 2 first: Docker makes the overlay's namespace when the first container joins.",
    });
  });

  it("ipvlan recorded against what the kernel did: 08.ipvlan-detected says what the kernel said", () => {
    const truth = facts.probes.ipvlan!;
    const wrong = edited(facts, (d) => {
      d.answers = { ...d.answers, "ipvlan-available": !truth.available };
    });
    expect(failing(lab08, wrong)).toEqual(["08.ipvlan-detected"]);
    expect(result(wrong, "08.ipvlan-detected")).toMatchObject({
      message: `You recorded ${!truth.available}, but on this kernel ipvlan is ${truth.available ? "available" : `not available (${truth.error})`}.`,
      evidence: { truth },
    });
  });

  it("c3 still cannot ping c1 by name: the named cause is not fixed yet; c1 not reaching c2 flips only the hidden check", () => {
    const apart = edited(facts, (d) => {
      d.probes.pings = { ...d.probes.pings, "c3>c1": false };
    });
    expect(failing(lab08, apart)).toEqual(["08.c3-fixed"]);
    expect(result(apart, "08.c3-fixed")).toMatchObject({
      message: `You named the cause ("other-overlay"), but it is not fixed yet: c3 still cannot ping ${plan.c1} by name.`,
      hint: "Compare c3 with c1 as Docker sees them: which networks each is on (docker inspect), and what each network is (docker network inspect: driver, subnet, the VXLAN id in its options).",
    });
    const silent = edited(facts, (d) => {
      d.probes.pings = { ...d.probes.pings, "c1>c2": false };
    });
    expect(failing(lab08, silent)).toEqual(["08.overlay-dns-ping"]);
    expect(result(silent, "08.overlay-dns-ping").message).toBe(`c1 could not ping ${plan.c2} by name.`);
  });

  it("before setup (no subnets chosen): every check that needs the plan says the lab is not set up", () => {
    const unset = edited(facts, (d) => {
      d.params = {};
    });
    expect(failing(lab08, unset)).toEqual(["08.swarm", "08.overlay-network", "08.overlay-containers", "08.vxlan", "08.c3-fixed", "08.overlay-dns-ping"]);
    expect(result(unset, "08.swarm")).toMatchObject({ message: "The lab is not set up.", hint: "Run the setup cell at the top of the notebook first." });
  });

  it("without the private engine, the lab's one precondition refuses every check before anything is gathered", async () => {
    const session = new LabSession(newSessionId(), "08");
    const refusal = await failingPrecondition(lab08, { session, image: "unused", log: () => undefined });
    expect(refusal).toEqual({
      id: "private-engine",
      message: "The private engine is not running.",
      hint: "Run the setup cell at the top of the notebook first.",
    });
  });
});
