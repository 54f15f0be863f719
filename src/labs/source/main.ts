// `npm run labs:build`: write every lab's notebook (English, and Korean where src/notebooks/NN-slug.ko.ts exists),
// and labs/README.md's tables from the lab sources, after type-checking their code cells. `--check`: write nothing,
// exit 1 when a committed file differs.
// Translations: `npm run labs:ko -- --ko-stubs NN` writes src/notebooks/NN-slug.ko.ts with every marker and its en= hash and the English
// text to translate (markdown, and code cells' comments); `--ko-refresh NN` rewrites an existing one with today's hashes (keeping its bodies, adding
// the cells it lacks) and lists the cells whose English changed: translate those before you refresh.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { packageRoot } from "../../setup/paths.js";
import { sourceFile } from "../answer-key.js";
import { findLab } from "../registry.js";
import { parseLabSource } from "./parse.js";
import { buildProject } from "./project.js";
import { staleCells, translationFile } from "./translation.js";
import { typecheckLabModules } from "./typecheck.js";

const argv = process.argv.slice(2);
const check = argv.includes("--check");
const optionValue = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv[at + 1];
};

const header = (slug: string): string =>
  `// ${slug} in Korean: every cell marker of ${slug}.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.
`;

// --ko-stubs NN / --ko-refresh NN: write the translation file of one lab, then stop.
const writeTranslation = (id: string, refresh: boolean): void => {
  const lab = findLab(id);
  const english = parseLabSource(readFileSync(join(packageRoot, sourceFile(lab)), "utf8"), sourceFile(lab));
  const file = sourceFile(lab, "ko");
  const path = join(packageRoot, file);
  if (!refresh && existsSync(path)) throw new Error(`${file} exists already: use --ko-refresh ${lab.id} to update its hashes.`);
  if (refresh && !existsSync(path)) throw new Error(`${file} does not exist yet: use --ko-stubs ${lab.id} first.`);
  const existing = refresh ? parseLabSource(readFileSync(path, "utf8"), file) : [];
  const changed = refresh ? staleCells(english, existing) : [];
  writeFileSync(
    path,
    translationFile(english, existing, refresh ? (readFileSync(path, "utf8").match(/^(\/\/.*\n)*/)?.[0] ?? header(lab.slug)) : header(lab.slug)),
  );
  process.stdout.write(`wrote ${file}${changed.length ? `; new hashes for cells whose English changed or was missing: ${changed.join(", ")}` : ""}\n`);
};

try {
  const stubs = optionValue("--ko-stubs");
  const refresh = optionValue("--ko-refresh");
  if (stubs !== undefined || refresh !== undefined) {
    writeTranslation((stubs ?? refresh)!, refresh !== undefined);
    process.exit(0);
  }
  const project = buildProject();
  const errors = typecheckLabModules(project.modules);
  for (const error of errors) process.stderr.write(`lab ${error.lab}, cell ${error.cell}: ${error.message}\n`);
  if (errors.length) {
    process.stderr.write(`${errors.length} type error(s) in the labs' code cells: nothing written.\n`);
    process.exit(1);
  }
  for (const [lab, problems] of project.translations)
    for (const problem of problems) process.stderr.write(`lab ${lab} (ko): ${problem.kind}: ${problem.message}\n`);
  const stale = project.files.filter((file) => !existsSync(file.path) || readFileSync(file.path, "utf8") !== file.text);
  for (const file of stale) {
    if (!check) {
      mkdirSync(dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.text);
    }
    process.stdout.write(`${check ? "differs from its source" : "wrote"}: ${relative(packageRoot, file.path)}\n`);
  }
  if (stale.length === 0) process.stdout.write(`${project.files.length} files up to date with their lab sources\n`);
  process.exit(check && stale.length ? 1 : 0);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
