// The grading sandbox: one per submission. A network namespace of its own, a private Docker engine inside it (the
// mechanism of labs 07 and 08: own data root, exec root, socket, pid file), and the submission's kernel in its own
// pid, mount and cgroup namespaces, on a root file system built for it (kernel-setup/sandbox.sh): the system (/usr,
// /etc) and the project's code read-only, its own /tmp, /run, /root and /dev, no submissions folder, no gradebook,
// no state directory of the grader, no host engine socket. The engine runs on the same kind of root, so even a
// container started with `-v /:/host` or `--pid=host` sees only the sandbox. Memory, processes and devices are
// limited by one cgroup that holds everything of the sandbox (its containers too).
//
// Lifetime: the marker (engine.json, with the grader's pid and the cgroups) is written before anything is created,
// so `clean` and the next `grade` find what a crash or a kill left. Teardown: kill every process of the cgroup (the
// engine's pid-namespace init first: its namespace, containers and mounts go with it), then delete the network
// namespace and the folders. The host has no mount of the sandbox to undo: every mount lives in its private
// mount namespaces.
import { existsSync, lstatSync, readlinkSync, realpathSync } from "node:fs";
import { copyFile, cp, mkdir, readdir, readFile, readlink, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { cgroupMounts, cgroupPids, createCgroup, createSubgroup, removeCgroup, type Cgroup } from "../exec/cgroup.js";
import { commandLine, isAlive, parents, signal, startDetached } from "../exec/daemon.js";
import { netnsExists } from "../exec/netns.js";
import { pollUntil } from "../exec/poll.js";
import { run, timeouts } from "../exec/run.js";
import { destroyEngine, dockerdArgs, engineMarker, findEngineMarkers, type EngineMarker, type EnginePaths } from "../labs/private-engine.js";
import { namePrefix } from "../ownership.js";
import { EnvironmentError } from "../errors.js";
import { toolboxImage } from "../setup/image.js";
import { packageRoot, stateDir } from "../setup/paths.js";
import { netnsInode, sandboxNetns } from "./sandbox-netns.js";

/** Where one sandbox keeps everything; the engine's part has the shape of a private engine's (clean reads it). */
export interface SandboxPaths extends EnginePaths {
  /** Mount point of the sandbox's root (a tmpfs, mounted only inside the sandbox's mount namespaces). */
  readonly root: string;
  /** Folder shared with the runner: the submission's copy, the report, the "engine ready" file. */
  readonly io: string;
  /** The kernel's state directory ($DNL_STATE_DIR inside: answers, predictions). */
  readonly kernelState: string;
  readonly ready: string;
  readonly enginePlan: string;
  readonly kernelPlan: string;
}

/** Limits of one sandbox (kernel, engine and containers together). */
export const sandboxLimits = { memoryBytes: 2 * 2 ** 30, pids: 1024 } as const;

/** Capabilities nothing in a sandbox needs (kernel modules, raw I/O, reboot, clock, MAC, audit, syslog). */
export const droppedCapabilities = [
  "sys_module",
  "sys_rawio",
  "sys_boot",
  "sys_time",
  "mac_admin",
  "mac_override",
  "syslog",
  "audit_control",
  "audit_read",
  "wake_alarm",
  "block_suspend",
  "sys_pacct",
];

/** What a sandbox marker adds to a private engine's. */
export interface SandboxMarker extends EngineMarker {
  readonly sandbox: { readonly graderPid: number; readonly cgroups: readonly string[]; readonly submission: string };
}

/** The paths of the sandbox of `session` (lab id `sb`: netns `dnl<session>esb`, like a private engine's). */
export const sandboxPaths = (session: string): SandboxPaths => {
  const runDir = join("/run", `${namePrefix}-${session}-sb`);
  const dir = join(stateDir(), "sessions", session, "engine-sb");
  return {
    netns: `${namePrefix}${session}esb`,
    runDir,
    socket: join(runDir, "e", "docker.sock"),
    pidfile: join(runDir, "e", "docker.pid"),
    execRoot: join(runDir, "e", "exec"),
    root: join(runDir, "root"),
    dir,
    dataRoot: join(dir, "data"),
    marker: join(dir, "engine.json"),
    log: join(dir, "dockerd.log"),
    configFile: join(dir, "daemon.json"),
    io: join(dir, "io"),
    kernelState: join(dir, "state"),
    ready: join(dir, "io", "engine-ready"),
    enginePlan: join(dir, "engine.plan"),
    kernelPlan: join(dir, "kernel.plan"),
  };
};

/** One line of a sandbox root plan (kernel-setup/sandbox.sh). */
export type PlanLine =
  | { kind: "bind"; source: string; target: string; mode: "ro" | "rw" }
  | { kind: "tmpfs" | "proc" | "sysfs" | "dev"; target: string }
  | { kind: "link"; to: string; target: string }
  | { kind: "cgroup"; type: "cgroup" | "cgroup2"; options: string; target: string }
  | { kind: "env"; name: string; value: string };

/** The plan as sandbox.sh reads it (tab-separated, one line each; pure). */
export const planText = (lines: readonly PlanLine[]): string =>
  `${lines
    .map((line) => {
      switch (line.kind) {
        case "bind":
          return ["bind", line.source, line.target, line.mode];
        case "link":
          return ["link", line.to, line.target];
        case "cgroup":
          return ["cgroup", line.type, line.options, line.target];
        case "env":
          return ["env", line.name, line.value];
        default:
          return [line.kind, line.target];
      }
    })
    .map((fields) => fields.join("\t"))
    .join("\n")}\n`;

const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

// The system part of a root: /usr and /etc read-only, /bin /sbin /lib /lib64 as the host has them (links or
// folders), fresh /proc /sys /dev, empty /tmp /run /var /root; a Python or node outside /usr read-only too.
const systemPlan = (extra: readonly string[]): PlanLine[] => {
  const lines: PlanLine[] = [
    { kind: "bind", source: "/usr", target: "/usr", mode: "ro" },
    { kind: "bind", source: "/etc", target: "/etc", mode: "ro" },
  ];
  for (const top of ["/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32"]) {
    const info = (() => {
      try {
        return lstatSync(top);
      } catch {
        return null;
      }
    })();
    if (!info) continue;
    if (info.isSymbolicLink()) lines.push({ kind: "link", to: readlinkSync(top), target: top });
    else lines.push({ kind: "bind", source: top, target: top, mode: "ro" });
  }
  for (const dir of extra)
    if (!["/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64"].some((d) => under(dir, d))) lines.push({ kind: "bind", source: dir, target: dir, mode: "ro" });
  lines.push(
    { kind: "proc", target: "/proc" },
    { kind: "sysfs", target: "/sys" },
    { kind: "dev", target: "/dev" },
    { kind: "tmpfs", target: "/tmp" },
    { kind: "tmpfs", target: "/run" },
    { kind: "tmpfs", target: "/var" },
    { kind: "link", to: "/run", target: "/var/run" },
    { kind: "tmpfs", target: "/var/tmp" },
    { kind: "tmpfs", target: "/root" },
  );
  return lines;
};

// Folders of the interpreters the sandbox runs (Python with Jupyter, node) when they live outside /usr.
const interpreterDirs = (python: string): string[] => {
  const dirs = new Set<string>();
  for (const file of [python, process.execPath]) {
    try {
      const real = realpathSync(file);
      if (!under(real, "/usr")) dirs.add(dirname(dirname(real)));
    } catch {
      // not there: the runner fails and says so
    }
  }
  return [...dirs];
};

/** The project's own files a kernel needs (read-only): its code, dependencies, the learner notebooks' folder, the runner. */
export const projectParts = (): string[] =>
  ["dist", "node_modules", "labs", "kernel-setup", "package.json"].map((part) => join(packageRoot, part)).filter((path) => existsSync(path));

// Jupyter folders where the kernelspec may be ($JUPYTER_PATH entries and $JUPYTER_DATA_DIR), outside /usr.
const jupyterDirs = (): string[] =>
  [...(process.env.JUPYTER_PATH ?? "").split(":"), process.env.JUPYTER_DATA_DIR ?? join(process.env.HOME ?? "/root", ".local", "share", "jupyter")].filter(
    (dir) => dir && existsSync(dir) && !under(dir, "/usr"),
  );

/**
 * The cgroup hierarchies under /sys/fs/cgroup as a cgroup namespace sees them (its root is the sandbox's group), on a
 * tmpfs of their own: what a dockerd needs ("Devices cgroup isn't mounted" without them). Pure.
 */
export const cgroupPlan = (mountinfo: string): PlanLine[] => {
  const mounts = cgroupMounts(mountinfo);
  return [
    { kind: "tmpfs", target: "/sys/fs/cgroup" },
    ...mounts
      .filter((mount) => under(mount.point, "/sys/fs/cgroup") && mount.point !== "/sys/fs/cgroup")
      .map(
        (mount): PlanLine => ({
          kind: "cgroup",
          type: mount.version === 2 ? "cgroup2" : "cgroup",
          options: mount.version === 2 ? "rw" : mount.controllers.join(","),
          target: mount.point,
        }),
      ),
    ...(mounts.some((mount) => mount.point === "/sys/fs/cgroup" && mount.version === 2)
      ? [{ kind: "cgroup", type: "cgroup2", options: "rw", target: "/sys/fs/cgroup" } as PlanLine]
      : []),
  ];
};

// A writable, empty /etc/docker (dockerd writes its key.json there) when the host has one.
const etcDocker = (): PlanLine[] => (existsSync("/etc/docker") ? [{ kind: "tmpfs", target: "/etc/docker" }] : []);

/**
 * The root of the submission's kernel (pure but for the host's layout). It has the cgroup hierarchies too (`mountinfo`:
 * the grader's), so the private engine a lab starts (labs 07, 08, challenge c8: `nsenter --net=… dockerd`) runs there,
 * nested: its data root under the kernel's state directory, its exec root, socket and pid file in the kernel's own /run.
 */
export const kernelPlan = (paths: SandboxPaths, python: string, session: string, mountinfo = ""): PlanLine[] => {
  const jupyter = jupyterDirs();
  return [
    ...systemPlan(interpreterDirs(python)),
    ...etcDocker(),
    ...cgroupPlan(mountinfo),
    ...projectParts().map((part): PlanLine => ({ kind: "bind", source: part, target: part, mode: "ro" })),
    ...jupyter.map((dir): PlanLine => ({ kind: "bind", source: dir, target: dir, mode: "ro" })),
    { kind: "bind", source: dirname(paths.socket), target: dirname(paths.socket), mode: "rw" },
    { kind: "bind", source: paths.io, target: paths.io, mode: "rw" },
    { kind: "bind", source: paths.kernelState, target: paths.kernelState, mode: "rw" },
    { kind: "env", name: "DOCKER_HOST", value: `unix://${paths.socket}` },
    { kind: "env", name: "DNL_STATE_DIR", value: paths.kernelState },
    { kind: "env", name: "DNL_SESSION", value: session },
    { kind: "env", name: "HOME", value: "/root" },
    { kind: "env", name: "TMPDIR", value: "/tmp" },
    { kind: "env", name: "JUPYTER_RUNTIME_DIR", value: "/tmp/jupyter-runtime" },
    ...(process.env.JUPYTER_PATH ? [{ kind: "env", name: "JUPYTER_PATH", value: process.env.JUPYTER_PATH } as PlanLine] : []),
    ...(jupyter.length ? [{ kind: "env", name: "JUPYTER_DATA_DIR", value: process.env.JUPYTER_DATA_DIR ?? (jupyter.at(-1) as string) } as PlanLine] : []),
  ];
};

/** The root of the sandbox's engine: the system, its own folders, and the cgroup hierarchies as its cgroup namespace sees them. */
export const enginePlan = (paths: SandboxPaths, mountinfo: string): PlanLine[] => [
  ...systemPlan([]),
  ...etcDocker(),
  { kind: "bind", source: dirname(paths.socket), target: dirname(paths.socket), mode: "rw" },
  { kind: "bind", source: paths.dir, target: paths.dir, mode: "rw" },
  ...cgroupPlan(mountinfo),
];

/**
 * The command that runs `command` as a process of the sandbox: in its cgroup (`groups`), with fewer capabilities, in
 * its network namespace, in new mount and cgroup namespaces, on its root. The engine (`pidNamespace` null) gets a pid
 * namespace of its own, whose first process is sandbox.sh; the kernel joins that one (`pidNamespace`: the engine's
 * /proc/<unshare>/ns/pid_for_children), so the container pids the engine reports are the kernel's too (`nsenter -t`).
 * Nothing outlives its grader: `--pdeathsig` kills the chain when the grader dies (even by SIGKILL), and the engine's
 * unshare takes its pid namespace with it (`--kill-child`: the namespace's first process, so every process in it, the
 * kernel's and the containers' included, dies). `clean`, or the next grade, removes the rest (namespace, folders).
 */
export const sandboxArgv = (
  paths: SandboxPaths,
  groups: readonly string[],
  plan: string,
  command: readonly string[],
  pidNamespace: string | null,
): string[] => [
  "/bin/sh",
  "-c",
  // Into the cgroup first (children inherit it; the cgroup namespace below is rooted there), then exec the rest.
  `for g in ${groups.map((dir) => `'${join(dir, "cgroup.procs")}'`).join(" ")}; do echo $$ > "$g"; done; exec "$0" "$@"`,
  "setpriv",
  "--pdeathsig",
  "SIGKILL",
  "--bounding-set",
  droppedCapabilities.map((cap) => `-${cap}`).join(","),
  "--",
  "nsenter",
  `--net=/run/netns/${paths.netns}`,
  ...(pidNamespace ? [`--pid=${pidNamespace}`] : []),
  "--",
  "unshare",
  "--mount",
  ...(pidNamespace ? [] : ["--pid", "--fork", "--kill-child=SIGKILL"]),
  "--cgroup",
  "--propagation",
  "private",
  "--",
  "/bin/sh",
  join(packageRoot, "kernel-setup", "sandbox.sh"),
  plan,
  paths.root,
  "--",
  ...command,
];

/** The kernel's sub-group of each of the sandbox's groups: everything of the kernel, killed when its notebook ends. */
export const kernelGroups = (group: Pick<Cgroup, "dirs">): string[] => group.dirs.map((dir) => join(dir, "kernel"));

/** The toolbox image, saved once from the host engine (`docker save`), by image id: every sandbox loads it from there. */
export const toolboxTar = async (): Promise<string> => {
  const id = (await run("docker", ["image", "inspect", "--format", "{{.Id}}", toolboxImage], { timeout: timeouts.docker })).stdout
    .trim()
    .replace(/^sha256:/, "");
  const file = join(stateDir(), "sandbox", `toolbox-${id.slice(0, 16)}.tar`);
  if (
    !(await stat(file).then(
      (s) => s.size > 0,
      () => false,
    ))
  ) {
    await mkdir(dirname(file), { recursive: true });
    await run("docker", ["save", "-o", `${file}.tmp`, toolboxImage], { timeout: timeouts.docker });
    await run("mv", [`${file}.tmp`, file]);
  }
  return file;
};

/** A sandbox being used. */
export interface Sandbox {
  readonly session: string;
  readonly paths: SandboxPaths;
  readonly cgroup: Cgroup;
  /** Resolves once the engine answers and has the toolbox image; rejects when it cannot start. */
  readonly engineReady: Promise<void>;
  /**
   * The pid (the grader's view) of the process holding the kernel's mount namespace (kernel-setup/hold-mounts.py), once
   * the kernel's runner is up; rejects when it could not be held. The runner's `ready` file is written once both this
   * and the engine are ready, so no cell of the submission runs before.
   */
  readonly holder: Promise<number>;
  /** Stop waiting for the runner to hold its mount namespace (the notebook has ended): `holder` rejects with HoldCancelled if not held yet. */
  readonly stopHolding: () => void;
  /** The engine's pid namespace (the kernel joins it). */
  readonly pidNamespace: string;
  /** The notebook's copy inside the sandbox's io folder. */
  readonly notebook: string;
}

const writeMarker = async (paths: SandboxPaths, session: string, cgroups: readonly string[], submission: string, pid: number | null): Promise<void> => {
  const marker: SandboxMarker = {
    ...engineMarker(paths, { session, lab: "sb" }, {}, pid),
    sandbox: { graderPid: process.pid, cgroups, submission },
  };
  await writeFile(`${paths.marker}.tmp`, `${JSON.stringify(marker, null, 2)}\n`);
  await run("mv", [`${paths.marker}.tmp`, paths.marker]);
};

/**
 * Create the sandbox of `session` for `notebook` and start its engine (not waiting for it: the kernel starts
 * meanwhile; `engineReady` says when). The marker is on disk before anything else exists.
 */
export const createSandbox = async (
  session: string,
  notebook: string,
  python: string,
  toolbox: string,
  options: {
    readonly log?: (line: string) => void;
    /** The runner's first cell also waits for this (a sandbox made ahead of time, while the submission before runs). */
    readonly gate?: Promise<void>;
    /** Compiled cells the kernel's compile cache starts with (publishedCompileCache's folder; null: none). */
    readonly compiled?: Promise<string | null>;
  } = {},
): Promise<Sandbox> => {
  const log = options.log ?? (() => undefined);
  const gate = options.gate ?? Promise.resolve();
  const paths = sandboxPaths(session);
  for (const dir of [paths.dir, paths.io, paths.kernelState, paths.dataRoot, dirname(paths.socket), paths.root]) await mkdir(dir, { recursive: true });
  await writeMarker(paths, session, [], notebook, null);
  const cgroup = await createCgroup(`${namePrefix}-${session}-sb`, sandboxLimits);
  await writeMarker(paths, session, cgroup.dirs, notebook, null);
  if (cgroup.note) log(`sandbox ${session}: ${cgroup.note}`);
  if (!(await netnsExists(paths.netns))) {
    await run("ip", ["netns", "add", paths.netns]);
    await run("ip", ["-n", paths.netns, "link", "set", "lo", "up"]);
  }
  await writeFile(paths.configFile, "{}\n");
  const mountinfo = await readFile("/proc/self/mountinfo", "utf8");
  await writeFile(paths.enginePlan, planText(enginePlan(paths, mountinfo)));
  await writeFile(paths.kernelPlan, planText(kernelPlan(paths, python, session, mountinfo)));
  const copy = join(paths.io, "submission.ipynb");
  await copyFile(notebook, copy);
  for (const dir of kernelGroups(cgroup)) await createSubgroup(dir);
  const argv = sandboxArgv(paths, cgroup.dirs, paths.enginePlan, ["dockerd", ...dockerdArgs(paths, {})], null);
  const pid = startDetached(argv[0] as string, argv.slice(1), paths.log);
  await writeMarker(paths, session, cgroup.dirs, notebook, pid);
  // While the engine starts: the kernel's compile cache, before the kernel exists.
  // A copy that fails (another grading run is remaking that folder) only costs compiles.
  const compiled = await options.compiled;
  if (compiled) await cp(compiled, join(paths.kernelState, "compile-cache"), { recursive: true }).catch(() => undefined);
  const host = `unix://${paths.socket}`;
  const engineReady = (async () => {
    const answers = async () =>
      (await run("docker", ["--host", host, "version", "--format", "{{.Server.Version}}"], { reject: false, timeout: 10_000 })).exitCode === 0;
    if (!(await pollUntil(async () => !isAlive(pid) || (existsSync(paths.socket) && (await answers())), 60_000, 50)) || !isAlive(pid)) {
      const tail = (await readFile(paths.log, "utf8").catch(() => "")).trim().split("\n").slice(-3).join(" | ");
      throw new Error(`the sandbox's engine did not start: ${tail || "no log"}`);
    }
    await run("docker", ["--host", host, "load", "-i", toolbox], { timeout: timeouts.docker });
  })();
  const holding = new AbortController();
  const holder = holdKernelMounts(paths, cgroup, python, holding.signal);
  Promise.all([engineReady, holder]).then(
    // Started ahead of time: the first cell also waits for the grader's go; not wanted after all, the runner is killed instead.
    () =>
      gate.then(
        () => writeFile(paths.ready, ""),
        () => undefined,
      ),
    // The runner goes on (its cells fail), never waits in vain.
    () =>
      gate.then(
        () => writeFile(paths.ready, "failed").catch(() => undefined),
        () => undefined,
      ),
  );
  engineReady.catch(() => undefined);
  holder.catch(() => undefined);
  return { session, paths, cgroup, engineReady, holder, stopHolding: () => holding.abort(), notebook: copy, pidNamespace: `/proc/${pid}/ns/pid_for_children` };
};

/** The notebook ended before its runner's mount namespace was held (it ran no cell). */
export class HoldCancelled extends Error {
  override name = "HoldCancelled";
  constructor() {
    super("the notebook ended before the sandbox's kernel was held");
  }
}

/** The holder of the kernel's mount namespace (kernel-setup/hold-mounts.py). */
export const holdScript = (): string => join(packageRoot, "kernel-setup", "hold-mounts.py");

/**
 * Keep the kernel's mount namespace (and so the namespaces the submission names in its /run/netns) alive after the
 * kernel stops: once the runner has started in the sandbox (before any cell: it waits for the `ready` file), a process
 * of the grader joins that mount namespace and sleeps there, in the sandbox's cgroup (removed with it). Resolves with
 * its pid once it is in. Rejects when the runner does not show up within `timeoutMs` (it failed to start).
 */
export const holdKernelMounts = async (
  paths: SandboxPaths,
  cgroup: Pick<Cgroup, "dirs">,
  python: string,
  cancelled: AbortSignal,
  timeoutMs = 120_000,
): Promise<number> => {
  const own = await readlink("/proc/self/ns/mnt");
  let runner: { pid: number; ns: string } | null = null;
  await pollUntil(
    async () => {
      if (cancelled.aborted) return true;
      for (const pid of await cgroupPids({ dirs: kernelGroups(cgroup) })) {
        const ns = await readlink(`/proc/${pid}/ns/mnt`).catch(() => own);
        if (ns !== own && (await commandLine(pid))[1]?.endsWith("run_notebook.py")) {
          runner = { pid, ns };
          return true;
        }
      }
      return false;
    },
    timeoutMs,
    20,
  );
  const found = runner as { pid: number; ns: string } | null;
  if (!found && cancelled.aborted) throw new HoldCancelled();
  if (!found) throw new Error("the notebook's runner did not start in the sandbox");
  const argv = [
    "/bin/sh",
    "-c",
    `for g in ${cgroup.dirs.map((dir) => `'${join(dir, "cgroup.procs")}'`).join(" ")}; do echo $$ > "$g"; done; exec "$0" "$@"`,
    python,
    holdScript(),
    String(found.pid),
    paths.runDir,
  ];
  const pid = startDetached(argv[0] as string, argv.slice(1), join(paths.dir, "hold.log"));
  const held = await pollUntil(async () => !isAlive(pid) || (await readlink(`/proc/${pid}/ns/mnt`).catch(() => "")) === found.ns, 20_000, 10);
  if (!held || !isAlive(pid)) {
    const why = (await readFile(join(paths.dir, "hold.log"), "utf8").catch(() => "")).trim().split("\n").at(-1);
    throw new Error(`could not hold the sandbox kernel's mount namespace: ${why || "the holder did not start"}`);
  }
  return pid;
};

/** The runner's command wrapped to run in the sandbox (for executeNotebook's `launch`). */
export const sandboxLaunch = (sandbox: Sandbox) => ({
  dir: sandbox.paths.io,
  waitFor: sandbox.paths.ready,
  wrap: (file: string, args: readonly string[]) => {
    const argv = sandboxArgv(sandbox.paths, kernelGroups(sandbox.cgroup), sandbox.paths.kernelPlan, [file, ...args], sandbox.pidNamespace);
    return { file: argv[0] as string, args: argv.slice(1) };
  },
  // nsenter forks into the engine's pid namespace: the runner and the kernel live below the command, in the kernel group.
  kill: () => stopKernel(sandbox),
});

/**
 * The environment and command prefix of a process of the grader that reads the sandbox (its checks): in its network
 * namespace and a private mount namespace of its own (the grader's own files, processes and pid namespace; there it
 * mirrors the sandbox's named namespaces, sandbox-netns.ts), its engine, the kernel's state, and the sandbox's cgroup
 * name so container pids are translated to the grader's (src/docker/adapter.ts).
 */
export const graderView = (sandbox: Pick<Sandbox, "paths" | "session">): { prefix: string[]; env: Record<string, string> } => ({
  prefix: ["nsenter", `--net=/run/netns/${sandbox.paths.netns}`, "--", "unshare", "--mount", "--propagation", "private", "--"],
  env: { DOCKER_HOST: `unix://${sandbox.paths.socket}`, DNL_STATE_DIR: sandbox.paths.kernelState, DNL_ENGINE_PID_GROUP: `${namePrefix}-${sandbox.session}-sb` },
});

/**
 * Kill every process of the kernel (its sub-group), once its notebook has ended, but those inside a network namespace
 * the submission named (`ip netns exec NS busybox httpd …`: a server the lab's checks ask, like a container; the
 * holder's mount table says which) and their descendants: a private engine the notebook started (labs 07, 08, c8:
 * `nsenter --net=/run/netns/NS dockerd`) is such a process, and its containerd, shims and containers (each in a network
 * namespace of its own) are its descendants. They live in the sandbox's cgroup and go with it.
 */
export const stopKernel = async (sandbox: Pick<Sandbox, "cgroup">, holderPid: number | null = null): Promise<void> => {
  const spared = new Set(holderPid ? (await sandboxNetns(holderPid)).map((ns) => ns.inode) : []);
  const inNamedNetns = async (pid: number): Promise<boolean> =>
    spared.size > 0 && spared.has(netnsInode(await readlink(`/proc/${pid}/ns/net`).catch(() => "")) ?? -1);
  for (let round = 0; round < 20; round++) {
    const members = await cgroupPids({ dirs: kernelGroups(sandbox.cgroup) });
    const kept = new Set<number>();
    for (const pid of members) if (await inNamedNetns(pid)) kept.add(pid);
    if (kept.size > 0) {
      const tree = await parents();
      const keptAbove = (pid: number): boolean => {
        for (let at = tree.get(pid), hops = 0; at && at > 1 && hops < 64; at = tree.get(at), hops++) if (kept.has(at)) return true;
        return false;
      };
      for (const pid of members) if (keptAbove(pid)) kept.add(pid);
    }
    const pids = members.filter((pid) => !kept.has(pid));
    if (pids.length === 0) return;
    for (const pid of pids) signal(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Remove a sandbox and everything in it: processes (by cgroup, and by what mentions its run folder), netns, folders, cgroups. */
export const destroySandbox = async (paths: SandboxPaths, cgroups: readonly string[], log: (line: string) => void = () => undefined): Promise<void> => {
  await removeCgroup({ dirs: cgroups });
  await destroyEngine(paths, log);
  // A second pass: a process that was forking while the first one ran.
  await removeCgroup({ dirs: cgroups });
  await rm(paths.dir, { recursive: true, force: true });
  await rmdir(dirname(paths.dir)).catch(() => undefined);
  // The empty mount points the checker made on the host's /run for a private engine of the notebook (sandbox-netns.ts
  // mirrorEngineRun): /run/dnl-<session>-<lab>, named after this sandbox's session; rmdir removes only empty folders.
  const prefix = `${basename(paths.runDir).slice(0, -"sb".length)}`;
  for (const entry of await readdir("/run").catch(() => [] as string[]))
    if (entry.startsWith(prefix) && join("/run", entry) !== paths.runDir) await rmdir(join("/run", entry)).catch(() => undefined);
};

/** Sandboxes whose grader is gone (killed, crashed): removed before a new grading run starts. Returns their sessions. */
export const removeStaleSandboxes = async (log: (line: string) => void = () => undefined): Promise<string[]> => {
  const removed: string[] = [];
  for (const marker of (await findEngineMarkers(null)) as SandboxMarker[]) {
    if (!marker.sandbox || marker.lab !== "sb" || isAlive(marker.sandbox.graderPid)) continue;
    await destroySandbox(sandboxPaths(marker.session), marker.sandbox.cgroups, log);
    await rm(join(stateDir(), "sessions", marker.session), { recursive: true, force: true });
    removed.push(marker.session);
  }
  return removed;
};

/** Can this host run sandboxes? null when it can, else why not (not root, no unshare/nsenter/setpriv/pivot_root). */
export const sandboxUnavailable = async (): Promise<string | null> => {
  if (process.getuid?.() !== 0) return "grading in a sandbox needs root (network namespaces, a private engine, mount namespaces)";
  for (const tool of ["unshare", "nsenter", "setpriv", "pivot_root", "dockerd"]) {
    const found = await run("sh", ["-c", `command -v ${tool}`], { reject: false });
    if (found.exitCode !== 0) return `\`${tool}\` is not installed (util-linux, docker.io)`;
  }
  const probe = await run("unshare", ["--mount", "--pid", "--fork", "--cgroup", "--propagation", "private", "true"], { reject: false, timeout: 10_000 });
  if (probe.exitCode !== 0) return `this kernel does not give new mount, pid and cgroup namespaces: ${probe.stderr.trim()}`;
  return null;
};

/** What every sandbox of one grading run shares: the runner's Python and the saved toolbox image. */
export interface SandboxSetup {
  readonly python: string;
  readonly toolbox: string;
}

/** Before a grading run: can sandboxes run here (else a clear error), leftovers of killed graders removed, the toolbox saved once. */
export const prepareSandboxes = async (python: string, log: (line: string) => void = () => undefined): Promise<SandboxSetup> => {
  const why = await sandboxUnavailable();
  if (why)
    throw new EnvironmentError(`Cannot grade in a sandbox: ${why}.`, {
      hint: "Run grade as root on Linux with util-linux (unshare, nsenter, setpriv, pivot_root), or pass --no-sandbox to grade without one (then every submission runs with the host engine's access: only on a disposable machine).",
    });
  for (const session of await removeStaleSandboxes(log)) log(`removed the sandbox of session ${session}, left by a grader that is gone`);
  const probe = await createCgroup(`${namePrefix}-probe-${process.pid}`, sandboxLimits);
  await removeCgroup(probe);
  if (probe.note) log(`sandbox limits: ${probe.limited.join(", ") || "none"}; ${probe.note} (the notebook's time limits still hold)`);
  return { python, toolbox: await toolboxTar() };
};
