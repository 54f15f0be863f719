// Red team: grade a folder of real notebooks, a solved one (twice: first and last), a blank one and hostile ones, each
// in its sandbox, with --jobs 2. Afterwards the bystanders on the host engine are intact, every row has a clear status,
// the solved ones have full marks, no hostile one scores more than the blank one, and the host holds nothing of the
// sandboxes (containers, networks, netns, mounts, cgroups, iptables rules, kernel processes). Then a grader SIGKILLed
// mid-run: `clean` removes what it left, and so does the next `grade`.
import { execa } from "execa";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cgroupMounts } from "../../src/exec/cgroup.js";
import { runCli, repoRoot } from "../helpers/cli.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { expectBystandersAlive, makeBystanders, removeBystanders, sessionObjects, type Bystanders } from "../reliability/bystanders.js";
import { exportLab, fakeCellSource, lab01MaxPoints } from "./submissions.js";

interface Row {
  id: string;
  session: string | null;
  status: string;
  points: number;
  maxPoints: number;
  message: string;
}

const stateDir = process.env.DNL_STATE_DIR ?? join(process.env.HOME ?? "/root", ".local", "state", "docker-net-lab");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Every trace a sandbox could leave on the host: its netns, its run folder, mounts of the state dir, cgroups, session folders, processes.
const sandboxTraces = async (): Promise<string[]> => {
  const traces: string[] = [];
  const netns = (await execa("ip", ["netns", "list"])).stdout.split("\n").map((line) => line.split(" ")[0] ?? "");
  traces.push(...netns.filter((name) => /^dnl[a-z0-9]{4}esb$/.test(name) && existsSync(join(stateDir, "sessions", name.slice(3, 7)))).map((n) => `netns ${n}`));
  // Session folders of sandboxes: this test's, or any holding a sandbox's engine marker (other test files' lab
  // sessions share the state directory in a full run and are theirs to remove).
  const sessions = (await readdir(join(stateDir, "sessions")).catch(() => [] as string[])).filter(
    (s) => knownSessions.has(s) || existsSync(join(stateDir, "sessions", s, "engine-sb")),
  );
  traces.push(...sessions.map((s) => `session folder ${s}`));
  for (const s of sessions) if (existsSync(`/run/dnl-${s}-sb`)) traces.push(`run folder /run/dnl-${s}-sb`);
  const mountinfo = await readFile("/proc/self/mountinfo", "utf8");
  traces.push(
    ...mountinfo
      .split("\n")
      .filter((line) => line.includes(stateDir) || / \/run\/dnl-[a-z0-9]{4}-sb/.test(line))
      .map((l) => `mount ${l}`),
  );
  for (const mount of cgroupMounts(mountinfo)) {
    const walk = async (dir: string, depth: number): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (!entry.isDirectory()) continue;
        if ([...knownSessions, ...sessions].some((s) => entry.name === `dnl-${s}-sb`)) traces.push(`cgroup ${join(dir, entry.name)}`);
        else if (depth < 3) await walk(join(dir, entry.name), depth + 1);
      }
    };
    await walk(mount.point, 0);
  }
  const ps = (await execa("ps", ["-eo", "pid=,args="])).stdout.split("\n");
  traces.push(
    ...ps
      .filter((line) => line.includes(join(repoRoot, "dist", "kernel", "main.js")) || line.includes(join(repoRoot, "kernel-setup", "sandbox.sh")))
      .map((l) => `process ${l.trim()}`),
  );
  return traces;
};
// Sessions of this test's sandboxes (another engineer's sandboxes are not ours to judge).
const knownSessions = new Set<string>();

