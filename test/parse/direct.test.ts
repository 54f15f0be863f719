// The one-pass parsers (iptables-list, route) must give exactly what their two stages give:
// process(raw(text)), value and problems, number for number (Object.is: -0 is not 0).
// Checked on every fixture, on mutated fixtures, and on made-up column layouts (columns missing,
// repeated, reordered, `__proto__`, Unicode spaces) that only a fuzzer would print.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formats, type FormatName } from "../../src/parse/index.js";
import { corpus, mutatedText } from "./fuzz-inputs.js";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 10_000);
const ONE_PASS: readonly FormatName[] = ["iptables-list", "route"];

// Deep equality with Object.is on numbers, and the first difference named.
const difference = (a: unknown, b: unknown, path = "$"): string | null => {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b) ? null : `${path}: ${String(a)} vs ${String(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join("\u0000") !== kb.join("\u0000")) return `${path}: keys ${ka.join(",")} vs ${kb.join(",")}`;
  for (const k of ka) {
    const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d !== null) return d;
  }
  return null;
};

const sameBothWays = (format: FormatName, text: string): void => {
  const one = formats[format].parse(text);
  const two = formats[format].parse(text, { twoStage: true });
  const d = difference(one, two);
  if (d !== null) throw new Error(`${format}: one pass and two stages differ at ${d} on ${JSON.stringify(text.slice(0, 400))}`);
};

const SPACES = [" ", "  ", "\t", "\u00a0", "\u3000", " \u2028"];
const fromPool = (pool: readonly string[]) => fc.array(fc.constantFrom(...pool), { maxLength: 14 });
const joined = (tokens: fc.Arbitrary<string[]>) =>
  fc.tuple(tokens, fc.array(fc.constantFrom(...SPACES), { minLength: 16, maxLength: 16 })).map(([ts, gaps]) => ts.map((t, i) => `${t}${gaps[i] ?? " "}`).join(""));

const layouts: Record<string, fc.Arbitrary<string>> = {
  "iptables-list": fc
    .tuple(
      fc.constantFrom("Chain INPUT (policy ACCEPT 5 packets, 300 bytes)", "Chain DOCKER (2 references)", "Chain X (policy DROP 1K packets, -1 bytes)", "Chain Y (policy ACCEPT)"),
      joined(fromPool(["num", "pkts", "bytes", "target", "prot", "opt", "in", "out", "source", "destination", "options", "__proto__", "num"])),
      fc.array(joined(fromPool(["1", "+2", "-0", "-3", "12K", "3M", "K", "99999999999999999999", "ACCEPT", "DNAT", "--", "-f", "!f", "tcp", "6", "!17", "*", "docker0", "0.0.0.0/0", "anywhere", "dpt:80", "to:1.2.3.4:80", "/*", "x", "*/", "ctstate", "RELATED"])), { maxLength: 6 }),
    )
    .map(([chain, header, rules]) => [chain, header, ...rules].join("\n")),
  route: fc
    .tuple(
      fc.constantFrom("Kernel IP routing table", "Kernel IPv6 routing table", ""),
      joined(fromPool(["Destination", "Gateway", "Genmask", "Flags", "Flag", "Metric", "Met", "Ref", "Use", "Iface", "If", "MSS", "Window", "irtt", "Next Hop", "__proto__"])),
      fc.array(joined(fromPool(["0.0.0.0", "10.0.0.0", "default", "::", "fe80::/64", "::/0", "172.17.0.1", "*", "-", "255.255.0.0", "0xffff0000", "255.0.255.0", "UG", "U!", "0", "-1", "+3", "99999999999999999999", "eth0", "lo", "10.0.0.0/8"])), { maxLength: 6 }),
    )
    .map(([title, header, rows]) => [title, header, ...rows].join("\n")),
};

describe("one-pass parsers equal their two stages", () => {
  for (const format of ONE_PASS) {
    const inputs = corpus(format);
    it(`${format}: on every fixture`, () => {
      expect(inputs.length).toBeGreaterThan(0);
      for (const input of corpus(format, Infinity)) sameBothWays(format, input);
    });
    it(`${format}: on ${RUNS} mutated fixtures and made-up column layouts`, () => {
      const layout = layouts[format];
      if (layout === undefined) throw new Error(`no made-up layouts for ${format}`);
      fc.assert(
        fc.property(fc.oneof(mutatedText(inputs), layout, fc.string({ maxLength: 120 })), (text) => sameBothWays(format, text)),
        { numRuns: RUNS },
      );
    });
  }

  it("the comparison itself tells -0 from 0 and a missing key from undefined", () => {
    expect(difference({ a: -0 }, { a: 0 })).not.toBeNull();
    expect(difference({ a: undefined }, {})).not.toBeNull();
    expect(difference([1, [2]], [1, [2]])).toBeNull();
  });
});
