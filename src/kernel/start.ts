// Wire the kernel together: tslab's converter and executor, our handler and server, hooks, signals, preload.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileCacheDir, createCompileCache } from "./compile-cache.js";
import { compileVersions, createConverters } from "./converters.js";
import { currentCell, guardTimers, kernelLog, routeOutput } from "./cell.js";
import { createReportConsole, ProjectHandler } from "./handler.js";
import { installHooks } from "./hooks.js";
import { dieWithParent } from "./parent.js";
import { preloadModules, preloadSteps, schedulePreload } from "./preload.js";
import { ProjectServer } from "./server.js";
import { hookCellScripts } from "./sources.js";
import { runtimeError } from "./traceback.js";
import { tslabExecutor, tslabTypescriptVersion, tslabVersion, typescriptCodeCache } from "./tslab.js";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const kernelVersion = (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

// An error nobody awaited: show it in the cell it came from (or the last one) instead of killing the kernel.
const reportStray = (kind: string, error: unknown): void => {
  const cell = currentCell();
  const text = [`${kind}:`, ...runtimeError(error).traceback].join("\n");
  if (cell) cell.writeStream("stderr", `${text}\n`);
  else kernelLog(`${text}\n`);
};

/** Start the kernel on the connection file Jupyter gave us; resolves once the sockets are bound. */
export const startKernel = async (options: { configPath: string; preload?: readonly string[] }): Promise<ProjectServer> => {
  const started = performance.now();
  // Before anything slow: a kernel whose parent died during start-up must not stay behind either.
  dieWithParent();
  routeOutput();
  guardTimers();
  hookCellScripts();
  const cache = createCompileCache(compileCacheDir(), { cwd: process.cwd(), versions: compileVersions });
  const convs = createConverters(cache);
  const report = createReportConsole();
  const executor = tslabExecutor.createExecutor(process.cwd(), convs, report.console);
  const handler = new ProjectHandler(executor, report, { kernel: kernelVersion, typescript: tslabTypescriptVersion });
  installHooks({ name: "docker-net-lab", version: kernelVersion, tslab: tslabVersion });
  const server = new ProjectServer(handler, options.configPath);
  process.on("SIGINT", () => handler.interrupt());
  process.on("uncaughtException", (error) => reportStray("Uncaught exception", error));
  process.on("unhandledRejection", (reason) => reportStray("Unhandled promise rejection", reason));
  await server.init();
  const ready = performance.now();
  const modules = options.preload ?? preloadModules();
  schedulePreload(
    preloadSteps(convs, modules),
    () => handler.started,
    (reports, stopped) => {
      typescriptCodeCache.save();
      const summary = reports.map((r) => `${r.module} ${r.ok ? `${r.ms} ms` : `skipped (${r.detail ?? "failed"})`}`).join(", ");
      kernelLog(
        `docker-net-lab kernel ${kernelVersion}: ready in ${Math.round(ready - started)} ms (${Math.round(ready)} ms after the process started); preloaded: ${summary || "nothing"}${stopped ? " (stopped: a cell came first)" : ""}; compile cache: ${cache.stats.hits} hits, ${cache.stats.misses} misses; TypeScript code cache: ${typescriptCodeCache.status}\n`,
      );
    },
    500,
    () => server.quietMs(),
  );
  return server;
};
