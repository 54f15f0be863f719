// What grading produces: one row per submission, with a status that says what happened.
import type { CheckResult } from "../checks/check.js";

/**
 * What happened to a submission:
 * - `ok`: executed to the end; `cell-errors`: executed to the end, some cells raised;
 * - `timeout`: a cell or the whole notebook ran too long and was stopped; `kernel-died`: the kernel exited (e.g. `process.exit`);
 *   both are still graded on what was live when they stopped;
 * - `not-json`, `not-notebook`, `wrong-lab`, `unknown-lab`: not executed, 0 points;
 * - `runner-error`: the notebook runner itself failed; `environment`: the engine or host failed (grading stopped);
 *   `not-graded`: skipped because grading stopped.
 */
export type GradeStatus =
  | "ok"
  | "cell-errors"
  | "timeout"
  | "kernel-died"
  | "not-json"
  | "not-notebook"
  | "wrong-lab"
  | "unknown-lab"
  | "runner-error"
  | "environment"
  | "not-graded";

/** One graded submission (a gradebook row). */
export interface GradeRow {
  readonly id: string;
  /** The file as given (relative to the current directory when inside it). */
  readonly file: string;
  /** The lab graded (or declared, when not graded); null when unknown. */
  readonly lab: string | null;
  readonly status: GradeStatus;
  /** One sentence on the status (empty when ok). */
  readonly message: string;
  /** The grader's own verdicts: every check of the lab, hidden ones included. */
  readonly checks: readonly CheckResult[];
  readonly points: number;
  readonly maxPoints: number;
  /** Points the notebook itself displayed as check results: never used for the grade, shown to spot fakes. */
  readonly claimedPoints: number | null;
  readonly cellErrors: readonly { id: string | null; ename: string; evalue: string }[];
  readonly session: string | null;
  /** Wall time for this submission: detection, execution, checks, picture and teardown. */
  readonly durationMs: number;
  /** Of which the notebook's headless execution (kernel start to last cell); 0 when it did not run. */
  readonly notebookMs: number;
  /** The topology of the session at grading time, before teardown (SVG), when the notebook ran. */
  readonly topologySvg: string | null;
  /** The submission's language (its notebook's docker-net-lab.lang): the feedback page is written in it. */
  readonly lang?: "en" | "ko";
}
