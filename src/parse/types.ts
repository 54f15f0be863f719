// Shared shapes of every parser under src/parse.
//
// A parser is pure: text (or JSON text) in, typed value out, never a subprocess.
// It never throws on odd input: each line it could not understand becomes a
// ParseProblem with its 1-based line number, so "what the kernel printed" is
// never silently lost.

/** One line (or JSON path) a parser could not understand. */
export interface ParseProblem {
  /** Parser name as the CLI knows it, e.g. `ip-addr`. */
  readonly parser: string;
  /** 1-based line number in the input; 0 when the problem concerns the whole input. */
  readonly line: number;
  /** The offending line exactly as printed (truncated to 200 chars). */
  readonly text: string;
  /** What was wrong, in words a learner understands. */
  readonly message: string;
}

/** Result of a parser: the value, plus every problem met on the way. */
export interface ParseResult<T> {
  readonly value: T;
  readonly problems: readonly ParseProblem[];
}

/** Options every parser accepts. */
export interface ParseOptions {
  /** Return the raw stage (strings exactly as printed) instead of the processed one. */
  readonly raw?: boolean;
}

// Build a ParseProblem, truncating the offending text.
export const problem = (parser: string, line: number, text: string, message: string): ParseProblem => ({
  parser,
  line,
  text: text.length > 200 ? `${text.slice(0, 197)}...` : text,
  message,
});
