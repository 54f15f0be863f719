// `nft list ruleset` parser (text; with or without `-a` handles): tables, chains, sets and maps, rules.
//
// Usage:
//   parseNft(await nftListRuleset())      -> { value: NftTable[], problems }
//   docker-net-lab parse nft FILE [--raw]
//
// Raw stage: [{ family, name, handle, flags, chains: [{ name, handle, hook, comment, rules: [{ text, handle }] }],
// sets: [{ kind, name, handle, properties: { type, flags, elements, ... } }] }], strings as printed (a multi-line
// `elements = { ... }` joined into one string).
// Processed stage (NftTable, nft-model.ts): handles and counters as numbers; the hook line split into type, hook,
// priority (names such as `filter - 1` or `dstnat` -> numbers) and policy; each rule read into ordered expressions
// (matches, counter, nat, vmap, verdict, other statements) by nft-rule.ts, with `text` written back from them;
// map elements `"docker0" : jump X` -> { key, verdict }. `# Warning: ...` comment lines are consumed. Blocks it does
// not model (flowtable, counter, quota, ct helper...) are reported once at their first line.
//
// Example:
//   input:
//     table ip docker-bridges {
//       chain raw-PREROUTING {
//         type filter hook prerouting priority raw; policy accept;
//         ip daddr 192.0.2.2 iifname != "bridge1" counter packets 3 bytes 204 drop comment "DROP DIRECT ACCESS"
//       }
//     }
//   output:
//     [{ "family": "ip", "name": "docker-bridges", "handle": null, "flags": [], "sets": [],
//        "chains": [{ "name": "raw-PREROUTING", "handle": null, "comment": null,
//          "hook": { "type": "filter", "hook": "prerouting", "priority": -300, "policy": "accept", "device": null },
//          "rules": [{ "position": 1, "handle": null, "comment": "DROP DIRECT ACCESS",
//            "text": "ip daddr 192.0.2.2 iifname != \"bridge1\" counter packets 3 bytes 204 drop comment \"DROP DIRECT ACCESS\"",
//            "verdict": { "kind": "drop", "target": null, "detail": null }, "counter": { "packets": 3, "bytes": 204 },
//            "expr": [{ "kind": "match", "selector": "ip daddr", "op": "==", "values": ["192.0.2.2"], ... }, ...] }] }] }]
import { makeParser, promptMessage, type Ctx } from "./core.js";
import { makeRule, priorityValue, type NftChain, type NftHook, type NftMapElement, type NftSet, type NftTable } from "./nft-model.js";
import { nftTokens, readMapElements, readRule } from "./nft-rule.js";

/** Raw rule line. */
export interface RawNftRule {
  text: string;
  handle: string | null;
}
/** Raw chain. */
export interface RawNftChain {
  name: string;
  handle: string | null;
  hook: string | null;
  comment: string | null;
  rules: RawNftRule[];
}
/** Raw set or map. */
export interface RawNftSet {
  kind: "set" | "map";
  name: string;
  handle: string | null;
  properties: Record<string, string>;
}
/** Raw table. */
export interface RawNftTable {
  family: string;
  name: string;
  handle: string | null;
  flags: string | null;
  chains: RawNftChain[];
  sets: RawNftSet[];
}

const HOOK = /^type\s+(\S+)\s+hook\s+(\S+)(?:\s+device\s+"?([^"\s;]+)"?)?\s+priority\s+([^;]+);(?:\s*policy\s+(\S+);)?\s*$/;
const HANDLE = /\s+# handle (\d+)\s*$/;
const TABLE = /^table\s+(\S+)\s+(\S+)\s*\{$/;
const BLOCK = /^(chain|set|map)\s+(\S+)\s*\{$/;
const OTHER_BLOCK = /^(flowtable|counter|quota|ct\s+\S+|limit|secmark|synproxy)\s+(\S+(?:\s+\S+)?)\s*\{$/;

// Braces still open after `text` (quotes skipped).
const openBraces = (text: string): number => {
  let depth = 0;
  let quote = false;
  for (const c of text) {
    if (c === '"') quote = !quote;
    else if (!quote && c === "{") depth++;
    else if (!quote && c === "}") depth--;
  }
  return depth;
};

// Does one printed line of a set's or map's elements read as elements (`"docker0" : jump X,`, `80, 443 }`)?
const elementsLineOk = (kind: "set" | "map", line: string): boolean => {
  const body = line.trim().replace(/\}$/, "").trim().replace(/,$/, "").trim();
  if (body === "") return true;
  const group = nftTokens(`{ ${body} }`)?.[0]?.group ?? null;
  if (group === null) return false;
  if (kind === "map") return readMapElements(group) !== null;
  return group.every((part) => /^("[^"]*"|[^\s"{}]+)(\s+(timeout|expires|counter|packets|bytes|comment)\b.*)?$/.test(part));
};

// Where the line parser is.
type Scope =
  | { kind: "top" }
  | { kind: "table"; table: RawNftTable }
  | { kind: "chain"; table: RawNftTable; chain: RawNftChain }
  | { kind: "set"; table: RawNftTable; set: RawNftSet }
  | { kind: "skip"; table: RawNftTable; depth: number };

