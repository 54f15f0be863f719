import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  test: {
    root,
    include: ["test/**/*.test.ts"],
    // The whole engine matrix is `npm run test:engines` (test/engines/vitest.config.ts); npm test runs its CI slice.
    exclude: ["test/engines/matrix.test.ts", "**/node_modules/**"],
    globalSetup: ["test/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/session-residue.ts"],
    // Tests that use the engine compare host state before and after: run files one at a time.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // In CI also a JSON report, from which .ci/run prints the closing "N passed, N failed" line.
    reporters: process.env.CI ? ["verbose", "json"] : ["default"],
    ...(process.env.CI ? { outputFile: { json: "test/artifacts/vitest-results.json" } } : {}),
  },
});
