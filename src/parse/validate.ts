// Tolerant validation of Docker's JSON: unknown fields are ignored, missing fields take defaults, and a field with
// the wrong type becomes one ParseProblem and its default (never a throw). Well-formed JSON is read by shape.ts's
// plain code; zod (its schema built from the same shape) is loaded only for JSON that does not fit, to name and repair
// each wrong field.
import { createRequire } from "node:module";
import type { z } from "zod";
import { Ctx, decodeJson, isRecord } from "./core.js";
import { mismatch, type Out, read, type Shape, zodOf } from "./shape.js";
import type { ParseResult } from "./types.js";

// zod, loaded (synchronously: the parsers are synchronous) the first time some JSON does not fit its shape.
let zod: typeof z | null = null;
const schemas = new WeakMap<Shape, z.ZodType>();
/** Use this zod module (the library's, already loaded: see schemas.ts) instead of loading one. */
export const useZod = (module: typeof z): void => {
  zod ??= module;
};
/** The zod schema of a shape (zod loaded on first use). */
export const schemaOf = (shape: Shape): z.ZodType => {
  zod ??= (createRequire(import.meta.url)("zod") as { z: typeof z }).z;
  let schema = schemas.get(shape);
  if (!schema) schemas.set(shape, (schema = zodOf(zod, shape)));
  return schema;
};

type Path = readonly PropertyKey[];

// Remove the value at `path` inside a (cloned) JSON value; array elements are spliced out.
const removeAt = (root: unknown, path: Path): void => {
  let parent: unknown = root;
  for (let i = 0; i < path.length - 1; i++) {
    parent = (parent as Record<PropertyKey, unknown> | undefined)?.[path[i] as PropertyKey];
    if (typeof parent !== "object" || parent === null) return;
  }
  const key = path[path.length - 1];
  if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
  else if (isRecord(parent) && key !== undefined) delete parent[key as string];
};

const describe = (path: Path): string => path.map((p) => String(p)).join(".");

// Validate `input` against `shape`; each wrong field is reported on `line` and replaced by its default.
// Returns null only when the input is not an object at all (reported too).
export const tolerant = <S extends Shape>(shape: S, input: unknown, ctx: Ctx, line: number, what: string): Out<S> | null => {
  if (!isRecord(input)) {
    ctx.report(
      line,
      `expected ${what} to be a JSON object, got ${Array.isArray(input) ? "an array" : input === null ? "null" : typeof input}`,
      JSON.stringify(input)?.slice(0, 200) ?? "",
    );
    return null;
  }
  const fast = read(shape, input);
  if (fast !== mismatch) return fast as Out<S>;
  const schema = schemaOf(shape);
  let value: unknown = input;
  let cloned = false;
  for (let attempt = 0; attempt < 20; attempt++) {
    const result = schema.safeParse(value);
    if (result.success) return result.data as Out<S>;
    if (!cloned) {
      value = structuredClone(value);
      cloned = true;
    }
    for (const issue of result.error.issues) {
      ctx.report(line, `${what} field ${describe(issue.path) || "(root)"}: ${issue.message}; using the default`);
      if (issue.path.length === 0) return null;
    }
    // Remove the last paths first so splicing one array element does not shift the next one.
    const paths = result.error.issues.map((i) => i.path);
    paths.sort((a, b) => describe(b).localeCompare(describe(a), "en", { numeric: true }));
    for (const path of paths) removeAt(value, path);
  }
  ctx.report(line, `${what}: could not repair the object`);
  return null;
};

// Lines where each top-level element of a JSON array starts (1-based), for problems that point somewhere useful.
export const elementLines = (text: string): number[] => {
  const out: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (depth === 1) out.push(line);
      depth++;
    } else if (c === 93 || c === 125) depth--;
  }
  return out;
};

// Decode `docker ... inspect` output: a JSON array, one object, or one JSON object per line
// (`--format '{{json .}}'`). Returns each element with the line it starts on.
export const decodeInspect = (ctx: Ctx): { item: unknown; line: number }[] => {
  if (ctx.text.trim() === "") return [];
  try {
    const json: unknown = JSON.parse(ctx.text);
    ctx.consumeAll();
    if (!Array.isArray(json)) return [{ item: json, line: 1 }];
    const lines = elementLines(ctx.text);
    return json.map((item, i) => ({ item, line: lines[i] ?? 1 }));
  } catch {
    // One object per line (`--format '{{json .}}'`) when the first line is JSON by itself;
    // otherwise one invalid document: one problem where JSON.parse stopped.
    const first = ctx.lines.find((l) => l.trim() !== "") ?? "";
    if (!isJson(first)) {
      decodeJson(ctx);
      return [];
    }
    const out: { item: unknown; line: number }[] = [];
    ctx.lines.forEach((text, index) => {
      if (text.trim() === "") return;
      try {
        const item: unknown = JSON.parse(text);
        for (const element of Array.isArray(item) ? item : [item]) out.push({ item: element, line: index + 1 });
        ctx.consume(index + 1);
      } catch (error) {
        ctx.report(index + 1, `not JSON (expected one \`docker inspect\` object per line): ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return out;
  }
};

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Raw stage of the inspect parsers: the decoded objects as they are, each remembering the line it starts on. */
export const rawInspectItems = (ctx: Ctx): unknown[] => {
  const items = decodeInspect(ctx);
  items.forEach(({ item, line }) => {
    if (typeof item === "object" && item !== null) ctx.tag(item, line);
  });
  return items.map(({ item }) => item);
};

/** Line a raw inspect item starts on (0 when unknown). */
export const itemLine = (ctx: Ctx, item: unknown): number => (typeof item === "object" && item !== null ? ctx.lineOf(item) : 0);

/** Convert one decoded object outside a parse (an Engine API answer): its value and problems, never a throw. */
export const convertOne = <T>(parser: string, convert: (ctx: Ctx) => T | null, empty: () => T): ParseResult<T> => {
  const ctx = new Ctx(parser, "");
  try {
    return { value: convert(ctx) ?? empty(), problems: ctx.problems };
  } catch (error) {
    ctx.report(0, `internal error: ${error instanceof Error ? error.message : String(error)}`, "");
    return { value: empty(), problems: ctx.problems };
  }
};
