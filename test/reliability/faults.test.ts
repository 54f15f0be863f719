import { createServer, type Server } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifySystemError } from "../../src/exec/classify.js";
import { run } from "../../src/exec/run.js";
import { Lab } from "../../src/labs/lab.js";
import { findLab } from "../../src/labs/registry.js";
import { runLab } from "../../src/labs/run-lab.js";
import { LabSession, newSessionId } from "../../src/labs/session.js";
import { removeLabelled } from "../../src/labs/teardown.js";
import { repoRoot, runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { sessionObjects, toolbox } from "./bystanders.js";

const deadEngine = { DOCKER_HOST: "unix:///tmp/nonexistent.sock" };
const bin = join(repoRoot, "dist", "cli", "bin.js");

// Run the CLI as the unprivileged user `nobody` (setpriv), optionally with supplementary groups.
const asNobody = async (
  args: string[],
  env: Record<string, string> = {},
  groups = "--clear-groups",
): Promise<{ exitCode: number; stderr: string; stdout: string }> => {
  const result = await execa(
    "setpriv",
    ["--reuid=nobody", "--regid=nogroup", ...(groups === "--clear-groups" ? [groups] : ["--groups", groups]), process.execPath, bin, ...args],
    {
      reject: false,
      timeout: 120_000,
      cwd: "/tmp",
      env: { HOME: "/tmp", DNL_STATE_DIR: "/tmp/dnl-nobody-state", ...env },
    },
  );
  return { exitCode: result.exitCode ?? -1, stderr: String(result.stderr), stdout: String(result.stdout) };
};

describe("faults: each has a clear message, exit 2 when it is the environment, and nothing half-built", () => {
  let dir: string;
  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-faults-"));
    await writeFile(join(dir, "broken.ipynb"), "{ not json");
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("engine down: doctor, labs run, grade and clean fail fast (exit 2) with the fix, and grade writes nothing", async () => {
    for (const args of [["doctor"], ["labs", "run", "01"], ["grade", dir, "--out", join(dir, "out-down")], ["clean", "--dry-run"]]) {
      const started = Date.now();
      const result = await runCli(args, { env: deadEngine });
      expect(result.exitCode, args.join(" ")).toBe(2);
      expect(`${result.stdout}${result.stderr}`, args.join(" ")).toMatch(/start the engine that DOCKER_HOST=unix:\/\/\/tmp\/nonexistent.sock points to/);
      expect(Date.now() - started, args.join(" ")).toBeLessThan(20_000);
    }
    expect(existsSync(join(dir, "out-down"))).toBe(false);
  });

  it("not root: labs run and grade stop before any work (exit 2) and say to run as root", async () => {
    const group = (await execa("getent", ["group", "docker"], { reject: false })).stdout.split(":")[2];
    // With access to the engine (docker group) but not root.
    const withEngine = await asNobody(["labs", "run", "01"], {}, group || "--clear-groups");
    expect(withEngine.exitCode).toBe(2);
    expect(withEngine.stderr).toMatch(/root/);
    // Without access to the engine: permission denied is not "start the engine".
    const noAccess = await asNobody(["grade", dir, "--out", join("/tmp", `dnl-nobody-${newSessionId()}`)]);
    expect(noAccess.exitCode).toBe(2);
    expect(noAccess.stderr).toMatch(/run as root/);
    expect(noAccess.stderr).not.toMatch(/start Docker/);
    // And with DOCKER_HOST pointing nowhere, the engine message comes first.
    const dead = await asNobody(["doctor"], deadEngine);
    expect(dead.exitCode).toBe(2);
    expect(dead.stdout).toMatch(/missing\s+root/);
    expect(dead.stdout).toMatch(/DOCKER_HOST=unix:\/\/\/tmp\/nonexistent.sock/);
  });

  describe("in a learner's session", () => {
    const session = new LabSession(newSessionId(), "01");
    const lab = new Lab(findLab("01"), session);
    let server: Server;
    let port = 0;
    const userNetwork = `user-net-${session.session}`;
    beforeAll(async () => {
      server = createServer();
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      server.close();
      await removeLabelled(lab.context);
      await execa("docker", ["network", "rm", userNetwork], { reject: false });
    });

    it("port in use: the learner's docker run says the host port is taken and which helper picks a free one", async () => {
      const error = await lab
        .exec(["docker", "run", "-d", "--name", lab.name("pub"), "-p", `127.0.0.1:${port}:80`, toolbox, "httpd", "-f", "-p", "80"], { quiet: true })
        .catch((e: unknown) => e);
      expect(String((error as Error).message)).toMatch(/host port is already in use/);
      expect((error as { hint: string }).hint).toMatch(/freePort|free one/);
      await removeLabelled(lab.context);
      expect(await sessionObjects([session.session])).toEqual([]);
    });

    it("subnet in use: creating a network on a subnet a user's network holds says it overlaps, and the user's network survives", async () => {
      await execa("docker", ["network", "create", "--subnet", "10.254.251.0/24", userNetwork]);
      const error = await lab.exec(["docker", "network", "create", "--subnet", "10.254.251.0/24", lab.name("net")], { quiet: true }).catch((e: unknown) => e);
      expect(String((error as Error).message)).toMatch(/overlaps/);
      await removeLabelled(lab.context);
      expect((await execa("docker", ["network", "inspect", userNetwork], { reject: false })).exitCode).toBe(0);
    });
  });

  it("name collision: a user's own container named like a lab object makes the lab fail clearly, and survives teardown", async () => {
    const session = newSessionId();
    const mine = `dnl-${session}-01-web1`;
    await execa("docker", ["run", "-d", "--name", mine, toolbox, "sleep", "600"]);
    try {
      const result = await runLab(findLab("01"), { session, solutions: true, cellTimeoutS: 60 });
      expect(result.passed).toBe(false);
      expect(result.notebook.cells.some((cell) => /already exists/.test(cell.error?.evalue ?? ""))).toBe(true);
      expect((await execa("docker", ["inspect", mine], { reject: false })).exitCode).toBe(0);
      expect((await sessionObjects([session])).filter((object) => object !== `container ${mine}`)).toEqual([]);
    } finally {
      await execa("docker", ["rm", "-f", mine], { reject: false });
    }
  }, 240_000);

  it("disk full: a command that hits ENOSPC and a Node write that does are both environment errors (exit 2) that say so", async () => {
    const mount = join(dir, "tiny");
    await execa("mkdir", ["-p", mount]);
    await execa("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount]);
    try {
      const error = await run("dd", ["if=/dev/zero", `of=${join(mount, "fill")}`, "bs=1k", "count=256"]).catch((e: unknown) => e);
      expect((error as { exitCode: number }).exitCode).toBe(2);
      expect(String((error as Error).message)).toMatch(/disk is full/);
      const nodeError = await writeFile(join(mount, "more"), Buffer.alloc(128 * 1024)).catch((e: unknown) => e);
      expect(classifySystemError(nodeError)).toMatchObject({ exitCode: 2, message: expect.stringMatching(/disk is full/) });
      // The grader writing its gradebook to a full disk: exit 2 with the message, not a stack trace.
      const graded = await runCli(["grade", join(dir, "broken.ipynb"), "--out", join(mount, "gradebook")]);
      expect(graded.exitCode).toBe(2);
      expect(graded.stderr).toMatch(/disk is full/);
    } finally {
      await execa("umount", [mount], { reject: false });
    }
  });
});
