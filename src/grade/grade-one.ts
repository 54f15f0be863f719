// Grading one submission: detect its lab, execute it in a fresh session, check the live state, picture it, tear down.
import { rmdir } from "node:fs/promises";
import { join, relative } from "node:path";
import type { CheckResult } from "../checks/check.js";
import { EnvironmentError, isDnlError, ExitCode } from "../errors.js";
import type { LabDefinition } from "../labs/definition.js";
import { findGradable as findLab, notebookDirOf, zeroedChecks } from "./gradable.js";
import { NotebookCancelled, stopwatch } from "../labs/notebook.js";
import { runLab } from "../labs/run-lab.js";
import { engineStatus } from "../setup/engine.js";
import { stateDir } from "../setup/paths.js";
import { snapshot } from "../topology/snapshot.js";
import type { GradeRow, GradeStatus } from "./model.js";
import { sessionPicture } from "./picture.js";
import type { SandboxSetup } from "./sandbox.js";
import { runInSandbox } from "./sandboxed-run.js";
import { inspectSubmission, type Submission } from "./submissions.js";

export interface GradeOptions {
  /** Lab to assume when a notebook does not say, and the only lab accepted when given. */
  readonly lab?: string | null;
  /** Seconds per cell. @default 60 */
  readonly cellTimeoutS?: number;
  /** Seconds per notebook. @default 300 */
  readonly notebookTimeoutS?: number;
  readonly log?: (line: string) => void;
  /** Run each submission in a sandbox of its own (sandbox.ts) with what every sandbox shares; null: on the host, as the learner does (`--no-sandbox`). */
  readonly sandbox?: SandboxSetup | null;
  /**
   * Start the submission now (its sandbox, runner and kernel) but run its first cell only once this resolves: the
   * grader starts the next submission while one runs. Rejected: gradeSubmission rejects with NotebookCancelled,
   * having run and left nothing.
   */
  readonly gate?: Promise<void>;
}

/** Grading had to stop: the engine or host failed (exit code 2); the row says where. */
export class GradingStopped extends EnvironmentError {
  override name = "GradingStopped";
  readonly row: GradeRow;
  constructor(row: GradeRow, cause: unknown) {
    const hint = isDnlError(cause) ? cause.hint : "Run `npx docker-net-lab doctor`, fix what it reports, then run grade again.";
    super(`Grading stopped at ${row.id}: ${row.message}`, { hint, cause });
    this.row = row;
  }
}

// Sum of points.
const sum = (results: readonly CheckResult[], key: "points" | "maxPoints"): number => results.reduce((total, result) => total + result[key], 0);

// Every check of a lab scored 0 with the same reason (a submission that could not run).
const zeroChecks = (lab: LabDefinition, why: string): CheckResult[] => zeroedChecks(lab, why, "Hand in the lab's notebook (.ipynb) as saved by Jupyter.");

// Points the notebook displayed for itself (last result per check id); untrusted, for information only.
const claimed = (displayed: readonly unknown[]): number | null => {
  const byId = new Map<string, number>();
  for (const item of displayed) {
    const result = item as { id?: unknown; points?: unknown } | null;
    if (result && typeof result.id === "string" && typeof result.points === "number" && Number.isFinite(result.points)) byId.set(result.id, result.points);
  }
  return byId.size ? [...byId.values()].reduce((a, b) => a + b, 0) : null;
};

// Map the runner's status to a gradebook status.
const statusOf = (notebook: string, hasCellErrors: boolean): GradeStatus =>
  notebook === "ok"
    ? hasCellErrors
      ? "cell-errors"
      : "ok"
    : notebook === "invalid"
      ? "not-notebook"
      : notebook === "error"
        ? "runner-error"
        : (notebook as GradeStatus);

/** Display path: relative when under the current directory. */
export const shown = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
};

