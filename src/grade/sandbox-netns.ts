// The named network namespaces of a grading sandbox, as the grader's checks see them. A submission's `ip netns add`
// makes a bind mount of the new namespace in its kernel's /run/netns, which lives in the kernel's own mount namespace
// (kept alive after the kernel stops by kernel-setup/hold-mounts.py). The checker runs in a private mount namespace of
// its own (`unshare --mount --propagation private`: nothing it mounts reaches the host, whose /run/netns is never
// touched) and there covers /run/netns with an empty tmpfs and binds each of the sandbox's namespaces onto it, read
// through /proc/<holder>/root. Each bind is checked against the kernel's mount table (the namespace's inode): a name
// the submission turned into a link to something else is dropped, never followed. No program of the submission runs.
import { lstat, mkdir, readFile, stat, symlink, unlink, writeFile } from "node:fs/promises";
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

// Bind each of `wanted` (nsfs mounts of the holder's mount table under `source`) onto an empty file of the same name
// in `target` (a folder of this process's private mount namespace), kept only when it is the namespace (inode) the
// kernel's mount table names.
const bindNamespaces = async (holderPid: number, wanted: readonly NamedNetns[], source: string, target: string) => {
  const mirrored: string[] = [];
  const dropped: string[] = [];
  for (const { name, inode } of wanted) {
    const file = join(target, name);
    await writeFile(file, "");
    const bound = await run("mount", ["--no-canonicalize", "--bind", join(`/proc/${holderPid}/root`, source, name), file], { reject: false });
    const seen =
      bound.exitCode === 0
        ? await stat(file).then(
            (s) => s.ino,
            () => null,
          )
        : null;
    if (seen === inode) {
      mirrored.push(name);
      continue;
    }
    if (bound.exitCode === 0) await run("umount", [file], { reject: false });
    await unlink(file).catch(() => undefined);
    dropped.push(`${name} (${bound.exitCode === 0 ? `inode ${seen}, not the namespace ${inode} its mount table names` : bound.stderr.trim()})`);
  }
  return { mirrored, dropped };
};

/**
 * In this process's own private mount namespace (never the host's): cover `dir` (/run/netns) with a tmpfs, then bind
 * each of the sandbox's namespaces onto it. Returns the names mirrored and the ones dropped (with why).
 */
export const mirrorSandboxNetns = async (holderPid: number, dir = "/run/netns"): Promise<{ mirrored: string[]; dropped: string[] }> => {
  const wanted = await sandboxNetns(holderPid);
  await run("mkdir", ["-p", dir]);
  await run("mount", ["-t", "tmpfs", "-o", "mode=755,size=1m", "dnl-netns", dir]);
  return bindNamespaces(holderPid, wanted, dir, dir);
};

/** The folders of a private engine the checker mirrors (src/labs/private-engine.ts EnginePaths). */
export interface EngineRunPaths {
  readonly runDir: string;
  readonly socket: string;
  readonly pidfile: string;
  readonly execRoot: string;
}

// A path inside the kernel's root whose every part below `/` is what lstat says it should be (no link anywhere).
const realParts = async (holderPid: number, path: string): Promise<boolean> => {
  const parts = path.split("/").filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const info = await lstat(join(`/proc/${holderPid}/root`, ...parts.slice(0, i))).catch(() => null);
    if (!info?.isDirectory()) return false;
  }
  return true;
};

/**
 * The private engine a sandboxed notebook started (labs 07, 08, c8), as the grader's checks see it. Its run folder
 * (socket, pid file, exec root with the overlay namespaces) lives in the kernel's private /run; in this process's own
 * private mount namespace a tmpfs covers the same path (the empty folder made for it on the host's /run is removed with
 * the sandbox), holding: a link to the socket through /proc/<holder>/root (a socket cannot be bound across mount
 * namespaces; every folder on the way and the socket itself are checked with lstat first, so a link the submission
 * planted is never followed), a copy of the pid file, and a bind of each namespace under `exec/netns` (checked against
 * the kernel's mount table like /run/netns). Returns what was mirrored and what was not (with why).
 */
export const mirrorEngineRun = async (holderPid: number, paths: EngineRunPaths): Promise<{ mirrored: string[]; dropped: string[] }> => {
  const inner = (path: string) => join(`/proc/${holderPid}/root`, path);
  if (!(await realParts(holderPid, paths.socket))) return { mirrored: [], dropped: [`${paths.runDir} (not a folder in the sandbox's kernel)`] };
  await mkdir(paths.runDir, { recursive: true });
  await run("mount", ["-t", "tmpfs", "-o", "mode=755,size=1m", "dnl-engine-run", paths.runDir]);
  const mirrored: string[] = [];
  const dropped: string[] = [];
  const socket = await lstat(inner(paths.socket)).catch(() => null);
  if (socket?.isSocket()) {
    await symlink(inner(paths.socket), paths.socket);
    mirrored.push(paths.socket);
  } else dropped.push(`${paths.socket} (not a socket)`);
  const pidfile = await lstat(inner(paths.pidfile)).catch(() => null);
  if (pidfile?.isFile() && pidfile.size < 64) {
    await writeFile(paths.pidfile, await readFile(inner(paths.pidfile)));
    mirrored.push(paths.pidfile);
  } else dropped.push(`${paths.pidfile} (not a pid file)`);
  const netnsDir = join(paths.execRoot, "netns");
  if (await realParts(holderPid, join(netnsDir, "x"))) {
    const wanted = namedNetnsMounts(await readFile(`/proc/${holderPid}/mountinfo`, "utf8").catch(() => ""), netnsDir);
    await mkdir(netnsDir, { recursive: true });
    const bound = await bindNamespaces(holderPid, wanted, netnsDir, netnsDir);
    mirrored.push(...bound.mirrored.map((name) => join(netnsDir, name)));
    dropped.push(...bound.dropped.map((name) => join(netnsDir, name)));
  }
  return { mirrored, dropped };
};
