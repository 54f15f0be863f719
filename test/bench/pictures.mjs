// The picture's layout time for 60 containers: the namespace-and-cable layout (src/render/layout.ts) against the old
// tree layout it replaced (src/render/topology-plot.ts at commit 00cd863, taken from git and transpiled here), on the
// same synthetic host (test/topology/synthetic.ts's bridgedHost: 30 containers on docker0, 20 on a user bridge, 10
// more on docker0), and the whole SVG (layout + Plot) for both. No engine needed.
// Usage: node test/bench/pictures.mjs [--runs 30]   (needs dist/ built). Writes test/bench/results/pictures.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = join(root, "dist");
const baseline = "00cd863";
const runs = process.argv.includes("--runs") ? Number(process.argv[process.argv.indexOf("--runs") + 1]) : 30;
// Under node_modules, so the transpiled files resolve packages (@observablehq/plot) as the checkout does.
const tmp = mkdtempSync(join(root, "node_modules", ".dnl-bench-pictures-"));

// A TypeScript file (`from`: its folder in the checkout) as an ES module in tmp, its imports of src/ pointed at dist/.
const load = async (name, source, from) => {
  const rewritten = source.replace(/from "((?:\.\.?\/)+[^"]+)"/g, (_all, path) => {
    const target = join(root, from, path).replace(join(root, "src"), dist);
    return `from "${pathToFileURL(target).href}"`;
  });
  const js = ts.transpileModule(rewritten, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  writeFileSync(join(tmp, name), js);
  return import(pathToFileURL(join(tmp, name)).href);
};

try {
  const synthetic = await load("synthetic.js", readFileSync(join(root, "test/topology/synthetic.ts"), "utf8"), "test/topology");
  const fixed = synthetic.bridgedHost(
    Array.from({ length: 60 }, (_, i) => [
      `dnl-s1-bench-${String(i).padStart(2, "0")}`,
      i % 3 === 2 ? "user" : "bridge",
      2 + Math.floor(i / 3) * 2 + (i % 3 === 2 ? 0 : i % 3),
    ]),
  );
  const now = await import(join(dist, "render", "topology-plot.js"));
  let old = null;
  try {
    const source = execFileSync("git", ["show", `${baseline}:src/render/topology-plot.ts`], { cwd: root, encoding: "utf8" });
    old = await load("old-topology-plot.js", source, "src/render");
  } catch (error) {
    process.stderr.write(`no baseline (git show ${baseline} failed: ${error.message.split("\n")[0]}): new layout only\n`);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (fn) => {
    for (let i = 0; i < 3; i++) fn();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      globalThis.gc?.();
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
    }
    return { medianMs: Math.round(median(samples) * 100) / 100, minMs: Math.round(Math.min(...samples) * 100) / 100 };
  };
  const layout = time(() => now.layoutTopology(fixed));
  const svg = time(() => now.topologySvg(fixed, { title: "60 containers" }));
  const oldLayout = old ? time(() => old.layoutTopology(fixed)) : null;
  const oldSvg = old ? time(() => old.topologySvg(fixed, { title: "60 containers" })) : null;
  const drawn = now.layoutTopology(fixed);
  const result = {
    date: new Date().toISOString(),
    containers: 60,
    runs,
    machine: { cpus: cpus().length, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) },
    layout: { ...layout, boxes: drawn.boxes.length, labels: drawn.labels.length, width: drawn.width, height: drawn.height },
    svg: { ...svg, bytes: now.topologySvg(fixed).length },
    baseline: old
      ? {
          commit: baseline,
          what: "the old tree layout (host -> bridges -> grid of containers)",
          layout: oldLayout,
          svg: { ...oldSvg, bytes: old.topologySvg(fixed).length },
        }
      : null,
    // new / old: of the medians, and of the minimums (the figure least disturbed by a loaded machine).
    ratio: old
      ? {
          layout: Math.round((layout.medianMs / oldLayout.medianMs) * 100) / 100,
          layoutMin: Math.round((layout.minMs / oldLayout.minMs) * 100) / 100,
          svg: Math.round((svg.medianMs / oldSvg.medianMs) * 100) / 100,
          svgMin: Math.round((svg.minMs / oldSvg.minMs) * 100) / 100,
        }
      : null,
  };
  mkdirSync(join(root, "test/bench/results"), { recursive: true });
  writeFileSync(join(root, "test/bench/results/pictures.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `layout of 60 containers: median ${layout.medianMs} ms, min ${layout.minMs} ms (old tree layout ${oldLayout?.medianMs ?? "?"} / ${oldLayout?.minMs ?? "?"} ms: ratio ${result.ratio?.layout ?? "?"} / ${result.ratio?.layoutMin ?? "?"}); whole SVG ${svg.medianMs} / ${svg.minMs} ms (old ${oldSvg?.medianMs ?? "?"} / ${oldSvg?.minMs ?? "?"} ms: ratio ${result.ratio?.svg ?? "?"} / ${result.ratio?.svgMin ?? "?"})\n`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
