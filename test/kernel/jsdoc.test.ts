import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasLeadingJsDoc } from "../../src/kernel/jsdoc.js";

// tslab's own reader of a cell's tags (it loads TypeScript): the kernel asks it only when hasLeadingJsDoc says so.
const { getCodeMetadata } = createRequire(import.meta.url)("tslab/dist/metadata.js") as { getCodeMetadata(src: string): Record<string, unknown> };

const notebookCells = (): string[] => {
  const cells: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ipynb")) {
        const nb = JSON.parse(readFileSync(path, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
        for (const cell of nb.cells) if (cell.cell_type === "code") cells.push(Array.isArray(cell.source) ? cell.source.join("") : cell.source);
      }
    }
  };
  walk(new URL("../../labs", import.meta.url).pathname);
  return cells;
};

describe("a cell's JSDoc tags without TypeScript", () => {
  const crafted = [
    "",
    "1 + 1",
    "// a comment\nconst x = 1;",
    "/* not jsdoc */ const x = 1;",
    "/** @module m */ export const x = 1;",
    "  \n\t/** @browser */\nconsole.log(1)",
    "// first\n/** @jsx */\nconst a = <div/>;",
    "/* a */ /* b */ /** @node */ 1",
    "#!/usr/bin/env node\n1",
    "/**/ 1",
    "/* unterminated",
    "\uFEFF/** @module bom */ 1",
    "const s = '/** @module not-leading */';",
    "x; /** @module late */",
  ];

  it("sends every cell that has a tag to tslab, and finds none where tslab finds none", () => {
    const sources = [...crafted, ...notebookCells()];
    expect(sources.length).toBeGreaterThan(100);
    for (const src of sources) if (!hasLeadingJsDoc(src)) expect(getCodeMetadata(src), JSON.stringify(src.slice(0, 80))).toEqual({});
    for (const src of sources.filter((s) => Object.keys(getCodeMetadata(s)).length > 0)) expect(hasLeadingJsDoc(src)).toBe(true);
    expect(getCodeMetadata("/** @module m */ export const x = 1;")).toEqual({ module: "m" });
  });

  it("answers the common cases without tslab", () => {
    expect(hasLeadingJsDoc("1 + 1")).toBe(false);
    expect(hasLeadingJsDoc("// Exercise 1: …\nawait lab.sh`docker ps`")).toBe(false);
    expect(hasLeadingJsDoc("/* %% note */\nconst a = 1")).toBe(false);
    expect(hasLeadingJsDoc("/** @browser */ 1")).toBe(true);
  });
});
