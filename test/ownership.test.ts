// src/ownership.ts: the one rule for what is the project's, and which session's. Exact, never by substring.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kernelName, labelsFor, objectName, ownerLabel, ownsLabels, ownsName, sessionLabelKey, sessionOfName } from "../src/ownership.js";

describe("ownership", () => {
  it("sessionOfName reads the session of Docker names (dnl-ab12-…) and kernel names (dnlab12…), nothing else", () => {
    expect(sessionOfName("dnl-ab12-01-web1")).toBe("ab12");
    expect(sessionOfName("dnlab12inet")).toBe("ab12");
    expect(sessionOfName("dnl-ab12-03 dnat")).toBe("ab12");
    for (const other of ["web", "docker0", "dnl", "dnl-", "dnl-ab1-01-x", "xdnl-ab12-01", "DNLab12"]) expect(sessionOfName(other), other).toBeNull();
  });

  it("ownsName matches one session exactly: another session's look-alike (dnlzab12a) is not session ab12's", () => {
    expect(ownsName("dnlab12a", "ab12")).toBe(true);
    expect(ownsName("dnlzab12a", "ab12")).toBe(false);
    expect(ownsName("dnl-zab1-01-ab12", "ab12")).toBe(false);
    expect(ownsName("dnlzab12a", null)).toBe(true);
    expect(ownsName("my-dnlab12", null)).toBe(false);
  });

  it("every name a session makes is that session's and no other's", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{4}$/), fc.stringMatching(/^[a-z0-9]{4}$/), fc.stringMatching(/^[a-z0-9-]{0,6}$/), (a, b, short) => {
        fc.pre(a !== b);
        for (const name of [objectName(a, "03", short), kernelName(a, short)])
          if (!ownsName(name, a) || ownsName(name, b) || sessionOfName(name) !== a) return false;
        return true;
      }),
    );
  });

  it("ownsLabels needs the owner label and a session label: the owner label alone comes with the toolbox image", () => {
    expect(ownsLabels(labelsFor("ab12", "01"))).toBe(true);
    expect(ownsLabels(labelsFor("ab12", "01"), "ab12")).toBe(true);
    expect(ownsLabels(labelsFor("ab12", "01"), "cd34")).toBe(false);
    expect(ownsLabels({ [ownerLabel.key]: ownerLabel.value })).toBe(false);
    expect(ownsLabels({ [sessionLabelKey]: "ab12" })).toBe(false);
    expect(ownsLabels({ [ownerLabel.key]: ownerLabel.value, [sessionLabelKey]: "../x" })).toBe(false);
  });

  it("kernelName fits IFNAMSIZ (15 characters)", () => {
    expect(kernelName("ab12", "averyverylongsuffix")).toHaveLength(15);
  });
});
