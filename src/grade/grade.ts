// `grade`: every submission in its own session, `jobs` at a time; then gradebook.csv, gradebook.json and feedback/*.html.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { feedbackHtml } from "./feedback.js";
import { gradebookCsv, gradebookJson } from "./gradebook.js";
import { gradeSubmission, GradingStopped, shown, type GradeOptions } from "./grade-one.js";
import type { GradeRow } from "./model.js";
import { gradeProgress, type GradeProgress } from "./progress.js";
import { findSubmissions, type Submission } from "./submissions.js";
import { UsageError } from "../errors.js";

export interface GradeAllOptions extends GradeOptions {
  /** Output folder (created). */
  readonly out: string;
  /** Submissions graded at once. @default 1 */
  readonly jobs?: number;
  readonly progress?: GradeProgress;
  /** True once the user asked to stop (Ctrl-C): no new submission starts, running ones finish their teardown. */
  readonly interrupted?: () => boolean;
}

export interface GradeAllResult {
  readonly rows: readonly GradeRow[];
  /** Set when grading stopped because the environment failed (the rows after it are `not-graded`). */
  readonly stopped: GradingStopped | null;
  readonly files: { readonly csv: string; readonly json: string; readonly feedback: string };
}

/** Run `work` over `items`, at most `limit` at a time, starting no new item once `stop()` is true; keeps order. */
export const pool = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, stop: () => boolean): Promise<(R | undefined)[]> => {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
};

// Write a file atomically (temp file, then rename), so an interrupted run never leaves half a gradebook.
const writeAtomic = async (path: string, text: string): Promise<void> => {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
};

// The row for a submission never started because grading stopped.
const notGraded = (submission: Submission, reason: string): GradeRow => ({
  id: submission.id,
  file: shown(submission.file),
  lab: null,
  status: "not-graded",
  message: reason,
  checks: [],
  points: 0,
  maxPoints: 0,
  claimedPoints: null,
  cellErrors: [],
  session: null,
  durationMs: 0,
  notebookMs: 0,
  topologySvg: null,
});

/** Grade the submissions in `inputs` (folders and files) and write the gradebook to `options.out`. */
export const gradeAll = async (inputs: readonly string[], options: GradeAllOptions): Promise<GradeAllResult> => {
  const jobs = options.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16)
    throw new UsageError(`Expected the \`--jobs\` option to be a whole number from 1 to 16, got \`${String(options.jobs)}\`.`, {
      hint: "Use about one job per CPU core: --jobs 2.",
    });
  const out = resolve(options.out);
  const submissions = await findSubmissions(inputs, out);
  if (submissions.length === 0)
    throw new UsageError(`No submissions found in ${inputs.join(", ")}.`, {
      hint: "Put the learners' .ipynb files in the folder (sub-folders are searched too).",
    });
  await mkdir(join(out, "feedback"), { recursive: true });
  const progress = options.progress ?? gradeProgress(submissions.length);
  const files = { csv: join(out, "gradebook.csv"), json: join(out, "gradebook.json"), feedback: join(out, "feedback") };
  let stopped: GradingStopped | null = null;
  const done: (GradeRow | undefined)[] = new Array(submissions.length).fill(undefined);
  const pending = (why: string) => done.map((row, index) => row ?? notGraded(submissions[index] as Submission, why));
  // Rewritten after every submission, so a crash or a kill keeps every row graded so far.
  const save = async (rows: readonly GradeRow[]): Promise<void> => {
    await writeAtomic(files.csv, gradebookCsv(rows));
    await writeAtomic(files.json, `${JSON.stringify(gradebookJson(rows), null, 2)}\n`);
  };
  let saving = Promise.resolve();
  await pool(
    submissions,
    jobs,
    async (submission) => {
      progress.started(submission.id);
      let row: GradeRow;
      try {
        row = await gradeSubmission(submission, options);
      } catch (error) {
        if (!(error instanceof GradingStopped)) throw error;
        stopped ??= error;
        row = error.row;
      }
      if (options.interrupted?.())
        row = { ...notGraded(submission, "grading was interrupted while this submission ran; run grade again"), lab: row.lab, session: row.session };
      await writeAtomic(join(out, "feedback", `${row.id}.html`), feedbackHtml(row));
      done[submissions.indexOf(submission)] = row;
      progress.finished(row);
      saving = saving.then(() => save(pending("not graded yet (grading was still running or was stopped); run grade again")));
      await saving;
      return row;
    },
    () => stopped !== null || Boolean(options.interrupted?.()),
  );
  progress.done();
  const rows = pending(
    options.interrupted?.()
      ? "grading was interrupted before this submission; run grade again"
      : "grading stopped before this submission (the environment failed); run grade again",
  );
  await saving;
  await save(rows);
  return { rows, stopped, files };
};
