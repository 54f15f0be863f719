// A Debian root filesystem built from Debian packages (debootstrap + apt), cached so a rerun never downloads again,
// and the argv that runs a command inside it. Used by the engine matrix (Docker 20.10 / 26.1 / 28.5 from bookworm,
// trixie and sid) and by the JupyterLab 4 browser test (trixie + jupyterlab).
//
// Safety: every mount this module makes lives in a private mount namespace (`unshare --mount --propagation
// private`), so it disappears with the namespace and nothing ever propagates to the host (in particular not to the
// host's shared /run/netns). A build happens in a temporary directory that is renamed when complete: a directory
// with the final name is always a complete root. A lock file keeps two processes from building the same root.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mountsUnder } from "../../src/exec/daemon.js";
import { stateDir } from "../../src/setup/paths.js";

export type Suite = "bookworm" | "trixie" | "sid";

export interface RootfsOptions {
  readonly suite: Suite;
  /** Packages apt installs into the root (without recommends), after debootstrap --variant=minbase. */
  readonly packages: readonly string[];
  /** Run `apt-get -f install` after the install (Debian 13's jupyterlab leaves a dependency gap that this closes). */
  readonly fix?: boolean;
  /** Progress lines (debootstrap's I:/W:/E: lines, apt's Setting up / errors, what this module decides). */
  readonly log?: (line: string) => void;
}

/** What the root's /etc/dnl-rootfs.json records (written last, before the rename that publishes the root). */
export interface RootfsManifest {
  readonly suite: Suite;
  readonly packages: readonly string[];
  readonly fix: boolean;
  readonly mirror: string;
  readonly builtAt: string;
  /** `dpkg-query` versions of the requested packages, as installed. */
  readonly versions: Readonly<Record<string, string>>;
}

export const mirror = "http://deb.debian.org/debian";

/** Where roots are cached: $DNL_ROOTFS_CACHE, else <stateDir>/rootfs. */
export const rootfsCacheDir = (): string => process.env.DNL_ROOTFS_CACHE ?? join(stateDir(), "rootfs");

// suite + sorted, deduplicated package set + fix -> a short stable name.
const normalize = (options: RootfsOptions) => ({ suite: options.suite, packages: [...new Set(options.packages)].sort(), fix: options.fix ?? false });

/** The cache directory name of a root: `<suite>-<12 hex of sha256(suite, packages, fix)>`. */
export const rootfsKey = (options: RootfsOptions): string => {
  const spec = normalize(options);
  return `${spec.suite}-${createHash("sha256").update(JSON.stringify(spec)).digest("hex").slice(0, 12)}`;
};

/** The path a root has (or will have) in the cache. */
export const rootfsPath = (options: RootfsOptions): string => join(rootfsCacheDir(), rootfsKey(options));

/** The manifest of a complete root, or null. */
export const readManifest = async (root: string): Promise<RootfsManifest | null> =>
  readFile(join(root, "etc", "dnl-rootfs.json"), "utf8").then(
    (text) => JSON.parse(text) as RootfsManifest,
    () => null,
  );

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Take `<key>.lock` (O_EXCL, holds our pid). A lock whose process is gone is stale and taken over.
const lock = async (path: string, log: (line: string) => void): Promise<() => Promise<void>> => {
  let told = false;
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    // No pid yet: the holder is between open and write (give it a few seconds); a dead pid: stale.
    if ((Number.isInteger(pid) && pid > 0 && !isAlive(pid)) || (!(pid > 0) && age > 10_000)) {
      log(`removing a stale lock ${path} (process ${pid || "?"} is gone)`);
      await rename(path, `${path}.stale-${process.pid}`).then(
        () => rm(`${path}.stale-${process.pid}`, { force: true }),
        () => undefined,
      );
      continue;
    }
    if (!told) log(`waiting for process ${pid} that is building this root (${path})`);
    told = true;
    await sleep(2_000);
  }
};

