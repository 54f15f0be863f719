// `clean`: find what the project created, by label (engine objects), name prefix (kernel objects), iptables comment
// and state-dir markers (private engines, session folders), and remove it. Nothing unlabeled or unprefixed is touched.
import { readdir, readFile, rm } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { listContainers, listNetworks, listVolumes, removeOwnedContainer, removeOwnedNetwork, removeOwnedVolume } from "../docker/adapter.js";
import { run, timeouts } from "../exec/run.js";
import { ipJson, ipNetnsList, iptablesSave } from "../exec/commands.js";
import { parseIpLink } from "../parse/ip-link.js";
import { stateDir } from "../setup/paths.js";
import { isSessionId, namePrefix, ownerLabel, requireSessionId, sessionLabelKey } from "./labels.js";
import { destroyEngine, findEngineMarkers } from "./private-engine.js";
import { currentSessionId } from "./session.js";

export interface CleanOptions {
  readonly dryRun?: boolean;
  readonly session?: string;
  readonly allSessions?: boolean;
}

export interface CleanReport {
  readonly dryRun: boolean;
  readonly scope: string;
  readonly containers: string[];
  readonly networks: string[];
  readonly volumes: string[];
  readonly namespaces: string[];
  readonly interfaces: string[];
  /** iptables rules tagged `-m comment --comment dnl-<session>…`, as `table: rule`. */
  readonly iptablesRules: string[];
  /** Private engine instances (dockerd) a lab started, from their markers: `pid socket`. */
  readonly engines: string[];
  /** Session folders in the state directory (answers, chosen ports and subnets, markers). */
  readonly sessionDirs: string[];
  readonly errors: string[];
}

/**
 * The marker a lab writes when it starts a private engine instance, at `<state>/sessions/<session>/engine*.json`
 * or `<state>/sessions/<session>/<lab>/engine*.json`. `clean` stops that dockerd (only if its command line still
 * says dockerd and names the socket), then removes its exec and data roots when they lie inside the state directory.
 */
export interface EngineMarker {
  readonly pid: number;
  readonly socket: string;
  readonly pidfile?: string;
  readonly dataRoot?: string;
  readonly execRoot?: string;
}

/** Names of `ip netns` namespaces (first word of each line). */
export const namespaceNames = async (): Promise<string[]> =>
  (await ipNetnsList().catch(() => "")).split("\n").map((line) => line.trim().split(/\s+/)[0] ?? "").filter(Boolean);

/** Kernel-object name prefixes of a session (`dnl-ab12-…` and `dnlab12…`), or of every session. */
export const kernelPrefixes = (session: string | null): string[] => (session ? [`${namePrefix}-${session}-`, `${namePrefix}${session}`] : [`${namePrefix}-`, namePrefix]);

/** iptables-save lines tagged with one of the prefixes in a comment, as [table, rule args without -A] pairs; pure. */
export const taggedRules = (save: string, prefixes: readonly string[]): { table: string; line: string }[] => {
  const found: { table: string; line: string }[] = [];
  let table = "";
  for (const raw of save.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("*")) table = line.slice(1);
    // `iptables-save -c` puts the counters first: `[3:180] -A INPUT …`.
    const rule = line.replace(/^\[\d+:\d+\]\s*/, "");
    const comment = /--comment\s+(?:"([^"]*)"|(\S+))/.exec(rule);
    const text = comment?.[1] ?? comment?.[2];
    if (rule.startsWith("-A ") && text && prefixes.some((prefix) => text.startsWith(prefix))) found.push({ table, line: rule });
  }
  return found;
};

// Split an iptables-save rule into arguments (double quotes group words).
const ruleArgs = (line: string): string[] => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? "");

// Is `path` inside `dir`?
const inside = (path: string, dir: string): boolean => resolve(path).startsWith(`${resolve(dir)}${sep}`);

// Engine markers under one session folder (depth 2).
const engineMarkers = async (dir: string): Promise<{ file: string; marker: EngineMarker }[]> => {
  const found: { file: string; marker: EngineMarker }[] = [];
  const scan = async (folder: string, depth: number): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth > 0) await scan(path, depth - 1);
      if (entry.isFile() && /^engine.*\.json$/.test(entry.name)) {
        const marker = JSON.parse(await readFile(path, "utf8").catch(() => "{}")) as Partial<EngineMarker>;
        if (typeof marker.pid === "number" && typeof marker.socket === "string") found.push({ file: path, marker: marker as EngineMarker });
      }
    }
  };
  await scan(dir, 1);
  return found;
};

// Is this pid still the dockerd the marker describes (pids get reused)?
const isMarkedEngine = async (marker: EngineMarker): Promise<boolean> => {
  const args = await readFile(`/proc/${marker.pid}/cmdline`, "utf8").then((text) => text.split("\0"), () => []);
  return args.some((arg) => arg.endsWith("dockerd")) && args.some((arg) => arg.includes(marker.socket));
};

