// What a lab's checks need before they can judge anything, declared once per lab. When a precondition fails,
// every check of the lab reports it (failed, 0 points, the same message and hint) instead of running: a check that
// reads bridges, veths or iptables of the wrong namespace would pass or fail by coincidence.
import { firstLevel, runChecks, type CheckDefinition, type CheckResult, type HintLevelChoice } from "../checks/check.js";
import { enginePlace, type EnginePlace } from "../setup/engine-place.js";
import type { LabContext, LabDefinition } from "./definition.js";

/** A precondition: null when it holds, else why not and what to do. */
export interface Precondition {
  readonly id: string;
  readonly test: () => Promise<{ readonly message: string; readonly hint: string } | null>;
}

/** The refusal for an engine elsewhere (pure; exported for tests). */
export const engineElsewhere = (place: EnginePlace): { message: string; hint: string } | null =>
  place.where === "other-namespace" || place.where === "other-machine"
    ? {
        message: `Not checked: the Docker engine runs in ${place.where === "other-machine" ? "another machine or VM" : "another network namespace"} (${place.because}). This lab's checks read the host side (bridges, veths, iptables/nftables, published ports), and from here that is not the engine's.`,
        hint: `${place.fix[0]?.toUpperCase() ?? ""}${place.fix.slice(1)}. \`npx docker-net-lab doctor\` shows what works from here.`,
      }
    : null;

/** The default engine runs in this process's network namespace (labs whose checks read the host side need it). */
export const engineInThisNamespace: Precondition = { id: "engine-here", test: async () => engineElsewhere(await enginePlace()) };

// Labs whose checks read the default engine's host side. Labs 07 and 08 start their own engine in a namespace
// of their own and read that one.
const byLab: Readonly<Record<string, readonly Precondition[]>> = {
  "01": [engineInThisNamespace],
  "02": [engineInThisNamespace],
  "03": [engineInThisNamespace],
  "04": [engineInThisNamespace],
  "05": [engineInThisNamespace],
  "06": [engineInThisNamespace],
};

/** The preconditions of a lab. */
export const preconditionsOf = (lab: Pick<LabDefinition, "id">): readonly Precondition[] => byLab[lab.id] ?? [];

/** The first failing precondition of a lab, or null. */
export const failingPrecondition = async (lab: Pick<LabDefinition, "id">): Promise<{ id: string; message: string; hint: string } | null> => {
  for (const precondition of preconditionsOf(lab)) {
    const failure = await precondition.test();
    if (failure) return { id: precondition.id, ...failure };
  }
  return null;
};

/** Run a lab's checks (hints at `level`), or, when a precondition fails, report it as every check's result. */
export const runLabChecks = async (
  lab: Pick<LabDefinition, "id">,
  checks: readonly CheckDefinition<LabContext>[],
  context: LabContext,
  level: HintLevelChoice = firstLevel,
): Promise<CheckResult[]> => {
  const failure = await failingPrecondition(lab);
  if (failure === null) return runChecks(checks, context, level);
  return checks.map((check) => ({
    id: check.id,
    title: check.title,
    passed: false,
    points: 0,
    maxPoints: check.points,
    message: failure.message,
    hint: failure.hint,
    hints: [failure.hint],
    hintLevel: 1,
    hintLevels: 1,
    evidence: { precondition: failure.id },
  }));
};
