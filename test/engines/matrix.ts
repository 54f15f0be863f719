// The engine matrix as vitest suites: per engine, build (or reuse) its root, start it as a private engine, run
// `setup` twice inside, then each lab's own test file (test/labs/labNN.test.ts: solutions pass, blank fails with
// hints, whole notebook with teardown, setup twice, no residue, bystanders untouched) inside the engine's root and
// network namespace; at the end nothing of the engine is left on the host and the host's engine is untouched.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountsUnder } from "../../src/exec/daemon.js";
import { challenges as challengeDefinitions } from "../../src/challenges/registry.js";
import { toolboxImage } from "../../src/setup/image.js";
import { repoRoot } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { ensureRootfs } from "../helpers/rootfs.js";
import { bystanders } from "../labs/lab-harness.js";
import { engineLeftovers, learnerDockerdPid } from "../labs/engine-residue.js";
import { labProcessArgv, startMatrixEngine, stopMatrixEngine, type MatrixEngine, type MatrixEngineOptions } from "./engine.js";
import { engineRoots, type EngineRoot } from "./roots.js";
import { challengeMatrixTable, matrixTable } from "./table.js";

/** What one lab's test file (or one challenge's tests) reported on one engine (a row cell of the lab x engine table). */
export interface LabResult {
  /** `03`, or a challenge id (`c1`): test/challenges/challenges.test.ts narrowed to it. */
  readonly lab: string;
  readonly engine: string;
  readonly docker: string;
  readonly userlandProxy: boolean;
  readonly testsPassed: number;
  readonly tests: number;
  /** `labs run NN --solutions` (a challenge: `challenge run cN --solution`): checks passed / checks, and its time. */
  readonly solutions: { readonly passed: number; readonly checks: number; readonly durationMs?: number } | null;
  /** `labs run NN` blank: checks failed with a hint / checks. */
  readonly blank: { readonly failed: number; readonly checks: number } | null;
  readonly failures: readonly string[];
  readonly seconds: number;
}

export const allLabs = ["01", "02", "03", "04", "05", "06", "07", "08"] as const;
export const allChallenges = challengeDefinitions.map((definition) => definition.id);

const listFromEnv = (name: string, all: readonly string[]): string[] => {
  const text = process.env[name]?.trim();
  if (!text) return [...all];
  const chosen = text.split(/[\s,]+/).filter(Boolean);
  const unknown = chosen.filter((item) => !all.includes(item));
  if (unknown.length) throw new Error(`${name}=${text}: unknown ${unknown.join(", ")} (choose from ${all.join(", ")})`);
  return chosen;
};

/** One column of the matrix: an engine root, and whether its dockerd runs with the userland proxy. */
export interface MatrixVariant {
  /** d20, d26, d28, or d28np (Docker 28.5 with --userland-proxy=false). */
  readonly id: string;
  readonly spec: EngineRoot;
  readonly userlandProxy: boolean;
}

export const matrixVariants: readonly MatrixVariant[] = [
  ...engineRoots.map((spec) => ({ id: spec.id, spec, userlandProxy: true })),
  { id: "d28np", spec: engineRoots.find((spec) => spec.id === "d28") as EngineRoot, userlandProxy: false },
];

/**
 * Columns, labs and challenges to run: DNL_ENGINES (d20,d26,d28,d28np), DNL_ENGINE_LABS (01…08) and
 * DNL_ENGINE_CHALLENGES (c1…c8), default all; `none` for no labs or no challenges.
 */
export const matrixSelection = () => ({
  engines: listFromEnv(
    "DNL_ENGINES",
    matrixVariants.map((variant) => variant.id),
  ),
  labs: process.env.DNL_ENGINE_LABS?.trim() === "none" ? [] : listFromEnv("DNL_ENGINE_LABS", allLabs),
  challenges: process.env.DNL_ENGINE_CHALLENGES?.trim() === "none" ? [] : listFromEnv("DNL_ENGINE_CHALLENGES", allChallenges),
});

const log =
  (spec: EngineRoot, userlandProxy = true) =>
  (line: string) =>
    console.log(`[${spec.id}${userlandProxy ? "" : "np"}] ${line}`);

