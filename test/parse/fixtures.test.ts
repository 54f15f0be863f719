// One table-driven test over every fixture pair under test/fixtures/parse/<format>/<variant>--<source>.txt
// (input) + .json (expected processed output) + .meta.json (command, versions, date or cited source).
// A missing .json fails; DNL_UPDATE_FIXTURES=1 writes it (then review it by hand before committing).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formats, isFormatName } from "../../src/parse/index.js";

const root = new URL("../fixtures/parse/", import.meta.url).pathname;
const update = process.env.DNL_UPDATE_FIXTURES === "1";

const pairs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => ({ format: d.name, name: f.slice(0, -4), dir: join(root, d.name) })),
  );

describe("parser fixtures", () => {
  it("has at least 40 recorded or published fixture pairs", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(update ? 0 : 40);
  });

  for (const { format, name, dir } of pairs) {
    it(`parse ${format} ${name} gives the expected value, with its meta recorded`, () => {
      expect(isFormatName(format), `unknown format directory ${format}`).toBe(true);
      if (!isFormatName(format)) return;
      const input = readFileSync(join(dir, `${name}.txt`), "utf8");
      const meta = JSON.parse(readFileSync(join(dir, `${name}.meta.json`), "utf8")) as Record<string, unknown>;
      expect(typeof meta.command === "string" || typeof meta.url === "string", "meta names the command or the cited URL").toBe(true);
      expect(typeof meta.date, "meta records the date").toBe("string");
      const result = formats[format].parse(input);
      const actual = JSON.parse(JSON.stringify(result)) as unknown;
      const expectedPath = join(dir, `${name}.json`);
      if (!existsSync(expectedPath) && update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(expectedPath), `missing ${expectedPath} (run with DNL_UPDATE_FIXTURES=1 and review)`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
    });

    it(`parse ${format} ${name} --raw keeps one raw record per processed one, as plain JSON`, () => {
      if (!isFormatName(format)) return;
      const input = readFileSync(join(dir, `${name}.txt`), "utf8");
      const raw = formats[format].parse(input, { raw: true });
      const processed = formats[format].parse(input);
      expect(Array.isArray(raw.value)).toBe(true);
      expect(JSON.parse(JSON.stringify(raw.value))).toEqual(raw.value);
      // The processed stage may drop a record it reports as a problem, never silently.
      const dropped = (raw.value as unknown[]).length - (processed.value as unknown[]).length;
      expect(dropped).toBeGreaterThanOrEqual(0);
      expect(processed.problems.length).toBeGreaterThanOrEqual(raw.problems.length + (dropped > 0 ? 1 : 0));
    });
  }
});
