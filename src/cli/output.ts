// How the CLI speaks: progress to stderr, results to stdout, errors with their next step.
import { isDnlError } from "../errors.js";
import { classifySystemError } from "../exec/classify.js";

/** A progress line on stderr (kept off stdout so --json output stays clean). */
export const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Print JSON to stdout. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** Print an error and return its exit code (2 environment/usage, 1 failure). */
export const reportError = (raised: unknown): number => {
  const error = classifySystemError(raised) ?? raised;
  if (isDnlError(error)) {
    process.stderr.write(`error: ${error.message}\n  → ${error.hint}\n`);
    return error.exitCode;
  }
  process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
};
