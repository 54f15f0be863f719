// Inputs for the parser property tests: real fixture outputs, cut into windows and mutated line by line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { FormatName } from "../../src/parse/index.js";

const root = new URL("../fixtures/parse/", import.meta.url).pathname;

// Fixture inputs per format (small ones first: fuzzing speed depends on input size).
export const corpus = (format: FormatName, limit = 12): string[] =>
  readdirSync(join(root, format))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(root, format, f), "utf8"))
    .sort((a, b) => a.length - b.length)
    .slice(0, limit);

// One mutation of one line.
export const lineMutation = fc.oneof(
  fc.constant((l: string) => l.slice(0, Math.floor(l.length / 2))), // truncated
  fc.constant((l: string) => l.replace(/ /g, "  ")), // extra spaces
  fc.constant((l: string) => `${l} --frobnicate on`), // unknown flag
  fc.constant((l: string) => l.replace(/\d+/, "99999999999999999999999")), // huge counter
  fc.constant((l: string) => l.replace(/\d+/, "-1")),
  fc.constant((l: string) => `\t${l}`),
  fc.constant((l: string) => l.toUpperCase()),
  fc.constant(() => ""),
  fc.string({ maxLength: 30 }).map((s) => (l: string) => `${l}${s}`),
  fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => () => s),
);

// A mutated window of a real output: some contiguous lines, some lines mutated, CRLF or not.
export const mutatedText = (inputs: readonly string[]) =>
  fc
    .record({
      input: fc.constantFrom(...inputs),
      start: fc.nat(),
      length: fc.integer({ min: 0, max: 16 }),
      mutations: fc.array(fc.tuple(fc.nat(), lineMutation), { maxLength: 4 }),
      crlf: fc.boolean(),
    })
    .map(({ input, start, length, mutations, crlf }) => {
      const lines = input.split("\n");
      const from = lines.length === 0 ? 0 : start % lines.length;
      const window = lines.slice(from, from + length);
      for (const [at, mutate] of mutations) if (window.length > 0) window[at % window.length] = mutate(window[at % window.length] ?? "");
      return window.join(crlf ? "\r\n" : "\n");
    });

/**
 * Overwrite one member of one object or array inside `doc` (in place), both picked by `at`: the at-th holder in
 * depth-first order and its at-th key. `undefined` deletes the member. A document with no holder is left alone.
 */
export const overwriteMember = (doc: unknown, at: number, value: unknown): void => {
  const holders: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "object" && v !== null) {
      holders.push(v as Record<string, unknown>);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(doc);
  const holder = holders[at % Math.max(holders.length, 1)];
  if (holder === undefined) return;
  const keys = Object.keys(holder);
  const key = keys[at % Math.max(keys.length, 1)];
  if (key === undefined) return;
  if (value === undefined) delete holder[key];
  else holder[key] = value;
};
