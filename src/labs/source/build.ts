// Cells of a lab source + the lab's definition -> the learner notebook (nbformat 4.5) and its answer key. Pure.
import type { Lang } from "../../i18n/catalog.js";
import type { LabDefinition } from "../definition.js";
import { LabSourceError, type SourceCell } from "./parse.js";
import { notebookJson, sourceLines } from "./nbformat.js";

/** A notebook as nbformat writes it. */
export interface Notebook {
  readonly cells: readonly Record<string, unknown>[];
  readonly metadata: Record<string, unknown>;
  readonly nbformat: 4;
  readonly nbformat_minor: 5;
}

export interface BuiltLab {
  readonly notebook: Notebook;
  /** Cell id -> reference solution. */
  readonly solutions: Readonly<Record<string, string>>;
  /** lab.ipynb, byte for byte as committed. */
  readonly notebookText: string;
}

const tagsOf: Record<SourceCell["kind"], readonly string[]> = {
  md: [],
  code: [],
  exercise: ["exercise"],
  predict: ["exercise", "predict"],
  check: ["graded"],
  teardown: ["teardown"],
};

/** How a notebook is written: its language and the translation of the definition's texts (identity for English). */
export interface BuildLanguage {
  readonly lang: Lang;
  readonly t: (english: string) => string;
}
const englishBuild: BuildLanguage = { lang: "en", t: (text) => text };

/** A prediction cell as the notebook holds it: the question (from the definition), then the learner's line or the key's. */
export const predictCellSource = (
  cell: SourceCell,
  lab: LabDefinition,
  file: string,
  variant: "blank" | "solution",
  { t }: BuildLanguage = englishBuild,
): string => {
  const prediction = lab.predictions?.find((p) => p.id === cell.prediction);
  if (!prediction)
    throw new LabSourceError(
      file,
      cell.line,
      `lab ${lab.id} has no prediction \`${cell.prediction}\` (known: ${(lab.predictions ?? []).map((p) => p.id).join(", ") || "none"})`,
    );
  const body = variant === "solution" ? (cell.solution ?? "") : cell.source;
  if (!body.includes(`lab.predict(${JSON.stringify(prediction.id)}`))
    throw new LabSourceError(
      file,
      cell.line,
      `predict cell \`${cell.id}\`'s ${variant === "solution" ? "solution" : "body"} must call lab.predict(${JSON.stringify(prediction.id)}, …)`,
    );
  // A choice is the value to pass: it stays English, with its translation beside it.
  const choice = (c: string): string => (t(c) === c ? JSON.stringify(c) : `${JSON.stringify(c)} (${t(c)})`);
  const choices = prediction.choices ? [t(`// Choose one of: ${prediction.choices.map(choice).join(", ")}.`)] : [];
  return [
    t(`// Prediction: ${t(prediction.question)}`),
    ...choices,
    t("// Run this cell before the next ones: a prediction recorded after its observation is refused (it is graded for being on time, not for being right)."),
    body,
  ].join("\n");
};

// The code of a cell in the notebook (blank) or in the answer key (solution).
const codeOf = (cell: SourceCell, lab: LabDefinition, file: string, variant: "blank" | "solution", language: BuildLanguage = englishBuild): string =>
  cell.kind === "check"
    ? checkCellSource(cell, lab, file, language)
    : cell.kind === "predict"
      ? predictCellSource(cell, lab, file, variant, language)
      : cell.kind === "exercise" && variant === "solution" && cell.solution !== undefined
        ? cell.solution
        : cell.source;

// Predictions and troubleshooting: every prediction has its cell and a later lab.observe; the diagnosis is asked.
const checkTeachingCells = (cells: readonly SourceCell[], lab: LabDefinition, file: string): void => {
  for (const prediction of lab.predictions ?? []) {
    const at = cells.findIndex((cell) => cell.kind === "predict" && cell.prediction === prediction.id);
    if (at < 0) throw new LabSourceError(file, 1, `prediction \`${prediction.id}\` of lab ${lab.id} has no cell (add \`// %% predict ID ${prediction.id}\`)`);
    const observe = `lab.observe(${JSON.stringify(prediction.id)}`;
    if (!cells.slice(at + 1).some((cell) => cell.kind !== "md" && cell.source.includes(observe)))
      throw new LabSourceError(file, cells[at]!.line, `prediction \`${prediction.id}\` is never observed: a code cell after it must call ${observe}, …)`);
    if (cells.slice(0, at).some((cell) => cell.kind !== "md" && (cell.source + (cell.solution ?? "")).includes(observe)))
      throw new LabSourceError(file, cells[at]!.line, `prediction \`${prediction.id}\` is observed before its cell`);
  }
  if (lab.troubleshoot) {
    const cell = cells.find((c) => c.kind === "exercise" && c.exerciseType === "troubleshoot");
    if (!cell) throw new LabSourceError(file, 1, `lab ${lab.id} has a troubleshooting exercise: add an exercise with type=troubleshoot`);
    if (!cell.solution?.includes("lab.diagnose("))
      throw new LabSourceError(file, cell.line, `the troubleshooting exercise's solution must name the cause with lab.diagnose(…)`);
    if (!cells.slice(0, cells.indexOf(cell)).some((c) => c.kind === "code" && c.source.includes("lab.scenario()")))
      throw new LabSourceError(file, cell.line, "a code cell before the troubleshooting exercise must start it with `await lab.scenario()`");
  }
};

