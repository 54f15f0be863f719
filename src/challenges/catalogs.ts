// The challenges' Korean catalogs: one per challenge (src/challenges/defs/cN-slug.ko.ts: its brief, check titles,
// messages and hint levels) and the shared one of the challenge runtime (src/challenges/common.ko.ts: the brief's
// headings, the notebook's cells, the CLI's lines). A challenge's texts name parameters as `{web}`; the judges fill
// them in before a message is shown, so each such entry also counts as a template (`{web}` -> `{0}`, in order).
import { type Catalog, english, type Lang, Translator } from "../i18n/catalog.js";
import { commonCatalog } from "../labs/catalogs.js";
import { ko as common } from "./common.ko.js";
import { ko as c1 } from "./defs/c1-lan-only.ko.js";
import { ko as c2 } from "./defs/c2-three-tiers.ko.js";
import { ko as c3 } from "./defs/c3-router.ko.js";
import { ko as c4 } from "./defs/c4-macvlan-host.ko.js";
import { ko as c5 } from "./defs/c5-snat.ko.js";
import { ko as c6 } from "./defs/c6-link-to-network.ko.js";
import { ko as c7 } from "./defs/c7-name-diagnosis.ko.js";
import { ko as c8 } from "./defs/c8-engine-ranges.ko.js";

/** Challenge id -> its Korean catalog. */
export const challengeCatalogs: Readonly<Record<string, Catalog>> = { c1, c2, c3, c4, c5, c6, c7, c8 };

/** The shared catalog of the challenge runtime. */
export const challengeCommonCatalog: Catalog = common;

const named = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The entries of a catalog whose keys name parameters, as templates over `{0}`, `{1}`… (in the order of the English). */
export const asTemplates = (catalog: Catalog): Catalog => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const names = [...new Set([...key.matchAll(named)].map((m) => m[1] as string))];
    if (names.length === 0) continue;
    const base = Math.max(-1, ...[...key.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]))) + 1;
    const index = (text: string) => text.replace(named, (all, name: string) => (names.includes(name) ? `{${base + names.indexOf(name)}}` : all));
    out[index(key)] = index(value);
  }
  return out;
};

const cache = new Map<string, Translator>();

/** The translator of one challenge (its catalog, the challenges' shared one and the labs' runtime one), or of the shared ones alone. */
export const challengeTranslator = (lang: Lang, id?: string): Translator => {
  if (lang === "en") return english;
  const key = `${lang}:${id ?? ""}`;
  let found = cache.get(key);
  if (!found) {
    const own = id === undefined ? {} : (challengeCatalogs[id] ?? {});
    found = new Translator(lang, [own, asTemplates(own), common, asTemplates(common), commonCatalog]);
    cache.set(key, found);
  }
  return found;
};
