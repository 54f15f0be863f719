// Lab 06's judges on facts recorded on a real host (test/fixtures/facts/lab06-*.json, Docker 20.10): each judge passes
// on the answer key's facts, fails on the blank notebook's with its first hint level, and targeted edits of the answer
// key's facts (the network's parent or range, a MAC, the shim's mode, a ping unanswered) flip exactly the checks they
// should, with their exact message and hint. No engine, no root.
import { describe, expect, it } from "vitest";
import { type Lab06Probes, lab06, macvlanNames } from "../../src/labs/defs/lab06-macvlan.js";
import { type Draft, edited, failing, judgeAll, loadFacts } from "./recorded-facts.js";
import type { LabFacts } from "../../src/labs/facts.js";

const solution = loadFacts<Lab06Probes>("06", "solution");
const blank = loadFacts<Lab06Probes>("06", "blank");
const { facts } = solution;
const names = macvlanNames(facts);
const subnet = String(facts.params["lan-subnet"]);
const at = (n: number) => subnet.replace(/\d+\/\d+$/, String(n)); // the LAN's address .n
const name = (short: string) => `dnl-${facts.session}-06-${short}`;
const m1Address = facts.topology!.containers.find((c) => c.name === name("m1"))!.networkSettings.networks[names.network]!.ipAddress;
const result = (f: LabFacts<Lab06Probes>, id: string) => judgeAll(lab06, f)[id]!;
const network = (d: Draft<LabFacts<Lab06Probes>>) => d.topology!.networks.find((n) => n.name === names.network)!;
const host = (d: Draft<LabFacts<Lab06Probes>>) => d.topology!.namespaces.find((n) => n.kind === "host")!;
const shim = (d: Draft<LabFacts<Lab06Probes>>) => host(d).interfaces.find((i) => i.name === names.shim)!;
const eth0 = (d: Draft<LabFacts<Lab06Probes>>, short: string) =>
  d.topology!.namespaces.find((n) => n.containers.includes(name(short)))!.interfaces.find((i) => i.name === "eth0")!;