/** The code of a graded cell: what it checks (titles from the definition), then the call. */
export const checkCellSource = (cell: SourceCell, lab: LabDefinition, file: string, { t }: BuildLanguage = englishBuild): string => {
  const byId = new Map(lab.checks.map((check) => [check.id, check]));
  for (const id of cell.checks) {
    const check = byId.get(id);
    if (!check) throw new LabSourceError(file, cell.line, `lab ${lab.id} has no check \`${id}\` (known: ${lab.checks.map((c) => c.id).join(", ")})`);
    if (check.hidden)
      throw new LabSourceError(file, cell.line, `check \`${id}\` is hidden: only the grader runs it, it must not appear in the learner notebook`);
  }
  const call = `await lab.check(${cell.checks.map((id) => JSON.stringify(id)).join(", ")});`;
  if (cell.checks.length === 0) return `${t("// All graded checks of this lab (your instructor's grader runs them again, with hidden ones).")}\n${call}`;
  const titles = cell.checks.map((id) => `${id}: ${t(byId.get(id)!.title)}`);
  return cell.checks.length === 1
    ? `${t(`// Graded check ${titles[0]}.`)}\n${call}`
    : `${t("// Graded checks:")}\n${titles.map((title) => `//   ${title}.`).join("\n")}\n${call}`;
};

/** The notebook metadata every lab carries (kernel, language, which lab it is). */
export const notebookMetadata = (lab: LabDefinition, lang: Lang = "en"): Record<string, unknown> => ({
  kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" },
  language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript", codemirror_mode: { name: "javascript", typescript: true } },
  "docker-net-lab": { lang, lab: lab.id },
});

/** Build the learner notebook and the answer key; throws LabSourceError when the source and the definition disagree. */
export const buildLab = (cells: readonly SourceCell[], lab: LabDefinition, file: string, language: BuildLanguage = englishBuild): BuiltLab => {
  for (const cell of cells) if (cell.kind === "check") checkCellSource(cell, lab, file, language); // unknown or hidden ids first
  const visible = lab.checks.filter((check) => !check.hidden).map((check) => check.id);
  const graded = new Set(cells.flatMap((cell) => cell.checks));
  const missing = visible.filter((id) => !graded.has(id));
  if (missing.length)
    throw new LabSourceError(file, 1, `visible check(s) ${missing.join(", ")} of lab ${lab.id} have no graded cell (add \`// %% check ID ${missing[0]}\`)`);
  for (const cell of cells) {
    const unknown = cell.concepts.filter((concept) => !lab.concepts.includes(concept));
    if (unknown.length)
      throw new LabSourceError(file, cell.line, `concept(s) ${unknown.join(", ")} are not among lab ${lab.id}'s concepts (${lab.concepts.join(", ")})`);
  }
  checkTeachingCells(cells, lab, file);
  const nbCells = cells.map((cell) => {
    const tags = tagsOf[cell.kind];
    const metadata = tags.length ? { tags: [...tags] } : {};
    const source = cell.kind === "md" ? cell.source : codeOf(cell, lab, file, "blank", language);
    return cell.kind === "md"
      ? { cell_type: "markdown", id: cell.id, metadata, source: sourceLines(source) }
      : { cell_type: "code", execution_count: null, id: cell.id, metadata, outputs: [], source: sourceLines(source) };
  });
  const notebook: Notebook = { cells: nbCells, metadata: notebookMetadata(lab, language.lang), nbformat: 4, nbformat_minor: 5 };
  const solutions = Object.fromEntries(
    cells.filter((cell) => cell.solution !== undefined).map((cell) => [cell.id, codeOf(cell, lab, file, "solution", language)]),
  );
  return { notebook, solutions, notebookText: notebookJson(notebook) };
};

/**
 * The code cells as one module, in notebook order, with the solutions in place of the exercises: what the kernel
 * runs for the answer key. A later cell's repeated `import { x } from "m"` (teardown cells import again, so they
 * work after a kernel restart) is merged into the first, as the kernel's cell-by-cell scope allows.
 */
export const moduleOf = (cells: readonly SourceCell[], lab: LabDefinition, file: string, variant: "solution" | "blank" = "solution"): string => {
  const imports = new Map<string, Set<string>>();
  const body: string[] = [];
  const importLine = /^import \{([^}]*)\} from "([^"]+)";\s*$/;
  for (const cell of cells) {
    if (cell.kind === "md") continue;
    const code = codeOf(cell, lab, file, variant);
    body.push(`// ---- cell ${cell.id} (${file}:${cell.line})`);
    for (const line of code.split("\n")) {
      const match = importLine.exec(line);
      if (!match) {
        body.push(line);
        continue;
      }
      const names = imports.get(match[2]!) ?? new Set<string>();
      for (const name of match[1]!
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean))
        names.add(name);
      imports.set(match[2]!, names);
      body.push("");
    }
  }
  const head = [...imports].map(([from, names]) => `import { ${[...names].join(", ")} } from ${JSON.stringify(from)};`);
  return `${head.join("\n")}\n${body.join("\n")}\nexport {};\n`;
};
