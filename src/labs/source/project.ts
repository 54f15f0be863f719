// Every lab built from its source: the notebooks and README tables as they should be committed (the answer keys
// are never written under labs/: answer-key.ts builds them from the sources when asked).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { labsDir, packageRoot } from "../../setup/paths.js";
import { sourceFile } from "../answer-key.js";
import type { LabDefinition } from "../definition.js";
import { labs } from "../registry.js";
import { buildLab, moduleOf } from "./build.js";
import { parseLabSource, type SourceCell } from "./parse.js";
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
}

/** Read every lab source and build everything from it; throws LabSourceError on a malformed source. */
export const buildProject = (all: readonly LabDefinition[] = labs): BuiltProject => {
  const files: BuiltFile[] = [];
  const cells = new Map<string, readonly SourceCell[]>();
  const modules = new Map<string, string>();
  for (const lab of all) {
    const file = sourceFile(lab);
    const parsed = parseLabSource(readFileSync(join(packageRoot, file), "utf8"), file);
    const built = buildLab(parsed, lab, file);
    cells.set(lab.id, parsed);
    modules.set(lab.id, moduleOf(parsed, lab, file));
    files.push({ path: join(labsDir(), lab.slug, "lab.ipynb"), text: built.notebookText });
  }
  const readmePath = join(labsDir(), "README.md");
  let readme = readFileSync(readmePath, "utf8");
  readme = replaceGenerated(readme, "labs", labsTable(all));
  readme = replaceGenerated(readme, "details", detailsSection(all, cells));
  readme = replaceGenerated(readme, "coverage", coverageTable(all, cells));
  files.push({ path: readmePath, text: readme });
  files.push({ path: join(packageRoot, "src", "notebooks", "README.md"), text: instructorGuide(all) });
  return { files, cells, modules };
};
