// The command trace, for the labs bench (DNL_COMMAND_TRACE=FILE): every command a lab runs that a plain script doing
// the lab would run too (the learner's cells, setup, scenario, teardown), with its wall time. The kit's own looking
// (snapshots, checks and their probes, preconditions, image checks) runs inside `asOverhead` and is left out: what
// is left is the lab's floor. One JSON line per command: {"command", "ms", "end"} (end: epoch ms, so commands that ran
// at once, from several processes, are counted once). Off (and free) without the variable.
import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync } from "node:fs";

const overhead = new AsyncLocalStorage<true>();

/** Run `work` as the kit's own looking: the commands it runs are not the lab's (left out of the trace). */
export const asOverhead = <T>(work: () => Promise<T>): Promise<T> => (process.env.DNL_COMMAND_TRACE ? overhead.run(true, work) : work());

/** Record one command the lab ran (or a wait a script would have too: an engine starting), unless it is overhead. */
export const traceCommand = (command: string, ms: number): void => {
  const file = process.env.DNL_COMMAND_TRACE;
  if (!file || overhead.getStore()) return;
  try {
    appendFileSync(file, `${JSON.stringify({ command, ms, end: Date.now() })}\n`);
  } catch {
    // a trace that cannot be written only leaves the bench without a floor
  }
};

/** Time `work` as one traced step named `command`, its own commands left out (a wait a script would poll for). */
export const tracedStep = async <T>(command: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await asOverhead(work);
  } finally {
    traceCommand(command, Math.round(performance.now() - started));
  }
};
