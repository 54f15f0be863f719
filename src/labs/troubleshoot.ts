// Troubleshooting exercises: the lab's setup breaks something in the learner's session; the learner names the
// cause (`lab.diagnose(cause)`) and fixes it; one graded check confirms both, against the live host.
import { fail, hints, pass, type CheckDefinition, type Verdict } from "../checks/check.js";
import { UsageError } from "../errors.js";
import type { LabContext, LabDefinition, TroubleshootDefinition } from "./definition.js";
import type { LabFacts, LabJudge } from "./facts.js";
import type { LabSession } from "./session.js";

/** The answer key under which the diagnosis is recorded. */
export const diagnosisKey = "diagnosis";

const causesList = (t: TroubleshootDefinition): string =>
  Object.entries(t.causes)
    .map(([cause, meaning]) => `"${cause}" (${meaning})`)
    .join("; ");

/** Record the learner's diagnosis: one of the lab's causes; an unknown one is refused with the list. */
export const recordDiagnosis = async (lab: LabDefinition, session: LabSession, cause: string): Promise<void> => {
  const t = lab.troubleshoot;
  if (!t)
    throw new UsageError(`Lab ${lab.id} has no troubleshooting exercise.`, { hint: "lab.diagnose is for the labs whose setup breaks something on purpose." });
  if (!(cause in t.causes))
    throw new UsageError(`"${cause}" is not one of the causes of lab ${lab.id}'s troubleshooting exercise.`, { hint: `Choose one of: ${causesList(t)}.` });
  const history = (await session.answers())["diagnosis-history"];
  await session.saveAnswer("diagnosis-history", [...(Array.isArray(history) ? history : []), cause]);
  await session.saveAnswer(diagnosisKey, cause);
};

export interface TroubleshootCheckOptions<Fixed> {
  readonly id: string;
  readonly title: string;
  readonly concepts: readonly number[];
  readonly points: number;
  /** Is the broken thing fixed, on the live host? Its failure hints lead to the fix, the command last. */
  readonly fixed: Fixed;
  /** The probes `fixed` reads (LabJudge.probes), for a judge on facts. */
  readonly probes?: readonly string[];
}

/** The verdict of a troubleshooting exercise: the cause named (the last diagnosis counts), and the fix live. Pure. */
export const troubleshootVerdict = (t: TroubleshootDefinition, live: Verdict, answers: Readonly<Record<string, unknown>>): Verdict => {
  const diagnosis = answers[diagnosisKey];
  const tries = Array.isArray(answers["diagnosis-history"]) ? answers["diagnosis-history"].length : 0;
  const evidence = { ...live.evidence, fixed: live.passed, diagnosis: diagnosis ?? null, tries };
  const name = `Name the cause with lab.diagnose(…), one of: ${causesList(t)}.`;
  if (diagnosis === undefined) {
    if (!live.passed)
      return fail(
        `${t.symptom} Still broken: ${live.message}`,
        hints([`Diagnose first, with the tools of this lab; then ${name[0]!.toLowerCase()}${name.slice(1)}`, ...levelsOf(live)], commandOf(live)),
        evidence,
      );
    return fail(`Fixed (${live.message}), but the cause was not named.`, hints(name), evidence);
  }
  if (diagnosis !== t.cause) {
    const meaning = t.causes[String(diagnosis)] ?? "?";
    return fail(
      `You named "${String(diagnosis)}" (${meaning}); the evidence on this host does not fit it.`,
      hints([`What would you see if that were the cause? Look for exactly that, and for what each of the other causes would show. ${name}`]),
      evidence,
    );
  }
  if (!live.passed)
    return fail(`You named the cause ("${t.cause}"), but it is not fixed yet: ${live.message}`, live.hint ?? "Fix it, then run this check again.", evidence);
  return pass(`Cause named ("${t.cause}") and fixed: ${live.message}`, evidence);
};

const meta = (t: TroubleshootDefinition, options: TroubleshootCheckOptions<unknown>) => {
  if (!(t.cause in t.causes)) throw new Error(`troubleshootCheck ${options.id}: the cause "${t.cause}" is not among the causes`);
  return { id: options.id, title: options.title, concepts: options.concepts, points: options.points, role: "troubleshoot" as const };
};

/** The graded check of a troubleshooting exercise, looking at the live host itself. */
export const troubleshootCheck = (
  t: TroubleshootDefinition,
  options: TroubleshootCheckOptions<(context: LabContext) => Promise<Verdict>>,
): CheckDefinition<LabContext> => ({
  ...meta(t, options),
  run: async (context) => troubleshootVerdict(t, await options.fixed(context), await context.session.answers()),
});

/** The graded check of a troubleshooting exercise, judged on the lab's facts (`fixed` is pure too). */
export const troubleshootJudge = <Probes>(
  t: TroubleshootDefinition,
  options: TroubleshootCheckOptions<(facts: LabFacts<Probes>) => Verdict>,
): LabJudge<Probes> => ({
  ...meta(t, options),
  ...(options.probes ? { probes: options.probes } : {}),
  judge: (facts) => troubleshootVerdict(t, options.fixed(facts), facts.answers),
});

// The levels and command of a verdict's hint (a plain string is one level).
const levelsOf = (verdict: Verdict): string[] =>
  verdict.hint === undefined ? [] : typeof verdict.hint === "string" ? [verdict.hint] : [...verdict.hint.levels];
const commandOf = (verdict: Verdict): string | undefined => (verdict.hint !== undefined && typeof verdict.hint !== "string" ? verdict.hint.command : undefined);
