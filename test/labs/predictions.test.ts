// Predictions and troubleshooting in a session: recorded in time or refused; the graded checks judge timing and diagnosis.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fail, hints, pass } from "../../src/checks/check.js";
import type { LabCheck, LabContext, LabDefinition } from "../../src/labs/definition.js";
import { checkLab } from "../../src/labs/check-lab.js";
import { predictionsCheck, recordObservation, recordPrediction } from "../../src/labs/predictions.js";
import { LabSession } from "../../src/labs/session.js";
import { recordDiagnosis, troubleshootCheck } from "../../src/labs/troubleshoot.js";
import { outcomeBundle } from "../../src/render/prediction-view.js";

const predictions = [
  { id: "count", question: "How many?", explain: "One per container." },
  { id: "kind", question: "Which kind?", choices: ["bridge", "veth"], explain: "docker0 is a bridge." },
];
const troubleshoot = {
  symptom: "web3 does not answer.",
  scenario: "setup changes web3's address",
  causes: { "wrong-address": "eth0 has another address", "server-stopped": "httpd is not running" },
  cause: "wrong-address",
  breakIt: async () => undefined,
};
let fixed = false;
const lab: LabDefinition = {
  id: "99",
  slug: "99-test",
  title: "t",
  summary: "s",
  concepts: [],
  setup: async () => undefined,
  predictions,
  troubleshoot,
  checks: [],
};

describe("predictions and diagnoses in a session", () => {
  const saved = process.env.DNL_STATE_DIR;
  let dir = "";
  let context: LabContext;
  // One check run of a lab that reads no topology.
  const judged = async (check: LabCheck) => (await checkLab({ id: "99" }, [check], context))[0]!;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "dnl-predict-"));
    process.env.DNL_STATE_DIR = dir;
    fixed = false;
    context = { session: new LabSession("pp11", "99"), image: "x", log: () => undefined };
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.DNL_STATE_DIR;
    else process.env.DNL_STATE_DIR = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it("a prediction before its observation is kept and shown beside what the host did", async () => {
    expect(await recordPrediction(lab, context.session, "count", 3)).toBe(true);
    const outcome = await recordObservation(lab, context.session, "count", "3");
    expect(outcome).toMatchObject({ inTime: true, matched: true, prediction: { value: 3 } });
    const bundle = outcomeBundle(outcome);
    expect(bundle["text/plain"]).toContain("you predicted : 3");
    expect(bundle["text/plain"]).toContain("One per container.");
    expect(String(bundle["text/html"])).toContain("as you predicted");
  });

  it("a prediction recorded after the observation ran is refused with a clear message, and the earlier one stays", async () => {
    await recordPrediction(lab, context.session, "count", 2);
    await recordObservation(lab, context.session, "count", 3);
    await expect(recordPrediction(lab, context.session, "count", 3)).rejects.toThrow(/already ran .* a prediction recorded after seeing the result is refused/);
    await expect(recordPrediction(lab, context.session, "count", 3)).rejects.toMatchObject({
      hint: expect.stringContaining("Your prediction from before, 2, stays recorded"),
    });
    await recordObservation(lab, context.session, "kind", "bridge");
    await expect(recordPrediction(lab, context.session, "kind", "bridge")).rejects.toMatchObject({ hint: expect.stringContaining("start the lab over") });
  });

  it("undefined records nothing; an unknown id or a value outside the choices is refused", async () => {
    expect(await recordPrediction(lab, context.session, "count", undefined)).toBe(false);
    expect(await context.session.readRecord("predictions")).toEqual({});
    await expect(recordPrediction(lab, context.session, "nope", 1)).rejects.toThrow(/no prediction `nope`/);
    await expect(recordPrediction(lab, context.session, "kind", "tun")).rejects.toMatchObject({ hint: 'Choose one of "bridge", "veth".' });
  });

  it("the predictions check passes when every prediction came before its observation, right or wrong", async () => {
    const check = predictionsCheck({ id: "99", predictions });
    expect((await judged(check)).passed).toBe(false);
    await recordPrediction(lab, context.session, "count", 7);
    await recordObservation(lab, context.session, "count", 3);
    await recordObservation(lab, context.session, "kind", "bridge");
    const missing = await judged(check);
    expect(missing).toMatchObject({ passed: false, message: expect.stringContaining('No prediction of "kind"') });
    await rm(join(context.session.dir, "observations.json"));
    await recordPrediction(lab, context.session, "kind", "veth");
    await recordObservation(lab, context.session, "count", 3);
    await recordObservation(lab, context.session, "kind", "bridge");
    expect(await judged(check)).toMatchObject({ passed: true, evidence: { matched: 0, total: 2 } });
  });

  it("the troubleshooting check wants the live fix and the right cause named", async () => {
    const check = troubleshootCheck(troubleshoot, {
      id: "99.fixed",
      title: "t",
      concepts: [],
      points: 2,
      fixed: async () =>
        fixed ? pass("web3 answers") : fail("web3 has 192.0.2.7", hints(["compare the address Docker assigned with eth0's"], "docker restart web3")),
    });
    const broken = await judged(check);
    expect(broken).toMatchObject({ passed: false, evidence: { fixed: false, diagnosis: null } });
    expect(broken.hint).toMatch(/^Diagnose first/);
    await expect(recordDiagnosis(lab, context.session, "dns")).rejects.toMatchObject({
      hint: expect.stringContaining('"wrong-address" (eth0 has another address)'),
    });
    await recordDiagnosis(lab, context.session, "server-stopped");
    fixed = true;
    expect(await judged(check)).toMatchObject({ passed: false, message: expect.stringContaining('You named "server-stopped"') });
    await recordDiagnosis(lab, context.session, "wrong-address");
    expect(await judged(check)).toMatchObject({ passed: true, points: 2, evidence: { fixed: true, tries: 2 } });
  });
});
