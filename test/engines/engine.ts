// One engine of the matrix: a distribution's dockerd, run from its own Debian root (rootfs.ts) as a private engine
// in its own network namespace, and the argv that runs the lab process (CLI, vitest, notebook runner + kernel)
// inside that root and namespace with DOCKER_HOST pointing at the engine's socket.
//
// Borrowed from src/labs/private-engine.ts (the engine labs 07 and 08 start): its paths (enginePaths: netns, run
// dir with socket / pid file / exec root, state dir with data root), its dockerd arguments (dockerdArgs), its marker
// (so `docker-net-lab clean` finds a leftover engine) and its destroyEngine for what is left after dockerd stopped.
// What differs: dockerd is the root's, started through rootfsArgv (pivot_root into the read-only root, own mounts),
// and everything it writes goes to binds from the engine's state directory, so the cached root never changes.
import { mkdir, readFile, rmdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { commandLine, isAlive, signal, startDetached, waitGone } from "../../src/exec/daemon.js";
import { run } from "../../src/exec/run.js";
import { newSessionId } from "../../src/labs/session.js";
import { destroyEngine, dockerdArgs, engineMarker, enginePaths, type EnginePaths, writeEngineMarker } from "../../src/labs/private-engine.js";
import { rootfsArgv, type RootfsBind } from "../helpers/rootfs.js";
import type { EngineRoot } from "./roots.js";

export interface MatrixEngineOptions {
  /** dockerd --userland-proxy (default true, as every distribution ships it). */
  readonly userlandProxy?: boolean;
  readonly log?: (line: string) => void;
}

/** A running matrix engine. */
export interface MatrixEngine {
  readonly spec: EngineRoot;
  readonly root: string;
  /** The session id its paths derive from (`docker-net-lab clean --session` finds it by that). */
  readonly session: string;
  /** Host-side paths (enginePaths of a fresh session, lab = the engine id). */
  readonly paths: EnginePaths;
  /** The same paths as dockerd and the lab process see them inside the root. */
  readonly inside: EnginePaths;
  /** `unix:///run/dnl-…/docker.sock`: valid on the host and inside the root. */
  readonly host: string;
  /** `docker version` of the engine: Server.Version. */
  readonly version: string;
  readonly options: MatrixEngineOptions;
}

// Inside the root the state directory is mounted under /run (a fresh tmpfs there), so no mount point for a
// per-session path is ever created in the cached root.
const insidePaths = (paths: EnginePaths): EnginePaths => {
  const dir = `${paths.runDir}-state`;
  return { ...paths, dir, dataRoot: join(dir, "data"), marker: join(dir, "engine.json"), log: join(dir, "dockerd.log"), configFile: join(dir, "daemon.json") };
};

/**
 * Binds every process of this engine (dockerd, lab process) gets: run dir, state dir, and writable /etc/docker,
 * /var/lib/docker, /tmp, /root. (/var/lib/docker although every engine has --data-root: Docker 20.10's swarm task
 * manager writes there anyway, and lab 08's overlay containers failed with "mkdir /var/lib/docker: read-only file
 * system".)
 */
export const engineBinds = (paths: EnginePaths): RootfsBind[] => {
  const inside = insidePaths(paths);
  return [
    { source: paths.runDir },
    { source: paths.dir, target: inside.dir },
    { source: join(paths.dir, "etc-docker"), target: "/etc/docker" },
    { source: join(paths.dir, "var-lib-docker"), target: "/var/lib/docker" },
    { source: join(paths.dir, "tmp"), target: "/tmp" },
    { source: join(paths.dir, "home"), target: "/root" },
  ];
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const serverVersion = async (host: string): Promise<string | null> => {
  const result = await run("docker", ["--host", host, "version", "--format", "{{.Server.Version}}"], { reject: false, timeout: 10_000 });
  return result.exitCode === 0 ? result.stdout.trim() : null;
};

/** Start the root's dockerd as a private engine in a network namespace of its own; waits until it answers. */
export const startMatrixEngine = async (spec: EngineRoot, root: string, options: MatrixEngineOptions = {}): Promise<MatrixEngine> => {
  const log = options.log ?? (() => undefined);
  const session = newSessionId();
  const paths = enginePaths(session, spec.id);
  const inside = insidePaths(paths);
  for (const dir of [
    paths.runDir,
    paths.dir,
    join(paths.dir, "etc-docker"),
    join(paths.dir, "var-lib-docker"),
    join(paths.dir, "tmp"),
    join(paths.dir, "home"),
  ])
    await mkdir(dir, { recursive: true });
  await run("chmod", ["1777", join(paths.dir, "tmp")]);
  const config = options.userlandProxy === false ? { "userland-proxy": false } : {};
  await writeFile(paths.configFile, `${JSON.stringify(config)}\n`);
  await run("ip", ["netns", "add", paths.netns]);
  await run("ip", ["-n", paths.netns, "link", "set", "lo", "up"]);
  const argv = rootfsArgv(root, ["dockerd", ...dockerdArgs(inside, {})], { netns: paths.netns, binds: engineBinds(paths), readOnly: true });
  log(`starting dockerd of ${spec.distribution} in ${paths.netns} from ${root}`);
  const pid = startDetached(argv[0] as string, argv.slice(1), paths.log);
  await writeEngineMarker(engineMarker(paths, { session, lab: spec.id }, {}, pid));
  const host = `unix://${paths.socket}`;
  const deadline = Date.now() + 90_000;
  let version: string | null = null;
  while (Date.now() < deadline && (version = await serverVersion(host)) === null) {
    if (!isAlive(pid)) break;
    await sleep(300);
  }
  if (version === null) {
    const tail = (await readFile(paths.log, "utf8").catch(() => "")).trim().split("\n").slice(-15).join("\n");
    await stopMatrixEngine({ spec, root, session, paths, inside, host, version: "", options });
    throw new Error(`dockerd of ${spec.distribution} did not answer on ${host}:\n${tail}`);
  }
  log(`Docker ${version} (${spec.distribution}) answers on ${host}, network namespace ${paths.netns}`);
  return { spec, root, session, paths, inside, host, version, options };
};

/** Stop dockerd gracefully (it stops its containers), then remove everything the engine made. */
export const stopMatrixEngine = async (engine: MatrixEngine): Promise<void> => {
  const pid = Number((await readFile(engine.paths.pidfile, "utf8").catch(() => "")).trim());
  if (Number.isInteger(pid) && pid > 0 && (await commandLine(pid)).some((arg) => arg.includes(engine.paths.runDir))) {
    signal(pid, "SIGTERM");
    if (!(await waitGone(pid, 30_000))) signal(pid, "SIGKILL");
    await waitGone(pid, 5_000);
  }
  await destroyEngine(engine.paths);
  await rmdir(dirname(engine.paths.dir)).catch(() => undefined); // the session folder, when nothing else is in it
};

export interface LabProcessOptions {
  /** The project checkout (bound at the same path; dist/ must be built). */
  readonly checkout: string;
  /** Extra environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Where the host's node is mounted inside the root (a tmpfs path: no trace in the cached root). */
const nodeDir = "/run/dnl-host";

/**
 * The argv that runs `command` (e.g. ["node", "dist/cli/bin.js", "labs", "run", "03"]) as the lab process of this
 * engine: inside its root and network namespace, with the host's node and the checkout mounted, DOCKER_HOST set,
 * and state, Jupyter data, HOME and /tmp of its own.
 */
export const labProcessArgv = (engine: MatrixEngine, command: readonly string[], options: LabProcessOptions): string[] => {
  const env = {
    PATH: `${nodeDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    HOME: "/root",
    LANG: "C.UTF-8",
    DOCKER_HOST: engine.host,
    DNL_STATE_DIR: join(engine.inside.dir, "lab-state"),
    JUPYTER_DATA_DIR: join(engine.inside.dir, "jupyter"),
    ...options.env,
  };
  return rootfsArgv(
    engine.root,
    ["env", "-i", ...Object.entries(env).map(([key, value]) => `${key}=${value}`), "sh", "-c", 'cd "$0" && exec "$@"', options.checkout, ...command],
    {
      netns: engine.paths.netns,
      readOnly: true,
      binds: [...engineBinds(engine.paths), { source: options.checkout }, { source: process.execPath, target: `${nodeDir}/node`, readOnly: true }],
    },
  );
};
