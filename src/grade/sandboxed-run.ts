// One submission executed in its sandbox (sandbox.ts), then checked by the grader from inside the sandbox's network
// namespace against the sandbox's engine, then the sandbox removed, pass or fail.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../checks/check.js";
import { EnvironmentError } from "../errors.js";
import { startPrimed } from "../exec/daemon.js";
import { run } from "../exec/run.js";
import type { LabDefinition } from "../labs/definition.js";
import { executeNotebook, type NotebookRun } from "../labs/notebook.js";
import { newSessionId } from "../labs/session.js";
import { shortLivedNodeFlags } from "../setup/node-flags.js";
import { packageRoot } from "../setup/paths.js";
import type { Lang } from "../i18n/catalog.js";
import { notebookDirOf, zeroedChecks } from "./gradable.js";
import { publishedCompileCache } from "./published-cache.js";
import { createSandbox, destroySandbox, graderView, HoldCancelled, sandboxLaunch, stopKernel, type SandboxSetup } from "./sandbox.js";

const removals = new Set<Promise<void>>();

/** Resolves once every sandbox removal started so far has finished. */
export const sandboxesRemoved = async (): Promise<void> => {
  while (removals.size) await Promise.all([...removals]);
};

export interface SandboxedRun {
  readonly session: string;
  readonly notebook: NotebookRun;
  readonly checks: readonly CheckResult[];
  readonly svg: string | null;
}

export interface SandboxedRunOptions {
  readonly setup: SandboxSetup;
  readonly cellTimeoutS: number;
  readonly notebookTimeoutS: number;
  readonly title: string;
  readonly log?: (line: string) => void;
  /** The submission's language (its published notebook's cells are compiled ahead for the kernel). @default "en" */
  readonly lang?: Lang;
  /** Create the sandbox and start its kernel now, run the first cell once this resolves (gradeSubmission's `gate`). */
  readonly gate?: Promise<void>;
}

// The grader's checks, by a process of the grader inside the sandbox's network namespace and a private mount namespace
// (sandbox-checks.ts), started at once so it loads its code while the notebook runs; `run` lets it go, with the pid of
// the holder of the kernel's mount namespace (whose named network namespaces it mirrors first).
const checker = async (sandbox: Parameters<typeof graderView>[0], lab: LabDefinition, session: string, title: string) => {
  const dir = await mkdtemp(join(tmpdir(), "dnl-checks-"));
  const out = join(dir, "checks.json");
  const view = graderView(sandbox);
  const [file, ...args] = [
    ...view.prefix,
    process.execPath,
    ...shortLivedNodeFlags,
    join(packageRoot, "dist", "grade", "sandbox-checks.js"),
    lab.id,
    session,
    out,
    title,
  ];
  const worker = startPrimed(file as string, args, view.env, 180_000);
  return {
    run: async (holderPid: number | null): Promise<{ checks: CheckResult[]; svg: string | null }> => {
      const result = await worker.go(holderPid ? `go ${holderPid}` : "go");
      const text = await readFile(out, "utf8").catch(() => null);
      if (text === null)
        throw new EnvironmentError(`the grader's checks did not run in the sandbox: ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`, {
          hint: "Run `npm run build` (dist/grade/sandbox-checks.js), then grade again.",
        });
      return JSON.parse(text) as { checks: CheckResult[]; svg: string | null };
    },
    close: async () => {
      worker.cancel();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

// Does the sandbox's engine still answer? (The submission may have stopped it: its own engine, its own loss.)
const engineAnswers = async (socket: string): Promise<boolean> =>
  (await run("docker", ["--host", `unix://${socket}`, "version", "--format", "{{.Server.Version}}"], { reject: false, timeout: 15_000 })).exitCode === 0;

// Every check failed, 0 points: the submission stopped (or starved) its sandbox's engine, so there is nothing to check.
const engineGone = (lab: LabDefinition): CheckResult[] =>
  zeroedChecks(
    lab,
    "Not checked: the sandbox's Docker engine no longer answered when the grader came to check (the notebook stopped it or used up its limits).",
    "Leave the engine running: the grader checks what is live when the notebook ends.",
  );

/** Execute `file` (a notebook of `lab`) in a fresh sandbox, check it, remove the sandbox. */
export const runInSandbox = async (lab: LabDefinition, file: string, options: SandboxedRunOptions): Promise<SandboxedRun> => {
  const session = newSessionId();
  const log = options.log ?? (() => undefined);
  const t0 = performance.now();
  const mark = (what: string) => log(`sandbox ${session}: ${what} at ${Math.round(performance.now() - t0)} ms`);
  const sandbox = await createSandbox(session, file, options.setup.python, options.setup.toolbox, {
    log,
    ...(options.gate ? { gate: options.gate } : {}),
    compiled: publishedCompileCache(lab, options.lang ?? "en", log),
  }).catch(async (error: unknown) => {
    throw new EnvironmentError(`could not create the sandbox: ${(error as Error).message}`, {
      hint: "Run `npx docker-net-lab clean --all-sessions`, then grade again; `grade --no-sandbox` grades without a sandbox (on a disposable machine only).",
      cause: error,
    });
  });
  mark("created");
  const checks = await checker(sandbox, lab, session, options.title);
  sandbox.engineReady.then(
    () => mark("engine ready"),
    () => undefined,
  );
  try {
    let engineError: unknown = null;
    const [notebook] = await Promise.all([
      executeNotebook({
        notebook: sandbox.notebook,
        session,
        cwd: notebookDirOf(lab),
        skipTags: ["teardown"],
        cellTimeoutS: options.cellTimeoutS,
        notebookTimeoutS: options.notebookTimeoutS,
        launch: sandboxLaunch(sandbox),
        ...(options.gate ? { gate: options.gate } : {}),
      }),
      sandbox.engineReady.catch((error: unknown) => {
        engineError = error;
      }),
    ]);
    mark("notebook done");
    // Held before the first cell ran (it waits for `ready`); still waiting, or failed, only when the runner ended
    // without running a cell (no code cell, not a notebook): then there is nothing to mirror.
    sandbox.stopHolding();
    const holderPid = await sandbox.holder.catch((error: unknown) => {
      if (!(error instanceof HoldCancelled) && notebook.status !== "invalid" && notebook.cells.length > 0) engineError ??= error;
      return null;
    });
    // Nothing of the submission's kernel runs while the grader checks (servers inside its named namespaces do, like its containers).
    await stopKernel(sandbox, holderPid);
    mark("kernel stopped");
    if (engineError)
      throw new EnvironmentError((engineError as Error).message, {
        hint: "Run `npx docker-net-lab doctor`; `grade --no-sandbox` grades without a sandbox (on a disposable machine only).",
      });
    const verdict =
      notebook.status === "invalid"
        ? { checks: [], svg: null }
        : (await engineAnswers(sandbox.paths.socket))
          ? await checks.run(holderPid)
          : { checks: engineGone(lab), svg: null };
    mark("checked");
    return { session, notebook, checks: verdict.checks, svg: verdict.svg };
  } finally {
    sandbox.stopHolding();
    await checks.close();
    // Removed while the next submission starts; `sandboxesRemoved()` waits for every removal (grade does, at the end).
    const removal = destroySandbox(sandbox.paths, sandbox.cgroup.dirs, log).then(
      () => mark("removed"),
      (error: unknown) => log(`sandbox ${session}: removal failed: ${(error as Error).message}`),
    );
    removals.add(removal);
    removal.finally(() => removals.delete(removal));
  }
};
