// The compile cache: a cell whose TypeScript was compiled before, in any session of this machine, reuses the compiled
// output instead of asking tslab's TypeScript program (building that program is most of a kernel's start, ~1-2 s).
// Graded submissions of one lab share most of their cells, and a learner who restarts the kernel runs the same cells.
//
// An entry is tslab's ConvertResult for (the declarations of the cells before, the cell's source), keyed also by
// what the compile depends on outside the cell: tslab's and TypeScript's versions, Node's version, and each package
// the cell or the earlier declarations import (the resolved file with its size and modification time, and its .d.ts).
// Only clean compiles are kept (no diagnostics, no side outputs); a cell that imports a local TypeScript file ("./x")
// or a module that does not resolve is never cached. A local path that resolves to compiled JavaScript with its .d.ts
// beside it counts as a package: TypeScript writes such paths into the declarations of the cells before (a notebook
// in this repository's labs/ gets `declare const lab: import("../../dist").Lab`), and refusing them sent every cell
// after the first `const lab = …` of a lab to the compiler (1.3 s to build it, in each kernel).
// Entries live in <state dir>/compile-cache/; DNL_COMPILE_CACHE=off disables the cache, DNL_COMPILE_CACHE=/some/dir
// puts it there (the labs bench starts each lab with an empty one).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { isAbsolute, join } from "node:path";
import { stateDir } from "../setup/paths.js";
import type { ConverterSet } from "./tslab.js";

type ConvertResult = ReturnType<ConverterSet["node"]["convert"]>;

/** Bumped when the entry format or the key changes. */
const FORMAT = 1;

/** Where entries are kept ($DNL_COMPILE_CACHE when it is an absolute path), or null when the cache is off ("off"). */
export const compileCacheDir = (env: NodeJS.ProcessEnv = process.env): string | null => {
  const given = env.DNL_COMPILE_CACHE;
  if (given === "off") return null;
  if (given !== undefined && isAbsolute(given)) return given;
  return join(env.DNL_STATE_DIR ?? stateDir(), "compile-cache");
};

// Module specifiers in import/export-from, side-effect imports, import("…") and require("…").
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"'\n]+)["']/g;

/** The module specifiers a piece of TypeScript names. */
export const specifiers = (code: string): string[] => [...new Set([...code.matchAll(SPECIFIER)].map((m) => m[1] as string))];

const builtins = new Set(builtinModules);

const fileStamp = (path: string): string | null => {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
};

/**
 * A stamp of what `specifier` resolves to from `cwd`, or null when it does not resolve or is a local file that is not
 * compiled JavaScript with its declarations beside it (tslab compiles local TypeScript into the cell: not cacheable).
 */
export const dependencyStamp = (specifier: string, cwd: string): string | null => {
  if (specifier === "tslab" || builtins.has(specifier) || specifier.startsWith("node:")) return specifier;
  let resolved: string;
  try {
    resolved = createRequire(join(cwd, "src.js")).resolve(specifier);
  } catch {
    return null;
  }
  const stamp = fileStamp(resolved);
  if (stamp === null) return null;
  const types = resolved.replace(/\.(c|m)?js$/, ".d.$1ts");
  const typesStamp = types === resolved ? null : fileStamp(types);
  if (/^[./]/.test(specifier) && typesStamp === null) return null;
  return `${specifier}=${resolved}:${stamp}:${typesStamp ?? ""}`;
};

/** The cache key of one compile, or null when this compile must not be cached. */
export const compileKey = (prevDecl: string, src: string, context: { cwd: string; versions: string }): string | null => {
  const stamps: string[] = [];
  for (const specifier of specifiers(`${prevDecl}\n${src}`)) {
    const stamp = dependencyStamp(specifier, context.cwd);
    if (stamp === null) return null;
    stamps.push(stamp);
  }
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, context.versions, process.version, stamps, prevDecl, src]))
    .digest("hex");
};

/** Is this result worth keeping: a clean compile of the cell alone. */
const cacheable = (result: ConvertResult): boolean => result.diagnostics.length === 0 && result.sideOutputs === undefined;

export interface CompileCache {
  /** The compile of (prevDecl, src): from the cache, else from `compile` (then kept when clean). */
  convert(prevDecl: string, src: string, compile: () => ConvertResult): ConvertResult;
  /** Hits and misses so far (the kernel's log says them). */
  readonly stats: { hits: number; misses: number };
}

/** A compile cache in `dir` (null: none, every compile goes to `compile`). */
export const createCompileCache = (dir: string | null, context: { cwd: string; versions: string }): CompileCache => {
  const stats = { hits: 0, misses: 0 };
  let made = false;
  return {
    stats,
    convert: (prevDecl, src, compile) => {
      const key = dir === null ? null : compileKey(prevDecl, src, context);
      if (dir === null || key === null) return compile();
      const file = join(dir, `${key}.json`);
      try {
        const entry = JSON.parse(readFileSync(file, "utf8")) as { key: string; result: ConvertResult };
        if (entry.key === key) {
          stats.hits++;
          return entry.result;
        }
      } catch {
        // not cached (or unreadable): compile
      }
      stats.misses++;
      const result = compile();
      if (cacheable(result)) {
        try {
          if (!made) mkdirSync(dir, { recursive: true });
          made = true;
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, JSON.stringify({ key, result }));
          renameSync(temporary, file);
        } catch {
          // a cache that cannot be written is only slower
        }
      }
      return result;
    },
  };
};
