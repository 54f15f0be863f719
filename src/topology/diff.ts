// diffTopology(before, after): what one step created, removed or changed, as data and as sentences.
// Pure: compares two snapshots by stable keys (names, endpoints, rule text), never by position.
import type { DockerContainer, IpInterface, Route } from "../parse/models.js";
import {
  bridgeInterfaceName,
  endpoint,
  ipv4Cidr,
  ruleCommand,
  splitEndpoint,
  type NamespaceNode,
  type RuleRef,
  type Topology,
  type TopologyLink,
} from "./model.js";

/** What kind of thing changed. */
export type ChangeSubject = "container" | "network" | "namespace" | "interface" | "address" | "route" | "link" | "published-port" | "masquerade" | "rule";

/** One change between two snapshots. */
export interface TopologyChange {
  readonly change: "added" | "removed" | "changed";
  readonly subject: ChangeSubject;
  /** Stable key: container/network name, endpoint `ns:if`, `ns route DST`, rule text... */
  readonly key: string;
  /** One line for people: `veth3a1f (host) on docker0`. */
  readonly detail: string;
  /** Names a picture should highlight (containers, bridges, host interfaces, networks). */
  readonly names: readonly string[];
}

/** All changes, plus the names to highlight in a picture of `after`. */
export interface TopologyDiff {
  readonly changes: readonly TopologyChange[];
  readonly highlight: readonly string[];
  /** Rules whose packet counters moved (not a change of the topology itself). */
  readonly counters: readonly { readonly rule: RuleRef; readonly packets: number; readonly bytes: number }[];
}

export interface DiffOptions {
  /** Also report rules whose counters moved. @default true */
  readonly counters?: boolean;
}

// Keyed comparison of two lists.
const compare = <T>(before: readonly T[], after: readonly T[], key: (item: T) => string): { added: T[]; removed: T[]; both: [T, T][] } => {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  return {
    added: [...now].filter(([k]) => !old.has(k)).map(([, item]) => item),
    removed: [...old].filter(([k]) => !now.has(k)).map(([, item]) => item),
    both: [...now].filter(([k]) => old.has(k)).map(([k, item]) => [old.get(k) as T, item]),
  };
};

// Containers' addresses as `network ip`.
const containerAddresses = (c: DockerContainer): string =>
  Object.entries(c.networkSettings.networks)
    .map(([network, ep]) => `${ep.ipAddress || "no address"} on ${network}`)
    .join(", ");

const routeKey = (route: Route): string => `${route.table} ${route.type} ${route.dst}${route.dev ? ` dev ${route.dev}` : ""}`;
const routeText = (route: Route): string => `${route.dst}${route.gateway ? ` via ${route.gateway}` : ""}${route.dev ? ` dev ${route.dev}` : ""}`;
const linkKey = (link: TopologyLink): string => `${link.kind} ${link.a} ${link.b}`;

// Human name of an endpoint: `vethab12 (host)`, `eth0 (web)`.
const endpointText = (value: string): string => {
  const { namespace, ifname } = splitEndpoint(value);
  return `${ifname} (${namespace === "host" ? "host" : namespace.replace(/^(container|netns):/, "")})`;
};

// Names to highlight for an endpoint: the interface name, and the container when it is in one.
const endpointNames = (topology: Topology, value: string): string[] => {
  const { namespace, ifname } = splitEndpoint(value);
  const ns = topology.namespaces.find((candidate) => candidate.id === namespace);
  return [ifname, ...(ns && ns.kind !== "host" ? [ns.name, ...ns.containers] : peerOwners(topology, value))];
};

// Containers / namespace at the far end of a host interface's veth or macvlan link (who a host veth serves).
const peerOwners = (topology: Topology, value: string): string[] =>
  topology.links
    .filter((link) => link.kind !== "bridge-port" && (link.a === value || link.b === value))
    .flatMap((link) => {
      const far = splitEndpoint(link.a === value ? link.b : link.a);
      const ns = topology.namespaces.find((candidate) => candidate.id === far.namespace);
      return ns && ns.kind !== "host" ? [ns.name, ...ns.containers] : [];
    });

