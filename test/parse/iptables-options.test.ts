// optionDetails: the well-known pieces of what iptables prints, and nothing made up from anything a fuzzer strings
// together from the same pieces.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { optionDetails } from "../../src/parse/iptables-options.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const PIECES = [
  "dpt",
  "dpts",
  "spt",
  "spts",
  ":",
  "!",
  "80",
  "1024:2048",
  "to",
  "to:",
  "172.17.0.2:80",
  "ctstate",
  "state",
  "RELATED,ESTABLISHED",
  "dst-type",
  "src-type",
  "LOCAL",
  "multiport",
  "dports",
  "80,443",
  "/*",
  "*/",
  "/",
  "*",
  "comment",
  " ",
  "  ",
  "\t",
  "\u00a0",
  "\u2028",
  "x",
  "_",
  "-",
  "tcp",
  "udp",
  "ADDRTYPE match",
  "é",
  "\n",
  "\r",
  "\u2029",
  "\u000b",
];

describe("optionDetails", () => {
  it("reads what iptables prints", () => {
    expect(optionDetails("tcp dpt:8080 to:172.17.0.2:80")).toEqual({ dport: "8080", to: "172.17.0.2:80" });
    expect(optionDetails("ctstate RELATED,ESTABLISHED")).toEqual({ ctstate: "RELATED,ESTABLISHED" });
    expect(optionDetails("state NEW")).toEqual({ state: "NEW" });
    expect(optionDetails("ADDRTYPE match dst-type LOCAL")).toEqual({ dstType: "LOCAL" });
    expect(optionDetails("/* DOCKER-ISOLATION */ multiport dports 80,443 tcp spts:1024:65535")).toEqual({
      comment: "DOCKER-ISOLATION",
      sport: "1024:65535",
      multiport: "80,443",
    });
    expect(optionDetails("tcp dpt:!22")).toEqual({ dport: "!22" });
    expect(optionDetails("")).toEqual({});
  });

  it(`on ${RUNS} made-up option columns: every value is a piece of the text, found after its key`, () => {
    const keys: Record<string, RegExp> = {
      comment: /\/\*/,
      dport: /dpts?:/,
      sport: /spts?:/,
      to: /to:/,
      ctstate: /ctstate/,
      state: /state/,
      dstType: /dst-type/,
      srcType: /src-type/,
      multiport: /multiport/,
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }), (pieces) => {
        const text = pieces.join("");
        for (const [key, value] of Object.entries(optionDetails(text))) {
          const at = text.search(keys[key] ?? /$^/);
          if (at < 0 || !text.slice(at).includes(value)) throw new Error(`${JSON.stringify(text)}: ${key} = ${JSON.stringify(value)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