// Run a command, streaming its output lines to `onLine`; resolves with the exit code and the last lines.
const stream = (file: string, args: readonly string[], onLine: (line: string) => void, env?: NodeJS.ProcessEnv): Promise<{ code: number; tail: string[] }> =>
  new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { stdio: ["ignore", "pipe", "pipe"], env: env ?? process.env });
    const tail: string[] = [];
    const pending = ["", ""];
    const take = (chunks: NodeJS.ReadableStream, index: number) => {
      chunks.on("data", (data: Buffer) => {
        const lines = (pending[index] + data.toString("utf8")).split(/\r?\n/);
        pending[index] = lines.pop() ?? "";
        for (const line of lines) {
          tail.push(line);
          if (tail.length > 40) tail.shift();
          onLine(line);
        }
      });
    };
    take(child.stdout, 0);
    take(child.stderr, 1);
    child.on("error", reject);
    child.on("close", (code) => {
      for (const rest of pending) if (rest) tail.push(rest), onLine(rest);
      resolve({ code: code ?? 1, tail: tail.slice(-40) });
    });
  });

// Lines worth showing from debootstrap and apt (the rest is in the error message's tail when a step fails).
const worthShowing = (line: string): boolean =>
  /^(I|W|E): |^(Setting up|Err:|E: |W: )/.test(line) && !/^I: (Retrieving|Validating|Extracting|Unpacking|Configuring) /.test(line);

const chrootEnv: NodeJS.ProcessEnv = {
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  DEBIAN_FRONTEND: "noninteractive",
  LANG: "C.UTF-8",
  HOME: "/root",
};

// A shell script, run in a private mount namespace, that mounts /proc and /dev into $1, runs `sh -c "$2"` chrooted
// there, and unmounts again (the namespace ending would drop the mounts anyway).
const inChrootScript = `set -e
R=$1
mount -t proc proc "$R/proc"
mount --rbind /dev "$R/dev"
status=0
chroot "$R" /bin/sh -c "$2" || status=$?
umount -R "$R/dev" || umount -l "$R/dev"
umount "$R/proc" || umount -l "$R/proc"
exit $status`;

// Run `script` with /bin/sh inside the root under construction (private mount namespace, its own /proc and /dev).
const inChroot = async (root: string, script: string, log: (line: string) => void, what: string): Promise<void> => {
  const result = await stream(
    "unshare",
    ["--mount", "--propagation", "private", "--", "sh", "-c", inChrootScript, "dnl-rootfs", root, script],
    (line) => worthShowing(line) && log(line),
    chrootEnv,
  );
  if (result.code !== 0) throw new Error(`${what} failed in ${root} (exit ${result.code}):\n${result.tail.join("\n")}`);
};

// Remove a directory that must hold no mount point (refuses rather than deleting through one).
const removeTree = async (path: string): Promise<void> => {
  const mounts = await mountsUnder([path]);
  if (mounts.length) throw new Error(`${path} still has mount points (${mounts.join(", ")}); unmount them (umount -R) before removing it.`);
  const result = await stream("rm", ["-rf", "--one-file-system", path], () => undefined);
  if (result.code !== 0) throw new Error(`could not remove ${path}: ${result.tail.join("\n")}`);
};

