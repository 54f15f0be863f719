// Kernel start and first-import times, plain tslab ("before") vs the project kernel ("after"), through jupyter_client.
// Usage: node test/bench/kernel.mjs [--runs N]   (needs dist/ built: npx tsc -p tsconfig.json)
// Writes test/bench/results/kernel.json. Each sample starts a fresh kernel, as a learner opening a notebook does:
//   start_ms         spawn -> kernel_info_reply (what jupyter_client waits for before it calls the kernel ready)
//   first_cell_ms    the first cell -> its execute_reply; the first cell is `1 + 1` (time to run any code),
//                    `import * as Plot from "@observablehq/plot"` or `import * as dnl from "docker-net-lab"`,
//                    sent at once (pause_s 0: headless runs, the grader) or after 3 s (a learner reading the intro)
//   start_to_first_cell_done_ms   start_ms + pause + first_cell_ms
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
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

const firstCells = [
  { name: "1 + 1", code: "1 + 1", expect: /\b2\b/, cwd: root, pauses: [0] },
  { name: "import @observablehq/plot", code: 'import * as Plot from "@observablehq/plot";\ntypeof Plot.plot', expect: /function/, cwd: root, pauses: [0, 3] },
  {
    name: "import docker-net-lab",
    code: 'import * as dnl from "docker-net-lab";\ntypeof dnl.snapshot',
    expect: /function/,
    cwd: join(root, "labs", "01-docker0"),
    pauses: [0, 3],
  },
];

// The compile cache (src/kernel/compile-cache.ts) is filled by a warm-up pass first, as a learner's earlier session or
// an earlier graded submission of the same lab does; "compile cache off" compiles every cell, as the kernel did before.
const variants = [
  { name: "before: plain tslab 1.0.22", kernel: "dnl-bench-tslab", env: {} },
  { name: "project kernel, compile cache off (every cell compiled)", kernel: "dnl-bench-project", env: { DNL_COMPILE_CACHE: "off" } },
  { name: "after: project kernel, preload off", kernel: "dnl-bench-project", env: { DNL_KERNEL_PRELOAD: "none" } },
  { name: "project kernel without the TypeScript code cache (DNL_CODE_CACHE=off)", kernel: "dnl-bench-project", env: { DNL_CODE_CACHE: "off" } },
  { name: "after: project kernel (default: preloads docker-net-lab)", kernel: "dnl-bench-project", env: {} },
];

const once = (variant, cell, pause) => {
  const steps = [...(pause > 0 ? [{ sleep: pause }] : []), { execute: cell.code }];
  const out = execFileSync("/usr/bin/python3", [join(root, "test", "kernel", "kernel_client.py")], {
    input: JSON.stringify({ kernel: variant.kernel, cwd: cell.cwd, steps }),
    env: { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: join(jupyterPath, "data"), ...variant.env },
    stdio: ["pipe", "pipe", "ignore"],
    timeout: 120_000,
  });
  const result = JSON.parse(String(out));
  if (result.error) throw new Error(`${variant.kernel}: ${result.error}`);
  const step = result.steps.at(-1);
  const ok = step.reply.status === "ok" && cell.expect.test(JSON.stringify(step.outputs));
  if (!ok) console.error(`${variant.name}, ${cell.name}: ${JSON.stringify(step.reply).slice(0, 300)} ${JSON.stringify(step.outputs).slice(0, 300)}`);
  return { start_ms: result.kernel_info_ms, first_cell_ms: step.ms, ok };
};

const median = (values) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);

const loadBefore = loadavg()[0];
const samples = new Map();
try {
  for (const cell of firstCells) once(variants.at(-1), cell, 0); // fills the compile cache
  // Round-robin over the variants, so load from other processes on this machine hits all of them alike.
  for (let i = 0; i < runs; i++) {
    for (const cell of firstCells) {
      for (const pause of cell.pauses) {
        for (const variant of variants) {
          const key = JSON.stringify([variant.name, cell.name, pause]);
          samples.set(key, [...(samples.get(key) ?? []), once(variant, cell, pause)]);
        }
      }
    }
  }
} finally {
  rmSync(jupyterPath, { recursive: true, force: true });
}

const results = [...samples].map(([key, list]) => {
  const [variant, firstCell, pause] = JSON.parse(key);
  return {
    variant,
    first_cell: firstCell,
    pause_s: pause,
    runs,
    all_ok: list.every((s) => s.ok),
    start_ms: median(list.map((s) => s.start_ms)),
    first_cell_ms: median(list.map((s) => s.first_cell_ms)),
    start_to_first_cell_done_ms: median(list.map((s) => s.start_ms + pause * 1000 + s.first_cell_ms)),
  };
});
for (const row of results) console.log(JSON.stringify(row));

const out = join(root, "test", "bench", "results");
mkdirSync(out, { recursive: true });
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  load_average_1min: { before: loadBefore, after: loadavg()[0] },
  note: "medians over runs; ms; through jupyter_client (test/kernel/kernel_client.py); wall clock on a shared machine, so load inflates every number",
  results,
};
writeFileSync(join(out, "kernel.json"), `${JSON.stringify(report, null, 2)}\n`);
