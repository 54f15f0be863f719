// `grade`: every submission in its own session, `jobs` at a time; then the gradebook (CSV, JSON, summary.html,
// gradebook-canvas.csv) and each submission's feedback/*.html and results/*.json. `only` re-grades one submission and
// updates the gradebook in place (outputs.ts, book.ts).
import { mkdir, readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { bookRow, mergeRows, type BookRow, type Student } from "./book.js";
import { gradeSubmission, GradingStopped, shown, type GradeOptions } from "./grade-one.js";
import type { GradeRow } from "./model.js";
import { outputFiles, readRecordedRows, writeClassFiles, writeSubmissionFiles } from "./outputs.js";
import { gradeProgress, type GradeProgress } from "./progress.js";
import { identify, parseRoster, type RosterEntry } from "./roster.js";
import { findSubmissions, type Submission } from "./submissions.js";
import { EnvironmentError, UsageError } from "../errors.js";
import { NotebookCancelled } from "../labs/notebook.js";
import { findJupyter } from "../setup/jupyter.js";
import { prepareSandboxes, type SandboxSetup } from "./sandbox.js";
import { sandboxesRemoved } from "./sandboxed-run.js";

// What every sandbox of this run shares (the runner's Python, the saved toolbox image); a clear error when sandboxes cannot run here.
const sandboxSetup = async (log: (line: string) => void): Promise<SandboxSetup> => {
  const jupyter = await findJupyter();
  if (!jupyter) throw new EnvironmentError("Jupyter is not installed, so notebooks cannot run.", { hint: "Run `npx docker-net-lab setup`." });
  return prepareSandboxes(jupyter.python, log);
};

export interface GradeAllOptions extends GradeOptions {
  /** Output folder (created). */
  readonly out: string;
  /** Submissions graded at once. @default 1 */
  readonly jobs?: number;
  readonly progress?: GradeProgress;
  /** True once the user asked to stop (Ctrl-C): no new submission starts, running ones finish their teardown. */
  readonly interrupted?: () => boolean;
  /** Re-grade only this submission (id, file name or path) and update the gradebook already in `out` in place. */
  readonly only?: string | null;
  /** A roster CSV (roster.ts): who handed each submission in, for gradebook-canvas.csv. */
  readonly roster?: string | null;
  /** Run submissions on the host with the learner's access, as before the sandbox (`--no-sandbox`). @default false */
  readonly noSandbox?: boolean;
  /** Start each submission's sandbox, runner and kernel while the one before runs (`DNL_GRADE_AHEAD=off`: false). @default true */
  readonly ahead?: boolean;
}

export interface GradeAllResult {
  /** Every row of the gradebook (with `only`, the recorded ones too). */
  readonly rows: readonly BookRow[];
  /** The rows graded by this run. */
  readonly graded: readonly GradeRow[];
  /** Students gradebook-canvas.csv cannot match to a Canvas user (no ID, SIS User ID or SIS Login ID). */
  readonly unmatched: readonly string[];
  /** Set when grading stopped because the environment failed (the rows after it are `not-graded`). */
  readonly stopped: GradingStopped | null;
  readonly files: ReturnType<typeof outputFiles>;
}

/** Run `work` over `items`, at most `limit` at a time, starting no new item once `stop()` is true; keeps order. */
export const pool = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  stop: () => boolean,
): Promise<(R | undefined)[]> => {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
};

/** A submission started ahead of time (gradeSubmission's `gate`): its sandbox, runner and kernel start now. */
interface Ahead {
  readonly row: Promise<GradeRow>;
  /** Run its cells now. */
  readonly go: () => void;
  /** Not wanted after all: kill what started; resolves once it is gone. */
  readonly cancel: () => Promise<void>;
}

