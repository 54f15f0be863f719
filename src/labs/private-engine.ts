// A private Docker engine a lab starts for itself (labs 07 and 08): its own dockerd, data root, exec root, socket,
// pid file and containerd, running inside its own network namespace. Its docker0, veths, iptables rules and swarm
// ports all live in that namespace, so the learner's engine is never restarted, reconfigured or even touched.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DockerEngine } from "../docker/adapter.js";
import { EnvironmentError } from "../errors.js";
import { ipJson } from "../exec/commands.js";
import { commandLine, isAlive, mountsUnder, outerPid, processesMentioning, signal, startDetached, waitGone } from "../exec/daemon.js";
import { netnsExists as namespaceExists } from "../exec/netns.js";
import { pollUntil } from "../exec/poll.js";
import { formatCommand, run, timeouts, type RunResult } from "../exec/run.js";
import { namePrefix } from "../ownership.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import type { DockerContainer, DockerNetwork, IpInterface } from "../parse/models.js";
import { display, jupyterDisplay, pictureBundle } from "../render/display.js";
import type { TopologyDiff } from "../topology/diff.js";
import { stateDir } from "../setup/paths.js";
import { toolboxImage } from "../setup/image.js";
import type { Topology } from "../topology/model.js";
import { snapshot, type SnapshotOptions } from "../topology/snapshot.js";
import type { Precondition } from "./definition.js";
import type { LabSession } from "./session.js";
import { LearnerShell, type Piece, type ShellOptions } from "./shell.js";
import { tracedStep } from "../exec/trace.js";

/** dockerd options a lab may change (what the post on docker0's address changes in DOCKER_OPTS / daemon.json; curriculum concept 17). */
export interface EngineOptions {
  /** docker0's address and prefix: `--bip 10.1.2.1/24`. */
  readonly bip?: string;
  /** `--default-address-pool base=…,size=…`: where user-defined networks get their subnets. */
  readonly defaultAddressPools?: readonly { readonly base: string; readonly size: number }[];
  /** `--mtu`: the MTU of docker0's containers. */
  readonly mtu?: number;
}

/** Where one private engine keeps everything (all derived from session and lab). */
export interface EnginePaths {
  /** Network namespace the engine runs in (`ip netns` name, <= 15 characters). */
  readonly netns: string;
  /** Short directory under /run: socket, pid file, exec root (unix socket paths must stay short). */
  readonly runDir: string;
  readonly socket: string;
  readonly pidfile: string;
  readonly execRoot: string;
  /** State directory: marker, log, config, data root. */
  readonly dir: string;
  readonly dataRoot: string;
  readonly marker: string;
  readonly log: string;
  readonly configFile: string;
}

/** What the marker file records, so `clean` can find and stop a leftover engine. */
export interface EngineMarker {
  readonly kind: "docker-net-lab private engine";
  /** The fields `clean` reads from every engine marker (src/labs/clean.ts). */
  readonly socket: string;
  readonly pidfile: string;
  readonly dataRoot: string;
  readonly execRoot: string;
  readonly session: string;
  readonly lab: string;
  readonly paths: EnginePaths;
  readonly options: EngineOptions;
  readonly pid: number | null;
  readonly startedAt: string;
}

/** The marker an engine's folder carries (`engine.json`): what `clean` needs to find, stop and remove the engine. */
export const engineMarker = (
  paths: EnginePaths,
  owner: { readonly session: string; readonly lab: string },
  options: EngineOptions,
  pid: number | null,
  startedAt = new Date().toISOString(),
): EngineMarker => ({
  kind: "docker-net-lab private engine",
  socket: paths.socket,
  pidfile: paths.pidfile,
  dataRoot: paths.dataRoot,
  execRoot: paths.execRoot,
  session: owner.session,
  lab: owner.lab,
  paths,
  options,
  pid,
  startedAt,
});

/** Write an engine's marker, before it answers: a failed start leaves something `clean` can find. */
export const writeEngineMarker = async (marker: EngineMarker): Promise<void> => writeFile(marker.paths.marker, `${JSON.stringify(marker, null, 2)}\n`);

// Directory of all private engines' state of one session.
const sessionsDir = (): string => join(stateDir(), "sessions");

