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
  /** What to do when it failed; null when passed. */
  readonly hint: string | null;
  /** The values the verdict rests on (addresses, names, rule lines...). */
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** What a check function returns before points are applied. */
export interface Verdict {
  readonly passed: boolean;
  readonly message: string;
  readonly hint?: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

/** A check as a lab defines it. */
export interface CheckDefinition<Context> {
  readonly id: string;
  readonly title: string;
  /** Curriculum concepts (../shared/docs/curriculum.md, src/labs/curriculum.ts) this check confirms: the coverage table. */
  readonly concepts: readonly number[];
  readonly points: number;
  /** Hidden checks run only in the grader and in `labs run`, never shown in the learner notebook. */
  readonly hidden?: boolean;
  readonly run: (context: Context) => Promise<Verdict>;
}

// Pass with a message and evidence.
export const pass = (message: string, evidence: Record<string, unknown> = {}): Verdict => ({ passed: true, message, evidence });

// Fail with a message, the hint that fixes it, and evidence.
export const fail = (message: string, hint: string, evidence: Record<string, unknown> = {}): Verdict => ({ passed: false, message, hint, evidence });

/** Run one check; an exception becomes a failed check with the error as message, never a crash. */
export const runCheck = async <Context>(definition: CheckDefinition<Context>, context: Context): Promise<CheckResult> => {
  let verdict: Verdict;
  try {
    verdict = await definition.run(context);
  } catch (error) {
    const hint = typeof (error as { hint?: unknown }).hint === "string" ? (error as { hint: string }).hint : "Run the cells above this check in order, then run the check again.";
    verdict = { passed: false, message: `The check could not look at the host: ${(error as Error).message ?? String(error)}`, hint };
  }
  return {
    id: definition.id,
    title: definition.title,
    passed: verdict.passed,
    points: verdict.passed ? definition.points : 0,
    maxPoints: definition.points,
    message: verdict.message,
    hint: verdict.passed ? null : (verdict.hint ?? "Compare your commands with the explanation above."),
    evidence: verdict.evidence ?? {},
  };
};

/** Run checks one after another (they read shared host state; order keeps evidence readable). */
export const runChecks = async <Context>(definitions: readonly CheckDefinition<Context>[], context: Context): Promise<CheckResult[]> => {
  const results: CheckResult[] = [];
  for (const definition of definitions) results.push(await runCheck(definition, context));
  return results;
};

/** Sum of points earned and available. */
export const totals = (results: readonly CheckResult[]): { points: number; maxPoints: number; passed: number; failed: number } => ({
  points: results.reduce((sum, result) => sum + result.points, 0),
  maxPoints: results.reduce((sum, result) => sum + result.maxPoints, 0),
  passed: results.filter((result) => result.passed).length,
  failed: results.filter((result) => !result.passed).length,
});
