// A gradebook row as recorded in gradebook.json: what every class-wide output (CSV, stats, summary, Canvas) is made
// from, and what `grade --only` reads back so the rows it does not re-grade come out byte for byte the same.
import { z } from "zod";
import { UsageError } from "../errors.js";
import { gradable } from "./gradable.js";
import type { GradeRow, GradeStatus } from "./model.js";

/** Who handed a submission in, in Canvas's terms (empty strings when unknown). */
export interface Student {
  readonly name: string;
  /** Canvas user id (the `ID` column). */
  readonly id: string;
  readonly sisUserId: string;
  readonly sisLoginId: string;
  readonly section: string;
}

/** One check's verdict as recorded: a hidden check's message and hint are withheld (null), never written anywhere. */
export interface BookCheck {
  readonly id: string;
  readonly passed: boolean;
  readonly points: number;
  readonly maxPoints: number;
  readonly message: string | null;
  readonly hint: string | null;
}

/** One submission as recorded in gradebook.json. */
export interface BookRow {
  readonly id: string;
  readonly file: string;
  readonly lab: string | null;
  readonly status: GradeStatus;
  readonly message: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly claimedPoints: number | null;
  readonly checks: readonly BookCheck[];
  readonly cellErrors: readonly { id: string | null; ename: string; evalue: string }[];
  readonly session: string | null;
  readonly durationMs: number;
  readonly notebookMs: number;
  readonly student: Student;
}

/** The ids of every hidden check the grader knows (labs and challenges). */
export const hiddenChecks: ReadonlySet<string> = new Set(gradable.flatMap((lab) => lab.checks.filter((check) => check.hidden).map((check) => check.id)));

/** The record of a row, in a fixed key order; hidden checks lose their message and hint. Idempotent. */
export const bookRow = (row: GradeRow | BookRow, student: Student): BookRow => ({
  id: row.id,
  file: row.file,
  lab: row.lab,
  status: row.status,
  message: row.message,
  points: row.points,
  maxPoints: row.maxPoints,
  claimedPoints: row.claimedPoints,
  checks: row.checks.map(({ id, passed, points, maxPoints, message, hint }) => {
    const hidden = hiddenChecks.has(id);
    return { id, passed, points, maxPoints, message: hidden ? null : message, hint: hidden ? null : hint };
  }),
  cellErrors: row.cellErrors.map(({ id, ename, evalue }) => ({ id, ename, evalue })),
  session: row.session,
  durationMs: row.durationMs,
  notebookMs: row.notebookMs,
  student: { name: student.name, id: student.id, sisUserId: student.sisUserId, sisLoginId: student.sisLoginId, section: student.section },
});

const statuses = [
  "ok",
  "cell-errors",
  "timeout",
  "kernel-died",
  "not-json",
  "not-notebook",
  "wrong-lab",
  "unknown-lab",
  "runner-error",
  "environment",
  "not-graded",
] as const satisfies readonly GradeStatus[];

const studentSchema = z.object({ name: z.string(), id: z.string(), sisUserId: z.string(), sisLoginId: z.string(), section: z.string() });
const rowSchema = z.object({
  id: z.string(),
  file: z.string(),
  lab: z.string().nullable(),
  status: z.enum(statuses),
  message: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  claimedPoints: z.number().nullable(),
  checks: z.array(
    z.object({ id: z.string(), passed: z.boolean(), points: z.number(), maxPoints: z.number(), message: z.string().nullable(), hint: z.string().nullable() }),
  ),
  cellErrors: z.array(z.object({ id: z.string().nullable(), ename: z.string(), evalue: z.string() })),
  session: z.string().nullable(),
  durationMs: z.number(),
  notebookMs: z.number(),
  // Gradebooks of version 1 did not record who handed a submission in.
  student: studentSchema.optional(),
});
const bookSchema = z.object({ version: z.union([z.literal(1), z.literal(2)]), submissions: z.array(rowSchema) });

/** The rows of a gradebook.json text (version 1 or 2), each with the student recorded, else `unknown(id)`. */
export const readBook = (text: string, where: string, unknown: (id: string) => Student): BookRow[] => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${where} is not JSON (${(error as Error).message}).`, { hint: "Run grade without --only to write the gradebook again." });
  }
  const parsed = bookSchema.safeParse(json);
  if (!parsed.success)
    throw new UsageError(`${where} is not a gradebook this grader can update: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}.`, {
      hint: "Run grade without --only to write the gradebook again.",
    });
  return parsed.data.submissions.map(({ student, ...row }) => bookRow({ ...row, student: student ?? unknown(row.id) }, student ?? unknown(row.id)));
};

/** `rows` with `updates` replacing the rows of the same id (new ids added), sorted by id. */
export const mergeRows = (rows: readonly BookRow[], updates: readonly BookRow[]): BookRow[] => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of updates) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};
