// The named network namespaces of a grading sandbox, as the grader's checks see them. A submission's `ip netns add`
// makes a bind mount of the new namespace in its kernel's /run/netns, which lives in the kernel's own mount namespace
// (kept alive after the kernel stops by kernel-setup/hold-mounts.py). The checker runs in a private mount namespace of
// its own (`unshare --mount --propagation private`: nothing it mounts reaches the host, whose /run/netns is never
// touched) and there covers /run/netns with an empty tmpfs and binds each of the sandbox's namespaces onto it, read
// through /proc/<holder>/root. Each bind is checked against the kernel's mount table (the namespace's inode): a name
// the submission turned into a link to something else is dropped, never followed. No program of the submission runs.
import { readFile, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { run } from "../exec/run.js";

/** One named namespace of a mount table: its name under /run/netns and the namespace's inode (`net:[inode]`). */
export interface NamedNetns {
  readonly name: string;
  readonly inode: number;
}

// Names `ip netns add` accepts here (no slashes, no dots alone): anything else is not mirrored.
const safeName = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/** The named network namespaces in a mountinfo text: nsfs mounts at /run/netns/NAME, the last one of each name (pure). */
export const namedNetnsMounts = (mountinfo: string, dir = "/run/netns"): NamedNetns[] => {
  const byName = new Map<string, number>();
  for (const line of mountinfo.split("\n")) {
    const fields = line.split(" ");
    const dash = fields.indexOf("-");
    if (dash < 0 || fields[dash + 1] !== "nsfs") continue;
    const inode = /^net:\[(\d+)\]$/.exec(fields[3] ?? "")?.[1];
    const point = fields[4] ?? "";
    if (!inode || !point.startsWith(`${dir}/`)) continue;
    const name = point.slice(dir.length + 1);
    if (!safeName.test(name)) continue;
    byName.delete(name);
    byName.set(name, Number(inode));
  }
  return [...byName].map(([name, inode]) => ({ name, inode }));
};

/** The sandbox's named namespaces, read from the mount table of the process holding its kernel's mount namespace. */
export const sandboxNetns = async (holderPid: number): Promise<NamedNetns[]> =>
  namedNetnsMounts(await readFile(`/proc/${holderPid}/mountinfo`, "utf8").catch(() => ""));

/** The namespace inode of every process's network namespace, by pid (pure parse of `net:[inode]`). */
export const netnsInode = (link: string): number | null => {
  const inode = /^net:\[(\d+)\]$/.exec(link)?.[1];
  return inode ? Number(inode) : null;
};

/**
 * In this process's own private mount namespace (never the host's), inside the sandbox's network namespace: a /sys of
 * that network namespace (sysfs shows the devices of the namespace that mounts it: `brctl show` reads
 * /sys/class/net/BRIDGE/brif), as `ip netns exec` does.
 */
export const mountSandboxSys = async (): Promise<void> => {
  await run("mount", ["-t", "sysfs", "-o", "ro,nosuid,nodev,noexec", "sysfs", "/sys"]);
};

/**
 * In this process's own private mount namespace (never the host's): cover `dir` (/run/netns) with a tmpfs, then bind
 * each of the sandbox's namespaces onto it. Returns the names mirrored and the ones dropped (with why).
 */
export const mirrorSandboxNetns = async (holderPid: number, dir = "/run/netns"): Promise<{ mirrored: string[]; dropped: string[] }> => {
  const wanted = await sandboxNetns(holderPid);
  await run("mkdir", ["-p", dir]);
  await run("mount", ["-t", "tmpfs", "-o", "mode=755,size=1m", "dnl-netns", dir]);
  const mirrored: string[] = [];
  const dropped: string[] = [];
  for (const { name, inode } of wanted) {
    const target = join(dir, name);
    await writeFile(target, "");
    const bound = await run("mount", ["--no-canonicalize", "--bind", join(`/proc/${holderPid}/root`, "run", "netns", name), target], { reject: false });
    const seen =
      bound.exitCode === 0
        ? await stat(target).then(
            (s) => s.ino,
            () => null,
          )
        : null;
    if (seen === inode) {
      mirrored.push(name);
      continue;
    }
    if (bound.exitCode === 0) await run("umount", [target], { reject: false });
    await unlink(target).catch(() => undefined);
    dropped.push(`${name} (${bound.exitCode === 0 ? `inode ${seen}, not the namespace ${inode} its mount table names` : bound.stderr.trim()})`);
  }
  return { mirrored, dropped };
};
