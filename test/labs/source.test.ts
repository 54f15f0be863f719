// Lab sources (src/notebooks/*.ts): the committed notebooks, answer keys and README tables are exactly what
// the sources build, the code cells type-check against the public API, and malformed sources are refused with
// file:line. No engine, no root: this runs in `npm run test:unit`.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { LabDefinition } from "../../src/labs/definition.js";
import { labs } from "../../src/labs/registry.js";
import { buildLab, moduleOf } from "../../src/labs/source/build.js";
import { parseLabSource } from "../../src/labs/source/parse.js";
import { buildProject } from "../../src/labs/source/project.js";
import { typecheckLabModules } from "../../src/labs/source/typecheck.js";
import { repoRoot } from "../helpers/cli.js";

const project = buildProject();

describe("lab sources", () => {
  for (const file of project.files) {
    const name = relative(repoRoot, file.path);
    it(`${name} is what its lab source builds (run \`npm run labs:build\` after editing a source)`, () => {
      expect(readFileSync(file.path, "utf8")).toBe(file.text);
    });
  }

  it("every lab's code cells, with the reference solutions, type-check against the built public API (tslab's options)", () => {
    expect(typecheckLabModules(project.modules)).toEqual([]);
  });

  it("the type check finds a mistake in a cell, and names the lab and the cell", () => {
    const lab03 = project.modules.get("03")!;
    const broken = lab03.replace("await lab.setup();", "await lab.setupp();");
    expect(broken).not.toBe(lab03);
    const errors = typecheckLabModules(new Map([["03", broken]]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ lab: "03" });
    expect(errors[0]!.cell).toMatch(/^setup \(src\/notebooks\/03-nat-ports\.ts:\d+\), line \d+ of the cell$/);
    expect(errors[0]!.message).toContain("setupp");
  });

  it("graded cells carry the definition's titles, and every visible check has one; hidden checks never appear", () => {
    for (const lab of labs) {
      const notebook = readFileSync(project.files.find((f) => f.path.endsWith(`${lab.slug}/lab.ipynb`))!.path, "utf8");
      for (const check of lab.checks) {
        if (check.hidden) expect(notebook, `${lab.id}: ${check.id}`).not.toContain(check.id);
        else expect(notebook, `${lab.id}: ${check.id}`).toContain(JSON.stringify(`${check.id}: ${check.title}.\n`).slice(1, -1));
      }
    }
  });

  it("every curriculum concept is taught by a cell and confirmed by a check (the coverage table has no gaps)", () => {
    const readme = project.files.find((f) => f.path.endsWith("labs/README.md"))!.text;
    const rows = readme.split("\n").filter((line) => /^\| [1-9]\d? \|/.test(line));
    expect(rows).toHaveLength(19);
    for (const row of rows) {
      const [, , lab, cells, checks] = row.split(" | ");
      expect(lab, row).not.toBe("**none**");
      expect(cells, row).toMatch(/`/);
      expect(checks, row).toMatch(/`\d\d\./);
    }
  });
});

// Labs reworked to issue 13's bar (predict → observe → explain, a troubleshooting exercise, reasoning over recording).
const reworked = ["01", "02", "03", "04", "05", "06", "07", "08"];

