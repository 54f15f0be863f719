// Well-known pieces of the options column of `iptables -L` (`tcp dpt:8080 to:172.17.0.2:80`,
// `ctstate RELATED,ESTABLISHED`, `/* comment */`, ...), as `details` of a rule.
//
// The definition is a regex per piece (optionDetailsByRegex: first match of each). optionDetails gives the same
// result by hand, with the regexes' own notions of whitespace (`\s`) and word characters (`\b`): this runs once per
// rule of a listing that may hold thousands.
// test/parse/iptables-options.test.ts checks the two agree on random and mutated inputs.
//
// Example: optionDetails("tcp dpt:8080 to:172.17.0.2:80") -> { dport: "8080", to: "172.17.0.2:80" }

import { isSpaceCode } from "./core.js";

/** Keys of `details`, in the order they are looked for. */
export type OptionDetailKey = "comment" | "dport" | "sport" | "to" | "ctstate" | "state" | "dstType" | "srcType" | "multiport";

const COMMENT = /\/\*\s*(.*?)\s*\*\//;
const PATTERNS: readonly (readonly [OptionDetailKey, RegExp])[] = [
  ["comment", COMMENT],
  ["dport", /\bdpts?:(!?\S+)/],
  ["sport", /\bspts?:(!?\S+)/],
  ["to", /\bto:(\S+)/],
  ["ctstate", /\bctstate\s+(\S+)/],
  ["state", /(?:^|\s)state\s+(\S+)/],
  ["dstType", /dst-type\s+(\S+)/],
  ["srcType", /src-type\s+(\S+)/],
  ["multiport", /multiport\s+dports\s+(\S+)/],
];

/** The definition: the first match of each piece's regex. */
export const optionDetailsByRegex = (options: string): Record<string, string> => {
  const d: Record<string, string> = {};
  for (const [key, re] of PATTERNS) {
    const m = re.exec(options);
    if (m?.[1] !== undefined) d[key] = m[1];
  }
  return d;
};

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const isLineBreakCode = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
// End of the run of non-whitespace starting at i (i itself when s[i] is whitespace or the end): `\S+`.
const wordEnd = (s: string, i: number): number => {
  let j = i;
  const n = s.length;
  while (j < n && !isSpaceCode(s.charCodeAt(j))) j++;
  return j;
};
// End of the run of whitespace starting at i: `\s*`.
const spaceEnd = (s: string, i: number): number => {
  let j = i;
  const n = s.length;
  while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
  return j;
};
// `(\S+)` at i, or undefined when there is none.
const wordAt = (s: string, i: number): string | undefined => {
  const end = wordEnd(s, i);
  return end > i ? s.slice(i, end) : undefined;
};
// `KEY\s+(\S+)` with KEY (of length k) at i: the word after the whitespace.
const afterSpaces = (s: string, i: number, k: number): string | undefined => {
  const word = spaceEnd(s, i + k);
  return word === i + k ? undefined : wordAt(s, word);
};
// `/\*\s*(.*?)\s*\*\//` at the first `/*` (at i): up to the first `*/` after it, whitespace trimmed. (No later `/*`
// can match when this one does not.) A line break inside, which `.` does not cross, is left to the regex.
const commentAt = (s: string, i: number): string | undefined => {
  const close = s.indexOf("*/", i + 2);
  if (close < 0) return undefined;
  for (let j = i + 2; j < close; j++) if (isLineBreakCode(s.charCodeAt(j))) return COMMENT.exec(s)?.[1];
  const start = Math.min(spaceEnd(s, i + 2), close);
  let end = close;
  while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
};

const MORE_KEYS = /\/\*|state|-type|multiport/;

