// A kernel never outlives the process that started it (Jupyter server, notebook runner, grader), as ipykernel does.
// Node has no prctl(PR_SET_PDEATHSIG), so the kernel polls: every 250 ms it asks whether its parent is still there.
// The parent is $JPY_PARENT_PID when jupyter_client set it (the server or runner that launched the kernel, even
// through a wrapper), else the parent process at start; the kernel also exits when it is re-parented (its parent
// died and init or a subreaper adopted it), which catches a parent pid reused by another process.
import { Worker } from "node:worker_threads";

/** How often the parent is looked at. */
export const parentPollMs = 250;

/** The pid to watch: $JPY_PARENT_PID when it is a live pid other than ours, else our parent; null when there is none to watch. */
export const watchedParent = (env: NodeJS.ProcessEnv = process.env, ppid: number = process.ppid): number | null => {
  const given = Number(env.JPY_PARENT_PID);
  if (Number.isInteger(given) && given > 1 && given !== process.pid) return given;
  return ppid > 1 ? ppid : null;
};

// Signal 0: is the process there? (EPERM: there, but not ours.)
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

// The watcher, in a thread of its own: tslab's compiler blocks the main thread for seconds (start-up, a long cell's
// type check), and a cell can block it for ever (\`while (true) {}\`), so a timer of the main thread would not fire.
const watcherSource = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const { pid, startPpid, intervalMs, mainPid } = workerData;
const alive = (p) => { try { process.kill(p, 0); return true; } catch (e) { return e.code === "EPERM"; } };
setInterval(() => {
  const reason = !alive(pid) ? "its parent process " + pid + " is gone" : process.ppid !== startPpid ? "it was re-parented (parent " + startPpid + " is gone)" : null;
  if (reason === null) return;
  try { writeSync(2, "docker-net-lab kernel: exiting, " + reason + "\\n"); } catch {}
  process.kill(mainPid, "SIGKILL");
}, intervalMs);
`;

/**
 * Kill this process once the parent is gone or this process was re-parented, from a watcher thread (a cell cannot
 * stop it: SIGKILL, not a handler a cell could override). Returns a function that stops watching.
 */
export const dieWithParent = (options: { readonly pid?: number | null; readonly intervalMs?: number } = {}): (() => void) => {
  const pid = options.pid === undefined ? watchedParent() : options.pid;
  if (pid === null) return () => undefined;
  const worker = new Worker(watcherSource, {
    eval: true,
    workerData: { pid, startPpid: process.ppid, intervalMs: options.intervalMs ?? parentPollMs, mainPid: process.pid },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  return () => void worker.terminate();
};

/** The same check on this thread's timer, calling `exit` (for callers that can act on the reason). */
export const exitWithParent = (exit: (reason: string) => void, options: { readonly pid?: number | null; readonly intervalMs?: number } = {}): (() => void) => {
  const pid = options.pid === undefined ? watchedParent() : options.pid;
  const startPpid = process.ppid;
  if (pid === null) return () => undefined;
  const timer = setInterval(() => {
    if (!alive(pid)) exit(`its parent process ${pid} is gone`);
    else if (process.ppid !== startPpid) exit(`it was re-parented (parent ${startPpid} is gone)`);
  }, options.intervalMs ?? parentPollMs);
  timer.unref();
  return () => clearInterval(timer);
};
