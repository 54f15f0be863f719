// Lab 03's judges on facts recorded on a real host (test/fixtures/facts/lab03-*.json, Docker 20.10.24 with the
// userland proxy, 2026-12-02): the answer key's facts pass every check; the blank notebook's fail each with its
// first hint level. The NAT checks read what topology/nat.ts computed from the snapshot (published ports joined to
// their DNAT, hairpin MASQUERADE and docker-proxy; MASQUERADE per subnet; the parsed tables for the learner's tagged
// rules): edits of those facts (a rule gone, a counter lower than recorded, a proxy pid, an untagged rule) and of the
// probes (a page not served, a source address seen) flip exactly the checks they should, with their exact message.
import { describe, expect, it } from "vitest";
import type { Lab03Probes } from "../../src/labs/defs/lab03-nat.js";
import { findLab } from "../../src/labs/registry.js";
import type { NatView, Topology } from "../../src/topology/model.js";
import { type Draft, edited, failing, judgeAll, loadFacts, resultOf } from "./facts-fixtures.js";

const lab = findLab("03");
const solution = loadFacts("03", "solution");
const blank = loadFacts("03", "blank");
const facts = solution.facts;
const s = facts.session;
const name = (short: string) => `dnl-${s}-03-${short}`;
const kernel = (short: string) => `dnl${s}${short}`;
const tag = name("nat");
const p = facts.params as Record<string, number | string>;
const hostSide = String(p.internet).replace(/\.(\d+)\/29$/, (_, last: string) => `.${Number(last) + 1}`);
const internetServer = String(p.internet).replace(/\.(\d+)\/29$/, (_, last: string) => `.${Number(last) + 2}`);
const handServer = String(p["hand-subnet"]).replace(/0\/24$/, "2");
const nat = (d: Draft<typeof facts>) => (d.topology as Draft<Topology>).nat as Draft<NatView>;
const published = (d: Draft<typeof facts>, short: string) => nat(d).published.find((port) => port.container === name(short))!;
const taggedRule = (d: Draft<typeof facts>, table: string, target: string) =>
  nat(d)
    .tables.find((t) => t.name === table)!
    .chains.flatMap((c) => c.rules)
    .find((r) => r.comment === tag && r.target === target)!;

