// The answer key of a lab: its reference solutions, read from the lab's source (src/notebooks/NN-slug.ts, or its
// translation NN-slug.ko.ts) when an instructor or a test asks for them. Nothing under labs/ (the folder `start`
// serves) holds them.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentError } from "../errors.js";
import type { Lang } from "../i18n/catalog.js";
import { packageRoot } from "../setup/paths.js";
import { translatorFor } from "./catalogs.js";
import type { LabDefinition } from "./definition.js";
import { buildLab } from "./source/build.js";
import { parseLabSource, type SourceCell } from "./source/parse.js";
import { translatedCells } from "./source/translation.js";

/** The source file of a lab, relative to the package root; `ko`: its translation (NN-slug.ko.ts). */
export const sourceFile = (lab: LabDefinition, lang: Lang = "en"): string =>
  join("src", "notebooks", lang === "en" ? `${lab.slug}.ts` : `${lab.slug}.${lang}.ts`);

/** Does the lab have a translation into `lang`? */
export const hasTranslation = (lab: LabDefinition, lang: Lang): boolean => lang === "en" || existsSync(join(packageRoot, sourceFile(lab, lang)));

const readSource = (lab: LabDefinition, lang: Lang): SourceCell[] => {
  const file = sourceFile(lab, lang);
  let text: string;
  try {
    text = readFileSync(join(packageRoot, file), "utf8");
  } catch (error) {
    throw new EnvironmentError(`The source of lab ${lab.id} (${file}) is missing, so its answer key cannot be built.`, {
      hint: "Use a full checkout of docker-net-lab: the answer keys are built from src/notebooks/.",
      cause: error,
    });
  }
  return parseLabSource(text, file);
};

/** The cells of a lab's notebook in `lang`: the English source, or its translation merged onto it. */
export const labCells = (lab: LabDefinition, lang: Lang = "en"): SourceCell[] => {
  const english = readSource(lab, "en");
  return lang === "en" ? english : translatedCells(english, readSource(lab, lang), lang);
};

/** Cell id -> reference solution, built from the lab's source; throws an EnvironmentError when the source is missing. */
export const answerKey = (lab: LabDefinition, lang: Lang = "en"): Readonly<Record<string, string>> =>
  buildLab(labCells(lab, lang), lab, sourceFile(lab, lang), { lang, t: translatorFor(lang, lab.id).t }).solutions;
