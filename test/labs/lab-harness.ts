// Shared steps of the lab tests (02-08): bystanders that must survive, residue checks scoped to one run, CLI and notebook runs.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect } from "vitest";
import { executeNotebook, notebookPath, type NotebookRun } from "../../src/labs/notebook.js";
import { answerKey } from "../../src/labs/answer-key.js";
import { findLab } from "../../src/labs/registry.js";
import { newSessionId } from "../../src/labs/session.js";
import { givenAway } from "../helpers/answers.js";
import { expectNoEngineResidue } from "./engine-residue.js";
import { runCli } from "../helpers/cli.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";

export interface RunJson {
  lab: string;
  session: string;
  passed: boolean;
  durationMs: number;
  notebook: { status: string; durationMs: number; cells: { id: string | null; error: { ename: string; evalue: string } | null }[] };
  checks: {
    id: string;
    passed: boolean;
    hint: string | null;
    hints: string[];
    hintLevel: number;
    hintLevels: number;
    message: string;
    evidence: Record<string, unknown>;
  }[];
}

/** An unlabeled container, network and namespace the lab must not touch. */
export interface Bystanders {
  readonly name: string;
  readonly create: () => Promise<void>;
  readonly expectUntouched: () => Promise<void>;
  readonly remove: () => Promise<void>;
}

// `bystander-<random>`: no dnl prefix, no labels, so nothing of ours may ever remove it. It sleeps a day: a suite on a
// loaded machine (the engine matrix) can outlast a shorter sleep, and a bystander that exited by itself is a false alarm.
export const bystanders = (): Bystanders => {
  const name = `bystander-${newSessionId()}`;
  return {
    name,
    create: async () => {
      await execa("docker", ["run", "-d", "--name", name, "docker-net-lab/toolbox:0.1.0", "sleep", "86400"]);
      await execa("docker", ["network", "create", name]);
      await execa("ip", ["netns", "add", name]);
    },
    expectUntouched: async () => {
      expect(String((await execa("docker", ["inspect", "-f", "{{.State.Running}}", name])).stdout).trim()).toBe("true");
      expect((await execa("docker", ["network", "inspect", name], { reject: false })).exitCode).toBe(0);
      expect(String((await execa("ip", ["netns", "list"])).stdout)).toContain(name);
    },
    remove: async () => {
      await execa("docker", ["rm", "-f", name], { reject: false });
      await execa("docker", ["network", "rm", name], { reject: false });
      await execa("ip", ["netns", "delete", name], { reject: false });
    },
  };
};

/** What every lab suite starts from: the engine, bystanders that must survive, and the host state before the tests. */
export interface LabSuite {
  readonly others: Bystanders;
  /** Host state taken after the bystanders were made (valid inside tests). */
  readonly before: () => HostState;
  /** The bystanders are untouched and nothing of these sessions (or mentioning `needles`) is left on the host. */
  readonly leavesNothing: (sessions: readonly string[], needles?: readonly string[]) => Promise<void>;
}

/** Register the suite's hooks (call inside `describe`): require the engine, make the bystanders, remember the host state; remove the bystanders at the end. */
export const labSuite = (): LabSuite => {
  const others = bystanders();
  let before: HostState | null = null;
  beforeAll(async () => {
    await requireEngine();
    await others.create();
    before = await hostState();
  });
  afterAll(async () => {
    await others.remove();
  });
  const taken = (): HostState => {
    if (before === null) throw new Error("labSuite: the host state is taken in beforeAll; read it inside a test");
    return before;
  };
  return {
    others,
    before: taken,
    leavesNothing: async (sessions, needles = []) => {
      await others.expectUntouched();
      await expectNoResidueOf(taken(), sessions, needles);
    },
  };
};

/** Probe for runSetupTwice: the lab's params are the same after a second setup, `a` and `b` differ, and the keys. */
export const paramsProbe = (a: string, b: string): string => `const first = await lab.params();
await lab.setup();
const second = await lab.params();
console.log("PROBE " + JSON.stringify({ same: JSON.stringify(first) === JSON.stringify(second), distinct: first[${JSON.stringify(a)}] !== first[${JSON.stringify(b)}], keys: Object.keys(second).sort() }));`;

