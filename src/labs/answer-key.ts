// The answer key of a lab: its reference solutions, read from the lab's source (src/notebooks/NN-slug.ts)
// when an instructor or a test asks for them. Nothing under labs/ (the folder `start` serves) holds them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentError } from "../errors.js";
import { packageRoot } from "../setup/paths.js";
import type { LabDefinition } from "./definition.js";
import { buildLab } from "./source/build.js";
import { parseLabSource } from "./source/parse.js";

/** The source file of a lab, relative to the package root. */
export const sourceFile = (lab: LabDefinition): string => join("src", "notebooks", `${lab.slug}.ts`);

/** Cell id -> reference solution, built from the lab's source; throws an EnvironmentError when the source is missing. */
export const answerKey = (lab: LabDefinition): Readonly<Record<string, string>> => {
  const file = sourceFile(lab);
  let text: string;
  try {
    text = readFileSync(join(packageRoot, file), "utf8");
  } catch (error) {
    throw new EnvironmentError(`The source of lab ${lab.id} (${file}) is missing, so its answer key cannot be built.`, {
      hint: "Use a full checkout of docker-net-lab: the answer keys are built from src/notebooks/.",
      cause: error,
    });
  }
  return buildLab(parseLabSource(text, file), lab, file).solutions;
};
