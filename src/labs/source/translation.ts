// A lab source's translation (src/notebooks/NN-slug.ko.ts) against its English source. Pure: cells in, cells out.
//
// The translation repeats every English cell marker, in the same order and with the same attributes, plus
// `en=XXXXXXXX`: the first 8 hex digits of the sha256 of what the cell translates (as parseLabSource yields it; for a
// `// %% solution` marker, of the English solution). Markdown is translated whole. Code, exercise, solution and
// predict cells are the English code: their translation holds only the comments, translated, one for each English
// comment and in its order (the hash is of the English comments, so a change to the code alone needs no new
// translation). Check cells have no body (their text comes from the definition, through the lab's catalog). A cell
// whose hash differs from its English text is stale: the English changed after it was translated.
import { createHash } from "node:crypto";
import type { SourceCell } from "./parse.js";

/** The `en=` hash of an English body. */
export const enHash = (body: string): string => createHash("sha256").update(body, "utf8").digest("hex").slice(0, 8);

/** Something a translation lacks or got wrong, naming the cell. */
export interface TranslationProblem {
  readonly cell: string;
  readonly kind: "missing" | "extra" | "marker" | "stale" | "untranslated" | "code" | "comments";
  readonly message: string;
}

const hangul = /[\uac00-\ud7a3]/;

/**
 * Code without its comments, for comparing a translated cell with the English one: `//` and `/* … *\/` comments
 * outside strings and template literals are dropped, trailing blanks and empty lines too.
 */
export const codeWithoutComments = (code: string): string => scan(code).code;

/** The comments of some code (`//` and `/* … *\/` outside strings and template literals), one per entry. */
export const commentsOf = (code: string): string[] => scan(code).comments.map((comment) => comment.text);

/** Some code with its comments replaced, in order, by `translated` (a comment without a translation stays). */
export const withComments = (code: string, translated: readonly string[]): string => {
  let out = "";
  let at = 0;
  scan(code).comments.forEach((comment, i) => {
    out += code.slice(at, comment.start) + (translated[i] ?? comment.text);
    at = comment.end;
  });
  return out + code.slice(at);
};

