// prove(from, to): explain a path, send ONE real packet along it, and show which rule counters moved.
// Refuses unless both ends are the project's own objects (labelled containers, `dnl` namespaces), or
// the host as source; a destination is never outside the host.
import { DnlError, ExitCode } from "../errors.js";
import type { Where } from "../exec/commands.js";
import { sendProbe } from "../exec/probe.js";
import type { RunResult } from "../exec/run.js";
import { ownsLabels, ownsName } from "../ownership.js";
import { diffTopology } from "./diff.js";
import { explain, resolvePlace, type ExplainOptions, type Explanation } from "./explain.js";
import type { NamespaceNode, RuleRef, Topology } from "./model.js";
import { snapshot } from "./snapshot.js";

/** What one real packet did. */
export interface Proof {
  readonly explanation: Explanation;
  readonly probe: { readonly command: string; readonly exitCode: number; readonly output: string };
  /** Rules whose packet counters grew while the probe ran (other traffic may add some). */
  readonly moved: readonly { readonly rule: RuleRef; readonly packets: number; readonly bytes: number }[];
  /** Rules on the explained path whose counters moved / did not move. */
  readonly confirmed: readonly RuleRef[];
  readonly unconfirmed: readonly RuleRef[];
}

/** Is this namespace the project's own (every container in it the project's, or a namespace with a project name)? */
export const isOwnNamespace = (topology: Topology, ns: NamespaceNode): boolean => {
  if (ns.kind === "netns") return ownsName(ns.name);
  if (ns.kind === "host") return false;
  return ns.containers.length > 0 && ns.containers.every((name) => ownsLabels(topology.containers.find((c) => c.name === name)?.labels ?? {}));
};

/**
 * A DNAT rule the project wrote by hand (nat table, `-m comment --comment dnl-…`, e.g. lab 03's) for this host address
 * and port, that leads into one of the project's own namespaces: that namespace, else null. Pure.
 */
export const taggedDnatOwner = (topology: Topology, address: string, port: number | null): NamespaceNode | null => {
  if (port === null) return null;
  const nat = topology.nat?.tables.find((t) => t.name === "nat");
  for (const rule of nat?.chains.flatMap((c) => c.rules) ?? []) {
    if (rule.target !== "DNAT" || rule.comment === null || !ownsName(rule.comment)) continue;
    if (rule.destination !== null && rule.destination !== address && rule.destination !== `${address}/32`) continue;
    const dport = rule.matches.map((m) => m.options.dport ?? m.options["destination-port"]).find((d) => d !== undefined);
    if (dport !== String(port)) continue;
    const to = (rule.targetOptions["to-destination"] ?? "").split(":")[0] ?? "";
    const owner = topology.namespaces.find((ns) => ns.kind !== "host" && ns.interfaces.some((i) => i.addresses.some((a) => a.address === to)));
    if (owner && isOwnNamespace(topology, owner)) return owner;
  }
  return null;
};

// Refuse probes that could touch anything but the project's own objects.
const refuse = (message: string): never => {
  throw new DnlError(`Not sending a packet: ${message}`, {
    hint: "`--prove` only sends to containers and namespaces docker-net-lab created (labels io.docker-net-lab.owner and io.docker-net-lab.session, names like dnl-ab12-… or dnlab12…). Use `explain` without --prove to see the path.",
    exitCode: ExitCode.environment,
  });
};

/** Check that a probe from `from` to `to` stays within the project's own objects; returns where to send from. */
export const probeSource = (topology: Topology, from: string, to: string): Where => {
  const source = resolvePlace(topology, from, "from");
  const target = resolvePlace(topology, to, "to");
  if (source.ns.kind !== "host" && !isOwnNamespace(topology, source.ns)) refuse(`${from} is not one of the project's containers or namespaces`);
  if (target.ns.kind === "host") {
    const local = target.ns.interfaces.some((i) => i.addresses.some((a) => a.address === target.address)) || target.address.startsWith("127.");
    if (!local) refuse(`${target.address} is not an address of this host or of the project's namespaces`);
    const published = topology.nat?.published.find((p) => p.hostPort === target.port);
    const owner = published ? topology.namespaces.find((ns) => ns.containers.includes(published.container)) : undefined;
    const handMade = taggedDnatOwner(topology, target.address, target.port);
    if ((!owner || !isOwnNamespace(topology, owner)) && !handMade) refuse(`${to} is not a port the project published`);
  } else if (!isOwnNamespace(topology, target.ns)) refuse(`${to} is not one of the project's containers or namespaces`);
  return source.ns.kind === "host"
    ? { kind: "host" }
    : source.ns.kind === "netns"
      ? { kind: "netns", name: source.ns.name }
      : { kind: "pid", pid: source.ns.pid ?? 0 };
};

/** Explain the path, send one packet, and report the rule counters that moved. */
export const prove = async (from: string, to: string, options: ExplainOptions = {}): Promise<Proof> => {
  const before = await snapshot();
  const explanation = explain(before, from, to, options);
  const where = probeSource(before, from, to);
  const result: RunResult = await sendProbe(where, { protocol: explanation.packet.protocol, address: explanation.packet.dst, port: explanation.packet.dport });
  const after = await snapshot();
  const moved = diffTopology(before, after).counters;
  const key = (r: RuleRef): string => `${r.table} ${r.text}`;
  const movedKeys = new Set(moved.map((m) => key(m.rule)));
  const onPath = explanation.hops.flatMap((hop) => (hop.rule ? [hop.rule] : []));
  return {
    explanation,
    probe: { command: result.command, exitCode: result.exitCode, output: `${result.stdout}${result.stderr}`.trim() },
    moved,
    confirmed: onPath.filter((r) => movedKeys.has(key(r))),
    unconfirmed: onPath.filter((r) => !movedKeys.has(key(r))),
  };
};
