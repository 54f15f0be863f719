// Resource limits for a process tree through cgroups: memory, number of processes (a fork bomb stops at the limit)
// and, on cgroup v1, the devices a tree may open (no block devices, no /dev/mem). cgroup v2 where it is mounted with
// the controllers, else the v1 hierarchies (memory, pids, devices), else nothing, with a note that says so. Each
// group is created below this process's own group of its hierarchy, so it stays inside any limit already set on us.
import { mkdir, readdir, readFile, rmdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { signal } from "./daemon.js";

export interface CgroupLimits {
  /** Bytes of memory (RAM; no swap on top where the kernel allows saying so). */
  readonly memoryBytes: number;
  /** Processes and threads. */
  readonly pids: number;
}

/** One group: its directory in every hierarchy used, and what it limits. */
export interface Cgroup {
  readonly version: 1 | 2 | null;
  /** Directories (one per v1 hierarchy, one for v2), created by `createCgroup`. */
  readonly dirs: readonly string[];
  /** What is limited, e.g. ["memory 2048 MiB", "pids 1024", "devices"]. */
  readonly limited: readonly string[];
  /** Empty when every limit holds; else what is missing and why. */
  readonly note: string;
}

/** A cgroup mount from /proc/self/mountinfo: where, v1 or v2, and the controllers of a v1 hierarchy. */
export interface CgroupMount {
  readonly point: string;
  readonly version: 1 | 2;
  readonly controllers: readonly string[];
}

/** The cgroup mounts in mountinfo text (pure). */
export const cgroupMounts = (mountinfo: string): CgroupMount[] =>
  mountinfo
    .split("\n")
    .map((line) => line.split(" "))
    .flatMap((fields) => {
      const dash = fields.indexOf("-");
      const type = fields[dash + 1];
      if (dash < 0 || (type !== "cgroup" && type !== "cgroup2")) return [];
      const options = (fields[dash + 3] ?? "").split(",");
      return [
        {
          point: fields[4] ?? "",
          version: type === "cgroup2" ? 2 : 1,
          controllers: type === "cgroup" ? options.filter((o) => o !== "rw" && o !== "ro") : [],
        } as CgroupMount,
      ];
    });

/** This process's group per hierarchy from /proc/self/cgroup text: controller (or "" for v2) -> path (pure). */
export const ownGroups = (text: string): Map<string, string> => {
  const map = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^\d+:([^:]*):(.*)$/.exec(line);
    if (!match) continue;
    for (const controller of (match[1] as string).split(",")) map.set(controller, match[2] as string);
  }
  return map;
};

/**
 * The devices a sandbox may use: Docker's default list for containers (null, zero, full, random, urandom, tty,
 * console, ptmx, pts, tun, fuse), and making any device node (`m`, which runc asks for each container) but never
 * reading or writing one that is not listed: no disks, no /dev/mem.
 */
export const allowedDevices = [
  "c *:* m",
  "b *:* m",
  "c 1:3 rwm",
  "c 1:5 rwm",
  "c 1:7 rwm",
  "c 1:8 rwm",
  "c 1:9 rwm",
  "c 5:0 rwm",
  "c 5:1 rwm",
  "c 5:2 rwm",
  "c 136:* rwm",
  "c 10:200 rwm",
  "c 10:229 rwm",
];

const write = (file: string, value: string): Promise<boolean> =>
  writeFile(file, value).then(
    () => true,
    () => false,
  );

// v2: one directory with memory.max, pids.max (the controllers must be enabled in the parent's subtree_control).
const createV2 = async (mount: CgroupMount, own: string, name: string, limits: CgroupLimits): Promise<Cgroup> => {
  const parent = join(mount.point, own);
  const enabled = (await readFile(join(parent, "cgroup.subtree_control"), "utf8").catch(() => "")).split(/\s+/);
  for (const controller of ["memory", "pids"]) if (!enabled.includes(controller)) await write(join(parent, "cgroup.subtree_control"), `+${controller}`);
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  const limited: string[] = [];
  if (await write(join(dir, "memory.max"), String(limits.memoryBytes))) limited.push(`memory ${Math.round(limits.memoryBytes / 2 ** 20)} MiB`);
  await write(join(dir, "memory.swap.max"), "0");
  if (await write(join(dir, "pids.max"), String(limits.pids))) limited.push(`pids ${limits.pids}`);
  const missing = ["memory", "pids"].filter((what) => !limited.some((l) => l.startsWith(what)));
  return {
    version: 2,
    dirs: [dir],
    limited,
    note: missing.length
      ? `cgroup v2 without the ${missing.join(" and ")} controller here: no ${missing.join(" or ")} limit; devices are not limited on v2`
      : "devices are not limited on cgroup v2",
  };
};

