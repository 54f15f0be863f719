// What a lab's checks need before they can judge anything, declared once per lab (its definition's `preconditions`)
// and evaluated once per check run (src/labs/check-lab.ts). When a precondition fails, every check of the lab reports
// it (failed, 0 points, the same message and hint) instead of running: a check that reads bridges, veths or iptables
// of the wrong namespace would pass or fail by coincidence.
import { type CheckMeta, type CheckResult, fail, resultOf, type Verdict } from "../checks/check.js";
import { enginePlace, type EnginePlace } from "../setup/engine-place.js";
import type { LabContext, LabDefinition, Precondition } from "./definition.js";

export type { Precondition } from "./definition.js";

/** The hint of a check that finds none of its lab's setup (the saved parameters or the objects it builds). */
export const runSetupFirst = "Run the setup cell at the top of the notebook first.";
/** The verdict of a check whose lab's setup has not run in this session. */
export const setupNotRun: Verdict = fail("The lab's setup has not run in this session.", "Run the setup cell at the top of the notebook.");

/** The refusal for an engine elsewhere (pure; exported for tests). */
export const engineElsewhere = (place: EnginePlace): { message: string; hint: string } | null =>
  place.where === "other-namespace" || place.where === "other-machine"
    ? {
        message: `Not checked: the Docker engine runs in ${place.where === "other-machine" ? "another machine or VM" : "another network namespace"} (${place.because}). This lab's checks read the host side (bridges, veths, iptables/nftables, published ports), and from here that is not the engine's.`,
        hint: `${place.fix[0]?.toUpperCase() ?? ""}${place.fix.slice(1)}. \`npx docker-net-lab doctor\` shows what works from here.`,
      }
    : null;

/**
 * The default engine runs in this process's network namespace: labs whose checks read the default engine's host
 * side need it (labs 07 and 08 start their own engine in a namespace of their own and read that one).
 */
export const engineInThisNamespace: Precondition = { id: "engine-here", test: async () => engineElsewhere(await enginePlace()) };

/** The preconditions of a lab. */
export const preconditionsOf = (lab: Pick<LabDefinition, "preconditions">): readonly Precondition[] => lab.preconditions ?? [];

/** A failed precondition. */
export interface Refusal {
  readonly id: string;
  readonly message: string;
  readonly hint: string;
}

/** The first failing precondition of a lab, or null. */
export const failingPrecondition = async (lab: Pick<LabDefinition, "preconditions">, context: LabContext): Promise<Refusal | null> => {
  for (const precondition of preconditionsOf(lab)) {
    const failure = await precondition.test(context);
    if (failure) return { id: precondition.id, ...failure };
  }
  return null;
};

/** A check's result when a precondition failed: the refusal, one level, 0 points. Pure. */
export const refusedResult = (check: CheckMeta, refusal: Refusal): CheckResult =>
  resultOf(check, fail(refusal.message, refusal.hint, { precondition: refusal.id }));
