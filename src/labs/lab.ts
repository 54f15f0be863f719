// The object a notebook works with: `const lab = await openLab("01")`.
import type { CheckResult } from "../checks/check.js";
import { isDnlError, UsageError } from "../errors.js";
import type { RunResult } from "../exec/run.js";
import { checkReportBundle } from "../render/check-report.js";
import { display, escapeHtml, inNotebook, jupyterDisplay, pictureBundle } from "../render/display.js";
import { sideBySideBundle } from "../render/side-by-side.js";
import { topologySvg, type DrawOptions } from "../render/topology-plot.js";
import { showDiff } from "../render/topology-diff.js";
import { explanationBundle, proofBundle } from "../render/explain-view.js";
import { explain, type ExplainOptions, type Explanation } from "../topology/explain.js";
import { prove } from "../topology/prove.js";
import { otherNames, relatedNames, type TopologyDiff } from "../topology/diff.js";
import { requireToolboxImage, toolboxImage } from "../setup/image.js";
import { snapshot } from "../topology/snapshot.js";
import type { Topology } from "../topology/model.js";
import type { LabContext, LabDefinition } from "./definition.js";
import { checkInSession, nextHint, peekInSession } from "./hint-levels.js";
import { recordObservation, recordPrediction } from "./predictions.js";
import { recordDiagnosis } from "./troubleshoot.js";
import { outcomeBundle } from "../render/prediction-view.js";
import { findLab } from "./registry.js";
import { currentSessionId, LabSession } from "./session.js";
import { removeLabelled } from "./teardown.js";
import { LearnerShell, type Piece, type ShellOptions } from "./shell.js";
import { labLabelKey, ownsLabels, ownsName } from "../ownership.js";
import { freePort, freeSubnet, readParams, type FreePortOptions, type FreeSubnetOptions } from "./free.js";

/** A lab opened in a session. */
export class Lab {
  readonly definition: LabDefinition;
  readonly session: LabSession;
  readonly image = toolboxImage;
  private readonly shell: LearnerShell;
  constructor(definition: LabDefinition, session: LabSession) {
    this.definition = definition;
    this.session = session;
    this.shell = new LearnerShell(session);
  }

  /** The context setup, checks and teardown receive. */
  get context(): LabContext {
    return { session: this.session, image: this.image, log: (line) => console.log(line) };
  }

  /** This session's name for a lab object: `lab.name("web1")` -> `dnl-ab12-01-web1`. */
  name(short: string): string {
    return this.session.name(short);
  }

  /**
   * Run a command written as a template, print it and its output, return the result.
   * `docker run|create`, `docker network create` and `docker volume create` get the lab's labels added,
   * so teardown finds exactly what you made. Use `${value}` for names: each becomes one argument.
   */
  async sh(strings: TemplateStringsArray, ...values: Piece[]): Promise<RunResult> {
    return this.shell.sh(strings, ...values);
  }

  /** Like `sh`, but with an argv array. Failing commands throw an error whose hint says what to do. */
  async exec(argv: readonly string[], options: ShellOptions = {}): Promise<RunResult> {
    return this.shell.exec(argv, options);
  }

  /** Show a command's raw output next to its parsed value. */
  view(raw: string | RunResult, parsed: unknown, title = ""): void {
    display(sideBySideBundle(typeof raw === "string" ? raw : raw.stdout, parsed, title));
  }

  /** A TCP port free on this host for this session, the same one every time you ask with the same key. */
  async freePort(key = "port", options: FreePortOptions = {}): Promise<number> {
    return freePort(this.session, key, options);
  }

  /** An IPv4 subnet that overlaps nothing on this host, the same one every time you ask with the same key. */
  async freeSubnet(key = "subnet", options: FreeSubnetOptions = {}): Promise<string> {
    return freeSubnet(this.session, key, options);
  }

  /** The ports and subnets this lab chose for your session. */
  async params(): Promise<Record<string, string | number>> {
    return readParams(this.session);
  }

  /** Idempotent setup: safe to run twice. Every lab needs the toolbox image first. */
  async setup(): Promise<void> {
    await requireToolboxImage();
    await this.definition.setup(this.context);
    if (inNotebook())
      display({
        "text/plain": `Lab ${this.definition.id} is ready (session ${this.session.session}).`,
        "text/html": `<p>✔ Lab <b>${escapeHtml(this.definition.id)}</b> is ready: session <code>${this.session.session}</code>, names start with <code>${escapeHtml(this.name(""))}</code>.</p>`,
      });
    else console.log(`Lab ${this.definition.id} is ready (session ${this.session.session}).`);
  }

