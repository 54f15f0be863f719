import fc from "fast-check";
import { describe, it } from "vitest";
import { formatNames, formats, type FormatName } from "../../src/parse/index.js";
import { corpus, mutatedText, overwriteMember } from "./fuzz-inputs.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const JSON_ONLY = new Set<FormatName>(["docker-inspect", "network-inspect"]);

// Valid JSON with random values swapped in (wrong types, nulls, huge numbers): exercises the zod boundary.
const mutatedJson = (inputs: readonly string[]) => {
  // Arrays are cut into pairs of elements and Docker's bulky unmodelled fields dropped, so each case stays small.
  const docs = inputs.flatMap((t) => {
    let doc: unknown;
    try {
      doc = JSON.parse(t);
    } catch {
      return [];
    }
    const items = (Array.isArray(doc) ? doc : [doc]).map(prune);
    const pairs: unknown[] = [];
    for (let i = 0; i < items.length; i += 2) pairs.push(items.slice(i, i + 2));
    return pairs;
  });
  if (docs.length === 0) return fc.constant("[]");
  return fc
    .record({ doc: fc.constantFrom(...docs), edits: fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }) })
    .map(({ doc, edits }) => {
      const copy = structuredClone(doc) as unknown;
      for (const [at, value] of edits) overwriteMember(copy, at, value);
      return JSON.stringify(copy, null, at(edits.length));
    });
};
const BULKY = new Set([
  "GraphDriver",
  "Mounts",
  "ResolvConfPath",
  "HostnamePath",
  "HostsPath",
  "LogPath",
  "MaskedPaths",
  "ReadonlyPaths",
  "Args",
  "Env",
  "Cmd",
  "ExposedPorts",
  "LogConfig",
  "RestartPolicy",
  "BlkioWeightDevice",
  "BlkioDeviceReadBps",
  "BlkioDeviceWriteBps",
  "BlkioDeviceReadIOps",
  "BlkioDeviceWriteIOps",
  "Devices",
  "Ulimits",
  "ConsoleSize",
]);
const prune = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(prune);
  if (typeof v !== "object" || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => !BULKY.has(k))
      .map(([k, x]) => [k, prune(x)]),
  );
};
const at = (n: number): number | undefined => (n % 2 === 0 ? 4 : undefined);

// The invariants every result must satisfy (plain checks: this runs 10,000 times per parser).
const checkResult = (format: FormatName, text: string, raw: boolean): void => {
  const where = (): string => JSON.stringify(text.slice(0, 300));
  let result: ReturnType<(typeof formats)[FormatName]["parse"]>;
  try {
    result = formats[format].parse(text, { raw });
  } catch (error) {
    throw new Error(`${format} threw on ${where()}: ${String(error)}`);
  }
  const lineCount = text === "" ? 0 : text.split(/\r\n|\n|\r/).length;
  if (!Array.isArray(result.value)) throw new Error(`${format}: value is not an array on ${where()}`);
  for (const p of result.problems) {
    if (p.parser !== format) throw new Error(`${format}: problem names parser ${p.parser}`);
    if (!(p.line >= 0 && p.line <= lineCount)) throw new Error(`${format}: problem line ${p.line} outside 0..${lineCount} on ${where()}`);
    if (p.message.startsWith("internal error")) throw new Error(`${format}: ${p.message} on ${where()}`);
    if (p.text.length > 200) throw new Error(`${format}: problem text longer than 200 characters`);
  }
};

describe("fuzzing every parser", () => {
  for (const format of formatNames) {
    const inputs = corpus(format);
    it(`${format}: never throws and reports only real lines on ${RUNS} mutated inputs`, () => {
      const text = JSON_ONLY.has(format)
        ? fc.oneof(mutatedJson(inputs), mutatedText(inputs), fc.string({ maxLength: 200 }))
        : fc.oneof(
            { arbitrary: mutatedText(inputs), weight: 8 },
            { arbitrary: mutatedJson(inputs), weight: 1 },
            { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
          );
      fc.assert(
        fc.property(text, fc.boolean(), (t, raw) => {
          checkResult(format, t, raw);
        }),
        { numRuns: RUNS },
      );
    });

    it(`${format}: a garbage line inserted anywhere is reported at its line`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...inputs), fc.nat(), fc.boolean(), (input, pos, crlf) => {
          const lines = input.replace(/\n$/, "").split("\n");
          const k = pos % (lines.length + 1);
          lines.splice(k, 0, "%% not any tool's output %%");
          const { problems } = formats[format].parse(lines.join(crlf ? "\r\n" : "\n"));
          if (!problems.some((p) => p.line === k + 1))
            throw new Error(`${format}: garbage at line ${k + 1} not reported: ${JSON.stringify(problems.slice(0, 3))}`);
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 20)) },
      );
    });
  }
});
