// The one place that starts external commands: execa, array arguments, named timeouts.
import { execa } from "execa";
import { DnlError, ExitCode } from "../errors.js";
import { classifyFailure, type RunResult } from "./classify.js";

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
  /** Text written to the command's stdin. */
  readonly input?: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory. */
  readonly cwd?: string;
  /** Resolve with the result instead of throwing when the exit code is not 0. */
  readonly reject?: boolean;
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

/** Run `file args…`; throws CommandError (with a hint) on failure unless `reject: false`. */
export const run = async (file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> => {
  const { timeout = timeouts.quick, input, env, cwd, reject = true } = options;
  const command = formatCommand(file, args);
  const started = performance.now();
  let result: RunResult;
  let cause: unknown;
  try {
    const child = await execa(file, [...args], {
      timeout,
      reject: false,
      stripFinalNewline: false,
      ...(input === undefined ? { stdin: "ignore" as const } : { input }),
      ...(env ? { env } : {}),
      ...(cwd ? { cwd } : {}),
    });
    cause = child.failed ? child : undefined;
    result = {
      command,
      exitCode: child.exitCode ?? (child.timedOut ? 124 : 127),
      stdout: String(child.stdout ?? ""),
      stderr: child.code === "ENOENT" ? `${file}: command not found` : String(child.stderr ?? ""),
      durationMs: Math.round(performance.now() - started),
      timedOut: Boolean(child.timedOut),
    };
  } catch (error) {
    cause = error;
    result = { command, exitCode: 127, stdout: "", stderr: String(error), durationMs: Math.round(performance.now() - started), timedOut: false };
  }
  if (reject && result.exitCode !== 0) throw new CommandError(result, cause);
  return result;
};

/** Run and return stdout only. */
export const runText = async (file: string, args: readonly string[], options: RunOptions = {}): Promise<string> => (await run(file, args, options)).stdout;
