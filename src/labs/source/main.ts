// `npm run labs:build`: write every lab's notebook, answer key and labs/README.md's tables from the lab sources,
// after type-checking their code cells. `--check`: write nothing, exit 1 when a committed file differs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { packageRoot } from "../../setup/paths.js";
import { buildProject } from "./project.js";
import { typecheckLabModules } from "./typecheck.js";

const check = process.argv.includes("--check");
try {
  const project = buildProject();
  const errors = typecheckLabModules(project.modules);
  for (const error of errors) process.stderr.write(`lab ${error.lab}, cell ${error.cell}: ${error.message}\n`);
  if (errors.length) {
    process.stderr.write(`${errors.length} type error(s) in the labs' code cells: nothing written.\n`);
    process.exit(1);
  }
  const stale = project.files.filter((file) => !existsSync(file.path) || readFileSync(file.path, "utf8") !== file.text);
  for (const file of stale) {
    if (!check) writeFileSync(file.path, file.text);
    process.stdout.write(`${check ? "differs from its source" : "wrote"}: ${relative(packageRoot, file.path)}\n`);
  }
  if (stale.length === 0) process.stdout.write(`${project.files.length} files up to date with their lab sources\n`);
  process.exit(check && stale.length ? 1 : 0);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