// v1: a directory in each of the memory, pids and devices hierarchies that is mounted.
const createV1 = async (mounts: readonly CgroupMount[], own: Map<string, string>, name: string, limits: CgroupLimits): Promise<Cgroup> => {
  const dirs: string[] = [];
  const limited: string[] = [];
  const settings: Record<string, readonly [string, string][]> = {
    memory: [
      ["memory.limit_in_bytes", String(limits.memoryBytes)],
      ["memory.memsw.limit_in_bytes", String(limits.memoryBytes)],
    ],
    pids: [["pids.max", String(limits.pids)]],
    devices: [["devices.deny", "a"], ...allowedDevices.map((rule): [string, string] => ["devices.allow", rule])],
  };
  for (const controller of ["memory", "pids", "devices"]) {
    const mount = mounts.find((m) => m.version === 1 && m.controllers.includes(controller));
    if (!mount) continue;
    const dir = join(mount.point, own.get(controller) ?? "/", name);
    if (
      !(await mkdir(dir, { recursive: true }).then(
        () => true,
        () => false,
      ))
    )
      continue;
    dirs.push(dir);
    const results = [];
    for (const [file, value] of settings[controller] ?? []) results.push(await write(join(dir, file), value));
    if (results[0])
      limited.push(
        controller === "memory" ? `memory ${Math.round(limits.memoryBytes / 2 ** 20)} MiB` : controller === "pids" ? `pids ${limits.pids}` : "devices",
      );
  }
  // The other hierarchies (cpu, cpuset, freezer, blkio, name=systemd, a hybrid host's unified one): a group there too,
  // unlimited, only so that the group holds the tree everywhere. A cgroup namespace made inside it is then rooted at
  // the group in every hierarchy, so an engine inside (a grading sandbox's) makes its containers' groups (`docker/<id>`)
  // below ours, removed with it, never in the host engine's own `docker` group.
  for (const mount of mounts) {
    if (mount.version === 1 && mount.controllers.some((c) => ["memory", "pids", "devices"].includes(c))) continue;
    const key = mount.version === 2 ? "" : (mount.controllers[0] ?? "");
    if (mount.version === 1 && !own.has(key)) continue;
    const dir = join(mount.point, own.get(key) ?? "/", name);
    if (await createSubgroup(dir)) dirs.push(dir);
  }
  const missing = ["memory", "pids", "devices"].filter((what) => !limited.some((l) => l.startsWith(what)));
  return { version: 1, dirs, limited, note: missing.length ? `cgroup v1 without ${missing.join(", ")} here: not limited` : "" };
};

/**
 * Make the sub-group `dir` (recursive), ready to hold processes: in a cpuset hierarchy a new group has no cpus and no
 * memory nodes until given its parent's. False when it cannot be made.
 */
export const createSubgroup = async (dir: string): Promise<boolean> => {
  if (
    !(await mkdir(dir, { recursive: true }).then(
      () => true,
      () => false,
    ))
  )
    return false;
  for (const file of ["cpuset.cpus", "cpuset.mems"]) {
    const own = await readFile(join(dir, file), "utf8").catch(() => null);
    if (own === null || own.trim() !== "") continue;
    const parent = await readFile(join(dir, "..", file), "utf8").catch(() => "");
    if (parent.trim()) await write(join(dir, file), parent.trim());
  }
  return true;
};

/** Create the group `name` with these limits, on v2 or v1, whichever this host has; never throws (see `note`). */
export const createCgroup = async (name: string, limits: CgroupLimits): Promise<Cgroup> => {
  const mounts = cgroupMounts(await readFile("/proc/self/mountinfo", "utf8").catch(() => ""));
  const own = ownGroups(await readFile("/proc/self/cgroup", "utf8").catch(() => ""));
  const v1 = mounts.filter((m) => m.version === 1 && m.controllers.some((c) => ["memory", "pids"].includes(c)));
  const v2 = mounts.find((m) => m.version === 2);
  try {
    if (v1.length) return await createV1(mounts, own, name, limits);
    if (v2) return await createV2(v2, own.get("") ?? "/", name, limits);
  } catch (error) {
    return { version: null, dirs: [], limited: [], note: `no cgroup limits: ${(error as Error).message}` };
  }
  return { version: null, dirs: [], limited: [], note: "no cgroup file system here: memory, processes and devices are not limited" };
};

/** The processes in a group and all its sub-groups (pids as this process sees them). */
export const cgroupPids = async (group: Pick<Cgroup, "dirs">): Promise<number[]> => {
  const pids = new Set<number>();
  const walk = async (dir: string): Promise<void> => {
    for (const pid of (await readFile(join(dir, "cgroup.procs"), "utf8").catch(() => "")).split("\n").filter(Boolean)) pids.add(Number(pid));
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) await walk(join(dir, entry.name));
  };
  for (const dir of group.dirs) await walk(dir);
  return [...pids].filter((pid) => pid > 0 && pid !== process.pid);
};

/** SIGKILL everything in the group, then remove its directories (sub-groups first); true when all are gone. */
export const removeCgroup = async (group: Pick<Cgroup, "dirs">): Promise<boolean> => {
  for (let round = 0; round < 20; round++) {
    const pids = await cgroupPids(group);
    if (pids.length === 0) break;
    for (const pid of pids) signal(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const remove = async (dir: string): Promise<boolean> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) if (entry.isDirectory()) await remove(join(dir, entry.name));
    for (let attempt = 0; attempt < 20; attempt++) {
      const gone = await rmdir(dir).then(
        () => true,
        (error: NodeJS.ErrnoException) => error.code === "ENOENT",
      );
      if (gone) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };
  let all = true;
  for (const dir of group.dirs) all = (await remove(dir)) && all;
  return all;
};