/** The paths of the private engine of `lab` in `session`. */
export const enginePaths = (session: string, lab: string): EnginePaths => {
  const runDir = join("/run", `${namePrefix}-${session}-${lab}`);
  const dir = join(sessionsDir(), session, `engine-${lab}`);
  return {
    netns: `${namePrefix}${session}e${lab}`,
    runDir,
    socket: join(runDir, "docker.sock"),
    pidfile: join(runDir, "docker.pid"),
    execRoot: join(runDir, "exec"),
    dir,
    dataRoot: join(dir, "data"),
    marker: join(dir, "engine.json"),
    log: join(dir, "dockerd.log"),
    configFile: join(dir, "daemon.json"),
  };
};

/** dockerd's arguments for these paths and options. */
export const dockerdArgs = (paths: EnginePaths, options: EngineOptions): string[] => [
  "--config-file",
  paths.configFile,
  "--data-root",
  paths.dataRoot,
  "--exec-root",
  paths.execRoot,
  "--host",
  `unix://${paths.socket}`,
  "--pidfile",
  paths.pidfile,
  "--shutdown-timeout",
  "2",
  ...(options.bip ? ["--bip", options.bip] : []),
  ...(options.defaultAddressPools ?? []).flatMap((pool) => ["--default-address-pool", `base=${pool.base},size=${pool.size}`]),
  ...(options.mtu ? ["--mtu", String(options.mtu)] : []),
];

// The pid in the pid file when that process is still our dockerd (checked by its --data-root). The grader reading the
// engine a notebook started in its grading sandbox ($DNL_ENGINE_PID_GROUP) translates it: the file holds the pid the
// sandbox's pid namespace gave (src/docker/adapter.ts).
const livePid = async (paths: EnginePaths): Promise<number | null> => {
  const written = Number((await readFile(paths.pidfile, "utf8").catch(() => "")).trim());
  const group = process.env.DNL_ENGINE_PID_GROUP;
  const pid = group && Number.isInteger(written) && written > 0 ? await outerPid(written, group) : written;
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return (await commandLine(pid)).includes(paths.dataRoot) ? pid : null;
};

/** Stop a private engine and remove everything it made: processes, mounts, its namespace, its directories. */
export const destroyEngine = async (paths: EnginePaths, log: (line: string) => void = () => undefined): Promise<boolean> => {
  const pid = await livePid(paths);
  const existed =
    pid !== null ||
    (await namespaceExists(paths.netns)) ||
    (await readdir(paths.dir).then(
      () => true,
      () => false,
    )) ||
    (await readdir(paths.runDir).then(
      () => true,
      () => false,
    ));
  if (pid !== null) {
    const docker = ["--host", `unix://${paths.socket}`];
    const ids = (await run("docker", [...docker, "ps", "-aq"], { reject: false, timeout: 20_000 })).stdout.split("\n").filter(Boolean);
    if (ids.length) await run("docker", [...docker, "rm", "-f", ...ids], { reject: false, timeout: 60_000 });
    await tracedStep("dockerd (stop, until it exits)", async () => {
      signal(pid, "SIGTERM");
      if (!(await waitGone(pid, 20_000))) signal(pid, "SIGKILL");
      await waitGone(pid, 5_000);
    });
    log(`stopped the private engine (dockerd pid ${pid})`);
  }
  // containerd, shims and containers of a crashed or killed engine: everything that mentions our exec root.
  for (const leftover of await processesMentioning(paths.runDir)) signal(leftover, "SIGKILL");
  for (const point of await mountsUnder([paths.runDir, paths.dir])) await run("umount", ["-l", point], { reject: false });
  if (await namespaceExists(paths.netns)) await run("ip", ["netns", "delete", paths.netns], { reject: false });
  await rm(paths.runDir, { recursive: true, force: true });
  await rm(paths.dir, { recursive: true, force: true });
  return existed;
};

/** Markers of private engines left on this host (one session, or all). */
export const findEngineMarkers = async (session: string | null): Promise<EngineMarker[]> => {
  const markers: EngineMarker[] = [];
  const sessions = session ? [session] : await readdir(sessionsDir()).catch(() => [] as string[]);
  for (const s of sessions) {
    for (const entry of await readdir(join(sessionsDir(), s)).catch(() => [] as string[])) {
      if (!entry.startsWith("engine-")) continue;
      const text = await readFile(join(sessionsDir(), s, entry, "engine.json"), "utf8").catch(() => null);
      const paths = enginePaths(s, entry.slice("engine-".length));
      const marker = text ? (JSON.parse(text) as EngineMarker) : null;
      markers.push(marker?.paths ? marker : engineMarker(paths, { session: s, lab: entry.slice("engine-".length) }, {}, null, ""));
    }
  }
  return markers;
};

