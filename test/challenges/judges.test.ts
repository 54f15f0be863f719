// The challenges' judges on recorded facts (test/fixtures/challenges, recorded by record-facts.mjs on a real host):
// each verdict as recorded, pure (same facts, same verdict; facts untouched), never throwing on partial facts; the
// starting state fails with first hints that name no command; the wrong solution fails on the check meant to catch it.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstLevel, runCheck, type CheckDefinition, type Verdict } from "../../src/checks/check.js";
import type { LabContext } from "../../src/labs/definition.js";
import { type ChallengeDefinition, type Params, wrongFixture } from "../../src/challenges/model.js";
import { challenges } from "../../src/challenges/registry.js";
import { solutionCommands } from "../helpers/challenges.js";

const dir = new URL("../fixtures/challenges/", import.meta.url);
interface Recorded {
  readonly params: Params;
  readonly facts: unknown;
}
const load = (name: string): { recorded: Recorded; verdicts: Record<string, boolean> } => ({
  recorded: JSON.parse(readFileSync(new URL(`${name}.json`, dir), "utf8")) as Recorded,
  verdicts: (JSON.parse(readFileSync(new URL(`${name}.meta.json`, dir), "utf8")) as { verdicts: Record<string, boolean> }).verdicts,
});

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

// A check as the labs' runner takes it, judging recorded facts (what ChallengeRun.checksOver does with live ones).
const asCheck = (definition: ChallengeDefinition, id: string, recorded: Recorded): CheckDefinition<LabContext> => {
  const check = definition.checks.find((c) => c.id === id)!;
  return { id, title: check.title, concepts: check.concepts, points: check.points, run: async () => check.judge(recorded.facts, recorded.params) };
};
const context = {} as LabContext;

const fixtures = readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".meta.json"));

describe("the challenges' judges on recorded facts", () => {
  it("every challenge has recorded facts for its start, its solution and its wrong solution", () => {
    expect(challenges.length).toBeGreaterThanOrEqual(8);
    for (const c of challenges) {
      for (const state of ["start", "solved"]) expect(fixtures).toContain(`${c.id}--${state}.json`);
      c.wrong.forEach((wrong, i) => expect(fixtures).toContain(`${wrongFixture(c.id, i, wrong)}.json`));
    }
  });

  for (const definition of challenges) {
    describe(`${definition.id} · ${definition.texts.title}`, () => {
      it("judges each recorded state as it was judged on the host, and purely", () => {
        for (const state of ["start", "solved", ...definition.wrong.map((w, i) => wrongFixture(definition.id, i, w).slice(definition.id.length + 2))]) {
          const { recorded, verdicts } = load(`${definition.id}--${state}`);
          const frozen = deepFreeze(structuredClone(recorded));
          for (const check of definition.checks) {
            const first: Verdict = check.judge(frozen.facts, frozen.params);
            expect(first.passed, `${state} ${check.id}`).toBe(verdicts[check.id]);
            expect(check.judge(frozen.facts, frozen.params)).toEqual(first);
          }
        }
      });

      it("the starting state fails, each failing check's first hint names no command of the solution", async () => {
        const { recorded } = load(`${definition.id}--start`);
        const commands = solutionCommands(definition, recorded.params);
        const results = await Promise.all(definition.checks.map((c) => runCheck(asCheck(definition, c.id, recorded), context, firstLevel)));
        expect(results.some((r) => !r.passed)).toBe(true);
        for (const result of results.filter((r) => !r.passed)) {
          expect(result.hints).toHaveLength(1);
          for (const command of commands) expect(result.hints[0], `${result.id}: ${command}`).not.toContain(command);
        }
      });

      it("the reference solution passes every check", () => {
        const { recorded } = load(`${definition.id}--solved`);
        for (const check of definition.checks) expect(check.judge(recorded.facts, recorded.params).passed, check.id).toBe(true);
      });

      for (const [i, wrong] of definition.wrong.entries()) {
        it(`the wrong but plausible solution ${wrong.name} fails on the check meant to catch it, with the hint that explains it`, async () => {
          const { recorded } = load(wrongFixture(definition.id, i, wrong));
          const verdict = definition.checks.find((c) => c.id === wrong.failing)!.judge(recorded.facts, recorded.params);
          expect(verdict.passed).toBe(false);
          const result = await runCheck(asCheck(definition, wrong.failing, recorded), context, firstLevel);
          expect(`${result.message} ${result.hints[0]}`).toMatch(wrong.hintMentions);
        });
      }

      it("gives a verdict on partial facts (any top-level fact missing or null), never an exception", async () => {
        const { recorded } = load(`${definition.id}--start`);
        const keys = Object.keys(recorded.facts as object);
        await fc.assert(
          fc.asyncProperty(fc.subarray(keys), fc.boolean(), async (gone, asNull) => {
            const facts = { ...(recorded.facts as Record<string, unknown>) };
            for (const key of gone) {
              if (asNull) facts[key] = null;
              else delete facts[key];
            }
            for (const check of definition.checks) {
              const result = await runCheck(asCheck(definition, check.id, { params: recorded.params, facts }), context, firstLevel);
              expect(typeof result.passed).toBe("boolean");
              if (!result.passed) expect(result.hints.length).toBe(1);
            }
          }),
          { numRuns: 40 },
        );
      });
    });
  }
});
