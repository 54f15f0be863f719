// Recorded facts for the per-lab judge tests (test/labs/judges-NN.test.ts): load a fixture of test/fixtures/facts,
// edit a copy, judge it. Pure: no engine, no root.
import { readFileSync } from "node:fs";
import { type CheckResult, judgeCheck } from "../../src/checks/check.js";
import { isJudged } from "../../src/labs/check-lab.js";
import type { LabDefinition } from "../../src/labs/definition.js";
import type { LabFacts } from "../../src/labs/facts.js";
import type { RecordedFacts } from "../../src/labs/record-facts.js";

const dir = new URL("../fixtures/facts/", import.meta.url);

/** A recorded fixture: `labNN-solution.json` (the answer key's run) or `labNN-blank.json` (the blank notebook's). */
export const loadFacts = (lab: string, state: "solution" | "blank"): RecordedFacts =>
  JSON.parse(readFileSync(new URL(`lab${lab}-${state}.json`, dir), "utf8")) as RecordedFacts;

export type Draft<T> = T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;
export type Facts<Probes> = LabFacts<Probes>;

/** The facts after `change`, on a copy. */
export const edited = <Probes>(facts: LabFacts<unknown>, change: (draft: Draft<LabFacts<Probes>>) => void): LabFacts<unknown> => {
  const draft = structuredClone(facts) as unknown as Draft<LabFacts<Probes>>;
  change(draft);
  return draft as unknown as LabFacts<unknown>;
};

/** Every judged check of a lab on the facts, by id. */
export const judgeAll = (lab: LabDefinition, facts: LabFacts<unknown>): Record<string, CheckResult> =>
  Object.fromEntries(lab.checks.filter(isJudged).map((check) => [check.id, judgeCheck(check, facts)]));

/** The ids of the checks that fail on the facts. */
export const failing = (lab: LabDefinition, facts: LabFacts<unknown>): string[] =>
  Object.values(judgeAll(lab, facts))
    .filter((r) => !r.passed)
    .map((r) => r.id);

/** One check's result on the facts. */
export const resultOf = (lab: LabDefinition, facts: LabFacts<unknown>, id: string): CheckResult => {
  const result = judgeAll(lab, facts)[id];
  if (!result) throw new Error(`lab ${lab.id} has no judged check ${id}`);
  return result;
};