// Interface changes inside one namespace present in both snapshots.
const interfaceChanges = (before: NamespaceNode, after: NamespaceNode, changes: TopologyChange[], was: Topology, now: Topology): void => {
  const owner = after.kind === "host" ? [] : [after.name, ...after.containers];
  const ifaces = compare(before.interfaces, after.interfaces, (iface) => iface.name);
  const describe = (iface: IpInterface): string =>
    [`${iface.name}${iface.kind ? ` (${iface.kind})` : ""} in ${after.name}`, iface.master ? `on ${iface.master}` : "", ipv4Cidr(iface)]
      .filter(Boolean)
      .join(" ");
  for (const iface of ifaces.added)
    changes.push({
      change: "added",
      subject: "interface",
      key: endpoint(after.id, iface.name),
      detail: describe(iface),
      names: [iface.name, ...(iface.master ? [iface.master] : []), ...owner, ...(after.kind === "host" ? peerOwners(now, endpoint(after.id, iface.name)) : [])],
    });
  for (const iface of ifaces.removed)
    changes.push({
      change: "removed",
      subject: "interface",
      key: endpoint(before.id, iface.name),
      detail: describe(iface),
      names: [iface.name, ...owner, ...(before.kind === "host" ? peerOwners(was, endpoint(before.id, iface.name)) : [])],
    });
  for (const [old, now] of ifaces.both) {
    const key = endpoint(after.id, now.name);
    const parts: string[] = [];
    if (old.master !== now.master) parts.push(`master ${old.master ?? "none"} -> ${now.master ?? "none"}`);
    if (old.operstate !== now.operstate) parts.push(`state ${old.operstate} -> ${now.operstate}`);
    if (old.mtu !== now.mtu) parts.push(`mtu ${old.mtu} -> ${now.mtu}`);
    if (old.mac !== now.mac) parts.push(`MAC ${old.mac} -> ${now.mac}`);
    if (parts.length)
      changes.push({ change: "changed", subject: "interface", key, detail: `${now.name} in ${after.name}: ${parts.join(", ")}`, names: [now.name, ...owner] });
    const addresses = compare(old.addresses, now.addresses, (a) => `${a.address}/${a.prefix}`);
    for (const a of addresses.added)
      changes.push({
        change: "added",
        subject: "address",
        key: `${key} ${a.address}/${a.prefix}`,
        detail: `${a.address}/${a.prefix} on ${now.name} in ${after.name}`,
        names: [now.name, ...owner],
      });
    for (const a of addresses.removed)
      changes.push({
        change: "removed",
        subject: "address",
        key: `${key} ${a.address}/${a.prefix}`,
        detail: `${a.address}/${a.prefix} on ${now.name} in ${after.name}`,
        names: [now.name, ...owner],
      });
  }
  const routes = compare(before.routes, after.routes, routeKey);
  for (const route of routes.added)
    changes.push({
      change: "added",
      subject: "route",
      key: `${after.id} ${routeKey(route)}`,
      detail: `route ${routeText(route)} in ${after.name}`,
      names: owner,
    });
  for (const route of routes.removed)
    changes.push({
      change: "removed",
      subject: "route",
      key: `${after.id} ${routeKey(route)}`,
      detail: `route ${routeText(route)} in ${after.name}`,
      names: owner,
    });
};

/**
 * Stable keys for rules: table + rule text + occurrence, not the position (rules others add while
 * a step runs shift positions; identical rules are told apart by their order).
 */
export const ruleKeys = (rules: readonly RuleRef[]): { key: string; rule: RuleRef }[] => {
  const seen = new Map<string, number>();
  return rules.map((rule) => {
    const base = `${rule.table} ${rule.text}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: `${base} #${n}`, rule };
  });
};

/** Containers and `ip netns` namespaces of a topology outside a scope (for scopeDiff's `exclude`). */
export const otherNames = (topology: Topology, scope: { readonly containers?: readonly string[]; readonly namespaces?: readonly string[] }): string[] => {
  const keep = new Set([...(scope.containers ?? []), ...(scope.namespaces ?? [])]);
  return [...topology.containers.map((c) => c.name), ...topology.namespaces.filter((ns) => ns.kind === "netns").map((ns) => ns.name)].filter(
    (name) => !keep.has(name),
  );
};

// What a change says about one item: its line for people, and the names a picture highlights.
interface Described {
  readonly detail: string;
  readonly names: readonly string[];
}

