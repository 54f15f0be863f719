// A challenge in the shape the grader takes (a LabDefinition): its checks judge facts gathered once per grading
// context, its teardown removes the challenge's own kernel objects (the grader removes the labelled Docker objects).
import type { CheckDefinition } from "../checks/check.js";
import type { LabContext, LabDefinition } from "../labs/definition.js";
import type { ChallengeDefinition } from "./model.js";
import { type Gathered, judgeOne } from "./judging.js";
import { ChallengeRun } from "./runtime.js";

/** A challenge as a lab the grader can run: id `c1`, the notebook's metadata says `docker-net-lab.challenge`. */
export const challengeAsLab = (definition: ChallengeDefinition): LabDefinition => {
  // One gathering per context: the grader runs every check with the same context object.
  const gathered = new WeakMap<LabContext, Promise<Gathered<unknown>>>();
  const runner = (context: LabContext) => new ChallengeRun(definition, context.session.session, context.log);
  const factsFor = (context: LabContext): Promise<Gathered<unknown>> => {
    let facts = gathered.get(context);
    if (!facts) {
      facts = runner(context).gather();
      gathered.set(context, facts);
    }
    return facts;
  };
  const checks: CheckDefinition<LabContext>[] = definition.checks.map((check) => ({
    id: check.id,
    title: check.title,
    concepts: check.concepts,
    points: check.points,
    run: async (context) => judgeOne(check, await factsFor(context), await runner(context).params()),
  }));
  return {
    id: definition.id,
    slug: definition.slug,
    title: definition.texts.title,
    summary: definition.texts.goal,
    concepts: definition.concepts,
    setup: async (context) => {
      await runner(context).start();
    },
    checks,
    teardown: async (context) => {
      const run = runner(context);
      await definition.teardown(context, await run.params());
    },
  };
};
