// Class statistics: per lab, the score distribution and, per check, the pass rate and the most common failure. Pure.
//
// Only submissions that ran count (statuses ok, cell-errors, timeout, kernel-died): a file that was not a notebook
// says nothing about a check. A hidden check's failures are counted, its messages never recorded (they are withheld
// in the gradebook already), so its `topFailure` is always null.
import { hiddenChecks, type BookRow } from "./book.js";
import { gradable } from "./gradable.js";
import type { GradeStatus } from "./model.js";

/** Statuses of submissions that ran, and are therefore in the statistics. */
export const ranStatuses: ReadonlySet<GradeStatus> = new Set(["ok", "cell-errors", "timeout", "kernel-died"]);

export interface CheckStats {
  readonly id: string;
  readonly title: string;
  readonly hidden: boolean;
  readonly maxPoints: number;
  /** Submissions that ran. */
  readonly graded: number;
  readonly passed: number;
  /** passed / graded, 0 when nothing ran. */
  readonly passRate: number;
  /** The most common failure message (session names and addresses generalized), with how many had it. */
  readonly topFailure: { readonly message: string; readonly count: number } | null;
}

export interface LabStats {
  readonly lab: string;
  readonly title: string;
  readonly maxPoints: number;
  /** Every submission of this lab, graded or not. */
  readonly submissions: number;
  readonly graded: number;
  readonly meanPoints: number;
  readonly medianPoints: number;
  /** How many graded submissions got each score, from 0 to maxPoints (every score listed). */
  readonly distribution: readonly { readonly points: number; readonly count: number }[];
  readonly checks: readonly CheckStats[];
}

/** A failure message with what differs per learner generalized: session names, addresses, ports. */
export const messageKey = (message: string): string =>
  message
    .replace(/\bdnl-[a-z0-9]{4}-/g, "dnl-<session>-")
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?(:\d+)?\b/g, "<address>")
    .replace(/\s+/g, " ")
    .trim();

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

// The most frequent message, ties broken alphabetically so the result is stable.
const mostCommon = (messages: readonly string[]): { message: string; count: number } | null => {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message, (counts.get(message) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return top ? { message: top[0], count: top[1] } : null;
};

/** Statistics of one lab's rows. */
export const labStats = (lab: (typeof gradable)[number], rows: readonly BookRow[]): LabStats => {
  const mine = rows.filter((row) => row.lab === lab.id);
  const ran = mine.filter((row) => ranStatuses.has(row.status));
  const maxPoints = lab.checks.reduce((sum, check) => sum + check.points, 0);
  const checks = lab.checks.map((check): CheckStats => {
    const results = ran.map((row) => row.checks.find((result) => result.id === check.id));
    const passed = results.filter((result) => result?.passed).length;
    const hidden = hiddenChecks.has(check.id);
    const failures = hidden ? [] : results.flatMap((result) => (result && !result.passed && result.message ? [messageKey(result.message)] : []));
    return {
      id: check.id,
      title: check.title,
      hidden,
      maxPoints: check.points,
      graded: ran.length,
      passed,
      passRate: ran.length ? round(passed / ran.length) : 0,
      topFailure: mostCommon(failures),
    };
  });
  const scores = ran.map((row) => row.points);
  return {
    lab: lab.id,
    title: lab.title,
    maxPoints,
    submissions: mine.length,
    graded: ran.length,
    meanPoints: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 2) : 0,
    medianPoints: median(scores),
    distribution: Array.from({ length: maxPoints + 1 }, (_, points) => ({ points, count: scores.filter((score) => score === points).length })),
    checks,
  };
};

/** Statistics of every lab present in the rows, in registry order. */
export const classStats = (rows: readonly BookRow[]): LabStats[] =>
  gradable.filter((lab) => rows.some((row) => row.lab === lab.id)).map((lab) => labStats(lab, rows));
