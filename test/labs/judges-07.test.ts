// Lab 07's judges on facts recorded from its private engine (test/fixtures/facts/lab07-*.json: the engine's own
// snapshot, its namespace as the "host", Docker 20.10): each judge passes on the answer key's facts, fails on the blank
// notebook's with its first hint level, and targeted edits (docker0's address, the pools, a network's options, an MTU,
// a static address) flip exactly the checks they should, with their exact message and hint. No engine, no root.
import { describe, expect, it } from "vitest";
import { type Lab07Probes, lab07, planOf } from "../../src/labs/defs/lab07-addressing.js";
import type { LabFacts } from "../../src/labs/facts.js";
import { failingPrecondition } from "../../src/labs/preconditions.js";
import { LabSession, newSessionId } from "../../src/labs/session.js";
import { type Draft, edited, failing, judgeAll, loadFacts } from "./recorded-facts.js";

const solution = loadFacts<Lab07Probes>("07", "solution");
const blank = loadFacts<Lab07Probes>("07", "blank");
const { facts } = solution;
const plan = planOf(facts.params, facts)!;
const name = (short: string) => `dnl-${facts.session}-07-${short}`;
const result = (f: LabFacts<Lab07Probes>, id: string) => judgeAll(lab07, f)[id]!;
const home = (d: Draft<LabFacts<Lab07Probes>>) => d.topology!.namespaces.find((n) => n.kind === "host")!;
const network = (d: Draft<LabFacts<Lab07Probes>>, short: string) => d.topology!.networks.find((n) => n.name === name(short))!;
const container = (d: Draft<LabFacts<Lab07Probes>>, short: string) => d.topology!.containers.find((c) => c.name === name(short))!;

