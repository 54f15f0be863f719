// Checks: an expected state of the host, compared with what is really there.

/** The outcome of one check; the shape of the `application/vnd.docker-net-lab.check+json` bundle. */
export interface CheckResult {
  /** Stable id, e.g. `01.web-containers`; the coverage table and the gradebook use it. */
  readonly id: string;
  /** One line: what this check confirms. */
  readonly title: string;
  readonly passed: boolean;
  /** Points earned (0 when failed). */
  readonly points: number;
  /** Points this check is worth. */
  readonly maxPoints: number;
  /** What was found, in one or two sentences. */
  readonly message: string;
  /** What to do when it failed (the newest hint level shown); null when passed. */
  readonly hint: string | null;
  /** The hint levels shown, first to newest ([] when passed). */
  readonly hints: readonly string[];
  /** How many levels are shown (0 when passed). */
  readonly hintLevel: number;
  /** How many levels this failure's hint has; the last one may be the exact command. */
  readonly hintLevels: number;
  /** The values the verdict rests on (addresses, names, rule lines...). */
  readonly evidence: Readonly<Record<string, unknown>>;
}

/**
 * A hint in levels: the first names the concept and where to look, the next ones narrow it down, and `command`
 * (the exact command or code) comes last: a learner sees it only after repeated failures or by asking
 * (`lab.hint(id)`); the grader's feedback never shows it. A plain string is one level that gives nothing away.
 */
export interface HintLevels {
  readonly levels: readonly string[];
  readonly command?: string;
}
export type Hint = string | HintLevels;

// A hint in levels: `hints(["the concept, where to look", "closer"], "the exact command")`.
export const hints = (levels: string | readonly string[], command?: string): HintLevels => {
  const list = typeof levels === "string" ? [levels] : [...levels];
  if (list.length === 0) throw new Error("hints(): give at least one level before the command");
  return command === undefined ? { levels: list } : { levels: list, command };
};

/** Every level of a hint, the command (when there is one) last. */
export const hintTexts = (hint: Hint): string[] =>
  typeof hint === "string" ? [hint] : [...hint.levels, ...(hint.command === undefined ? [] : [hint.command])];

/** How many levels come before the command (all of them when there is none): what the grader shows. */
export const levelsBeforeCommand = (hint: Hint): number => (typeof hint === "string" ? 1 : hint.levels.length);

/** How many hint levels a failing check shows: given its id, the levels it has and how many come before the command. */
export type HintLevelChoice = (id: string, available: number, beforeCommand: number) => number;

/** The first level only: what a check shows when nobody keeps count (a fresh session). */
export const firstLevel: HintLevelChoice = () => 1;
/** Every level but the command: the grader's feedback. */
export const allButCommand: HintLevelChoice = (_id, _available, beforeCommand) => beforeCommand;

/** What a check function returns before points are applied. */
export interface Verdict {
  readonly passed: boolean;
  readonly message: string;
  readonly hint?: Hint;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

/** What every check declares, however it reaches its verdict. */
export interface CheckMeta {
  readonly id: string;
  readonly title: string;
  /** Curriculum concepts (../shared/docs/curriculum.md, src/labs/curriculum.ts) this check confirms: the coverage table. */
  readonly concepts: readonly number[];
  readonly points: number;
  /** Hidden checks run only in the grader and in `labs run`, never shown in the learner notebook. */
  readonly hidden?: boolean;
  /** A check of the lab's troubleshooting exercise or of its predictions (src/labs/troubleshoot.ts, predictions.ts). */
  readonly role?: "troubleshoot" | "predictions";
}

/** A check that looks at the host itself (`run`). */
export interface CheckDefinition<Context> extends CheckMeta {
  readonly run: (context: Context) => Promise<Verdict>;
}

/** A check that judges facts gathered once for every check of a run: `judge` is pure (src/labs/facts.ts). */
export interface JudgedCheck<Facts> extends CheckMeta {
  judge(facts: Facts): Verdict;
}

// Pass with a message and evidence.
export const pass = (message: string, evidence: Record<string, unknown> = {}): Verdict => ({ passed: true, message, evidence });

// Fail with a message, the hint that fixes it (a string, or levels from `hints()`), and evidence.
export const fail = (message: string, hint: Hint, evidence: Record<string, unknown> = {}): Verdict => ({ passed: false, message, hint, evidence });

/** The facts of one gathering, or why there are none. */
export type Gathered<Facts> = { readonly ok: true; readonly facts: Facts } | { readonly ok: false; readonly error: Error };

/** The verdict for a check that threw, or for facts that could not be read: a failed check with the error as message. */
export const couldNotLook = (error: unknown, fallback = "Run the cells above this check in order, then run the check again."): Verdict => ({
  passed: false,
  message: `The check could not look at the host: ${(error as Error | null)?.message ?? String(error)}`,
  hint: typeof (error as { hint?: unknown } | null)?.hint === "string" ? (error as { hint: string }).hint : fallback,
});

/** A verdict as a result: points applied, and as many hint levels as `level` says. Pure. */
export const resultOf = (definition: CheckMeta, verdict: Verdict, level: HintLevelChoice = firstLevel): CheckResult => {
  const hint: Hint = verdict.hint ?? "Compare your commands with the explanation above.";
  const all = verdict.passed ? [] : hintTexts(hint);
  const shown = all.slice(0, Math.min(all.length, Math.max(1, Math.floor(level(definition.id, all.length, levelsBeforeCommand(hint))))));
  return {
    id: definition.id,
    title: definition.title,
    passed: verdict.passed,
    points: verdict.passed ? definition.points : 0,
    maxPoints: definition.points,
    message: verdict.message,
    hint: shown.at(-1) ?? null,
    hints: shown,
    hintLevel: shown.length,
    hintLevels: all.length,
    evidence: verdict.evidence ?? {},
  };
};

/** Run one check; an exception becomes a failed check with the error as message, never a crash. `level` picks how many hint levels a failure shows. */
export const runCheck = async <Context>(definition: CheckDefinition<Context>, context: Context, level: HintLevelChoice = firstLevel): Promise<CheckResult> => {
  let verdict: Verdict;
  try {
    verdict = await definition.run(context);
  } catch (error) {
    verdict = couldNotLook(error);
  }
  return resultOf(definition, verdict, level);
};

/** Judge one check on facts; a judge that throws gives a failed check with the error as message. Pure. */
export const judgeCheck = <Facts>(definition: JudgedCheck<Facts>, facts: Facts, level: HintLevelChoice = firstLevel): CheckResult => {
  let verdict: Verdict;
  try {
    verdict = definition.judge(facts);
  } catch (error) {
    verdict = couldNotLook(error);
  }
  return resultOf(definition, verdict, level);
};

/** Run checks one after another (they read shared host state; order keeps evidence readable). */
export const runChecks = async <Context>(
  definitions: readonly CheckDefinition<Context>[],
  context: Context,
  level: HintLevelChoice = firstLevel,
): Promise<CheckResult[]> => {
  const results: CheckResult[] = [];
  for (const definition of definitions) results.push(await runCheck(definition, context, level));
  return results;
};

/** Sum of points earned and available. */
export const totals = (results: readonly CheckResult[]): { points: number; maxPoints: number; passed: number; failed: number } => ({
  points: results.reduce((sum, result) => sum + result.points, 0),
  maxPoints: results.reduce((sum, result) => sum + result.maxPoints, 0),
  passed: results.filter((result) => result.passed).length,
  failed: results.filter((result) => !result.passed).length,
});
