// The one place that starts external commands: node:child_process, array arguments (never a shell), named timeouts.
// (execa did this until its load time, ~130 ms of CPU, became most of what a short command such as `snapshot`
// costs; this file keeps its behaviour: the environment extended, no final newline stripped, SIGTERM at the timeout
// then SIGKILL 5 s later, a missing command as exit 127 "command not found".)
import { spawn } from "node:child_process";
import { constants } from "node:os";
import type { Readable } from "node:stream";
import { DnlError, ExitCode } from "../errors.js";
import { classifyFailure, type RunResult } from "./classify.js";
import { traceCommand } from "./trace.js";

/** Named timeouts (ms), like np's `gitNetworkTimeout`. */
export const timeouts = {
  quick: 15_000,
  docker: 60_000,
  build: 300_000,
  install: 900_000,
} as const;

export interface RunOptions {
  /** Milliseconds before the command is killed. @default timeouts.quick */
  readonly timeout?: number;
  /** Text written to the command's stdin, or a stream piped to it (the command's stdin closes when it ends). */
  readonly input?: string | Readable;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory. */
  readonly cwd?: string;
  /** Resolve with the result instead of throwing when the exit code is not 0. */
  readonly reject?: boolean;
  /** Kill the command (SIGKILL) once this is aborted (its exit code is then 137, as a shell says). */
  readonly signal?: AbortSignal;
}

export type { RunResult } from "./classify.js";

/** A command failed; keeps every field of RunResult plus the next step. */
export class CommandError extends DnlError {
  override name = "CommandError";
  readonly command: string;
  readonly commandExitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly timedOut: boolean;
  constructor(result: RunResult, cause?: unknown) {
    const { message, hint, environment } = classifyFailure(result);
    super(message, { hint, exitCode: environment ? ExitCode.environment : ExitCode.failed, cause });
    this.command = result.command;
    this.commandExitCode = result.exitCode;
    this.stdout = result.stdout;
    this.stderr = result.stderr;
    this.durationMs = result.durationMs;
    this.timedOut = result.timedOut;
  }
}

// Quote an argument for display only (never passed to a shell).
const quote = (arg: string): string => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

// Format a command line for messages.
export const formatCommand = (file: string, args: readonly string[]): string => [file, ...args].map(quote).join(" ");

interface Finished {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The command could not be started (ENOENT, EACCES...). */
  error?: Error;
}

const forceKillAfterMs = 5_000;

// What went wrong, in execa's words (the cause a traceback shows under the CommandError).
const failure = (command: string, child: Finished, timeout: number): string =>
  child.timedOut
    ? `Command timed out after ${timeout} milliseconds: ${command}`
    : child.signal
      ? `Command was killed with ${child.signal}: ${command}`
      : `Command failed with exit code ${child.exitCode}: ${command}`;

// Start the command, feed its stdin, collect both outputs; resolves when it has exited and its outputs are closed.
const spawnCollect = (
  file: string,
  args: readonly string[],
  options: {
    timeout: number;
    input: string | Readable | undefined;
    env: Readonly<Record<string, string>> | undefined;
    cwd: string | undefined;
    signal: AbortSignal | undefined;
  },
): Promise<Finished> =>
  new Promise((resolve) => {
    const child = spawn(file, [...args], {
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    let forceKill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
      forceKill = setTimeout(() => child.kill("SIGKILL"), forceKillAfterMs);
      forceKill.unref();
    }, options.timeout);
    const abort = () => child.kill("SIGKILL");
    if (options.signal?.aborted) abort();
    else options.signal?.addEventListener("abort", abort, { once: true });
    let settled = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (forceKill) clearTimeout(forceKill);
      options.signal?.removeEventListener("abort", abort);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
        ...(error ? { error } : {}),
      });
    };
    child.on("error", (error) => finish(null, null, error));
    child.on("close", (code, signal) => finish(code, signal));
    if (options.input !== undefined && child.stdin) {
      child.stdin.on("error", () => undefined); // a command that exits without reading its input
      if (typeof options.input === "string") child.stdin.end(options.input);
      else options.input.pipe(child.stdin);
    }
  });

/** Run `file args…`; throws CommandError (with a hint) on failure unless `reject: false`. */
export const run = async (file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> => {
  const { timeout = timeouts.quick, input, env, cwd, reject = true, signal } = options;
  const command = formatCommand(file, args);
  const started = performance.now();
  let result: RunResult;
  let cause: unknown;
  try {
    const child = await spawnCollect(file, args, { timeout, input, env, cwd, signal });
    cause = child.error ?? (child.exitCode === 0 ? undefined : new Error(failure(command, child, timeout)));
    result = {
      command,
      exitCode: child.exitCode ?? (child.timedOut ? 124 : child.signal ? 128 + (constants.signals[child.signal] ?? 0) : 127),
      stdout: child.stdout,
      stderr: (child.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT" ? `${file}: command not found` : child.stderr,
      durationMs: Math.round(performance.now() - started),
      timedOut: child.timedOut,
    };
  } catch (error) {
    cause = error;
    result = { command, exitCode: 127, stdout: "", stderr: String(error), durationMs: Math.round(performance.now() - started), timedOut: false };
  }
  traceCommand(command, result.durationMs);
  if (reject && result.exitCode !== 0) throw new CommandError(result, cause);
  return result;
};

/** Run and return stdout only. */
export const runText = async (file: string, args: readonly string[], options: RunOptions = {}): Promise<string> => (await run(file, args, options)).stdout;
