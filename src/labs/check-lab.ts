// One check run of a lab: its preconditions evaluated once, its facts gathered once (one topology snapshot, scoped as
// the lab declares, and the lab's own probes), then every requested check judged on them. Hint levels are the
// caller's (src/labs/hint-levels.ts for a learner's session, `allButCommand` for the grader).
import { couldNotLook, firstLevel, judgeCheck, resultOf, runCheck, type CheckResult, type Gathered, type HintLevelChoice } from "../checks/check.js";
import { snapshot } from "../topology/snapshot.js";
import type { LabCheck, LabContext, LabDefinition } from "./definition.js";
import type { LabFacts, LabJudge, Recorded } from "./facts.js";
import { readParams } from "./free.js";
import { failingPrecondition, refusedResult } from "./preconditions.js";

/** What a check run reads of a lab's definition. */
export type CheckedLab<Probes = unknown> = Pick<LabDefinition<Probes>, "id" | "preconditions" | "topology" | "gather">;

/** Is this check judged on facts (rather than looking at the host itself)? */
export const isJudged = <Probes>(check: LabCheck<Probes>): check is LabJudge<Probes> => "judge" in check;

/** Gather a lab's facts once: the session's records, the topology its judges read, and its probes. */
export const gatherFacts = async <Probes>(lab: CheckedLab<Probes>, context: LabContext): Promise<LabFacts<Probes>> => {
  const { session } = context;
  const scope = lab.topology?.(context) ?? false;
  const [params, answers, predictions, observations, topology] = await Promise.all([
    readParams(session),
    session.answers(),
    session.readRecord<Recorded>("predictions"),
    session.readRecord<Recorded>("observations"),
    scope === false ? Promise.resolve(null) : snapshot(scope),
  ]);
  const probes = lab.gather ? await lab.gather(context, topology) : (undefined as Probes);
  return { lab: lab.id, session: session.session, image: context.image, params, answers, predictions, observations, topology, probes };
};

/** Run a lab's checks (hints at `level`), or, when a precondition fails, report it as every check's result. */
export const checkLab = async <Probes>(
  lab: CheckedLab<Probes>,
  checks: readonly LabCheck<Probes>[],
  context: LabContext,
  level: HintLevelChoice = firstLevel,
): Promise<CheckResult[]> => {
  const refusal = await failingPrecondition(lab, context);
  if (refusal !== null) return checks.map((check) => refusedResult(check, refusal));
  const gathered: Gathered<LabFacts<Probes>> | null = checks.some(isJudged)
    ? await gatherFacts(lab, context).then(
        (facts) => ({ ok: true as const, facts }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error : new Error(String(error)) }),
      )
    : null;
  const results: CheckResult[] = [];
  for (const check of checks) {
    if (!isJudged(check)) results.push(await runCheck(check, context, level));
    else if (gathered?.ok) results.push(judgeCheck(check, gathered.facts, level));
    else results.push(resultOf(check, couldNotLook(gathered?.error), level));
  }
  return results;
};
