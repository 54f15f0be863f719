// A lab's notebook source (src/notebooks/NN-slug.ts) -> its cells. Pure: text in, cells out.
//
// The source is TypeScript with cell markers, so the code cells are real code an editor and `tsc` can read:
//   /* %% md ID [concepts=1,2]      markdown until a line `*/` (write `*\/` for a literal `*/` inside)
//   // %% code ID [concepts=…]      a code cell
//   // %% exercise ID [type=T] [concepts=…]  the learner's cell (tag `exercise`), as the learner gets it; T is
//                                   record | reason | build | observe | troubleshoot (labs/README.md counts them)
//   // %% predict ID PREDICTION-ID  a prediction cell (tags `exercise`, `predict`): the question comes from the
//                                   lab definition's `predictions`; a later cell calls lab.observe(PREDICTION-ID, …)
//   // %% solution ID               right after its exercise or prediction: the reference solution (the answer key)
//   // %% check ID [CHECK-ID…]      a graded cell (tag `graded`), written from the lab definition's checks
//   // %% teardown ID               the teardown cell (tag `teardown`)
// Lines before the first marker are the file's header comment. See src/labs/source/README.md.

export type CellKind = "md" | "code" | "exercise" | "predict" | "check" | "teardown";

/** What an exercise asks: read one field, join facts or choose, build, act and measure, or diagnose and fix. */
export const exerciseTypes = ["record", "reason", "build", "observe", "troubleshoot"] as const;
export type ExerciseType = (typeof exerciseTypes)[number];

/** One cell as the source states it. */
export interface SourceCell {
  readonly kind: CellKind;
  readonly id: string;
  /** Markdown or code, without leading and trailing blank lines. */
  readonly source: string;
  /** The reference solution of an exercise. */
  readonly solution?: string;
  /** The checks a `check` cell runs (none: all visible checks). */
  readonly checks: readonly string[];
  /** The prediction a `predict` cell records. */
  readonly prediction?: string;
  /** What an exercise asks (`type=`). */
  readonly exerciseType?: ExerciseType;
  /** Curriculum concepts the cell teaches (the coverage table). */
  readonly concepts: readonly number[];
  /** 1-based line of the marker. */
  readonly line: number;
  /** In a translation (NN-slug.ko.ts): the `en=` hash of the English cell's body this one translates. */
  readonly en?: string;
  /** In a translation: the `en=` hash of the English solution's body. */
  readonly solutionEn?: string;
}

/** A mistake in a lab source, with its file and line. */
export class LabSourceError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = "LabSourceError";
  }
}

const codeMarker = /^\/\/ %% (code|exercise|predict|solution|check|teardown) ([\w-]+)((?: [^\s]+)*)\s*$/;
const mdMarker = /^\/\* %% md ([\w-]+)((?: [^\s]+)*)\s*$/;
const anyMarker = /^(\/\/|\/\*) %%/;

// Strip leading and trailing blank lines.
const trimLines = (lines: readonly string[]): string => {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === "") start++;
  while (end > start && lines[end - 1]!.trim() === "") end--;
  return lines.slice(start, end).join("\n");
};

interface Attributes {
  readonly concepts: number[];
  readonly words: string[];
  readonly type?: ExerciseType;
  readonly en?: string;
}

const attributes = (text: string, fail: (message: string) => never): Attributes => {
  const concepts: number[] = [];
  const words: string[] = [];
  let type: ExerciseType | undefined;
  let en: string | undefined;
  for (const token of text.split(" ").filter(Boolean)) {
    const [key, value] = token.split("=", 2) as [string, string | undefined];
    if (value === undefined) words.push(token);
    else if (key === "concepts" && /^\d+(,\d+)*$/.test(value)) concepts.push(...value.split(",").map(Number));
    else if (key === "type" && (exerciseTypes as readonly string[]).includes(value)) type = value as ExerciseType;
    else if (key === "en" && /^[0-9a-f]{8}$/.test(value)) en = value;
    else fail(`unknown attribute \`${token}\` (expected concepts=N,M, type=${exerciseTypes.join("|")} or, in a translation, en=8 hex digits)`);
  }
  return { concepts, words, ...(type ? { type } : {}), ...(en ? { en } : {}) };
};