// The line parser's state: the tables so far, where it is, and a multi-line property (`elements = { ...`) being joined.
interface Reader {
  readonly ctx: Ctx;
  readonly tables: RawNftTable[];
  scope: Scope;
  pending: { set: RawNftSet; key: string; text: string } | null;
}
/** One printed line: its number, the text without `# handle N`, the handle, the line as printed (trimmed). */
interface Line {
  readonly n: number;
  readonly text: string;
  readonly handle: string | null;
  readonly full: string;
}

// A continuation line of `elements = { ...`.
const elementsLine = (r: Reader, pending: NonNullable<Reader["pending"]>, line: Line) => {
  const { set } = pending;
  if (!elementsLineOk(set.kind, line.full))
    return r.ctx.report(line.n, `expected more elements of ${set.kind} ${set.name} (\`"key" : verdict,\` or \`value,\`) or \`}\``);
  pending.text += ` ${line.full}`;
  r.ctx.consume(line.n);
  if (openBraces(pending.text) <= 0) {
    set.properties[pending.key] = pending.text;
    r.pending = null;
  }
};

// Outside any table: only `table FAMILY NAME {`.
const topLine = (r: Reader, line: Line) => {
  const m = TABLE.exec(line.text);
  if (m === null) return r.ctx.report(line.n, promptMessage(line.full) ?? "expected `table FAMILY NAME {` (nft list ruleset output)");
  const table: RawNftTable = r.ctx.tag({ family: m[1] ?? "", name: m[2] ?? "", handle: line.handle, flags: null, chains: [], sets: [] }, line.n);
  r.tables.push(table);
  r.scope = { kind: "table", table };
  r.ctx.consume(line.n);
};