/** One kind of thing a diff compares: where its items are, their stable key, and how a change reads. */
interface Subject<T> {
  readonly subject: ChangeSubject;
  /** Compared only when both snapshots read iptables. */
  readonly nat?: boolean;
  readonly items: (topology: Topology) => readonly T[];
  readonly key: (item: T) => string;
  readonly added: (item: T, topology: Topology) => Described;
  readonly removed: (item: T, topology: Topology) => Described;
  /** Changes of an item present in both (none by default). */
  readonly changed?: (old: T, now: T, before: Topology, after: Topology) => TopologyChange[];
}

type PublishedPort = NonNullable<Topology["nat"]>["published"][number];
type Masquerade = NonNullable<Topology["nat"]>["masquerade"][number];

const portKey = (p: PublishedPort): string => `${p.protocol} ${p.hostIp}:${p.hostPort} -> ${p.containerIp}:${p.containerPort}`;
const ruleTextKey = (r: RuleRef): string => `${r.table} ${r.text}`;
const linkText = (link: TopologyLink): string =>
  link.kind === "bridge-port"
    ? `${endpointText(link.b)} on bridge ${splitEndpoint(link.a).ifname}`
    : `${link.kind} ${endpointText(link.a)} <-> ${endpointText(link.b)}`;

const containerChange = (old: DockerContainer, now: DockerContainer): TopologyChange[] => {
  const detail =
    old.state.status !== now.state.status
      ? `container ${now.name}: ${old.state.status} -> ${now.state.status}`
      : containerAddresses(old) !== containerAddresses(now)
        ? `container ${now.name}: ${containerAddresses(old) || "no network"} -> ${containerAddresses(now) || "no network"}`
        : null;
  return detail ? [{ change: "changed", subject: "container", key: now.name, detail, names: [now.name] }] : [];
};

// The subjects in the order a diff lists them (interfaces, addresses and routes come with their namespace).
const subjects = [
  {
    subject: "container",
    items: (t) => t.containers,
    key: (c) => c.name,
    added: (c) => ({
      detail: `container ${c.name} (${c.state.status}, network ${c.hostConfig.networkMode}${containerAddresses(c) ? `: ${containerAddresses(c)}` : ""})`,
      names: [c.name],
    }),
    removed: (c) => ({ detail: `container ${c.name}`, names: [c.name] }),
    changed: containerChange,
  } satisfies Subject<DockerContainer>,
  {
    subject: "network",
    items: (t) => t.networks,
    key: (n) => n.name,
    added: (n) => {
      const bridge = bridgeInterfaceName(n);
      return {
        detail: `network ${n.name} (${n.driver}${n.ipam.config[0]?.subnet ? ` ${n.ipam.config[0].subnet}` : ""}${bridge ? `, bridge ${bridge}` : ""})`,
        names: [n.name, ...(bridge ? [bridge] : [])],
      };
    },
    removed: (n) => ({ detail: `network ${n.name} (${n.driver})`, names: [n.name] }),
  } satisfies Subject<Topology["networks"][number]>,
  {
    subject: "namespace",
    items: (t) => t.namespaces,
    key: (ns) => ns.id,
    added: (ns) => ({ detail: `namespace ${ns.id} (${ns.interfaces.map((i) => i.name).join(", ")})`, names: [ns.name, ...ns.containers] }),
    removed: (ns) => ({ detail: `namespace ${ns.id}`, names: [ns.name, ...ns.containers] }),
    changed: (old, now, before, after) => {
      const changes: TopologyChange[] = [];
      interfaceChanges(old, now, changes, before, after);
      return changes;
    },
  } satisfies Subject<NamespaceNode>,
  {
    subject: "link",
    items: (t) => t.links,
    key: linkKey,
    added: (link, t) => ({ detail: linkText(link), names: [...endpointNames(t, link.a), ...endpointNames(t, link.b)] }),
    removed: (link, t) => ({ detail: linkText(link), names: [...endpointNames(t, link.a), ...endpointNames(t, link.b)] }),
  } satisfies Subject<TopologyLink>,
  {
    subject: "published-port",
    nat: true,
    items: (t) => t.nat?.published ?? [],
    key: portKey,
    added: (p) => ({
      detail: `published port ${p.hostIp}:${p.hostPort}/${p.protocol} -> ${p.container} ${p.containerIp}:${p.containerPort}${p.dnat ? " (DNAT rule in nat DOCKER)" : ""}${p.proxyPid ? `, docker-proxy pid ${p.proxyPid}` : ""}`,
      names: [p.container],
    }),
    removed: (p) => ({ detail: `published port ${p.hostIp}:${p.hostPort}/${p.protocol} -> ${p.container}`, names: [p.container] }),
  } satisfies Subject<PublishedPort>,
  {
    subject: "masquerade",
    nat: true,
    items: (t) => t.nat?.masquerade ?? [],
    key: (m) => m.rule.text,
    added: (m) => ({
      detail: `MASQUERADE for ${m.subnet}${m.exceptOut ? ` leaving other than ${m.exceptOut}` : ""}`,
      names: [...(m.network ? [m.network] : []), ...(m.exceptOut ? [m.exceptOut] : [])],
    }),
    removed: (m) => ({ detail: `MASQUERADE for ${m.subnet}`, names: [] }),
  } satisfies Subject<Masquerade>,
  {
    subject: "rule",
    nat: true,
    items: (t) => t.nat?.rules ?? [],
    key: ruleTextKey,
    added: (r) => ({ detail: ruleCommand(r), names: [] }),
    removed: (r) => ({ detail: ruleCommand(r), names: [] }),
  } satisfies Subject<RuleRef>,
] as const;