/** The cells of a lab source, in order; throws LabSourceError (file:line) on a malformed source. */
export const parseLabSource = (text: string, file = "lab source"): SourceCell[] => {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const cells: SourceCell[] = [];
  let i = 0;
  const fail = (line: number, message: string): never => {
    throw new LabSourceError(file, line, message);
  };
  // Header: comments and blank lines only.
  while (i < lines.length && !anyMarker.test(lines[i]!)) {
    const line = lines[i]!.trim();
    if (line !== "" && !line.startsWith("//")) fail(i + 1, "only comments may stand before the first cell marker");
    i++;
  }
  while (i < lines.length) {
    const at = i + 1;
    const line = lines[i]!;
    const md = mdMarker.exec(line);
    if (md) {
      const close = lines.indexOf("*/", i + 1);
      if (close < 0) fail(at, `markdown cell \`${md[1]}\` has no closing \`*/\` line`);
      const { concepts, words, en } = attributes(md[2] ?? "", (m) => fail(at, m));
      if (words.length) fail(at, `unexpected \`${words.join(" ")}\` after the cell id`);
      cells.push({
        kind: "md",
        id: md[1]!,
        source: trimLines(lines.slice(i + 1, close)).replaceAll("*\\/", "*/"),
        checks: [],
        concepts,
        line: at,
        ...(en ? { en } : {}),
      });
      i = close + 1;
      while (i < lines.length && lines[i]!.trim() === "") i++;
      if (i < lines.length && !anyMarker.test(lines[i]!)) fail(i + 1, "text after a markdown cell's `*/` must start a new cell");
      continue;
    }
    const code = codeMarker.exec(line);
    if (!code) fail(at, `not a cell marker: \`${line}\``);
    const [, kind, id, rest] = code as unknown as [string, string, string, string];
    let end = i + 1;
    while (end < lines.length && !anyMarker.test(lines[end]!)) end++;
    const body = trimLines(lines.slice(i + 1, end));
    const { concepts, words, type, en } = attributes(rest, (m) => fail(at, m));
    const hash = en ? { en } : {};
    if (kind !== "check" && kind !== "predict" && words.length) fail(at, `unexpected \`${words.join(" ")}\` after the cell id`);
    if (type && kind !== "exercise") fail(at, "type= belongs on an exercise marker");
    if (kind === "predict" && (words.length !== 1 || !/^[\w-]+$/.test(words[0]!)))
      fail(at, `predict cell \`${id}\` names one prediction id: \`// %% predict ${id} PREDICTION-ID\``);
    if (kind === "solution") {
      const exercise = cells.at(-1);
      if (!exercise || (exercise.kind !== "exercise" && exercise.kind !== "predict") || exercise.id !== id || exercise.solution !== undefined)
        fail(at, `solution \`${id}\` must follow exercise \`${id}\``);
      if (concepts.length) fail(at, "put concepts on the exercise marker, not on its solution");
      cells[cells.length - 1] = { ...exercise!, solution: body, ...(en ? { solutionEn: en } : {}) };
    } else if (kind === "predict") {
      if (body === "" && !en) fail(at, `predict cell \`${id}\` is empty`); // a translation's: no comment to translate
      cells.push({ kind: "predict", id, source: body, checks: [], prediction: words[0]!, concepts, line: at, ...hash });
    } else {
      if (kind === "check" && body !== "") fail(at, `check cell \`${id}\` is written from the lab definition: leave its body empty`);
      if (body === "" && kind !== "check" && !en) fail(at, `${kind} cell \`${id}\` is empty`);
      if (kind === "check" && words.some((w) => !/^\d\d\.[\w-]+$/.test(w))) fail(at, `check ids look like 03.masquerade, got \`${words.join(" ")}\``);
      cells.push({
        kind: kind as CellKind,
        id,
        source: body,
        checks: kind === "check" ? words : [],
        concepts,
        line: at,
        ...(type ? { exerciseType: type } : {}),
        ...hash,
      });
    }
    i = end;
  }
  const seen = new Set<string>();
  for (const cell of cells) {
    if (cell.kind === "predict" && cell.solution === undefined)
      fail(cell.line, `predict cell \`${cell.id}\` needs a \`// %% solution ${cell.id}\` (the answer key must predict too)`);
    if (seen.has(cell.id)) fail(cell.line, `cell id \`${cell.id}\` is used twice`);
    seen.add(cell.id);
  }
  return cells;
};
