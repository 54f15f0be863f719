// V8 code cache for the TypeScript compiler tslab loads (@tslab/typescript-for-tslab, ~10 MB of JavaScript): Node 20
// has no module compile cache (module.enableCompileCache is Node 22.1+), so the kernel loads that one file itself, as
// a vm.Script with V8's cached data from <state dir>/code-cache, and puts it in require's cache before tslab asks for
// it. Parsing and compiling TypeScript is most of a kernel's start (measured 1.1 s -> 0.2 s on the loaded 2-core
// machine). The data is written once the kernel has compiled a cell (the preload), so it also holds the compiler's
// functions that compile used; data V8 rejects (another Node, other flags) is written again. DNL_CODE_CACHE=off
// turns it off (DNL_COMPILE_CACHE=off too, with the compile cache); any failure falls back to a plain require.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { stateDir } from "../setup/paths.js";

/** Where this module keeps V8's cached data of the TypeScript compiler; null when it or the compile cache is off. */
export const codeCacheDir = (env: NodeJS.ProcessEnv = process.env): string | null =>
  env.DNL_COMPILE_CACHE === "off" || env.DNL_CODE_CACHE === "off" ? null : join(env.DNL_STATE_DIR ?? stateDir(), "code-cache");

/** What loadWithCodeCache did, and how to save the cache later. */
export interface CodeCacheState {
  /** "hit": V8 took the cached data; "miss": none was there; "rejected": V8 refused it; "off"/"failed": plain require. */
  readonly status: "hit" | "miss" | "rejected" | "off" | "failed";
  /** Write the cached data now (after a compile, so it holds the functions used) unless it was a hit; never throws. */
  save(): void;
}

const nothing: CodeCacheState = { status: "off", save: () => undefined };

/**
 * Load the CommonJS file that `specifier` resolves to (from `from`) with V8 cached data from `dir`, into require's
 * cache, so that a later require of it returns this instance. Returns what happened (never throws).
 */
export const loadWithCodeCache = (specifier: string, from: string, dir: string | null): CodeCacheState => {
  if (dir === null) return nothing;
  try {
    const filename = createRequire(from).resolve(specifier);
    const cache = (Module as unknown as { _cache: Record<string, Module> })._cache;
    if (cache[filename]) return nothing;
    const stat = statSync(filename);
    const key = createHash("sha256")
      .update(`${filename}\0${stat.size}\0${stat.mtimeMs}\0${process.version}\0${process.execArgv.join(" ")}`)
      .digest("hex")
      .slice(0, 24);
    const file = join(dir, `${key}.v8`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(Module.wrap(readFileSync(filename, "utf8")), { filename, ...(cachedData ? { cachedData } : {}) });
    const status = cachedData === undefined ? "miss" : script.cachedDataRejected ? "rejected" : "hit";
    const module = new Module(filename, undefined);
    module.filename = filename;
    module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(filename));
    cache[filename] = module;
    try {
      const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
      wrapper.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
      module.loaded = true;
    } catch (error) {
      delete cache[filename];
      throw error;
    }
    let saved = status === "hit";
    return {
      status,
      save: () => {
        if (saved) return;
        saved = true;
        try {
          mkdirSync(dir, { recursive: true });
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, script.createCachedData());
          renameSync(temporary, file);
        } catch {
          // A read-only state dir (a grading sandbox) only means the next kernel compiles TypeScript again.
        }
      },
    };
  } catch {
    return { status: "failed", save: () => undefined };
  }
};
