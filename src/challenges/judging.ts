// From a challenge's facts to check results: each judge on the facts of one gathering (a failed gathering, or a judge
// that throws, is a failed check that says what could not be read), hint levels as in the labs (the session's
// failures and requests, src/labs/hint-levels.ts). The labs' check model (src/checks) makes the results.
import { couldNotLook as couldNotLookAt, type Gathered, type Verdict } from "../checks/check.js";
import type { ChallengeCheck, Params } from "./model.js";

export type { Gathered } from "../checks/check.js";

// A verdict for facts that could not be read.
const couldNotLook = (error: unknown): Verdict => couldNotLookAt(error, "Start the challenge (start or reset), then check again.");

/** One check's verdict on one gathering. Pure. */
export const judgeOne = <Facts>(check: ChallengeCheck<Facts>, gathered: Gathered<Facts>, params: Params): Verdict => {
  if (!gathered.ok) return couldNotLook(gathered.error);
  try {
    return check.judge(gathered.facts, params);
  } catch (error) {
    return couldNotLook(error);
  }
};