interface Comment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const scan = (code: string): { code: string; comments: Comment[] } => {
  const comments: Comment[] = [];
  let out = "";
  let i = 0;
  const stack: ("`" | "{")[] = [];
  while (i < code.length) {
    const c = code[i]!;
    const inTemplate = stack.at(-1) === "`";
    if (inTemplate) {
      if (c === "\\") {
        out += code.slice(i, i + 2);
        i += 2;
      } else if (c === "`") {
        stack.pop();
        out += c;
        i++;
      } else if (c === "$" && code[i + 1] === "{") {
        stack.push("{");
        out += "${";
        i += 2;
      } else {
        out += c;
        i++;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c && code[j] !== "\n") j += code[j] === "\\" ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else if (c === "`") {
      stack.push("`");
      out += c;
      i++;
    } else if (c === "{") {
      if (stack.length) stack.push("{");
      out += c;
      i++;
    } else if (c === "}") {
      if (stack.at(-1) === "{") stack.pop();
      out += c;
      i++;
    } else if (c === "/" && code[i + 1] === "/") {
      const start = i;
      while (i < code.length && code[i] !== "\n") i++;
      comments.push({ text: code.slice(start, i), start, end: i });
    } else if (c === "/" && code[i + 1] === "*") {
      const close = code.indexOf("*/", i + 2);
      const end = close < 0 ? code.length : close + 2;
      comments.push({ text: code.slice(i, end), start: i, end });
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  const lines = out
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .join("\n");
  return { code: lines, comments };
};

// The marker of a cell as a comparable string (everything but its body and hash).
const markerOf = (cell: SourceCell): string =>
  [
    cell.kind,
    cell.id,
    cell.prediction ?? "",
    cell.exerciseType ?? "",
    cell.concepts.join(","),
    cell.checks.join(" "),
    cell.solution === undefined ? "" : "+solution",
  ].join("|");

const codeKinds = new Set<SourceCell["kind"]>(["code", "exercise", "predict", "teardown"]);

/** What a translation of an English body translates: markdown whole, code (and every solution) only its comments. */
export const translatable = (kind: SourceCell["kind"] | "solution", body: string): string =>
  kind === "solution" || codeKinds.has(kind) ? commentsOf(body).join("\n") : body;

/** The `en=` hash of an English cell (or its solution): of what its translation translates. */
const hashOf = (cell: SourceCell): string => enHash(translatable(cell.kind, cell.source));
const solutionHashOf = (solution: string): string => enHash(translatable("solution", solution));

// A translated code body against its English one: only comments, as many as the English has.
const commentProblems = (id: string, what: string, en: string, ko: string): TranslationProblem[] => {
  if (codeWithoutComments(ko) !== "")
    return [{ cell: id, kind: "code", message: `${what} ${id}'s translation holds code: only its comments belong there (the code is the English one)` }];
  const [want, got] = [commentsOf(en).length, commentsOf(ko).length];
  return want === got
    ? []
    : [{ cell: id, kind: "comments", message: `${what} ${id} has ${want} comment(s) in English and ${got} translated: one for each, in order` }];
};

/** What a translation gets wrong against its English source; [] when it is complete and current. */
export const translationProblems = (english: readonly SourceCell[], translated: readonly SourceCell[]): TranslationProblem[] => {
  const problems: TranslationProblem[] = [];
  const byId = new Map(translated.map((cell) => [cell.id, cell]));
  const englishIds = new Set(english.map((cell) => cell.id));
  for (const cell of translated)
    if (!englishIds.has(cell.id)) problems.push({ cell: cell.id, kind: "extra", message: `cell ${cell.id} is not in the English source` });
  const order = translated.filter((cell) => englishIds.has(cell.id)).map((cell) => cell.id);
  const expected = english.filter((cell) => byId.has(cell.id)).map((cell) => cell.id);
  if (order.join(" ") !== expected.join(" "))
    problems.push({ cell: order.find((id, i) => id !== expected[i]) ?? "?", kind: "marker", message: "the cells are not in the English order" });
  for (const en of english) {
    const ko = byId.get(en.id);
    if (!ko) {
      problems.push({ cell: en.id, kind: "missing", message: `cell ${en.id} (${en.kind}) has no translation` });
      continue;
    }
    if (markerOf(ko) !== markerOf(en))
      problems.push({ cell: en.id, kind: "marker", message: `cell ${en.id}'s marker differs from the English one (${markerOf(en)} vs ${markerOf(ko)})` });
    const now = hashOf(en);
    if (ko.en !== now)
      problems.push({
        cell: en.id,
        kind: "stale",
        message: ko.en ? `cell ${en.id} translates an older English text (en=${ko.en}, now en=${now})` : `cell ${en.id}'s marker has no en=${now}`,
      });
    if (en.solution !== undefined && ko.solution !== undefined && ko.solutionEn !== solutionHashOf(en.solution))
      problems.push({
        cell: en.id,
        kind: "stale",
        message: `solution ${en.id} translates an older English solution (en=${ko.solutionEn ?? "none"}, now en=${solutionHashOf(en.solution)})`,
      });
    if (en.kind === "md" && !hangul.test(ko.source) && en.source !== "")
      problems.push({ cell: en.id, kind: "untranslated", message: `markdown cell ${en.id} holds no Korean` });
    if (codeKinds.has(en.kind)) problems.push(...commentProblems(en.id, "cell", en.source, ko.source));
    if (en.solution !== undefined && ko.solution !== undefined) problems.push(...commentProblems(en.id, "solution", en.solution, ko.solution));
    const prose = (code: string) => commentsOf(code).filter((comment) => /[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}/.test(comment));
    if (codeKinds.has(en.kind) && prose(en.source).length && !prose(en.source).some(() => commentsOf(ko.source).some((c) => hangul.test(c))))
      problems.push({ cell: en.id, kind: "untranslated", message: `cell ${en.id}'s comments are not translated` });
  }
  return problems;
};

/** The language a notebook cell's `openLab("NN")` opens the lab in: the Korean notebook says so in its code. */
const withLang = (code: string, lang: string): string => code.replace(/openLab\((["'])(\d\d)\1\)/g, `openLab("$2", { lang: "${lang}" })`);

/**
 * The cells of the translated notebook: the English structure (markers, concepts, checks) with the translated
 * markdown, and the English code with the translated comments; a cell the translation lacks stays English.
 * `openLab("NN")` becomes `openLab("NN", { lang })`.
 */
export const translatedCells = (english: readonly SourceCell[], translated: readonly SourceCell[], lang: string): SourceCell[] => {
  const byId = new Map(translated.map((cell) => [cell.id, cell]));
  const code = (en: string, ko: string | undefined) => withLang(ko === undefined ? en : withComments(en, commentsOf(ko)), lang);
  return english.map((en) => {
    const ko = byId.get(en.id);
    const source = en.kind === "md" ? (ko?.source ?? en.source) : en.kind === "check" ? en.source : code(en.source, ko?.source);
    const solution = en.solution === undefined ? undefined : code(en.solution, ko?.solution);
    return { ...en, source, ...(solution === undefined ? {} : { solution }) };
  });
};

// The marker line of a cell, with its hash.
const markerLine = (cell: SourceCell, hash: string): string => {
  const attrs = [
    ...(cell.kind === "predict" ? [cell.prediction!] : []),
    ...(cell.kind === "check" ? cell.checks : []),
    ...(cell.exerciseType ? [`type=${cell.exerciseType}`] : []),
    ...(cell.concepts.length ? [`concepts=${cell.concepts.join(",")}`] : []),
    `en=${hash}`,
  ].join(" ");
  return cell.kind === "md" ? `/* %% md ${cell.id} ${attrs}` : `// %% ${cell.kind} ${cell.id} ${attrs}`;
};

// A body and the blank line after it (a cell with no comments to translate: the blank line only).
const body = (text: string): string[] => (text === "" ? [""] : [text, ""]);

/**
 * The text of a translation file: every English marker with its current hash, each body taken from `existing`
 * (the translation so far, by cell id) or, for a cell not yet translated, the English text to translate (a code
 * cell's comments). What `labs:build --ko-stubs NN` (a new file) and `--ko-refresh NN` (new hashes, new cells) write.
 */
export const translationFile = (english: readonly SourceCell[], existing: readonly SourceCell[], header: string): string => {
  const byId = new Map(existing.map((cell) => [cell.id, cell]));
  const parts = [header.trimEnd(), ""];
  for (const en of english) {
    const ko = byId.get(en.id);
    parts.push(markerLine(en, hashOf(en)));
    if (en.kind === "md") parts.push((ko?.source ?? en.source).replaceAll("*/", "*\\/"), "*/", "");
    else if (en.kind === "check") parts.push("");
    else parts.push(...body(ko?.source ?? translatable(en.kind, en.source)));
    if (en.solution !== undefined)
      parts.push(`// %% solution ${en.id} en=${solutionHashOf(en.solution)}`, ...body(ko?.solution ?? translatable("solution", en.solution)));
  }
  return `${parts.join("\n").trimEnd()}\n`;
};

/** The cells whose hash a refresh changes: translated against another English text than today's. */
export const staleCells = (english: readonly SourceCell[], existing: readonly SourceCell[]): string[] =>
  translationProblems(english, existing)
    .filter((p) => p.kind === "stale" || p.kind === "missing")
    .map((p) => p.cell);
