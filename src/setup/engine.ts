// The Docker engine: is it answering, and (as root, only when nothing runs) install and start one.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { EnvironmentError } from "../errors.js";
import { run } from "../exec/run.js";
import { engineFix } from "../exec/classify.js";
import { startDetached } from "../exec/daemon.js";
import { pollUntil } from "../exec/poll.js";
import { stateDir } from "./paths.js";
import { aptInstall, isRoot, which } from "./system.js";

export interface EngineStatus {
  readonly ok: boolean;
  /** Server version when the engine answers. */
  readonly version: string | null;
  /** Why it is not ok, as the client said it. */
  readonly detail: string;
}

// Ask the engine for its version; never throws.
export const engineStatus = async (): Promise<EngineStatus> => {
  if (!(await which("docker"))) return { ok: false, version: null, detail: "the docker client is not installed" };
  const result = await run("docker", ["version", "--format", "{{.Server.Version}}"], { timeout: 10_000, reject: false });
  if (result.exitCode === 0 && result.stdout.trim()) return { ok: true, version: result.stdout.trim(), detail: "" };
  const detail = result.timedOut ? "the engine did not answer within 10 s" : (result.stderr.trim().split("\n").at(-1) ?? "no answer");
  return { ok: false, version: null, detail };
};

const engineDir = (): string => join(stateDir(), "engine");

// Wait until the engine answers or the deadline passes; the last status.
const waitForEngine = async (deadlineMs: number): Promise<EngineStatus> => {
  let status = await engineStatus();
  await pollUntil(async () => (status = await engineStatus()).ok, deadlineMs, 500);
  return status;
};

// True when a dockerd process already exists (it may still be starting).
const dockerdRunning = async (): Promise<boolean> => {
  const result = await run("pgrep", ["-x", "dockerd"], { reject: false, timeout: 5_000 });
  return result.exitCode === 0;
};

/**
 * Make sure an engine answers. Never restarts or reconfigures a running engine:
 * only when none answers, none runs, DOCKER_HOST is unset and we are root does it
 * install Debian's docker.io (if missing) and start dockerd in the background,
 * logging to <state>/engine/dockerd.log.
 */
export const ensureEngine = async (log: (line: string) => void): Promise<EngineStatus> => {
  let status = await engineStatus();
  if (status.ok) return status;
  if (process.env.DOCKER_HOST) {
    throw new EnvironmentError(`The Docker engine at DOCKER_HOST=${process.env.DOCKER_HOST} does not answer: ${status.detail}`, { hint: engineFix() });
  }
  if (await dockerdRunning()) {
    log("dockerd is running but not answering yet; waiting up to 60 s");
    status = await waitForEngine(60_000);
    if (status.ok) return status;
    throw new EnvironmentError(`dockerd runs but does not answer: ${status.detail}`, {
      hint: "Look at the engine's log (journalctl -u docker, or the log file you started it with); docker-net-lab never restarts an engine it did not start.",
    });
  }
  if (!isRoot()) {
    throw new EnvironmentError(`No Docker engine answers (${status.detail}).`, { hint: engineFix() });
  }
  if (!(await which("dockerd")) || !(await which("iptables"))) {
    log("installing Debian's docker.io and iptables");
    await aptInstall(["docker.io", "iptables"], log);
  }
  const dir = engineDir();
  await mkdir(dir, { recursive: true });
  const logFile = join(dir, "dockerd.log");
  const pidFile = join(dir, "dockerd.pid");
  log(`starting dockerd in the background (log: ${logFile})`);
  startDetached("dockerd", ["--pidfile", pidFile], logFile);
  status = await waitForEngine(90_000);
  if (!status.ok) {
    const tail = await readFile(logFile, "utf8").then(
      (text) => text.trim().split("\n").slice(-5).join("\n"),
      () => "",
    );
    throw new EnvironmentError(`dockerd was started but does not answer: ${status.detail}\n${tail}`, { hint: `Read ${logFile}.` });
  }
  log(`engine ${status.version} is up`);
  return status;
};
