// The shared Korean catalog: what the lab runtime (src/labs), the checks (src/checks), the reports (src/render),
// the grader's feedback (src/grade) and the CLI print, English -> Korean. Templates: {0}, {1}, … (catalog.ts).
import type { Catalog } from "./catalog.js";

export const ko: Catalog = {};
