// Lab 05's judges on facts recorded on a real host (test/fixtures/facts/lab05-*.json, Docker 20.10): each judge passes
// on the answer key's facts, fails on the blank notebook's with its first hint level, and targeted edits of the answer
// key's facts (a mode changed, a probe unanswered, an answer wrong) flip exactly the checks they should, with their
// exact message and hint. No engine, no root.
import { describe, expect, it } from "vitest";
import { hintTexts, judgeCheck } from "../../src/checks/check.js";
import { isJudged } from "../../src/labs/check-lab.js";
import { type Lab05Probes, lab05 } from "../../src/labs/defs/lab05-modes.js";
import { edited, failing, judgeAll, loadFacts } from "./recorded-facts.js";

const solution = loadFacts<Lab05Probes>("05", "solution");
const blank = loadFacts<Lab05Probes>("05", "blank");
const { facts } = solution;
const name = (short: string) => `dnl-${facts.session}-05-${short}`;
const hostPort = facts.params["host-port"];
const ignoredPort = facts.params["ignored-port"];
const result = (f: typeof facts, id: string) => judgeAll(lab05, f)[id]!;
const firstLevel = (id: string, f = facts) =>
  hintTexts(
    lab05.checks
      .filter(isJudged)
      .find((c) => c.id === id)!
      .judge(f).hint ?? "",
  )[0];