// What is on the host now and was not before, and is ours: objects of this test's sessions on the host engine, and
// namespaces, links or iptables rules that name them (the host engine is shared: other engineers' objects come and go).
const residue = async (before: HostState): Promise<string[]> => {
  const after = await hostState();
  const mine = (item: string) => [...knownSessions].some((session) => item.includes(session));
  const added = (Object.keys(after) as (keyof HostState)[]).flatMap((key) =>
    after[key].filter((item) => !before[key].includes(item) && mine(item)).map((item) => `${key} ${item}`),
  );
  return [...added, ...(await sessionObjects([...knownSessions]))];
};

// The blank lab 01 notebook with its first exercise cell replaced.
const hostile = (blank: { cells: { id?: string; source: unknown }[] }, source: string) => ({
  ...blank,
  cells: blank.cells.map((cell) => (cell.id === "ex1" ? { ...cell, source } : cell)),
});

describe("grade in sandboxes: the red team", () => {
  let dir: string;
  let subs: string;
  let out: string;
  let bystanders: Bystanders;
  let before: HostState;
  let rows: Row[] = [];
  const row = (id: string): Row => rows.find((r) => r.id === id) as Row;

  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-redteam-"));
    subs = join(dir, "subs");
    out = join(dir, "out");
    bystanders = await makeBystanders();
    before = await hostState();
    await mkdir(subs, { recursive: true });
    const solved = await exportLab("01", join(subs, "aa-solved.ipynb"), true);
    await writeFile(join(subs, "zz-solved.ipynb"), JSON.stringify(solved));
    const blank = await exportLab("01", join(subs, "blank.ipynb"), false);
    const b = bystanders;
    const cells: Record<string, string> = {
      "h-lab-sh": `// Remove the bystanders through lab.sh.
for (const argv of [["docker", "rm", "-f", ${JSON.stringify(b.container)}], ["docker", "network", "rm", ${JSON.stringify(b.network)}], ["ip", "netns", "delete", ${JSON.stringify(b.namespace)}]])
  await lab.exec(argv).catch((e) => console.log("refused:", String(e.message).split("\\n")[0]));`,
      "h-child-process": `// Remove the bystanders through child_process, with every engine address there is.
import { execSync } from "node:child_process";
for (const host of ["", "DOCKER_HOST=unix:///var/run/docker.sock ", "DOCKER_HOST=unix:///run/docker.sock ", "DOCKER_HOST=tcp://127.0.0.1:2375 "])
  for (const cmd of ["docker rm -f ${b.container} ${b.lookalike}", "docker network rm ${b.network}"])
    try { console.log(execSync(host + cmd + " 2>&1", { encoding: "utf8", timeout: 10000 })); } catch (e) { console.log("failed:", String((e as any).stdout ?? e)); }
try { execSync("ip netns delete ${b.namespace}"); } catch (e) { console.log("no netns"); }`,
      "h-files": `// Delete and rewrite the grader's output folder, the other submissions, the grader's state and code.
import { rmSync, writeFileSync, mkdirSync } from "node:fs";
const tries: [string, () => void][] = [
  ["rm out", () => rmSync(${JSON.stringify(out)}, { recursive: true })],
  ["rewrite gradebook", () => writeFileSync(${JSON.stringify(join(out, "gradebook.csv"))}, "id,total\\nh-files,999\\n")],
  ["rewrite solved", () => writeFileSync(${JSON.stringify(join(subs, "aa-solved.ipynb"))}, "{}")],
  ["rm subs", () => rmSync(${JSON.stringify(subs)}, { recursive: true })],
  ["rm state", () => rmSync(${JSON.stringify(stateDir)}, { recursive: true })],
  ["rewrite checks", () => writeFileSync(${JSON.stringify(join(repoRoot, "dist", "grade", "sandbox-checks.js"))}, "")],
  ["write labs", () => mkdirSync(${JSON.stringify(join(repoRoot, "labs", "pwned"))})],
];
for (const [what, act] of tries) try { act(); console.log("did", what); } catch (e) { console.log("could not", what, (e as any).code); }`,
      "h-kill": `// Kill the parents, and every process it can see.
import { execSync } from "node:child_process";
try { execSync("pkill -9 -f cli/bin.js; pkill -9 -f vitest; pkill -9 dockerd"); } catch {}
process.kill(process.ppid, "SIGKILL");
try { execSync("kill -9 -1"); } catch {}`,
      "h-socket": `// Open the host's Docker socket directly.
import { connect } from "node:net";
import { execSync } from "node:child_process";
for (const path of ["/var/run/docker.sock", "/run/docker.sock", "/run/containerd/containerd.sock"])
  await new Promise<void>((done) => { const s = connect(path); s.on("connect", () => { s.write("DELETE /containers/${b.container}?force=1 HTTP/1.0\\r\\n\\r\\n"); console.log("connected", path); setTimeout(done, 1000); }); s.on("error", (e) => { console.log(path, e.message); done(); }); });
try { console.log(execSync("curl -s --max-time 5 --unix-socket /var/run/docker.sock -X DELETE 'http://x/containers/${b.container}?force=1' 2>&1", { encoding: "utf8" })); } catch (e) { console.log("curl failed"); }`,
      "h-forkbomb": `// A fork bomb.
import { spawn } from "node:child_process";
spawn("/bin/sh", ["-c", "b() { b | b & }; b"], { stdio: "ignore", detached: true });
await new Promise((r) => setTimeout(r, 15000));
console.log("still here");`,
      "h-memory": `// Allocate memory without end.
const hoard: Buffer[] = [];
while (true) hoard.push(Buffer.alloc(64 * 1024 * 1024, 1));`,
      "h-fake": fakeCellSource,
      "h-loop": "// I loop forever.\nwhile (true) {}",
    };
    for (const [id, source] of Object.entries(cells)) await writeFile(join(subs, `${id}.ipynb`), JSON.stringify(hostile(blank, source)));
  }, 300_000);
  afterAll(async () => {
    await removeBystanders(bystanders);
    await rm(dir, { recursive: true, force: true });
    await rm(join(repoRoot, "labs", "pwned"), { recursive: true, force: true });
  });

  it("grade --jobs 2 keeps the host, the bystanders and the gradebook safe, and scores only what each sandbox really shows", async () => {
    const result = await runCli(["grade", subs, "--out", out, "--jobs", "2", "--cell-timeout", "30", "--timeout", "150"], { timeout: 1_500_000 });
    expect(result.exitCode, result.stderr).toBe(0);
    rows = (JSON.parse(await readFile(join(out, "gradebook.json"), "utf8")) as { submissions: Row[] }).submissions;
    for (const r of rows) console.log(`${r.id}: ${r.points}/${r.maxPoints} ${r.status} ${r.message}`);
    for (const r of rows) if (r.session) knownSessions.add(r.session);
    expect(rows.map((r) => r.id).sort()).toEqual([
      "aa-solved",
      "blank",
      "h-child-process",
      "h-fake",
      "h-files",
      "h-forkbomb",
      "h-kill",
      "h-lab-sh",
      "h-loop",
      "h-memory",
      "h-socket",
      "zz-solved",
    ]);
    for (const r of rows) expect(["ok", "cell-errors", "timeout", "kernel-died", "runner-error"], `${r.id}: ${r.status}`).toContain(r.status);
    expect(row("aa-solved")).toMatchObject({ status: "ok", points: lab01MaxPoints });
    expect(row("zz-solved")).toMatchObject({ status: "ok", points: lab01MaxPoints });
    for (const r of rows.filter((r) => r.id.startsWith("h-"))) expect(r.points, r.id).toBeLessThanOrEqual(row("blank").points);
    expect(row("h-loop").status).toBe("timeout");
    await expectBystandersAlive(bystanders);
    // The submissions and the gradebook are the grader's: unchanged or written by the grader only.
    expect(JSON.parse(await readFile(join(subs, "aa-solved.ipynb"), "utf8")).cells.length).toBeGreaterThan(5);
    expect(await readFile(join(out, "gradebook.csv"), "utf8")).not.toContain("999");
    expect(existsSync(join(repoRoot, "labs", "pwned"))).toBe(false);
    expect((await readFile(join(repoRoot, "dist", "grade", "sandbox-checks.js"), "utf8")).length).toBeGreaterThan(100);
  }, 1_600_000);

  it("leaves nothing on the host: no container, network, netns, link, iptables rule, mount, cgroup or kernel process of a sandbox", async () => {
    expect(await sandboxTraces()).toEqual([]);
    expect(await residue(before)).toEqual([]);
  }, 120_000);

  it("a grader SIGKILLed mid-run leaves a sandbox that `clean` removes entirely, and one the next `grade` removes", async () => {
    const one = join(dir, "one");
    await writeFile(join(dir, "loop.ipynb"), await readFile(join(subs, "h-loop.ipynb"), "utf8"));
    for (const round of ["clean", "grade"]) {
      await rm(one, { recursive: true, force: true });
      await execa("mkdir", ["-p", one]);
      await execa("cp", [join(subs, "aa-solved.ipynb"), join(one, "a.ipynb")]);
      const grader = execa(process.execPath, [join(repoRoot, "dist", "cli", "bin.js"), "grade", one, "--out", join(dir, `out-${round}`)], {
        reject: false,
        cwd: repoRoot,
      });
      // Wait until its sandbox's engine runs containers (the notebook is half way), then kill the grader.
      const deadline = Date.now() + 240_000;
      let session = "";
      while (Date.now() < deadline) {
        // This grader's sandbox: the session with a sandbox marker that no earlier round made.
        const sessions = await readdir(join(stateDir, "sessions")).catch(() => [] as string[]);
        session = sessions.find((s) => !knownSessions.has(s) && existsSync(join(stateDir, "sessions", s, "engine-sb"))) ?? "";
        if (session && existsSync(`/run/dnl-${session}-sb/e/docker.sock`)) {
          const ps = await execa("docker", ["--host", `unix:///run/dnl-${session}-sb/e/docker.sock`, "ps", "-q"], { reject: false });
          if (ps.stdout.trim()) break;
        }
        await sleep(200);
      }
      expect(session).not.toBe("");
      knownSessions.add(session);
      grader.kill("SIGKILL");
      await grader;
      // Its engine, kernel and containers die with it (parent-death signal, the pid namespace going down) ...
      const running = async () => (await execa("pgrep", ["-f", `/run/dnl-${session}-sb`], { reject: false })).stdout.trim();
      for (const end = Date.now() + 15_000; Date.now() < end && (await running()); ) await sleep(200);
      expect(await running(), "processes of the killed grader's sandbox still run").toBe("");
      // ... and what is not a process stays for `clean` or the next grade.
      expect((await sandboxTraces()).length, "the killed grader left its sandbox").toBeGreaterThan(0);
      if (round === "clean") {
        // This sandbox's session only: every session's objects would include other users' of the shared engine.
        const cleaned = await runCli(["clean", "--session", session], { timeout: 120_000 });
        expect(cleaned.exitCode, cleaned.stderr).toBe(0);
      } else {
        await rm(one, { recursive: true, force: true });
        await execa("mkdir", ["-p", one]);
        await execa("cp", [join(subs, "blank.ipynb"), join(one, "b.ipynb")]);
        const next = await runCli(["grade", one, "--out", join(dir, "out-next")], { timeout: 600_000 });
        expect(next.exitCode, next.stderr).toBe(0);
        expect(next.stderr).toContain(`removed the sandbox of session ${session}`);
      }
      expect(await sandboxTraces()).toEqual([]);
      expect(existsSync(`/run/dnl-${session}-sb`)).toBe(false);
    }
    expect(await residue(before)).toEqual([]);
  }, 1_200_000);
});
