// What a lab's judges read: the facts of one check run, gathered once (src/labs/check-lab.ts) and plain data, so they
// can be recorded as JSON (`labs run NN --record-facts DIR`) and every judge unit-tested on them without an engine.
import type { JudgedCheck } from "../checks/check.js";
import { objectName } from "../ownership.js";
import type { DockerContainer, DockerNetwork } from "../parse/models.js";
import type { NamespaceNode, Topology } from "../topology/model.js";
import type { SnapshotOptions } from "../topology/snapshot.js";

/** One recorded prediction or observation, with when it was recorded. */
export interface Recorded {
  readonly value: unknown;
  /** ISO time. */
  readonly at: string;
}

/** The facts of one check run of one lab in one session. */
export interface LabFacts<Probes = unknown> {
  readonly lab: string;
  readonly session: string;
  /** The toolbox image reference. */
  readonly image: string;
  /** The ports and subnets the lab chose for this session (src/labs/free.ts). */
  readonly params: Readonly<Record<string, string | number>>;
  /** The learner's recorded answers (`lab.answer`, `lab.diagnose`). */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly predictions: Readonly<Record<string, Recorded>>;
  readonly observations: Readonly<Record<string, Recorded>>;
  /** The snapshot the lab's judges read (scoped as the lab declares), or null when it reads none. */
  readonly topology: Topology | null;
  /** The lab's own live measurements (a ping or an HTTP answer from a namespace), as plain data. */
  readonly probes: Probes;
}

/** A check of a lab judged on its facts. */
export type LabJudge<Probes = unknown> = JudgedCheck<LabFacts<Probes>> & {
  /**
   * The probes (the lab's `gather`) this judge reads. When every check of a run says, only those are measured (a ping
   * that must fail waits out its timeout); reading another one then fails the check, so a missing name cannot pass
   * unnoticed. Absent: every probe is measured.
   */
  readonly probes?: readonly string[];
};

/** Which probes a check run measures (`gather`'s third argument): the judges' `probes`, all when one does not say. */
export type WantedProbes = (probe: string) => boolean;

/** The snapshot most labs' judges read: this session's containers and namespaces, every network, NAT when asked. */
export const sessionScope = (context: { readonly session: { readonly session: string } }, nat = false): SnapshotOptions => ({
  session: context.session.session,
  nat,
});

// Small pure readers the judges share.

/** This session's name for a lab object: `dnl-<session>-<lab>-<short>`. */
export const nameIn = (facts: Pick<LabFacts, "session" | "lab">, short: string): string => objectName(facts.session, facts.lab, short);

/** The part of the facts the readers below need (a lab's `gather` has it before the facts are complete). */
export type FactsView = Pick<LabFacts<unknown>, "lab" | "session" | "topology">;

/** The topology of the facts; a judge of a lab that declared none gets an error saying so. */
export const topologyOf = (facts: FactsView): Topology => {
  if (facts.topology === null) throw new Error(`lab ${facts.lab} gathered no topology for its judges`);
  return facts.topology;
};

/** A container by its full name, or null. */
export const containerNamed = (facts: FactsView, name: string): DockerContainer | null =>
  topologyOf(facts).containers.find((container) => container.name === name) ?? null;

/** A Docker network by name, or null. */
export const networkNamed = (facts: FactsView, name: string): DockerNetwork | null =>
  topologyOf(facts).networks.find((network) => network.name === name) ?? null;

/** The host's namespace node. */
export const hostOf = (facts: FactsView): NamespaceNode => {
  const host = topologyOf(facts).namespaces.find((ns) => ns.kind === "host");
  if (!host) throw new Error("the snapshot has no host namespace");
  return host;
};

/** The namespace a container lives in (its own, or the host's in host mode), or null when it was not read. */
export const namespaceOfContainer = (facts: FactsView, name: string): NamespaceNode | null =>
  topologyOf(facts).namespaces.find((ns) => ns.containers.includes(name)) ?? null;
