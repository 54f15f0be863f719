import { readFile } from "node:fs/promises";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { runCli } from "../helpers/cli.js";
import { expectBlankFails, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite, runCells, runSetupTwice } from "./lab-harness.js";

// Forwarding is the host's and Docker's: part 8 may set it to 1, never change it.
const ipForward = async (): Promise<string> => (await readFile("/proc/sys/net/ipv4/ip_forward", "utf8")).trim();
// Processes of a session's servers (the internet's and part 8's): their folders are under the session's state folder.
const serversOf = async (session: string): Promise<string> =>
  String((await execa("pgrep", ["-af", `sessions/${session}/03/(internet|hand)-www`], { reject: false })).stdout).trim();
// Every iptables rule that carries a session's tag.
const taggedRulesOf = async (session: string): Promise<string[]> =>
  String((await execa("iptables-save")).stdout)
    .split("\n")
    .filter((line) => line.includes(`dnl-${session}-03-nat`));

describe("lab 03 · NAT and port publishing, through the real kernel", () => {
  const suite = labSuite();

  it("labs run 03 --solutions passes every check, the hidden one included and leaves nothing behind: no namespace, server, bridge, tagged rule; ip_forward unchanged", async () => {
    const forwarding = await ipForward();
    const result = await expectSolved("03", [
      "03.masquerade",
      "03.published",
      "03.dnat",
      "03.loopback",
      "03.snat",
      "03.counters",
      "03.routed",
      "03.dnat-path",
      "03.hairpin",
      "03.web2-fixed",
      "03.hand-net",
      "03.hand-masquerade",
      "03.hand-dnat",
      "03.hand-counters",
      "03.predictions",
      "03.live-nat",
    ]);
    expect(result.checks.find((c) => c.id === "03.dnat-path")?.evidence).toMatchObject({ before: expect.any(Number), after: expect.any(Number) });
    const bindings = result.checks.find((c) => c.id === "03.published")?.evidence.bindings as { hostPort: string }[];
    const seen = String(result.checks.find((c) => c.id === "03.snat")?.evidence.seen);
    // Part 8: the internet saw the host's address for the hand-made server's request (MASQUERADE), the server saw the internet's own (DNAT only).
    const check = (id: string) => result.checks.find((c) => c.id === id);
    expect(check("03.hand-masquerade")?.evidence.saw).toBe(seen);
    expect(String(check("03.hand-masquerade")?.evidence.rule)).toMatch(/-m comment --comment dnl-\w{4}-03-nat -j MASQUERADE$/);
    expect(String(check("03.hand-dnat")?.evidence.dnat)).toMatch(/--dport \d+ -m comment --comment dnl-\w{4}-03-nat -j DNAT --to-destination [\d.]+:80$/);
    const { before, after } = (check("03.hand-counters")?.evidence ?? {}) as { before: number; after: number };
    expect(after - before).toBe(2);
    await suite.leavesNothing([result.session], [`dport ${bindings[0]?.hostPort}`, seen]);
    expect(String((await execa("pgrep", ["-f", `docker-proxy .*-host-port ${bindings[0]?.hostPort} `], { reject: false })).stdout)).toBe("");
    expect(await serversOf(result.session)).toBe("");
    expect(await taggedRulesOf(result.session)).toEqual([]);
    expect(await ipForward()).toBe(forwarding);
  });

  it("labs run 03 without solutions fails every check, web2's port stays wrong, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("03", 16, { noAnswers: true });
    expect(result.checks.find((c) => c.id === "03.web2-fixed")?.evidence.fixed).toBe(false);
    // Part 8's first hint names the recipe and the concepts, never a command.
    const handNet = result.checks.find((c) => c.id === "03.hand-net");
    expect(handNet?.hints[0]).toMatch(/bridge.*namespace.*veth pair/);
    expect(handNet?.hints.join("\n")).not.toMatch(/ip (link|netns|addr) add|busybox httpd -p|iptables -/);
    await suite.leavesNothing([result.session]);
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario publishes web2 wrongly, a late prediction is refused", async () => {
    await expectTeachingMechanics("03", "03.published");
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes the internet namespace and its server", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("03", session, 15);
    await suite.leavesNothing([session]);
  });

  it("running setup twice is harmless: one internet namespace, one server, one address each side", async () => {
    const session = newSessionId();
    const probe = `const ns = lab.session.ifname("3in");
const servers = (await lab.exec(["ip", "netns", "pids", ns], { quiet: true })).stdout.trim().split("\\n").filter(Boolean).length;
const addrs = JSON.parse((await lab.exec(["ip", "-j", "addr", "show", "dev", lab.session.ifname("3h")], { quiet: true })).stdout)[0].addr_info.filter((a: any) => a.family === "inet").length;
const inside = JSON.parse((await lab.exec(["ip", "-n", ns, "-j", "addr", "show", "dev", "eth0"], { quiet: true })).stdout)[0].addr_info.filter((a: any) => a.family === "inet").length;
const params = await lab.params();
console.log("PROBE " + JSON.stringify({ servers, addrs, inside, keys: Object.keys(params).sort() }));`;
    const { run, probe: seen } = await runSetupTwice("03", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ servers: 1, addrs: 1, inside: 1, keys: ["hand-port", "hand-subnet", "internet", "pub-port", "web-port", "web2-port"] });
    await suite.leavesNothing([session]);
  });

  it("part 8's first hints grow to the next level, and `clean` alone removes the hand-made network: the server inside it, the namespace, the bridge and every tagged rule", async () => {
    const session = newSessionId();
    const forwarding = await ipForward();
    // Setup, then exercise 9 and 10 done by hand (the reference commands), then a failing check twice; no teardown.
    const build = `import { openLab } from "docker-net-lab";
const lab = await openLab("03");
await lab.setup();
const p = await lab.params();
const [base, last] = [String(p.internet).split("/")[0]!.split(".").slice(0, 3).join("."), Number(String(p.internet).split("/")[0]!.split(".")[3])];
const hostSide = \`\${base}.\${last + 1}\`;
const [br, ns, veth] = ["3br", "3sv", "3sh"].map((s) => lab.session.ifname(s));
const sub = String(p["hand-subnet"]);
const [gw, srv] = [sub.replace(/0\\/24$/, "1"), sub.replace(/0\\/24$/, "2")];
const tag = lab.name("nat");
await lab.check("03.hand-dnat");
await lab.check("03.hand-dnat");
for (const argv of [["ip", "link", "add", br, "type", "bridge"], ["ip", "addr", "add", gw + "/24", "dev", br], ["ip", "link", "set", br, "up"], ["ip", "netns", "add", ns],
  ["ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", ns], ["ip", "link", "set", veth, "master", br, "up"], ["ip", "-n", ns, "addr", "add", srv + "/24", "dev", "eth0"],
  ["ip", "-n", ns, "link", "set", "eth0", "up"], ["ip", "-n", ns, "route", "add", "default", "via", gw], ["ip", "netns", "exec", ns, "busybox", "httpd", "-p", srv + ":80", "-h", lab.session.dir + "/hand-www"],
  ["iptables", "-I", "DOCKER-USER", "-o", br, "-d", srv, "-p", "tcp", "--dport", "80", "-m", "comment", "--comment", tag, "-j", "ACCEPT"],
  ["iptables", "-I", "DOCKER-USER", "-i", br, "!", "-o", br, "-m", "comment", "--comment", tag, "-j", "ACCEPT"],
  ["iptables", "-t", "nat", "-A", "PREROUTING", "-d", hostSide, "-p", "tcp", "--dport", String(p["hand-port"]), "-m", "comment", "--comment", tag, "-j", "DNAT", "--to-destination", srv + ":80"]])
  await lab.exec(argv, { quiet: true });
const results = await lab.results("03.hand-net", "03.hand-dnat");
console.log("PROBE " + JSON.stringify(results.map((r) => r.passed)));`;
    const { run, outputs } = await runCells("03", session, [["build", build]]);
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    const text = outputs.get("build")?.text ?? "";
    expect(text).toMatch(/hint 1 of 3: Port publishing by hand/);
    expect(text).toMatch(/hint 2 of 3: Match -d hostSide/);
    expect(text).not.toMatch(/iptables -t nat -A PREROUTING -d \S+ -p tcp/);
    expect(text).toContain("PROBE [true,true]");
    expect(await serversOf(session)).not.toBe("");
    expect((await taggedRulesOf(session)).length).toBe(3);
    const cleaned = await runCli(["clean", "--session", session]);
    expect(cleaned.exitCode, cleaned.stderr).toBe(0);
    const report = JSON.parse(cleaned.stdout) as { namespaces: string[]; interfaces: string[]; iptablesRules: string[]; errors: string[] };
    expect(report.errors).toEqual([]);
    expect(report.namespaces).toContain(`dnl${session}3sv`);
    expect(report.interfaces).toContain(`dnl${session}3br`);
    expect(report.iptablesRules.length).toBe(3);
    expect(await serversOf(session)).toBe("");
    expect(await taggedRulesOf(session)).toEqual([]);
    expect(await ipForward()).toBe(forwarding);
    await suite.leavesNothing([session]);
  });
});