// The changes of one subject between two snapshots.
const subjectChanges = <T>(subject: Subject<T>, before: Topology, after: Topology): TopologyChange[] => {
  if (subject.nat && !(before.nat && after.nat)) return [];
  const { added, removed, both } = compare(subject.items(before), subject.items(after), subject.key);
  return [
    ...added.map((item): TopologyChange => ({ change: "added", subject: subject.subject, key: subject.key(item), ...subject.added(item, after) })),
    ...removed.map((item): TopologyChange => ({ change: "removed", subject: subject.subject, key: subject.key(item), ...subject.removed(item, before) })),
    ...both.flatMap(([old, now]) => subject.changed?.(old, now, before, after) ?? []),
  ];
};

// Rules whose packet counters grew (matched by stable key, not position).
const movedCounters = (before: Topology, after: Topology): TopologyDiff["counters"] =>
  before.nat && after.nat
    ? compare(ruleKeys(before.nat.rules), ruleKeys(after.nat.rules), (r) => r.key)
        .both.filter(([old, now]) => now.rule.packets > old.rule.packets)
        .map(([old, now]) => ({ rule: now.rule, packets: now.rule.packets - old.rule.packets, bytes: now.rule.bytes - old.rule.bytes }))
    : [];

const order: readonly ChangeSubject[] = ["container", "network", "namespace", "link", "interface", "address", "route", "published-port", "masquerade", "rule"];

/** Compare two snapshots: containers, networks, namespaces, interfaces, addresses, routes, links, NAT. */
export const diffTopology = (before: Topology, after: Topology, options: DiffOptions = {}): TopologyDiff => {
  const { counters = true } = options;
  const changes = subjects.flatMap((subject) => subjectChanges(subject as Subject<unknown>, before, after));
  changes.sort((x, y) => order.indexOf(x.subject) - order.indexOf(y.subject) || x.change.localeCompare(y.change) || x.key.localeCompare(y.key));
  const highlight = [...new Set(changes.filter((c) => c.change !== "removed").flatMap((c) => c.names))].sort();
  return { changes, highlight, counters: counters ? movedCounters(before, after) : [] };
};

const verbs = { added: "+", removed: "-", changed: "~" } as const;

/** The diff as text: a one-line summary, then one line per change (`+ link vethab12 (host) on bridge docker0`). */
export const describeDiff = (diff: TopologyDiff): string => {
  if (diff.changes.length === 0 && diff.counters.length === 0) return "No change.";
  const count = (change: TopologyChange["change"]): number => diff.changes.filter((c) => c.change === change).length;
  const summary = [`${count("added")} added`, `${count("removed")} removed`, `${count("changed")} changed`].join(", ");
  const lines = diff.changes.map((c) => `${verbs[c.change]} ${c.subject}: ${c.detail}`);
  const moved = diff.counters.map((c) => `  counter +${c.packets} pkt: ${ruleCommand(c.rule)}`);
  return [summary, ...lines, ...(moved.length ? ["rule counters that moved:", ...moved] : [])].join("\n");
};

