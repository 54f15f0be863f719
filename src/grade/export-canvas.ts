// gradebook-canvas.csv: the columns Canvas's gradebook import reads (Student, ID, SIS User ID, SIS Login ID, Section,
// then one column per assignment, `<title> (<id>)`), one row per student, points per lab. Pure.
//
// Canvas matches a row to a student by ID, SIS User ID or SIS Login ID (the name is only shown), and an assignment
// column by the number in parentheses, else by its name (a name it does not know becomes a new assignment when the
// import is confirmed). A student with several submissions of one lab gets the best score; only submissions that ran
// get a number (an empty cell leaves Canvas's grade unchanged).
import { csvField } from "./gradebook.js";
import { gradable } from "./gradable.js";
import type { BookRow, Student } from "./book.js";
import { ranStatuses } from "./stats.js";

/** The student columns, as Canvas names them. */
export const canvasStudentColumns = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] as const;

// The key a student is grouped by: the strongest identity known.
const studentKey = (student: Student): string =>
  student.id
    ? `id:${student.id}`
    : student.sisUserId
      ? `sis:${student.sisUserId}`
      : student.sisLoginId
        ? `login:${student.sisLoginId}`
        : `name:${student.name}`;

/** The CSV, and the students Canvas cannot match (no ID, SIS User ID or SIS Login ID: give a roster). */
export const canvasCsv = (rows: readonly BookRow[]): { csv: string; unmatched: string[] } => {
  const labs = gradable.filter((lab) => rows.some((row) => row.lab === lab.id && ranStatuses.has(row.status)));
  const students = new Map<string, { student: Student; best: Map<string, number> }>();
  for (const row of rows) {
    const key = studentKey(row.student);
    const entry = students.get(key) ?? { student: row.student, best: new Map<string, number>() };
    students.set(key, entry);
    if (row.lab !== null && ranStatuses.has(row.status)) entry.best.set(row.lab, Math.max(entry.best.get(row.lab) ?? 0, row.points));
  }
  const sorted = [...students.values()].sort((a, b) => (a.student.name < b.student.name ? -1 : a.student.name > b.student.name ? 1 : 0));
  const header = [...canvasStudentColumns, ...labs.map((lab) => `${lab.title} (${lab.id})`)];
  const possible = ["Points Possible", "", "", "", "", ...labs.map((lab) => lab.checks.reduce((sum, check) => sum + check.points, 0))];
  const lines = sorted.map(({ student, best }) => [
    student.name,
    student.id,
    student.sisUserId,
    student.sisLoginId,
    student.section,
    ...labs.map((lab) => best.get(lab.id) ?? null),
  ]);
  const csv = `${[header, possible, ...lines].map((cells) => cells.map(csvField).join(",")).join("\r\n")}\r\n`;
  const unmatched = sorted.filter(({ student }) => !student.id && !student.sisUserId && !student.sisLoginId).map(({ student }) => student.name);
  return { csv, unmatched };
};
