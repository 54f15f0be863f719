// `npm run test:engines`: the engine matrix (Docker 20.10 / 26.1 / 28.5 from Debian 12 / 13 / sid, each a private
// engine in its own root and network namespace). DNL_ENGINES=d20,d26,d28 and DNL_ENGINE_LABS=01,03 narrow it.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  test: {
    root,
    // DNL_RECORD=1: record the engines' fixtures instead (test/engines/record.ts).
    include: process.env.DNL_RECORD ? ["test/engines/record.fixtures.ts"] : ["test/engines/**/*.test.ts"],
    // ci.test.ts is npm test's slice of the matrix (Docker 28.5, labs 03 and 04): matrix.test.ts runs those already.
    exclude: ["test/engines/ci.test.ts", "**/node_modules/**"],
    globalSetup: ["test/helpers/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 3_600_000,
    hookTimeout: 1_800_000,
    reporters: ["verbose"],
  },
});
