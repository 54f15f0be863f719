import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taggedRules } from "../../src/labs/clean.js";
import { isSessionId } from "../../src/ownership.js";
import { LabSession, newSessionId } from "../../src/labs/session.js";
import { runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { exportLab } from "../grade/submissions.js";
import { expectBystandersAlive, makeBystanders, removeBystanders, sessionObjects, toolbox, type Bystanders } from "./bystanders.js";

interface CleanJson {
  dryRun: boolean;
  containers: string[];
  networks: string[];
  volumes: string[];
  namespaces: string[];
  interfaces: string[];
  iptablesRules: string[];
  engines: string[];
  sessionDirs: string[];
  errors: string[];
}

describe("ownership: clean, labs run and grade never touch what the project did not create", () => {
  let bystanders: Bystanders;
  let dir: string;
  let state: string;
  const stale = newSessionId();
  const labels = ["--label", "io.docker-net-lab.owner=docker-net-lab", "--label", `io.docker-net-lab.session=${stale}`, "--label", "io.docker-net-lab.lab=01"];
  const rule = ["INPUT", "-s", "192.0.2.213/32", "-m", "comment", "--comment", `dnl-${stale}-01-test`, "-j", "RETURN"];
  const env = (): Record<string, string> => ({ DNL_STATE_DIR: state });

  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-own-"));
    state = join(dir, "state");
    bystanders = await makeBystanders();
    // A crashed run of session `stale`: labeled container, network and volume; a namespace, a veth pair and an iptables rule with its prefix;
    // its answers. (A private engine left running is lab 07's test: test/labs/lab07.test.ts.)
    await execa("docker", ["run", "-d", "--name", `dnl-${stale}-01-web1`, ...labels, toolbox, "sleep", "600"]);
    await execa("docker", ["network", "create", ...labels, `dnl-${stale}-01-net`]);
    await execa("docker", ["volume", "create", ...labels, `dnl-${stale}-01-vol`]);
    await execa("ip", ["netns", "add", `dnl-${stale}-01-ns`]);
    await execa("ip", ["link", "add", `dnl${stale}a`, "type", "veth", "peer", "name", `dnl${stale}b`]);
    await execa("iptables", ["-A", ...rule]);
    await mkdir(join(state, "sessions", stale), { recursive: true });
    await writeFile(join(state, "sessions", stale, "01-answers.json"), "{}");
  }, 120_000);

  afterAll(async () => {
    await removeBystanders(bystanders);
    await execa("docker", ["rm", "-f", `dnl-${stale}-01-web1`], { reject: false });
    await execa("docker", ["network", "rm", `dnl-${stale}-01-net`], { reject: false });
    await execa("docker", ["volume", "rm", `dnl-${stale}-01-vol`], { reject: false });
    await execa("ip", ["netns", "delete", `dnl-${stale}-01-ns`], { reject: false });
    await execa("ip", ["link", "delete", `dnl${stale}a`], { reject: false });
    await execa("iptables", ["-D", ...rule], { reject: false });
    await rm(dir, { recursive: true, force: true });
  });

  it("taggedRules(save, session) finds rules by their project-named comment, in their table and chain", () => {
    const save = `*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n-A PREROUTING -d 10.0.0.1/32 -m comment --comment "dnl-ab12-03 dnat" -j DNAT --to-destination 10.0.0.2\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\n[3:180] -A INPUT -m comment --comment dnl-zz99-01 -j RETURN\n-A INPUT -m comment --comment dnl-users-rule -j RETURN\n-A INPUT -m comment --comment dnlzab12 -j RETURN\nCOMMIT\n`;
    expect(taggedRules(save, "ab12")).toEqual([
      { table: "nat", chain: "PREROUTING", spec: '-d 10.0.0.1/32 -m comment --comment "dnl-ab12-03 dnat" -j DNAT --to-destination 10.0.0.2' },
    ]);
    // Every session: both project comments (dnl-users-rule has no 4-character session: not ours); dnlzab12 is session zab1's.
    expect(taggedRules(save, null).map((r) => `${r.table} ${r.chain}`)).toEqual(["nat PREROUTING", "filter INPUT", "filter INPUT"]);
  });

  it("clean --dry-run lists a stale session's objects and removes nothing", async () => {
    const { stdout, exitCode } = await runCli(["clean", "--session", stale, "--dry-run"], { env: env() });
    expect(exitCode).toBe(0);
    const report = JSON.parse(stdout) as CleanJson;
    expect(report).toMatchObject({
      dryRun: true,
      containers: [`dnl-${stale}-01-web1`],
      networks: [`dnl-${stale}-01-net`],
      volumes: [`dnl-${stale}-01-vol`],
      namespaces: [`dnl-${stale}-01-ns`],
      sessionDirs: [stale],
    });
    expect(report.interfaces.sort()).toEqual([`dnl${stale}a`, `dnl${stale}b`]);
    expect(report.iptablesRules).toHaveLength(1);
    expect(report.engines).toEqual([]);
    expect((await sessionObjects([stale])).length).toBe(6);
  });

  it("clean --all-sessions --dry-run lists the stale session's objects but no bystander", async () => {
    const { stdout } = await runCli(["clean", "--all-sessions", "--dry-run"], { env: env() });
    const report = JSON.parse(stdout) as CleanJson;
    expect(report.containers).toContain(`dnl-${stale}-01-web1`);
    const all = JSON.stringify(report);
    for (const name of [bystanders.container, bystanders.lookalike, bystanders.network, bystanders.namespace]) expect(all).not.toContain(name);
  });

  it("clean --session removes everything of that session (objects, rules, folder) and nothing else", async () => {
    const { stdout, exitCode } = await runCli(["clean", "--session", stale], { env: env() });
    const report = JSON.parse(stdout) as CleanJson;
    expect(report.errors).toEqual([]);
    expect(exitCode).toBe(0);
    expect(await sessionObjects([stale])).toEqual([]);
    expect((await execa("iptables", ["-C", ...rule], { reject: false })).exitCode).not.toBe(0);
    expect(existsSync(join(state, "sessions", stale))).toBe(false);
    await expectBystandersAlive(bystanders);
  });

  it("clean --session of the look-alike's session leaves the user's unlabeled dnl-named container alone", async () => {
    const { stdout } = await runCli(["clean", "--session", bystanders.lookalikeSession], { env: env() });
    expect((JSON.parse(stdout) as CleanJson).containers).toEqual([]);
    await expectBystandersAlive(bystanders);
  });

  it("labs run 01 --solutions and grade leave every bystander alive", async () => {
    const run = await runCli(["labs", "run", "01", "--solutions", "--json"]);
    expect(run.exitCode).toBe(0);
    await expectBystandersAlive(bystanders);
    await exportLab("01", join(dir, "solved.ipynb"), true);
    const graded = await runCli(["grade", join(dir, "solved.ipynb"), "--out", join(dir, "out")]);
    expect(graded.exitCode).toBe(0);
    await expectBystandersAlive(bystanders);
  }, 300_000);

  it("clean rejects a malformed --session with exit 2", async () => {
    const { exitCode, stderr } = await runCli(["clean", "--session", "../../etc"], { env: env() });
    expect(exitCode).toBe(2);
    expect(stderr).toContain("--session");
  });

  it("session ids have one length, so no session's interface prefix is the start of another's", async () => {
    expect(isSessionId("ab12")).toBe(true);
    for (const bad of ["ab1", "ab123", "AB12", "ab-1", "ab12345"]) expect(isSessionId(bad)).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{4}$/), fc.stringMatching(/^[a-z0-9]{4}$/), fc.stringMatching(/^[a-z0-9]{1,8}$/), (a, b, short) => {
        fc.pre(a !== b);
        return !new LabSession(b, "01").ifname(short).startsWith(new LabSession(a, "01").ifname(""));
      }),
    );
    const { exitCode, stderr } = await runCli(["clean", "--dry-run", "--session", "ab123"], { env: env() });
    expect(exitCode).toBe(2);
    expect(stderr).toContain("4 lowercase letters or digits");
  });
});
