// docker-net-lab public API: what notebooks and scripts import. Only re-exports live here.
export { run, runText, timeouts, CommandError } from "./exec/run.js";
export type { RunOptions, RunResult } from "./exec/run.js";
export { DnlError, EnvironmentError, UsageError } from "./errors.js";
