// The running cell as an async context: output, displays and timers follow the cell that started them.
import { AsyncLocalStorage } from "node:async_hooks";
import timersPromises from "node:timers/promises";

/** IOPub message types a cell may publish besides streams. */
export type DisplayType = "display_data" | "update_display_data" | "clear_output";

/** One execution of one cell: where its output goes and how to stop it. */
export interface CellRun {
  /** Execution count shown as `[n]`; also names the cell in tracebacks. */
  readonly count: number;
  /** Aborted when the user interrupts this cell; timers the cell started stop firing. */
  readonly controller: AbortController;
  writeStream(name: "stdout" | "stderr", text: string): void;
  publish(type: DisplayType, content: Record<string, unknown>): void;
}

const storage = new AsyncLocalStorage<CellRun>();
let latest: CellRun | null = null;

/** Run `fn` as part of `cell` (everything it starts, even after it returns, belongs to the cell). */
export const runInCell = <T>(cell: CellRun, fn: () => T): T => {
  latest = cell;
  return storage.run(cell, fn);
};

/** The cell the calling code belongs to, else the cell that ran last (like tslab and ipykernel). */
export const currentCell = (): CellRun | null => storage.getStore() ?? latest;

/** The kernel's own stderr (Jupyter's server log), for messages that belong to no cell. */
export const kernelLog: (text: string) => void = process.stderr.write.bind(process.stderr);

// process.stdout/stderr.write -> the current cell's stream messages.
export const routeOutput = (): void => {
  for (const name of ["stdout", "stderr"] as const) {
    const stream = process[name];
    const original = stream.write.bind(stream);
    const decoder = new TextDecoder();
    stream.write = ((chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: unknown): boolean => {
      const cell = currentCell();
      if (!cell) return original(chunk as string, encodingOrCallback as BufferEncoding, callback as () => void);
      cell.writeStream(name, typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
      if (typeof done === "function") queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof stream.write;
  }
};

// A callback that does nothing once its cell was interrupted.
const guard = <A extends unknown[]>(cell: CellRun | undefined, fn: unknown, onAborted?: () => void): unknown => {
  if (!cell || typeof fn !== "function") return fn;
  return (...args: A) => {
    if (cell.controller.signal.aborted) {
      onAborted?.();
      return undefined;
    }
    return (fn as (...a: A) => unknown)(...args);
  };
};

// Timers started by a cell stop firing once it is interrupted, so `while (true) { await sleep(100) }` really stops.
export const guardTimers = (): void => {
  const g = globalThis as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ["setTimeout", "setImmediate"] as const) {
    const original = g[name]!;
    const patched = (fn: unknown, ...rest: unknown[]): unknown => original(guard(storage.getStore(), fn), ...rest);
    Object.defineProperties(patched, Object.getOwnPropertyDescriptors(original));
    g[name] = patched;
  }
  const originalInterval = g.setInterval!;
  const clearInterval = g.clearInterval!;
  const patchedInterval = (fn: unknown, ...rest: unknown[]): unknown => {
    const handle: unknown = originalInterval(
      guard(storage.getStore(), fn, () => clearInterval(handle)),
      ...rest,
    );
    return handle;
  };
  Object.defineProperties(patchedInterval, Object.getOwnPropertyDescriptors(originalInterval));
  g.setInterval = patchedInterval;
  // timers/promises: reject with AbortError when the cell is interrupted (unless the caller passed a signal).
  const promises = timersPromises as unknown as Record<string, (...args: unknown[]) => unknown>;
  const withSignal = (options: unknown): unknown => {
    const cell = storage.getStore();
    const given = options as { signal?: AbortSignal } | undefined;
    return !cell || given?.signal ? options : { ...given, signal: cell.controller.signal };
  };
  for (const name of ["setTimeout", "setInterval"] as const) {
    const original = promises[name]!;
    promises[name] = (delay: unknown, value: unknown, options?: unknown) => original(delay, value, withSignal(options));
  }
  const originalImmediate = promises.setImmediate!;
  promises.setImmediate = (value: unknown, options?: unknown) => originalImmediate(value, withSignal(options));
};
