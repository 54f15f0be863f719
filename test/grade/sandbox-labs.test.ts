// Every lab and challenge graded in the sandbox (grade --jobs 2): each answer key gets full marks there, namespaces of
// its own, servers inside them and docker-proxy pids included (the checks mirror the sandbox's /run/netns,
// src/grade/sandbox-netns.ts), and so do labs 07, 08 and challenge c8, whose private engine runs nested in the
// sandbox's kernel (the checks mirror its socket, pid file and namespaces); blank notebooks score less, those of the
// labs with an engine of their own fail every check with a hint. Afterwards the host holds nothing of any sandbox: no
// container, network, netns, link or iptables rule of their sessions, no new mount (the host's /run/netns untouched), no
// cgroup, no session folder, no run folder, no holder, sandbox or nested dockerd process.
import { execa } from "execa";
import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challenges } from "../../src/challenges/registry.js";
import { existsSync } from "node:fs";
import { cgroupMounts } from "../../src/exec/cgroup.js";
import { gradable } from "../../src/grade/gradable.js";
import { labs } from "../../src/labs/registry.js";
import { namePrefix } from "../../src/ownership.js";
import { repoRoot, runCli } from "../helpers/cli.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { sessionObjects } from "../reliability/bystanders.js";
import { exportLab } from "./submissions.js";

interface Row {
  id: string;
  lab: string;
  session: string | null;
  status: string;
  points: number;
  maxPoints: number;
  message: string;
  checks: { id: string; passed: boolean; message: string }[];
}

const stateDir = process.env.DNL_STATE_DIR ?? join(process.env.HOME ?? "/root", ".local", "state", "docker-net-lab");
const maxOf = (id: string): number => (gradable.find((lab) => lab.id === id)?.checks ?? []).reduce((sum, check) => sum + check.points, 0);
// Gradable in the sandbox: every lab and challenge, those with an engine of their own included.
const inSandbox = gradable.map((lab) => lab.id);
const ownEngine = gradable.filter((lab) => lab.ownEngine).map((lab) => lab.id);
// Blank notebooks of the labs whose namespaces (or nested engine) the checks see (a vacuous mirror would pass them).
const blanks = ["02", "03", "06", "c1", "07", "08", "c8"];

// The host's mounts (root and mount point of each).
const hostMounts = async (): Promise<string[]> =>
  (await readFile("/proc/self/mountinfo", "utf8"))
    .split("\n")
    .map((line) => line.split(" "))
    .filter((fields) => fields.length > 5)
    .map((fields) => `${fields[3]} ${fields[4]}`)
    .sort();
// Mounts added since `before` that could be a sandbox's: on the netns folder itself, in the state dir, named after a session.
const addedMounts = async (before: readonly string[], sessions: readonly string[]): Promise<string[]> =>
  (await hostMounts())
    .filter((mount) => !before.includes(mount))
    .filter((mount) => /\s\/(var\/)?run\/netns$/.test(mount) || mount.includes(stateDir) || sessions.some((s) => mount.includes(s)));

// What this test's sessions left: engine objects and host objects named after them, their cgroups, folders, processes.
const traces = async (sessions: readonly string[], before: HostState): Promise<string[]> => {
  const found = [...(await sessionObjects(sessions))];
  const after = await hostState();
  for (const key of Object.keys(after) as (keyof HostState)[])
    found.push(...after[key].filter((item) => !before[key].includes(item) && sessions.some((s) => item.includes(s))).map((item) => `${key} ${item}`));
  const mountinfo = await readFile("/proc/self/mountinfo", "utf8");
  for (const mount of cgroupMounts(mountinfo)) {
    const walk = async (dir: string, depth: number): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (!entry.isDirectory()) continue;
        if (sessions.some((s) => entry.name === `dnl-${s}-sb`)) found.push(`cgroup ${join(dir, entry.name)}`);
        else if (depth < 3) await walk(join(dir, entry.name), depth + 1);
      }
    };
    await walk(mount.point, 0);
  }
  const sessionDirs = await readdir(join(stateDir, "sessions")).catch(() => [] as string[]);
  found.push(...sessionDirs.filter((s) => sessions.includes(s)).map((s) => `session folder ${s}`));
  // The checker's mount points for a nested engine's run folder (/run/dnl-<session>-<lab>) and the sandbox's own.
  found.push(...(await readdir("/run")).filter((entry) => sessions.some((s) => entry.startsWith(`dnl-${s}-`))).map((entry) => `run folder /run/${entry}`));
  const ps = (await execa("ps", ["-eo", "pid=,args="])).stdout.split("\n");
  found.push(
    ...ps
      .filter((line) => sessions.some((s) => line.includes(`/run/dnl-${s}-`)) || line.includes(join(repoRoot, "kernel-setup", "hold-mounts.py")))
      .map((line) => `process ${line.trim()}`),
  );
  return found;
};

// Container cgroups (a 64-hex directory, e.g. cpu/docker/<id>) in every hierarchy, at most 4 levels down. An engine
// inside a sandbox must put its containers' groups below the sandbox's own group (removed with it), never beside the
// host engine's: one left there outlives its container as an empty group.
const containerGroups = async (): Promise<string[]> => {
  const found: string[] = [];
  for (const mount of cgroupMounts(await readFile("/proc/self/mountinfo", "utf8"))) {
    const walk = async (dir: string, depth: number): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (!entry.isDirectory()) continue;
        if (/^[0-9a-f]{64}$/.test(entry.name)) found.push(join(dir, entry.name));
        else if (depth < 4) await walk(join(dir, entry.name), depth + 1);
      }
    };
    await walk(mount.point, 0);
  }
  return found;
};

