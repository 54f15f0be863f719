// One check run of a lab: its preconditions evaluated once, its facts gathered once (one topology snapshot, scoped as
// the lab declares, and the lab's own probes), then every requested check judged on them. Hint levels are the
// caller's (src/labs/hint-levels.ts for a learner's session, `allButCommand` for the grader).
import { couldNotLook, firstLevel, judgeCheck, resultOf, runCheck, type CheckResult, type Gathered, type HintLevelChoice } from "../checks/check.js";
import { asOverhead } from "../exec/trace.js";
import { snapshot } from "../topology/snapshot.js";
import type { LabCheck, LabContext, LabDefinition } from "./definition.js";
import type { LabFacts, LabJudge, Recorded, WantedProbes } from "./facts.js";
import { readParams } from "./free.js";
import { failingPrecondition, refusedResult } from "./preconditions.js";

/** What a check run reads of a lab's definition. */
export type CheckedLab<Probes = unknown> = Pick<LabDefinition<Probes>, "id" | "preconditions" | "topology" | "gather">;

/** Is this check judged on facts (rather than looking at the host itself)? */
export const isJudged = <Probes>(check: LabCheck<Probes>): check is LabJudge<Probes> => "judge" in check;

/** The probes a run of these checks must measure: those their judges name, or all (null) when one does not say. */
export const probesWanted = <Probes>(checks: readonly LabCheck<Probes>[]): ReadonlySet<string> | null => {
  const judged = checks.filter(isJudged);
  return judged.every((check) => check.probes !== undefined) ? new Set(judged.flatMap((check) => check.probes ?? [])) : null;
};

/** The facts as one judge sees them: when it names its probes, reading any other throws (judgeCheck fails the check). */
export const seenBy = <Probes>(check: LabJudge<Probes>, facts: LabFacts<Probes>): LabFacts<Probes> => {
  const named = check.probes;
  if (named === undefined || typeof facts.probes !== "object" || facts.probes === null) return facts;
  const probes = new Proxy(facts.probes, {
    get(target, key, receiver) {
      if (typeof key === "string" && Object.hasOwn(target, key) && !named.includes(key))
        throw new Error(`check ${check.id} reads the probe ${key}, which it does not name in its probes (${named.join(", ") || "none"})`);
      return Reflect.get(target, key, receiver);
    },
  });
  return { ...facts, probes };
};

/**
 * Gather a lab's facts once: the session's records, the topology its judges read, and its probes (`wanted`: the
 * names from `probesWanted`, null for all).
 */
export const gatherFacts = async <Probes>(
  lab: CheckedLab<Probes>,
  context: LabContext,
  wanted: ReadonlySet<string> | null = null,
): Promise<LabFacts<Probes>> => {
  const { session } = context;
  const scope = lab.topology?.(context) ?? false;
  const [params, answers, predictions, observations, topology] = await Promise.all([
    readParams(session),
    session.answers(),
    session.readRecord<Recorded>("predictions"),
    session.readRecord<Recorded>("observations"),
    scope === false ? Promise.resolve(null) : snapshot(scope),
  ]);
  const wants: WantedProbes = (probe) => wanted === null || wanted.has(probe);
  const probes = lab.gather ? await lab.gather(context, topology, wants) : (undefined as Probes);
  return { lab: lab.id, session: session.session, image: context.image, params, answers, predictions, observations, topology, probes };
};

/** Run a lab's checks (hints at `level`), or, when a precondition fails, report it as every check's result. */
export const checkLab = async <Probes>(
  lab: CheckedLab<Probes>,
  checks: readonly LabCheck<Probes>[],
  context: LabContext,
  level: HintLevelChoice = firstLevel,
): Promise<CheckResult[]> => asOverhead(() => checkLabNow(lab, checks, context, level));

const checkLabNow = async <Probes>(
  lab: CheckedLab<Probes>,
  checks: readonly LabCheck<Probes>[],
  context: LabContext,
  level: HintLevelChoice,
): Promise<CheckResult[]> => {
  const refusal = await failingPrecondition(lab, context);
  if (refusal !== null) return checks.map((check) => refusedResult(check, refusal));
  const gathered: Gathered<LabFacts<Probes>> | null = checks.some(isJudged)
    ? await gatherFacts(lab, context, probesWanted(checks)).then(
        (facts) => ({ ok: true as const, facts }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error : new Error(String(error)) }),
      )
    : null;
  const results: CheckResult[] = [];
  for (const check of checks) {
    if (!isJudged(check)) results.push(await runCheck(check, context, level));
    else if (gathered?.ok) results.push(judgeCheck(check, seenBy(check, gathered.facts), level));
    else results.push(resultOf(check, couldNotLook(gathered?.error), level));
  }
  return results;
};
