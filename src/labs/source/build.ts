// Cells of a lab source + the lab's definition -> the learner notebook (nbformat 4.5) and its answer key. Pure.
import type { LabDefinition } from "../definition.js";
import { LabSourceError, type SourceCell } from "./parse.js";

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

const tagsOf: Record<SourceCell["kind"], readonly string[]> = { md: [], code: [], exercise: ["exercise"], check: ["graded"], teardown: ["teardown"] };

/** The code of a graded cell: what it checks (titles from the definition), then the call. */
export const checkCellSource = (cell: SourceCell, lab: LabDefinition, file: string): string => {
  const byId = new Map(lab.checks.map((check) => [check.id, check]));
  for (const id of cell.checks) {
    const check = byId.get(id);
    if (!check) throw new LabSourceError(file, cell.line, `lab ${lab.id} has no check \`${id}\` (known: ${lab.checks.map((c) => c.id).join(", ")})`);
    if (check.hidden) throw new LabSourceError(file, cell.line, `check \`${id}\` is hidden: only the grader runs it, it must not appear in the learner notebook`);
  }
  const call = `await lab.check(${cell.checks.map((id) => JSON.stringify(id)).join(", ")});`;
  if (cell.checks.length === 0) return `// All graded checks of this lab (your instructor's grader runs them again, with hidden ones).\n${call}`;
  const titles = cell.checks.map((id) => `${id}: ${byId.get(id)!.title}`);
  return cell.checks.length === 1 ? `// Graded check ${titles[0]}.\n${call}` : `// Graded checks:\n${titles.map((t) => `//   ${t}.`).join("\n")}\n${call}`;
};

// nbformat's multiline strings: a list of lines, each but the last with its "\n".
const sourceLines = (text: string): string[] => (text === "" ? [] : text.split(/(?<=\n)/));

// JSON with sorted keys, as nbformat.write (json.dumps(sort_keys=True, indent=1, ensure_ascii=False)).
const sortKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sortKeys) : value && typeof value === "object" ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])])) : value;

/** The notebook metadata every lab carries (kernel, language, which lab it is). */
export const notebookMetadata = (lab: LabDefinition): Record<string, unknown> => ({
  kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" },
  language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript", codemirror_mode: { name: "javascript", typescript: true } },
  "docker-net-lab": { lab: lab.id },
});

/** Build the learner notebook and the answer key; throws LabSourceError when the source and the definition disagree. */
export const buildLab = (cells: readonly SourceCell[], lab: LabDefinition, file: string): BuiltLab => {
  for (const cell of cells) if (cell.kind === "check") checkCellSource(cell, lab, file); // unknown or hidden ids first
  const visible = lab.checks.filter((check) => !check.hidden).map((check) => check.id);
  const graded = new Set(cells.flatMap((cell) => cell.checks));
  const missing = visible.filter((id) => !graded.has(id));
  if (missing.length) throw new LabSourceError(file, 1, `visible check(s) ${missing.join(", ")} of lab ${lab.id} have no graded cell (add \`// %% check ID ${missing[0]}\`)`);
  for (const cell of cells) {
    const unknown = cell.concepts.filter((concept) => !lab.concepts.includes(concept));
    if (unknown.length) throw new LabSourceError(file, cell.line, `concept(s) ${unknown.join(", ")} are not among lab ${lab.id}'s concepts (${lab.concepts.join(", ")})`);
  }
  const nbCells = cells.map((cell) => {
    const tags = tagsOf[cell.kind];
    const metadata = tags.length ? { tags: [...tags] } : {};
    const source = cell.kind === "check" ? checkCellSource(cell, lab, file) : cell.source;
    return cell.kind === "md"
      ? { cell_type: "markdown", id: cell.id, metadata, source: sourceLines(source) }
      : { cell_type: "code", execution_count: null, id: cell.id, metadata, outputs: [], source: sourceLines(source) };
  });
  const notebook: Notebook = { cells: nbCells, metadata: notebookMetadata(lab), nbformat: 4, nbformat_minor: 5 };
  const solutions = Object.fromEntries(cells.filter((cell) => cell.solution !== undefined).map((cell) => [cell.id, cell.solution!]));
  return { notebook, solutions, notebookText: `${JSON.stringify(sortKeys(notebook), null, 1)}\n` };
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
    const code = cell.kind === "check" ? checkCellSource(cell, lab, file) : cell.kind === "exercise" && variant === "solution" && cell.solution !== undefined ? cell.solution : cell.source;
    body.push(`// ---- cell ${cell.id} (${file}:${cell.line})`);
    for (const line of code.split("\n")) {
      const match = importLine.exec(line);
      if (!match) {
        body.push(line);
        continue;
      }
      const names = imports.get(match[2]!) ?? new Set<string>();
      for (const name of match[1]!.split(",").map((n) => n.trim()).filter(Boolean)) names.add(name);
      imports.set(match[2]!, names);
      body.push("");
    }
  }
  const head = [...imports].map(([from, names]) => `import { ${[...names].join(", ")} } from ${JSON.stringify(from)};`);
  return `${head.join("\n")}\n${body.join("\n")}\nexport {};\n`;
};