describe("lab 05's judges on recorded facts", () => {
  it("were recorded on Docker 20.10 from the answer key and from the blank notebook, with the verdicts of the host", () => {
    expect(solution.recorded).toMatchObject({
      command: "docker-net-lab labs run 05 --solutions --record-facts DIR",
      engine: expect.stringMatching(/^20\.10\./),
    });
    expect(blank.recorded.command).toBe("docker-net-lab labs run 05 --record-facts DIR");
    expect(Object.values(solution.verdicts).every(Boolean)).toBe(true);
    expect(Object.values(blank.verdicts).some(Boolean)).toBe(false);
    expect(failing(lab05, facts)).toEqual([]);
    expect(failing(lab05, blank.facts)).toEqual(lab05.checks.map((c) => c.id));
  });

  it("the blank notebook: the first hint of each check names what to build, never the command", () => {
    const results = judgeAll(lab05, blank.facts);
    const b = (short: string) => `dnl-${blank.facts.session}-05-${short}`;
    expect(results["05.none"]).toMatchObject({
      message: `No container named ${b("nonec")}.`,
      hint: "nonec is exercise 1's container: the lab's image, `sleep 3600` to keep it running, and the network mode none (`--network`).",
      hintLevels: 2,
    });
    expect(results["05.host-namespaces"]).toMatchObject({ message: "hostc is not running.", hint: "Do exercise 2 first." });
    expect(results["05.container-mode"]?.message).toBe(`No container named ${b("side")}.`);
    expect(results["05.live"]?.message).toBe("side cannot reach http://127.0.0.1/.");
    for (const r of Object.values(results)) expect(r.hint).not.toMatch(/^lab\.sh`|^await lab\.answer/);
  });

  it("the answer key's evidence: hostc shares net only, app and side one namespace, the host end of side's eth0", () => {
    const results = judgeAll(lab05, facts);
    expect(results["05.host-namespaces"]?.evidence).toEqual({ shared: ["net"] });
    const app = facts.topology!.namespaces.find((ns) => ns.containers.includes(name("app")))!;
    expect(app.containers).toContain(name("side"));
    expect(results["05.container-mode"]?.evidence).toEqual({ netns: `net:[${app.inode}]` });
    expect(results["05.side-veth"]?.evidence).toEqual({ veth: facts.answers["side-host-veth"] });
  });

  it("nonec created on the default bridge: 05.none names its mode, with the recreate hint", () => {
    const bridged = edited(facts, (d) => {
      d.topology!.containers.find((c) => c.name === name("nonec"))!.hostConfig.networkMode = "default";
    });
    expect(failing(lab05, bridged)).toEqual(["05.none"]);
    expect(result(bridged, "05.none")).toMatchObject({
      message: "nonec's network mode is default.",
      hint: "The network mode is chosen when the container is created; remove nonec and create it again in mode none.",
    });
  });

  it("a route inside nonec: 05.none and the hidden 05.live fail", () => {
    const routed = edited(facts, (d) => {
      const ns = d.topology!.namespaces.find((n) => n.containers.includes(name("nonec")))!;
      ns.routes = [{ ...d.topology!.namespaces[0]!.routes[0]! }];
    });
    expect(failing(lab05, routed)).toEqual(["05.none", "05.live"]);
    expect(result(routed, "05.none").message).toBe("nonec has lo and 1 route(s).");
    expect(result(routed, "05.live").message).toBe("nonec has routes (or is not running).");
  });

  it("hostc's server unanswered: 05.host says what the port answers now, 05.live that it did not answer", () => {
    const silent = edited(facts, (d) => {
      d.probes.hostStatus = 0;
    });
    expect(failing(lab05, silent)).toEqual(["05.host", "05.live"]);
    expect(result(silent, "05.host")).toMatchObject({
      message: `host-mode-status is 200; http://127.0.0.1:${hostPort}/ answers nothing now.`,
      hint: firstLevel("05.host", silent),
    });
    expect(result(silent, "05.live").message).toBe(`127.0.0.1:${hostPort} did not answer.`);
  });

  it("hostc not in host mode: 05.host names its mode", () => {
    const bridged = edited(facts, (d) => {
      d.topology!.containers.find((c) => c.name === name("hostc"))!.hostConfig.networkMode = "default";
    });
    expect(failing(lab05, bridged)).toEqual(["05.host"]);
    expect(result(bridged, "05.host")).toMatchObject({
      message: "hostc's network mode is default.",
      hint: "Remove hostc and create it again with the network mode host.",
    });
  });

  it("a wrong list of shared namespaces flips 05.host-namespaces alone", () => {
    const wrong = edited(facts, (d) => {
      d.answers = { ...d.answers, "hostc-shared-namespaces": ["net", "pid"] };
    });
    expect(failing(lab05, wrong)).toEqual(["05.host-namespaces"]);
    expect(result(wrong, "05.host-namespaces")).toMatchObject({
      message: `You recorded ["net","pid"]; that is not what /proc says for hostc.`,
      hint: firstLevel("05.host-namespaces", wrong),
      hintLevels: 3,
    });
    // hostc in the host's pid namespace too (as with --pid host): the same answer is now right.
    const pidHost = edited(wrong, (d) => {
      d.probes.namespaces!.hostc.pid = d.probes.namespaces!.host.pid;
    });
    expect(failing(lab05, pidHost)).toEqual([]);
  });

  it("hostp's port really published: 05.host-p counts the binding", () => {
    const published = edited(facts, (d) => {
      d.topology!.containers.find((c) => c.name === name("hostp"))!.networkSettings.ports = {
        "80/tcp": [{ hostIp: "127.0.0.1", hostPort: String(ignoredPort) }],
      };
    });
    expect(failing(lab05, published)).toEqual(["05.host-p"]);
    expect(result(published, "05.host-p")).toMatchObject({
      message: `Port ${ignoredPort} is published (1 binding(s), 0 DNAT rule(s)).`,
      hint: "hostp must run with --network host.",
    });
    const wrongCount = edited(facts, (d) => {
      d.answers = { ...d.answers, "host-p-bindings": 1 };
    });
    expect(result(wrongCount, "05.host-p").message).toBe("host-p-bindings is 1; docker port lists 0 binding(s) for hostp.");
  });

  it("side in a namespace of its own: 05.container-mode compares the two namespaces, 05.side-veth no longer finds app's veth", () => {
    const apart = edited(facts, (d) => {
      const app = d.topology!.namespaces.find((n) => n.containers.includes(name("app")))!;
      app.containers = app.containers.filter((c) => c !== name("side"));
      d.topology!.namespaces.push({
        id: `container:${name("side")}`,
        kind: "container",
        name: name("side"),
        containers: [name("side")],
        inode: 1,
        pid: 1,
        interfaces: [],
        routes: [],
      });
    });
    const app = facts.topology!.namespaces.find((n) => n.containers.includes(name("app")))!;
    expect(failing(lab05, apart)).toEqual(["05.container-mode", "05.side-veth"]);
    expect(result(apart, "05.container-mode")).toMatchObject({
      message: `side's namespace net:[1] is not app's net:[${app.inode}].`,
      hint: `--network container:${name("app")} (app must be running first).`,
    });
    expect(result(apart, "05.side-veth").message).toBe(`${JSON.stringify(facts.answers["side-host-veth"])} is not the host end of side's eth0.`);
  });

  it("probe gets no page on localhost: the named cause is not fixed yet; a wrong diagnosis does not fit the evidence", () => {
    const broken = edited(facts, (d) => {
      d.probes.localhost = { ...d.probes.localhost, probe: false };
    });
    expect(failing(lab05, broken)).toEqual(["05.probe-fixed"]);
    expect(result(broken, "05.probe-fixed")).toMatchObject({
      message: 'You named the cause ("own-namespace"), but it is not fixed yet: wget http://127.0.0.1/ inside probe still gets no page.',
      hint: "localhost means \"this network namespace\". Compare probe's network with app's and side's: addresses, MACs, or /proc/PID/ns/net of their main processes (docker inspect gives the PID).",
      hintLevels: 3,
    });
    const misnamed = edited(facts, (d) => {
      d.answers = { ...d.answers, diagnosis: "firewall" };
    });
    expect(failing(lab05, misnamed)).toEqual(["05.probe-fixed"]);
    expect(result(misnamed, "05.probe-fixed").message).toBe(
      'You named "firewall" (an iptables rule drops the request); the evidence on this host does not fit it.',
    );
  });

  it("before setup (no ports chosen): the checks that need them say so", () => {
    const unset = edited(facts, (d) => {
      d.params = {};
    });
    expect(failing(lab05, unset)).toEqual(["05.host", "05.host-p", "05.live"]);
    expect(result(unset, "05.host")).toMatchObject({
      message: "The lab's setup has not run in this session.",
      hint: "Run the setup cell at the top of the notebook.",
    });
  });

  it("facts without iptables: 05.host-p says it could not look, nothing else changes", () => {
    const noNat = edited(facts, (d) => {
      delete d.topology!.nat;
    });
    expect(failing(lab05, noNat)).toEqual(["05.host-p"]);
    expect(result(noNat, "05.host-p").message).toBe("The check could not look at the host: the snapshot could not read iptables");
  });

  it("judges are pure: the same verdicts twice on the same facts", () => {
    for (const check of lab05.checks.filter(isJudged)) expect(judgeCheck(check, facts)).toEqual(judgeCheck(check, facts));
  });
});
