// Drift between the English labs and their Korean edition: a missing or stale translation fails and names the cell
// or the message. Pure: reads the sources, the catalogs and the committed notebooks; no engine.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Catalog } from "../../src/i18n/catalog.js";
import { ko as common } from "../../src/i18n/common.ko.js";
import { sourceFile } from "../../src/labs/answer-key.js";
import { commonCatalog, labCatalogs, translatorFor } from "../../src/labs/catalogs.js";
import { labs } from "../../src/labs/registry.js";
import { parseLabSource } from "../../src/labs/source/parse.js";
import { translatedCells, translationProblems } from "../../src/labs/source/translation.js";
import { learnerStrings } from "./extract.js";

const root = join(import.meta.dirname, "..", "..");
// The lab's definition: the one src/labs/defs/labNN-*.ts that is not a Korean catalog.
const defFile = (id: string): string => {
  const dir = join(root, "src", "labs", "defs");
  const found = readdirSync(dir).filter((file) => file.startsWith(`lab${id}-`) && file.endsWith(".ts") && !file.endsWith(".ko.ts"));
  if (found.length !== 1) throw new Error(`lab ${id}: expected one definition src/labs/defs/lab${id}-<name>.ts, found ${found.length}`);
  return join(dir, found[0]!);
};

/** The runtime files whose learner-visible strings the shared catalog (src/i18n/common.ko.ts) translates. */
const runtimeFiles = [
  "src/labs/lab.ts",
  "src/labs/predictions.ts",
  "src/labs/troubleshoot.ts",
  "src/labs/preconditions.ts",
  "src/checks/check.ts",
  "src/render/check-report.ts",
  "src/render/prediction-view.ts",
  "src/grade/feedback.ts",
  "src/grade/grade-one.ts",
  "src/labs/source/build.ts",
  "src/cli/labs.ts",
];

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
const hangul = /[\uac00-\ud7a3]/;

// What is wrong with a catalog's entries themselves: placeholders that differ, a value with no Korean.
const entryProblems = (catalog: Catalog, exactPlaceholders: boolean): string[] =>
  Object.entries(catalog).flatMap(([key, value]) => {
    const problems: string[] = [];
    const want = placeholders(key);
    const got = placeholders(value);
    if (got.some((p) => !want.includes(p)) || (exactPlaceholders && want.join() !== got.join()))
      problems.push(`${JSON.stringify(key)}: placeholders ${want.join(" ") || "none"} in English, ${got.join(" ") || "none"} in Korean`);
    if (!hangul.test(value) && /[a-z]{3,}/i.test(key.replace(/`[^`]*`/g, ""))) problems.push(`${JSON.stringify(key)}: the Korean value holds no Korean`);
    return problems;
  });

const translated = labs.filter((lab) => existsSync(join(root, sourceFile(lab, "ko"))));

describe("the shared catalog (src/i18n/common.ko.ts)", () => {
  it("translates every learner-visible string of the runtime", () => {
    const t = translatorFor("ko");
    const missing = runtimeFiles.flatMap((file) =>
      learnerStrings(join(root, file), { runtime: true })
        .filter((s) => t.find(s.key) === null && !(s.key in commonCatalog))
        .map((s) => `${file}:${s.line}: ${JSON.stringify(s.key)}`),
    );
    expect(missing, `strings without a Korean translation:\n${missing.join("\n")}`).toEqual([]);
  });
  it("has well-formed entries", () => {
    expect(entryProblems(common, false)).toEqual([]);
  });
});

describe.each(labs.map((lab) => [lab.id, lab] as const))("lab %s", (id, lab) => {
  const hasKo = translated.includes(lab);
  // Every lab has both languages: a new lab without its Korean edition fails here, never skips.
  it("has a Korean edition (src/notebooks/NN-slug.ko.ts and its catalog)", () => {
    expect(hasKo, `${sourceFile(lab, "ko")} is missing: npm run labs:ko -- --ko-stubs ${id}`).toBe(true);
  });

  it("the Korean notebook source has every English cell, current and with the same code", () => {
    const english = parseLabSource(readFileSync(join(root, sourceFile(lab)), "utf8"), sourceFile(lab));
    const ko = parseLabSource(readFileSync(join(root, sourceFile(lab, "ko")), "utf8"), sourceFile(lab, "ko"));
    const problems = translationProblems(english, ko).map((p) => `${sourceFile(lab, "ko")}: ${p.kind}: ${p.message}`);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("the catalog translates every learner-visible string of the definition and the notebook, and nothing else", () => {
    const catalog = labCatalogs[id] ?? {};
    const strings = [
      ...learnerStrings(defFile(id)).map((s) => ({ ...s, file: defFile(id) })),
      ...learnerStrings(join(root, sourceFile(lab))).map((s) => ({ ...s, file: sourceFile(lab) })),
    ];
    const t = translatorFor("ko", id);
    const missing = strings
      .filter((s) => !(s.key in catalog) && !(s.key in commonCatalog) && t.find(s.key) === null)
      .map((s) => `${s.file}:${s.line}: ${JSON.stringify(s.key)}`);
    expect(missing, `strings without a Korean translation:\n${missing.join("\n")}`).toEqual([]);
    // A key no longer extracted may still be a piece of one (a literal inside a template's \${…}): it counts while
    // each of its literal parts is still in the English source.
    const english = [defFile(id), join(root, sourceFile(lab))].map((file) => readFileSync(file, "utf8").replace(/\\([`"'\\$])/g, "$1")).join("\n");
    const keys = new Set(strings.map((s) => s.key));
    const orphans = Object.keys(catalog).filter((key) => !keys.has(key) && !key.split(/\{\d+\}/).every((part) => english.includes(part)));
    expect(orphans, `catalog keys no longer in the English (the English changed: translate its new text):\n${orphans.join("\n")}`).toEqual([]);
    expect(entryProblems(catalog, true)).toEqual([]);
  });

  it("the built Korean notebook has the English cells, tags and checks, in Korean, with its language in the metadata", () => {
    type Nb = { cells: { id: string; cell_type: string; metadata: { tags?: string[] }; source: string[] }[]; metadata: Record<string, unknown> };
    const en = JSON.parse(readFileSync(join(root, "labs", lab.slug, "lab.ipynb"), "utf8")) as Nb;
    const ko = JSON.parse(readFileSync(join(root, "labs", "ko", lab.slug, "lab.ipynb"), "utf8")) as Nb;
    expect(ko.cells.map((c) => [c.id, c.cell_type, c.metadata.tags ?? []])).toEqual(en.cells.map((c) => [c.id, c.cell_type, c.metadata.tags ?? []]));
    expect(ko.metadata["docker-net-lab"]).toEqual({ lang: "ko", lab: id });
    expect(en.metadata["docker-net-lab"]).toEqual({ lang: "en", lab: id });
    expect(ko.metadata.language_info).toEqual(en.metadata.language_info);
    const calls = (nb: Nb) =>
      nb.cells.flatMap((c) =>
        c.source
          .join("")
          .split("\n")
          .filter((line) => line.startsWith("await lab.check(")),
      );
    expect(calls(ko)).toEqual(calls(en));
    const setup = ko.cells.map((c) => c.source.join("")).find((s) => s.includes("openLab("));
    expect(setup).toContain(`openLab("${id}", { lang: "ko" })`);
    const markdown = ko.cells.filter((c) => c.cell_type === "markdown");
    expect(markdown.filter((c) => !hangul.test(c.source.join(""))).map((c) => c.id)).toEqual([]);
    for (const check of lab.checks.filter((c) => !c.hidden)) expect(translatorFor("ko", id).find(check.title), check.id).not.toBeNull();
  });
});

