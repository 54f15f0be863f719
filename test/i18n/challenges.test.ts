// Drift between the English challenges and their Korean catalogs: a missing or stale translation fails and names the
// string. Pure: reads the sources, the catalogs and the committed notebooks; no engine.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { challengeFiles } from "../../src/challenges/build-main.js";
import { asTemplates, challengeCatalogs, challengeCommonCatalog, challengeTranslator } from "../../src/challenges/catalogs.js";
import { challenges } from "../../src/challenges/registry.js";
import type { Catalog } from "../../src/i18n/catalog.js";
import { learnerStrings } from "./extract.js";

const root = join(import.meta.dirname, "..", "..");
const hangul = /[\uac00-\ud7a3]/;

/** The runtime files whose learner-visible strings the challenges' shared catalog translates. */
const runtimeFiles = [
  "src/challenges/brief.ts",
  "src/challenges/notebook.ts",
  "src/challenges/challenge.ts",
  "src/challenges/runtime.ts",
  "src/cli/challenge.ts",
];

// A logged command (`$ docker …`) is shown as it is; a script a container runs (`#!/bin/sh…`) is not read by the learner.
const shown = (key: string): boolean => !key.startsWith("$ ") && !key.startsWith("#!");

const placeholders = (text: string): string[] => [...new Set(text.match(/\{[A-Za-z0-9]+\}/g) ?? [])].sort();

// Placeholders that differ, a value with no Korean though the English has words outside code.
const entryProblems = (catalog: Catalog, exact: boolean): string[] =>
  Object.entries(catalog).flatMap(([key, value]) => {
    const problems: string[] = [];
    const want = placeholders(key);
    const got = placeholders(value);
    if (got.some((p) => !want.includes(p)) || (exact && want.join() !== got.join()))
      problems.push(`${JSON.stringify(key)}: placeholders ${want.join(" ") || "none"} in English, ${got.join(" ") || "none"} in Korean`);
    if (!hangul.test(value) && /[a-z]{3,}/i.test(key.replace(/`[^`]*`/g, ""))) problems.push(`${JSON.stringify(key)}: the Korean value holds no Korean`);
    return problems;
  });

describe("the challenges' shared catalog (src/challenges/common.ko.ts)", () => {
  it("translates every learner-visible string of the challenge runtime and CLI", () => {
    const t = challengeTranslator("ko");
    const missing = runtimeFiles.flatMap((file) =>
      learnerStrings(join(root, file), { runtime: true })
        .filter((s) => shown(s.key) && t.find(s.key) === null)
        .map((s) => `${file}:${s.line}: ${JSON.stringify(s.key)}`),
    );
    expect(missing, `strings without a Korean translation:\n${missing.join("\n")}`).toEqual([]);
  });
  it("has well-formed entries, and parameter names become templates", () => {
    expect(entryProblems(challengeCommonCatalog, false)).toEqual([]);
    expect(asTemplates({ "`{web}` got {lanHost}:{port}.": "`{web}`이(가) {lanHost}:{port}" })).toEqual({ "`{0}` got {1}:{2}.": "`{0}`이(가) {1}:{2}" });
    expect(challengeTranslator("ko", "c1").t("`dnl-ab12-c1-web` is not running.")).toBe("`dnl-ab12-c1-web`이(가) 실행 중이 아닙니다.");
  });
});

describe.each(challenges.map((definition) => [definition.id, definition] as const))("challenge %s", (id, definition) => {
  const catalog = challengeCatalogs[id];
  const file = join(root, "src", "challenges", "defs", `${definition.slug}.ts`);
  // Every challenge has both languages: a new one without its Korean catalog fails here, never skips.
  it("has a Korean catalog", () => {
    expect(catalog !== undefined, `src/challenges/defs/${definition.slug}.ko.ts is missing`).toBe(true);
  });

  it("the catalog translates every learner-visible string of the definition, and nothing else", () => {
    const own = catalog ?? {};
    const strings = learnerStrings(file).filter((s) => shown(s.key));
    const t = challengeTranslator("ko", id);
    const missing = strings.filter((s) => t.find(s.key) === null).map((s) => `${file}:${s.line}: ${JSON.stringify(s.key)}`);
    expect(missing, `strings without a Korean translation:\n${missing.join("\n")}`).toEqual([]);
    const english = readFileSync(file, "utf8").replace(/\\([`"'\\$])/g, "$1");
    const keys = new Set(strings.map((s) => s.key));
    const orphans = Object.keys(own).filter((key) => !keys.has(key) && !key.split(/\{\d+\}/).every((part) => english.includes(part)));
    expect(orphans, `catalog keys no longer in the English (translate its new text):\n${orphans.join("\n")}`).toEqual([]);
    expect(entryProblems(own, true)).toEqual([]);
  });

  it("the Korean notebook has the English cells, in Korean, opens the challenge in Korean and says so in its metadata", () => {
    type Nb = { cells: { id: string; cell_type: string; metadata: { tags?: string[] }; source: string[] }[]; metadata: Record<string, unknown> };
    const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Nb;
    const en = read(join(root, "labs", "challenges", `${definition.slug}.ipynb`));
    const ko = read(join(root, "labs", "ko", "challenges", `${definition.slug}.ipynb`));
    expect(ko.cells.map((c) => [c.id, c.cell_type, c.metadata.tags ?? []])).toEqual(en.cells.map((c) => [c.id, c.cell_type, c.metadata.tags ?? []]));
    expect(ko.metadata["docker-net-lab"]).toEqual({ lang: "ko", challenge: id });
    expect(ko.cells.find((c) => c.id === "start")?.source.join("")).toContain(`openChallenge("${id}", { lang: "ko" })`);
    expect(ko.cells.filter((c) => c.cell_type === "markdown" && !hangul.test(c.source.join(""))).map((c) => c.id)).toEqual([]);
    expect(challengeFiles().some((f) => f.path.endsWith(join("ko", "challenges", `${definition.slug}.ipynb`)))).toBe(true);
  });
});
