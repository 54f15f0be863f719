// The files of an output folder, each written atomically (temp file, then rename) so an interrupted run never leaves
// half a file: the class files from the recorded rows, and each submission's own files from its graded row.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { readBook, type BookRow, type Student } from "./book.js";
import { canvasCsv } from "./export-canvas.js";
import { gradescopeJson } from "./export-gradescope.js";
import { feedbackHtml } from "./feedback.js";
import { gradebookCsv, gradebookJson } from "./gradebook.js";
import type { GradeRow } from "./model.js";
import { summaryHtml } from "./summary.js";

/** Where each output lives under the output folder. */
export const outputFiles = (out: string) => ({
  csv: join(out, "gradebook.csv"),
  json: join(out, "gradebook.json"),
  canvas: join(out, "gradebook-canvas.csv"),
  summary: join(out, "summary.html"),
  feedback: join(out, "feedback"),
  results: join(out, "results"),
});

/** Write a file atomically. */
export const writeAtomic = async (path: string, text: string): Promise<void> => {
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
};

/** The class files: gradebook.csv, gradebook.json, summary.html, gradebook-canvas.csv; returns Canvas's unmatched students. */
export const writeClassFiles = async (out: string, rows: readonly BookRow[]): Promise<string[]> => {
  const files = outputFiles(out);
  const canvas = canvasCsv(rows);
  await writeAtomic(files.csv, gradebookCsv(rows));
  await writeAtomic(files.json, `${JSON.stringify(gradebookJson(rows), null, 2)}\n`);
  await writeAtomic(files.summary, summaryHtml(rows));
  await writeAtomic(files.canvas, canvas.csv);
  return canvas.unmatched;
};

/** One submission's files: feedback/<id>.html and results/<id>.json (Gradescope). */
export const writeSubmissionFiles = async (out: string, row: GradeRow): Promise<void> => {
  const files = outputFiles(out);
  await mkdir(files.feedback, { recursive: true });
  await mkdir(files.results, { recursive: true });
  await writeAtomic(join(files.feedback, `${row.id}.html`), feedbackHtml(row));
  await writeAtomic(join(files.results, `${row.id}.json`), gradescopeJson(row));
};

/** The rows recorded in `out`'s gradebook.json (what `grade --only` updates); a usage error when there is none. */
export const readRecordedRows = async (out: string, unknown: (id: string) => Student): Promise<BookRow[]> => {
  const path = outputFiles(out).json;
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null)
    throw new UsageError(`No gradebook to update in ${out} (${path} is missing).`, {
      hint: "Grade the whole folder first (without --only), then re-grade one submission with --only.",
    });
  return readBook(text, path, unknown);
};
