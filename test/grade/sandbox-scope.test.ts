// What the grading sandbox's checks see. Labs and challenges that make network namespaces of their own (in the
// sandbox kernel's private /run/netns) are graded there: the checker mirrors those namespaces onto a /run/netns of its
// own private mount namespace, each checked against the kernel's mount table (src/grade/sandbox-netns.ts; graded for
// real in sandbox-labs.test.ts, labs 07, 08 and challenge c8 with the engine they start nested inside the sandbox).
// The kernel's root has the cgroup hierarchies that engine needs. No engine is needed here.
import { describe, expect, it } from "vitest";
import { gradable } from "../../src/grade/gradable.js";
import { cgroupPlan, kernelPlan, sandboxPaths } from "../../src/grade/sandbox.js";
import { namedNetnsMounts, netnsInode } from "../../src/grade/sandbox-netns.js";

describe("grading in the sandbox, a lab with an engine of its own", () => {
  it("only labs 07, 08 and challenge c8 (its `engine` step) start an engine of their own", () => {
    expect(gradable.filter((lab) => lab.ownEngine).map((lab) => lab.id)).toEqual(["07", "08", "c8"]);
  });
  // A cgroup v1 host with a hybrid unified hierarchy, as /proc/self/mountinfo shows it.
  const mountinfo = [
    "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
    "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
    "36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices",
    "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd",
    "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw",
    "50 23 0:40 / /mnt/elsewhere rw - cgroup cgroup rw,memory",
  ].join("\n");
  it("the kernel's root gets the cgroup hierarchies under /sys/fs/cgroup (the engine it starts needs the devices one), on a tmpfs of their own", () => {
    expect(cgroupPlan(mountinfo)).toEqual([
      { kind: "tmpfs", target: "/sys/fs/cgroup" },
      { kind: "cgroup", type: "cgroup", options: "cpu", target: "/sys/fs/cgroup/cpu" },
      { kind: "cgroup", type: "cgroup", options: "devices", target: "/sys/fs/cgroup/devices" },
      { kind: "cgroup", type: "cgroup", options: "name=systemd", target: "/sys/fs/cgroup/systemd" },
      { kind: "cgroup", type: "cgroup2", options: "rw", target: "/sys/fs/cgroup/unified" },
    ]);
    const plan = kernelPlan(sandboxPaths("zz00"), "/usr/bin/python3", "zz00", mountinfo);
    const at = (target: string) => plan.findIndex((line) => "target" in line && line.target === target);
    expect(plan).toContainEqual({ kind: "cgroup", type: "cgroup", options: "devices", target: "/sys/fs/cgroup/devices" });
    // After /sys (sysfs), so the tmpfs and the hierarchies cover it; the kernel has no cgroup lines without a mountinfo.
    expect(at("/sys/fs/cgroup")).toBeGreaterThan(at("/sys"));
    expect(kernelPlan(sandboxPaths("zz00"), "/usr/bin/python3", "zz00").filter((line) => line.kind === "cgroup")).toEqual([]);
  });
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
