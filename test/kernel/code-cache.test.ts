// code-cache.ts: a CommonJS file loaded with V8's cached data lands in require's cache (a later require gets the same
// instance), the data is written on save() and taken by the next load, bad data is rejected and written again, and a
// file that fails to load is left to a plain require.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadWithCodeCache } from "../../src/kernel/code-cache.js";
import { repoRoot } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "dnl-code-cache-"));
const cacheDir = join(dir, "cache");
const from = join(dir, "index.js");
const requireCache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (name: string, source: string): string => {
  const file = join(dir, name);
  writeFileSync(file, source);
  delete requireCache[file];
  return file;
};

describe("loadWithCodeCache", () => {
  it("loads into require's cache (a later require gets the same instance) and writes the data on save", () => {
    const file = fresh("m.cjs", "exports.value = 40 + 2; exports.path = require('node:path').basename(__filename);");
    const first = loadWithCodeCache("./m.cjs", from, cacheDir);
    expect(first.status).toBe("miss");
    expect(requireCache[file]).toBeDefined();
    const loaded = createRequire(from)("./m.cjs") as { value: number; path: string };
    expect(loaded).toEqual({ value: 42, path: "m.cjs" });
    expect(loaded).toBe((requireCache[file] as { exports: unknown }).exports);
    expect(loadWithCodeCache("./m.cjs", from, cacheDir).status).toBe("off"); // already loaded: left alone
    first.save();
    expect(readdirSync(cacheDir).filter((name) => name.endsWith(".v8"))).toHaveLength(1);
  });

  // In fresh processes (V8 keeps compiled sources in memory, so one process would never read the file again).
  it("the next process takes the data; data V8 refuses is rejected and written again", () => {
    fresh("p.cjs", "exports.value = 7;");
    const own = join(dir, "own-cache");
    const load = (): string => {
      const script = `const { loadWithCodeCache } = await import(${JSON.stringify(join(repoRoot, "dist/kernel/code-cache.js"))});
const state = loadWithCodeCache("./p.cjs", ${JSON.stringify(from)}, ${JSON.stringify(own)});
const { createRequire } = await import("node:module");
if (createRequire(${JSON.stringify(from)})("./p.cjs").value !== 7) throw new Error("wrong value");
state.save();
process.stdout.write(state.status);`;
      return execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    };
    expect(load()).toBe("miss");
    expect(load()).toBe("hit");
    for (const name of readdirSync(own)) writeFileSync(join(own, name), "not a code cache");
    expect(load()).toBe("rejected");
    expect(load()).toBe("hit");
  });

  it("does nothing when off, and leaves a file that throws to a plain require", () => {
    const file = fresh("off.cjs", "exports.n = 1;");
    expect(loadWithCodeCache("./off.cjs", from, null).status).toBe("off");
    expect(requireCache[file]).toBeUndefined();
    const broken = fresh("broken.cjs", "throw new Error('boom');");
    expect(loadWithCodeCache("./broken.cjs", from, cacheDir).status).toBe("failed");
    expect(requireCache[broken]).toBeUndefined();
    expect(loadWithCodeCache("./missing.cjs", from, cacheDir).status).toBe("failed");
  });
});
