// What a challenge is: a goal-state exercise. A short brief (goal, constraints, tools), a starting state the library
// builds in the learner's session (often broken), checks in the gather + judge shape (one JSON Facts object read
// from the live host once, then each check's judge(facts) is a pure function, unit-tested on recorded facts), and a
// reference solution kept out of the learner's view (src/ is never served; the notebook holds an empty working area).
import type { Verdict } from "../checks/check.js";
import type { LabContext } from "../labs/definition.js";

/** What a challenge chose for one session: names, addresses, ports, the image. Shown to the learner at start. */
export type Params = Readonly<Record<string, string | number>>;

export type Difficulty = "easy" | "medium" | "hard";

/**
 * Every text a learner reads, in one place per challenge (what a translation replaces). `{name}` in a text is a
 * parameter: filled in with the session's value where a session is known, shown as `name` in the notebook.
 */
export interface ChallengeTexts {
  readonly title: string;
  /** What the finished state looks like, in a few lines of markdown. */
  readonly goal: string;
  /** What the learner may not do, or must keep. */
  readonly constraints: readonly string[];
  /** The tools allowed. */
  readonly tools: readonly string[];
  /** What each parameter is, one line each (the start report and the notebook show them). */
  readonly params: Readonly<Record<string, string>>;
}

/** A check of the live state: a pure judge of the facts gathered once. */
export interface ChallengeCheck<Facts> {
  /** `c1.lan-reaches`. */
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly concepts: readonly number[];
  /** Pure: the same facts and params give the same verdict. Its hint comes in levels, the concept first, the command never first. */
  readonly judge: (facts: Facts, params: Params) => Verdict;
}

/**
 * One step of a reference solution. `sh`: a command template, `{param}` for a parameter (each one argument, glued to
 * the text around it as in `lab.sh`), quotes as in `lab.sh`; `esh`: the same on the challenge's private engine. `nsenter`: a command in a container's network namespace. `engine`: restart the challenge's private engine with
 * these dockerd options (values may hold `{param}`). `settle`: the state needs a moment (DNS, a client's loop).
 */
export type Step =
  | { readonly sh: string }
  /** A command template against the challenge's private engine (`docker` gets its `-H`). */
  | { readonly esh: string }
  /**
   * A command template run from the host inside a running container's network namespace (`nsenter -t PID -n …`, the
   * pid from `docker inspect`): for what the container itself may not do (its interfaces, without NET_ADMIN).
   */
  | { readonly nsenter: string; readonly run: string }
  | { readonly engine: { readonly bip?: string; readonly defaultAddressPool?: { readonly base: string; readonly size: number } } }
  | { readonly settle: number };

/** A challenge as the registry knows it. */
export interface ChallengeDefinition<Facts = unknown> {
  /** `c1`: also the lab label of its objects and the middle of their names (`dnl-ab12-c1-web`). */
  readonly id: string;
  /** `c1-lan-only`: the notebook's name under labs/challenges/. */
  readonly slug: string;
  readonly texts: ChallengeTexts;
  readonly difficulty: Difficulty;
  /** Expected time for a learner who did the labs it builds on, in minutes. */
  readonly minutes: number;
  /** Curriculum concepts (src/labs/curriculum.ts) it exercises. */
  readonly concepts: readonly number[];
  /** The labs it builds on. */
  readonly labs: readonly string[];
  /** Its checks read the default engine's host side (bridges, iptables, published ports): the engine must run here. */
  readonly hostSide: boolean;
  /** Choose (once per session, remembered) and return the parameters. */
  readonly plan: (context: LabContext) => Promise<Params>;
  /** Build the starting state; idempotent. */
  readonly setup: (context: LabContext, params: Params) => Promise<void>;
  /** Read the live state once: a JSON-serialisable object, the only input of the judges. */
  readonly gather: (context: LabContext, params: Params) => Promise<Facts>;
  readonly checks: readonly ChallengeCheck<Facts>[];
  /** Remove what is not a labelled Docker object (namespaces, host links, iptables rules, a private engine); safe after a failed setup. */
  readonly teardown: (context: LabContext, params: Params) => Promise<void>;
  /** The reference solution (never served to the learner). */
  readonly solution: readonly Step[];
  /** Wrong but plausible solutions, each with the check that must catch it (tests): at least one. */
  readonly wrong: readonly [WrongSolution, ...WrongSolution[]];
}

/** A wrong but plausible solution: its steps, the check that must fail on it, and what that check's message or first hint says. */
export interface WrongSolution {
  /** Names its recorded facts: the first is `<id>--wrong`, a further one `<id>--wrong-<name>`. */
  readonly name: string;
  readonly steps: readonly Step[];
  readonly failing: string;
  readonly hintMentions: RegExp;
}

/** The fixture name of a challenge's wrong solution (test/fixtures/challenges/<name>.json). */
export const wrongFixture = (id: string, index: number, wrong: WrongSolution): string => (index === 0 ? `${id}--wrong` : `${id}--wrong-${wrong.name}`);
