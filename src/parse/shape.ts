// Shapes of Docker's JSON, declared once: a fast plain-code reader for the well-formed answers an engine gives (the
// common case: no zod loaded, ~60 ms of a CLI command's start), and the zod schema built from the same declaration
// for everything else (validate.ts's tolerant repair, with its problems). The reader either returns exactly what the
// zod schema's safeParse would (same values, same keys, same order) or gives up (`mismatch`); then zod decides.
// test/parse/shape.test.ts holds the two to that on generated inputs.
import type { z as Zod } from "zod";

/** A field's shape: a JSON type, and what it becomes when null or missing (`nullish`). */
export type Shape =
  | { readonly kind: "string" | "number" | "boolean"; readonly nullish: Nullish }
  | { readonly kind: "object"; readonly fields: Readonly<Record<string, Shape>>; readonly nullish: Nullish }
  | { readonly kind: "record" | "array"; readonly of: Shape; readonly nullish: Nullish };

/**
 * What null or a missing value becomes: `required` (neither allowed), `keep` (zod's plain `.nullish()`: null stays
 * null, undefined stays undefined), or `{ default }` (`.nullish().transform(v => v ?? default)`; a function is called
 * each time, for a fresh object).
 */
export type Nullish = "required" | "keep" | { readonly default: unknown };

const fresh = (nullish: { readonly default: unknown }): unknown =>
  typeof nullish.default === "function" ? (nullish.default as () => unknown)() : nullish.default;

/** Field helpers (the zStr, zOptStr… of validate.ts). */
export const shapes = {
  str: { kind: "string", nullish: { default: "" } },
  optStr: { kind: "string", nullish: { default: null } },
  bool: { kind: "boolean", nullish: { default: false } },
  num: { kind: "number", nullish: { default: 0 } },
  optNum: { kind: "number", nullish: { default: null } },
  strMap: { kind: "record", of: { kind: "string", nullish: "required" }, nullish: { default: (): Record<string, string> => ({}) } },
  strList: { kind: "array", of: { kind: "string", nullish: "required" }, nullish: { default: (): string[] => [] } },
} as const satisfies Record<string, Shape>;

/** An object shape. */
export const object = <F extends Readonly<Record<string, Shape>>, N extends Nullish = "required">(
  fields: F,
  nullish: N = "required" as N,
): { readonly kind: "object"; readonly fields: F; readonly nullish: N } => ({ kind: "object", fields, nullish });
/** A record (string keys) of one shape. */
export const record = <S extends Shape, N extends Nullish = "required">(
  of: S,
  nullish: N = "required" as N,
): { readonly kind: "record"; readonly of: S; readonly nullish: N } => ({
  kind: "record",
  of,
  nullish,
});
/** An array of one shape. */
export const array = <S extends Shape, N extends Nullish = "required">(
  of: S,
  nullish: N = "required" as N,
): { readonly kind: "array"; readonly of: S; readonly nullish: N } => ({
  kind: "array",
  of,
  nullish,
});
/** A boolean kept as null/undefined when absent. */
export const keptBoolean = { kind: "boolean", nullish: "keep" } as const satisfies Shape;

// What a default stands for in the output type.
type DefaultOf<D> = D extends () => infer R ? R : D;
type WithNullish<T, N> = N extends "required"
  ? T
  : N extends "keep"
    ? T | null | undefined
    : N extends { readonly default: infer D }
      ? T | DefaultOf<D>
      : never;
type Base<S> = S extends { readonly kind: "string" }
  ? string
  : S extends { readonly kind: "number" }
    ? number
    : S extends { readonly kind: "boolean" }
      ? boolean
      : S extends { readonly kind: "object"; readonly fields: infer F }
        ? { -readonly [K in keyof F]: Out<F[K]> }
        : S extends { readonly kind: "record"; readonly of: infer O }
          ? Record<string, Out<O>>
          : S extends { readonly kind: "array"; readonly of: infer O }
            ? Out<O>[]
            : never;
/** The type of what a shape reads (zod's z.output of its schema). */
export type Out<S> = S extends { readonly nullish: infer N } ? WithNullish<Base<S>, N> : never;

/** What `read` returns when the value does not fit the shape exactly. */
export const mismatch: unique symbol = Symbol("mismatch");

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** The value as the shape's zod schema would output it, or `mismatch` when zod might report a problem. */
export const read = (shape: Shape, value: unknown): unknown => {
  if (value === null || value === undefined) {
    if (shape.nullish === "required") return mismatch;
    if (shape.nullish === "keep") return value;
    return fresh(shape.nullish);
  }
  switch (shape.kind) {
    case "string":
      return typeof value === "string" ? value : mismatch;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : mismatch;
    case "boolean":
      return typeof value === "boolean" ? value : mismatch;
    case "object": {
      if (!isPlainObject(value)) return mismatch;
      const out: Record<string, unknown> = {};
      for (const key in shape.fields) {
        const field = read(shape.fields[key] as Shape, value[key]);
        if (field === mismatch) return mismatch;
        // zod leaves out a key whose value is undefined unless the input has it.
        if (field !== undefined || key in value) out[key] = field;
      }
      return out;
    }
    case "record": {
      if (!isPlainObject(value)) return mismatch;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (key === "__proto__") return mismatch;
        const item = read(shape.of, value[key]);
        if (item === mismatch) return mismatch;
        out[key] = item;
      }
      return out;
    }
    case "array": {
      if (!Array.isArray(value)) return mismatch;
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = read(shape.of, value[i]);
        if (item === mismatch) return mismatch;
        out[i] = item;
      }
      return out;
    }
  }
};

/** The zod schema of a shape, built with the zod module given (validate.ts loads it only when needed). */
export const zodOf = (z: typeof Zod, shape: Shape): Zod.ZodType => {
  const base = (): Zod.ZodType => {
    switch (shape.kind) {
      case "string":
        return z.string();
      case "number":
        return z.number();
      case "boolean":
        return z.boolean();
      case "object":
        return z.object(Object.fromEntries(Object.entries(shape.fields).map(([key, field]) => [key, zodOf(z, field)])));
      case "record":
        return z.record(z.string(), zodOf(z, shape.of));
      case "array":
        return z.array(zodOf(z, shape.of));
    }
  };
  const { nullish } = shape;
  if (nullish === "required") return base();
  if (nullish === "keep") return base().nullish();
  return base()
    .nullish()
    .transform((v) => v ?? fresh(nullish));
};
