// Recorded facts of the labs (test/fixtures/facts, `labs run NN [--solutions] --record-facts DIR`) and what the
// per-lab judge tests do with them: load, edit a copy, judge every check, list the failing ones. Pure.
import { readFileSync } from "node:fs";
import { type CheckResult, judgeCheck } from "../../src/checks/check.js";
import { isJudged } from "../../src/labs/check-lab.js";
import type { LabDefinition } from "../../src/labs/definition.js";
import type { LabFacts } from "../../src/labs/facts.js";
import type { RecordedFacts } from "../../src/labs/record-facts.js";

const dir = new URL("../fixtures/facts/", import.meta.url);

/** The recorded facts of a lab's answer key (`solution`) or blank notebook. */
export const loadFacts = <Probes>(lab: string, state: "solution" | "blank"): RecordedFacts & { facts: LabFacts<Probes> } =>
  JSON.parse(readFileSync(new URL(`lab${lab}-${state}.json`, dir), "utf8")) as RecordedFacts & { facts: LabFacts<Probes> };

export type Draft<T> = T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

/** The facts after `change`, on a copy. */
export const edited = <Probes>(facts: LabFacts<Probes>, change: (draft: Draft<LabFacts<Probes>>) => void): LabFacts<Probes> => {
  const draft = structuredClone(facts) as Draft<LabFacts<Probes>>;
  change(draft);
  return draft as LabFacts<Probes>;
};

/** Every judged check of a lab on these facts, by id. */
export const judgeAll = <Probes>(lab: LabDefinition<Probes>, facts: LabFacts<Probes>): Record<string, CheckResult> =>
  Object.fromEntries(lab.checks.filter(isJudged).map((check) => [check.id, judgeCheck(check as Parameters<typeof judgeCheck<LabFacts<Probes>>>[0], facts)]));

/** The ids of the checks that fail on these facts, in the lab's order. */
export const failing = <Probes>(lab: LabDefinition<Probes>, facts: LabFacts<Probes>): string[] =>
  Object.values(judgeAll(lab, facts))
    .filter((r) => !r.passed)
    .map((r) => r.id);
