import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { exportLab, lab01MaxPoints } from "../grade/submissions.js";
import { killEngine, removeSecondEngine, restartEngine, startSecondEngine, type SecondEngine } from "./second-engine.js";

const bin = join(repoRoot, "dist", "cli", "bin.js");

interface Gradebook {
  submissions: { id: string; status: string; points: number; session: string | null }[];
}

describe("the engine is killed in the middle (a second dockerd of our own, never the shared one)", () => {
  let engine: SecondEngine;
  let dir: string;
  const cli = (args: string[]) =>
    execa(process.execPath, [bin, ...args], { reject: false, timeout: 300_000, cwd: repoRoot, env: { DOCKER_HOST: engine.host } });
  // Containers and non-default networks left on the second engine.
  const leftovers = async (): Promise<string[]> => [
    ...String((await execa("docker", ["-H", engine.host, "ps", "-a", "--format", "{{.Names}}"])).stdout)
      .split("\n")
      .filter(Boolean),
    ...String((await execa("docker", ["-H", engine.host, "network", "ls", "--format", "{{.Name}}"])).stdout)
      .split("\n")
      .filter((name) => name && !["bridge", "host", "none"].includes(name)),
  ];

  // Names of lab 01's web containers on the second engine, running or not.
  const webContainers = async (): Promise<string[]> =>
    String((await execa("docker", ["-H", engine.host, "ps", "-a", "--format", "{{.Names}}"], { reject: false })).stdout)
      .split("\n")
      .filter((name) => /^dnl-[a-z0-9]+-01-web/.test(name));

  beforeAll(async () => {
    await requireEngine();
    engine = await startSecondEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-killed-"));
    await mkdir(join(dir, "subs"));
    await exportLab("01", join(dir, "solved.ipynb"), true);
    for (const name of ["a", "b", "c"]) await copyFile(join(dir, "solved.ipynb"), join(dir, "subs", `${name}.ipynb`));
  }, 240_000);
  afterAll(async () => {
    if (engine) await removeSecondEngine(engine);
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("lab 01 passes on the second engine (DOCKER_HOST is respected everywhere)", async () => {
    const result = await cli(["labs", "run", "01", "--solutions", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(await leftovers()).toEqual([]);
  }, 240_000);

  it("killed mid-grading: exit 2 with the fix, graded rows kept, the rest marked, and clean afterwards leaves nothing", async () => {
    // --no-sandbox: graded on the learner's engine (DOCKER_HOST), the one killed here. In the sandbox each submission
    // has an engine of its own, and one that dies costs that submission only (test/grade/sandbox.test.ts).
    const grading = cli(["grade", join(dir, "subs"), "--out", join(dir, "out"), "--jobs", "1", "--no-sandbox"]);
    // Kill while b runs: once a lab 01 container appears that was not there when "grading b" was printed (a's, if any
    // linger, are older). A fixed delay raced b's grading, which takes about 3 s.
    let killed = false;
    let done = false;
    let watcher: Promise<void> | undefined;
    grading.stderr?.on("data", (chunk: Buffer) => {
      if (watcher || !String(chunk).includes("grading b")) return;
      watcher = (async () => {
        const before = new Set(await webContainers());
        while (!done) {
          if ((await webContainers()).some((name) => !before.has(name))) {
            killEngine(engine);
            killed = true;
            return;
          }
          await new Promise((wake) => setTimeout(wake, 100));
        }
      })();
    });
    const result = await grading;
    done = true;
    await watcher;
    try {
      expect(killed).toBe(true);
      expect(result.exitCode).toBe(2);
      expect(String(result.stderr)).toMatch(/Grading stopped at b/);
      expect(String(result.stderr)).toMatch(/engine/i);
      const book = JSON.parse(await readFile(join(dir, "out", "gradebook.json"), "utf8")) as Gradebook;
      expect(book.submissions.map((s) => [s.id, s.status, s.points])).toEqual([
        ["a", "ok", lab01MaxPoints],
        ["b", "environment", 0],
        ["c", "not-graded", 0],
      ]);
      expect(await readFile(join(dir, "out", "gradebook.csv"), "utf8")).toMatch(/^b,01,.*environment/m);
      // Bring the engine back; clean the interrupted session; nothing is left.
      await restartEngine(engine);
      killed = false;
      const session = book.submissions[1]?.session as string;
      const cleaned = await cli(["clean", "--session", session]);
      expect(cleaned.exitCode).toBe(0);
      expect(await leftovers()).toEqual([]);
    } finally {
      // A failed assertion above must not leave the next tests a dead engine.
      if (killed) await restartEngine(engine);
    }
  }, 300_000);

  it("killed mid-lab: labs run stops with exit 2 and the engine message, and clean afterwards leaves nothing", async () => {
    const running = cli(["labs", "run", "01", "--solutions", "--json"]);
    const started = Date.now();
    // Kill as soon as the lab's containers exist (the lab takes a few seconds; ask often).
    let session: string | undefined;
    while (!session && Date.now() - started < 120_000) {
      session = /dnl-([a-z0-9]+)-01-web/.exec((await webContainers()).join("\n"))?.[1];
      if (!session) await new Promise((done) => setTimeout(done, 100));
    }
    expect(session).toBeTruthy();
    killEngine(engine);
    const result = await running;
    await restartEngine(engine);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toMatch(/engine is not running|DOCKER_HOST/);
    expect((await cli(["clean", "--session", session as string])).exitCode).toBe(0);
    expect(await leftovers()).toEqual([]);
  }, 300_000);

  it("hung (SIGSTOP): doctor and clean give up within their timeouts with exit 2 instead of waiting forever", async () => {
    process.kill(engine.pid, "SIGSTOP");
    try {
      let started = Date.now();
      const doctor = await cli(["doctor"]);
      expect(doctor.exitCode).toBe(2);
      expect(String(doctor.stdout)).toMatch(/did not answer within 10 s/);
      expect(Date.now() - started).toBeLessThan(40_000);
      started = Date.now();
      const cleaned = await execa(process.execPath, [bin, "clean", "--dry-run", "--session", "hun1"], {
        reject: false,
        timeout: 60_000,
        cwd: repoRoot,
        env: { DOCKER_HOST: engine.host, DOCKER_CLIENT_TIMEOUT: "3000" },
      });
      expect(cleaned.exitCode).toBe(2);
      expect(String(cleaned.stderr)).toMatch(/did not answer within 3 s/);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      process.kill(engine.pid, "SIGCONT");
    }
  }, 120_000);
});
