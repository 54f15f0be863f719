// Errors as the learner should read them: the cell, the line, the code there, and the hint (never tslab's internals).
import { relative } from "node:path";
import { cellSource, type CellSource } from "./sources.js";

/** The content of an `error` message and of an error execute_reply. */
export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** A TypeScript diagnostic as tslab reports it (1-based line and column; fileName empty for the cell itself). */
export interface Diagnostic {
  fileName: string;
  line: number;
  column: number;
  message: string;
}

const maxFrames = 8;

// The lines around `line` (1-based) with a marker, like `  > 2 | code`.
const excerpt = (code: string, line: number, column?: number): string[] => {
  const lines = code.split("\n");
  const text = lines[line - 1];
  if (text === undefined) return [];
  const width = String(line).length;
  const out = [`    ${String(line).padStart(width)} | ${text}`];
  if (column !== undefined && column >= 1) out.push(`    ${" ".repeat(width)} | ${" ".repeat(column - 1)}^`);
  return out;
};

/** Compile errors of one cell: ename CompileError, every diagnostic with its line and a caret. */
export const compileError = (diagnostics: readonly Diagnostic[], cellLabel: string, code: string): ErrorContent => {
  const traceback: string[] = [];
  for (const d of diagnostics) {
    const where = d.fileName ? `${d.fileName}, line ${d.line}, column ${d.column}` : `${cellLabel}, line ${d.line}, column ${d.column}`;
    traceback.push(`CompileError: ${d.message} (${where})`);
    if (!d.fileName) traceback.push(...excerpt(code, d.line, d.column));
  }
  const first = diagnostics[0];
  return { ename: "CompileError", evalue: first ? first.message : "the cell did not compile", traceback };
};

// Identifier-ish tokens of a line, for matching compiled JavaScript to its TypeScript.
const tokens = (line: string): string[] => line.match(/[A-Za-z_$][\w$]*|\d+|"[^"]*"|'[^']*'|`[^`]*`/g) ?? [];
const generated = new Set(["exports", "tsLastExpr", "require", "void", "0"]);
const squash = (line: string): string =>
  line
    .replace(/\(0,\s*[\w$]+_1\.([\w$]+)\)/g, "$1")
    .replace(/\b[\w$]+_1\./g, "")
    .replace(/\bexports\./g, "")
    .replace(/\s+|;$/g, "");

/** The TypeScript line (1-based) that compiled to JavaScript line `jsLine`, when it can be told. */
export const typescriptLine = (cell: Pick<CellSource, "typescript" | "javascript">, jsLine: number): number | undefined => {
  const js = cell.javascript.split("\n")[jsLine - 1];
  if (js === undefined) return undefined;
  const target = squash(js.replace(/^\((async )?function\(exports, require\) \{ /, ""));
  const tsLines = cell.typescript.split("\n");
  const exact = tsLines.findIndex((line) => squash(line) === target || squash(line) === target.replace(/^tsLastExpr=/, ""));
  if (exact >= 0) return exact + 1;
  const wanted = tokens(target.replace(/^tsLastExpr=/, "")).filter((t) => !generated.has(t));
  if (wanted.length === 0) return undefined;
  let best: { line: number; score: number } | undefined;
  tsLines.forEach((line, index) => {
    const have = tokens(line);
    const score = wanted.filter((t) => have.includes(t)).length / wanted.length;
    if (score > (best?.score ?? 0.6)) best = { line: index + 1, score };
  });
  return best?.line;
};

const framePattern = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/;
// Node internals, third-party packages (execa, tslab...) and this kernel are noise for a learner; the library's frames stay.
const hiddenFrame = /^node:|[/\\]node_modules[/\\]|[/\\]dist[/\\]kernel[/\\]|^evalmachine\.<anonymous>$/;

// One stack frame as the learner reads it: `in f, cell [3] line 5` plus the code, or the file outside the cell.
const frame = (text: string): string[] => {
  const match = framePattern.exec(text);
  if (!match) return [];
  const [, fn, file = "", lineText = "0", columnText = "0"] = match;
  const name = fn?.replace(/^(Proxy|Object|exports)\./, "").replace(/^async /, "");
  const cell = cellSource(file);
  if (cell) {
    const line = typescriptLine(cell, Number(lineText));
    if (line === undefined && /^\}\)\(__tslab__/.test(cell.javascript.split("\n")[Number(lineText) - 1] ?? "")) return [];
    const head = `  in ${name && name !== "<anonymous>" ? `${name}, ` : ""}${cell.label}`;
    return line === undefined ? [head] : [`${head}, line ${line}`, ...excerpt(cell.typescript, line)];
  }
  if (hiddenFrame.test(file)) return [];
  const shown = file.startsWith("/") ? relative(process.cwd(), file) : file;
  return [`  in ${name ? `${name}, ` : ""}${shown}:${lineText}:${columnText}`];
};

const describe = (value: unknown): { name: string; message: string } => {
  if (value instanceof Error || (typeof value === "object" && value !== null && "message" in value)) {
    const error = value as Error;
    return { name: String(error.name || "Error"), message: String(error.message) };
  }
  return { name: "Uncaught", message: typeof value === "string" ? value : String(value) };
};

/** A value the cell threw: its name and message, the frames in cells and user files, cause chain and hint. */
export const runtimeError = (value: unknown): ErrorContent => {
  const { name, message } = describe(value);
  const traceback = [`${name}: ${message}`];
  const stack = value instanceof Error && typeof value.stack === "string" ? value.stack.split("\n").slice(1) : [];
  traceback.push(...stack.flatMap(frame).slice(0, maxFrames * 3));
  let cause = value instanceof Error ? value.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 3; depth++) {
    const c = describe(cause);
    traceback.push(`Caused by ${c.name}: ${c.message}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  const hint = typeof value === "object" && value !== null ? (value as { hint?: unknown }).hint : undefined;
  if (typeof hint === "string" && hint !== "") traceback.push(`Hint: ${hint}`);
  return { ename: name, evalue: message, traceback };
};

/** The reply for an interrupted cell (ename like Python's, so every front end knows it). */
export const interruptedError = (cellLabel: string): ErrorContent => ({
  ename: "KeyboardInterrupt",
  evalue: "the cell was interrupted",
  traceback: [`KeyboardInterrupt: ${cellLabel} was interrupted; the kernel keeps running with what earlier cells defined.`],
});