describe("lab 06's judges on recorded facts", () => {
  it("were recorded on Docker 20.10 from the answer key (all pass) and the blank notebook (all fail), as judged on the host", () => {
    expect(solution.recorded).toMatchObject({
      command: "docker-net-lab labs run 06 --solutions --record-facts DIR",
      engine: expect.stringMatching(/^20\.10\./),
    });
    expect(failing(lab06, facts)).toEqual([]);
    expect(failing(lab06, blank.facts)).toEqual(lab06.checks.map((c) => c.id));
    expect(Object.values(blank.verdicts).some(Boolean)).toBe(false);
  });

  it("the blank notebook: no macvlan network, no m1; the first hints name what to build, never the command", () => {
    const results = judgeAll(lab06, blank.facts);
    const b = macvlanNames(blank.facts);
    expect(results["06.macvlan-network"]).toMatchObject({
      message: `No Docker network named ${b.network}.`,
      hint: "A macvlan network names its driver (-d), its parent interface (-o parent=…), and the LAN's own subnet and router, since its containers join that LAN.",
      hintLevels: 2,
    });
    expect(results["06.host-shim"]?.message).toBe("m1 is not running on the macvlan network.");
    for (const r of Object.values(results)) expect(r.hint).not.toMatch(/^lab\.sh`/);
  });

  it("the network on another parent: only 06.macvlan-network fails, never suggesting the real interface", () => {
    const real = edited(facts, (d) => {
      network(d).options.parent = "eth0";
    });
    expect(failing(lab06, real)).toEqual(["06.macvlan-network"]);
    expect(result(real, "06.macvlan-network")).toMatchObject({
      message: `The network's parent is eth0, not the lab's uplink ${names.uplink}.`,
      hint: "The lab's veth plays the LAN cable: it is the parent. Never use the machine's real interface: its LAN is not yours to join.",
    });
  });

  it("a range over the LAN's own addresses: 06.macvlan-network names the clash", () => {
    const clash = edited(facts, (d) => {
      network(d).ipam.config[0]!.ipRange = `${at(0)}/26`;
    });
    expect(failing(lab06, clash)).toEqual(["06.macvlan-network"]);
    expect(result(clash, "06.macvlan-network").message).toBe(
      `The range ${at(0)}/26 includes ${at(1)}, ${at(2)}, ${at(3)}, which the LAN already uses (router .1, host .2, shim .3).`,
    );
  });

  it("m2 with m1's MAC, or m1's eth0 a veth: 06.own-macs says which", () => {
    const sameMac = edited(facts, (d) => {
      eth0(d, "m2").mac = eth0(d, "m1").mac;
    });
    expect(failing(lab06, sameMac)).toEqual(["06.own-macs"]);
    expect(result(sameMac, "06.own-macs")).toMatchObject({
      message: "Two of m1, m2 and the uplink share a MAC address.",
      hint: "Each macvlan child gets its own MAC; recreate the containers.",
    });
    const veth = edited(facts, (d) => {
      eth0(d, "m1").kind = "veth";
    });
    expect(failing(lab06, veth)).toEqual(["06.own-macs"]);
    expect(result(veth, "06.own-macs")).toMatchObject({
      message: `${name("m1")}'s eth0 is a veth interface, not macvlan.`,
      hint: `It should be on ${names.network} only (no other --network).`,
    });
  });

  it("m1's gateway: a wrong owner, or no answer to m1's ping, fails 06.gateway-owner alone", () => {
    const wrong = edited(facts, (d) => {
      d.answers = { ...d.answers, "m1-gateway-owner": "host" };
    });
    expect(failing(lab06, wrong)).toEqual(["06.gateway-owner"]);
    expect(result(wrong, "06.gateway-owner").message).toBe(`You recorded "host", but m1's gateway ${at(1)} is held elsewhere.`);
    const silent = edited(facts, (d) => {
      d.probes.m1Pings = { [at(1)]: false };
    });
    expect(failing(lab06, silent)).toEqual(["06.gateway-owner"]);
    expect(result(silent, "06.gateway-owner")).toMatchObject({
      message: `m1 cannot ping its gateway ${at(1)}.`,
      hint: "Is the LAN namespace still there? Run the setup cell again (it is safe to repeat).",
    });
  });

  it("the shim back in private mode and the host's ping unanswered: 06.host-shim names the mode, 06.shim-fixed the symptom", () => {
    const privateMode = edited(facts, (d) => {
      shim(d).kindData = { ...shim(d).kindData, mode: "private" };
      d.probes.hostPings = { [m1Address]: false };
    });
    expect(failing(lab06, privateMode)).toEqual(["06.host-shim", "06.shim-fixed"]);
    expect(result(privateMode, "06.host-shim")).toMatchObject({
      message: `${names.shim} is in macvlan mode private.`,
      hint: "Docker's children are in bridge mode; only bridge-mode siblings talk to each other directly.",
      hintLevels: 2,
      evidence: { mode: "private" },
    });
    expect(result(privateMode, "06.shim-fixed")).toMatchObject({
      message: `You named the cause ("wrong-mode"), but it is not fixed yet: The host still cannot ping m1 at ${m1Address}.`,
      hint: "Check what the host would use to reach m1 (`ip route get`), then compare the shim's details with m1's eth0 (`ip -d link`, inside m1 with nsenter): kind, parent, mode.",
    });
  });

  it("the shim down, or the range not routed through it: 06.host-shim says which step is missing", () => {
    const down = edited(facts, (d) => {
      shim(d).flags = shim(d).flags.filter((f) => f !== "UP");
    });
    expect(failing(lab06, down)).toEqual(["06.host-shim"]);
    expect(result(down, "06.host-shim")).toMatchObject({ message: `${names.shim} is down.`, hint: "An interface carries nothing until it is up." });
    const unrouted = edited(facts, (d) => {
      host(d).routes = host(d).routes.filter((r) => r.dev !== names.shim);
    });
    expect(failing(lab06, unrouted)).toEqual(["06.host-shim"]);
    expect(result(unrouted, "06.host-shim").message).toBe(`The host has no route to m1 (${m1Address}) through ${names.shim}.`);
    const gone = edited(facts, (d) => {
      host(d).interfaces = host(d).interfaces.filter((i) => i.name !== names.shim);
    });
    expect(result(gone, "06.host-shim").message).toBe(`There is no ${names.shim} interface on the host.`);
  });

  it("the LAN namespace gone: the gateway's owner is nowhere, and the hidden check says the namespace is gone", () => {
    const noLan = edited(facts, (d) => {
      d.topology!.namespaces = d.topology!.namespaces.filter((n) => n.id !== `netns:${names.lan}`);
    });
    expect(failing(lab06, noLan)).toEqual(["06.gateway-owner", "06.lan-reaches-child"]);
    expect(result(noLan, "06.lan-reaches-child")).toMatchObject({
      message: "The LAN namespace is gone.",
      hint: "Run the setup cell at the top of the notebook first.",
    });
    const unfetched = edited(facts, (d) => {
      d.probes.lanFetches = { [m1Address]: false };
    });
    expect(failing(lab06, unfetched)).toEqual(["06.lan-reaches-child"]);
    expect(result(unfetched, "06.lan-reaches-child").message).toBe(`The LAN namespace could not fetch http://${m1Address}/.`);
  });

  it("before setup (no LAN subnet chosen): the checks that need the LAN say it is not set up", () => {
    const unset = edited(facts, (d) => {
      d.params = {};
    });
    expect(failing(lab06, unset)).toEqual(["06.macvlan-network", "06.own-macs", "06.host-shim"]);
    expect(result(unset, "06.own-macs")).toMatchObject({
      message: "The lab's LAN is not set up.",
      hint: "Run the setup cell at the top of the notebook first.",
    });
  });
});
