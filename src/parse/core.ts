// Machinery shared by every parser: line bookkeeping, the raw -> processed factory, small converters.
//
// Each parser is written as two pure steps:
//   raw(ctx)          -> strings exactly as printed (or the decoded JSON as printed)
//   process(raw, ctx) -> typed model (numbers, null, unions)
// `makeParser` wires them, and guarantees the two promises of src/parse:
//   1. a parser never throws on a string (an internal bug becomes a problem at line 0, "internal error: ...");
//   2. no line is silently dropped: every non-blank line the parser neither consumed nor reported
//      is reported at the end as "line not understood".
import { problem, type ParseOptions, type ParseProblem, type ParseResult } from "./types.js";

/** Parsing state for one input: its lines, which were consumed, and the problems met. */
export class Ctx {
  readonly lines: string[];
  readonly problems: ParseProblem[] = [];
  private readonly handled: Uint8Array;
  // A Map, not a WeakMap: it dies with the Ctx, and WeakMap entries are costly for the GC.
  private readonly lineOfRecord = new Map<object, number>();
  constructor(
    readonly parser: string,
    readonly text: string,
  ) {
    this.lines = splitLines(text);
    this.handled = new Uint8Array(this.lines.length + 1);
  }
  /** Line `n` (1-based) was understood. */
  consume(n: number): void {
    if (n >= 1 && n <= this.lines.length) this.handled[n] = 1;
  }
  /** Every line was understood (JSON input that decoded). */
  consumeAll(): void {
    this.handled.fill(1);
  }
  /** Report a problem on line `n` (0 = whole input); the line counts as handled. */
  report(n: number, message: string, text?: string): void {
    if (n >= 1 && n <= this.lines.length) this.handled[n] = 1;
    this.problems.push(problem(this.parser, n, text ?? (n >= 1 ? (this.lines[n - 1] ?? "") : ""), message));
  }
  /** Remember which line a raw record came from, so the processed stage can point at it. */
  tag<T extends object>(record: T, n: number): T {
    this.lineOfRecord.set(record, n);
    return record;
  }
  /** Line a raw record came from (0 when unknown, e.g. JSON input). */
  lineOf(record: object): number {
    return this.lineOfRecord.get(record) ?? 0;
  }
  /** Report every non-blank line nobody consumed or reported. */
  finish(): void {
    for (let i = 0; i < this.lines.length; i++) {
      if (this.handled[i + 1] === 0 && (this.lines[i] ?? "").trim() !== "") {
        this.problems.push(problem(this.parser, i + 1, this.lines[i] ?? "", "line not understood"));
      }
    }
  }
}

/** A parser with its raw and processed stages, typed by the `raw` option. */
export interface Parser<P, R> {
  (text: string, options: ParseOptions & { readonly raw: true }): ParseResult<R>;
  (text: string, options?: ParseOptions & { readonly raw?: false | undefined }): ParseResult<P>;
  (text: string, options?: ParseOptions): ParseResult<P | R>;
}

/** Description of one parser for makeParser. */
export interface ParserSpec<P, R> {
  readonly name: string;
  readonly raw: (ctx: Ctx) => R;
  readonly process: (raw: R, ctx: Ctx) => P;
  /** Value returned when the parser failed internally. */
  readonly empty: () => P & R;
}

// Build a never-throwing parser from its raw and processed stages.
export const makeParser = <P, R>(spec: ParserSpec<P, R>): Parser<P, R> =>
  ((text: string, options?: ParseOptions): ParseResult<P | R> => {
    const input = typeof text === "string" ? text : text == null ? "" : String(text);
    const ctx = new Ctx(spec.name, input);
    if (typeof text !== "string") ctx.report(0, `expected the input to be a string, got ${text === null ? "null" : typeof text}`, "");
    let value: P | R;
    try {
      if (options?.raw === true) value = spec.raw(ctx);
      else value = spec.process(spec.raw(ctx), ctx);
    } catch (error) {
      ctx.report(0, `internal error: ${error instanceof Error ? error.message : String(error)}`, "");
      value = spec.empty();
    }
    ctx.finish();
    ctx.problems.sort((a, b) => a.line - b.line);
    return { value, problems: ctx.problems };
  }) as Parser<P, R>;

// Split text into lines: LF, CRLF and lone CR all end a line; a final newline adds no empty line.
export const splitLines = (text: string): string[] => {
  if (text === "") return [];
  // Without a CR, splitting on the plain "\n" gives the same lines several times faster.
  const lines = text.includes("\r") ? text.split(/\r\n|\n|\r/) : text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
};

