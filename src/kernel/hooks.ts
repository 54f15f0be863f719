// The kernel's contract with the library: global hooks under registered symbols (work across module copies).
//
//   globalThis[Symbol.for("docker-net-lab.display")](bundle, metadata?, options?)
//       publish a display_data with the whole MIME bundle in the running cell; with options.displayId the output
//       can be replaced later by calling again with { displayId, update: true } (progress of long operations).
//   globalThis[Symbol.for("docker-net-lab.clearOutput")](wait?)   clear the running cell's output.
//   globalThis[Symbol.for("docker-net-lab.signal")]()              AbortSignal of the running cell: aborted when the
//       user interrupts it (pass it to child processes, e.g. execa's `cancelSignal`).
//   globalThis[Symbol.for("docker-net-lab.kernel")]                { name, version, tslab } when inside this kernel.
import { currentCell } from "./cell.js";
import { bundleContent } from "./result.js";
import { tslabJupyter } from "./tslab.js";

export const displayHook = Symbol.for("docker-net-lab.display");
export const clearOutputHook = Symbol.for("docker-net-lab.clearOutput");
export const signalHook = Symbol.for("docker-net-lab.signal");
export const kernelInfoHook = Symbol.for("docker-net-lab.kernel");

/** Options of the display hook. */
export interface DisplayOptions {
  /** Names this output so a later call with `update: true` replaces it. */
  displayId?: string;
  /** Replace the output named `displayId` instead of adding one. */
  update?: boolean;
}

/** Publish a MIME bundle in the running cell (no-op outside any cell). */
export const display = (bundle: Record<string, unknown>, metadata: Record<string, unknown> = {}, options: DisplayOptions = {}): void => {
  const cell = currentCell();
  if (!cell) return;
  const content: Record<string, unknown> = { ...bundleContent(bundle, metadata), transient: options.displayId ? { display_id: options.displayId } : {} };
  cell.publish(options.update && options.displayId ? "update_display_data" : "display_data", content);
};

/** Clear the running cell's output (wait: clear when the next output arrives, no flicker). */
export const clearOutput = (wait = false): void => currentCell()?.publish("clear_output", { wait });

const neverAborted = new AbortController().signal;

/** AbortSignal of the running cell. */
export const cellSignal = (): AbortSignal => currentCell()?.controller.signal ?? neverAborted;

// Install the hooks on globalThis, and route tslab's own `display` (import { display } from "tslab") to the running cell.
export const installHooks = (info: { name: string; version: string; tslab: string }): void => {
  const g = globalThis as unknown as Record<symbol, unknown>;
  g[displayHook] = display;
  g[clearOutputHook] = clearOutput;
  g[signalHook] = cellSignal;
  g[kernelInfoHook] = Object.freeze({ ...info });
  tslabJupyter.lastWriteDisplayData = (data: unknown, update: boolean) =>
    currentCell()?.publish(update ? "update_display_data" : "display_data", data as Record<string, unknown>);
};
