// The compile cache a sandbox's kernel starts with: the cells of the lab's published notebook, compiled once per
// grading run by the grader (dist/kernel/compile-notebook.js, the kernel's own converters: the same entries a kernel
// would write). A sandbox shares no cache with the grader or another sandbox (one submission must not read another's
// compiled cells), so without this every kernel compiled every cell; with it, a cell the learner left as published
// is found compiled. The entries hold only what every learner was given.
import { rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { run } from "../exec/run.js";
import type { Lang } from "../i18n/catalog.js";
import type { LabDefinition } from "../labs/definition.js";
import { shortLivedNodeFlags } from "../setup/node-flags.js";
import { packageRoot, stateDir } from "../setup/paths.js";
import { notebookDirOf, publishedNotebookOf } from "./gradable.js";

const made = new Map<string, Promise<string | null>>();

/**
 * The folder of compiled published cells of `lab` in `lang`, made on first call in this process (later calls share
 * it); null when there is none (no published notebook in that language, or the compile pass failed: `log` says why).
 */
export const publishedCompileCache = (lab: LabDefinition, lang: Lang, log: (line: string) => void = () => undefined): Promise<string | null> => {
  const name = `${lab.id}-${lang}`;
  let dir = made.get(name);
  if (!dir) {
    dir = compilePublished(lab, lang, join(stateDir(), "sandbox", "compile-cache", name), log);
    made.set(name, dir);
  }
  return dir;
};

const compilePublished = async (lab: LabDefinition, lang: Lang, dir: string, log: (line: string) => void): Promise<string | null> => {
  const notebook = publishedNotebookOf(lab, lang);
  if (!existsSync(notebook)) return null;
  // Fresh each run: its keys name the library's build, and a stale entry would only miss.
  await rm(dir, { recursive: true, force: true });
  const script = join(packageRoot, "dist", "kernel", "compile-notebook.js");
  const result = await run(process.execPath, [...shortLivedNodeFlags, script, notebook, "--skip-tag", "teardown"], {
    cwd: notebookDirOf(lab),
    env: { DNL_COMPILE_CACHE: dir },
    timeout: 120_000,
    reject: false,
  });
  if (result.exitCode !== 0) {
    log(`lab ${lab.id}: the published cells were not compiled ahead (sandboxes compile them): ${result.stderr.trim().split("\n").at(-1) ?? ""}`);
    return null;
  }
  log(`lab ${lab.id} (${lang}): published cells compiled for the sandboxes: ${result.stdout.trim()}`);
  return existsSync(dir) ? dir : null;
};
