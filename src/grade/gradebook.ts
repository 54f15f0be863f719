// The gradebook: CSV (one row per submission, one column per check) and JSON, in a stable order so re-runs compare equal.
import { gradable as labs } from "./gradable.js";
import type { GradeRow } from "./model.js";

/** The checks of the labs that appear in the rows, in registry order: the CSV's point columns. */
export const gradebookColumns = (rows: readonly GradeRow[]): { lab: string; id: string; title: string; points: number; hidden: boolean }[] =>
  labs
    .filter((lab) => rows.some((row) => row.lab === lab.id))
    .flatMap((lab) => lab.checks.map((check) => ({ lab: lab.id, id: check.id, title: check.title, points: check.points, hidden: Boolean(check.hidden) })));

// RFC 4180 field: quoted when it holds a comma, quote or line break; formula-looking text is prefixed so spreadsheets do not run it.
const field = (value: string | number | null): string => {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** gradebook.csv: id, lab, each check's points, total, max, status, duration_s, message. */
export const gradebookCsv = (rows: readonly GradeRow[]): string => {
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
      .map(field)
      .join(",");
  });
  return `${[header.map(field).join(","), ...lines].join("\r\n")}\r\n`;
};

/** gradebook.json (version 1): the labs and their checks, then every submission with the grader's verdicts. */
export const gradebookJson = (rows: readonly GradeRow[]): unknown => ({
  version: 1,
  checks: gradebookColumns(rows),
  summary: {
    submissions: rows.length,
    statuses: Object.fromEntries(
      [...new Set(rows.map((row) => row.status))].sort().map((status) => [status, rows.filter((row) => row.status === status).length]),
    ),
  },
  submissions: rows.map((row) => ({
    id: row.id,
    file: row.file,
    lab: row.lab,
    status: row.status,
    message: row.message,
    points: row.points,
    maxPoints: row.maxPoints,
    claimedPoints: row.claimedPoints,
    checks: row.checks.map(({ id, passed, points, maxPoints, message, hint }) => ({ id, passed, points, maxPoints, message, hint })),
    cellErrors: row.cellErrors,
    session: row.session,
    durationMs: row.durationMs,
    notebookMs: row.notebookMs,
    feedback: `feedback/${row.id}.html`,
  })),
});
