// tslab 1.0.22's own modules, loaded (never copied) from this package's node_modules: the kernel reuses them.
import { createRequire } from "node:module";
import { codeCacheDir, loadWithCodeCache } from "./code-cache.js";
import type * as JupyterModule from "tslab/dist/jupyter.js";
import type * as ExecutorModule from "tslab/dist/executor.js";
import type * as ConverterModule from "tslab/dist/converter.js";
import type * as InspectModule from "tslab/dist/inspect.js";

const require = createRequire(import.meta.url);

/** TypeScript, loaded first with V8's cached data (code-cache.ts), so that tslab's converter gets it from require's cache. */
export const typescriptCodeCache = loadWithCodeCache("@tslab/typescript-for-tslab", require.resolve("tslab/package.json"), codeCacheDir());

/** tslab's jupyter.js: ZmqServer, JupyterHandlerImpl and the mutable `lastWriteDisplayData` used by `tslab.display`. */
export const tslabJupyter = require("tslab/dist/jupyter.js") as typeof JupyterModule & {
  lastWriteDisplayData: ((data: unknown, update: boolean) => void) | null;
};
/** tslab's executor.js: createExecutor (compile with the converter, run in this context, interrupt). */
export const tslabExecutor = require("tslab/dist/executor.js") as typeof ExecutorModule;
/** tslab's converter.js: createConverter (TypeScript watch program) and isCompleteCode. */
export const tslabConverter = require("tslab/dist/converter.js") as typeof ConverterModule;
/** tslab's inspect.js: printQuickInfo for inspection replies. */
export const tslabInspect = require("tslab/dist/inspect.js") as typeof InspectModule;
/** The TypeScript tslab compiles with (its own copy, already loaded by the converter). */
export const tslabTypescript = createRequire(require.resolve("tslab/package.json"))("@tslab/typescript-for-tslab") as typeof import("typescript");
export const tslabTypescriptVersion = tslabTypescript.version;
/** The version of the tslab package underneath. */
export const tslabVersion = (require("tslab/package.json") as { version: string }).version;

export type Executor = ExecutorModule.Executor;
export type ConverterSet = ExecutorModule.ConverterSet;
export type ConsoleInterface = ExecutorModule.ConsoleInterface;
