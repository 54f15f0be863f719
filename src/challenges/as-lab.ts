// A challenge in the shape the grader takes (a LabDefinition): its gather reads the challenge's facts and parameters
// once per check run (src/labs/check-lab.ts), its checks judge them; its teardown removes the challenge's own kernel
// objects (the grader removes the labelled Docker objects).
import type { LabDefinition } from "../labs/definition.js";
import type { LabJudge } from "../labs/facts.js";
import type { ChallengeDefinition, Params } from "./model.js";
import { type Gathered, judgeOne } from "./judging.js";
import { ChallengeRun } from "./runtime.js";

/** What a challenge's judges read in the labs' facts: its own facts (or why there are none) and its parameters. */
export interface ChallengeProbes {
  readonly gathered: Gathered<unknown>;
  readonly params: Params;
}

/** A challenge as a lab the grader can run: id `c1`, the notebook's metadata says `docker-net-lab.challenge`. */
export const challengeAsLab = (definition: ChallengeDefinition): LabDefinition<ChallengeProbes> => {
  const runner = (context: Parameters<LabDefinition["setup"]>[0]) => new ChallengeRun(definition, context.session.session, context.log);
  const checks: LabJudge<ChallengeProbes>[] = definition.checks.map((check) => ({
    id: check.id,
    title: check.title,
    concepts: check.concepts,
    points: check.points,
    judge: (facts) => judgeOne(check, facts.probes.gathered, facts.probes.params),
  }));
  return {
    id: definition.id,
    slug: definition.slug,
    ...([...definition.solution, ...definition.wrong.flatMap((wrong) => wrong.steps)].some((step) => "engine" in step) ? { ownEngine: true } : {}),
    title: definition.texts.title,
    summary: definition.texts.goal,
    concepts: definition.concepts,
    gather: async (context) => {
      const run = runner(context);
      const gathered = await run.gather();
      return { gathered, params: await run.params() };
    },
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
