// Progress while grading: a redrawn bar on a terminal, plain lines otherwise (logs, CI, pipes).
import type { GradeRow } from "./model.js";

export interface GradeProgress {
  readonly started: (id: string) => void;
  readonly finished: (row: GradeRow) => void;
  readonly done: () => void;
}

// One finished submission as a line.
export const rowLine = (row: GradeRow, index: number, total: number): string =>
  `[${index}/${total}] ${row.id}: lab ${row.lab ?? "?"}, ${row.points}/${row.maxPoints} points, ${row.status}${row.message ? ` (${row.message})` : ""}, ${(row.durationMs / 1000).toFixed(1)} s`;

// A bar of `width` cells.
const bar = (done: number, total: number, width = 24): string => {
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
};

/** Progress to `stream`: a bar redrawn in place when it is a TTY, one line per event otherwise. */
export const gradeProgress = (total: number, stream: NodeJS.WriteStream = process.stderr): GradeProgress => {
  const running = new Set<string>();
  let finished = 0;
  const tty = Boolean(stream.isTTY) && process.env.TERM !== "dumb";
  const draw = (): void => {
    if (!tty) return;
    const names = [...running].join(", ");
    const line = `${bar(finished, total)} ${finished}/${total} graded${names ? ` · running: ${names}` : ""}`;
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns ?? 100) - 1))}`);
  };
  return {
    started: (id) => {
      running.add(id);
      if (tty) draw();
      else stream.write(`grading ${id}…\n`);
    },
    finished: (row) => {
      running.delete(row.id);
      finished++;
      stream.write(`${tty ? "\r\x1b[2K" : ""}${rowLine(row, finished, total)}\n`);
      draw();
    },
    done: () => {
      if (tty) stream.write("\r\x1b[2K");
    },
  };
};
