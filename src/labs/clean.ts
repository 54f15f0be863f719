// `clean`: find what the project created, by label (engine objects), name (kernel objects), iptables comment and
// state-dir markers (private engines, session folders), and remove it. src/ownership.ts decides what is ours;
// nothing else is touched.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { listContainers, listNetworks, listVolumes, removeOwnedContainer, removeOwnedNetwork, removeOwnedVolume } from "../docker/adapter.js";
import { removeCgroup } from "../exec/cgroup.js";
import { run } from "../exec/run.js";
import { ipJson, iptablesSave } from "../exec/commands.js";
import { netnsNames } from "../exec/netns.js";
import { parseIpLink } from "../parse/ip-link.js";
import { parseIptablesSave, shellWords } from "../parse/iptables-save.js";
import { isSessionId, labelFilters, ownsName, requireSessionId } from "../ownership.js";
import { stateDir } from "../setup/paths.js";
import { stopNetnsProcesses } from "./kernel-objects.js";
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
  /** Private engines (dockerd) a lab started, from their markers: `session/lab socket`. */
  readonly engines: string[];
  /** Session folders in the state directory (answers, chosen ports and subnets, markers). */
  readonly sessionDirs: string[];
  readonly errors: string[];
}

/** `iptables-save` rules whose comment is a project name (of `session`, or of any session when null); pure. */
export const taggedRules = (save: string, session: string | null): { table: string; chain: string; spec: string }[] =>
  parseIptablesSave(save).value.flatMap((table) =>
    table.chains.flatMap((chain) =>
      chain.rules
        .filter((rule) => rule.comment !== null && ownsName(rule.comment, session))
        .map((rule) => ({ table: table.name, chain: chain.name, spec: rule.spec })),
    ),
  );

/** Remove (or list, with dryRun) every object of one session or of all sessions. */
export const clean = async (options: CleanOptions, log: (line: string) => void): Promise<CleanReport> => {
  if (options.session !== undefined)
    requireSessionId(options.session, "--session", "See the session id at the top of the lab notebook, or list them with `clean --all-sessions --dry-run`.");
  const session = options.allSessions ? null : (options.session ?? (await currentSessionId()));
  // The session label is required even for all sessions: the owner label alone is inherited from the toolbox image.
  const labels = labelFilters(session);
  const matches = (name: string): boolean => ownsName(name, session);
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
  // Private engines first (labs 07 and 08, the engine matrix): their containers and mounts go with them.
  const sessionsRoot = join(stateDir(), "sessions");
  const sessionDirs = (await readdir(sessionsRoot).catch(() => [] as string[])).filter((name) => isSessionId(name) && (session === null || name === session));
  const markers = await findEngineMarkers(session);
  // A grading sandbox's marker also names its cgroups: every process of the sandbox is in them (src/grade/sandbox.ts).
  const groupsOf = (marker: object): readonly string[] => (marker as { sandbox?: { cgroups?: string[] } }).sandbox?.cgroups ?? [];
  for (const marker of markers)
    await attempt(`private engine of ${marker.session}/${marker.lab}`, async () => {
      await removeCgroup({ dirs: groupsOf(marker) });
      await destroyEngine(marker.paths);
      await removeCgroup({ dirs: groupsOf(marker) });
    });
  const containers = await listContainers({ labels });
  for (const container of containers) await attempt(`container ${container.name}`, () => removeOwnedContainer(container.id));
  const networks = await listNetworks({ labels });
  for (const network of networks) await attempt(`network ${network.name}`, () => removeOwnedNetwork(network.id));
  const volumes = await listVolumes(labels);
  for (const volume of volumes) await attempt(`volume ${volume.name}`, () => removeOwnedVolume(volume.name));
  const namespaces = (await netnsNames()).filter(matches);
  // A server a lab started inside its namespace (`ip netns exec … busybox httpd`) would outlive `ip netns delete`.
  for (const name of namespaces)
    await attempt(`namespace ${name}`, async () => {
      await stopNetnsProcesses(name);
      await run("ip", ["netns", "delete", name]);
    });
  const links = parseIpLink(await ipJson("link").catch(() => "[]")).value;
  const interfaces = links.map((link) => link.name).filter(matches);
  for (const name of interfaces) await attempt(`interface ${name}`, () => run("ip", ["link", "delete", name], { reject: false }));
  const rules = taggedRules(await iptablesSave().catch(() => ""), session);
  for (const rule of rules)
    await attempt(`iptables rule (${rule.table}) -A ${rule.chain} ${rule.spec}`, () =>
      run("iptables", ["-t", rule.table, "-D", rule.chain, ...(shellWords(rule.spec) ?? [])]),
    );
  for (const dir of sessionDirs) await attempt(`session folder ${dir}`, () => rm(join(sessionsRoot, dir), { recursive: true, force: true }));
  return {
    dryRun: Boolean(options.dryRun),
    scope: session ? `session ${session}` : "all sessions",
    containers: containers.map((c) => c.name),
    networks: networks.map((n) => n.name),
    volumes: volumes.map((v) => v.name),
    namespaces,
    interfaces,
    iptablesRules: rules.map((rule) => `${rule.table}: -A ${rule.chain} ${rule.spec}`),
    engines: markers.map((marker) => `${marker.session}/${marker.lab} ${marker.paths.socket}`),
    sessionDirs,
    errors,
  };
};
