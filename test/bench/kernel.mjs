// Kernel start and first-import times, plain tslab ("before") vs the project kernel ("after"), through jupyter_client.
// Usage: node test/bench/kernel.mjs [--runs N]   (needs dist/ built: npx tsc -p tsconfig.json)
// Writes test/bench/results/kernel.json. Each run starts a fresh kernel, as a learner opening a notebook does:
//   start_ms          spawn -> kernel_info_reply (what jupyter_client waits for)
//   first_cell_ms     `1 + 1` sent right after that -> execute_reply (the kernel can run code)
//   first_import_ms   `import * as Plot from "@observablehq/plot"` (or "docker-net-lab") sent next -> execute_reply,
//                     either at once ("pause_s": 0) or after a pause, as when the learner first reads the lab's intro
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const { kernelSpec } = await import(join(root, "dist", "setup", "kernelspec.js"));

const jupyterPath = mkdtempSync(join(tmpdir(), "dnl-bench-kernel-"));
const install = (name, spec) => {
  mkdirSync(join(jupyterPath, "kernels", name), { recursive: true });
  writeFileSync(join(jupyterPath, "kernels", name, "kernel.json"), JSON.stringify(spec));
};
install("dnl-bench-project", kernelSpec());
install("dnl-bench-tslab", {
  argv: [process.execPath, join(root, "node_modules", "tslab", "bin", "tslab"), "kernel", "--config-path", "{connection_file}"],
  display_name: "tslab",
  language: "typescript",
  interrupt_mode: "signal",
});

const imports = {
  plot: { code: 'import * as Plot from "@observablehq/plot";\ntypeof Plot.plot', cwd: root },
  "docker-net-lab": { code: 'import * as dnl from "docker-net-lab";\ntypeof dnl.snapshot', cwd: join(root, "labs", "01-docker0") },
};

const once = (kernel, what, env, pause) => {
  const steps = [{ execute: "1 + 1" }, ...(pause > 0 ? [{ sleep: pause }] : []), { execute: what.code }];
  const script = { kernel, cwd: what.cwd, steps };
  const out = execFileSync("/usr/bin/python3", [join(root, "test", "kernel", "kernel_client.py")], {
    input: JSON.stringify(script),
    env: { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: join(jupyterPath, "data"), ...env },
    stdio: ["pipe", "pipe", "ignore"],
    timeout: 120_000,
  });
  const result = JSON.parse(String(out));
  if (result.error) throw new Error(`${kernel}: ${result.error}`);
  const first = result.steps[0];
  const imported = result.steps.at(-1);
  const text = (step) => JSON.stringify(step.outputs);
  const ok = imported.reply.status === "ok" && /function/.test(text(imported));
  if (!ok) console.error(`${kernel} ${what.code}: ${JSON.stringify(imported.reply).slice(0, 400)} ${text(imported).slice(0, 400)}`);
  return { start_ms: result.kernel_info_ms, first_cell_ms: first.ms, first_import_ms: imported.ms, ok };
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]);
};

const variants = [
  { name: "before: plain tslab 1.0.22", kernel: "dnl-bench-tslab", env: {} },
  { name: "after: project kernel, no preload", kernel: "dnl-bench-project", env: { DNL_KERNEL_PRELOAD: "none" } },
  { name: "after: project kernel (default: preloads docker-net-lab)", kernel: "dnl-bench-project", env: {} },
];

const { cpus, loadavg } = await import("node:os");
const loadBefore = loadavg()[0];
const results = [];
try {
  // Round-robin over the variants, so load from other processes on this machine hits all of them alike.
  const samples = new Map();
  for (let i = 0; i < runs; i++) {
    for (const pause of [0, 3]) {
      for (const variant of variants) {
        for (const [module, what] of Object.entries(imports)) {
          const key = JSON.stringify([variant.name, module, pause]);
          if (!samples.has(key)) samples.set(key, []);
          samples.get(key).push(once(variant.kernel, what, variant.env, pause));
        }
      }
    }
  }
  for (const [key, list] of samples) {
    const [variant, module, pause] = JSON.parse(key);
    const row = {
      variant,
      import: module,
      pause_s: pause,
      runs,
      all_ok: list.every((s) => s.ok),
      start_ms: median(list.map((s) => s.start_ms)),
      first_cell_ms: median(list.map((s) => s.first_cell_ms)),
      first_import_ms: median(list.map((s) => s.first_import_ms)),
      start_to_import_done_ms: median(list.map((s) => s.start_ms + s.first_cell_ms + pause * 1000 + s.first_import_ms)),
    };
    results.push(row);
    console.log(JSON.stringify(row));
  }
} finally {
  rmSync(jupyterPath, { recursive: true, force: true });
}

const out = join(root, "test", "bench", "results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "kernel.json"),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      load_average_1min: { before: loadBefore, after: loadavg()[0] },
      note: "medians; times in ms; measured through jupyter_client (test/kernel/kernel_client.py); wall clock, so a loaded machine inflates every number",
      results,
    },
    null,
    2,
  )}\n`,
);
