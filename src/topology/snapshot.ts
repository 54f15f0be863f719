// snapshot(): one read-only pass over the engine and the host's namespaces, into a Topology.
import { engineVersion, listContainers, listNetworks } from "../docker/adapter.js";
import { ipJson, type Where } from "../exec/commands.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import { parseIpRoute } from "../parse/ip-route.js";
import type { DockerContainer } from "../parse/models.js";
import { bridgePortLinks, vethLinks } from "./links.js";
import type { NamespaceNode, Topology } from "./model.js";

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

// Read interfaces and routes of one namespace.
const readNamespace = async (where: Where, warnings: string[]): Promise<Pick<NamespaceNode, "interfaces" | "routes">> => {
  const [addr, route] = await Promise.all([ipJson("addr", [], where), ipJson("route", [], where)]);
  const interfaces = parseIpAddr(addr);
  const routes = parseIpRoute(route);
  for (const problem of [...interfaces.problems, ...routes.problems]) warnings.push(`${problem.parser} line ${problem.line}: ${problem.message}`);
  return { interfaces: interfaces.value, routes: routes.value };
};

// The container whose namespace this one joins (`--network container:X`), or null.
const joinedContainer = (container: DockerContainer): string | null => {
  const mode = container.hostConfig.networkMode;
  return mode.startsWith("container:") ? mode.slice("container:".length) : null;
};

export interface SnapshotOptions {
  /** Maximum namespaces read at once. @default 8 */
  readonly concurrency?: number;
}

/** Take a snapshot of the host: networks, containers, every namespace's links, addresses and routes. Changes nothing. */
export const snapshot = async (options: SnapshotOptions = {}): Promise<Topology> => {
  const { concurrency = 8 } = options;
  const warnings: string[] = [];
  const [version, networks, containers, host] = await Promise.all([
    engineVersion(),
    listNetworks(),
    listContainers({ all: true }),
    readNamespace({ kind: "host" }, warnings),
  ]);
  const running = containers.filter((container) => container.state.running && container.state.pid > 0);
  const byId = new Map(containers.map((container) => [container.id, container]));
  const byName = new Map(containers.map((container) => [container.name, container]));
  const hostContainers = running.filter((container) => container.hostConfig.networkMode === "host").map((c) => c.name);
  // Containers with their own namespace (not host mode, not joining another one).
  const owners = running.filter((container) => container.hostConfig.networkMode !== "host" && joinedContainer(container) === null);
  const nsOf = (container: DockerContainer): DockerContainer => {
    const joined = joinedContainer(container);
    return (joined && (byId.get(joined) ?? byName.get(joined) ?? [...byId.values()].find((c) => c.id.startsWith(joined)))) || container;
  };
  const read = await mapLimit(owners, concurrency, async (container) => {
    try {
      return { container, data: await readNamespace({ kind: "pid", pid: container.state.pid }, warnings) };
    } catch (error) {
      warnings.push(`could not read the namespace of ${container.name}: ${(error as Error).message.split("\n")[0]}`);
      return { container, data: { interfaces: [], routes: [] } };
    }
  });
  const namespaces: NamespaceNode[] = [
    { id: "host", kind: "host", name: "host", containers: hostContainers, ...host },
    ...read.map(({ container, data }) => ({
      id: `container:${container.name}`,
      kind: "container" as const,
      name: container.name,
      containers: running.filter((member) => member.hostConfig.networkMode !== "host" && nsOf(member).id === container.id).map((member) => member.name),
      ...data,
    })),
  ];
  const [hostNs, ...others] = namespaces as [NamespaceNode, ...NamespaceNode[]];
  const links = [...vethLinks(hostNs, others), ...namespaces.flatMap(bridgePortLinks)];
  return { engineVersion: version.version, namespaces, networks, containers, links, warnings };
};
