// Languages and catalogs: English is the source, Korean a translation kept beside it.
//
// A catalog maps the exact English string to its translation. A string the code builds with a template literal is
// keyed by the template with each `${…}` written `{0}`, `{1}`, … in order; the translation uses the same
// placeholders, in any order:
//   "web1 is {0} and web2 is {1}, both in {2}." -> "web1은 {0}, web2는 {1}이며 둘 다 {2}에 속합니다."
// A Translator matches at output time: the exact key first, then the templates (the one with the most literal text
// wins); a value caught by a placeholder is translated in turn when it is itself a sentence of a catalog (a message
// built from other messages). A string no catalog knows is shown as it is (in English). Pure: no I/O.

/** The languages of the labs. */
export const languages = ["en", "ko"] as const;
export type Lang = (typeof languages)[number];

/** English string (or template) -> translation. */
export type Catalog = Readonly<Record<string, string>>;

/** `ko` or `en`; anything else is refused with the allowed values. */
export const parseLang = (value: string, name = "--lang"): Lang => {
  const lang = value.trim().toLowerCase();
  if ((languages as readonly string[]).includes(lang)) return lang as Lang;
  throw new Error(`Expected the \`${name}\` option to be one of ${languages.join(", ")}, got \`${value}\`.`);
};

/**
 * The language to use: an explicit choice, else DNL_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG starting with
 * `ko` -> ko), else English.
 */
export const langFrom = (explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang => {
  if (explicit !== undefined && explicit !== "") return parseLang(explicit);
  if (env.DNL_LANG) return parseLang(env.DNL_LANG, "DNL_LANG");
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^ko([_.-]|$)/i.test(locale) ? "ko" : "en";
};

/** The placeholders of a key, `{0}`, `{1}`… */
const placeholder = /\{(\d+)\}/g;

/** The key of a template literal whose parts are given (`["a ", " b"]` -> `a {0} b`). */
export const templateKey = (parts: readonly string[]): string => parts.reduce((key, part, i) => (i === 0 ? part : `${key}{${i - 1}}${part}`), "");

interface Template {
  readonly key: string;
  readonly regex: RegExp;
  readonly literal: number;
  readonly value: string;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const compile = (key: string, value: string): Template => {
  const pieces = key.split(placeholder); // literal, index, literal, index, …
  let source = "^";
  let literal = 0;
  for (let i = 0; i < pieces.length; i++) {
    if (i % 2 === 0) {
      source += escapeRegex(pieces[i]!);
      literal += pieces[i]!.length;
    } else source += "([\\s\\S]*?)";
  }
  return { key, regex: new RegExp(`${source}$`), literal, value };
};

/** Translates English strings of the labs at output time. English (or no catalog) returns every string as it is. */
export class Translator {
  readonly lang: Lang;
  private readonly exact = new Map<string, string>();
  private readonly templates: Template[] = [];

  constructor(lang: Lang, catalogs: readonly Catalog[] = []) {
    this.lang = lang;
    if (lang === "en") return;
    for (const catalog of catalogs)
      for (const [key, value] of Object.entries(catalog)) {
        if (/\{\d+\}/.test(key)) this.templates.push(compile(key, value));
        else this.exact.set(key, value);
      }
    this.templates.sort((a, b) => b.literal - a.literal || a.key.localeCompare(b.key));
  }

  /** The translation of `text`, or `text` itself when no catalog knows it. */
  t = (text: string): string => this.lookup(text, 0) ?? text;

  /** Like `t`, but null when no catalog knows the string (the drift tests use it). */
  find(text: string): string | null {
    return this.lookup(text, 0);
  }

  private lookup(text: string, depth: number): string | null {
    if (this.lang === "en") return text;
    const exact = this.exact.get(text);
    if (exact !== undefined) return exact;
    if (depth > 3) return null;
    const trimmed = text.trim();
    if (trimmed !== text && trimmed !== "") {
      const inner = this.lookup(trimmed, depth + 1);
      if (inner !== null) return text.replace(trimmed, inner);
    }
    for (const template of this.templates) {
      const match = template.regex.exec(text);
      if (!match) continue;
      return template.value.replace(placeholder, (whole, index: string) => {
        const value = match[Number(index) + 1];
        if (value === undefined) return whole;
        // A value that is itself a catalog entry or a sentence of one (a message inside a message) is translated too;
        // names and numbers are not.
        const known = this.exact.get(value);
        if (known !== undefined) return known;
        return /\s/.test(value.trim()) ? (this.lookup(value, depth + 1) ?? value) : value;
      });
    }
    return null;
  }
}

/** No translation: what English output uses. */
export const english = new Translator("en");
