// Executing a lab notebook headless through the project kernel (nbclient), as `labs run` and `grade` do.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import type { CheckResult } from "../checks/check.js";
import { EnvironmentError } from "../errors.js";
import { run, type RunResult } from "../exec/run.js";
import { asOverhead } from "../exec/trace.js";
import { findJupyter } from "../setup/jupyter.js";
import { kernelName } from "../setup/kernelspec.js";
import { labsDir, packageRoot } from "../setup/paths.js";
import type { Lang } from "../i18n/catalog.js";
import type { LabDefinition } from "./definition.js";

/** What one headless execution reported. */
export interface NotebookRun {
  readonly status: "ok" | "invalid" | "timeout" | "kernel-died" | "error";
  readonly message: string;
  /** Code cells in order; `ms`: the cell's wall time (null when it did not run). */
  readonly cells: readonly { id: string | null; tags: string[]; error: { ename: string; evalue: string } | null; ms: number | null }[];
  /** Runner start to the first cell (the kernel's start), null when no cell ran. */
  readonly kernelMs: number | null;
  /** Check results the notebook displayed (informational only: grades come from the grader's own checks). */
  readonly displayedChecks: readonly CheckResult[];
  readonly durationMs: number;
}

const reportSchema = z.object({
  status: z.enum(["ok", "invalid", "timeout", "kernel-died", "error"]),
  message: z.string(),
  cells: z.array(
    z.object({
      id: z.string().nullable(),
      tags: z.array(z.string()),
      error: z.object({ ename: z.string(), evalue: z.string() }).nullable(),
      ms: z.number().nullable().default(null),
    }),
  ),
  kernelMs: z.number().nullable().default(null),
  checks: z.array(z.object({ results: z.array(z.unknown()) }).passthrough()),
});

/** The learner notebook of a lab (`ko`: the Korean one, under labs/ko/). */
export const notebookPath = (lab: LabDefinition, lang: Lang = "en"): string =>
  lang === "en" ? join(labsDir(), lab.slug, "lab.ipynb") : join(labsDir(), lang, lab.slug, "lab.ipynb");

export interface ExecuteOptions {
  readonly notebook: string;
  readonly session: string;
  /** Working directory of the kernel (module resolution of `docker-net-lab` starts here). */
  readonly cwd: string;
  /** Cell id -> source to run in place of that cell (the answer key, see answer-key.ts). */
  readonly solutions?: Readonly<Record<string, string>>;
  readonly skipTags?: readonly string[];
  readonly cellTimeoutS?: number;
  readonly notebookTimeoutS?: number;
  /** Write the executed notebook here. */
  readonly out?: string;
  /**
   * Start the runner and its kernel now but run no cell until this resolves (a submission the grader starts ahead of
   * time, while the one before it runs); the notebook's timeout counts from then. When it rejects, the runner is
   * killed before any cell ran and executeNotebook rejects with NotebookCancelled. With `launch.waitFor`, the caller
   * gates that file itself.
   */
  readonly gate?: Promise<void>;
  /**
   * Run the notebook runner through this (the grading sandbox): it gets the runner's command and environment and
   * returns the command to run instead; `dir` is the runner's private folder (report, answer key), which must be
   * reachable at the same path where the runner runs; `waitFor`: the runner starts the kernel at once but runs the
   * first cell only once this file exists (the sandbox's engine is ready).
   */
  readonly launch?: {
    readonly dir: string;
    readonly waitFor?: string;
    readonly wrap: (file: string, args: readonly string[], env: Readonly<Record<string, string>>) => { file: string; args: string[] };
    /**
     * Kill the runner and everything it started (the sandbox's kernel group): killing the wrapped command alone can
     * leave the runner and its kernel behind it, still holding its output open, and the run would never end.
     */
    readonly kill?: () => Promise<void>;
  };
}

/** A notebook started ahead of time was not wanted after all (its gate rejected): no cell of it ran. */
export class NotebookCancelled extends Error {
  override name = "NotebookCancelled";
  constructor() {
    super("the notebook was started ahead of time and then not run");
  }
}

/** Milliseconds since now, or since `gate` opened once it has (a run started ahead counts from its go). */
export const stopwatch = (gate?: Promise<void>): (() => number) => {
  let started = performance.now();
  gate?.then(
    () => {
      started = performance.now();
    },
    () => undefined,
  );
  return () => Math.round(performance.now() - started);
};

// How long a gated runner may wait for its gate (the submissions before it run meanwhile): the runner, not this
// process, would otherwise give up and run its cells early.
const gateWaitS = 7 * 24 * 3600;

