// One submission executed in its sandbox (sandbox.ts), then checked by the grader from inside the sandbox's network
// namespace against the sandbox's engine, then the sandbox removed, pass or fail.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../checks/check.js";
import { EnvironmentError } from "../errors.js";
import { run } from "../exec/run.js";
import type { LabDefinition } from "../labs/definition.js";
import { executeNotebook, type NotebookRun } from "../labs/notebook.js";
import { newSessionId } from "../labs/session.js";
import { shortLivedNodeFlags } from "../setup/node-flags.js";
import { packageRoot } from "../setup/paths.js";
import { notebookDirOf } from "./gradable.js";
import { createSandbox, destroySandbox, graderView, sandboxLaunch, stopKernel, type SandboxSetup } from "./sandbox.js";

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
}

// The grader's checks, run by a process of the grader inside the sandbox's network namespace (sandbox-checks.ts).
const checkInside = async (
  sandbox: Parameters<typeof graderView>[0],
  lab: LabDefinition,
  session: string,
  title: string,
): Promise<{ checks: CheckResult[]; svg: string | null }> => {
  const dir = await mkdtemp(join(tmpdir(), "dnl-checks-"));
  try {
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
    const result = await run(file as string, args, { env: view.env, timeout: 180_000, reject: false });
    const text = await readFile(out, "utf8").catch(() => null);
    if (text === null)
      throw new EnvironmentError(`the grader's checks did not run in the sandbox: ${result.stderr.trim().split("\n").slice(-3).join(" | ")}`, {
        hint: "Run `npm run build` (dist/grade/sandbox-checks.js), then grade again.",
      });
    return JSON.parse(text) as { checks: CheckResult[]; svg: string | null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** Execute `file` (a notebook of `lab`) in a fresh sandbox, check it, remove the sandbox. */
export const runInSandbox = async (lab: LabDefinition, file: string, options: SandboxedRunOptions): Promise<SandboxedRun> => {
  const session = newSessionId();
  const log = options.log ?? (() => undefined);
  const sandbox = await createSandbox(session, file, options.setup.python, options.setup.toolbox, log).catch(async (error: unknown) => {
    throw new EnvironmentError(`could not create the sandbox: ${(error as Error).message}`, {
      hint: "Run `npx docker-net-lab clean --all-sessions`, then grade again; `grade --no-sandbox` grades without a sandbox (on a disposable machine only).",
      cause: error,
    });
  });
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
      }),
      sandbox.engineReady.catch((error: unknown) => {
        engineError = error;
      }),
    ]);
    await stopKernel(sandbox); // nothing of the submission runs while the grader checks
    if (engineError)
      throw new EnvironmentError((engineError as Error).message, {
        hint: "Run `npx docker-net-lab doctor`; `grade --no-sandbox` grades without a sandbox (on a disposable machine only).",
      });
    const { checks, svg } = notebook.status === "invalid" ? { checks: [], svg: null } : await checkInside(sandbox, lab, session, options.title);
    return { session, notebook, checks, svg };
  } finally {
    await destroySandbox(sandbox.paths, sandbox.cgroup.dirs, log);
  }
};