/** One sentence for notebooks: `added container web (172.17.0.3 on bridge), veth3a1f (host) on bridge docker0, published port 0.0.0.0:8080/tcp -> web 172.17.0.3:80`. */
export const summarizeDiff = (diff: TopologyDiff): string => {
  const interesting: ChangeSubject[] = ["container", "network", "namespace", "published-port", "masquerade"];
  const picked = diff.changes.filter((c) => interesting.includes(c.subject) || (c.subject === "link" && c.key.startsWith("bridge-port")));
  if (picked.length === 0) return diff.changes.length ? `${diff.changes.length} low-level change(s) (interfaces, routes or rules).` : "No change.";
  const groups = (["added", "removed", "changed"] as const)
    .map((change) => ({ change, items: picked.filter((c) => c.change === change).map((c) => c.detail) }))
    .filter((g) => g.items.length);
  return `${groups.map((g) => `${g.change} ${g.items.join("; ")}`).join(". ")}.`;
};

/**
 * Names and addresses that belong to some containers and `ip netns` namespaces in a topology: the containers,
 * their namespaces, every interface on a link to them (host veths, macvlan parents), their bridges, their addresses.
 */
export const relatedNames = (topology: Topology, scope: { readonly containers?: readonly string[]; readonly namespaces?: readonly string[] }): string[] => {
  const containers = new Set(scope.containers ?? []);
  const netns = new Set(scope.namespaces ?? []);
  const spaces = topology.namespaces.filter(
    (ns) => (ns.kind === "container" && ns.containers.some((c) => containers.has(c))) || (ns.kind === "netns" && netns.has(ns.name)),
  );
  const ids = new Set(spaces.map((ns) => ns.id));
  const words = new Set<string>([...containers, ...netns]);
  for (const ns of spaces)
    for (const iface of ns.interfaces) for (const a of iface.addresses) if (a.family === "inet" && a.scope !== "host") words.add(a.address);
  const host = topology.namespaces.find((ns) => ns.kind === "host");
  for (const link of topology.links) {
    const a = splitEndpoint(link.a);
    const b = splitEndpoint(link.b);
    if (!ids.has(a.namespace) && !ids.has(b.namespace)) continue;
    for (const end of [a, b]) {
      if (end.namespace !== "host") continue;
      words.add(end.ifname);
      const master = host?.interfaces.find((i) => i.name === end.ifname)?.master;
      if (master) words.add(master);
    }
  }
  for (const c of topology.containers.filter((c) => containers.has(c.name))) {
    for (const [network, ep] of Object.entries(c.networkSettings.networks)) {
      words.add(network);
      if (ep.ipAddress) words.add(ep.ipAddress);
      const n = topology.networks.find((candidate) => candidate.name === network);
      const bridge = n ? bridgeInterfaceName(n) : null;
      if (bridge) words.add(bridge);
    }
  }
  return [...words].filter(Boolean).sort();
};

// `word` as a whole token in text (so 172.17.0.3 does not match 172.17.0.30, web1 not web10).
const mentions = (text: string, word: string): boolean => {
  let at = text.indexOf(word);
  while (at >= 0) {
    const before = text[at - 1] ?? " ";
    const after = text[at + word.length] ?? " ";
    if (!/[\w.-]/.test(before) && !/[\w-]/.test(after) && !(after === "." && /\d/.test(text[at + word.length + 1] ?? ""))) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
};

/**
 * Keep only the changes (and moved counters) that name, or for rules mention, one of `words` (see relatedNames),
 * and name nothing in `exclude` (other containers and namespaces: a veth on a shared bridge serves someone else).
 */
export const scopeDiff = (diff: TopologyDiff, words: readonly string[], exclude: readonly string[] = []): TopologyDiff => {
  const wanted = new Set(words);
  const foreign = new Set(exclude.filter((name) => !wanted.has(name)));
  // Changes that carry names are judged by them; the others (iptables rules) by what their text mentions.
  const keep = (c: TopologyChange): boolean =>
    c.names.length ? c.names.some((n) => wanted.has(n)) && !c.names.some((n) => foreign.has(n)) : words.some((w) => mentions(`${c.key} ${c.detail}`, w));
  const changes = diff.changes.filter(keep);
  return {
    changes,
    highlight: [...new Set(changes.filter((c) => c.change !== "removed").flatMap((c) => c.names))].sort(),
    counters: diff.counters.filter((m) => words.some((w) => mentions(m.rule.text, w))),
  };
};
