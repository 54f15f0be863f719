// A kernel never outlives the process that started it: SIGKILL a Jupyter server (jupyter_client's KernelManager,
// as the server uses it) or the notebook runner, and the kernel is gone within about a second.
import { execa, type ResultPromise } from "execa";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kernelName } from "../../src/setup/kernelspec.js";
import { exitWithParent, watchedParent } from "../../src/kernel/parent.js";
import { installTestKernelspecs, repoRoot, systemPython, type TestKernelspecs } from "./helpers.js";

// Running, not a zombie: a killed kernel whose parent died waits as a zombie until init reaps it, and how soon init
// does is the machine's business (this one's PID 1 is not a shell), not the kernel's.
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The kernel's pid: the child of `parent` running dist/kernel/main.js.
const kernelChild = async (parent: number, deadlineMs = 60_000): Promise<number> => {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    const { stdout } = await execa("ps", ["-o", "pid=,ppid=,args=", "-e"]);
    for (const line of stdout.split("\n")) {
      const [pid, ppid, ...args] = line.trim().split(/\s+/);
      if (Number(ppid) === parent && args.join(" ").includes("kernel/main.js")) return Number(pid);
    }
    await sleep(100);
  }
  throw new Error(`no kernel under ${parent}`);
};

// Time until `pid` is gone (ms), at most `limitMs`.
const goneWithin = async (pid: number, limitMs: number): Promise<number> => {
  const started = Date.now();
  while (alive(pid) && Date.now() - started < limitMs) await sleep(25);
  return Date.now() - started;
};

// Start a kernel through jupyter_client, then wait for ever (a server that will be killed).
const serverScript = `
import sys, time
from jupyter_client.manager import KernelManager
km = KernelManager(kernel_name=${JSON.stringify(kernelName)})
km.start_kernel()
kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)
print("ready", flush=True)
time.sleep(3600)
`;

describe("the project kernel exits when its parent dies", () => {
  let specs: TestKernelspecs;
  let dir: string;
  const started: ResultPromise[] = [];
  beforeAll(async () => {
    specs = await installTestKernelspecs();
    dir = await mkdtemp(join(tmpdir(), "dnl-parent-"));
  });
  afterAll(async () => {
    for (const child of started) child.kill("SIGKILL");
    await specs?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it("watchedParent(env) takes JPY_PARENT_PID when set, else the parent pid", () => {
    expect(watchedParent({ JPY_PARENT_PID: "4242" }, 17)).toBe(4242);
    expect(watchedParent({}, 17)).toBe(17);
    expect(watchedParent({ JPY_PARENT_PID: "x" }, 1)).toBeNull();
  });

  it("exitWithParent(exit) calls exit once the watched pid is gone", async () => {
    const child = execa("sleep", ["30"]);
    child.catch(() => undefined);
    let reason = "";
    const stop = exitWithParent((why) => (reason = why), { pid: child.pid as number, intervalMs: 20 });
    child.kill("SIGKILL");
    await sleep(300);
    stop();
    expect(reason).toMatch(/is gone/);
  });

  it("a kernel of a SIGKILLed Jupyter server (KernelManager) is gone within about a second", async () => {
    const server = execa(systemPython, ["-c", serverScript], { env: specs.env, cwd: repoRoot, reject: false });
    started.push(server);
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      server.then(() => reject(new Error("the server ended before its kernel was ready")));
    });
    const kernel = await kernelChild(server.pid as number);
    server.kill("SIGKILL");
    const ms = await goneWithin(kernel, 5_000);
    expect(alive(kernel), `kernel ${kernel} still alive ${ms} ms after its server was killed`).toBe(false);
    console.log(`kernel gone ${ms} ms after its parent was killed`);
    expect(ms).toBeLessThan(2_000); // 250 ms polls; more only on a loaded machine
  }, 120_000);

  it("a kernel of a SIGKILLed notebook runner (run_notebook.py) is gone within about a second", async () => {
    const notebook = join(dir, "loop.ipynb");
    const cell = { cell_type: "code", id: "c1", metadata: {}, execution_count: null, outputs: [], source: "await new Promise((r) => setTimeout(r, 600_000));" };
    await writeFile(
      notebook,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: kernelName, display_name: "k", language: "typescript" } },
        cells: [cell],
      }),
    );
    const report = join(dir, "report.json");
    const runner = execa(
      systemPython,
      [
        join(repoRoot, "kernel-setup", "run_notebook.py"),
        "--notebook",
        notebook,
        "--kernel",
        kernelName,
        "--cwd",
        dir,
        "--cell-timeout",
        "600",
        "--report",
        report,
      ],
      { env: specs.env, reject: false },
    );
    started.push(runner);
    const kernel = await kernelChild(runner.pid as number);
    await sleep(3_000); // the kernel is running the cell now (or still starting: both must end)
    runner.kill("SIGKILL");
    const ms = await goneWithin(kernel, 5_000);
    expect(alive(kernel), `kernel ${kernel} still alive ${ms} ms after its runner was killed`).toBe(false);
    console.log(`kernel gone ${ms} ms after its parent was killed`);
    expect(ms).toBeLessThan(2_000); // 250 ms polls; more only on a loaded machine
    expect(await readFile(report, "utf8").catch(() => null)).toBeNull();
  }, 120_000);
});
