// Lab 04's judges on facts recorded on a real host (test/fixtures/facts/lab04-*.json, Docker 20.10.24, 2026-12-02):
// the answer key's facts pass every check; the blank notebook's fail each with its first hint level; targeted
// edits of the answer key's facts (a wrong subnet, a lookup that fails, an alias gone, a wrong answer, a1 still on
// netb, a stale environment misread, web3 missing from the alias's answers, a ping across bridges that answers)
// flip exactly the checks they should, with their exact message and hint. Isolation is judged on the snapshot's
// iptables tables (nat: true), walked by topology/engine-facts.ts.
import { describe, expect, it } from "vitest";
import type { Lab04Probes } from "../../src/labs/defs/lab04-user-bridges.js";
import { findLab } from "../../src/labs/registry.js";
import type { Topology } from "../../src/topology/model.js";
import { type Draft, edited, failing, judgeAll, loadFacts, resultOf } from "./facts-fixtures.js";

const lab = findLab("04");
const solution = loadFacts("04", "solution");
const blank = loadFacts("04", "blank");
const facts = solution.facts;
const name = (short: string) => `dnl-${facts.session}-04-${short}`;
const topology = (d: Draft<typeof facts>) => d.topology as Draft<Topology>;
const container = (d: Draft<typeof facts>, short: string) => topology(d).containers.find((c) => c.name === name(short))!;
const address = (short: string, network: string) =>
  facts.topology!.containers.find((c) => c.name === name(short))!.networkSettings.networks[network]!.ipAddress;
const [neta, netb] = [name("neta"), name("netb")];

describe("lab 04's judges on the recorded answer key and blank notebook", () => {
  it("the answer key's facts pass every check, the blank's fail every one, as on the host", () => {
    expect(Object.values(judgeAll(lab, facts)).every((r) => r.passed)).toBe(true);
    expect(failing(lab, blank.facts)).toEqual(lab.checks.map((c) => c.id));
  });

  it("the answer key's isolation verdict names the DROP rule of this engine and the bridge of netb", () => {
    expect(resultOf(lab, facts, "04.isolation")).toMatchObject({
      message: expect.stringMatching(
        /^Docker 20\.10\.24: the ping from .* is dropped in the filter table: in from one Docker bridge, out to another: -A DOCKER-ISOLATION-STAGE-2 -o br-\w+ -j DROP\.$/,
      ),
      evidence: { bridge: expect.stringMatching(/^br-/) },
    });
  });

  it("the blank notebook's facts fail with the first level of each hint", () => {
    const results = judgeAll(lab, blank.facts);
    const other = (short: string) => `dnl-${blank.facts.session}-04-${short}`;
    expect(results["04.user-bridge"]).toMatchObject({
      message: `There is no network ${other("neta")}.`,
      hint: "Exercise 1's network is a user-defined bridge (the bridge driver) with the subnet chosen for you, subnetA.",
      hintLevels: 2,
    });
    expect(results["04.dns"]).toMatchObject({ message: "a1 is not running.", hint: "Do exercise 1 first." });
    expect(results["04.alias"]?.message).toBe(`${other("web1")} is not running on ${other("neta")}.`);
    expect(results["04.isolation"]?.message).toBe(`There is no network ${other("netb")}.`);
    expect(results["04.link"]?.message).toBe(`${other("legacy")} is not running.`);
    expect(results["04.web3-fixed"]?.message).toMatch(/Still broken: web3 is not running\.$/);
    expect(results["04.live-dns"]).toMatchObject({ message: "a1 cannot ping search.", hint: "Run web1 and web2 with --network-alias search on neta." });
  });
});

