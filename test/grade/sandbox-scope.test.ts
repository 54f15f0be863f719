// What the grading sandbox's checks see. Labs and challenges that make network namespaces of their own (in the
// sandbox kernel's private /run/netns) are graded there: the checker mirrors those namespaces onto a /run/netns of its
// own private mount namespace, each checked against the kernel's mount table (src/grade/sandbox-netns.ts; graded for
// real in sandbox-labs.test.ts). Labs with an engine of their own (07, 08, challenge c8) are not run in the sandbox:
// the row says why (status not-graded, what to do) instead of scoring a solved notebook 0. No engine is needed here.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { findGradable, gradable } from "../../src/grade/gradable.js";
import { gradeSubmission } from "../../src/grade/grade-one.js";
import type { SandboxSetup } from "../../src/grade/sandbox.js";
import { namedNetnsMounts, netnsInode } from "../../src/grade/sandbox-netns.js";

// Never used: a lab that needs it would fail on this empty object, which is the point of the test.
const sandbox = {} as SandboxSetup;

describe("grading in the sandbox, a lab with an engine of its own", () => {
  it("only labs 07, 08 and challenge c8 (its `engine` step) start an engine of their own", () => {
    expect(gradable.filter((lab) => lab.ownEngine).map((lab) => lab.id)).toEqual(["07", "08", "c8"]);
  });
  for (const [id, path] of [
    ["07", "07-addressing/lab.ipynb"],
    ["08", "08-overlay/lab.ipynb"],
    ["c8", "challenges/c8-engine-ranges.ipynb"],
  ] as const) {
    it(`${id}: not graded, with every check at 0 points and a message that says why and names --no-sandbox`, async () => {
      const row = await gradeSubmission({ id: `alice-${id}`, file: resolve("labs", path) }, { sandbox });
      expect(row.status).toBe("not-graded");
      expect(row.lab).toBe(id);
      expect(row.message).toMatch(/private Docker engine of its own.*does not start nested.*Devices cgroup isn't mounted.*--no-sandbox/);
      expect(row.points).toBe(0);
      expect(row.checks.map((check) => check.id)).toEqual(findGradable(id).checks.map((check) => check.id));
      expect(row.checks.every((check) => check.message?.startsWith("Not graded:"))).toBe(true);
      expect(row.maxPoints).toBeGreaterThan(0);
    });
  }
});

describe("the sandbox's named network namespaces, from its kernel's mount table", () => {
  // A kernel's /proc/<pid>/mountinfo after `ip netns add` twice (and the same name added again), with lookalikes.
  const mountinfo = [
    "1966 1951 0:609 / /run rw,relatime - tmpfs dnl-sandbox rw",
    "1686 1966 0:609 /netns /run/netns rw,relatime shared:55 - tmpfs dnl-sandbox rw",
    "1687 1686 0:4 net:[4026536009] /run/netns/dnlx02a rw shared:56 - nsfs nsfs rw",
    "1706 1686 0:4 net:[4026536230] /run/netns/dnlx02b rw shared:59 - nsfs nsfs rw",
    "1707 1686 0:4 net:[4026536999] /run/netns/dnlx02a rw shared:60 - nsfs nsfs rw",
    "1708 1966 0:4 net:[4026537000] /run/docker/netns/abc rw - nsfs nsfs rw",
    "1709 1686 0:4 mnt:[4026537001] /run/netns/mnt-ns rw - nsfs nsfs rw",
    "1710 1686 0:4 net:[4026537002] /run/netns/sub/dir rw - nsfs nsfs rw",
    "1711 1686 0:4 net:[4026537003] /run/netns/.. rw - nsfs nsfs rw",
    "1712 1686 0:77 / /run/netns/fake rw - tmpfs tmpfs rw",
  ].join("\n");

  it("lists each name under /run/netns once, with the inode of its last mount; other folders, kinds, paths and file systems are left out", () => {
    expect(namedNetnsMounts(mountinfo)).toEqual([
      { name: "dnlx02b", inode: 4026536230 },
      { name: "dnlx02a", inode: 4026536999 },
    ]);
    expect(namedNetnsMounts("")).toEqual([]);
  });

  it("reads a process's netns link as its inode", () => {
    expect(netnsInode("net:[4026531833]")).toBe(4026531833);
    expect(netnsInode("mnt:[4026531833]")).toBeNull();
    expect(netnsInode("")).toBeNull();
  });
});