describe("lab 03's judges on the recorded answer key and blank notebook", () => {
  it("the answer key's facts pass every check, the blank's fail every one, as on the host", () => {
    expect(Object.values(judgeAll(lab, facts)).every((r) => r.passed)).toBe(true);
    expect(failing(lab, blank.facts)).toEqual(lab.checks.map((c) => c.id));
    expect(solution.recorded.engine).toMatch(/^20\.10\./);
  });

  it("on the answer key's facts the NAT checks name the rules topology/nat.ts found: docker0's MASQUERADE, web's DNAT, its docker-proxy, pub's hairpin", () => {
    const results = judgeAll(lab, facts);
    expect(results["03.masquerade"]?.evidence).toEqual({ rule: "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE" });
    expect(results["03.dnat"]?.evidence.rule).toMatch(
      new RegExp(`^-d 127\\.0\\.0\\.1/32 ! -i docker0 -p tcp -m tcp --dport ${p["web-port"]} -j DNAT --to-destination [\\d.]+:80$`),
    );
    expect(results["03.loopback"]?.message).toBe(
      `Docker 20.10.24: 127.0.0.1:${p["web-port"]} answered 200, served by docker-proxy pid ${facts.answers["proxy-pid"]} (nat OUTPUT skips 127.0.0.0/8, so the userland proxy answers).`,
    );
    expect(results["03.hairpin"]?.message).toMatch(
      /^pub reached its own published port\. Docker 20\.10\.24: -A POSTROUTING -s ([\d.]+)\/32 -d \1\/32 -p tcp -m tcp --dport 80 -j MASQUERADE; with the userland proxy on/,
    );
    expect(results["03.routed"]?.message).toMatch(/^Docker 20\.10\.24 ignores gateway_mode_ipv4/);
    expect(results["03.hand-masquerade"]?.evidence).toEqual({
      saw: hostSide,
      rule: `-s ${p["hand-subnet"]} ! -o ${kernel("3br")} -m comment --comment ${tag} -j MASQUERADE`,
    });
    expect(results["03.hand-counters"]?.evidence).toMatchObject({ before: 1, after: 3 });
  });

  it("the blank notebook's facts fail with the first level of each hint, the hand-made part's without a command", () => {
    const results = judgeAll(lab, blank.facts);
    const other = (short: string) => `dnl-${blank.facts.session}-03-${short}`;
    expect(results["03.masquerade"]).toMatchObject({
      message: "No answer recorded for masquerade-source.",
      hint: expect.stringMatching(/^Outbound NAT is done in nat POSTROUTING/),
      hintLevels: 2,
    });
    expect(results["03.published"]).toMatchObject({
      message: `No container named ${other("web")}.`,
      hint: expect.stringMatching(/^web is exercise 2's container/),
    });
    expect(results["03.dnat"]?.message).toBe("web is not running on the default bridge.");
    expect(results["03.loopback"]?.message).toBe(`web does not publish port 80 on ${blank.facts.params["web-port"]}.`);
    expect(results["03.hand-net"]).toMatchObject({
      message: `There is no bridge dnl${blank.facts.session}3br on the host.`,
      hint: expect.stringMatching(/^Lab 02's recipe, for one namespace: a bridge/),
    });
    expect(results["03.hand-net"]?.hint).not.toMatch(/ip (link|netns|addr) add|busybox httpd -p|iptables -/);
    expect(results["03.web2-fixed"]?.evidence).toMatchObject({ fixed: false });
  });
});

describe("lab 03's judges on edited answer-key facts", () => {
  it("docker0's MASQUERADE gone from the NAT view: masquerade says so, counters reads 0 live", () => {
    const gone = edited(facts, (d) => {
      nat(d).masquerade = nat(d).masquerade.filter((m) => m.exceptOut !== "docker0");
    });
    expect(failing(lab, gone)).toEqual(["03.masquerade", "03.counters"]);
    expect(resultOf(lab, gone, "03.masquerade")).toMatchObject({
      message: "There is no MASQUERADE rule for docker0 on this host.",
      hint: "Is the engine running with ip masquerade enabled? Run `npx docker-net-lab doctor`.",
    });
    expect(resultOf(lab, gone, "03.counters").message).toBe(`masq-after (${facts.answers["masq-after"]}) is higher than the live counter (0).`);
  });

  it("a per-container source recorded for masquerade-source: the hint says which rule to read", () => {
    const wrong = edited(facts, (d) => {
      d.answers = { ...d.answers, "masquerade-source": "172.17.0.2/32" };
    });
    expect(failing(lab, wrong)).toEqual(["03.masquerade"]);
    expect(resultOf(lab, wrong, "03.masquerade")).toMatchObject({
      message: 'You recorded "172.17.0.2/32", but the rule\'s source is 172.17.0.0/16.',
      hint: "Take the `source` field (-s) of the rule with `! -o docker0`, not of a per-container (hairpin) rule.",
    });
  });

  it("web's DNAT not joined to its published port: dnat and loopback say there is none", () => {
    const noDnat = edited(facts, (d) => {
      published(d, "web").dnat = null;
    });
    expect(failing(lab, noDnat)).toEqual(["03.dnat"]);
    expect(resultOf(lab, noDnat, "03.dnat")).toMatchObject({
      message: `There is no DNAT rule for port ${p["web-port"]} in nat DOCKER.`,
      hint: "Publish web's port first (03.published).",
    });
  });

  it("another docker-proxy pid recorded, or web published on 0.0.0.0: loopback and published fail with their messages", () => {
    const pid = edited(facts, (d) => {
      d.answers = { ...d.answers, "proxy-pid": 1 };
    });
    expect(failing(lab, pid)).toEqual(["03.loopback"]);
    expect(resultOf(lab, pid, "03.loopback")).toMatchObject({
      message: `proxy-pid is 1, but docker-proxy for port ${p["web-port"]} is pid ${facts.answers["proxy-pid"]}.`,
      hint: expect.stringMatching(/^docker-proxy is a process of the engine, one per published port/),
    });
    const open = edited(facts, (d) => {
      const web = (d.topology as Draft<Topology>).containers.find((c) => c.name === name("web"))!;
      web.networkSettings.ports["80/tcp"] = [{ hostIp: "0.0.0.0", hostPort: String(p["web-port"]) }];
    });
    expect(failing(lab, open)).toContain("03.published");
    expect(resultOf(lab, open, "03.published").message).toBe(`web is published on 0.0.0.0:${p["web-port"]}: that is reachable from outside this machine.`);
  });

  it("pub's DNAT counter below what was recorded, or the internet namespace gets no page: dnat-path fails", () => {
    const low = edited(facts, (d) => {
      published(d, "pub").dnat!.packets = 1;
    });
    expect(failing(lab, low)).toEqual(["03.dnat-path"]);
    expect(resultOf(lab, low, "03.dnat-path").message).toBe(`dnat-after (${facts.answers["dnat-after"]}) is higher than the live counter (1).`);
    const noPage = edited<Lab03Probes>(facts, (d) => {
      d.probes.internetGetsPub = false;
    });
    expect(failing(lab, noPage)).toEqual(["03.dnat-path"]);
    expect(resultOf(lab, noPage, "03.dnat-path").message).toBe(`The internet namespace gets no page from http://${hostSide}:${p["pub-port"]}/ now.`);
  });

  it("hairpin: no hairpin rule in the NAT view fails the recorded source; null then passes; a different reach fails", () => {
    const noRule = edited(facts, (d) => {
      published(d, "pub").hairpin = null;
    });
    expect(failing(lab, noRule)).toEqual(["03.hairpin"]);
    expect(resultOf(lab, noRule, "03.hairpin")).toMatchObject({
      message: `hairpin-source is ${JSON.stringify(facts.answers["hairpin-source"])}, but Docker 20.10.24 has no hairpin MASQUERADE rule for pub.`,
    });
    const nullAnswer = edited(noRule, (d) => {
      d.answers = { ...d.answers, "hairpin-source": null };
    });
    expect(failing(lab, nullAnswer)).toEqual([]);
    expect(resultOf(lab, nullAnswer, "03.hairpin").message).toMatch(/^Docker 20\.10\.24 with the userland proxy adds no per-port hairpin MASQUERADE/);
    const unreached = edited<Lab03Probes>(facts, (d) => {
      d.probes.pubReachesItself = false;
    });
    expect(failing(lab, unreached)).toEqual(["03.hairpin"]);
    expect(resultOf(lab, unreached, "03.hairpin").message).toBe(
      `hairpin-reached is true, which is not what happens when pub requests http://${hostSide}:${p["pub-port"]}/ now.`,
    );
  });

  it("routed network not masqueraded (an engine that honours the mode): routed expects r1's own address", () => {
    const honoured = edited(facts, (d) => {
      nat(d).masquerade = nat(d).masquerade.filter((m) => m.subnet !== p.routed);
    });
    expect(failing(lab, honoured)).toEqual(["03.routed"]);
    const r1 = facts.topology!.containers.find((c) => c.name === name("r1"))!.networkSettings.networks[name("netr")]!.ipAddress;
    expect(resultOf(lab, honoured, "03.routed")).toMatchObject({
      message: `You recorded ${JSON.stringify(hostSide)}; the internet namespace sees r1's requests from ${r1}.`,
      hint: "This engine does not masquerade the routed network: the source stays r1's own address.",
    });
  });

  it("web2's port still unanswered: web2-fixed says the named cause is not fixed yet", () => {
    const broken = edited<Lab03Probes>(facts, (d) => {
      d.probes.web2Answers = false;
    });
    expect(failing(lab, broken)).toEqual(["03.web2-fixed"]);
    expect(resultOf(lab, broken, "03.web2-fixed")).toMatchObject({
      message: `You named the cause ("wrong-container-port"), but it is not fixed yet: http://127.0.0.1:${p["web2-port"]}/ still gets no page.`,
      hint: expect.stringMatching(/^Follow the request: which host address and port are published/),
    });
  });

  it("the hand-made part: host end unplugged, forwarding off, an untagged MASQUERADE, the source not rewritten", () => {
    const unplugged = edited(facts, (d) => {
      (d.topology as Draft<Topology>).namespaces.find((n) => n.id === "host")!.interfaces.find((i) => i.name === kernel("3sh"))!.master = null;
    });
    expect(failing(lab, unplugged)).toEqual(["03.hand-net"]);
    expect(resultOf(lab, unplugged, "03.hand-net").message).toBe(
      `The other end of ${kernel("3sv")}'s eth0 (${kernel("3sh")}) is not plugged into ${kernel("3br")}.`,
    );
    const off = edited<Lab03Probes>(facts, (d) => {
      d.probes.ipForward = "0";
    });
    expect(failing(lab, off)).toEqual(["03.hand-masquerade"]);
    expect(resultOf(lab, off, "03.hand-masquerade").message).toBe("net.ipv4.ip_forward is 0: this host routes nothing between its interfaces.");
    const untagged = edited(facts, (d) => {
      taggedRule(d, "nat", "MASQUERADE").comment = null;
    });
    expect(failing(lab, untagged)).toEqual(["03.hand-masquerade"]);
    expect(resultOf(lab, untagged, "03.hand-masquerade")).toMatchObject({
      message: `The internet saw ${hostSide}, but no MASQUERADE rule for ${p["hand-subnet"]} carries the comment ${tag}: teardown removes only tagged rules, so an untagged one would stay.`,
      hint: expect.stringMatching(/^Every rule you write carries -m comment --comment with the tag/),
    });
    const notRewritten = edited<Lab03Probes>(facts, (d) => {
      d.probes.handToInternet = { ok: true, stdout: `${handServer}\n`, stderr: "" };
    });
    expect(failing(lab, notRewritten)).toEqual(["03.hand-masquerade"]);
    expect(resultOf(lab, notRewritten, "03.hand-masquerade").message).toBe(
      `The internet saw ${handServer}, the namespace's own address: the host forwarded the request without rewriting its source.`,
    );
  });

  it("the learner's DNAT rule untagged: hand-dnat and hand-counters say so; the internet's page unanswered: hand-dnat alone", () => {
    const untagged = edited(facts, (d) => {
      taggedRule(d, "nat", "DNAT").comment = null;
    });
    expect(failing(lab, untagged)).toEqual(["03.hand-dnat", "03.hand-counters"]);
    expect(resultOf(lab, untagged, "03.hand-dnat").message).toBe(
      `http://${hostSide}:${p["hand-port"]}/ answers, but no DNAT rule for port ${p["hand-port"]} carries the comment ${tag}: teardown removes only tagged rules.`,
    );
    expect(resultOf(lab, untagged, "03.hand-counters").message).toBe(`There is no DNAT rule tagged ${tag} for port ${p["hand-port"]} now.`);
    const refused = edited<Lab03Probes>(facts, (d) => {
      d.probes.internetToHand = { ok: false, stdout: "", stderr: "wget: can't connect to remote host: Connection refused\n" };
    });
    expect(failing(lab, refused)).toEqual(["03.hand-dnat"]);
    expect(resultOf(lab, refused, "03.hand-dnat")).toMatchObject({
      message: `The internet namespace gets no page from http://${hostSide}:${p["hand-port"]}/ (wget: can't connect to remote host: Connection refused).`,
      hint: expect.stringMatching(/^Port publishing by hand is what Docker's DNAT in nat DOCKER does/),
    });
    const wrongSaw = edited(facts, (d) => {
      d.answers = { ...d.answers, "hand-saw": hostSide };
    });
    expect(failing(lab, wrongSaw)).toEqual(["03.hand-counters"]);
    expect(resultOf(lab, wrongSaw, "03.hand-counters").message).toBe(
      `You recorded hand-saw = ${JSON.stringify(hostSide)}; a request from the internet namespace through your DNAT rule reaches the server from ${internetServer}.`,
    );
  });

  it("web's request to the internet not rewritten, or 127.0.0.1:port unanswered: only the hidden live-nat fails", () => {
    const leaked = edited<Lab03Probes>(facts, (d) => {
      d.probes.webToInternet = { ok: true, stdout: "172.17.0.2\n", stderr: "" };
    });
    expect(failing(lab, leaked)).toEqual(["03.live-nat"]);
    expect(resultOf(lab, leaked, "03.live-nat").message).toBe(`web's request to the internet namespace returned "172.17.0.2".`);
    const silent = edited<Lab03Probes>(facts, (d) => {
      d.probes.loopbackAnswers = false;
    });
    expect(resultOf(lab, silent, "03.live-nat").message).toBe(`127.0.0.1:${p["web-port"]} did not answer.`);
  });

  it("no iptables in the snapshot: every check that reads NAT says what it could not read, none crashes", () => {
    const noNat = edited(facts, (d) => {
      delete (d.topology as Draft<Topology>).nat;
    });
    expect(failing(lab, noNat)).toEqual([
      "03.masquerade",
      "03.dnat",
      "03.loopback",
      "03.counters",
      "03.routed",
      "03.dnat-path",
      "03.hairpin",
      "03.hand-masquerade",
      "03.hand-dnat",
      "03.hand-counters",
    ]);
    expect(resultOf(lab, noNat, "03.masquerade").message).toBe("The check could not look at the host: iptables could not be read (no NAT view)");
  });
});
