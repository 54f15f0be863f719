// Running a challenge in a session: start (the starting state), check (gather once, judge each check, hints in
// levels as in the labs), hint, reset, teardown; and headless, for tests and instructors: a fresh session, the
// reference solution on request, the grader's view of the checks, teardown whatever happens.
import { allButCommand, type CheckResult, type HintLevelChoice } from "../checks/check.js";
import { EnvironmentError, UsageError } from "../errors.js";
import type { LabContext } from "../labs/definition.js";
import { engineElsewhere } from "../labs/preconditions.js";
import { LabSession } from "../labs/session.js";
import { removeLabelled } from "../labs/teardown.js";
import { LearnerShell } from "../labs/shell.js";
import { PrivateEngine } from "../labs/private-engine.js";
import { requireToolboxImage, toolboxImage } from "../setup/image.js";
import { enginePlace } from "../setup/engine-place.js";
import { type Gathered, judgeOne } from "./judging.js";
import { resultOf } from "../checks/check.js";
import { levelsFrom } from "../labs/hint-levels.js";
import type { ChallengeCheck, ChallengeDefinition, Params, Step } from "./model.js";

export type { Gathered } from "./judging.js";
import { containerPid } from "./net.js";
import { engineOptions, fill, stepArgv } from "./steps.js";

// A running container's pid, or a usage error (a step into its namespace needs it running).
const pidOf = async (container: string): Promise<string> => {
  const pid = await containerPid(container);
  if (pid === null) throw new UsageError(`${container} is not running.`, { hint: "Start the challenge (start or reset)." });
  return String(pid);
};

/** The context of a challenge in a session (the same shape the labs get). */
export const challengeContext = (definition: ChallengeDefinition, session: string, log: (line: string) => void = () => undefined): LabContext => ({
  session: new LabSession(session, definition.id),
  image: toolboxImage,
  log,
});

/** The private engine of a challenge in a session (challenges that need one start it in their setup). */
export const challengeEngine = (context: LabContext): PrivateEngine => new PrivateEngine(context.session, context.log);

/** A challenge opened in a session. */
export class ChallengeRun<Facts = unknown> {
  readonly definition: ChallengeDefinition<Facts>;
  readonly context: LabContext;
  constructor(definition: ChallengeDefinition<Facts>, session: string, log: (line: string) => void = () => undefined) {
    this.definition = definition;
    this.context = challengeContext(definition as ChallengeDefinition, session, log);
  }

  get session(): string {
    return this.context.session.session;
  }

  /** The session's parameters (chosen once, remembered). */
  params(): Promise<Params> {
    return this.definition.plan(this.context);
  }

  /** Build the starting state (idempotent: a second start changes nothing that is already there). */
  async start(): Promise<Params> {
    await requireToolboxImage();
    const params = await this.params();
    await this.definition.setup(this.context, params);
    return params;
  }

  /** Read the live state once; a failing precondition or read becomes an error every check reports. */
  async gather(): Promise<Gathered<Facts>> {
    try {
      if (this.definition.hostSide) {
        const refusal = engineElsewhere(await enginePlace());
        if (refusal) return { ok: false, error: new EnvironmentError(refusal.message, { hint: refusal.hint }) };
      }
      const params = await this.params();
      return { ok: true, facts: await this.definition.gather(this.context, params) };
    } catch (error) {
      return { ok: false, error: error as Error };
    }
  }

  // The chosen checks (all when none given); an unknown id is refused with the known ones.
  private chosen(ids: readonly string[]): readonly ChallengeCheck<Facts>[] {
    const unknown = ids.filter((id) => !this.definition.checks.some((check) => check.id === id));
    if (unknown.length)
      throw new UsageError(`Unknown check id(s) for challenge ${this.definition.id}: ${unknown.join(", ")}`, {
        hint: `Known: ${this.definition.checks.map((c) => c.id).join(", ")}`,
      });
    return this.definition.checks.filter((check) => ids.length === 0 || ids.includes(check.id));
  }

  // Judge the chosen checks on one gathering, with hint levels from `level`.
  private async judged(gathered: Gathered<Facts>, level: HintLevelChoice, ids: readonly string[] = []): Promise<CheckResult[]> {
    const params = await this.params().catch(() => ({}) as Params);
    const results: CheckResult[] = [];
    for (const check of this.chosen(ids)) results.push(resultOf(check, judgeOne(check, gathered, params), level));
    return results;
  }

  /** Check as the learner does: hints at the session's level, each failure counted. */
  async check(...ids: string[]): Promise<{ results: CheckResult[]; gathered: Gathered<Facts> }> {
    const gathered = await this.gather();
    const results = await this.judged(gathered, levelsFrom(await this.context.session.hintCounts(), 1), ids);
    for (const result of results) if (!result.passed) await this.context.session.countHint(result.id, "failures");
    return { results, gathered };
  }

