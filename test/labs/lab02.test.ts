import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { expectBlankFails, expectSolved, expectTeachingMechanics, expectWholeNotebookPasses, labSuite, runCells, runSetupTwice } from "./lab-harness.js";
import { runCli } from "../helpers/cli.js";

describe("lab 02 · veth pairs and namespaces, through the real kernel", () => {
  const suite = labSuite();

  it("labs run 02 --solutions passes every check, the hidden one included and leaves nothing behind", async () => {
    const result = await expectSolved("02", [
      "02.veth-pairs",
      "02.stop-removes-veth",
      "02.veth-count",
      "02.hand-built",
      "02.hand-pairing",
      "02.c-fixed",
      "02.predictions",
      "02.hand-ping",
    ]);
    await suite.leavesNothing([result.session], [String(result.checks.find((c) => c.id === "02.hand-built")?.evidence.gateway ?? "")]);
  });

  it("labs run 02 without solutions fails every check, namespace C stays unplugged, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("02", 8, { noAnswers: true });
    expect(result.checks.find((c) => c.id === "02.c-fixed")?.evidence.fixed).toBe(false);
    await suite.leavesNothing([result.session]);
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario breaks C, a late prediction is refused", async () => {
    await expectTeachingMechanics("02", "02.hand-built");
    await suite.leavesNothing([]);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes its namespaces, links and iptables rule", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("02", session, 7);
    await suite.leavesNothing([session]);
    expect(String((await execa("iptables-save")).stdout)).not.toContain(`dnl${session}`);
  });

  it("running setup twice is harmless: one bridge (its MAC pinned), one namespace A, one FORWARD rule", async () => {
    const session = newSessionId();
    const probe = `const out = (await lab.exec(["iptables-save", "-t", "filter"], { quiet: true })).stdout;
const rules = out.split("\\n").filter((l) => l.includes(lab.session.ifname("2br"))).length;
const ns = (await lab.exec(["ip", "netns", "list"], { quiet: true })).stdout.split("\\n").filter((l) => l.startsWith(lab.session.ifname("2a"))).length;
const addrs = JSON.parse((await lab.exec(["ip", "-j", "addr", "show", "dev", lab.session.ifname("2br")], { quiet: true })).stdout)[0].addr_info.filter((a: any) => a.family === "inet").length;
// 3: the MAC was set (pinned, like docker0's), so a port with a lower MAC plugged in later does not change it.
const assign = (await lab.exec(["cat", \`/sys/class/net/\${lab.session.ifname("2br")}/addr_assign_type\`], { quiet: true })).stdout.trim();
console.log("PROBE " + JSON.stringify({ rules, ns, addrs, assign }));`;
    const { run, probe: seen } = await runSetupTwice("02", session, probe);
    expect(run.status).toBe("ok");
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    expect(seen).toEqual({ rules: 1, ns: 1, addrs: 1, assign: "3" });
    await suite.leavesNothing([session]);
  });

  it("an interrupted lab (setup ran, no teardown): clean --session finds its namespace, bridge and FORWARD rule (by the rule's comment) and removes them", async () => {
    const session = newSessionId();
    const { run } = await runCells("02", session, [
      ["setup", `import { openLab } from "docker-net-lab";\nconst lab = await openLab("02");\nawait lab.setup();`],
    ]);
    expect(run.cells.filter((cell) => cell.error)).toEqual([]);
    const bridge = `dnl${session}2br`;
    expect(String((await execa("iptables-save", ["-t", "filter"])).stdout)).toContain(`--comment ${bridge}`);
    const cleaned = await runCli(["clean", "--session", session]);
    expect(cleaned.exitCode, cleaned.stderr).toBe(0);
    const report = JSON.parse(cleaned.stdout) as { interfaces: string[]; iptablesRules: string[]; errors: string[] };
    expect(report.errors).toEqual([]);
    expect(report.interfaces).toContain(bridge);
    expect(report.iptablesRules).toHaveLength(1);
    expect(String((await execa("iptables-save")).stdout)).not.toContain(`dnl${session}`);
    await suite.leavesNothing([session]);
  });
});