  /** Record an answer for a graded check (it compares the answer with the live host). */
  async answer(key: string, value: unknown): Promise<void> {
    await this.session.saveAnswer(key, value);
    console.log(`recorded answer ${key} = ${JSON.stringify(value)}`);
  }

  /**
   * Predict before you look: `await lab.predict("web2-address", "172.17.0.3")`. Recorded with the time; refused
   * once the cell that observes it has run. Graded for being made in time, never for being right.
   */
  async predict(id: string, value: unknown): Promise<void> {
    if (await recordPrediction(this.definition, this.session, id, value))
      console.log(`recorded prediction ${id} = ${JSON.stringify(value)} (before its observation)`);
    else console.log(`No prediction yet for ${id}: write your answer in place of undefined, then run this cell again, before the next ones.`);
  }

  /**
   * Observe what a prediction was about: runs `work`, records its value as what the host did, and shows it beside
   * your prediction with the explanation: `await lab.observe("web2-address", async () => addressOfWeb2())`.
   */
  async observe(id: string, work: () => Promise<unknown>): Promise<void> {
    display(outcomeBundle(await recordObservation(this.definition, this.session, id, await work())));
  }

  /** Start the lab's troubleshooting exercise: break something in your session, then show the symptom and the possible causes. */
  async scenario(): Promise<void> {
    const t = this.definition.troubleshoot;
    if (!t)
      throw new UsageError(`Lab ${this.definition.id} has no troubleshooting exercise.`, { hint: "Only labs with a Troubleshooting section have a scenario." });
    await t.breakIt(this.context);
    const causes = Object.entries(t.causes);
    display({
      "text/plain": `Something is broken: ${t.symptom}\nPossible causes (name one with lab.diagnose):\n${causes.map(([cause, meaning]) => `  "${cause}": ${meaning}`).join("\n")}`,
      "text/html": `<div class="dnl-scenario"><p><b>Something is broken:</b> ${escapeHtml(t.symptom)}</p><p>Possible causes (name one with <code>lab.diagnose(…)</code>):</p><ul>${causes.map(([cause, meaning]) => `<li><code>${escapeHtml(JSON.stringify(cause))}</code>: ${escapeHtml(meaning)}</li>`).join("")}</ul></div>`,
    });
  }

  /** Name what is broken in the lab's troubleshooting exercise: `await lab.diagnose("wrong-address")` (its graded check says whether it fits). */
  async diagnose(cause: string): Promise<void> {
    await recordDiagnosis(this.definition, this.session, cause);
    console.log(`recorded diagnosis "${cause}": fix it, then run the troubleshooting check.`);
  }

  /** A visible self-check: prints ✔ or ✘ with the hint; never throws. */
  expect(what: string, ok: boolean, hint: string): boolean {
    console.log(ok ? `✔ ${what}` : `✘ ${what}\n  hint: ${hint}`);
    return ok;
  }

  // The checks named by id (all visible ones when none given); an unknown id is refused with the known ones.
  private chosenChecks(ids: readonly string[]) {
    const visible = this.definition.checks.filter((check) => !check.hidden);
    const unknown = ids.filter((id) => !this.definition.checks.some((check) => check.id === id));
    if (unknown.length)
      throw new UsageError(`Unknown check id(s) for lab ${this.definition.id}: ${unknown.join(", ")}`, {
        hint: `Known: ${visible.map((c) => c.id).join(", ")}`,
      });
    return ids.length ? this.definition.checks.filter((check) => ids.includes(check.id)) : visible;
  }

  /** Run graded checks by id (all visible ones when none given) and return their results, showing nothing (failures are not counted). */
  async results(...ids: string[]): Promise<CheckResult[]> {
    return peekInSession(this.definition, this.chosenChecks(ids), this.context);
  }

  // Methods that show something return nothing: a cell's last value is displayed too, and would repeat it.

  /**
   * Run graded checks by id (all visible ones when none given) and show the report. A failing check's hint comes
   * in levels: the first failure names the concept and where to look, each further failure shows one level more.
   */
  async check(...ids: string[]): Promise<void> {
    display(checkReportBundle(this.definition.id, this.session.session, await checkInSession(this.definition, this.chosenChecks(ids), this.context)));
  }

