// What the grader can grade: the labs, and the challenges in the labs' shape (src/challenges/as-lab.ts).
import { join } from "node:path";
import { type CheckResult, fail, resultOf } from "../checks/check.js";
import { challengeAsLab } from "../challenges/as-lab.js";
import { challenges } from "../challenges/registry.js";
import { UsageError } from "../errors.js";
import type { LabDefinition } from "../labs/definition.js";
import { labs } from "../labs/registry.js";
import type { Lang } from "../i18n/catalog.js";
import { notebookPath } from "../labs/notebook.js";
import { labsDir } from "../setup/paths.js";

/** Labs, then challenges, in registry order (the gradebook's columns follow it). */
export const gradable: readonly LabDefinition[] = [...labs, ...challenges.map(challengeAsLab)];

/** The id of a lab or challenge given as id (`01`, `1`, `c1`) or slug; null when unknown. */
export const gradableId = (id: string): string | null =>
  gradable.find((lab) => lab.id === (/^\d+$/.test(id) ? id.padStart(2, "0") : id) || lab.slug === id)?.id ?? null;

/** Find a lab or challenge by id or slug. */
export const findGradable = (id: string): LabDefinition => {
  const known = gradableId(id);
  const found = gradable.find((lab) => lab.id === known);
  if (!found)
    throw new UsageError(`Unknown lab or challenge \`${id}\`.`, {
      hint: `Known: ${gradable.map((l) => l.id).join(", ")}. See \`docker-net-lab labs list\` and \`docker-net-lab challenge list\`.`,
    });
  return found;
};

/** The folder a submission of this lab or challenge runs in (module resolution starts there). */
export const notebookDirOf = (lab: LabDefinition): string =>
  challenges.some((c) => c.id === lab.id) ? join(labsDir(), "challenges") : join(labsDir(), lab.slug);

/** The notebook of this lab or challenge as published to learners (labs/…, or labs/ko/… for `ko`). */
export const publishedNotebookOf = (lab: LabDefinition, lang: Lang = "en"): string =>
  challenges.some((c) => c.id === lab.id) ? join(labsDir(), ...(lang === "en" ? [] : [lang]), "challenges", `${lab.slug}.ipynb`) : notebookPath(lab, lang);

/** Every check of `lab` failed with 0 points, for the same reason and with one hint (a submission that could not be checked). */
export const zeroedChecks = (lab: LabDefinition, message: string, hint: string): CheckResult[] =>
  lab.checks.map((check) => resultOf(check, fail(message, hint)));
