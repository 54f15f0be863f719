// From a challenge's facts to check results: each judge on the facts of one gathering (a failed gathering, or a judge
// that throws, is a failed check that says what could not be read), hint levels as in the labs (the session's
// failures and requests, src/labs/session.ts). The one place that touches the labs' check model (src/checks).
import { type CheckResult, type HintLevelChoice, runCheck, type Verdict } from "../checks/check.js";
import type { LabContext } from "../labs/definition.js";
import type { HintCount } from "../labs/session.js";
import type { ChallengeCheck, Params } from "./model.js";

/** The facts of one gathering, or why there are none. */
export type Gathered<Facts> = { readonly ok: true; readonly facts: Facts } | { readonly ok: false; readonly error: Error };

// A verdict for facts that could not be read.
const couldNotLook = (error: unknown): Verdict => ({
  passed: false,
  message: `The check could not look at the host: ${(error as Error | null)?.message ?? String(error)}`,
  hint:
    typeof (error as { hint?: unknown } | null)?.hint === "string"
      ? (error as { hint: string }).hint
      : "Start the challenge (start or reset), then check again.",
});

/** One check's verdict on one gathering. Pure. */
export const judgeOne = <Facts>(check: ChallengeCheck<Facts>, gathered: Gathered<Facts>, params: Params): Verdict => {
  if (!gathered.ok) return couldNotLook(gathered.error);
  try {
    return check.judge(gathered.facts, params);
  } catch (error) {
    return couldNotLook(error);
  }
};

/** A verdict as a result: points applied, and as many hint levels as `level` says. */
export const resultOf = (check: ChallengeCheck<unknown>, verdict: Verdict, level: HintLevelChoice): Promise<CheckResult> =>
  runCheck({ id: check.id, title: check.title, concepts: check.concepts, points: check.points, run: async () => verdict }, {} as LabContext, level);

/** Levels to show in a session: one per failure so far (this one too, when counted) and one per request, at least one. */
export const levelsFrom =
  (counts: Readonly<Record<string, HintCount>>, thisFailure: 0 | 1): HintLevelChoice =>
  (id) =>
    Math.max(1, (counts[id]?.failures ?? 0) + thisFailure + (counts[id]?.asked ?? 0));
