// snapshot(): one read-only pass over the engine and every network namespace, into a Topology.
//
// Cost (50 containers on a 2-core machine): the engine is asked once for networks and once per
// container (in parallel, over its socket); all namespaces are read by two shell processes running
// `ip -j -d -b -` (addr + route) in each namespace, instead of two processes per namespace. A container's namespace
// is handed to a shell as soon as its inspection arrives, so the shells read while the engine still answers.
import { defaultEngine, type DockerEngine } from "../docker/adapter.js";
import { onHost, type Where } from "../exec/commands.js";
import { ipBatchInNamespaces, ipBatchStream, type NamespaceOutput } from "../exec/netns-batch.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import { parseIpRoute } from "../parse/ip-route.js";
import type { DockerContainer } from "../parse/models.js";
import { netnsNames } from "../exec/netns.js";
import { namespaceInode, namespaceInodeNow, readDockerProxies, readIptables, readNftables } from "./collect.js";
import { allLinks } from "./links.js";
import { parseIptablesSave } from "../parse/iptables-save.js";
import { parseNftJson } from "../parse/nft-json.js";
import { ownNftTables } from "./nat-nft.js";
import type { NamespaceNode, Topology } from "./model.js";
import { natView } from "./nat.js";
import { labelFilters, ownsName } from "../ownership.js";
import { asOverhead } from "../exec/trace.js";

/** Run `work` over `items` with at most `limit` at a time, keeping order. */
export const mapLimit = async <T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

// The container whose namespace this one joins (`--network container:X`), or null.
const joinedContainer = (container: DockerContainer): string | null => {
  const mode = container.hostConfig.networkMode;
  return mode.startsWith("container:") ? mode.slice("container:".length) : null;
};

export interface SnapshotOptions {
  /** Shell processes reading namespaces in parallel. @default 2 */
  readonly concurrency?: number;
  /** Read iptables (NAT, filtering) and docker-proxy processes. @default true */
  readonly nat?: boolean;
  /** The engine whose containers and networks to read. @default the learner's engine (DOCKER_HOST) */
  readonly engine?: DockerEngine;
  /**
   * The namespace the engine runs in, drawn as the "host": a private engine's own namespace (labs 07 and 08), whose
   * docker0, veths and iptables live there. Then the host's other `ip netns` namespaces are left out. @default the host
   */
  readonly home?: Where;
  /** The name the home namespace gets in the picture. @default "host" */
  readonly homeName?: string;
  /**
   * Read only this session's containers and `ip netns` namespaces (src/ownership.ts), beside the home namespace and
   * every network: what a lab's checks read, at a fraction of a whole host's cost. @default every one
   */
  readonly session?: string;
}

// Interfaces and routes from one namespace's batch output.
const decode = (outputs: readonly string[], label: string, warnings: string[]): Pick<NamespaceNode, "interfaces" | "routes"> => {
  const interfaces = parseIpAddr(outputs[0] ?? "[]");
  const routes = parseIpRoute(outputs[1] ?? "[]");
  for (const problem of [...interfaces.problems, ...routes.problems]) warnings.push(`${label}: ${problem.parser} line ${problem.line}: ${problem.message}`);
  return { interfaces: interfaces.value, routes: routes.value };
};

/** Take a snapshot of the host: networks, containers, every namespace's links, addresses, routes, NAT. Changes nothing. */
export const snapshot = (options: SnapshotOptions = {}): Promise<Topology> => asOverhead(() => snapshotNow(options));