describe("lab 07's judges on the private engine's recorded facts", () => {
  it("were recorded from the private engine (its namespace plays the host) for the answer key (all pass) and the blank notebook (all fail)", () => {
    expect(solution.recorded).toMatchObject({
      command: "docker-net-lab labs run 07 --solutions --record-facts DIR",
      engine: expect.stringMatching(/^20\.10\./),
    });
    expect(facts.topology!.namespaces.find((n) => n.kind === "host")?.name).toBe(`engine namespace dnl${facts.session}e07`);
    expect(failing(lab07, facts)).toEqual([]);
    expect(failing(lab07, blank.facts)).toEqual(lab07.checks.map((c) => c.id));
  });

  it("the blank notebook: the fresh engine's docker0, no networks yet; first hints without the command", () => {
    const results = judgeAll(lab07, blank.facts);
    const bPlan = planOf(blank.facts.params, blank.facts)!;
    expect(results["07.bip"]).toMatchObject({
      message: `docker0 (in the engine's namespace) is 172.17.0.1/16, not ${bPlan.bip}.`,
      hint: "dockerd's options are fixed while it runs: restart the private engine with two of them, docker0's address (bip) and a default address pool (a base and a size).",
      hintLevels: 3,
    });
    expect(results["07.safe-static"]).toMatchObject({ message: "The custom network of exercise 3 is missing.", hint: "Do exercise 3 first." });
    for (const r of Object.values(results)) expect(r.hint).not.toMatch(/^(engine\.sh`|await )/);
  });

  it("docker0 without the new address, or the engine without the pool: 07.bip alone fails", () => {
    const oldBip = edited(facts, (d) => {
      const inet = home(d)
        .interfaces.find((i) => i.name === "docker0")!
        .addresses.find((a) => a.family === "inet")!;
      inet.address = "172.17.0.1";
      inet.prefix = 16;
    });
    expect(failing(lab07, oldBip)).toEqual(["07.bip"]);
    expect(result(oldBip, "07.bip").message).toBe(`docker0 (in the engine's namespace) is 172.17.0.1/16, not ${plan.bip}.`);
    const noPool = edited(facts, (d) => {
      d.probes.engineOptions = { bip: plan.bip };
    });
    expect(failing(lab07, noPool)).toEqual(["07.bip"]);
    expect(result(noPool, "07.bip")).toMatchObject({ message: "The engine's default address pools are [].", evidence: { pools: [] } });
  });

  it("the pooled network with a subnet of its own, or a wrong answer: 07.address-pool", () => {
    const own = edited(facts, (d) => {
      network(d, "pooled").ipam.config[0]!.subnet = "10.9.0.0/24";
    });
    expect(failing(lab07, own)).toEqual(["07.address-pool"]);
    expect(result(own, "07.address-pool")).toMatchObject({
      message: `${name("pooled")}'s subnet is 10.9.0.0/24, not a /26 of ${plan.pool}.`,
      hint: "Did you pass --subnet? Remove the network and create it without one, after restarting the engine with the pool (07.bip).",
    });
    const wrong = edited(facts, (d) => {
      d.answers = { ...d.answers, "pooled-subnet": "10.218.0.0/26" };
    });
    expect(result(wrong, "07.address-pool").message).toBe(`You recorded 10.218.0.0/26, but ${name("pooled")}'s subnet is ${facts.answers["pooled-subnet"]}.`);
  });

  it("the custom network without --ip-range and the MTU option, or without its bridge: 07.custom-network lists what is wrong", () => {
    const loose = edited(facts, (d) => {
      network(d, "custom").ipam.config[0]!.ipRange = null;
      delete network(d, "custom").options["com.docker.network.driver.mtu"];
    });
    expect(failing(lab07, loose)).toEqual(["07.custom-network"]);
    expect(result(loose, "07.custom-network")).toMatchObject({
      message: `${name("custom")} has the wrong ip-range none (want ${plan.ipRange}), mtu option none (want 1400).`,
      hint: "Networks cannot be changed in place: remove its containers and the network, then create it again.",
    });
    const noBridge = edited(facts, (d) => {
      home(d).interfaces = home(d).interfaces.filter((i) => i.name !== plan.bridge);
    });
    expect(result(noBridge, "07.custom-network").message).toBe(`There is no bridge ${plan.bridge} in the engine's namespace.`);
  });

  it("dyn's eth0 at 1500, or fixed at another address: 07.static-and-range names which", () => {
    const mtu = edited(facts, (d) => {
      d.topology!.namespaces.find((n) => n.containers.includes(name("dyn")))!.interfaces.find((i) => i.name === "eth0")!.mtu = 1500;
    });
    expect(failing(lab07, mtu)).toEqual(["07.static-and-range"]);
    expect(result(mtu, "07.static-and-range")).toMatchObject({
      message: "eth0 inside dyn has MTU 1500, not 1400.",
      hint: "Create the network with -o com.docker.network.driver.mtu=1400 (07.custom-network).",
    });
    const moved = edited(facts, (d) => {
      container(d, "fixed").networkSettings.networks[name("custom")]!.ipAddress = "10.219.108.11";
    });
    expect(failing(lab07, moved)).toEqual(["07.static-and-range"]);
    expect(result(moved, "07.static-and-range").message).toBe(`fixed has 10.219.108.11, not the static address ${plan.staticIp}.`);
  });

  it("a static address Docker could hand out, the gateway, or one held already: 07.safe-static says which", () => {
    const with_ = (address: string) =>
      result(
        edited(facts, (d) => {
          d.answers = { ...d.answers, "safe-static": address };
        }),
        "07.safe-static",
      ).message;
    const range = facts.topology!.networks.find((n) => n.name === name("custom"))!.ipam.config[0]!.ipRange;
    expect(with_("10.219.108.200")).toBe(`10.219.108.200 is inside the ip-range ${range}: a container without --ip may get it first.`);
    expect(with_(plan.gateway)).toBe(`${plan.gateway} is the network's gateway.`);
    expect(with_(plan.staticIp)).toBe(`${plan.staticIp} is already held by a container on custom.`);
    expect(with_("10.1.2.3")).toBe(`10.1.2.3 is outside ${plan.custom}.`);
  });

  it("team handing out its whole subnet again: the named cause is not fixed yet; fixed not answering flips only the hidden check", () => {
    const whole = edited(facts, (d) => {
      network(d, "team").ipam.config[0]!.ipRange = null;
    });
    expect(failing(lab07, whole)).toEqual(["07.team-fixed"]);
    expect(result(whole, "07.team-fixed")).toMatchObject({
      message: `You named the cause ("static-in-range"), but it is not fixed yet: db runs at ${plan.team.replace(/0\/24$/, "2")}, but the team network hands out its whole subnet: the next restart can lose it again.`,
      hint: "Read the team network as Docker sees it (`docker network inspect`: IPAM.Config and the Containers map): who holds db's planned address, and why could Docker give it away?",
    });
    const silent = edited(facts, (d) => {
      d.probes.http = { [plan.staticIp]: false };
    });
    expect(failing(lab07, silent)).toEqual(["07.static-serves"]);
    expect(result(silent, "07.static-serves").message).toBe(`http://${plan.staticIp}/ did not answer.`);
  });

  it("without the private engine, the lab's one precondition refuses every check before anything is gathered", async () => {
    const session = new LabSession(newSessionId(), "07");
    const refusal = await failingPrecondition(lab07, { session, image: "unused", log: () => undefined });
    expect(refusal).toEqual({
      id: "private-engine",
      message: "The private engine is not running.",
      hint: "Run the setup cell at the top of the notebook first.",
    });
  });
});