/** Probe for runSetupTwice in the labs with a private engine (07, 08): how many images, namespaces and daemons it has. */
const privateEngineProbe = `const engine = (await import("docker-net-lab")).privateEngine(lab);
const images = (await engine.exec(["docker", "images", "-q"], { quiet: true })).stdout.split("\\n").filter(Boolean).length;
const ns = (await lab.exec(["ip", "netns", "list"], { quiet: true })).stdout.split("\\n").filter((l) => l.startsWith(engine.netns)).length;
const daemons = (await lab.exec(["pgrep", "-f", engine.host], { quiet: true })).stdout.split("\\n").filter(Boolean).length;
console.log("PROBE " + JSON.stringify({ images, ns, daemons }));`;

/** Labs with a private engine (07, 08): setup twice leaves one dockerd, one namespace, the image loaded once, and nothing after teardown. */
export const expectPrivateEngineSetupTwice = async (id: string, suite: LabSuite): Promise<void> => {
  const session = newSessionId();
  const { run, probe } = await runSetupTwice(id, session, privateEngineProbe);
  expect(run.status).toBe("ok");
  expect(run.cells.filter((cell) => cell.error)).toEqual([]);
  expect(probe).toEqual({ images: 1, ns: 1, daemons: 1 });
  await suite.leavesNothing([session]);
  await expectNoEngineResidue(session, id);
};

/**
 * Nothing of one run is left: everything added since `before` must not mention the run's session or any of `needles`
 * (subnets, ports, bridge names the run used). Other engineers' tests share this engine, so objects they add or remove
 * meanwhile are not counted against us; the bystanders are checked by name instead.
 */
export const expectNoResidueOf = async (before: HostState, sessions: readonly string[], needles: readonly string[] = []): Promise<void> => {
  const after = await hostState();
  const names = async (kind: "container" | "network", ids: string[]) =>
    ids.length
      ? String(
          (
            await execa(
              "docker",
              [
                kind === "container" ? "inspect" : "network",
                ...(kind === "network" ? ["inspect"] : []),
                "-f",
                kind === "container" ? "{{.Name}} {{json .Config.Labels}}" : "{{.Name}} {{json .Labels}}",
                ...ids,
              ],
              { reject: false },
            )
          ).stdout,
        ).split("\n")
      : [];
  const added = (key: keyof HostState) => after[key].filter((item) => !before[key].includes(item));
  const marks = [...sessions.flatMap((s) => [`-${s}-`, `dnl${s}`, `"${s}"`]), ...needles.filter(Boolean)];
  const ours = (text: string) => marks.some((mark) => text.includes(mark));
  const leftovers = [
    ...(await names("container", added("containers"))).filter(ours).map((x) => `container ${x}`),
    ...(await names("network", added("networks"))).filter(ours).map((x) => `network ${x}`),
    ...added("namespaces")
      .filter(ours)
      .map((x) => `namespace ${x}`),
    ...added("links")
      .filter(ours)
      .map((x) => `link ${x}`),
    ...added("iptables")
      .filter(ours)
      .map((x) => `iptables ${x}`),
  ];
  const linksNow = after.links.join(" ");
  for (const session of sessions) expect(linksNow).not.toContain(`dnl${session}`);
  expect(leftovers).toEqual([]);
  // In CI nothing else runs on the engine: then the whole host must be exactly as before.
  if (process.env.CI) expect(after).toEqual(before);
};

/** `labs run <id> [--solutions] --json`, parsed. */
export const runLabCli = async (id: string, solutions: boolean): Promise<{ result: RunJson; exitCode: number; wallMs: number }> => {
  const started = performance.now();
  const { stdout, stderr, exitCode } = await runCli(["labs", "run", id, ...(solutions ? ["--solutions"] : []), "--json"]);
  const wallMs = Math.round(performance.now() - started);
  let parsed: RunJson[];
  try {
    parsed = JSON.parse(stdout) as RunJson[];
  } catch {
    throw new Error(`labs run ${id} printed no JSON (exit ${exitCode}): ${stderr.slice(-2000)}`);
  }
  return { result: parsed[0] as RunJson, exitCode, wallMs };
};