describe("labs that teach, not transcribe", () => {
  for (const id of reworked) {
    it(`lab ${id}: goals, at least two predictions, one troubleshooting exercise, every exercise typed, at most a third "record"`, () => {
      const lab = labs.find((l) => l.id === id)!;
      const cells = project.cells.get(id)!;
      expect(lab.goals?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(cells.filter((c) => c.kind === "predict").length).toBeGreaterThanOrEqual(2);
      const exercises = cells.filter((c) => c.kind === "exercise");
      expect(exercises.filter((c) => !c.exerciseType).map((c) => c.id)).toEqual([]);
      expect(exercises.filter((c) => c.exerciseType === "troubleshoot")).toHaveLength(1);
      expect(exercises.filter((c) => c.exerciseType === "record").length * 3).toBeLessThanOrEqual(exercises.length);
      expect(lab.checks.filter((c) => c.role === "troubleshoot")).toHaveLength(1);
      expect(lab.checks.filter((c) => c.role === "predictions")).toHaveLength(1);
      // Every concept the lab teaches (safe cleanup aside) has an exercise that is more than recording a field.
      for (const concept of lab.concepts.filter((c) => c !== 19)) {
        expect(
          exercises.some((c) => c.exerciseType !== "record" && c.concepts.includes(concept)),
          `lab ${id}, concept ${concept}`,
        ).toBe(true);
      }
    });
  }
});

describe("parseLabSource", () => {
  const lab = {
    id: "99",
    slug: "99-test",
    title: "t",
    summary: "s",
    concepts: [1],
    setup: async () => undefined,
    checks: [
      { id: "99.a", title: "A is there", concepts: [1], points: 1, run: async () => ({ passed: true, message: "" }) },
      { id: "99.h", title: "hidden", concepts: [1], points: 1, hidden: true, run: async () => ({ passed: true, message: "" }) },
    ],
  } satisfies LabDefinition;
  const good = [
    "// header",
    "",
    "/* %% md intro concepts=1",
    "# Title",
    "a **b**/c is *\\/ fine",
    "*/",
    "",
    "// %% code setup",
    'import { openLab } from "docker-net-lab";',
    'const lab = await openLab("99");',
    "",
    "// %% exercise ex1",
    "// your turn",
    "// %% solution ex1",
    "// your turn",
    'await lab.answer("x", 1);',
    "// %% check ex1-check 99.a",
    "",
    "// %% teardown teardown",
    'import { openLab } from "docker-net-lab";',
    'await (await openLab("99")).teardown();',
    "",
  ].join("\n");

  it("reads markdown, code, exercise + solution, check and teardown cells with their ids, tags and concepts", () => {
    const cells = parseLabSource(good, "t.ts");
    expect(cells.map((c) => [c.kind, c.id])).toEqual([
      ["md", "intro"],
      ["code", "setup"],
      ["exercise", "ex1"],
      ["check", "ex1-check"],
      ["teardown", "teardown"],
    ]);
    expect(cells[0]).toMatchObject({ source: "# Title\na **b**/c is */ fine", concepts: [1], line: 3 });
    expect(cells[2]).toMatchObject({ source: "// your turn", solution: '// your turn\nawait lab.answer("x", 1);' });
    const built = buildLab(cells, lab, "t.ts");
    expect(built.solutions).toEqual({ ex1: '// your turn\nawait lab.answer("x", 1);' });
    const nb = built.notebook.cells;
    expect(nb.map((c) => (c.metadata as { tags?: string[] }).tags ?? [])).toEqual([[], [], ["exercise"], ["graded"], ["teardown"]]);
    expect((nb[3]!.source as string[]).join("")).toBe('// Graded check 99.a: A is there.\nawait lab.check("99.a");');
    // One module for the type check: the teardown's import merged into the first, the solution in place of the exercise.
    const module = moduleOf(cells, lab, "t.ts");
    expect(module.match(/^import /gm)).toHaveLength(1);
    expect(module).toContain('await lab.answer("x", 1);');
  });

  const refused: [string, string, RegExp][] = [
    ["an unclosed markdown cell", "/* %% md a\ntext", /t\.ts:1: markdown cell `a` has no closing/],
    ["code before the first marker", "const x = 1;\n// %% code a\nx", /t\.ts:1: only comments/],
    ["a solution without its exercise", "// %% code a\nx\n// %% solution a\ny", /t\.ts:3: solution `a` must follow exercise `a`/],
    ["a repeated cell id", "// %% code a\nx\n// %% code a\ny", /t\.ts:3: cell id `a` is used twice/],
    ["a check cell with a body", "// %% check c 99.a\nawait lab.check();", /t\.ts:1: check cell `c` is written from the lab definition/],
    ["an unknown attribute", "// %% code a tag=x\nx", /t\.ts:1: unknown attribute `tag=x`/],
    ["an empty code cell", "// %% code a\n\n// %% code b\ny", /t\.ts:1: code cell `a` is empty/],
  ];
  for (const [what, text, message] of refused) it(`refuses ${what}, with file:line`, () => expect(() => parseLabSource(text, "t.ts")).toThrow(message));

  const withTeaching = {
    ...lab,
    predictions: [{ id: "n", question: "How many veths?", choices: ["1", "2"], explain: "One per container." }],
    troubleshoot: { symptom: "s", scenario: "sc", causes: { a: "A", b: "B" }, cause: "a", breakIt: async () => undefined },
  } satisfies LabDefinition;
  const teaching = [
    "// %% code setup",
    'const lab = await (await import("docker-net-lab")).openLab("99");',
    "// %% predict p1 n",
    'await lab.predict("n", undefined);',
    "// %% solution p1",
    'await lab.predict("n", "1");',
    "// %% code look",
    'await lab.observe("n", async () => 1);',
    "// %% code scenario",
    "await lab.scenario();",
    "// %% exercise t1 type=troubleshoot",
    "// fix it",
    "// %% solution t1",
    'await lab.diagnose("a");',
    "// %% check c 99.a",
    "",
  ].join("\n");

  it("reads prediction cells and exercise types, writes the question from the definition, and keys the prediction", () => {
    const cells = parseLabSource(teaching, "t.ts");
    expect(cells[1]).toMatchObject({ kind: "predict", prediction: "n", source: 'await lab.predict("n", undefined);' });
    expect(cells[4]).toMatchObject({ kind: "exercise", exerciseType: "troubleshoot" });
    const built = buildLab(cells, withTeaching, "t.ts");
    const cell = built.notebook.cells[1]!;
    expect(cell.metadata).toEqual({ tags: ["exercise", "predict"] });
    expect((cell.source as string[]).join("")).toMatch(
      /^\/\/ Prediction: How many veths\?\n\/\/ Choose one of: "1", "2"\.\n.*refused.*\nawait lab\.predict\("n", undefined\);$/s,
    );
    expect(built.solutions.p1).toMatch(/^\/\/ Prediction: How many veths\?[\s\S]*await lab\.predict\("n", "1"\);$/);
  });

  it("buildLab refuses a prediction without its cell, observed before its cell or never, and a troubleshooting exercise that names no cause", () => {
    const build = (text: string) => () => buildLab(parseLabSource(text, "t.ts"), withTeaching, "t.ts");
    expect(build(teaching.replace(/\/\/ %% predict[\s\S]*?(?=\/\/ %% code look)/, ""))).toThrow(/prediction `n` of lab 99 has no cell/);
    expect(build(teaching.replace('await lab.observe("n", async () => 1);', "1;"))).toThrow(/prediction `n` is never observed/);
    expect(build(teaching.replace("// %% code setup\n", '// %% code setup\nawait lab.observe("n", async () => 0);\n'))).toThrow(/observed before its cell/);
    expect(build(teaching.replace('await lab.diagnose("a");', "// nothing"))).toThrow(/must name the cause with lab.diagnose/);
    expect(build(teaching.replace(" type=troubleshoot", ""))).toThrow(/add an exercise with type=troubleshoot/);
    expect(build(teaching.replace("await lab.scenario();", "1;"))).toThrow(/must start it with `await lab.scenario\(\)`/);
    expect(build(teaching.replace('await lab.predict("n", "1");', 'await lab.predict("m", "1");'))).toThrow(/solution must call lab.predict\("n", …\)/);
    expect(() => parseLabSource("// %% predict p1\nx\n", "t.ts")).toThrow(/names one prediction id/);
    expect(() => parseLabSource("// %% predict p1 n\nx\n", "t.ts")).toThrow(/needs a `\/\/ %% solution p1`/);
    expect(() => parseLabSource("// %% code a type=build\nx\n", "t.ts")).toThrow(/type= belongs on an exercise/);
  });

  it("buildLab refuses an unknown or hidden check, a visible check without a graded cell, and a concept the lab does not teach", () => {
    const build = (text: string) => () => buildLab(parseLabSource(text, "t.ts"), lab, "t.ts");
    expect(build("// %% check c 99.zz")).toThrow(/lab 99 has no check `99.zz`/);
    expect(build("// %% check c 99.a 99.h")).toThrow(/check `99.h` is hidden/);
    expect(build("// %% code a\nx")).toThrow(/visible check\(s\) 99.a of lab 99 have no graded cell/);
    expect(build("// %% check c 99.a\n// %% code a concepts=5\nx")).toThrow(/t\.ts:2: concept\(s\) 5 are not among lab 99's concepts/);
  });
});
