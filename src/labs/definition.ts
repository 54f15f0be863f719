// What a lab is: metadata, idempotent setup, checks (visible and hidden) and teardown.
import type { CheckDefinition } from "../checks/check.js";
import type { SnapshotOptions } from "../topology/snapshot.js";
import type { Topology } from "../topology/model.js";
import type { LabJudge, WantedProbes } from "./facts.js";
import type { LabSession } from "./session.js";

/** Everything a lab's setup, checks and teardown get. */
export interface LabContext {
  readonly session: LabSession;
  /** The toolbox image reference. */
  readonly image: string;
  /** Print a progress line (notebook or CLI). */
  readonly log: (line: string) => void;
}

/** A question the learner answers before a command runs; shown beside what the host did, never graded for being right. */
export interface PredictionDefinition {
  /** Key of `lab.predict(id, …)` and `lab.observe(id, …)`, e.g. `web2-address`. */
  readonly id: string;
  /** The question, one line of markdown. */
  readonly question: string;
  /** The answers to choose from; a free answer (number, address…) when absent. */
  readonly choices?: readonly string[];
  /** Why the host did what it did: shown beside the observation. */
  readonly explain: string;
}

/** A troubleshooting exercise: setup breaks something in the learner's session; the learner names the cause and fixes it. */
export interface TroubleshootDefinition {
  /** What the learner is told, one line of markdown: the symptom, never the cause. */
  readonly symptom: string;
  /** What setup broke and how it is fixed, for labs/README.md and instructors (not shown in the notebook). */
  readonly scenario: string;
  /** Causes the learner chooses from with `lab.diagnose(cause)`, each with one line saying what it would mean. */
  readonly causes: Readonly<Record<string, string>>;
  /** The cause setup really broke (one of `causes`). */
  readonly cause: string;
  /** Break it, in this session only (what `lab.scenario()` runs); running it again breaks it again. */
  readonly breakIt: (context: LabContext) => Promise<void>;
}

/** What a lab's checks need before they can judge anything (src/labs/preconditions.ts): null when it holds. */
export interface Precondition {
  readonly id: string;
  /** `context`: the session being checked (a lab's private engine is the session's). */
  readonly test: (context: LabContext) => Promise<{ readonly message: string; readonly hint: string } | null>;
}

/** A check of a lab: judged on the facts gathered once (the shape to use), or one that looks at the host itself. */
export type LabCheck<Probes = unknown> = LabJudge<Probes> | CheckDefinition<LabContext>;

/** A lab as the registry knows it. `Probes`: what its `gather` measures for its judges. */
export interface LabDefinition<Probes = unknown> {
  /** Two digits: `01`. */
  readonly id: string;
  /** Folder name under labs/: `01-docker0`. */
  readonly slug: string;
  readonly title: string;
  /** What the learner does, in one line of markdown (labs/README.md's table). */
  readonly summary: string;
  /** Curriculum concept numbers (../shared/docs/curriculum.md) this lab teaches and checks. */
  readonly concepts: readonly number[];
  /** Idempotent: running it twice creates nothing twice. */
  readonly setup: (context: LabContext) => Promise<void>;
  readonly checks: readonly LabCheck<Probes>[];
  /** Evaluated once before the checks; when one fails, every check reports it instead of running. */
  readonly preconditions?: readonly Precondition[];
  /**
   * It starts a private Docker engine of its own (labs 07, 08; challenge c8 through an `engine` step). In the grading
   * sandbox that engine runs nested in the kernel's root, and the grader's checks mirror its socket, pid file and
   * namespaces (src/grade/sandbox-netns.ts `mirrorEngineRun`).
   */
  readonly ownEngine?: boolean;
  /**
   * The snapshot the judges read (src/labs/facts.ts): options for `snapshot()`, usually `sessionScope(context)` (this
   * session's containers and namespaces, without NAT unless asked). None when absent or false.
   */
  topology?(context: LabContext): SnapshotOptions | false;
  /**
   * The lab's live measurements for its judges (pings, HTTP answers from a namespace), plain data, once per check run.
   * `wanted`: the probes the judges of this run read (LabJudge.probes); one not wanted may be left at a default.
   */
  gather?(context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Probes>;
  /** What the learner can do after the lab, one line of markdown each (labs/README.md). */
  readonly goals?: readonly string[];
  /** The lab's predictions (`// %% predict` cells, `lab.predict`, `lab.observe`). */
  readonly predictions?: readonly PredictionDefinition[];
  /** The lab's troubleshooting exercise (`lab.diagnose`). */
  readonly troubleshoot?: TroubleshootDefinition;
  /** Removes exactly what the lab made in this session (labels first, then extra kernel objects); safe after a failed setup. */
  readonly teardown?: (context: LabContext) => Promise<void>;
}