/** Execute the whole notebook, teardown cell included, with the reference solutions. */
export const runWholeNotebook = async (id: string, session: string): Promise<NotebookRun> => {
  const lab = findLab(id);
  const dir = await mkdtemp(join(tmpdir(), `dnl-lab${id}-`));
  try {
    return await executeNotebook({
      notebook: notebookPath(lab),
      session,
      cwd: join(notebookPath(lab), ".."),
      solutions: answerKey(lab),
      skipTags: [],
      out: join(dir, "executed.ipynb"),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** Run setup twice in one kernel, report what exists, then tear down; `probe` is TypeScript printing a JSON line. */
export const runSetupTwice = async (id: string, session: string, probe: string): Promise<{ run: NotebookRun; probe: unknown }> => {
  const lab = findLab(id);
  const dir = await mkdtemp(join(tmpdir(), `dnl-lab${id}-twice-`));
  try {
    const nb = join(dir, "twice.ipynb");
    const out = join(dir, "out.ipynb");
    const cell = (cellId: string, source: string) => ({ cell_type: "code", id: cellId, metadata: {}, execution_count: null, outputs: [], source });
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" } },
      cells: [
        cell("a", `import { openLab } from "docker-net-lab";\nconst lab = await openLab(${JSON.stringify(id)});\nawait lab.setup();\nawait lab.setup();`),
        cell("probe", probe),
        cell("b", "await lab.teardown();"),
      ],
    };
    await writeFile(nb, JSON.stringify(notebook));
    const run = await executeNotebook({ notebook: nb, session, cwd: join(notebookPath(lab), ".."), out });
    const executed = JSON.parse(await (await import("node:fs/promises")).readFile(out, "utf8")) as {
      cells: { id: string; outputs: { text?: string | string[] }[] }[];
    };
    const text =
      executed.cells
        .find((c) => c.id === "probe")
        ?.outputs.map((o) => (Array.isArray(o.text) ? o.text.join("") : (o.text ?? "")))
        .join("") ?? "";
    const line = text.split("\n").find((l) => l.startsWith("PROBE "));
    return { run, probe: line ? JSON.parse(line.slice("PROBE ".length)) : null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** `labs run ID --solutions`: the notebook ran clean and exactly `checkIds` passed, in that order. */
export const expectSolved = async (id: string, checkIds: readonly string[]): Promise<RunJson> => {
  const { result, exitCode, wallMs } = await runLabCli(id, true);
  expect(result.notebook.status).toBe("ok");
  expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
  expect(result.checks.filter((check) => !check.passed)).toEqual([]);
  expect(result.checks.map((check) => check.id)).toEqual(checkIds);
  expect(exitCode).toBe(0);
  console.log(`lab ${id} headless: ${wallMs} ms wall, notebook ${result.notebook.durationMs} ms`);
  return result;
};

/**
 * `labs run ID` with the exercises left blank: exit 1, and each of the `count` checks fails with a hint. With
 * `noAnswers`, the hints the grader shows (every level but the command) give no solution line or command away.
 */
export const expectBlankFails = async (id: string, count: number, options: { noAnswers?: boolean } = {}): Promise<RunJson> => {
  const { result, exitCode } = await runLabCli(id, false);
  expect(exitCode).toBe(1);
  expect(result.checks.length).toBe(count);
  for (const check of result.checks) {
    expectFailsWithHint(check);
    if (options.noAnswers) expect(givenAway(findLab(id), check.hints.join("\n")), `${check.id}'s hints in the grader's view`).toBeNull();
  }
  return result;
};

/**
 * A check that failed the way its lab means it to: looked at the host, found the work missing, and says what to do.
 * A check that crashed also fails with a hint (runCheck's default), so "has a hint" alone cannot tell them apart.
 */
export const expectFailsWithHint = (check: { id: string; passed: boolean; message: string; hint: string | null }): void => {
  expect(check.passed, check.id).toBe(false);
  expect(check.message, `${check.id} crashed instead of judging`).not.toMatch(/^The check could not look at the host/);
  expect(check.hint, check.id).toMatch(/\S{3}/);
};

/** The whole notebook, teardown cell included, with the solutions: no cell errors, at least `minChecks` passing check reports. */
export const expectWholeNotebookPasses = async (id: string, session: string, minChecks: number): Promise<NotebookRun> => {
  const run = await runWholeNotebook(id, session);
  expect(run.status).toBe("ok");
  expect(run.cells.filter((cell) => cell.error)).toEqual([]);
  expect(run.displayedChecks.length).toBeGreaterThanOrEqual(minChecks);
  expect(run.displayedChecks.filter((check) => !check.passed).map((check) => `${check.id}: ${check.message}`)).toEqual([]);
  return run;
};

/** A throwaway notebook of code cells (id -> source), run through the real kernel in a session; the executed cells come back. */
export const runCells = async (
  id: string,
  session: string,
  cells: readonly (readonly [string, string])[],
): Promise<{ run: NotebookRun; outputs: Map<string, { text: string; errors: string[] }> }> => {
  const lab = findLab(id);
  const dir = await mkdtemp(join(tmpdir(), `dnl-lab${id}-cells-`));
  try {
    const nb = join(dir, "cells.ipynb");
    const out = join(dir, "out.ipynb");
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" } },
      cells: cells.map(([cellId, source]) => ({ cell_type: "code", id: cellId, metadata: {}, execution_count: null, outputs: [], source })),
    };
    await writeFile(nb, JSON.stringify(notebook));
    const run = await executeNotebook({ notebook: nb, session, cwd: join(notebookPath(lab), ".."), out });
    const executed = JSON.parse(await (await import("node:fs/promises")).readFile(out, "utf8")) as {
      cells: { id: string; outputs: { output_type: string; text?: string | string[]; evalue?: string; data?: Record<string, unknown> }[] }[];
    };
    const outputs = new Map(
      executed.cells.map((cell) => [
        cell.id,
        {
          text: cell.outputs.map((o) => (Array.isArray(o.text) ? o.text.join("") : (o.text ?? String(o.data?.["text/plain"] ?? "")))).join(""),
          errors: cell.outputs.filter((o) => o.output_type === "error").map((o) => o.evalue ?? ""),
        },
      ]),
    );
    return { run, outputs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/**
 * The teaching mechanics of a reworked lab, in the real kernel on a fresh session with nothing solved:
 * - every visible check fails at hint level 1, and no level-1 hint gives a solution away;
 * - `checkId` failing twice shows level 2, and lab.hint(checkId) one more;
 * - the troubleshooting check fails after the scenario ran (it is broken);
 * - a prediction recorded after its observation is refused.
 * With `scenarioNeedsWork`, the scenario may refuse to start in a blank session, saying which exercise comes first
 * (lab 08's needs the swarm of exercise 1); its check must still fail.
 */
export const expectTeachingMechanics = async (id: string, checkId: string, options: { scenarioNeedsWork?: boolean } = {}): Promise<void> => {
  const lab = findLab(id);
  const prediction = lab.predictions?.[0]?.id;
  expect(prediction, `lab ${id} has predictions`).toBeTruthy();
  expect(lab.troubleshoot, `lab ${id} has a troubleshooting exercise`).toBeTruthy();
  const troubleshootCheck = lab.checks.find((c) => c.role === "troubleshoot")?.id;
  const session = newSessionId();
  const { run, outputs } = await runCells(id, session, [
    ["open", `import { openLab } from "docker-net-lab";\nconst lab = await openLab(${JSON.stringify(id)});\nawait lab.setup();`],
    ["all", "await lab.check();"],
    ["again", `await lab.check(${JSON.stringify(checkId)});`],
    ["ask", `await lab.hint(${JSON.stringify(checkId)});`],
    ["scenario", "await lab.scenario();"],
    ["broken", troubleshootCheck ? `await lab.check(${JSON.stringify(troubleshootCheck)});` : "1;"],
    ["observe", `await lab.observe(${JSON.stringify(prediction)}, async () => "seen");`],
    ["late", `await lab.predict(${JSON.stringify(prediction)}, "seen");`],
    ["down", "await lab.teardown();"],
  ]);
  expect(run.status, run.message).toBe("ok");
  expect(run.cells.filter((cell) => cell.error && cell.id !== "late" && !(options.scenarioNeedsWork && cell.id === "scenario"))).toEqual([]);
  if (options.scenarioNeedsWork && outputs.get("scenario")?.errors.length) expect(outputs.get("scenario")?.errors.join("")).toMatch(/first/i);
  const reports = run.displayedChecks;
  const visible = lab.checks.filter((c) => !c.hidden);
  const first = reports.slice(0, visible.length);
  expect(first.map((r) => r.id)).toEqual(visible.map((c) => c.id));
  for (const result of first) {
    expect(result.passed, result.id).toBe(false);
    expect(result.hintLevel, result.id).toBe(1);
    expect(givenAway(lab, result.hints.join("\n")), `${result.id}'s first hint`).toBeNull();
  }
  const [again, asked, broken] = reports.slice(visible.length);
  expect(again).toMatchObject({ id: checkId, hintLevel: 2 });
  expect(asked!.hintLevel).toBe(Math.min(3, asked!.hintLevels));
  expect(asked!.hintLevels).toBeGreaterThanOrEqual(2);
  if (troubleshootCheck) expect(broken).toMatchObject({ id: troubleshootCheck, passed: false, evidence: expect.objectContaining({ fixed: false }) });
  expect(outputs.get("late")?.errors.join("")).toMatch(/a prediction recorded after seeing the result is refused/);
};
