// Every lab built from its source: the notebooks and README tables as they should be committed (the answer keys
// are never written under labs/: answer-key.ts builds them from the sources when asked).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { labsDir, packageRoot } from "../../setup/paths.js";
import { sourceFile } from "../answer-key.js";
import { translatorFor } from "../catalogs.js";
import type { LabDefinition } from "../definition.js";
import { labs } from "../registry.js";
import { buildLab, moduleOf } from "./build.js";
import { parseLabSource, type SourceCell } from "./parse.js";
import { type TranslationProblem, translatedCells, translationProblems } from "./translation.js";
import { coverageTable, detailsSection, instructorGuide, labsTable, replaceGenerated } from "./readme.js";

export { sourceFile };

/** One file the build writes, with what it should hold. */
export interface BuiltFile {
  readonly path: string;
  readonly text: string;
}

export interface BuiltProject {
  readonly files: readonly BuiltFile[];
  readonly cells: ReadonlyMap<string, readonly SourceCell[]>;
  /** Lab id -> its code cells as one module (answer key variant), for the type check. */
  readonly modules: ReadonlyMap<string, string>;
  /** Lab id -> what its Korean translation lacks or got wrong (labs with a translation only). */
  readonly translations: ReadonlyMap<string, readonly TranslationProblem[]>;
}

/** Where a lab's notebook in `lang` is written: labs/NN-slug/lab.ipynb, labs/ko/NN-slug/lab.ipynb. */
export const notebookFile = (lab: LabDefinition, lang: "en" | "ko" = "en"): string =>
  lang === "en" ? join(labsDir(), lab.slug, "lab.ipynb") : join(labsDir(), lang, lab.slug, "lab.ipynb");

/** Read every lab source and build everything from it; throws LabSourceError on a malformed source. */
export const buildProject = (all: readonly LabDefinition[] = labs): BuiltProject => {
  const files: BuiltFile[] = [];
  const cells = new Map<string, readonly SourceCell[]>();
  const modules = new Map<string, string>();
  const translations = new Map<string, readonly TranslationProblem[]>();
  for (const lab of all) {
    const file = sourceFile(lab);
    const parsed = parseLabSource(readFileSync(join(packageRoot, file), "utf8"), file);
    const built = buildLab(parsed, lab, file);
    cells.set(lab.id, parsed);
    modules.set(lab.id, moduleOf(parsed, lab, file));
    files.push({ path: notebookFile(lab), text: built.notebookText });
    const koFile = sourceFile(lab, "ko");
    if (!existsSync(join(packageRoot, koFile))) continue;
    const ko = parseLabSource(readFileSync(join(packageRoot, koFile), "utf8"), koFile);
    translations.set(lab.id, translationProblems(parsed, ko));
    const merged = translatedCells(parsed, ko, "ko");
    modules.set(`${lab.id}-ko`, moduleOf(merged, lab, koFile));
    files.push({ path: notebookFile(lab, "ko"), text: buildLab(merged, lab, koFile, { lang: "ko", t: translatorFor("ko", lab.id).t }).notebookText });
  }
  const readmePath = join(labsDir(), "README.md");
  let readme = readFileSync(readmePath, "utf8");
  readme = replaceGenerated(readme, "labs", labsTable(all));
  readme = replaceGenerated(readme, "details", detailsSection(all, cells));
  readme = replaceGenerated(readme, "coverage", coverageTable(all, cells));
  files.push({ path: readmePath, text: readme });
  files.push({ path: join(packageRoot, "src", "notebooks", "README.md"), text: instructorGuide(all) });
  return { files, cells, modules, translations };
};