const snapshotNow = async (options: SnapshotOptions): Promise<Topology> => {
  const { concurrency = 2, nat = true, engine = defaultEngine(), home = onHost, homeName = "host", session } = options;
  const warnings: string[] = [];
  const commands = ["addr show", "route show"];
  const [allNamed, hostInode] = await Promise.all([home.kind === "host" ? netnsNames() : Promise.resolve([]), namespaceInode(home)]);
  const named = session === undefined ? allNamed : allNamed.filter((name) => ownsName(name, session));
  const netnsInodes = await Promise.all(named.map(async (name) => ({ name, inode: await namespaceInode({ kind: "netns", name }) })));
  const candidates = netnsInodes.filter(({ inode }) => inode === null || inode !== hostInode);
  // The host and `ip netns` namespaces need nothing from the engine: read them while the engine answers.
  const early = ipBatchInNamespaces([home, ...candidates.map(({ name }) => ({ kind: "netns" as const, name }))], commands, 1);
  // Each running container's namespace (by inode, once) goes to the shells as the engine's answer about it arrives.
  const inodes = new Map<string, number | null>();
  const stream = ipBatchStream(commands, concurrency);
  const streamed = new Map<number, Where>();
  const onEach = (container: DockerContainer): void => {
    if (!container.state.running || container.state.pid <= 0) return;
    const inode = namespaceInodeNow({ kind: "pid", pid: container.state.pid });
    inodes.set(container.id, inode);
    if (inode === null || inode === hostInode || container.hostConfig.networkMode === "host" || streamed.has(inode)) return;
    const target: Where = { kind: "pid", pid: container.state.pid };
    streamed.set(inode, target);
    stream.add(target);
  };
  const [version, networks, containers, iptables, nftables, proxies] = await Promise.all([
    engine.version(),
    engine.listNetworks(),
    engine.listContainers({ all: true, onEach, ...(session === undefined ? {} : { labels: labelFilters(session) }) }),
    nat ? readIptables(warnings, home) : Promise.resolve(null),
    nat ? readNftables(warnings, home) : Promise.resolve(null),
    nat ? readDockerProxies(hostInode) : Promise.resolve([]),
  ]).catch(async (error: unknown) => {
    await stream.done(); // no shell left waiting for targets
    throw error;
  });
  const sorted = [...containers].sort((a, b) => a.name.localeCompare(b.name));
  const running = sorted.filter((container) => container.state.running && container.state.pid > 0);
  for (const c of running) if (!inodes.has(c.id)) inodes.set(c.id, namespaceInodeNow({ kind: "pid", pid: c.state.pid }));
  const isHostMode = (c: DockerContainer): boolean => c.hostConfig.networkMode === "host" || (hostInode !== null && inodes.get(c.id) === hostInode);
  const hostContainers = running.filter(isHostMode).map((c) => c.name);
  // Group the other containers by namespace (kernel inode; by network mode when /proc could not tell).
  const groups = new Map<string, DockerContainer[]>();
  const byRef = (ref: string): DockerContainer | undefined => running.find((c) => c.id === ref || c.name === ref || c.id.startsWith(ref));
  for (const container of running.filter((c) => !isHostMode(c))) {
    const inode = inodes.get(container.id);
    const joined = joinedContainer(container);
    const key = inode != null ? `inode:${inode}` : `id:${(joined ? byRef(joined)?.id : undefined) ?? container.id}`;
    groups.set(key, [...(groups.get(key) ?? []), container]);
  }
  // The owner of a shared namespace is the member that does not join another one.
  const owners = [...groups.values()].map((members) => ({
    owner: members.find((m) => joinedContainer(m) === null) ?? (members[0] as DockerContainer),
    members,
  }));
  const containerInodes = new Set([...inodes.values()].filter((inode): inode is number => inode !== null));
  // An owner's namespace read by the stream (through whichever member came first), else in a batch of its own now.
  const readers: Where[] = owners.map(({ owner }) => streamed.get(inodes.get(owner.id) ?? -1) ?? { kind: "pid", pid: owner.state.pid });
  const targets = readers.filter((where) => ![...streamed.values()].includes(where));
  const [[hostOut, ...netnsOut], streamOut, late] = await Promise.all([early, stream.done(), ipBatchInNamespaces(targets, commands, concurrency)]);
  const byWhere = new Map<Where, NamespaceOutput>([...streamOut, ...late].map((out) => [out.where, out]));
  const rest = readers.map((where) => byWhere.get(where));
  // Named namespaces that are in fact a container's (e.g. `ip netns attach`) are shown as the container.
  const extraNetns = candidates.map((c, i) => ({ ...c, out: netnsOut[i] })).filter(({ inode }) => inode === null || !containerInodes.has(inode));
  if (!hostOut?.ok) throw new Error(`could not read the interfaces of ${homeName}: ${hostOut?.stderr ?? "no output"}`);
  const namespaces: NamespaceNode[] = [
    { id: "host", kind: "host", name: homeName, containers: hostContainers, inode: hostInode, pid: null, ...decode(hostOut.outputs, "host", warnings) },
  ];
  owners.forEach(({ owner, members }, index) => {
    const out = rest[index];
    if (!out?.ok) warnings.push(`could not read the namespace of ${owner.name} (it may have stopped): ${out?.stderr.split("\n")[0] ?? ""}`);
    namespaces.push({
      id: `container:${owner.name}`,
      kind: "container",
      name: owner.name,
      containers: [owner.name, ...members.filter((m) => m !== owner).map((m) => m.name)],
      inode: inodes.get(owner.id) ?? null,
      pid: owner.state.pid,
      ...(out?.ok ? decode(out.outputs, owner.name, warnings) : { interfaces: [], routes: [] }),
    });
  });
  extraNetns.forEach(({ name, inode, out }) => {
    if (!out?.ok) warnings.push(`could not read namespace ${name}: ${out?.stderr.split("\n")[0] ?? ""}`);
    namespaces.push({
      id: `netns:${name}`,
      kind: "netns",
      name,
      containers: [],
      inode,
      pid: null,
      ...(out?.ok ? decode(out.outputs, name, warnings) : { interfaces: [], routes: [] }),
    });
  });
  const links = allLinks(namespaces, warnings);
  const topology: Topology = {
    engineVersion: version.version,
    namespaces,
    networks: [...networks].sort((a, b) => a.name.localeCompare(b.name)),
    containers: sorted,
    links,
    warnings,
  };
  if (iptables === null && nftables === null) return topology;
  const parsed = parseIptablesSave(iptables ?? "");
  for (const problem of parsed.problems) warnings.push(`iptables-save line ${problem.line}: ${problem.message}`);
  const nft = parseNftJson(nftables ?? "");
  // iptables-nft's own tables are read from iptables-save; what nft's JSON cannot say about them does not matter.
  for (const problem of nft.problems)
    if (!/^table ip6? (filter|nat|mangle|raw|security)\b/.test(problem.message)) warnings.push(`nft -j list ruleset: ${problem.message}`);
  return { ...topology, nat: natView(topology, parsed.value, proxies, ownNftTables(nft.value)) };
};
