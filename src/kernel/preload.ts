// Warm the kernel after start so the first import is fast: type-check an import of the library once and load it.
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ConverterSet } from "./tslab.js";

/** Modules to preload: $DNL_KERNEL_PRELOAD (comma separated, "none" for nothing), else the library itself. */
export const preloadModules = (env: NodeJS.ProcessEnv = process.env): string[] => {
  const given = env.DNL_KERNEL_PRELOAD;
  if (given === undefined) return ["docker-net-lab"];
  if (given.trim() === "none") return [];
  return given.split(",").map((name) => name.trim()).filter((name) => name !== "");
};

/** Results of one preload, for the kernel log and the benchmark. */
export interface PreloadReport {
  readonly module: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly detail?: string;
}

/** Type-check `import * as m from "<module>"` (loads its .d.ts into tslab's program) and require it (module cache). */
export const preload = (convs: ConverterSet, modules: readonly string[], cwd = process.cwd()): PreloadReport[] => {
  const require = createRequire(join(cwd, "src.js"));
  const reports: PreloadReport[] = [];
  convs.node.convert("", "const dnlWarm = 1;\ndnlWarm");
  for (const module of modules) {
    const started = performance.now();
    if (/^[./]/.test(module)) {
      // Local files compile as side outputs of the cell that imports them: warming them here would hide them.
      reports.push({ module, ok: false, ms: 0, detail: "only packages can be preloaded" });
      continue;
    }
    try {
      require.resolve(module);
    } catch {
      reports.push({ module, ok: false, ms: 0, detail: "not resolvable from the notebook directory" });
      continue;
    }
    try {
      const converted = convs.node.convert("", `import * as dnlPreload from ${JSON.stringify(module)};\ndnlPreload`);
      require(module);
      const problems = converted.diagnostics.map((d) => d.messageText).join("; ");
      reports.push({ module, ok: problems === "", ms: Math.round(performance.now() - started), ...(problems ? { detail: problems } : {}) });
    } catch (error) {
      reports.push({ module, ok: false, ms: Math.round(performance.now() - started), detail: (error as Error).message });
    }
  }
  return reports;
};