// True when the text looks like JSON (first non-blank char is `[` or `{`).
export const looksLikeJson = (text: string): boolean => /^\s*[[{]/.test(text);

// Offset of the first character where `text` stops being valid JSON (V8's messages do not always say).
export const jsonErrorOffset = (text: string): number => {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail();
    ws();
    const c = text[i];
    if (c === "{" || c === "[") {
      const close = c === "{" ? "}" : "]";
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === "{") {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ":") fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else {
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (m === null) fail();
      i += m?.[0].length ?? 0;
    }
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      else if ((text.charCodeAt(i) ?? 32) < 32) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value(0);
    ws();
    return i;
  } catch (at) {
    return typeof at === "number" ? at : 0;
  }
};

// Decode JSON text; on failure report it at the line where it breaks and return undefined.
export const decodeJson = (ctx: Ctx): unknown => {
  try {
    const value: unknown = JSON.parse(ctx.text);
    ctx.consumeAll();
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Math.min(jsonErrorOffset(ctx.text), ctx.text.length);
    const line = ctx.text.slice(0, offset).split(/\r\n|\n|\r/).length;
    ctx.report(Math.min(Math.max(line, 1), Math.max(ctx.lines.length, 1)), `invalid JSON: ${message}`);
    ctx.consumeAll();
    return undefined;
  }
};

// A message for lines that are a shell prompt with a command (`# iptables -L`, `$ ip addr`), null otherwise.
export const promptMessage = (line: string): string | null =>
  /^\s*(\S*[#$>])\s+[a-z]/.test(line) && !/^\s*#\s*(Generated|Completed|Warning)/.test(line)
    ? "looks like a shell prompt and command, not command output (paste only the output)"
    : null;

// JavaScript's whitespace (what `\s` and String.prototype.trim mean): tab, LF, VT, FF, CR, space, and Unicode spaces.
export const isSpaceCode = (c: number): boolean =>
  c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c >= 0xa0 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff);

// Split a line on runs of whitespace, dropping the empty ends (V8's regex split beats a hand-written loop here).
export const words = (line: string): string[] => {
  const t = line.trim();
  return t === "" ? [] : t.split(/\s+/);
};

// Integer from a number or a decimal string; null for "", "-", "--" or anything else.
export const toInt = (value: unknown): number | null => {
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value !== "string") return null;
  const n = value.length;
  let i = 0;
  while (i < n && value.charCodeAt(i) === 32) i++;
  let end = n;
  while (end > i && value.charCodeAt(end - 1) === 32) end--;
  let sign = 1;
  if (i < end && (value[i] === "-" || value[i] === "+")) {
    if (value[i] === "-") sign = -1;
    i++;
  }
  if (i >= end) return null;
  let result = 0;
  for (let k = i; k < end; k++) {
    const d = value.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return null;
    result = result * 10 + d;
  }
  return Number.isSafeInteger(result) ? sign * result : null;
};

// Packet/byte counter: a number (above 2^53 it is the nearest double), K/M/G/T suffixes expanded; null otherwise.
export const toCounter = (value: unknown): number | null => {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const plain = plainCounter(value);
  if (plain !== undefined) return plain;
  const n = toInt(value);
  if (n !== null) return n >= 0 && value.trim()[0] !== "+" ? n : null;
  const v = value.trim();
  // Beyond 2^53: the nearest double (counters are 64-bit).
  return /^\d+$/.test(v) ? Number(v) : sizeToInt(v);
};

// The common shapes, digits (`1234`) or digits and a suffix (`186K`), read in one pass; undefined for anything else
// (signs, spaces, other characters), which the general path above reads.
const plainCounter = (value: string): number | null | undefined => {
  const end = value.length;
  let n = 0;
  let i = 0;
  for (; i < end; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
  }
  if (i === 0) return undefined;
  // Beyond 2^53: the nearest double, as Number() reads the digits.
  if (i === end) return Number.isSafeInteger(n) ? n : Number(value);
  if (i !== end - 1) return undefined;
  const factor = SUFFIX[value[i] ?? ""];
  return factor === undefined ? undefined : n * factor;
};

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15 };
// "186K" -> 186000, "3M" -> 3000000 (iptables -L -v without -x rounds like this); null if not a size.
export const sizeToInt = (value: string): number | null => {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  let start = 0;
  while (start < end && value.charCodeAt(start) === 32) start++;
  if (end - start < 2) return null;
  const factor = SUFFIX[value[end - 1] ?? ""];
  if (factor === undefined) return null;
  let n = 0;
  for (let i = start; i < end - 1; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n * factor;
};

// Split "10.0.0.1/24" into address and prefix; a bare address gets the host prefix (32 or 128).
export const splitCidr = (value: string): { address: string; prefix: number | null } => {
  const slash = value.indexOf("/");
  if (slash < 0) return { address: value, prefix: value.includes(":") ? 128 : value.includes(".") ? 32 : null };
  return { address: value.slice(0, slash), prefix: toInt(value.slice(slash + 1)) };
};

// Read "key value key value ..." into a record; a trailing key without value maps to "".
export const pairs = (tokens: readonly string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (let i = 0; i < tokens.length; i += 2) out[tokens[i] ?? ""] = tokens[i + 1] ?? "";
  return out;
};

// Plain-object check for decoded JSON.
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// String or null from a decoded JSON field.
export const str = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" ? String(value) : null);