/** A lab's private engine. Notebooks get one with `privateEngine(lab)`. */
export class PrivateEngine {
  readonly session: LabSession;
  readonly paths: EnginePaths;
  readonly image = toolboxImage;
  /** The Engine API of this engine: the same adapter as the learner's engine, on this engine's socket. */
  readonly engine: DockerEngine;
  private readonly shell: LearnerShell;
  private readonly log: (line: string) => void;
  constructor(session: LabSession, log: (line: string) => void = (line) => console.log(line)) {
    this.session = session;
    this.paths = enginePaths(session.session, session.lab);
    this.engine = new DockerEngine(`unix://${this.paths.socket}`);
    this.shell = new LearnerShell(session, this.host, "engine");
    this.log = log;
  }

  /** `unix:///run/dnl-…/docker.sock`: what `docker -H` (or DOCKER_HOST) needs to talk to this engine. */
  get host(): string {
    return `unix://${this.paths.socket}`;
  }

  /** The network namespace the engine (and its docker0) lives in: `ip -n NETNS …`. */
  get netns(): string {
    return this.paths.netns;
  }

  /** The options the engine runs with now ({} when it is not running). */
  async options(): Promise<EngineOptions | null> {
    if ((await livePid(this.paths)) === null) return null;
    const text = await readFile(this.paths.marker, "utf8").catch(() => null);
    return text ? (JSON.parse(text) as EngineMarker).options : {};
  }

  /** Does the engine answer on its socket? */
  async answering(): Promise<boolean> {
    return (await run("docker", ["--host", this.host, "version", "--format", "{{.Server.Version}}"], { reject: false, timeout: 10_000 })).exitCode === 0;
  }

  /** Start the engine with these options; idempotent (a running engine with the same options is kept). */
  async start(options: EngineOptions = {}): Promise<void> {
    const current = await this.options();
    if (current && JSON.stringify(current) === JSON.stringify(options) && (await this.answering())) return;
    if (current) await this.stop();
    await mkdir(this.paths.runDir, { recursive: true });
    await mkdir(this.paths.dir, { recursive: true });
    await writeFile(this.paths.configFile, "{}\n");
    if (!(await namespaceExists(this.paths.netns))) {
      await run("ip", ["netns", "add", this.paths.netns]);
      await run("ip", ["-n", this.paths.netns, "link", "set", "lo", "up"]);
    }
    const args = dockerdArgs(this.paths, options);
    this.log(`$ ${formatCommand("nsenter", [`--net=/run/netns/${this.paths.netns}`, "dockerd", ...args])}`);
    const pid = startDetached("nsenter", [`--net=/run/netns/${this.paths.netns}`, "dockerd", ...args], this.paths.log);
    await writeEngineMarker(engineMarker(this.paths, this.session, options, pid));
    if (!(await tracedStep("dockerd (start, until it answers)", () => pollUntil(() => this.answering(), 40_000)))) {
      const tail = (await readFile(this.paths.log, "utf8").catch(() => "")).trim().split("\n").slice(-3).join("\n");
      throw new EnvironmentError(`The private engine did not start: ${tail}`, {
        hint: `Its log is ${this.paths.log}. Fix the option it complains about and run the cell again; teardown removes a half-started engine.`,
      });
    }
    this.log(`private engine up: docker -H ${this.host} (network namespace ${this.paths.netns})`);
    await this.loadImage();
  }

  /** Stop dockerd (containers stop with it; their definitions and the data root stay). */
  async stop(): Promise<void> {
    const pid = await livePid(this.paths);
    if (pid === null) return;
    await tracedStep("dockerd (stop, until it exits)", async () => {
      signal(pid, "SIGTERM");
      if (!(await waitGone(pid, 20_000))) signal(pid, "SIGKILL");
      await waitGone(pid, 5_000);
    });
    this.log(`stopped dockerd (pid ${pid})`);
  }

  /** Restart with new options, like editing daemon.json and restarting the service. */
  async restart(options: EngineOptions): Promise<void> {
    await this.stop();
    await this.start(options);
  }