const ensureDebootstrap = async (log: (line: string) => void): Promise<void> => {
  if (existsSync("/usr/sbin/debootstrap")) return;
  log("debootstrap is missing: apt-get install -y debootstrap");
  const result = await stream(
    "apt-get",
    ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", "debootstrap"],
    (line) => worthShowing(line) && log(line),
    { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  );
  if (result.code !== 0) throw new Error(`apt-get install debootstrap failed:\n${result.tail.join("\n")}`);
};

const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * A Debian root with `packages` installed: the cached one when it exists, else built now (debootstrap
 * --variant=minbase from deb.debian.org, then apt inside it). Returns its path. Never builds the same root twice,
 * also not in two processes at once.
 */
export const ensureRootfs = async (options: RootfsOptions): Promise<string> => {
  const log = options.log ?? (() => undefined);
  const spec = normalize(options);
  for (const name of spec.packages) if (!/^[a-z0-9][a-z0-9+.:=~-]*$/.test(name)) throw new Error(`not a Debian package name: ${JSON.stringify(name)}`);
  const cache = rootfsCacheDir();
  const key = rootfsKey(options);
  const root = join(cache, key);
  if (await readManifest(root)) {
    log(`reusing the cached root ${root} (${spec.suite}: ${spec.packages.join(" ") || "minbase"})`);
    return root;
  }
  await mkdir(cache, { recursive: true });
  const unlock = await lock(join(cache, `${key}.lock`), log);
  try {
    // Built by another process while we waited for the lock.
    if (await readManifest(root)) {
      log(`reusing the root ${root} that another process just built`);
      return root;
    }
    // Leftovers of interrupted builds (we hold the lock, so nobody is writing them).
    for (const entry of await readdir(cache)) if (entry.startsWith(`.build-${key}-`)) await removeTree(join(cache, entry));
    if (existsSync(root)) await removeTree(root); // a directory without manifest is not a complete root
    await ensureDebootstrap(log);
    const building = join(cache, `.build-${key}-${process.pid}`);
    const started = Date.now();
    log(`building ${spec.suite} root ${root} with ${spec.packages.join(" ") || "nothing but minbase"} (debootstrap from ${mirror}, a few minutes)`);
    const boot = await stream(
      "unshare",
      ["--mount", "--propagation", "private", "--", "debootstrap", "--variant=minbase", spec.suite, building, mirror],
      (line) => worthShowing(line) && log(line),
    );
    if (boot.code !== 0) throw new Error(`debootstrap ${spec.suite} failed (exit ${boot.code}):\n${boot.tail.join("\n")}`);
    await mkdir(join(building, ".dnl-oldroot")); // where rootfsArgv's pivot_root puts the old root for a moment
    // The mirror's Release files carry a Valid-Until (sid's: about a week); a machine whose clock runs ahead of the
    // mirror it reaches would refuse them, so the root's apt does not check it (the signatures are still checked).
    await writeFile(join(building, "etc", "apt", "apt.conf.d", "99dnl-rootfs"), 'Acquire::Check-Valid-Until "false";\n');
    // No service may start while packages are installed into a root (docker.io's postinst would try).
    await writeFile(join(building, "usr", "sbin", "policy-rc.d"), "#!/bin/sh\nexit 101\n", { mode: 0o755 });
    const packages = spec.packages.map(shellQuote).join(" ");
    const apt = "apt-get -o Acquire::Retries=3 -y";
    if (spec.packages.length) {
      const install = `${apt} --no-install-recommends install ${packages}`;
      const script = spec.fix ? `${apt} update && { ${install} || true; } && ${apt} -f install && ${install}` : `${apt} update && ${install}`;
      await inChroot(building, `${script} && apt-get clean`, log, `apt-get install ${spec.packages.join(" ")}`);
    } else if (spec.fix) {
      await inChroot(building, `${apt} -f install && apt-get clean`, log, "apt-get -f install");
    }
    const versions: Record<string, string> = {};
    for (const name of spec.packages) {
      const query = await stream("chroot", [building, "dpkg-query", "-W", "-f", "${Version}", name.replace(/[=].*$/, "")], () => undefined);
      versions[name] = query.code === 0 ? query.tail.join("").trim() : "?";
    }
    const leftover = await mountsUnder([building]);
    if (leftover.length) throw new Error(`mounts left in ${building}: ${leftover.join(", ")}`);
    const manifest: RootfsManifest = { ...spec, mirror, builtAt: new Date().toISOString(), versions };
    await writeFile(join(building, "etc", "dnl-rootfs.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(building, root);
    log(
      `built ${root} in ${Math.round((Date.now() - started) / 1000)} s (${
        Object.entries(versions)
          .map(([n, v]) => `${n} ${v}`)
          .join(", ") || "minbase"
      })`,
    );
    return root;
  } catch (error) {
    for (const entry of await readdir(cache).catch(() => [] as string[]))
      if (entry === `.build-${key}-${process.pid}`) await removeTree(join(cache, entry)).catch(() => undefined);
    throw error;
  } finally {
    await unlock();
  }
};

/** A host path mounted into the root at `target` (default: the same path), read-only when `readOnly`. */
export interface RootfsBind {
  readonly source: string;
  readonly target?: string;
  readonly readOnly?: boolean;
}

export interface RootfsArgvOptions {
  /** Run it in this `ip netns` network namespace (`nsenter --net=/run/netns/NETNS …` around everything). */
  readonly netns?: string;
  /**
   * Extra bind mounts. A target that does not exist in the root is created there as an empty directory or file (a
   * mount point): prefer targets under /run (a fresh tmpfs each time), which leaves the cached root unchanged.
   */
  readonly binds?: readonly RootfsBind[];
  /**
   * Mount the root itself read-only (its binds, /run, /proc… stay as they are): the cached root cannot change, so
   * several runs (and other users of the cache) can share it. Bind targets are created before the remount.
   */
  readonly readOnly?: boolean;
}

// Runs in the host's mount namespace copy made private by unshare: $1 root, $2 ro|rw, $3 number of binds, then triples
// (source target ro|rw), then "--", then the command. Mounts the root onto itself (so it is a mount point and
// pivot_root and `ip -n`/`ip netns` work inside), /proc, /sys (of the current network namespace), the cgroup tree,
// /dev (with /dev/pts, /dev/shm), a fresh tmpfs on /run, the binds; pivot_root into it and drop the old root (only
// from this private namespace). The host's /run/netns is never mounted into the root, shared or unmounted.
const inRootScript = `set -e
R=$1; rootmode=$2; n=$3; shift 3
mount --bind "$R" "$R"
mkdir -p "$R/.dnl-oldroot"
mount -t proc proc "$R/proc"
mount -t sysfs sysfs "$R/sys"
if [ -d /sys/fs/cgroup ] && [ -d "$R/sys/fs/cgroup" ]; then mount --rbind /sys/fs/cgroup "$R/sys/fs/cgroup"; fi
mount --rbind /dev "$R/dev"
mount -t tmpfs -o mode=755,nosuid,nodev tmpfs "$R/run"
while [ "$n" -gt 0 ]; do
  src=$1; dst=$R$2; mode=$3; shift 3; n=$((n - 1))
  if [ -d "$src" ]; then mkdir -p "$dst"; else mkdir -p "$(dirname "$dst")"; [ -e "$dst" ] || : > "$dst"; fi
  mount --bind "$src" "$dst"
  if [ "$mode" = ro ]; then mount -o remount,bind,ro "$dst"; fi
done
shift
if [ "$rootmode" = ro ]; then mount -o remount,bind,ro "$R"; fi
cd "$R"
pivot_root . .dnl-oldroot
exec chroot . /bin/sh -c 'umount -l /.dnl-oldroot && cd / && exec "$@"' dnl-rootfs "$@"`;

/**
 * The argv that runs `argv` inside `root` (from ensureRootfs): a private mount namespace, the root bind-mounted
 * onto itself, /proc, /sys, /sys/fs/cgroup, /dev, /dev/pts, a tmpfs /run, the binds, pivot_root; optionally
 * inside an `ip netns` network namespace. The command inherits the caller's environment (wrap it in `env -i …` to choose).
 */
export const rootfsArgv = (root: string, argv: readonly string[], options: RootfsArgvOptions = {}): string[] => {
  if (!argv.length) throw new Error("rootfsArgv needs a command to run");
  const binds = options.binds ?? [];
  for (const bind of binds)
    if (!(bind.target ?? bind.source).startsWith("/") || !bind.source.startsWith("/")) throw new Error(`bind paths must be absolute: ${JSON.stringify(bind)}`);
  return [
    // nsenter rather than `ip netns exec`: that one remounts /sys for the namespace, which drops the cgroup mounts
    // under /sys/fs/cgroup the root needs (dockerd: "Devices cgroup isn't mounted"); /sys is mounted fresh below.
    ...(options.netns ? ["nsenter", `--net=/run/netns/${options.netns}`] : []),
    "unshare",
    "--mount",
    "--propagation",
    "private",
    "--",
    "sh",
    "-c",
    inRootScript,
    "dnl-rootfs",
    root,
    options.readOnly ? "ro" : "rw",
    String(binds.length),
    ...binds.flatMap((bind) => [bind.source, bind.target ?? bind.source, bind.readOnly ? "ro" : "rw"]),
    "--",
    ...argv,
  ];
};
