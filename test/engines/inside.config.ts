// vitest config for the lab tests (and the challenges' CLI test) as the engine matrix runs them inside an engine's root and network namespace
// (test/engines/matrix.ts): no globalSetup (the outer run built dist/ already), a JSON report the outer run reads.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  test: {
    root,
    include: ["test/labs/**/*.test.ts", "test/challenges/challenges.test.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    reporters: ["default", "json"],
    outputFile: { json: process.env.DNL_INNER_REPORT ?? "test/artifacts/engine-inner.json" },
  },
});