// Container groups added since `before` whose container no longer exists (and that are still there after the look).
const orphanGroups = async (before: readonly string[]): Promise<string[]> => {
  const added = (await containerGroups()).filter((group) => !before.includes(group));
  const live = new Set((await execa("docker", ["ps", "-aq", "--no-trunc"])).stdout.split("\n").filter(Boolean));
  return added.filter((group) => !live.has(group.split("/").pop() ?? "") && existsSync(group));
};

describe("grade in the sandbox: every lab's and challenge's answer key", () => {
  let dir: string;
  let before: HostState;
  let mountsBefore: string[];
  let groupsBefore: string[];
  let rows: Row[] = [];
  const row = (id: string): Row => rows.find((r) => r.id === id) as Row;

  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-sandbox-labs-"));
    await mkdir(join(dir, "in"), { recursive: true });
    for (const lab of labs) await exportLab(lab.id, join(dir, "in", `solved-${lab.id}.ipynb`), true);
    for (const challenge of challenges) {
      const result = await runCli(["challenge", "export", challenge.id, "--solution", "--out", join(dir, "in", `solved-${challenge.id}.ipynb`)]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    for (const id of blanks) {
      const result = id.startsWith("c")
        ? await runCli(["challenge", "export", id, "--out", join(dir, "in", `blank-${id}.ipynb`)])
        : await runCli(["labs", "export", id, "--out", join(dir, "in", `blank-${id}.ipynb`)]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    // iproute2's first `ip netns add` on a machine mounts /run/netns on itself (shared): a one-time mount of the host's
    // own tool, not a sandbox's. Make it before the baseline, as any earlier lab would have, so that only mounts a
    // sandbox made count below.
    await execa("ip", ["netns", "add", `${namePrefix}mountbase`]);
    await execa("ip", ["netns", "delete", `${namePrefix}mountbase`]);
    before = await hostState();
    mountsBefore = await hostMounts();
    groupsBefore = await containerGroups();
  }, 300_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("grade --jobs 2: full marks for each answer key (07, 08 and c8 with their nested engine too), less for blanks", async () => {
    const result = await runCli(["grade", join(dir, "in"), "--out", join(dir, "out"), "--jobs", "2"], { timeout: 1_500_000 });
    expect(result.exitCode, result.stderr.slice(-3000)).toBe(0);
    rows = (JSON.parse(await readFile(join(dir, "out", "gradebook.json"), "utf8")) as { submissions: Row[] }).submissions;
    // Each row, and the checks it failed with their messages: a short answer key names its failing check here.
    for (const r of rows) {
      const failed = r.checks.filter((check) => !check.passed).map((check) => `\n  ✗ ${check.id}: ${check.message}`);
      console.log(`${r.id}: ${r.points}/${r.maxPoints} ${r.status} ${r.message}${r.id.startsWith("solved-") ? failed.join("") : ""}`);
    }
    expect(ownEngine).toEqual(["07", "08", "c8"]);
    for (const id of inSandbox) expect(row(`solved-${id}`), `solved-${id}`).toMatchObject({ lab: id, status: "ok", points: maxOf(id), maxPoints: maxOf(id) });
    for (const id of blanks) {
      expect(row(`blank-${id}`).lab).toBe(id);
      expect(row(`blank-${id}`).points, `blank-${id}`).toBeLessThan(maxOf(id) / 2);
    }
    // A blank notebook of a lab with its own engine: that engine runs (its setup cell starts it), every check fails on
    // what the grader read from it, each visible one with a hint (hidden checks keep theirs to themselves); none says
    // the engine was not there.
    for (const id of ownEngine) {
      const blank = row(`blank-${id}`) as Row & { checks: { hint?: string | null }[] };
      const hidden = new Set((gradable.find((lab) => lab.id === id)?.checks ?? []).filter((check) => check.hidden).map((check) => check.id));
      expect(blank.points, `blank-${id}`).toBe(0);
      for (const check of blank.checks) {
        expect(check.passed, `blank-${id} ${check.id}`).toBe(false);
        if (!hidden.has(check.id)) expect(check.hint, `blank-${id} ${check.id}`).toBeTruthy();
        expect(check.message ?? "", `blank-${id} ${check.id}`).not.toMatch(/private engine is not running|Not graded|Not checked/);
      }
    }
  }, 1_600_000);

  it("leaves nothing on the host: no object of its sessions, no new mount, cgroup, session folder or holder process", async () => {
    const sessions = rows.map((r) => r.session ?? "").filter(Boolean);
    expect(sessions.length).toBe(inSandbox.length + blanks.length);
    expect(await traces(sessions, before)).toEqual([]);
    expect(await addedMounts(mountsBefore, sessions)).toEqual([]);
    expect(await orphanGroups(groupsBefore), "empty container cgroups outside the sandboxes' own groups").toEqual([]);
    // The host's /run/netns folder mount itself is as it was (never bound, unmounted or made shared by a sandbox).
    const netnsFolder = (mounts: readonly string[]) => mounts.filter((mount) => /\s\/(var\/)?run\/netns$/.test(mount));
    expect(netnsFolder(await hostMounts())).toEqual(netnsFolder(mountsBefore));
  }, 120_000);
});
