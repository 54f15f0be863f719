// Formatting and lint are tests (as in Plot and execa): Biome formats and lints src/ and test/ (biome.json).
// Fix what this reports with `npx biome check --write`, then read the diff.
import { execa } from "execa";
import { expect, it } from "vitest";
import { repoRoot } from "./helpers/cli.js";

it("the tree is formatted and passes lint (npx biome ci)", async () => {
  const result = await execa("node_modules/.bin/biome", ["ci", "--max-diagnostics=20"], { cwd: repoRoot, reject: false, all: true });
  expect(result.exitCode, String(result.all)).toBe(0);
}, 60_000);
