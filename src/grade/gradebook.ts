// The gradebook: CSV (one row per submission, one column per check) and JSON, in a stable order so re-runs compare equal.
// Both are made from the recorded rows (book.ts), so `grade --only` rewrites them with every other row unchanged.
import { bookRow, type BookRow } from "./book.js";
import { gradable as labs } from "./gradable.js";
import { classStats } from "./stats.js";

/** What a CSV row needs of a gradebook row (a GradeRow or a recorded BookRow). */
export type CsvRow = Pick<BookRow, "id" | "lab" | "points" | "maxPoints" | "status" | "durationMs" | "message"> & {
  readonly checks: readonly { readonly id: string; readonly points: number }[];
};

/** The checks of the labs that appear in the rows, in registry order: the CSV's point columns. */
export const gradebookColumns = (rows: readonly { lab: string | null }[]): { lab: string; id: string; title: string; points: number; hidden: boolean }[] =>
  labs
    .filter((lab) => rows.some((row) => row.lab === lab.id))
    .flatMap((lab) => lab.checks.map((check) => ({ lab: lab.id, id: check.id, title: check.title, points: check.points, hidden: Boolean(check.hidden) })));

// RFC 4180 field: quoted when it holds a comma, quote or line break; formula-looking text is prefixed so spreadsheets do not run it.
export const csvField = (value: string | number | null): string => {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** gradebook.csv: id, lab, each check's points, total, max, status, duration_s, message. */
export const gradebookCsv = (rows: readonly CsvRow[]): string => {
  const columns = gradebookColumns(rows);
  const header = ["id", "lab", ...columns.map((column) => column.id), "total", "max", "status", "duration_s", "message"];
  const lines = rows.map((row) => {
    const byId = new Map(row.checks.map((check) => [check.id, check.points]));
    return [
      row.id,
      row.lab,
      ...columns.map((column) => (column.lab === row.lab ? (byId.get(column.id) ?? 0) : null)),
      row.points,
      row.maxPoints,
      row.status,
      (row.durationMs / 1000).toFixed(1),
      row.message,
    ]
      .map(csvField)
      .join(",");
  });
  return `${[header.map(csvField).join(","), ...lines].join("\r\n")}\r\n`;
};

/**
 * gradebook.json (version 2): the labs and their checks, the class statistics (stats.ts), then every submission with
 * the grader's verdicts and who handed it in. Hidden checks' messages and hints are withheld (null).
 */
export const gradebookJson = (rows: readonly BookRow[]): unknown => ({
  version: 2,
  checks: gradebookColumns(rows),
  summary: {
    submissions: rows.length,
    statuses: Object.fromEntries(
      [...new Set(rows.map((row) => row.status))].sort().map((status) => [status, rows.filter((row) => row.status === status).length]),
    ),
  },
  stats: classStats(rows),
  submissions: rows.map((row) => ({ ...bookRow(row, row.student), feedback: `feedback/${row.id}.html`, results: `results/${row.id}.json` })),
});
