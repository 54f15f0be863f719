// Typed errors that always say what to do next.

/** Exit codes of the CLI contract: 0 ok, 1 check/test failure, 2 usage or environment error. */
export const ExitCode = { ok: 0, failed: 1, environment: 2 } as const;

/** Base class: every error the project raises on purpose carries a next step. */
export class DnlError extends Error {
  override name = "DnlError";
  /** What the user should do next, one sentence. */
  readonly hint: string;
  /** CLI exit code this error maps to. */
  readonly exitCode: number;
  constructor(message: string, options: { hint: string; exitCode?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.environment;
  }
}

/** The environment is not ready (engine down, not root, Jupyter missing...). */
export class EnvironmentError extends DnlError {
  override name = "EnvironmentError";
}

/** The user asked for something that does not exist or is malformed. */
export class UsageError extends DnlError {
  override name = "UsageError";
}

// True for errors raised by this project (work across module copies, like execa's brand).
export const isDnlError = (error: unknown): error is DnlError =>
  error instanceof Error && typeof (error as Partial<DnlError>).hint === "string" && typeof (error as Partial<DnlError>).exitCode === "number";
