// shape.ts's plain reader against the zod schema built from the same shape: on every input it reads, it must give
// zod's output exactly (values, keys present, key order); it may give up (then zod decides), but not on an engine's
// well-formed answers (the recorded fixtures), where it is what runs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containerShape } from "../../src/parse/docker-inspect.js";
import { networkShape } from "../../src/parse/network-inspect.js";
import { mismatch, read, type Shape } from "../../src/parse/shape.js";
import { schemaOf } from "../../src/parse/validate.js";
import { overwriteMember } from "./fuzz-inputs.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 3_000);
const fixtures = (format: string): unknown[] => {
  const dir = join(import.meta.dirname, "../fixtures/parse", format);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .flatMap((name) => {
      const text = readFileSync(join(dir, name), "utf8");
      try {
        const doc: unknown = JSON.parse(text);
        return Array.isArray(doc) ? doc : [doc];
      } catch {
        return text
          .split("\n")
          .filter((line) => line.trim() !== "")
          .map((line) => JSON.parse(line) as unknown);
      }
    });
};

// Keys in order, all the way down (toStrictEqual does not compare key order).
const keyOrder = (value: unknown): unknown =>
  typeof value === "object" && value !== null ? Object.entries(value).map(([key, inner]) => [key, keyOrder(inner)]) : value;

const same = (shape: Shape, input: unknown): boolean => {
  const fast = read(shape, input);
  if (fast === mismatch) return false;
  const slow = schemaOf(shape).safeParse(input);
  expect(slow.success).toBe(true);
  expect(fast).toStrictEqual(slow.data);
  expect(keyOrder(fast)).toEqual(keyOrder(slow.data));
  return true;
};

// A document with a few members overwritten by random JSON (wrong types, nulls, missing-by-undefined).
const mutated = (docs: readonly unknown[]) =>
  fc
    .record({
      doc: fc.constantFrom(...docs),
      edits: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))), { maxLength: 3 }),
    })
    .map(({ doc, edits }) => {
      const copy = structuredClone(doc);
      for (const [at, value] of edits) overwriteMember(copy, at, value);
      return copy;
    });

describe.each([
  ["docker-inspect", containerShape],
  ["network-inspect", networkShape],
] as const)("the %s shape reads what its zod schema outputs", (format, shape) => {
  const docs = fixtures(format);
  it("reads every recorded engine answer itself (no zod), as zod would", () => {
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) expect(same(shape, doc)).toBe(true);
  });
  it("gives zod's output or gives up on mutated answers", () => {
    let read = 0;
    fc.assert(
      fc.property(mutated(docs), (doc) => {
        if (same(shape, doc)) read++;
      }),
      { numRuns: RUNS },
    );
    // Most mutations still fit (a string for a string, a null for a defaulted field): the comparison was exercised.
    expect(read).toBeGreaterThan(RUNS / 10);
  });
});