describe("lab 04's judges on edited answer-key facts", () => {
  it("neta on another subnet: user-bridge says which, and the answers that name its addresses still pass", () => {
    const moved = edited(facts, (d) => {
      topology(d).networks.find((n) => n.name === neta)!.ipam.config[0]!.subnet = "10.99.0.0/24";
    });
    expect(failing(lab, moved)).toEqual(["04.user-bridge"]);
    expect(resultOf(lab, moved, "04.user-bridge")).toMatchObject({
      message: `${neta}'s subnet is 10.99.0.0/24, not ${facts.params["net-a"]}.`,
      hint: `Remove the network and create it again with subnetA (${facts.params["net-a"]}): that subnet was checked free on this host for you.`,
    });
  });

  it("a1 cannot resolve a2, or the learner says the default bridge resolves: dns fails with its message", () => {
    const noLookup = edited<Lab04Probes>(facts, (d) => {
      d.probes.a1ResolvesA2 = false;
    });
    expect(failing(lab, noLookup)).toEqual(["04.dns"]);
    expect(resultOf(lab, noLookup, "04.dns").message).toBe(`a1 cannot resolve ${name("a2")}.`);
    const wrong = edited(facts, (d) => {
      d.answers = { ...d.answers, "default-bridge-resolves": true };
    });
    expect(failing(lab, wrong)).toEqual(["04.dns"]);
    expect(resultOf(lab, wrong, "04.dns")).toMatchObject({
      message: "default-bridge-resolves is true, which is not what happens when d1 looks up d2 now.",
      hint: "From d1, look up d2 (both on the default bridge) and record whether it worked (true or false).",
    });
  });

  it("web2 without its alias, or a wrong member list: alias fails; web3 answering too does not change exercise 3", () => {
    const noAlias = edited(facts, (d) => {
      container(d, "web2").networkSettings.networks[neta]!.aliases = [];
    });
    expect(failing(lab, noAlias)).toEqual(["04.alias"]);
    expect(resultOf(lab, noAlias, "04.alias")).toMatchObject({
      message: `web2 has no alias "search" on ${neta} (aliases: none).`,
      hint: "Aliases are given when a container joins a network (--network-alias): remove it and run it again.",
    });
    const wrongMembers = edited(facts, (d) => {
      d.answers = { ...d.answers, "search-members": [name("web1")] };
    });
    expect(failing(lab, wrongMembers)).toEqual(["04.alias"]);
    expect(resultOf(lab, wrongMembers, "04.alias").message).toBe(`You recorded ${JSON.stringify([name("web1")])}; that is not who answers for search now.`);
  });

  it("isolation: a wrong place, netb's bridge instead of a chain, or a ping that answered", () => {
    const wrongChain = edited(facts, (d) => {
      d.answers = { ...d.answers, "isolation-drop": "filter FORWARD" };
    });
    expect(failing(lab, wrongChain)).toEqual(["04.isolation"]);
    expect(resultOf(lab, wrongChain, "04.isolation")).toMatchObject({
      message: 'isolation-drop is "filter FORWARD"; record where your ping was dropped, as "table chain".',
      hint: expect.stringMatching(/^Read every DROP rule with its counters/),
    });
    const bridge = String(resultOf(lab, facts, "04.isolation").evidence.bridge);
    const bridgeName = edited(facts, (d) => {
      d.answers = { ...d.answers, "isolation-drop": bridge };
    });
    expect(resultOf(lab, bridgeName, "04.isolation").hint).toMatch(/^That is netb's bridge, not where the packet died/);
    const answered = edited(facts, (d) => {
      d.answers = { ...d.answers, "cross-ping": true };
    });
    expect(resultOf(lab, answered, "04.isolation").message).toBe("cross-ping is true, which is not what a ping from a1 to b1's address does.");
  });

  it("no iptables in the snapshot: isolation says what it could not read, the checks that need none still pass", () => {
    const noNat = edited(facts, (d) => {
      delete topology(d).nat;
    });
    expect(failing(lab, noNat)).toEqual(["04.isolation"]);
    expect(resultOf(lab, noNat, "04.isolation").message).toBe("The check could not look at the host: iptables could not be read (no NAT view)");
  });

  it("a1 still on netb after the connect exercise: connect fails with the disconnect hint", () => {
    const still = edited(facts, (d) => {
      const a1 = container(d, "a1");
      a1.networkSettings.networks[netb] = { ...a1.networkSettings.networks[neta]!, ipAddress: "10.213.87.9" };
    });
    expect(failing(lab, still)).toEqual(["04.connect"]);
    expect(resultOf(lab, still, "04.connect")).toMatchObject({
      message: "a1 is still connected to netb.",
      hint: "Take a1's leg on netB away again (docker network disconnect).",
      hintLevels: 2,
    });
  });

  it("link: legacy's environment says something else than recorded, or d1 moved: link fails with its message", () => {
    const env = edited<Lab04Probes>(facts, (d) => {
      d.probes.legacyEnvAddress = "172.17.0.99";
    });
    expect(failing(lab, env)).toEqual(["04.link"]);
    expect(resultOf(lab, env, "04.link").message).toBe(
      `db-env-address is ${JSON.stringify(facts.answers["db-env-address"])}, not what legacy's environment says.`,
    );
    const moved = edited(facts, (d) => {
      container(d, "d1").networkSettings.networks.bridge!.ipAddress = "172.17.0.98";
    });
    expect(failing(lab, moved)).toContain("04.link");
    expect(resultOf(lab, moved, "04.link").message).toBe(
      `db-address is ${JSON.stringify(facts.answers["db-address"])}, but d1 is 172.17.0.98 and legacy's /etc/hosts says so.`,
    );
  });

  it("web3 missing from the alias's answers: web3-fixed says the named cause is not fixed yet; exercise 3 still passes", () => {
    const web3 = address("web3", neta);
    const notYet = edited<Lab04Probes>(facts, (d) => {
      d.probes.searchLookup = d.probes.searchLookup.replace(`Address: ${web3}\n`, "");
    });
    expect(failing(lab, notYet)).toEqual(["04.web3-fixed"]);
    expect(resultOf(lab, notYet, "04.web3-fixed")).toMatchObject({
      message: `You named the cause ("wrong-alias"), but it is not fixed yet: nslookup search in a1 does not answer with web3 (${web3}).`,
      hint: expect.stringMatching(/^Compare what the embedded DNS answers for search/),
    });
  });

  it("a1 reaches b1 across bridges: only the hidden live-dns fails", () => {
    const reached = edited<Lab04Probes>(facts, (d) => {
      d.probes.a1PingsB1 = true;
    });
    expect(failing(lab, reached)).toEqual(["04.live-dns"]);
    expect(resultOf(lab, reached, "04.live-dns")).toMatchObject({
      message: `a1 reaches b1 at ${address("b1", netb)}.`,
      hint: "Disconnect a1 from netb.",
    });
  });
});
