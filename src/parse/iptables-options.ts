// Well-known pieces of the options column of `iptables -L` (`tcp dpt:8080 to:172.17.0.2:80`,
// `ctstate RELATED,ESTABLISHED`, `/* comment */`, ...), as `details` of a rule: the first match of each piece's regex.
//
// Example: optionDetails("tcp dpt:8080 to:172.17.0.2:80") -> { dport: "8080", to: "172.17.0.2:80" }

/** Keys of `details`, in the order they are looked for. */
export type OptionDetailKey = "comment" | "dport" | "sport" | "to" | "ctstate" | "state" | "dstType" | "srcType" | "multiport";

const PATTERNS: readonly (readonly [OptionDetailKey, RegExp])[] = [
  ["comment", /\/\*\s*(.*?)\s*\*\//],
  ["dport", /\bdpts?:(!?\S+)/],
  ["sport", /\bspts?:(!?\S+)/],
  ["to", /\bto:(\S+)/],
  ["ctstate", /\bctstate\s+(\S+)/],
  ["state", /(?:^|\s)state\s+(\S+)/],
  ["dstType", /dst-type\s+(\S+)/],
  ["srcType", /src-type\s+(\S+)/],
  ["multiport", /multiport\s+dports\s+(\S+)/],
];

/** Pick well-known pieces out of the options column. */
export const optionDetails = (options: string): Record<string, string> => {
  const d: Record<string, string> = {};
  for (const [key, re] of PATTERNS) {
    const m = re.exec(options);
    if (m?.[1] !== undefined) d[key] = m[1];
  }
  return d;
};
