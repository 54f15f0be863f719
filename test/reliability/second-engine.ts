// A second, throw-away dockerd for fault tests (killed on purpose): its own socket, data and exec roots, pid file and
// bridge, no iptables. Never the engine other people use.
import { spawn } from "node:child_process";
import { openSync, closeSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { newSessionId } from "../../src/labs/session.js";
import { toolbox } from "./bystanders.js";
import { processesMentioning } from "../../src/exec/daemon.js";

export interface SecondEngine {
  readonly root: string;
  readonly host: string;
  readonly bridge: string;
  readonly args: readonly string[];
  pid: number;
}

// Wait until the engine answers (or throw).
const waitUp = async (host: string, ms: number): Promise<void> => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await execa("docker", ["-H", host, "version", "--format", "{{.Server.Version}}"], { reject: false, timeout: 5_000 })).exitCode === 0) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the second engine at ${host} did not answer within ${ms / 1000} s`);
};

// Start dockerd with the engine's arguments, log to <root>/dockerd.log.
const launch = async (engine: SecondEngine): Promise<void> => {
  const log = openSync(join(engine.root, "dockerd.log"), "a");
  const child = spawn("dockerd", [...engine.args], { detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  child.unref();
  engine.pid = child.pid ?? 0;
  await waitUp(engine.host, 150_000).catch(async (error: Error) => {
    const tail = (await readFile(join(engine.root, "dockerd.log"), "utf8").catch(() => "")).trim().split("\n").slice(-6).join("\n");
    throw new Error(`${error.message}\n${tail}`);
  });
};

/** Start a second engine on its own bridge (10.254.199.0/24) with the toolbox image loaded. */
export const startSecondEngine = async (): Promise<SecondEngine> => {
  const root = await mkdtemp(join(tmpdir(), "dnl-eng2-"));
  const bridge = `dnlk${newSessionId()}`;
  await execa("ip", ["link", "add", bridge, "type", "bridge"]);
  await execa("ip", ["addr", "add", "10.254.199.1/24", "dev", bridge]);
  await execa("ip", ["link", "set", bridge, "up"]);
  const host = `unix://${join(root, "docker.sock")}`;
  const args = [
    "-H",
    host,
    "--data-root",
    join(root, "data"),
    "--exec-root",
    join(root, "exec"),
    "--pidfile",
    join(root, "dockerd.pid"),
    `--bridge=${bridge}`,
    "--iptables=false",
    "--ip-masq=false",
    "--storage-driver",
    "vfs",
    "--log-level",
    "warn",
  ];
  const engine: SecondEngine = { root, host, bridge, args, pid: 0 };
  await launch(engine);
  const saved = join(root, "toolbox.tar");
  await execa("docker", ["save", "-o", saved, toolbox], { timeout: 120_000 });
  await execa("docker", ["-H", host, "load", "-i", saved], { timeout: 120_000 });
  return engine;
};

/** Kill the engine like a crash (SIGKILL, no clean shutdown). */
export const killEngine = (engine: SecondEngine): void => {
  process.kill(engine.pid, "SIGKILL");
};

/**
 * Start it again on the same roots, as an admin would after a crash: the killed dockerd's containerd may linger (a new
 * one then times out), and stale pid files make dockerd refuse to start or wait for a dead containerd; all go first.
 */
export const restartEngine = async (engine: SecondEngine): Promise<void> => {
  for (const pid of await processesOf(engine)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (/(^|\/)containerd\0/.test(cmdline)) process.kill(pid, "SIGKILL");
  }
  await new Promise((done) => setTimeout(done, 500));
  // A killed containerd can linger as a zombie (nobody reaps it here): dockerd would wait for it forever, so drop its pid file too.
  await rm(join(engine.root, "exec", "containerd", "containerd.pid"), { force: true });
  await rm(join(engine.root, "dockerd.pid"), { force: true });
  await launch(engine);
};

// Processes whose command line mentions the engine's root (its dockerd, containerd and shims) and their
// descendants: the containers' own processes, which would outlive a killed shim with their namespaces and veths.
const processesOf = (engine: SecondEngine): Promise<number[]> => processesMentioning(engine.root);

/** Stop the engine and everything it started, unmount its roots, delete its bridge and folder. */
export const removeSecondEngine = async (engine: SecondEngine): Promise<void> => {
  const signal = (pid: number, name: NodeJS.Signals): void => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  if (engine.pid) signal(engine.pid, "SIGTERM");
  for (let i = 0; i < 50 && (await processesOf(engine)).includes(engine.pid); i++) await new Promise((done) => setTimeout(done, 200));
  for (const pid of await processesOf(engine)) signal(pid, "SIGKILL");
  const mounts = (await readFile("/proc/self/mountinfo", "utf8"))
    .split("\n")
    .map((line) => line.split(" ")[4] ?? "")
    .filter((point) => point.startsWith(engine.root));
  for (const point of mounts.sort((a, b) => b.length - a.length)) await execa("umount", ["-l", point], { reject: false });
  await execa("ip", ["link", "delete", engine.bridge], { reject: false });
  await rm(engine.root, { recursive: true, force: true });
};
