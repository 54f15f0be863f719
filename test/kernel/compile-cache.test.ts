import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileCacheDir, compileKey, createCompileCache, specifiers } from "../../src/kernel/compile-cache.js";

const root = mkdtempSync(join(tmpdir(), "dnl-compile-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// A package "pkg" in root/node_modules with a .d.ts beside its entry.
mkdirSync(join(root, "node_modules", "pkg"), { recursive: true });
writeFileSync(join(root, "node_modules", "pkg", "package.json"), JSON.stringify({ name: "pkg", main: "index.js" }));
writeFileSync(join(root, "node_modules", "pkg", "index.js"), "exports.x = 1;\n");
writeFileSync(join(root, "node_modules", "pkg", "index.d.ts"), "export declare const x: number;\n");
const context = { cwd: root, versions: "tslab 1, typescript 5" };
const clean = (output: string) => ({ output, declOutput: "", diagnostics: [], lastExpressionVar: "tsLastExpr" });

describe("compile cache", () => {
  it("finds the specifiers a cell imports", () => {
    expect(specifiers('import * as a from "pkg";\nimport "side";\nexport { b } from \'./b\';\nconst c = await import("node:fs");\nrequire("x")')).toEqual([
      "pkg",
      "side",
      "./b",
      "node:fs",
      "x",
    ]);
  });

  it("keys on the earlier declarations, the source and the versions; never a local import or an unresolved module", () => {
    const key = compileKey("", "1 + 1", context);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(compileKey("", "1 + 1", context)).toBe(key);
    expect(compileKey("declare const x: number;\n", "1 + 1", context)).not.toBe(key);
    expect(compileKey("", "1 + 2", context)).not.toBe(key);
    expect(compileKey("", "1 + 1", { ...context, versions: "tslab 2, typescript 5" })).not.toBe(key);
    expect(compileKey("", 'import { y } from "./local";\ny', context)).toBeNull();
    writeFileSync(join(root, "local.ts"), "export const y = 1;\n");
    expect(compileKey("", 'import { y } from "./local";\ny', context)).toBeNull();
    expect(compileKey("", 'import { y } from "not-installed";\ny', context)).toBeNull();
    expect(compileKey("", 'import { readFileSync } from "node:fs";\nreadFileSync', context)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes the key when an imported package's types change", () => {
    const src = 'import { x } from "pkg";\nx';
    const before = compileKey("", src, context);
    expect(before).not.toBeNull();
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, "node_modules", "pkg", "index.d.ts"), later, later);
    expect(compileKey("", src, context)).not.toBe(before);
    // and an import in the earlier declarations counts as well
    expect(compileKey('import { x } from "pkg";\n', "1", context)).not.toBe(compileKey("", "1", context));
  });

  it("keys a local path to compiled JavaScript with its .d.ts like a package (the declarations TypeScript writes for ../../dist)", () => {
    mkdirSync(join(root, "dist"), { recursive: true });
    writeFileSync(join(root, "dist", "index.js"), "exports.lab = 1;\n");
    const prevDecl = 'declare const lab: import("./dist").Lab;\n';
    // no declarations beside it: a plain local file, never cached
    expect(compileKey(prevDecl, "lab", context)).toBeNull();
    writeFileSync(join(root, "dist", "index.d.ts"), "export declare class Lab {}\n");
    const key = compileKey(prevDecl, "lab", context);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(compileKey(prevDecl, "lab", context)).toBe(key);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, "dist", "index.d.ts"), later, later);
    expect(compileKey(prevDecl, "lab", context)).not.toBe(key);
    expect(compileKey('declare const lab: import("./nowhere").Lab;\n', "lab", context)).toBeNull();
  });

  it("compiles once, then answers from the cache, in another cache object too (another session)", () => {
    const dir = join(root, "cache");
    let compiles = 0;
    const compile = () => {
      compiles++;
      return clean("exports.tsLastExpr = 1 + 1;\n");
    };
    const first = createCompileCache(dir, context);
    expect(first.convert("", "1 + 1", compile)).toEqual(clean("exports.tsLastExpr = 1 + 1;\n"));
    expect(first.convert("", "1 + 1", compile).output).toBe("exports.tsLastExpr = 1 + 1;\n");
    const second = createCompileCache(dir, context);
    expect(second.convert("", "1 + 1", compile).output).toBe("exports.tsLastExpr = 1 + 1;\n");
    expect(compiles).toBe(1);
    expect(first.stats).toEqual({ hits: 1, misses: 1 });
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
  });

  it("never keeps a compile with diagnostics or side outputs", () => {
    const dir = join(root, "cache-errors");
    const cache = createCompileCache(dir, context);
    const bad = {
      diagnostics: [{ start: { offset: 0, line: 0, character: 0 }, end: { offset: 1, line: 0, character: 1 }, messageText: "no", category: 1, code: 2304 }],
    };
    let compiles = 0;
    cache.convert("", "bad", () => (compiles++, bad));
    cache.convert("", "bad", () => (compiles++, bad));
    cache.convert("", "side", () => (compiles++, { ...clean("x"), sideOutputs: [{ path: "/x.js", data: "" }] }));
    cache.convert("", "side", () => (compiles++, { ...clean("x"), sideOutputs: [{ path: "/x.js", data: "" }] }));
    expect(compiles).toBe(4);
    expect(() => readdirSync(dir)).toThrow();
  });

  it("is off with DNL_COMPILE_CACHE=off", () => {
    expect(compileCacheDir({ DNL_COMPILE_CACHE: "off" })).toBeNull();
    expect(compileCacheDir({ DNL_STATE_DIR: "/s" })).toBe("/s/compile-cache");
    expect(compileCacheDir({ DNL_STATE_DIR: "/s", DNL_COMPILE_CACHE: "/c" })).toBe("/c");
    expect(compileCacheDir({ DNL_STATE_DIR: "/s", DNL_COMPILE_CACHE: "relative" })).toBe("/s/compile-cache");
    let compiles = 0;
    const cache = createCompileCache(null, context);
    cache.convert("", "1", () => (compiles++, clean("1")));
    cache.convert("", "1", () => (compiles++, clean("1")));
    expect(compiles).toBe(2);
  });
});
