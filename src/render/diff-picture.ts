// A diff's picture: the `after` topology with what was removed put back (so it can be drawn red and dashed), and the
// mark of every name a change mentions (added green, removed red, changed amber). Pure.
import type { TopologyDiff } from "../topology/diff.js";
import type { Topology } from "../topology/model.js";
import type { Mark } from "./layout.js";

const whole = new Set(["container", "network", "namespace"]);

// Interface names inside a container or named namespace that a change's key mentions (`container:web:eth0`): every
// container has an eth0, so such a name marks nothing by itself.
const innerNames = (key: string): string[] =>
  key
    .split(" ")
    .filter((token) => token.startsWith("container:") || token.startsWith("netns:"))
    .map((token) => token.slice(token.lastIndexOf(":") + 1))
    .filter(Boolean);

/**
 * Name -> mark for a diff. A container, namespace or network is added, removed or changed as the change says; a part
 * of one (an address, an interface, a link, a route, a rule) changes its owners, which are then amber unless they were
 * added or removed themselves. Removed wins over added, added over changed.
 */
export const diffMarks = (diff: TopologyDiff): Map<string, Mark> => {
  const rank: Record<Mark, number> = { removed: 3, added: 2, changed: 1, highlight: 0 };
  const marks = new Map<string, Mark>();
  for (const change of diff.changes) {
    const mark: Mark = whole.has(change.subject) ? change.change : "changed";
    const skip = new Set(innerNames(change.key));
    for (const name of change.names) {
      if (skip.has(name)) continue;
      const now = marks.get(name);
      if (!now || rank[mark] > rank[now]) marks.set(name, mark);
    }
  }
  return marks;
};

/** `after` plus the namespaces, containers, networks, host interfaces and links that only `before` had. */
export const withRemoved = (before: Topology, after: Topology): Topology => {
  const ids = new Set(after.namespaces.map((ns) => ns.id));
  const gone = before.namespaces.filter((ns) => !ids.has(ns.id) && ns.kind !== "host");
  const beforeHost = before.namespaces.find((ns) => ns.kind === "host");
  const namespaces = after.namespaces.map((ns) => {
    if (ns.kind !== "host" || !beforeHost) return ns;
    const names = new Set(ns.interfaces.map((i) => i.name));
    return { ...ns, interfaces: [...ns.interfaces, ...beforeHost.interfaces.filter((i) => !names.has(i.name))] };
  });
  const hostContainers = new Set(namespaces.find((ns) => ns.kind === "host")?.containers ?? []);
  const goneHostMode = (beforeHost?.containers ?? []).filter((c) => !hostContainers.has(c) && !after.containers.some((x) => x.name === c));
  const withHostMode = namespaces.map((ns) => (ns.kind === "host" ? { ...ns, containers: [...ns.containers, ...goneHostMode] } : ns));
  const containerNames = new Set(after.containers.map((c) => c.name));
  const networkNames = new Set(after.networks.map((n) => n.name));
  const links = new Set(after.links.map((l) => `${l.kind} ${l.a} ${l.b}`));
  return {
    ...after,
    namespaces: [...withHostMode, ...gone],
    containers: [...after.containers, ...before.containers.filter((c) => !containerNames.has(c.name))],
    networks: [...after.networks, ...before.networks.filter((n) => !networkNames.has(n.name))],
    links: [...after.links, ...before.links.filter((l) => !links.has(`${l.kind} ${l.a} ${l.b}`))],
  };
};