// In a table: chains, sets and maps open; other objects are reported once and skipped; flags and comments.
const tableLine = (r: Reader, table: RawNftTable, line: Line) => {
  const { ctx } = r;
  const t = line.text;
  const block = BLOCK.exec(t);
  if (block?.[1] === "chain") {
    const chain: RawNftChain = ctx.tag({ name: block[2] ?? "", handle: line.handle, hook: null, comment: null, rules: [] }, line.n);
    table.chains.push(chain);
    r.scope = { kind: "chain", table, chain };
    return ctx.consume(line.n);
  }
  if (block !== null) {
    const set: RawNftSet = ctx.tag({ kind: block[1] as "set" | "map", name: block[2] ?? "", handle: line.handle, properties: {} }, line.n);
    table.sets.push(set);
    r.scope = { kind: "set", table, set };
    return ctx.consume(line.n);
  }
  if (OTHER_BLOCK.test(t) || t.endsWith("{")) {
    ctx.report(line.n, `${t.replace(/\s*\{$/, "")}: this kind of object is not read (only chains, sets and maps)`);
    r.scope = { kind: "skip", table, depth: openBraces(t) };
    return;
  }
  const flags = /^flags\s+(.+)$/.exec(t);
  if (flags !== null) table.flags = flags[1] ?? "";
  if (flags !== null || /^comment\s+"/.test(t)) return ctx.consume(line.n);
  ctx.report(line.n, "expected `chain`, `set` or `map` in a table, or `}`");
};

// In a chain: the hook line, a comment, devices, then one rule per line.
const chainLine = (r: Reader, chain: RawNftChain, line: Line) => {
  const { ctx } = r;
  const t = line.text;
  if (/^type\s+\S+\s+hook\s/.test(t)) {
    const m = HOOK.exec(t);
    if (m === null || priorityValue(m[4] ?? "") === null)
      return ctx.report(line.n, "chain type line not understood (expected `type T hook H priority P; policy X;`)");
    chain.hook = t;
    return ctx.consume(line.n);
  }
  if (/^comment\s+"[^"]*"$/.test(t) && chain.rules.length === 0) chain.comment = t.slice(t.indexOf('"') + 1, -1);
  else if (!/^devices\s*=/.test(t) && !/^policy\s+\S+;$/.test(t)) chain.rules.push(ctx.tag({ text: t, handle: line.handle }, line.n));
  ctx.consume(line.n);
};

// In a set or map: `type ...`, `flags ...`, `elements = { ... }` (maybe over several lines), other properties.
const setLine = (r: Reader, set: RawNftSet, line: Line) => {
  const prop = /^(type|typeof|flags|elements|timeout|gc-interval|size|policy|auto-merge|counter|comment)\b\s*=?\s*(.*)$/.exec(line.text);
  if (prop === null) return r.ctx.report(line.n, "expected a set property (`type`, `flags`, `elements = { ... }`) or `}`");
  const key = prop[1] ?? "";
  const value = prop[2] ?? "";
  if (key === "elements" && !elementsLineOk(set.kind, value.replace(/^\{\s*/, "")))
    return r.ctx.report(line.n, `elements of ${set.kind} ${set.name} not understood`);
  r.ctx.consume(line.n);
  if (key === "elements" && openBraces(value) > 0) r.pending = { set, key, text: value };
  else set.properties[key] = value;
};

// One non-blank line, by scope.
const readLine = (r: Reader, line: Line) => {
  const scope = r.scope;
  if (scope.kind === "skip") {
    scope.depth += openBraces(line.text);
    if (scope.depth <= 0) r.scope = { kind: "table", table: scope.table };
    return r.ctx.consume(line.n);
  }
  if (scope.kind === "top") return topLine(r, line);
  if (line.text === "}") {
    r.scope = scope.kind === "table" ? { kind: "top" } : { kind: "table", table: scope.table };
    return r.ctx.consume(line.n);
  }
  if (scope.kind === "table") return tableLine(r, scope.table, line);
  if (scope.kind === "chain") return chainLine(r, scope.chain, line);
  setLine(r, scope.set, line);
};

const rawNft = (ctx: Ctx): RawNftTable[] => {
  const r: Reader = { ctx, tables: [], scope: { kind: "top" }, pending: null };
  for (const [index, printedLine] of ctx.lines.entries()) {
    const n = index + 1;
    const full = printedLine.trim();
    if (full === "") continue;
    if (r.pending !== null) elementsLine(r, r.pending, { n, text: full, handle: null, full });
    else if (full.startsWith("#") && !HANDLE.test(` ${full}`)) ctx.consume(n);
    else readLine(r, { n, text: full.replace(HANDLE, "").trim(), handle: HANDLE.exec(full)?.[1] ?? null, full });
  }
  if (r.pending !== null) ctx.report(ctx.lines.length, "elements = { ... } not closed (truncated output?)");
  const last = r.tables.at(-1);
  if (r.scope.kind !== "top") ctx.report(ctx.lines.length, `table ${last?.family ?? ""} ${last?.name ?? ""} is not closed with \`}\` (truncated output?)`);
  return r.tables;
};

// `type filter hook forward priority filter; policy accept;` -> NftHook (the raw stage reported lines it cannot read).
const processHook = (text: string): NftHook | null => {
  const m = HOOK.exec(text);
  const priority = m ? priorityValue(m[4] ?? "") : null;
  if (m === null || priority === null) return null;
  return { type: m[1] ?? "", hook: m[2] ?? "", priority, policy: m[5] ?? "accept", device: m[3] ?? null };
};

const toHandle = (value: string | null): number | null => (value === null ? null : Number(value));

// `{ a, b }` (or one element without braces) -> elements.
const processElements = (text: string | undefined, kind: "set" | "map"): NftMapElement[] | null => {
  if (text === undefined || text.trim() === "") return [];
  const inner = text
    .trim()
    .replace(/^\{\s*/, "")
    .replace(/\s*\}$/, "");
  const group = nftTokens(`{ ${inner} }`)?.[0]?.group ?? null;
  if (group === null) return null;
  if (kind === "map") return readMapElements(group);
  return group.map((part) => ({ key: part.replace(/^"(.*)"$/, "$1"), verdict: null, value: null }));
};

const processSet = (raw: RawNftSet, ctx: Ctx): NftSet => {
  const typeText = raw.properties.type ?? (raw.properties.typeof !== undefined ? `typeof ${raw.properties.typeof}` : "");
  const [type = "", mapType = null] = raw.kind === "map" ? typeText.split(/\s+:\s+/) : [typeText];
  const elements = processElements(raw.properties.elements, raw.kind);
  if (elements === null) ctx.report(ctx.lineOf(raw), `elements of ${raw.kind} ${raw.name} not understood`);
  return {
    kind: raw.kind,
    name: raw.name,
    handle: toHandle(raw.handle),
    type,
    mapType,
    flags: (raw.properties.flags ?? "")
      .split(",")
      .map((f) => f.trim())
      .filter(Boolean),
    elements: elements ?? [],
  };
};

const processChain = (raw: RawNftChain, ctx: Ctx): NftChain => ({
  name: raw.name,
  handle: toHandle(raw.handle),
  hook: raw.hook === null ? null : processHook(raw.hook),
  comment: raw.comment,
  rules: raw.rules.map((r, i) => {
    const read = readRule(r.text);
    if (read.problem !== null) ctx.report(ctx.lineOf(r), read.problem);
    return makeRule(i + 1, toHandle(r.handle), read.expr, read.comment);
  }),
});

const processNft = (raw: RawNftTable[], ctx: Ctx): NftTable[] =>
  raw.map((t) => ({
    family: t.family,
    name: t.name,
    handle: toHandle(t.handle),
    flags: (t.flags ?? "")
      .split(",")
      .map((f) => f.trim())
      .filter(Boolean),
    chains: t.chains.map((c) => processChain(c, ctx)),
    sets: t.sets.map((s) => processSet(s, ctx)),
  }));

// Parse `nft [-a] list ruleset` (or `nft list table ...`) text.
export const parseNft = makeParser<NftTable[], RawNftTable[]>({ name: "nft", raw: rawNft, process: processNft, empty: () => [] });