/** Grade one submission; broken submissions become rows; throws GradingStopped only when the environment fails. */
export const gradeSubmission = async (submission: Submission, options: GradeOptions = {}): Promise<GradeRow> => {
  const elapsed = stopwatch(options.gate);
  const base = { id: submission.id, file: shown(submission.file), claimedPoints: null, cellErrors: [], session: null, topologySvg: null, notebookMs: 0 };
  // A row for a submission that is not run: every check of its lab (when known) at 0 points, saying why.
  const unrun = (lab: LabDefinition | null, row: Pick<GradeRow, "lab" | "status" | "message">, why: string): GradeRow => {
    const checks = lab ? zeroChecks(lab, why) : [];
    return { ...base, ...row, checks, points: 0, maxPoints: sum(checks, "maxPoints"), durationMs: elapsed() };
  };
  const detection = await inspectSubmission(submission, options.lab ?? null);
  if (detection.kind !== "lab") {
    const lab = detection.lab
      ? (() => {
          try {
            return findLab(detection.lab as string);
          } catch {
            return null;
          }
        })()
      : null;
    return unrun(lab, { lab: detection.lab, status: detection.kind, message: detection.message }, `Not graded: ${detection.message}.`);
  }
  const lab = findLab(detection.lab);
  const lang = detection.lang === "ko" ? { lang: "ko" as const } : {};
  let svg: string | null = null;
  let session: string | null = null;
  try {
    const title = `Lab ${lab.id} at grading time: ${submission.id}`;
    const result = options.sandbox
      ? await runInSandbox(lab, submission.file, {
          setup: options.sandbox,
          cellTimeoutS: options.cellTimeoutS ?? 60,
          notebookTimeoutS: options.notebookTimeoutS ?? 300,
          title,
          ...(options.log ? { log: options.log } : {}),
          ...(options.gate ? { gate: options.gate } : {}),
          ...lang,
        }).then((run) => {
          session = run.session;
          svg = run.svg;
          return run;
        })
      : await runLab(lab, {
          notebook: submission.file,
          cwd: notebookDirOf(lab),
          cellTimeoutS: options.cellTimeoutS ?? 60,
          notebookTimeoutS: options.notebookTimeoutS ?? 300,
          ...(options.log ? { log: options.log } : {}),
          ...(options.gate ? { gate: options.gate } : {}),
          beforeTeardown: async (context) => {
            session = context.session.session;
            svg = sessionPicture(await snapshot(), context.session.session, title);
          },
        });
    const cellErrors = result.notebook.cells
      .filter((cell) => cell.error)
      .map((cell) => ({ id: cell.id, ename: cell.error?.ename ?? "", evalue: (cell.error?.evalue ?? "").split("\n")[0] ?? "" }));
    const status = statusOf(result.notebook.status, cellErrors.length > 0);
    const row: GradeRow = {
      ...base,
      ...lang,
      lab: lab.id,
      status,
      message: result.notebook.message || (cellErrors.length ? `${cellErrors.length} cell(s) raised an error` : ""),
      checks: result.checks,
      points: sum(result.checks, "points"),
      maxPoints: sum(result.checks, "maxPoints"),
      claimedPoints: claimed(result.notebook.displayedChecks),
      cellErrors,
      session: result.session,
      durationMs: elapsed(),
      notebookMs: result.notebook.durationMs,
      topologySvg: svg,
    };
    // A check that failed because the engine went away is the environment's fault, not the learner's (a sandbox's
    // engine is the submission's own: what happens to it is the submission's doing).
    if (!options.sandbox && !result.checks.every((check) => check.passed)) {
      const engine = await engineStatus();
      if (!engine.ok)
        throw new EnvironmentError(`the Docker engine stopped answering (${engine.detail})`, {
          hint: "Start the engine again (`npx docker-net-lab doctor` shows how), run `npx docker-net-lab clean --all-sessions`, then run grade again.",
        });
    }
    return row;
  } catch (error) {
    if (error instanceof NotebookCancelled) throw error;
    if (isDnlError(error) && error.exitCode === ExitCode.environment) {
      const checks = zeroChecks(lab, "Not graded: the environment failed.");
      throw new GradingStopped(
        {
          ...base,
          lab: lab.id,
          session,
          status: "environment",
          message: error.message.split("\n")[0] ?? "",
          checks,
          points: 0,
          maxPoints: sum(checks, "maxPoints"),
          durationMs: elapsed(),
        },
        error,
      );
    }
    const checks = zeroChecks(lab, `Not graded: ${(error as Error).message}`);
    return {
      ...base,
      ...lang,
      lab: lab.id,
      session,
      status: "runner-error",
      message: (error as Error).message.split("\n")[0] ?? String(error),
      checks,
      points: 0,
      maxPoints: sum(checks, "maxPoints"),
      durationMs: elapsed(),
    };
  } finally {
    // runLab removed the lab's folder of this session; drop the then-empty session folder too.
    if (session) await rmdir(join(stateDir(), "sessions", session)).catch(() => undefined);
  }
};
