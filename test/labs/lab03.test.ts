import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import {
  expectBlankFails,
  expectNoResidueOf,
  expectSolved,
  expectTeachingMechanics,
  expectWholeNotebookPasses,
  labSuite,
  runSetupTwice,
} from "./lab-harness.js";

describe("lab 03 · NAT and port publishing, through the real kernel", () => {
  const suite = labSuite();
  const { others } = suite;

  it("labs run 03 --solutions passes every check, the hidden one included and leaves nothing behind", async () => {
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
      "03.predictions",
      "03.live-nat",
    ]);
    expect(result.checks.find((c) => c.id === "03.dnat-path")?.evidence).toMatchObject({ before: expect.any(Number), after: expect.any(Number) });
    const bindings = result.checks.find((c) => c.id === "03.published")?.evidence.bindings as { hostPort: string }[];
    const seen = String(result.checks.find((c) => c.id === "03.snat")?.evidence.seen);
    await others.expectUntouched();
    await expectNoResidueOf(suite.before(), [result.session], [`dport ${bindings[0]?.hostPort}`, seen]);
    expect(String((await execa("pgrep", ["-f", `docker-proxy .*-host-port ${bindings[0]?.hostPort} `], { reject: false })).stdout)).toBe("");
  });

  it("labs run 03 without solutions fails every check, web2's port stays wrong, and no hint the grader shows gives a solution away", async () => {
    const result = await expectBlankFails("03", 12, { noAnswers: true });
    expect(result.checks.find((c) => c.id === "03.web2-fixed")?.evidence.fixed).toBe(false);
    await others.expectUntouched();
    await expectNoResidueOf(suite.before(), [result.session]);
  });

  it("hints come in levels (first level gives nothing away, a second failure shows the next), the scenario publishes web2 wrongly, a late prediction is refused", async () => {
    await expectTeachingMechanics("03", "03.published");
    await others.expectUntouched();
    await expectNoResidueOf(suite.before(), []);
  });

  it("the whole notebook, its teardown cell included, shows passing check reports and removes the internet namespace and its server", async () => {
    const session = newSessionId();
    await expectWholeNotebookPasses("03", session, 11);
    await others.expectUntouched();
    await expectNoResidueOf(suite.before(), [session]);
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
    expect(seen).toEqual({ servers: 1, addrs: 1, inside: 1, keys: ["internet", "pub-port", "web-port", "web2-port"] });
    await expectNoResidueOf(suite.before(), [session]);
  });
});