/** Execute a notebook through the project kernel; never throws for a broken notebook (see status). */
export const executeNotebook = async (options: ExecuteOptions): Promise<NotebookRun> => {
  const jupyter = await findJupyter();
  if (!jupyter) throw new EnvironmentError("Jupyter is not installed, so notebooks cannot run.", { hint: "Run `npx docker-net-lab setup`." });
  const script = join(packageRoot, "kernel-setup", "run_notebook.py");
  const args = [script, "--notebook", options.notebook, "--kernel", kernelName, "--cwd", options.cwd, "--cell-timeout", String(options.cellTimeoutS ?? 120)];
  for (const tag of options.skipTags ?? []) args.push("--skip-tag", tag);
  if (options.out) args.push("--out", options.out);
  // The report goes to a file of its own: the runner's stdout also carries whatever the kernel (or a process it
  // started) prints outside a cell, which could land after the report and make a clean run look broken.
  const reportDir = options.launch?.dir ?? (await mkdtemp(join(tmpdir(), "dnl-run-")));
  const reportFile = join(reportDir, "report.json");
  args.push("--report", reportFile);
  // The answer key lives only in this private temp folder while the run lasts.
  if (options.solutions) {
    await writeFile(join(reportDir, "solutions.json"), JSON.stringify(options.solutions));
    args.push("--solutions", join(reportDir, "solutions.json"));
  }
  const goFile = options.gate && !options.launch?.waitFor ? join(reportDir, "go") : null;
  const waitFor = options.launch?.waitFor ?? goFile;
  if (waitFor) args.push("--wait-for", waitFor);
  if (options.gate) args.push("--wait-timeout", String(gateWaitS));
  let started = performance.now();
  const timeout = (options.notebookTimeoutS ?? 600) * 1000;
  const env = { DNL_SESSION: options.session, PYTHONUNBUFFERED: "1" };
  const command = options.launch ? options.launch.wrap(jupyter.python, args, env) : { file: jupyter.python, args };
  let parsed: z.infer<typeof reportSchema>;
  let durationMs: number;
  try {
    // The runner is the harness, not the lab: its own time is left out of the command trace (the kernel's commands count).
    const result: (RunResult & { openedAt?: number }) | { cancelled: true } =
      options.gate || options.launch?.kill
        ? await supervisedRun(command, env, timeout, { gate: options.gate ?? Promise.resolve(), goFile, kill: options.launch?.kill })
        : await asOverhead(() => run(command.file, command.args, { timeout, reject: false, env }));
    if ("cancelled" in result) throw new NotebookCancelled();
    started = result.openedAt ?? started;
    durationMs = Math.round(performance.now() - started);
    if (result.timedOut)
      return {
        status: "timeout",
        message: `the notebook ran longer than ${options.notebookTimeoutS ?? 600} s and was stopped`,
        cells: [],
        kernelMs: null,
        displayedChecks: [],
        durationMs,
      };
    try {
      parsed = reportSchema.parse(JSON.parse(await readFile(reportFile, "utf8")));
    } catch {
      return {
        status: "error",
        message: `the notebook runner failed: ${result.stderr.trim().split("\n").slice(-3).join(" | ") || "no report"}`,
        cells: [],
        kernelMs: null,
        displayedChecks: [],
        durationMs,
      };
    }
  } finally {
    if (!options.launch) await rm(reportDir, { recursive: true, force: true });
  }
  return {
    status: parsed.status,
    message: parsed.message,
    cells: parsed.cells,
    kernelMs: parsed.kernelMs,
    displayedChecks: parsed.checks.flatMap((bundle) => bundle.results as CheckResult[]),
    durationMs,
  };
};

// The runner started now, let go when `gate` resolves (`goFile` written, when the runner waits for one; the
// notebook's timeout counts from then), killed when the gate rejects or the time is up: the command, and with `kill`
// everything it started.
const supervisedRun = async (
  command: { file: string; args: string[] },
  env: Readonly<Record<string, string>>,
  timeoutMs: number,
  control: { gate: Promise<void>; goFile: string | null; kill: (() => Promise<void>) | undefined },
): Promise<(RunResult & { openedAt?: number }) | { cancelled: true }> => {
  const abort = new AbortController();
  const running = asOverhead(() => run(command.file, command.args, { timeout: 2 ** 31 - 1, reject: false, env, signal: abort.signal }));
  const stop = async (): Promise<void> => {
    abort.abort();
    await control.kill?.();
  };
  const opened = await control.gate.then(
    () => true,
    () => false,
  );
  if (!opened) {
    await stop();
    await running;
    return { cancelled: true };
  }
  const openedAt = performance.now();
  if (control.goFile) await writeFile(control.goFile, "");
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stop();
  }, timeoutMs);
  try {
    const result = await running;
    return { ...result, openedAt, timedOut: timedOut || result.timedOut };
  } finally {
    clearTimeout(timer);
  }
};
