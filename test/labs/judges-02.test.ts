// Lab 02's judges on facts recorded on a real host (test/fixtures/facts/lab02-*.json, Docker 20.10.24, 2026-12-02):
// the answer key's facts pass every check; the blank notebook's fail each with its first hint level; targeted
// edits of the answer key's facts (a wrong pairing, c3 running again, counts that disagree, B's cable or route
// broken, C unplugged again, a ping unanswered) flip exactly the checks they should, with their exact message and hint.
import { describe, expect, it } from "vitest";
import { hintTexts } from "../../src/checks/check.js";
import { isJudged } from "../../src/labs/check-lab.js";
import type { Lab02Probes } from "../../src/labs/defs/lab02-veth.js";
import { findLab } from "../../src/labs/registry.js";
import type { Topology } from "../../src/topology/model.js";
import { type Draft, edited, failing, judgeAll, loadFacts, resultOf } from "./facts-fixtures.js";

const lab = findLab("02");
const solution = loadFacts("02", "solution");
const blank = loadFacts("02", "blank");
const facts = solution.facts;
const s = facts.session;
const name = (short: string) => `dnl-${s}-02-${short}`;
const kernel = (short: string) => `dnl${s}${short}`;
const topology = (d: Draft<typeof facts>) => d.topology as Draft<Topology>;
const host = (d: Draft<typeof facts>) => topology(d).namespaces.find((n) => n.id === "host")!;
const nsB = (d: Draft<typeof facts>) => topology(d).namespaces.find((n) => n.id === `netns:${kernel("2b")}`)!;
const subnet = String(facts.params["hand-subnet"]);
const at = (n: number) => subnet.replace(/0\/24$/, String(n));
const answers = facts.answers as { "host-veths": Record<string, string> };
const pairingFirst =
  "A veth pair is two interfaces joined like a cable. Inside a namespace, busybox's `ip addr` prints `eth0@ifN`: N is the ifindex of the other end, counted in the host's namespace.";

describe("lab 02's judges on the recorded answer key and blank notebook", () => {
  it("the answer key's facts pass every check, the blank's fail every one, as on the host", () => {
    expect(Object.values(judgeAll(lab, facts)).every((r) => r.passed)).toBe(true);
    expect(failing(lab, blank.facts)).toEqual(lab.checks.map((c) => c.id));
    expect(solution.recorded.engine).toMatch(/^20\.10\./);
  });

  it("the blank notebook's facts fail with the first hint of each step: no answers, no namespace B, C still unplugged", () => {
    const results = judgeAll(lab, blank.facts);
    const b = `dnl${blank.facts.session}2b`;
    expect(results["02.veth-pairs"]).toMatchObject({ message: "No answer recorded for host-veths.", hint: pairingFirst, hintLevels: 3 });
    expect(results["02.stop-removes-veth"]?.message).toBe(`dnl-${blank.facts.session}-02-c3 is still running.`);
    expect(results["02.veth-count"]?.message).toBe("docker0-ports and bridge-containers must both be numbers.");
    expect(results["02.hand-built"]).toMatchObject({
      message: `There is no namespace ${b}.`,
      hint: "Step 1: a container's network is a network namespace; `ip netns` makes named ones.",
    });
    expect(results["02.hand-pairing"]).toMatchObject({ message: `There is no namespace ${b}.`, hint: "Build namespace B first (exercise 3)." });
    const c = results["02.c-fixed"]!;
    expect(c.message).toMatch(/Still broken: dnl\w{4}2c still cannot ping [\d.]+ \(namespace A\)\.$/);
    expect(c.hint).toMatch(/^Diagnose first/);
    expect(c.evidence).toMatchObject({ fixed: false, diagnosis: null });
    expect(results["02.hand-ping"]?.message).toBe(`There is no namespace ${b}.`);
  });
});

