// Where a packet starts and ends (`host`, `web:80`, `netns:dnl-inet`, `203.0.113.7`), which addresses a namespace
// owns, and the route it takes out of a namespace. Pure: works on a snapshot.
import { UsageError } from "../errors.js";
import type { Route } from "../parse/models.js";
import { inSubnet } from "./ipv4.js";
import type { NamespaceNode, Topology } from "./model.js";

/** A resolved place: a namespace, an address in it, a port. */
export interface Place {
  readonly ns: NamespaceNode;
  readonly address: string;
  readonly port: number | null;
  readonly label: string;
}

/** The first global IPv4 address of a namespace (not on lo), or null. */
export const globalIpv4 = (ns: NamespaceNode): string | null =>
  ns.interfaces.flatMap((i) => (i.name === "lo" ? [] : i.addresses.filter((a) => a.family === "inet" && a.scope !== "host"))).map((a) => a.address)[0] ?? null;

/** Every IPv4 address of a namespace (what `-m addrtype --dst-type LOCAL` and `fib daddr type local` see). */
export const localAddresses = (ns: NamespaceNode): string[] =>
  ns.interfaces.flatMap((i) => i.addresses.filter((a) => a.family === "inet").map((a) => a.address));

/** Is the address the namespace's own (one of its addresses, or loopback)? */
export const owns = (ns: NamespaceNode, address: string): boolean => localAddresses(ns).includes(address) || address.startsWith("127.");

/** Resolve `host`, `host:8080`, `web`, `web:80`, `netns:dnl-inet`, `dnl-inet`, `203.0.113.7`, `127.0.0.1:8080`. */
export const resolvePlace = (topology: Topology, text: string, role: "from" | "to"): Place => {
  const withPort = /^(.*):(\d+)$/.exec(text);
  const name = withPort ? (withPort[1] as string) : text;
  const port = withPort ? Number(withPort[2]) : null;
  const host = topology.namespaces.find((ns) => ns.kind === "host") as NamespaceNode;
  const byName =
    name === "host"
      ? host
      : topology.namespaces.find(
          (ns) => ns.id === name || ns.containers.includes(name) || (ns.kind === "netns" && (ns.name === name || `netns:${ns.name}` === name)),
        );
  if (byName) {
    const address = byName.kind === "host" ? (role === "to" ? "127.0.0.1" : (globalIpv4(byName) ?? "127.0.0.1")) : globalIpv4(byName);
    if (!address)
      throw new UsageError(`${name} has no IPv4 address (none mode?): nothing can reach it and it can reach nothing`, {
        hint: "Attach it to a network first (`docker network connect`).",
      });
    return { ns: byName, address, port, label: text };
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    const owner = topology.namespaces.find((ns) => owns(ns, name) && !name.startsWith("127.")) ?? (name.startsWith("127.") ? host : undefined);
    if (owner) return { ns: owner, address: name, port, label: text };
    if (role === "to") return { ns: host, address: name, port, label: text };
  }
  throw new UsageError(`unable to find ${text}: expected host, a running container, an ip netns name or an address`, {
    hint: "List what exists with `docker-net-lab snapshot --text` (containers must be running).",
  });
};

/** Longest-prefix route for an address in a namespace's main table. */
export const routeLookup = (ns: NamespaceNode, address: string): Route | null => {
  const candidates = ns.routes.filter(
    (r) =>
      (r.family === "inet" || r.family === null) &&
      r.table === "main" &&
      (r.type === "unicast" || r.type === "") &&
      (r.dst === "default" || inSubnet(address, r.dst.includes("/") ? r.dst : `${r.dst}/32`)),
  );
  const prefix = (r: Route): number => (r.dst === "default" ? 0 : (r.dstPrefix ?? 32));
  return [...candidates].sort((a, b) => prefix(b) - prefix(a) || (a.metric ?? 0) - (b.metric ?? 0))[0] ?? null;
};

/** A route as `ip route` prints it (`default via 172.17.0.1 dev eth0`). */
export const routeText = (r: Route): string => `${r.dst}${r.gateway ? ` via ${r.gateway}` : ""}${r.dev ? ` dev ${r.dev}` : ""}${r.src ? ` src ${r.src}` : ""}`;
