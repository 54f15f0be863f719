// Progress while grading, on stderr: submissions done / total, failures so far, elapsed and estimated time left.
// On a terminal a live line is redrawn in place (and ticks every second); otherwise (logs, CI, pipes) one line per
// submission started and finished.
import type { GradeRow } from "./model.js";

export interface GradeProgress {
  readonly started: (id: string) => void;
  readonly finished: (row: GradeRow) => void;
  readonly done: () => void;
}

export interface ProgressOptions {
  /** Milliseconds, monotonic. @default performance.now */
  readonly now?: () => number;
  /** Redraw the live line every this many ms on a terminal (0: never). @default 1000 */
  readonly tickMs?: number;
}

/** A submission that could not be graded cleanly: anything but `ok` and `cell-errors`. */
export const isFailure = (row: Pick<GradeRow, "status">): boolean => row.status !== "ok" && row.status !== "cell-errors";

/** m:ss (or h:mm:ss). */
export const clock = (ms: number): string => {
  const total = Math.max(0, Math.round(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return h ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
};

/** Time left from the throughput so far (so parallel jobs count); null before the first submission finishes. */
export const timeLeft = (elapsedMs: number, finished: number, total: number): number | null =>
  finished === 0 ? null : (elapsedMs / finished) * (total - finished);

/** "1 failed · 0:15 elapsed, ~1:05 left": the counters after `finished` of `total`. */
export const statusLine = (finished: number, total: number, failures: number, elapsedMs: number): string => {
  const left = timeLeft(elapsedMs, finished, total);
  return `${failures} failed · ${clock(elapsedMs)} elapsed${left === null || finished === total ? "" : `, ~${clock(left)} left`}`;
};

// One finished submission as a line.
export const rowLine = (row: GradeRow, index: number, total: number): string =>
  `[${index}/${total}] ${row.id}: lab ${row.lab ?? "?"}, ${row.points}/${row.maxPoints} points, ${row.status}${row.message ? ` (${row.message})` : ""}, ${(row.durationMs / 1000).toFixed(1)} s`;

// A bar of `width` cells.
const bar = (done: number, total: number, width = 24): string => {
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
};

/** Progress to `stream`: a live line redrawn in place when it is a TTY, one line per event otherwise. */
export const gradeProgress = (total: number, stream: NodeJS.WriteStream = process.stderr, options: ProgressOptions = {}): GradeProgress => {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const running = new Set<string>();
  let finished = 0;
  let failures = 0;
  const tty = Boolean(stream.isTTY) && process.env.TERM !== "dumb";
  const counters = (): string => statusLine(finished, total, failures, now() - start);
  const draw = (): void => {
    if (!tty) return;
    const names = [...running].join(", ");
    const line = `${bar(finished, total)} ${finished}/${total} graded · ${counters()}${names ? ` · running: ${names}` : ""}`;
    stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns ?? 100) - 1))}`);
  };
  const tickMs = options.tickMs ?? 1000;
  const timer = tty && tickMs > 0 ? setInterval(draw, tickMs) : null;
  timer?.unref();
  return {
    started: (id) => {
      running.add(id);
      if (tty) draw();
      else stream.write(`grading ${id}…\n`);
    },
    finished: (row) => {
      running.delete(row.id);
      finished++;
      if (isFailure(row)) failures++;
      stream.write(`${tty ? "\r\x1b[2K" : ""}${rowLine(row, finished, total)} · ${counters()}\n`);
      draw();
    },
    done: () => {
      if (timer) clearInterval(timer);
      if (tty) stream.write("\r\x1b[2K");
    },
  };
};
