// `labs run NN --record-facts DIR`: the facts a lab's judges read, written as JSON before teardown, so the judges can be
// unit-tested on them (test/fixtures/facts, test/labs/judges.test.ts). Trimmed to this session: what other sessions
// on a shared engine made (their networks, their containers in a network's map, their host veths) is left out.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { judgeCheck } from "../checks/check.js";
import { ownsName } from "../ownership.js";
import type { IpInterface } from "../parse/models.js";
import { bridgeInterfaceName, type Topology } from "../topology/model.js";
import { gatherFacts, isJudged } from "./check-lab.js";
import type { LabContext, LabDefinition } from "./definition.js";
import type { LabFacts } from "./facts.js";

/** A recorded fixture: how and when, the verdicts on the host, and the facts. */
export interface RecordedFacts {
  readonly recorded: { readonly command: string; readonly engine: string | null; readonly date: string };
  /** Check id -> passed, as judged on the untrimmed facts when they were recorded. */
  readonly verdicts: Readonly<Record<string, boolean>>;
  readonly facts: LabFacts<unknown>;
}

const defaultNetworks = new Set(["bridge", "host", "none"]);

// A host interface of the session's part: the session's own (by name, or a veth whose peer is the session's), a
// bridge of a kept network, or anything else that is neither a veth, a Docker bridge nor another session's.
const hostInterfaceKept = (iface: IpInterface, session: string, veths: ReadonlySet<string>, bridges: ReadonlySet<string>): boolean => {
  if (ownsName(iface.name)) return ownsName(iface.name, session);
  if (iface.kind === "veth") return veths.has(`host:${iface.name}`);
  if (iface.kind === "bridge" && (iface.name === "docker0" || iface.name.startsWith("br-"))) return bridges.has(iface.name);
  return true;
};

/** This session's part of a topology: its networks and the default ones, its containers, its host interfaces and the rest of the host's that are not veths. Pure. */
export const trimTopology = (topology: Topology, session: string): Topology => {
  const containers = new Set(topology.containers.map((c) => c.name));
  const attached = new Set(topology.containers.flatMap((c) => Object.keys(c.networkSettings.networks)));
  const networks = topology.networks
    .filter((n) => defaultNetworks.has(n.name) || attached.has(n.name) || ownsName(n.name, session))
    .map((n) => ({ ...n, containers: Object.fromEntries(Object.entries(n.containers).filter(([, entry]) => containers.has(entry.name))) }));
  // A host veth is this session's when its peer is in one of the session's namespaces (the only ones read), or when its name says so.
  const onHost = (end: string): boolean => end.startsWith("host:");
  const sessionVeths = new Set(topology.links.filter((l) => l.kind === "veth" && !(onHost(l.a) && onHost(l.b))).flatMap((l) => [l.a, l.b].filter(onHost)));
  const bridges = new Set(networks.map(bridgeInterfaceName).filter((name): name is string => name !== null));
  const namespaces = topology.namespaces.map((ns) =>
    ns.kind !== "host" ? ns : { ...ns, interfaces: ns.interfaces.filter((i) => hostInterfaceKept(i, session, sessionVeths, bridges)) },
  );
  const kept = new Set(namespaces.flatMap((ns) => ns.interfaces.map((i) => `${ns.id}:${i.name}`)));
  return { ...topology, networks, namespaces, links: topology.links.filter((l) => kept.has(l.a) && kept.has(l.b)), warnings: [] };
};

/** Gather a lab's facts as its checks would, judge them, and write `DIR/labNN-<state>.json`. Returns the file. */
export const recordFacts = async (lab: LabDefinition, context: LabContext, dir: string, state: string, command: string): Promise<string> => {
  const facts = await gatherFacts(lab, context);
  const verdicts = Object.fromEntries(lab.checks.filter(isJudged).map((check) => [check.id, judgeCheck(check, facts).passed]));
  const trimmed: LabFacts<unknown> = { ...facts, topology: facts.topology && trimTopology(facts.topology, facts.session) };
  const record: RecordedFacts = {
    recorded: { command, engine: facts.topology?.engineVersion ?? null, date: new Date().toISOString().slice(0, 10) },
    verdicts,
    facts: trimmed,
  };
  await mkdir(dir, { recursive: true });
  const file = join(dir, `lab${lab.id}-${state}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 1)}\n`);
  return file;
};