// Run a command as the engine's lab process; returns its output (never throws).
const inEngine = async (engine: MatrixEngine, command: readonly string[], env: Record<string, string> = {}, timeout = 1_800_000) => {
  const argv = labProcessArgv(engine, command, { checkout: repoRoot, env });
  const result = await execa(argv[0] as string, argv.slice(1), { reject: false, timeout, all: true });
  return { exitCode: result.exitCode ?? -1, output: String(result.all ?? ""), timedOut: result.timedOut };
};

interface VitestJson {
  numTotalTests: number;
  numPassedTests: number;
  testResults: { message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

interface LabRunLine {
  lab: string;
  solutions: boolean;
  checks: number;
  checksPassed: number;
  durationMs: number;
}

const isChallenge = (id: string): boolean => /^c\d+$/.test(id);

/** Run one lab's test file (or the challenges' test file narrowed to one challenge) inside the engine; its results, also when it fails. */
export const runLabInside = async (engine: MatrixEngine, lab: string): Promise<{ result: LabResult; output: string }> => {
  const reports = join(engine.paths.dir, "reports");
  await mkdir(reports, { recursive: true });
  const started = performance.now();
  const file = isChallenge(lab) ? "test/challenges/challenges.test.ts" : `test/labs/lab${lab}.test.ts`;
  const run = await inEngine(engine, ["node", "node_modules/vitest/vitest.mjs", "run", "--config", "test/engines/inside.config.ts", file], {
    CI: "1", // strict residue checks: nothing else runs on this engine
    DNL_LAB_REPORT: join(engine.inside.dir, "reports", `lab${lab}.jsonl`),
    DNL_INNER_REPORT: join(engine.inside.dir, "reports", `lab${lab}.json`),
    ...(isChallenge(lab) ? { DNL_CHALLENGES: lab } : {}),
  });
  const seconds = Math.round((performance.now() - started) / 1000);
  const json = await readFile(join(reports, `lab${lab}.json`), "utf8").then(
    (text) => JSON.parse(text) as VitestJson,
    () => null,
  );
  const lines = (await readFile(join(reports, `lab${lab}.jsonl`), "utf8").catch(() => ""))
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabRunLine);
  const solved = lines.find((line) => line.solutions && line.lab === lab);
  const blank = lines.find((line) => !line.solutions && line.lab === lab);
  const failures = json
    ? json.testResults.flatMap((file) => [
        ...(file.message ? [`suite: ${file.message.slice(0, 600)}`] : []),
        ...file.assertionResults.filter((test) => test.status !== "passed").map((test) => `${test.fullName}: ${test.failureMessages.join(" ").slice(0, 600)}`),
      ])
    : [`no vitest report (exit ${run.exitCode}${run.timedOut ? ", timed out" : ""})`];
  return {
    output: run.output,
    result: {
      lab,
      engine: engine.options.userlandProxy === false ? `${engine.spec.id}np` : engine.spec.id,
      docker: engine.version,
      userlandProxy: engine.options.userlandProxy !== false,
      testsPassed: json?.numPassedTests ?? 0,
      tests: json?.numTotalTests ?? 0,
      solutions: solved ? { passed: solved.checksPassed, checks: solved.checks, durationMs: solved.durationMs } : null,
      blank: blank ? { failed: blank.checks - blank.checksPassed, checks: blank.checks } : null,
      failures,
      seconds,
    },
  };
};

/** Merge results into test/artifacts/engine-matrix.json (the lab x engine table is rendered from it); print the table. */
const recordResults = async (results: readonly LabResult[]): Promise<void> => {
  const file = join(repoRoot, "test", "artifacts", "engine-matrix.json");
  await mkdir(join(repoRoot, "test", "artifacts"), { recursive: true });
  const previous = await readFile(file, "utf8").then(
    (text) => JSON.parse(text) as { date: string; results: LabResult[] },
    () => ({ date: "", results: [] as LabResult[] }),
  );
  const key = (r: LabResult) => `${r.engine}/${r.lab}`;
  const merged = [...previous.results.filter((r) => !results.some((n) => key(n) === key(r))), ...results];
  await writeFile(file, `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), results: merged }, null, 2)}\n`);
  console.log(`lab x engine (${file}):\n${matrixTable(merged)}\n\nchallenge x engine:\n${challengeMatrixTable(merged)}`);
};

/** One engine's suite (call at the top level of a test file). */
export const engineSuite = (
  spec: EngineRoot,
  labs: readonly string[],
  options: Omit<MatrixEngineOptions, "log"> = {},
  challenges: readonly string[] = [],
): void => {
  const variant = options.userlandProxy === false ? ", --userland-proxy=false" : "";
  describe(`Docker ${spec.docker} from ${spec.distribution}${variant}, as a private engine in its own root and network namespace`, () => {
    let engine: MatrixEngine | null = null;
    let hostDockerd = "";
    const hostBystanders = bystanders();
    const results: LabResult[] = [];

    beforeAll(async () => {
      await requireEngine();
      await hostBystanders.create();
      hostDockerd = await learnerDockerdPid();
      const root = await ensureRootfs({ suite: spec.suite, packages: spec.packages, log: log(spec, options.userlandProxy !== false) });
      engine = await startMatrixEngine(spec, root, { ...options, log: log(spec, options.userlandProxy !== false) });
    }, 1_800_000); // a first run builds the root: debootstrap + apt, minutes

    afterAll(async () => {
      if (engine) await stopMatrixEngine(engine);
      await hostBystanders.remove();
      if (results.length) await recordResults(results);
    }, 120_000);

    it(`runs the distribution's Docker ${spec.docker}`, () => {
      expect(engine?.version.startsWith(`${spec.docker}.`)).toBe(true);
    });

    it("setup inside the root finds the engine, builds the toolbox image into it, and a second setup changes nothing", async () => {
      const current = engine as MatrixEngine;
      const first = await inEngine(current, ["node", "dist/cli/bin.js", "setup"], {}, 600_000);
      expect(first.output).toMatch(/docker engine/);
      expect(first.exitCode, first.output).toBe(0);
      expect((await execa("docker", ["--host", current.host, "image", "inspect", toolboxImage], { reject: false })).exitCode).toBe(0);
      const second = await inEngine(current, ["node", "dist/cli/bin.js", "setup"], {}, 600_000);
      expect(second.exitCode, second.output).toBe(0);
      expect(second.output).not.toMatch(/^(building|installing|installed|downloading)/im);
    }, 1_200_000);

    for (const lab of labs) {
      it(`lab ${lab}: its whole test file passes inside (solutions pass, blank fails with hints, setup twice, no residue)`, async () => {
        const { result, output } = await runLabInside(engine as MatrixEngine, lab);
        results.push(result);
        console.log(
          `[${result.engine}] lab ${lab}: ${result.testsPassed}/${result.tests} tests, solutions ${result.solutions?.passed}/${result.solutions?.checks} checks, blank ${result.blank?.failed}/${result.blank?.checks} failing, ${result.seconds} s`,
        );
        expect(result.failures, output.slice(-6000)).toEqual([]);
        expect(result.tests).toBeGreaterThan(0);
      }, 1_800_000);
    }

    for (const challenge of challenges) {
      it(`challenge ${challenge}: its tests pass inside (start fails with first hints naming no command, the solution passes headless, reset, the wrong solution caught, no residue)`, async () => {
        const { result, output } = await runLabInside(engine as MatrixEngine, challenge);
        results.push(result);
        console.log(
          `[${result.engine}] challenge ${challenge}: ${result.testsPassed}/${result.tests} tests, run --solution ${result.solutions?.passed}/${result.solutions?.checks} checks in ${((result.solutions?.durationMs ?? 0) / 1000).toFixed(1)} s, ${result.seconds} s`,
        );
        expect(result.failures, output.slice(-6000)).toEqual([]);
        expect(result.tests).toBeGreaterThan(0);
      }, 1_800_000);
    }

    it("stopping the engine leaves nothing on the host; the host's engine and its bystanders are untouched", async () => {
      const current = engine as MatrixEngine;
      await stopMatrixEngine(current);
      expect(await engineLeftovers(current.session, spec.id)).toEqual([]);
      expect(await mountsUnder([current.root])).toEqual([]);
      expect(await learnerDockerdPid()).toBe(hostDockerd);
      await hostBystanders.expectUntouched();
    }, 120_000);
  });
};