  /** Check without counting anything (hints at the session's level). */
  async peek(...ids: string[]): Promise<CheckResult[]> {
    return this.judged(await this.gather(), levelsFrom(await this.context.session.hintCounts(), 0), ids);
  }

  /** Check with a chosen hint level (the grader's: every level but the command). */
  async judgeAll(level: HintLevelChoice = allButCommand): Promise<{ results: CheckResult[]; gathered: Gathered<Facts> }> {
    const gathered = await this.gather();
    return { results: await this.judged(gathered, level), gathered };
  }

  /** The next hint level of a check (default: the first one failing), counted when there is one more to show. */
  async hint(checkId?: string): Promise<CheckResult | null> {
    const gathered = await this.gather();
    const params = await this.params();
    const check = this.chosen(checkId ? [checkId] : []).find((c) => checkId !== undefined || !judgeOne(c, gathered, params).passed);
    if (!check) return null;
    const counts = await this.context.session.hintCounts();
    const seen = (counts[check.id]?.failures ?? 0) + (counts[check.id]?.asked ?? 0);
    let more = false;
    const result = resultOf(check, judgeOne(check, gathered, params), (_id, available) => {
      more = seen < available;
      return Math.min(available, seen + 1);
    });
    if (!result.passed && more) await this.context.session.countHint(check.id, "asked");
    return result;
  }

  /** Remove everything the challenge made in this session: its own kernel objects, rules and engine, then its labelled Docker objects and answers. */
  async teardown(): Promise<{ containers: string[]; networks: string[] }> {
    const params = await this.params().catch(() => ({}) as Params);
    await this.definition.teardown(this.context, params);
    const removed = await removeLabelled(this.context);
    return { containers: removed.containers, networks: removed.networks };
  }

  /** Back to the starting state: everything removed, then built again (hint counts start again too). */
  async reset(): Promise<Params> {
    await this.teardown();
    return this.start();
  }

  /** Carry out steps of a solution (the reference one, or a wrong one in tests), printing each command. */
  async apply(steps: readonly Step[]): Promise<void> {
    const params = await this.params();
    const shell = new LearnerShell(this.context.session);
    for (const step of steps) {
      if ("sh" in step) await shell.exec(stepArgv(step.sh, params), { quiet: true });
      else if ("esh" in step) await challengeEngine(this.context).exec(stepArgv(step.esh, params), { quiet: true });
      else if ("nsenter" in step)
        await shell.exec(["nsenter", "-t", await pidOf(fill(step.nsenter, params)), "-n", ...stepArgv(step.run, params)], { quiet: true });
      else if ("settle" in step) await new Promise((resolve) => setTimeout(resolve, step.settle * 1000));
      else await challengeEngine(this.context).restart(engineOptions(step, params));
    }
  }
}

/** What a headless run reports (`challenge run <id> [--solution] --json`). */
export interface ChallengeRunResult {
  readonly challenge: string;
  readonly session: string;
  readonly solution: boolean;
  readonly passed: boolean;
  readonly checks: readonly CheckResult[];
  /** The facts the checks judged (recorded fixtures for the judges' unit tests come from here). */
  readonly facts: unknown;
  readonly error: string | null;
  readonly durationMs: number;
}

/** Start in a fresh session, optionally apply the reference solution (or given steps), check as the grader does, tear down. */
export const runChallenge = async (
  definition: ChallengeDefinition,
  options: { session: string; solution?: boolean; steps?: readonly Step[]; log?: (line: string) => void },
): Promise<ChallengeRunResult> => {
  const challenge = new ChallengeRun(definition, options.session, options.log);
  const started = performance.now();
  const steps = options.steps ?? (options.solution ? definition.solution : []);
  try {
    await challenge.start();
    await challenge.apply(steps);
    let judged = await challenge.judgeAll();
    // A solved state can need a moment to show (a client's loop, DNS): look again a few times before judging it failed.
    for (let i = 0; steps.length > 0 && i < 5 && !judged.results.every((r) => r.passed); i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      judged = await challenge.judgeAll();
    }
    const passed = judged.results.length > 0 && judged.results.every((r) => r.passed);
    return {
      challenge: definition.id,
      session: options.session,
      solution: Boolean(options.solution),
      passed,
      checks: judged.results,
      facts: judged.gathered.ok ? judged.gathered.facts : null,
      error: judged.gathered.ok ? null : judged.gathered.error.message,
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    return {
      challenge: definition.id,
      session: options.session,
      solution: Boolean(options.solution),
      passed: false,
      checks: [],
      facts: null,
      error: (error as Error).message,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await challenge.teardown().catch((error: unknown) => options.log?.(`teardown of challenge ${definition.id}: ${(error as Error).message}`));
  }
};
