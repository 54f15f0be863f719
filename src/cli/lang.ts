// The language a command prints in, chosen once for every command that takes --lang.
import { UsageError } from "../errors.js";
import type { Lang } from "../i18n/catalog.js";

/** --lang, else DNL_LANG, else the locale (ko* -> ko), else English; an unknown code is a usage error with the fix. */
export const chosenLang = async (flag: string | undefined): Promise<Lang> => {
  const { langFrom } = await import("../i18n/catalog.js");
  try {
    return langFrom(flag);
  } catch (error) {
    throw new UsageError((error as Error).message, { hint: "Use --lang ko or --lang en (or set DNL_LANG)." });
  }
};
