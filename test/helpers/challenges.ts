// What the challenge tests share: the commands of a reference solution (what a first hint must not hold).
import type { ChallengeDefinition, Params } from "../../src/challenges/model.js";
import { stepArgv } from "../../src/challenges/steps.js";

/** The commands of a challenge's reference solution, as their first three words with this session's values. */
export const solutionCommands = (definition: ChallengeDefinition, params: Params): string[] =>
  definition.solution.flatMap((step) =>
    "sh" in step
      ? [stepArgv(step.sh, params).slice(0, 3).join(" ")]
      : "esh" in step
        ? [stepArgv(step.esh, params).slice(0, 3).join(" ")]
        : "nsenter" in step
          ? ["nsenter -t", stepArgv(step.run, params).slice(0, 3).join(" ")]
          : "engine" in step
            ? ["engine.restart"]
            : [],
  );
