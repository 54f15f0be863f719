// Lab 06 in Korean: the learner-visible strings of lab06-macvlan.ts (check titles, messages, hints, predictions, goals,
// troubleshooting), English -> Korean. Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {};