/** Pick well-known pieces out of the options column (same result as optionDetailsByRegex). */
export const optionDetails = (options: string): Record<string, string> => {
  const d: Record<string, string> = {};
  if (options === "") return d;
  const s = options;
  let v: string | undefined;
  // One regex test says whether any of the keys other than the colon ones is there (cheaper than four searches).
  const more = MORE_KEYS.test(s);
  const open = more ? s.indexOf("/*") : -1;
  if (open >= 0 && (v = commentAt(s, open)) !== undefined) d["comment"] = v;
  // `dpt:`, `dpts:`, `spt:`, `spts:` and `to:` all end in a colon: walk the colons, left to right.
  let dport: string | undefined;
  let sport: string | undefined;
  let to: string | undefined;
  for (let k = s.indexOf(":"); k >= 0 && (dport === undefined || sport === undefined || to === undefined); k = s.indexOf(":", k + 1)) {
    const key = portKeyBefore(s, k);
    if (key === 0) continue;
    const value = wordAt(s, k + 1);
    if (value === undefined) continue;
    if (key === DPT && dport === undefined) dport = value;
    else if (key === SPT && sport === undefined) sport = value;
    else if (key === TO && to === undefined) to = value;
  }
  if (dport !== undefined) d["dport"] = dport;
  if (sport !== undefined) d["sport"] = sport;
  if (to !== undefined) d["to"] = to;
  if (!more) return d;
  const st = s.indexOf("state");
  if (st >= 0) {
    if ((v = keyThenWord(s, "ctstate", "boundary", st - 2)) !== undefined) d["ctstate"] = v;
    if ((v = keyThenWord(s, "state", "space", st)) !== undefined) d["state"] = v;
  }
  const type = s.indexOf("-type");
  if (type >= 0) {
    if ((v = keyThenWord(s, "dst-type", "any", type - 3)) !== undefined) d["dstType"] = v;
    if ((v = keyThenWord(s, "src-type", "any", type - 3)) !== undefined) d["srcType"] = v;
  }
  const mp = s.indexOf("multiport");
  if (mp >= 0) {
    for (let i = mp; i >= 0; i = s.indexOf("multiport", i + 1)) {
      const p = spaceEnd(s, i + 9);
      if (p > i + 9 && s.startsWith("dports", p) && (v = afterSpaces(s, p, 6)) !== undefined) {
        d["multiport"] = v;
        break;
      }
    }
  }
  return d;
};

const DPT = 1;
const SPT = 2;
const TO = 3;
// Which key, if any, ends at the colon at k: `\bdpts?`, `\bspts?` or `\bto` (none: 0).
const portKeyBefore = (s: string, k: number): number => {
  let i = k;
  if (i >= 2 && s.charCodeAt(i - 1) === 111 && s.charCodeAt(i - 2) === 116) return boundaryAt(s, i - 2) ? TO : 0; // to
  if (s.charCodeAt(i - 1) === 115) i--; // the plural s
  if (i < 3 || s.charCodeAt(i - 1) !== 116 || s.charCodeAt(i - 2) !== 112) return 0; // ...pt
  const c = s.charCodeAt(i - 3);
  const key = c === 100 ? DPT : c === 115 ? SPT : 0;
  return key !== 0 && boundaryAt(s, i - 3) ? key : 0;
};
const boundaryAt = (s: string, i: number): boolean => i === 0 || !isWordCode(s.charCodeAt(i - 1));
// `KEY\s+(\S+)`, first match at or after `from` (KEY must follow: anything, a non-word character, or a space/the start).
const keyThenWord = (s: string, key: string, before: "any" | "boundary" | "space", from: number): string | undefined => {
  for (let i = s.indexOf(key, Math.max(from, 0)); i >= 0; i = s.indexOf(key, i + 1)) {
    if (before === "boundary" && !boundaryAt(s, i)) continue;
    if (before === "space" && i > 0 && !isSpaceCode(s.charCodeAt(i - 1))) continue;
    const v = afterSpaces(s, i, key.length);
    if (v !== undefined) return v;
  }
  return undefined;
};

// `dpts?:(!?\S+)` / `spts?:(!?\S+)` with the key at i: the word after the colon.
const portAt = (s: string, i: number): string | undefined => {
  let colon = i + 3;
  if (s.charCodeAt(colon) === 115) colon++; // `dpts:`
  return s.charCodeAt(colon) === 58 ? wordAt(s, colon + 1) : undefined;
};
