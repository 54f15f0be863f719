// `npm run labs:build` (second half): write the challenges' notebooks and README under labs/challenges/ (the Korean
// notebooks under labs/ko/challenges/) from their definitions. `--check`: write nothing, exit 1 when a committed file differs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { labsDir, packageRoot } from "../setup/paths.js";
import { challengeCatalogs } from "./catalogs.js";
import { challengeNotebook, challengesReadme } from "./notebook.js";
import { challenges } from "./registry.js";

/** Every file the challenges' definitions write. */
export const challengeFiles = (): { path: string; text: string }[] => {
  const dir = join(labsDir(), "challenges");
  return [
    ...challenges.map((definition) => ({ path: join(dir, `${definition.slug}.ipynb`), text: challengeNotebook(definition) })),
    { path: join(dir, "README.md"), text: challengesReadme(challenges) },
    // The Korean notebooks of the challenges that have a catalog, under labs/ko/ (the folder `start --lang ko` serves).
    ...challenges
      .filter((definition) => definition.id in challengeCatalogs)
      .map((definition) => ({ path: join(labsDir(), "ko", "challenges", `${definition.slug}.ipynb`), text: challengeNotebook(definition, "ko") })),
  ];
};

const check = process.argv.includes("--check");
if (process.argv[1]?.endsWith("build-main.js")) {
  const files = challengeFiles();
  const stale = files.filter((file) => !existsSync(file.path) || readFileSync(file.path, "utf8") !== file.text);
  for (const file of stale) {
    if (!check) {
      mkdirSync(join(file.path, ".."), { recursive: true });
      writeFileSync(file.path, file.text);
    }
    process.stdout.write(`${check ? "differs from its definition" : "wrote"}: ${relative(packageRoot, file.path)}\n`);
  }
  if (stale.length === 0) process.stdout.write(`${files.length} challenge files up to date with their definitions\n`);
  process.exit(check && stale.length ? 1 : 0);
}