const startAhead = (submission: Submission, options: GradeOptions): Ahead => {
  let go: () => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const gate = new Promise<void>((resolve, fail) => {
    go = resolve;
    reject = fail;
  });
  gate.catch(() => undefined);
  const row = gradeSubmission(submission, { ...options, gate });
  row.catch(() => undefined); // awaited by go's caller, or by cancel
  return {
    row,
    go,
    cancel: async () => {
      reject(new NotebookCancelled());
      await row.catch(() => undefined);
    },
  };
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
  const all = await findSubmissions(inputs, out);
  if (all.length === 0)
    throw new UsageError(`No submissions found in ${inputs.join(", ")}.`, {
      hint: "Put the learners' .ipynb files in the folder (sub-folders are searched too).",
    });
  const submissions = options.only ? [pickOnly(all, options.only)] : all;
  const records = await recordKeeper(out, options);
  const progress = options.progress ?? gradeProgress(submissions.length);
  const files = outputFiles(out);
  await mkdir(files.feedback, { recursive: true });
  const sandbox = options.noSandbox ? null : (options.sandbox ?? (await sandboxSetup(options.log ?? ((line) => process.stderr.write(`${line}\n`)))));
  let stopped: GradingStopped | null = null;
  const done: (GradeRow | undefined)[] = new Array(submissions.length).fill(undefined);
  const pending = (why: string) => done.map((row, index) => row ?? notGraded(submissions[index] as Submission, why));
  let unmatched: string[] = [];
  // Rewritten after every submission, so a crash or a kill keeps every row graded so far.
  const save = async (rows: readonly GradeRow[]): Promise<void> => {
    unmatched = await writeClassFiles(out, records.book(rows));
  };
  let saving = Promise.resolve();
  const stop = () => stopped !== null || Boolean(options.interrupted?.());
  // Each submission starts the one `jobs` places after it ahead of time (its runner and kernel, in its sandbox), so
  // that one's cells run as soon as a job is free; a gradebook is the same as without (only the durations differ).
  const ahead = new Map<number, Ahead>();
  try {
    await pool(
      submissions,
      jobs,
      async (submission, index) => {
        const mine = ahead.get(index);
        ahead.delete(index);
        const later = options.ahead === false ? undefined : submissions[index + jobs];
        if (later && !stop()) ahead.set(index + jobs, startAhead(later, { ...options, sandbox }));
        progress.started(submission.id);
        let row: GradeRow;
        try {
          if (mine) mine.go();
          row = await (mine?.row ?? gradeSubmission(submission, { ...options, sandbox }));
        } catch (error) {
          if (!(error instanceof GradingStopped)) throw error;
          stopped ??= error;
          row = error.row;
        }
        if (options.interrupted?.())
          row = { ...notGraded(submission, "grading was interrupted while this submission ran; run grade again"), lab: row.lab, session: row.session };
        if (!records.keeps(row)) await writeSubmissionFiles(out, row);
        done[submissions.indexOf(submission)] = row;
        progress.finished(row);
        saving = saving.then(() => save(pending("not graded yet (grading was still running or was stopped); run grade again")));
        await saving;
        return row;
      },
      stop,
    );
  } finally {
    // Started ahead, never run (grading stopped or was interrupted): their kernels and sandboxes go.
    await Promise.all([...ahead.values()].map((started) => started.cancel()));
  }
  await sandboxesRemoved();
  progress.done();
  const rows = pending(
    options.interrupted?.()
      ? "grading was interrupted before this submission; run grade again"
      : "grading stopped before this submission (the environment failed); run grade again",
  );
  await saving;
  await save(rows);
  return { rows: records.book(rows), graded: rows, unmatched, stopped, files };
};

// How graded rows become the recorded ones: who handed each in (roster, else file name) and, with --only, the rows
// recorded before, kept as they are (re-identified only when a roster is given); a re-graded submission that did not
// get graded (interrupted) keeps its recorded row and files.
const recordKeeper = async (out: string, options: GradeAllOptions) => {
  const roster = options.roster ? await readRoster(options.roster) : null;
  const fromFile = (row: { id: string; file: string }): Student => identify(roster ?? [], row);
  const recorded = options.only ? await readRecordedRows(out, (id) => fromFile({ id, file: id })) : [];
  const before = new Map(recorded.map((row) => [row.id, row]));
  const previous = roster ? recorded.map((row) => bookRow(row, fromFile(row))) : recorded;
  const who = (row: GradeRow): Student => (roster ? fromFile(row) : (before.get(row.id)?.student ?? fromFile(row)));
  const keeps = (row: GradeRow): boolean => row.status === "not-graded" && before.has(row.id);
  return {
    keeps,
    book: (rows: readonly GradeRow[]): BookRow[] =>
      mergeRows(
        previous,
        rows.filter((row) => !keeps(row)).map((row) => bookRow(row, who(row))),
      ),
  };
};

// The submission `only` names: its id, its file name, or its path; else a usage error listing the known ids.
const pickOnly = (submissions: readonly Submission[], only: string): Submission => {
  const wanted = resolve(only);
  const found =
    submissions.find((s) => s.id === only) ??
    submissions.find((s) => s.file === wanted) ??
    submissions.find((s) => basename(s.file) === only || basename(s.file) === `${only}.ipynb`);
  if (found) return found;
  const known = submissions.map((s) => s.id);
  throw new UsageError(`Unknown submission \`${only}\` for --only.`, {
    hint: `Known submissions: ${known.slice(0, 40).join(", ")}${known.length > 40 ? `, and ${known.length - 40} more` : ""}.`,
  });
};

// The roster file, parsed; a usage error when it cannot be read.
const readRoster = async (file: string): Promise<RosterEntry[]> => {
  const text = await readFile(file, "utf8").catch((error: Error) => {
    throw new UsageError(`Cannot read the roster ${file} (${error.message}).`, { hint: "Pass a CSV file: --roster roster.csv (see src/grade/README.md)." });
  });
  return parseRoster(text, file);
};