describe("lab 02's judges on edited answer-key facts", () => {
  it("c1 and c2 paired the other way round: only veth-pairs fails, naming the ifindex, with the pairing hint", () => {
    const swapped = edited(facts, (d) => {
      d.answers = { ...d.answers, "host-veths": { ...answers["host-veths"], c1: answers["host-veths"].c2!, c2: answers["host-veths"].c1! } };
    });
    expect(failing(lab, swapped)).toEqual(["02.veth-pairs"]);
    const c1Peer = facts.topology!.namespaces.find((n) => n.id === `container:${name("c1")}`)!.interfaces.find((i) => i.name === "eth0")!.peerIfindex;
    expect(resultOf(lab, swapped, "02.veth-pairs")).toMatchObject({
      message: `You paired c1 with ${answers["host-veths"].c2}, but its eth0 is eth0@if${c1Peer}: host link ${c1Peer} is another one.`,
      hint: pairingFirst,
    });
  });

  it("c3's old veth still on the host: stop-removes-veth says it still exists", () => {
    const stale = edited(facts, (d) => {
      const h = host(d);
      h.interfaces = [...h.interfaces, { ...h.interfaces.find((i) => i.name === answers["host-veths"].c1)!, name: answers["host-veths"].c3!, ifindex: 999 }];
    });
    expect(failing(lab, stale)).toEqual(["02.stop-removes-veth"]);
    expect(resultOf(lab, stale, "02.stop-removes-veth")).toMatchObject({
      message: `${answers["host-veths"].c3} still exists on the host.`,
      hint: "Was that really c3's veth? Pair by ifindex while c3 runs.",
    });
  });

  it("veth-count reads docker0's ports from the topology's links: counts that disagree, a port gone, other sessions' containers", () => {
    const disagree = edited(facts, (d) => {
      d.answers = { ...d.answers, "docker0-ports": 3 };
    });
    expect(failing(lab, disagree)).toEqual(["02.veth-count"]);
    expect(resultOf(lab, disagree, "02.veth-count")).toMatchObject({
      message: "You counted 3 port(s) but 2 container(s).",
      hint: "Count only docker0's interfaces (not every bridge's) and only containers on the bridge network that run (not `docker ps -a`).",
    });
    // One port fewer on docker0 than Docker lists containers: the learner's 2 = 2 no longer matches docker0's 1 port.
    const portGone = edited(facts, (d) => {
      const t = topology(d);
      t.links = t.links.filter((l) => !(l.kind === "bridge-port" && l.a === "host:docker0" && l.b === `host:${answers["host-veths"].c2}`));
    });
    expect(failing(lab, portGone)).toEqual(["02.veth-count"]);
    expect(resultOf(lab, portGone, "02.veth-count")).toMatchObject({
      message: "You counted 2, but docker0 now has 1 port(s) and 2 running container(s).",
      evidence: { live: { ports: 1, containers: 2 } },
    });
    // Other sessions' containers came or went since the learner counted 4 = 4: passes, saying so.
    const shared = edited(facts, (d) => {
      d.answers = { ...d.answers, "docker0-ports": 4, "bridge-containers": 4 };
    });
    expect(failing(lab, shared)).toEqual([]);
    expect(resultOf(lab, shared, "02.veth-count").message).toMatch(/docker0 now has 2 = 2 \(other sessions' containers came or went since\)/);
    // A count below this session's own running containers fails.
    const low = edited(facts, (d) => {
      d.answers = { ...d.answers, "docker0-ports": 1, "bridge-containers": 1 };
    });
    expect(resultOf(lab, low, "02.veth-count").message).toBe("You counted 1, but docker0 now has 2 port(s) and 2 running container(s).");
  });

  it("namespace B's cable, link and route broken one at a time: hand-built names the step, with its concept first and the command last", () => {
    const vethB = kernel("2vb");
    const unplugged = edited(facts, (d) => {
      host(d).interfaces.find((i) => i.name === vethB)!.master = null;
    });
    expect(failing(lab, unplugged)).toEqual(["02.hand-built", "02.hand-pairing"]);
    const step3 = resultOf(lab, unplugged, "02.hand-built");
    expect(step3).toMatchObject({
      message: `${vethB} is not plugged into ${kernel("2br")} (master none).`,
      hint: "Step 3: the host end is a port of the bridge, like vethXXXX on docker0: its `master` is the bridge.",
      hintLevels: 2,
    });
    const handBuilt = lab.checks.find((c) => c.id === "02.hand-built");
    if (!handBuilt || !isJudged(handBuilt)) throw new Error("02.hand-built is not judged on facts");
    expect(hintTexts(handBuilt.judge(unplugged).hint ?? "")).toEqual([step3.hint, `lab.sh\`ip link set ${vethB} master ${kernel("2br")} up\``]);
    const down = edited(facts, (d) => {
      const end = host(d).interfaces.find((i) => i.name === vethB)!;
      end.flags = end.flags.filter((f) => f !== "UP");
    });
    expect(failing(lab, down)).toEqual(["02.hand-built"]);
    expect(resultOf(lab, down, "02.hand-built")).toMatchObject({ message: `${vethB} is down.`, hint: "An interface carries nothing until it is up." });
    const noRoute = edited(facts, (d) => {
      nsB(d).routes = nsB(d).routes.filter((r) => r.dst !== "default");
    });
    expect(failing(lab, noRoute)).toEqual(["02.hand-built"]);
    expect(resultOf(lab, noRoute, "02.hand-built")).toMatchObject({
      message: `${kernel("2b")}'s default route is missing; expected via ${at(1)} (the bridge's address, like docker0's 172.17.0.1).`,
      hint: "Last step: B's default route points to the bridge's address, as a container's points to docker0's.",
    });
    const wrongPrefix = edited(facts, (d) => {
      for (const a of nsB(d).interfaces.find((i) => i.name === "eth0")!.addresses) if (a.family === "inet") a.prefix = 16;
    });
    expect(failing(lab, wrongPrefix)).toEqual(["02.hand-built"]);
    expect(resultOf(lab, wrongPrefix, "02.hand-built").message).toBe(
      `eth0 in ${kernel("2b")} has ${at(3)}/16; expected an address in ${subnet} with the same /prefix.`,
    );
  });

  it("a wrong bridge in hand-b-host-end fails hand-pairing alone", () => {
    const wrong = edited(facts, (d) => {
      d.answers = { ...d.answers, "hand-b-host-end": { hostEnd: kernel("2vb"), bridge: "docker0" } };
    });
    expect(failing(lab, wrong)).toEqual(["02.hand-pairing"]);
    expect(resultOf(lab, wrong, "02.hand-pairing").message).toBe(`${kernel("2vb")} is plugged into another bridge than "docker0".`);
  });

  it("C's ping to A unanswered: c-fixed says the named cause is not fixed yet, with the fix's first level", () => {
    const unanswered = edited<Lab02Probes>(facts, (d) => {
      d.probes.pings[`${kernel("2c")}>${at(2)}`] = false;
    });
    expect(failing(lab, unanswered)).toEqual(["02.c-fixed"]);
    expect(resultOf(lab, unanswered, "02.c-fixed")).toMatchObject({
      message: `You named the cause ("unplugged"), but it is not fixed yet: ${kernel("2c")} still cannot ping ${at(2)} (namespace A).`,
      hint: "Follow C's cable: find the host end of C's eth0 (pair by ifindex, as in part 1), then ask what that host end is plugged into. Compare with A's host end.",
    });
    const wrongCause = edited(facts, (d) => {
      d.answers = { ...d.answers, diagnosis: "link-down" };
    });
    expect(failing(lab, wrongCause)).toEqual(["02.c-fixed"]);
    expect(resultOf(lab, wrongCause, "02.c-fixed").message).toBe(
      `You named "link-down" (one end of C's veth pair is down); the evidence on this host does not fit it.`,
    );
  });

  it("A's ping to B, or B's to the bridge, unanswered: only the hidden hand-ping fails", () => {
    const aToB = edited<Lab02Probes>(facts, (d) => {
      d.probes.pings[`${kernel("2a")}>${at(3)}`] = false;
    });
    expect(failing(lab, aToB)).toEqual(["02.hand-ping"]);
    expect(resultOf(lab, aToB, "02.hand-ping").message).toBe(`${kernel("2a")} cannot ping ${at(3)}.`);
    const bToBridge = edited<Lab02Probes>(facts, (d) => {
      d.probes.pings = { ...d.probes.pings, [`${kernel("2b")}>${at(1)}`]: false };
    });
    expect(resultOf(lab, bToBridge, "02.hand-ping").message).toBe(`${kernel("2b")} cannot ping the bridge at ${at(1)}.`);
  });

  it("no setup recorded: the checks that need the hand-made subnet say so instead of crashing", () => {
    const noParams = edited(facts, (d) => {
      d.params = {};
    });
    expect(resultOf(lab, noParams, "02.hand-built")).toMatchObject({
      message: "The lab's setup has not run in this session.",
      hint: "Run the setup cell at the top of the notebook.",
    });
    expect(resultOf(lab, noParams, "02.c-fixed").message).not.toMatch(/could not look/);
  });
});