  /** The next hint level of a failing check, e.g. `await lab.hint("01.two-containers")`; the exact command comes last. */
  async hint(checkId: string): Promise<void> {
    const [definition] = this.chosenChecks([checkId]);
    display(checkReportBundle(this.definition.id, this.session.session, [await nextHint(this.definition, definition!, this.context)]));
  }

  /** Snapshot of the host (read-only). */
  async snapshot(): Promise<Topology> {
    return snapshot();
  }

  /** Draw the topology (this lab's containers and namespaces by default) inline. */
  async draw(options: DrawOptions & { all?: boolean } = {}): Promise<void> {
    const topology = await snapshot();
    const scope = this.pictureScope(topology, options);
    const svg = topologySvg(topology, { title: `Lab ${this.definition.id}: what Docker built`, ...scope });
    display(pictureBundle(`[topology: ${scope.containers?.length ?? topology.containers.length} lab container(s)]`, svg));
  }

  /** What a picture of this lab shows: its containers and its session's namespaces (src/ownership.ts), unless `all`. */
  pictureScope(topology: Topology, options: DrawOptions & { all?: boolean } = {}): DrawOptions {
    const { all = false, ...rest } = options;
    if (all) return rest;
    const mine = topology.containers
      .filter((c) => ownsLabels(c.labels, this.session.session) && c.labels[labLabelKey] === this.definition.id)
      .map((c) => c.name);
    const netns = topology.namespaces.filter((ns) => ns.kind === "netns" && ownsName(ns.name, this.session.session)).map((ns) => ns.name);
    return { containers: mine, namespaces: netns, ...rest };
  }

  /**
   * Run one step and show what it changed on the host, as text and as the picture with the changes in red:
   * `await lab.step("start web", () => lab.sh\`docker run -d --name ${lab.name("web")} ${lab.image} httpd -f\`)`.
   */
  async step(title: string, work: () => Promise<unknown>, options: DrawOptions & { all?: boolean } = {}): Promise<TopologyDiff> {
    const before = await snapshot();
    await work();
    const after = await snapshot();
    const scope = this.pictureScope(after, options);
    // On a shared engine, other sessions change things too: list only what concerns this lab's objects.
    const earlier = this.pictureScope(before, options);
    const words = options.all ? null : [...new Set([...relatedNames(before, earlier), ...relatedNames(after, scope)])];
    const others = [...new Set([...otherNames(before, earlier), ...otherNames(after, scope)])];
    return quiet(showDiff(before, after, { title, ...scope, ...(words ? { only: words, exclude: others } : {}) }));
  }

  /**
   * Explain the path of one packet hop by hop and draw it; with `{ prove: true }` also send one real packet
   * (only to the project's own containers/namespaces) and show the rule counters that moved.
   * `await lab.explain(lab.name("a"), lab.name("b"))`, `await lab.explain("host", "127.0.0.1:8080", { prove: true })`.
   */
  async explain(from: string, to: string, options: ExplainOptions & { prove?: boolean } = {}): Promise<Explanation> {
    const { prove: send = false, ...rest } = options;
    const topology = await snapshot();
    if (!send) {
      const path = explain(topology, from, to, rest);
      display(explanationBundle(path, topology));
      return quiet(path);
    }
    const proof = await prove(from, to, rest);
    display(proofBundle(proof, topology));
    return quiet(proof.explanation);
  }

  /** Remove everything this lab made in this session; safe to run any time. */
  async teardown(): Promise<void> {
    await this.definition.teardown?.(this.context);
    const removed = await removeLabelled(this.context);
    console.log(
      `teardown: removed ${removed.containers.length} container(s), ${removed.networks.length} network(s), ${removed.volumes.length} volume(s) of session ${this.session.session}; nothing else was touched.`,
    );
  }
}

// Mark a value the notebook already showed: the project kernel displays nothing for it as a cell's last value.
const quiet = <T extends object>(value: T): T => Object.defineProperty(value, jupyterDisplay, { value: () => null, enumerable: false });

/** Open a lab in the current session (DNL_SESSION or your saved default). */
export const openLab = async (id: string): Promise<Lab> => {
  const definition = findLab(id);
  const session = new LabSession(await currentSessionId(), definition.id);
  const lab = new Lab(definition, session);
  console.log(`Lab ${definition.id} · ${definition.title} · session ${session.session}`);
  return lab;
};

/** Print a failure the way a learner should see it (message + next step). */
export const explainError = (error: unknown): string => (isDnlError(error) ? `${error.message}\n→ ${error.hint}` : String((error as Error)?.message ?? error));
