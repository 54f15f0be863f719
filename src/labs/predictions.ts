// Predictions: the learner answers a question before the command runs (`lab.predict`), the lab observes what the
// host did (`lab.observe`) and shows both with the explanation. Graded only for having been made in time.
import { fail, hints, pass } from "../checks/check.js";
import { UsageError } from "../errors.js";
import type { LabDefinition, PredictionDefinition } from "./definition.js";
import type { LabJudge, Recorded } from "./facts.js";
import type { LabSession } from "./session.js";

export type { Recorded } from "./facts.js";

/** A prediction beside its observation. */
export interface Outcome {
  readonly definition: PredictionDefinition;
  readonly prediction: Recorded | null;
  readonly observation: Recorded;
  /** The prediction was recorded before the observation ran. */
  readonly inTime: boolean;
  /** The prediction matches what the host did (for the learner's information; never graded). */
  readonly matched: boolean;
}

const list = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(", ");

/** The lab's prediction `id`; a UsageError naming the known ones otherwise. */
export const predictionOf = (lab: LabDefinition, id: string): PredictionDefinition => {
  const found = lab.predictions?.find((p) => p.id === id);
  if (!found)
    throw new UsageError(`Lab ${lab.id} has no prediction \`${id}\`.`, {
      hint: lab.predictions?.length ? `Known: ${list(lab.predictions.map((p) => p.id))}.` : `Lab ${lab.id} has no predictions.`,
    });
  return found;
};

// Answers compare loosely: trimmed, case-insensitive text; numbers and numeric text alike.
const normal = (value: unknown): string => {
  if (typeof value === "string") return /^-?\d+(\.\d+)?$/.test(value.trim()) ? String(Number(value)) : value.trim().toLowerCase();
  if (Array.isArray(value)) return JSON.stringify(value.map(normal).sort());
  return JSON.stringify(value);
};

/**
 * Record a prediction. `undefined` records nothing (the learner has not written one yet) and returns false.
 * Refused once the observation has run: a prediction made after seeing the result does not count.
 */
export const recordPrediction = async (lab: LabDefinition, session: LabSession, id: string, value: unknown): Promise<boolean> => {
  const definition = predictionOf(lab, id);
  const observed = (await session.readRecord<Recorded>("observations"))[id];
  const predictions = await session.readRecord<Recorded>("predictions");
  if (observed) {
    const earlier = predictions[id];
    throw new UsageError(
      `The observation of "${id}" already ran (at ${observed.at.slice(11, 19)} UTC): a prediction recorded after seeing the result is refused.`,
      {
        hint: earlier
          ? `Your prediction from before, ${JSON.stringify(earlier.value)}, stays recorded. Go on with the lab.`
          : "Go on: the next predictions count when you make them before their observation cells. To start the lab over, run its Teardown cell, then the notebook from the top.",
      },
    );
  }
  if (value === undefined) return false;
  if (definition.choices && !definition.choices.includes(String(value))) {
    throw new UsageError(`"${String(value)}" is not one of the answers of "${id}".`, { hint: `Choose one of ${list(definition.choices)}.` });
  }
  predictions[id] = { value, at: new Date().toISOString() };
  await session.writeRecord("predictions", predictions);
  return true;
};

/** Record what the host did (the first observation counts; running the cell again keeps its time) and return it beside the prediction. */
export const recordObservation = async (lab: LabDefinition, session: LabSession, id: string, value: unknown): Promise<Outcome> => {
  const definition = predictionOf(lab, id);
  const observations = await session.readRecord<Recorded>("observations");
  const first = observations[id];
  const observation: Recorded = { value, at: first?.at ?? new Date().toISOString() };
  observations[id] = observation;
  await session.writeRecord("observations", observations);
  const prediction = (await session.readRecord<Recorded>("predictions"))[id] ?? null;
  const inTime = prediction !== null && prediction.at <= observation.at;
  return { definition, prediction, observation, inTime, matched: prediction !== null && normal(prediction.value) === normal(value) };
};

/** The graded check of a lab's predictions: every one recorded before its observation ran (right or wrong). */
export const predictionsCheck = (lab: { readonly id: string; readonly predictions: readonly PredictionDefinition[] }, points = 1): LabJudge => ({
  id: `${lab.id}.predictions`,
  title: `You made the lab's ${lab.predictions.length} predictions before running what they predict (graded for being on time, not for being right)`,
  concepts: [],
  points,
  role: "predictions",
  probes: [],
  judge: ({ predictions, observations }) => {
    const how = hints(
      "Each prediction cell comes before the cell that observes what it predicts: write your answer in place of `undefined`, run it, then run the observation.",
    );
    let matched = 0;
    for (const { id, question } of lab.predictions) {
      const prediction = predictions[id];
      const observation = observations[id];
      if (!observation)
        return fail(
          `The observation of "${id}" has not run yet (${question}).`,
          hints("Run the notebook in order: the prediction cell, then the cell that observes it."),
          { id },
        );
      if (!prediction) return fail(`No prediction of "${id}" was recorded before its observation ran (${question}).`, how, { id });
      if (prediction.at > observation.at) return fail(`The prediction of "${id}" was recorded after its observation.`, how, { id });
      if (normal(prediction.value) === normal(observation.value)) matched++;
    }
    return pass(`All ${lab.predictions.length} predictions came before their observations; ${matched} matched what the host did.`, {
      matched,
      total: lab.predictions.length,
    });
  },
});
