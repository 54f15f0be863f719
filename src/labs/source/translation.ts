// A lab source's translation (src/notebooks/NN-slug.ko.ts) against its English source. Pure: cells in, cells out.
//
// The translation repeats every English cell marker, in the same order and with the same attributes, plus
// `en=XXXXXXXX`: the first 8 hex digits of the sha256 of the English cell's body (as parseLabSource yields it; for a
// `// %% solution` marker, of the English solution). Markdown is translated whole; code, exercise, solution and
// predict cells keep the English code and translate only their comments; check cells have no body (their text comes
// from the definition, through the lab's catalog). A cell whose hash differs from its English body is stale: the
// English changed after it was translated.
import { createHash } from "node:crypto";
import type { SourceCell } from "./parse.js";

/** The `en=` hash of an English body. */
export const enHash = (body: string): string => createHash("sha256").update(body, "utf8").digest("hex").slice(0, 8);

/** Something a translation lacks or got wrong, naming the cell. */
export interface TranslationProblem {
  readonly cell: string;
  readonly kind: "missing" | "extra" | "marker" | "stale" | "untranslated" | "code";
  readonly message: string;
}

const hangul = /[\uac00-\ud7a3]/;

/**
 * Code without its comments, for comparing a translated cell with the English one: `//` and `/* … *\/` comments
 * outside strings and template literals are dropped, trailing blanks and empty lines too.
 */
export const codeWithoutComments = (code: string): string => scan(code).code;

/** The comments of some code (`//` and `/* … *\/` outside strings and template literals), one per entry. */
export const commentsOf = (code: string): string[] => scan(code).comments;

const scan = (code: string): { code: string; comments: string[] } => {
  const comments: string[] = [];
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
      comments.push(code.slice(start, i));
    } else if (c === "/" && code[i + 1] === "*") {
      const end = code.indexOf("*/", i + 2);
      comments.push(code.slice(i, end < 0 ? code.length : end + 2));
      i = end < 0 ? code.length : end + 2;
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
    const now = enHash(en.source);
    if (ko.en !== now)
      problems.push({
        cell: en.id,
        kind: "stale",
        message: ko.en ? `cell ${en.id} translates an older English text (en=${ko.en}, now en=${now})` : `cell ${en.id}'s marker has no en=${now}`,
      });
    if (en.solution !== undefined && ko.solution !== undefined && ko.solutionEn !== enHash(en.solution))
      problems.push({
        cell: en.id,
        kind: "stale",
        message: `solution ${en.id} translates an older English solution (en=${ko.solutionEn ?? "none"}, now en=${enHash(en.solution)})`,
      });
    if (en.kind === "md" && !hangul.test(ko.source) && en.source !== "")
      problems.push({ cell: en.id, kind: "untranslated", message: `markdown cell ${en.id} holds no Korean` });
    if (codeKinds.has(en.kind) && codeWithoutComments(ko.source) !== codeWithoutComments(en.source))
      problems.push({ cell: en.id, kind: "code", message: `cell ${en.id}'s code (without comments) differs from the English` });
    if (en.solution !== undefined && ko.solution !== undefined && codeWithoutComments(ko.solution) !== codeWithoutComments(en.solution))
      problems.push({ cell: en.id, kind: "code", message: `solution ${en.id}'s code (without comments) differs from the English` });
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
 * bodies; a cell the translation lacks stays English. `openLab("NN")` becomes `openLab("NN", { lang })`.
 */
export const translatedCells = (english: readonly SourceCell[], translated: readonly SourceCell[], lang: string): SourceCell[] => {
  const byId = new Map(translated.map((cell) => [cell.id, cell]));
  return english.map((en) => {
    const ko = byId.get(en.id);
    const source = en.kind === "md" ? (ko?.source ?? en.source) : withLang(ko?.source ?? en.source, lang);
    const solution = en.solution === undefined ? undefined : withLang(ko?.solution ?? en.solution, lang);
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

/**
 * The text of a translation file: every English marker with its current hash, each body taken from `existing`
 * (the translation so far, by cell id) or, for a cell not yet translated, the English body to translate.
 * What `labs:build --ko-stubs NN` (a new file) and `--ko-refresh NN` (new hashes, new cells) write.
 */
export const translationFile = (english: readonly SourceCell[], existing: readonly SourceCell[], header: string): string => {
  const byId = new Map(existing.map((cell) => [cell.id, cell]));
  const parts = [header.trimEnd(), ""];
  for (const en of english) {
    const ko = byId.get(en.id);
    parts.push(markerLine(en, enHash(en.source)));
    if (en.kind === "md") parts.push((ko?.source ?? en.source).replaceAll("*/", "*\\/"), "*/", "");
    else if (en.kind === "check") parts.push("");
    else parts.push(ko?.source ?? en.source, "");
    if (en.solution !== undefined) parts.push(`// %% solution ${en.id} en=${enHash(en.solution)}`, ko?.solution ?? en.solution, "");
  }
  return `${parts.join("\n").trimEnd()}\n`;
};

/** The cells whose hash a refresh changes: translated against another English text than today's. */
export const staleCells = (english: readonly SourceCell[], existing: readonly SourceCell[]): string[] =>
  translationProblems(english, existing)
    .filter((p) => p.kind === "stale" || p.kind === "missing")
    .map((p) => p.cell);