describe("translationProblems", () => {
  const english = parseLabSource(
    ["/* %% md intro", "# Lab", "*/", "", "// %% code c1", "// say hello", 'console.log("hi");', "// and goodbye", "", "// %% check all"].join("\n"),
    "en.ts",
  );
  const [intro] = english;
  const hash = (body: string) => createHash("sha256").update(body).digest("hex").slice(0, 8);
  // A code cell's translation holds its comments only; its hash is of the English comments.
  const ko = (md: string, comments: string, introHash = hash(intro!.source), codeHash = hash("// say hello\n// and goodbye")) =>
    parseLabSource(
      [`/* %% md intro en=${introHash}`, md, "*/", "", `// %% code c1 en=${codeHash}`, comments, "", `// %% check all en=${hash("")}`].join("\n"),
      "ko.ts",
    );
  it("finds nothing wrong with a current, complete translation", () => {
    expect(translationProblems(english, ko("# 실습", "// 인사\n// 작별"))).toEqual([]);
  });
  it("builds the Korean cell from the English code with the translated comments in place", () => {
    const [, c1] = translatedCells(english, ko("# 실습", "// 인사\n// 작별"), "ko");
    expect(c1!.source).toBe('// 인사\nconsole.log("hi");\n// 작별');
  });
  it("reads a URL in a string as code, not as a comment to translate", () => {
    const url = 'await lab.sh`wget -qO- http://127.0.0.1/`.catch(() => console.log("(side got no page from it)"));';
    const en = parseLabSource(`// %% code c1\n${url}`, "en.ts");
    expect(translationProblems(en, parseLabSource(`// %% code c1 en=${hash("")}\n`, "ko.ts"))).toEqual([]);
  });
  it("a change to the English code alone leaves the translation current; a change to its comments makes it stale", () => {
    const recoded = parseLabSource(
      ["/* %% md intro", "# Lab", "*/", "", "// %% code c1", "// say hello", 'console.log("hello");', "// and goodbye"].join("\n"),
      "en.ts",
    );
    expect(translationProblems(recoded, ko("# 실습", "// 인사\n// 작별").slice(0, 2))).toEqual([]);
    const recommented = parseLabSource(
      ["/* %% md intro", "# Lab", "*/", "", "// %% code c1", "// say hi", 'console.log("hi");', "// and goodbye"].join("\n"),
      "en.ts",
    );
    expect(translationProblems(recommented, ko("# 실습", "// 인사\n// 작별").slice(0, 2)).map((p) => [p.cell, p.kind])).toEqual([["c1", "stale"]]);
  });
  it("names a stale cell, code in a translation, a comment too many or too few, untranslated markdown and a missing cell", () => {
    expect(translationProblems(english, ko("# 실습", "// 인사\n// 작별", "00000000")).map((p) => [p.cell, p.kind])).toEqual([["intro", "stale"]]);
    expect(translationProblems(english, ko("# 실습", '// 인사\nconsole.log("안녕");\n// 작별')).map((p) => [p.cell, p.kind])).toEqual([["c1", "code"]]);
    expect(translationProblems(english, ko("# 실습", "// 인사")).map((p) => [p.cell, p.kind])).toEqual([["c1", "comments"]]);
    expect(translationProblems(english, ko("# Lab", "// 인사\n// 작별")).map((p) => [p.cell, p.kind])).toEqual([["intro", "untranslated"]]);
    expect(translationProblems(english, english.slice(0, 1)).map((p) => [p.cell, p.kind])).toContainEqual(["c1", "missing"]);
  });
});
