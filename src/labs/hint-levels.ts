// Graduated hints in a learner's session: the first failure of a check shows its first hint level (the concept,
// where to look), each further failure or `lab.hint(id)` one level more; the exact command comes last. One check run
// (src/labs/check-lab.ts: preconditions, facts gathered once, the judges) underneath.
import type { CheckResult, HintLevelChoice } from "../checks/check.js";
import { type CheckedLab, checkLab } from "./check-lab.js";
import type { LabCheck, LabContext } from "./definition.js";
import type { HintCount } from "./session.js";

/** Levels to show in a session: one per failure so far (this one too, when counted) plus one per request, at least one. */
export const levelsFrom =
  (counts: Readonly<Record<string, HintCount>>, thisFailure: 0 | 1): HintLevelChoice =>
  (id) =>
    Math.max(1, (counts[id]?.failures ?? 0) + thisFailure + (counts[id]?.asked ?? 0));

/** Run checks as the learner does: hints at the session's level, and each failure counted. */
export const checkInSession = async <Probes>(
  lab: CheckedLab<Probes>,
  definitions: readonly LabCheck<Probes>[],
  context: LabContext,
): Promise<CheckResult[]> => {
  const results = await checkLab(lab, definitions, context, levelsFrom(await context.session.hintCounts(), 1));
  for (const result of results) if (!result.passed) await context.session.countHint(result.id, "failures");
  return results;
};

/** Run checks at the session's level without counting anything (what `lab.results()` returns). */
export const peekInSession = async <Probes>(lab: CheckedLab<Probes>, definitions: readonly LabCheck<Probes>[], context: LabContext): Promise<CheckResult[]> =>
  checkLab(lab, definitions, context, levelsFrom(await context.session.hintCounts(), 0));

/** The next hint level of one check, on request (counted when there is one more to show). */
export const nextHint = async <Probes>(lab: CheckedLab<Probes>, definition: LabCheck<Probes>, context: LabContext): Promise<CheckResult> => {
  const counts = await context.session.hintCounts();
  const seen = (counts[definition.id]?.failures ?? 0) + (counts[definition.id]?.asked ?? 0);
  let more = false;
  const [result] = await checkLab(lab, [definition], context, (_id, available) => {
    more = seen < available;
    return Math.min(available, seen + 1);
  });
  if (!result!.passed && more) await context.session.countHint(definition.id, "asked");
  return result!;
};
