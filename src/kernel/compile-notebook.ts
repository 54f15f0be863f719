// Compile a notebook's code cells in order without running them, into the compile cache, as a kernel running them
// would: the same converters and cache (converters.ts), the same chain of declarations from cell to cell. The grader
// runs it over a lab's published notebook, so that a sandbox's kernel (which shares no cache with anyone) finds
// every cell the learner left as published already compiled; the entries hold nothing but the published cells.
//
//   DNL_COMPILE_CACHE=/dir node dist/kernel/compile-notebook.js NOTEBOOK [--skip-tag TAG]...   (cwd: the kernel's)
//
// Prints one line: "<compiled> compiled, <cached> cached, <skipped> skipped". Exit 0 unless the notebook cannot be read.
import { readFileSync } from "node:fs";
import { compileCacheDir, createCompileCache } from "./compile-cache.js";
import { compileVersions, createConverters } from "./converters.js";
import { hasLeadingJsDoc } from "./jsdoc.js";

interface Cell {
  readonly cell_type?: string;
  readonly source?: string | string[];
  readonly metadata?: { tags?: string[] };
}

/** The code cells a headless run executes (those tagged with one of `skipTags` left out), as source text. */
const codeCells = (notebook: { cells?: Cell[] }, skipTags: readonly string[] = []): string[] =>
  (notebook.cells ?? [])
    .filter((cell) => cell.cell_type === "code" && !(cell.metadata?.tags ?? []).some((tag) => skipTags.includes(tag)))
    .map((cell) => (Array.isArray(cell.source) ? cell.source.join("") : (cell.source ?? "")));

const main = (): void => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error("usage: compile-notebook.js NOTEBOOK [--skip-tag TAG]...");
  const skipTags = rest.flatMap((arg, i) => (rest[i - 1] === "--skip-tag" ? [arg] : []));
  const cells = codeCells(JSON.parse(readFileSync(file, "utf8")) as { cells?: Cell[] }, skipTags);
  const cache = createCompileCache(compileCacheDir(), { cwd: process.cwd(), versions: compileVersions });
  const convs = createConverters(cache);
  let prevDecl = "";
  let skipped = 0;
  for (const src of cells) {
    // A cell with a leading JSDoc tag may be a module or a browser cell, which tslab's executor does not convert.
    if (hasLeadingJsDoc(src)) {
      skipped++;
      continue;
    }
    const converted = convs.node.convert(prevDecl, src);
    // As tslab's executor: a cell that does not compile leaves the declarations as they were.
    if (converted.diagnostics.length === 0) prevDecl = converted.declOutput ?? "";
  }
  convs.close();
  process.stdout.write(`${cache.stats.misses} compiled, ${cache.stats.hits} cached, ${skipped} skipped\n`);
};

main();
