#!/usr/bin/env node
// `npm run bench`: build, then run every benchmark script in this folder one after another.
// Each script writes its figures to test/bench/results/<name>.json; this prints a summary of them.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..", "..");
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((name) => name.endsWith(".mjs") && name !== "run.mjs" && (only.length === 0 || only.some((o) => name.startsWith(o))))
  .sort();
let failed = 0;
for (const script of scripts) {
  process.stderr.write(`\n== bench ${script}\n`);
  try {
    execFileSync(process.execPath, ["--expose-gc", join(here, script)], { stdio: "inherit", cwd: root });
  } catch {
    failed++;
    process.stderr.write(`bench ${script} failed\n`);
  }
  const result = join(here, "results", script.replace(/\.mjs$/, ".json"));
  if (existsSync(result)) process.stdout.write(`${script}: ${readFileSync(result, "utf8").slice(0, 2000)}\n`);
}
process.exitCode = failed ? 1 : 0;
