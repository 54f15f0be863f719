// The root filesystem builder: a second ensureRootfs is a cache hit, a command runs inside the root, and nothing
// (mounts, build directories, locks) is left behind.
import { readdir, readFile } from "node:fs/promises";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { ensureRootfs, readManifest, rootfsArgv, rootfsCacheDir, rootfsKey } from "../helpers/rootfs.js";
import { engineRoots } from "./roots.js";

const mountinfo = async (): Promise<string[]> =>
  (await readFile("/proc/self/mountinfo", "utf8"))
    .split("\n")
    .map((line) => line.split(" ")[4] ?? "")
    .filter(Boolean)
    .sort();

describe("Debian root filesystem builder", () => {
  // Debian sid + docker.io: the root npm test's slice of the engine matrix (ci.test.ts) needs anyway.
  const spec = engineRoots.find((root) => root.id === "d28")!;

  it("builds a root once and then reuses it without downloading", async () => {
    const first: string[] = [];
    const root = await ensureRootfs({ suite: spec.suite, packages: spec.packages, log: (line) => first.push(line) });
    expect((await readManifest(root))?.suite).toBe("sid");
    const second: string[] = [];
    const again = await ensureRootfs({ suite: spec.suite, packages: [...spec.packages].reverse(), log: (line) => second.push(line) });
    expect(again).toBe(root);
    expect(second.join("\n")).toMatch(/reusing the cached root/);
    expect(second.join("\n")).not.toMatch(/debootstrap|building/);
    const entries = await readdir(rootfsCacheDir());
    expect(entries.filter((entry) => entry.startsWith(`.build-${rootfsKey(spec)}`) || entry === `${rootfsKey(spec)}.lock`)).toEqual([]);
  }, 1_800_000);

  it("runs a command inside the root, in a network namespace, and leaves no mount behind", async () => {
    const root = await ensureRootfs({ suite: spec.suite, packages: spec.packages });
    const before = await mountinfo();
    const netns = `dnlrootfs${process.pid % 100000}`;
    await execa("ip", ["netns", "add", netns]);
    try {
      const [file, ...args] = rootfsArgv(
        root,
        ["sh", "-c", "cat /etc/debian_version; ip -o link show | wc -l; test -d /run/netns && echo has-netns || echo no-netns; cat /run/probe/hello"],
        { netns, binds: [{ source: "/etc/hostname", target: "/run/probe/hello", readOnly: true }] },
      );
      const result = await execa(file!, args, { reject: false });
      expect(result.stderr).toBe("");
      const [version, links, netnsDir, hostname] = String(result.stdout).split("\n");
      expect(version).toMatch(/\/sid$/); // e.g. forky/sid
      expect(links).toBe("1"); // only lo: the network namespace, not the host's
      expect(netnsDir).toBe("no-netns"); // the host's /run/netns is not in the root
      expect(hostname).toBe((await readFile("/etc/hostname", "utf8")).trim());
    } finally {
      await execa("ip", ["netns", "delete", netns]);
    }
    expect(await mountinfo()).toEqual(before);
    expect(await readdir("/run/netns")).not.toContain(netns);
  });
});
