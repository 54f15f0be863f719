// Starting a long-running background process (a private dockerd) and finding or stopping processes by what they run.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { pollUntil } from "./poll.js";

/** Start `file args…` detached from this process, stdout and stderr appended to `logFile`; returns its pid. */
export const startDetached = (file: string, args: readonly string[], logFile: string): number => {
  const log = openSync(logFile, "a");
  try {
    const child = spawn(file, [...args], { detached: true, stdio: ["ignore", log, log] });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${file}`);
    return child.pid;
  } finally {
    closeSync(log);
  }
};

/** Is a process alive (signal 0)? */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A process's command line as its arguments ([] when it is gone). */
export const commandLine = async (pid: number): Promise<string[]> =>
  readFile(`/proc/${pid}/cmdline`, "utf8").then(
    (text) => text.split("\0").filter(Boolean),
    () => [],
  );

/** pid -> parent pid, for every process (as this process sees them). */
export const parents = async (): Promise<Map<number, number>> => {
  const map = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (Number.isInteger(ppid)) map.set(Number(entry), ppid);
  }
  return map;
};

/** Processes whose command line mentions `needle`, and all their descendants. */
export const processesMentioning = async (needle: string): Promise<number[]> => {
  const tree = await parents();
  const roots = new Set<number>();
  for (const pid of tree.keys()) if ((await commandLine(pid)).some((arg) => arg.includes(needle))) roots.add(pid);
  const chosen = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of tree) if (!chosen.has(pid) && chosen.has(ppid)) chosen.add(pid), (grew = true);
  }
  return [...chosen].filter((pid) => pid !== process.pid);
};

/** Send `signal` to a process; false when it is already gone. */
export const signal = (pid: number, name: NodeJS.Signals): boolean => {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
};

/** Wait until a process is gone; true when it went within `timeoutMs`. */
export const waitGone = (pid: number, timeoutMs: number): Promise<boolean> => pollUntil(() => !isAlive(pid), timeoutMs, 100);

/** Mount points (from /proc/self/mountinfo) at or below one of `prefixes`, deepest first. */
export const mountsUnder = async (prefixes: readonly string[]): Promise<string[]> => {
  const text = await readFile("/proc/self/mountinfo", "utf8").catch(() => "");
  const points = text
    .split("\n")
    .map((line) => (line.split(" ")[4] ?? "").replace(/\\040/g, " "))
    .filter((point) => prefixes.some((prefix) => point === prefix || point.startsWith(`${prefix}/`)));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
};

/**
 * The pid, as this process sees it, of the process that is `pid` in the pid namespace one level below ours (a grading
 * sandbox's engine, src/grade/sandbox.ts): the process whose NSpid line has `pid` second and whose cgroup path names
 * `group` (the sandbox's own cgroup, so another sandbox's pid `pid` never matches). `pid` when there is no such process.
 */
export const outerPid = async (pid: number, group: string): Promise<number> => {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    const nspid = /^NSpid:\s+(.*)$/m.exec(status)?.[1]?.trim().split(/\s+/).map(Number) ?? [];
    if (nspid[1] !== pid) continue;
    if ((await readFile(`/proc/${entry}/cgroup`, "utf8").catch(() => "")).includes(`/${group}`)) return Number(entry);
  }
  return pid;
};

/** A process started ahead of time that waits for `go` on its stdin (a worker that loads its code while other work runs). */
export interface PrimedProcess {
  /** Tell it to go (the line it reads: `go` unless given); resolves with its exit code and stderr once it exits (or is killed after `timeoutMs`). */
  readonly go: (line?: string) => Promise<{ exitCode: number | null; stderr: string }>;
  /** Kill it (when it is no longer wanted). */
  readonly cancel: () => void;
}

/** Start `file args…` now, with `env` on top of ours; it should read one line from stdin before doing its work. */
export const startPrimed = (file: string, args: readonly string[], env: Readonly<Record<string, string>>, timeoutMs: number): PrimedProcess => {
  const child = spawn(file, [...args], { stdio: ["pipe", "ignore", "pipe"], env: { ...process.env, ...env } });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString()}`.slice(-20_000);
  });
  child.stdin?.on("error", () => undefined);
  const exited = new Promise<{ exitCode: number | null; stderr: string }>((resolve) => {
    child.on("error", (error) => resolve({ exitCode: null, stderr: `${stderr}${error.message}` }));
    child.on("exit", (code) => resolve({ exitCode: code, stderr }));
  });
  return {
    go: async (line = "go") => {
      child.stdin?.end(`${line}\n`);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    cancel: () => {
      child.kill("SIGKILL");
    },
  };
};