// Stop a marked engine: TERM, wait up to 20 s, then KILL.
const stopEngine = async (marker: EngineMarker): Promise<void> => {
  if (!(await isMarkedEngine(marker))) return;
  process.kill(marker.pid, "SIGTERM");
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && (await isMarkedEngine(marker))) await new Promise((done) => setTimeout(done, 200));
  if (await isMarkedEngine(marker)) process.kill(marker.pid, "SIGKILL");
};

// Unmount whatever is still mounted under a directory (a killed dockerd leaves netns and overlay mounts), deepest first.
const unmountUnder = async (dir: string): Promise<void> => {
  const text = await readFile("/proc/self/mountinfo", "utf8").catch(() => "");
  const root = resolve(dir);
  const points = [...new Set(text.split("\n").map((line) => (line.split(" ")[4] ?? "").replace(/\\040/g, " ")))].filter((point) => point === root || point.startsWith(`${root}/`));
  for (const point of points.sort((a, b) => b.length - a.length)) await run("umount", ["-l", point], { reject: false, timeout: timeouts.quick });
};

/** Remove (or list, with dryRun) every object of one session or of all sessions. */
export const clean = async (options: CleanOptions, log: (line: string) => void): Promise<CleanReport> => {
  if (options.session !== undefined) requireSessionId(options.session, "--session", "See the session id at the top of the lab notebook, or list them with `clean --all-sessions --dry-run`.");
  const session = options.allSessions ? null : (options.session ?? (await currentSessionId()));
  // The session label is required even for all sessions: the owner label alone is inherited from the toolbox image.
  const labels = [`${ownerLabel.key}=${ownerLabel.value}`, session ? `${sessionLabelKey}=${session}` : sessionLabelKey];
  const prefixes = kernelPrefixes(session);
  const matches = (name: string): boolean => prefixes.some((prefix) => name.startsWith(prefix));
  const errors: string[] = [];
  const attempt = async (what: string, action: () => Promise<unknown>): Promise<void> => {
    if (options.dryRun) return;
    try {
      await action();
      log(`removed ${what}`);
    } catch (error) {
      errors.push(`${what}: ${(error as Error).message}`);
    }
  };
  // Private engines first: their containers and mounts go with them.
  const sessionsRoot = join(stateDir(), "sessions");
  const sessionDirs = (await readdir(sessionsRoot).catch(() => [] as string[])).filter((name) => isSessionId(name) && (session === null || name === session));
  const engines: string[] = [];
  for (const dir of sessionDirs) {
    for (const { file, marker } of await engineMarkers(join(sessionsRoot, dir))) {
      engines.push(`${marker.pid} ${marker.socket}`);
      await attempt(`engine instance ${marker.pid} (${marker.socket})`, async () => {
        await stopEngine(marker);
        for (const root of [marker.execRoot, marker.dataRoot]) {
          if (root && inside(root, stateDir())) {
            await unmountUnder(root);
            await rm(root, { recursive: true, force: true });
          }
        }
        if (marker.pidfile && inside(marker.pidfile, stateDir())) await rm(marker.pidfile, { force: true });
        await rm(file, { force: true });
      });
    }
  }
  // Labs 07/08 run their engines in their own namespace with an exec root under /run: remove those too.
  for (const marker of await findEngineMarkers(session)) await attempt(`private engine of ${marker.session}/${marker.lab}`, () => destroyEngine(marker.paths));
  const containers = await listContainers({ labels });
  for (const container of containers) await attempt(`container ${container.name}`, () => removeOwnedContainer(container.id));
  const networks = await listNetworks({ labels });
  for (const network of networks) await attempt(`network ${network.name}`, () => removeOwnedNetwork(network.id));
  const volumes = await listVolumes(labels);
  for (const volume of volumes) await attempt(`volume ${volume.name}`, () => removeOwnedVolume(volume.name));
  const namespaces = (await namespaceNames()).filter(matches);
  for (const name of namespaces) await attempt(`namespace ${name}`, () => run("ip", ["netns", "delete", name]));
  const links = parseIpLink(await ipJson("link").catch(() => "[]")).value;
  const interfaces = links.map((link) => link.name).filter(matches);
  for (const name of interfaces) await attempt(`interface ${name}`, () => run("ip", ["link", "delete", name], { reject: false }));
  const rules = taggedRules(await iptablesSave().catch(() => ""), prefixes);
  for (const rule of rules) await attempt(`iptables rule (${rule.table}) ${rule.line}`, () => run("iptables", ["-t", rule.table, "-D", ...ruleArgs(rule.line).slice(1)]));
  for (const dir of sessionDirs) await attempt(`session folder ${dir}`, () => rm(join(sessionsRoot, dir), { recursive: true, force: true }));
  return {
    dryRun: Boolean(options.dryRun),
    scope: session ? `session ${session}` : "all sessions",
    containers: containers.map((c) => c.name),
    networks: networks.map((n) => n.name),
    volumes: volumes.map((v) => v.name),
    namespaces,
    interfaces,
    iptablesRules: rules.map((rule) => `${rule.table}: ${rule.line}`),
    engines,
    sessionDirs,
    errors,
  };
};