  /** Copy the toolbox image from the learner's engine (`docker save` | `docker load`), once. */
  async loadImage(): Promise<void> {
    const has = await run("docker", ["--host", this.host, "image", "inspect", this.image], { reject: false, timeout: 15_000 });
    if (has.exitCode === 0) return;
    const tar = join(this.paths.dir, "toolbox.tar");
    await run("docker", ["save", "-o", tar, this.image], { timeout: timeouts.docker });
    await run("docker", ["--host", this.host, "load", "-i", tar], { timeout: timeouts.docker });
    await rm(tar, { force: true });
    this.log(`loaded ${this.image} into the private engine`);
  }

  /**
   * Run a command against this engine: `docker …` becomes `docker -H unix:///run/dnl-…/docker.sock …`, with the
   * lab's labels on objects it creates. Prints the command and its output; throws (with a hint) when it fails.
   */
  async sh(strings: TemplateStringsArray, ...values: Piece[]): Promise<RunResult> {
    return this.shell.sh(strings, ...values);
  }

  /** Like `sh`, with an argv array. */
  async exec(argv: readonly string[], options: ShellOptions = {}): Promise<RunResult> {
    return this.shell.exec(argv, options);
  }

  /** `docker network inspect NAME` on this engine, parsed; null when there is no such network. */
  async network(name: string): Promise<DockerNetwork | null> {
    return this.engine.findNetwork(name);
  }

  /** `docker inspect NAME` on this engine, parsed; null when there is no such container. */
  async container(name: string): Promise<DockerContainer | null> {
    return this.engine.findContainer(name);
  }

  /** Interfaces of the engine's namespace (where its docker0 lives). */
  async interfaces(): Promise<IpInterface[]> {
    return parseIpAddr(await ipJson("addr", [], { kind: "netns", name: this.netns })).value;
  }

  /** What `snapshot` reads for this engine: its containers and networks through the adapter on its socket, its namespace as the "host". */
  snapshotOptions(nat = true): SnapshotOptions {
    return { engine: this.engine, home: { kind: "netns", name: this.netns }, homeName: `engine namespace ${this.netns}`, nat };
  }

  /** What this engine built, read the same way as the learner's engine: its namespace plays the "host". */
  async topology(): Promise<Topology> {
    return snapshot(this.snapshotOptions());
  }

  /** Draw the engine's topology inline (its namespace plays the host). Returns nothing, like `lab.draw()`: a cell that ends
   * with `await engine.draw()` would otherwise also show the SVG source as its value. */
  async draw(title = `Private engine of lab ${this.session.lab}`): Promise<void> {
    // Plot is loaded when a picture is drawn, not with the lab definitions (`check` and `labs list` draw nothing).
    const [topology, { topologySvg }] = await Promise.all([this.topology(), import("../render/topology-plot.js")]);
    const svg = topologySvg(topology, { title });
    display(pictureBundle(`[topology of the private engine: ${topology.containers.length} container(s)]`, svg));
  }

  /**
   * Run one step and show what it changed in this engine's world (its namespace plays the host), as text and as the
   * picture with the changes in red, like `lab.step`: `await engine.step("restart with --bip", () => engine.restart({ … }))`.
   */
  async step(title: string, work: () => Promise<unknown>): Promise<TopologyDiff> {
    const before = await this.topology();
    await work();
    const [after, { showDiff }] = await Promise.all([this.topology(), import("../render/topology-diff.js")]);
    const diff = showDiff(before, after, { title });
    // Shown already: the project kernel displays nothing for it as a cell's last value.
    return Object.defineProperty(diff, jupyterDisplay, { value: () => null, enumerable: false });
  }

  /** Stop the engine and remove everything it made (also after a failed start). */
  async destroy(): Promise<void> {
    if (await destroyEngine(this.paths, this.log))
      this.log(
        `removed the private engine of session ${this.session.session}, lab ${this.session.lab}: namespace ${this.netns}, ${this.paths.runDir}, ${this.paths.dir}`,
      );
  }
}

/** A precondition of the labs with a private engine: the session's engine answers; else every check reports `refusal`. */
export const privateEngineAnswers = (refusal: { readonly message: string; readonly hint: string }): Precondition => ({
  id: "private-engine",
  test: async (context) => ((await new PrivateEngine(context.session, () => undefined).answering()) ? null : refusal),
});

/** The private engine of an open lab: `const engine = privateEngine(lab)`. */
export const privateEngine = (lab: { readonly session: LabSession }): PrivateEngine => new PrivateEngine(lab.session);
