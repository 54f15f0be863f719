// What a lab is: metadata, idempotent setup, checks (visible and hidden) and teardown.
import type { CheckDefinition } from "../checks/check.js";
import type { LabSession } from "./session.js";

/** Everything a lab's setup, checks and teardown get. */
export interface LabContext {
  readonly session: LabSession;
  /** The toolbox image reference. */
  readonly image: string;
  /** Print a progress line (notebook or CLI). */
  readonly log: (line: string) => void;
}

/** A lab as the registry knows it. */
export interface LabDefinition {
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
  readonly checks: readonly CheckDefinition<LabContext>[];
  /** Removes exactly what the lab made in this session (labels first, then extra kernel objects); safe after a failed setup. */
  readonly teardown?: (context: LabContext) => Promise<void>;
}
