// `clean`: find what the project created, by label (engine objects) and name prefix (kernel objects), and remove it.
import { listContainers, listNetworks, listVolumes, removeOwnedContainer, removeOwnedNetwork, removeOwnedVolume } from "../docker/adapter.js";
import { run } from "../exec/run.js";
import { ipJson, ipNetnsList } from "../exec/commands.js";
import { parseIpLink } from "../parse/ip-link.js";
import { namePrefix, ownerLabel, sessionLabelKey } from "./labels.js";
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
  readonly errors: string[];
}

/** Names of `ip netns` namespaces (first word of each line). */
export const namespaceNames = async (): Promise<string[]> =>
  (await ipNetnsList().catch(() => "")).split("\n").map((line) => line.trim().split(/\s+/)[0] ?? "").filter(Boolean);

/** Remove (or list, with dryRun) every object of one session or of all sessions. */
export const clean = async (options: CleanOptions, log: (line: string) => void): Promise<CleanReport> => {
  const session = options.allSessions ? null : (options.session ?? (await currentSessionId()));
  const labels = [`${ownerLabel.key}=${ownerLabel.value}`, ...(session ? [`${sessionLabelKey}=${session}`] : [])];
  const kernelPrefixes = session ? [`${namePrefix}-${session}-`, `${namePrefix}${session}`] : [`${namePrefix}-`, namePrefix];
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
  const containers = await listContainers({ labels });
  for (const container of containers) await attempt(`container ${container.name}`, () => removeOwnedContainer(container.id));
  const networks = await listNetworks({ labels });
  for (const network of networks) await attempt(`network ${network.name}`, () => removeOwnedNetwork(network.id));
  const volumes = await listVolumes(labels);
  for (const volume of volumes) await attempt(`volume ${volume.name}`, () => removeOwnedVolume(volume.name));
  const namespaces = (await namespaceNames()).filter((name) => kernelPrefixes.some((prefix) => name.startsWith(prefix)));
  for (const name of namespaces) await attempt(`namespace ${name}`, () => run("ip", ["netns", "delete", name]));
  const links = parseIpLink(await ipJson("link").catch(() => "[]")).value;
  const interfaces = links.map((link) => link.name).filter((name) => kernelPrefixes.some((prefix) => name.startsWith(prefix)));
  for (const name of interfaces) await attempt(`interface ${name}`, () => run("ip", ["link", "delete", name], { reject: false }));
  return {
    dryRun: Boolean(options.dryRun),
    scope: session ? `session ${session}` : "all sessions",
    containers: containers.map((c) => c.name),
    networks: networks.map((n) => n.name),
    volumes: volumes.map((v) => v.name),
    namespaces,
    interfaces,
    errors,
  };
};
