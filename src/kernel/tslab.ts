// tslab 1.0.22's own modules, loaded (never copied) from this package's node_modules: the kernel reuses them.
//
// TypeScript (~140 ms to load, even from V8's cached data) is loaded only when a cell needs the compiler: a compile
// the compile cache does not have, an inspection, a completion, `is_complete`. Two of tslab's modules would load it at
// start: executor.js, through metadata.js (getCodeMetadata: the JSDoc tags `@module`, `@jsx`, `@node`, `@browser` in a
// cell's leading comments), and jupyter.js, through converter.js. Both are given stand-ins in require's cache before
// they load: metadata answers a cell without a leading `/**` comment itself (the real one would find no tag there)
// and hands the rest to tslab's; converter loads tslab's converter on first use.
import Module, { createRequire } from "node:module";
import { codeCacheDir, type CodeCacheState, loadWithCodeCache } from "./code-cache.js";
import { hasLeadingJsDoc } from "./jsdoc.js";
import type * as JupyterModule from "tslab/dist/jupyter.js";
import type * as ExecutorModule from "tslab/dist/executor.js";
import type * as ConverterModule from "tslab/dist/converter.js";
import type * as InspectModule from "tslab/dist/inspect.js";

const require = createRequire(import.meta.url);
const typescriptPackage = "@tslab/typescript-for-tslab";
const tslabRoot = require.resolve("tslab/package.json");

let typescriptState: CodeCacheState | null = null;
/** Load TypeScript (first with V8's cached data, code-cache.ts, so that tslab's modules get it from require's cache). */
const loadTypeScript = (): typeof import("typescript") => {
  typescriptState ??= loadWithCodeCache(typescriptPackage, tslabRoot, codeCacheDir());
  return createRequire(tslabRoot)(typescriptPackage) as typeof import("typescript");
};

/** TypeScript's code-cache state: "not loaded" while no cell needed the compiler. */
export const typescriptCodeCache = {
  get status(): string {
    return typescriptState?.status ?? "not loaded";
  },
  save(): void {
    typescriptState?.save();
  },
};

/** The TypeScript tslab compiles with (its own copy), loaded on first use. */
export const tslabTypescript = (): typeof import("typescript") => loadTypeScript();
export const tslabTypescriptVersion = (createRequire(tslabRoot)(`${typescriptPackage}/package.json`) as { version: string }).version;
/** The version of the tslab package underneath. */
export const tslabVersion = (require("tslab/package.json") as { version: string }).version;

// A module in require's cache with these exports, as if `path` had been loaded.
const standIn = (path: string, exports: object): void => {
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = exports;
  require.cache[path] = module;
};

// tslab's module at `path` itself, past its stand-in.
const realModule = <T>(path: string): T => {
  loadTypeScript();
  const standing = require.cache[path];
  delete require.cache[path];
  try {
    return require(path) as T;
  } finally {
    if (standing) require.cache[path] = standing;
  }
};

type Metadata = { getCodeMetadata(src: string): Record<string, unknown> };
const metadataPath = createRequire(tslabRoot).resolve("./dist/metadata.js");
let realMetadata: Metadata | null = null;

standIn(metadataPath, {
  getCodeMetadata: (src: string) => (hasLeadingJsDoc(src) ? (realMetadata ??= realModule<Metadata>(metadataPath)).getCodeMetadata(src) : {}),
});

const converterPath = createRequire(tslabRoot).resolve("./dist/converter.js");
let realConverter: typeof ConverterModule | null = null;
const converter = (): typeof ConverterModule => (realConverter ??= realModule<typeof ConverterModule>(converterPath));
standIn(
  converterPath,
  new Proxy({} as typeof ConverterModule, {
    get: (_target, key) => converter()[key as keyof typeof ConverterModule],
  }),
);

/** tslab's jupyter.js: ZmqServer, JupyterHandlerImpl and the mutable `lastWriteDisplayData` used by `tslab.display`. */
export const tslabJupyter = require("tslab/dist/jupyter.js") as typeof JupyterModule & {
  lastWriteDisplayData: ((data: unknown, update: boolean) => void) | null;
};
/** tslab's executor.js: createExecutor (compile with the converter, run in this context, interrupt). */
export const tslabExecutor = require("tslab/dist/executor.js") as typeof ExecutorModule;
/** tslab's converter.js (createConverter: a TypeScript watch program; isCompleteCode), loaded on first use. */
export const tslabConverter = {
  createConverter: (...args: Parameters<typeof ConverterModule.createConverter>) => converter().createConverter(...args),
};
/** tslab's inspect.js: printQuickInfo for inspection replies. */
export const tslabInspect = require("tslab/dist/inspect.js") as typeof InspectModule;

export type Executor = ExecutorModule.Executor;
export type ConverterSet = ExecutorModule.ConverterSet;
export type ConsoleInterface = ExecutorModule.ConsoleInterface;
