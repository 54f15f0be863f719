// The Korean catalogs: one per lab (src/labs/defs/labNN-slug.ko.ts) and the shared one of the runtime
// (src/i18n/common.ko.ts). A Translator for a lab knows both.
import type { CheckResult } from "../checks/check.js";
import { isDnlError } from "../errors.js";
import { type Catalog, english, type Lang, Translator } from "../i18n/catalog.js";
import { ko as common } from "../i18n/common.ko.js";
import { ko as lab01 } from "./defs/lab01-docker0.ko.js";
import { ko as lab02 } from "./defs/lab02-veth.ko.js";
import { ko as lab03 } from "./defs/lab03-nat.ko.js";
import { ko as lab04 } from "./defs/lab04-user-bridges.ko.js";
import { ko as lab05 } from "./defs/lab05-modes.ko.js";
import { ko as lab06 } from "./defs/lab06-macvlan.ko.js";
import { ko as lab07 } from "./defs/lab07-addressing.ko.js";
import { ko as lab08 } from "./defs/lab08-overlay.ko.js";

/** Lab id -> its Korean catalog. */
export const labCatalogs: Readonly<Record<string, Catalog>> = {
  "01": lab01,
  "02": lab02,
  "03": lab03,
  "04": lab04,
  "05": lab05,
  "06": lab06,
  "07": lab07,
  "08": lab08,
};

/** The shared catalog: lab runtime, checks, reports, CLI. */
export const commonCatalog: Catalog = common;

const cache = new Map<string, Translator>();

/** The translator of one lab (its catalog and the shared one), or of the runtime alone when `lab` is absent. */
export const translatorFor = (lang: Lang, lab?: string): Translator => {
  if (lang === "en") return english;
  const key = `${lang}:${lab ?? ""}`;
  let found = cache.get(key);
  if (!found) {
    const own = lab === undefined ? undefined : labCatalogs[lab];
    found = new Translator(lang, own ? [own, commonCatalog] : [commonCatalog]);
    cache.set(key, found);
  }
  return found;
};

/** A check result in another language: title, message and hint levels (ids, points and evidence stay). */
export const translateResult = (result: CheckResult, t: (text: string) => string): CheckResult => ({
  ...result,
  title: t(result.title),
  message: t(result.message),
  hint: result.hint === null ? null : t(result.hint),
  hints: result.hints.map(t),
});

/** Translate a project error's message and hint in place (what the kernel or the CLI prints), and return it. */
export const localizeError = <E>(error: E, t: (text: string) => string): E => {
  if (isDnlError(error)) {
    error.message = t(error.message);
    (error as { hint: string }).hint = t(error.hint);
  }
  return error;
};
