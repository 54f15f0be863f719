// The object a notebook works with: `const lab = await openLab("01")`.
import type { CheckResult } from "../checks/check.js";
import { isDnlError, UsageError } from "../errors.js";
import type { RunResult } from "../exec/run.js";
import { checkReportBundle } from "../render/check-report.js";
import { display, escapeHtml, inNotebook, jupyterDisplay, pictureBundle } from "../render/display.js";
import { sideBySideBundle } from "../render/side-by-side.js";
import { topologySvg, type DrawOptions } from "../render/topology-plot.js";
import { showDiff } from "../render/topology-diff.js";
import { tablesBundle } from "../render/topology-tables.js";
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
import { type Lang, parseLang } from "../i18n/catalog.js";
import { localizeError, translateResult, translatorFor } from "./catalogs.js";

/** A lab opened in a session. */
export class Lab {
  readonly definition: LabDefinition;
  readonly session: LabSession;
  readonly image = toolboxImage;
  /** The language the lab speaks: its checks, hints, predictions and messages (`openLab("01", { lang: "ko" })`). */
  readonly lang: Lang;
  /** Translate one of the lab's English strings into its language. */
  readonly t: (english: string) => string;
  private readonly shell: LearnerShell;
  constructor(definition: LabDefinition, session: LabSession, lang: Lang = "en") {
    this.definition = definition;
    this.session = session;
    this.lang = lang;
    this.t = translatorFor(lang, definition.id).t;
    this.shell = new LearnerShell(session);
  }

  /** The context setup, checks and teardown receive. */
  get context(): LabContext {
    return { session: this.session, image: this.image, log: (line) => console.log(this.t(line)) };
  }

  // Run `work`; a project error it throws is translated into the lab's language first.
  private async localized<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw localizeError(error, this.t);
    }
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
    display(sideBySideBundle(typeof raw === "string" ? raw : raw.stdout, parsed, this.t(title)));
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
    const t = this.t;
    await this.localized(async () => {
      await requireToolboxImage();
      await this.definition.setup(this.context);
    });
    const ready = t(`Lab ${this.definition.id} is ready (session ${this.session.session}).`);
    if (inNotebook())
      display({
        "text/plain": ready,
        "text/html": `<p>✔ ${t(`Lab <b>${escapeHtml(this.definition.id)}</b> is ready: session <code>${this.session.session}</code>, names start with <code>${escapeHtml(this.name(""))}</code>.`)}</p>`,
      });
    else console.log(ready);
  }

  /** Record an answer for a graded check (it compares the answer with the live host). */
  async answer(key: string, value: unknown): Promise<void> {
    await this.session.saveAnswer(key, value);
    console.log(this.t(`recorded answer ${key} = ${JSON.stringify(value)}`));
  }

  /**
   * Predict before you look: `await lab.predict("web2-address", "172.17.0.3")`. Recorded with the time; refused
   * once the cell that observes it has run. Graded for being made in time, never for being right.
   */
  async predict(id: string, value: unknown): Promise<void> {
    const t = this.t;
    if (await this.localized(() => recordPrediction(this.definition, this.session, id, value)))
      console.log(t(`recorded prediction ${id} = ${JSON.stringify(value)} (before its observation)`));
    else console.log(t(`No prediction yet for ${id}: write your answer in place of undefined, then run this cell again, before the next ones.`));
  }

  /**
   * Observe what a prediction was about: runs `work`, records its value as what the host did, and shows it beside
   * your prediction with the explanation: `await lab.observe("web2-address", async () => addressOfWeb2())`.
   */
  async observe(id: string, work: () => Promise<unknown>): Promise<void> {
    const value = await work();
    display(outcomeBundle(await this.localized(() => recordObservation(this.definition, this.session, id, value)), this.t));
  }

  /** Start the lab's troubleshooting exercise: break something in your session, then show the symptom and the possible causes. */
  async scenario(): Promise<void> {
    const ts = this.definition.troubleshoot;
    const t = this.t;
    if (!ts)
      throw localizeError(
        new UsageError(`Lab ${this.definition.id} has no troubleshooting exercise.`, { hint: "Only labs with a Troubleshooting section have a scenario." }),
        t,
      );
    await this.localized(() => ts.breakIt(this.context));
    const causes = Object.entries(ts.causes).map(([cause, meaning]) => [cause, t(meaning)] as const);
    const broken = t("Something is broken:");
    display({
      "text/plain": `${broken} ${t(ts.symptom)}\n${t("Possible causes (name one with lab.diagnose):")}\n${causes.map(([cause, meaning]) => `  "${cause}": ${meaning}`).join("\n")}`,
      "text/html": `<div class="dnl-scenario"><p><b>${escapeHtml(broken)}</b> ${escapeHtml(t(ts.symptom))}</p><p>${t("Possible causes (name one with <code>lab.diagnose(…)</code>):")}</p><ul>${causes.map(([cause, meaning]) => `<li><code>${escapeHtml(JSON.stringify(cause))}</code>: ${escapeHtml(meaning)}</li>`).join("")}</ul></div>`,
    });
  }

  /** Name what is broken in the lab's troubleshooting exercise: `await lab.diagnose("wrong-address")` (its graded check says whether it fits). */
  async diagnose(cause: string): Promise<void> {
    await this.localized(() => recordDiagnosis(this.definition, this.session, cause));
    console.log(this.t(`recorded diagnosis "${cause}": fix it, then run the troubleshooting check.`));
  }

  /** A visible self-check: prints ✔ or ✘ with the hint; never throws. */
  expect(what: string, ok: boolean, hint: string): boolean {
    const t = this.t;
    console.log(ok ? `✔ ${t(what)}` : `✘ ${t(what)}\n  ${t("hint")}: ${t(hint)}`);
    return ok;
  }

  // The checks named by id (all visible ones when none given); an unknown id is refused with the known ones.
  private chosenChecks(ids: readonly string[]) {
    const visible = this.definition.checks.filter((check) => !check.hidden);
    const unknown = ids.filter((id) => !this.definition.checks.some((check) => check.id === id));
    if (unknown.length)
      throw localizeError(
        new UsageError(`Unknown check id(s) for lab ${this.definition.id}: ${unknown.join(", ")}`, {
          hint: `Known: ${visible.map((c) => c.id).join(", ")}`,
        }),
        this.t,
      );
    return ids.length ? this.definition.checks.filter((check) => ids.includes(check.id)) : visible;
  }

  /** Run graded checks by id (all visible ones when none given) and return their results, showing nothing (failures are not counted). */
  async results(...ids: string[]): Promise<CheckResult[]> {
    return (await peekInSession(this.definition, this.chosenChecks(ids), this.context)).map((result) => translateResult(result, this.t));
  }

  // Methods that show something return nothing: a cell's last value is displayed too, and would repeat it.

  /**
   * Run graded checks by id (all visible ones when none given) and show the report. A failing check's hint comes
   * in levels: the first failure names the concept and where to look, each further failure shows one level more.
   */
  async check(...ids: string[]): Promise<void> {
    const results = (await checkInSession(this.definition, this.chosenChecks(ids), this.context)).map((result) => translateResult(result, this.t));
    display(checkReportBundle(this.definition.id, this.session.session, results, this.t));
  }

  /** The next hint level of a failing check, e.g. `await lab.hint("01.two-containers")`; the exact command comes last. */
  async hint(checkId: string): Promise<void> {
    const [definition] = this.chosenChecks([checkId]);
    const result = translateResult(await nextHint(this.definition, definition!, this.context), this.t);
    display(checkReportBundle(this.definition.id, this.session.session, [result], this.t));
  }

  /** Snapshot of the host (read-only). */
  async snapshot(): Promise<Topology> {
    return snapshot();
  }

  /** Draw the topology (this lab's containers and namespaces by default) inline. */
  async draw(options: DrawOptions & { all?: boolean } = {}): Promise<void> {
    const topology = await snapshot();
    const scope = this.pictureScope(topology, options);
    const svg = topologySvg(topology, { ...scope, title: this.t(scope.title ?? `Lab ${this.definition.id}: what Docker built`) });
    const tables = tablesBundle(topology, { namespaces: [...(scope.containers ?? []), ...(scope.namespaces ?? [])] });
    display(pictureBundle(`[topology: ${scope.containers?.length ?? topology.containers.length} lab container(s)]`, svg, String(tables["text/html"])));
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
    return quiet(showDiff(before, after, { title: this.t(title), ...scope, ...(words ? { only: words, exclude: others } : {}) }));
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
      display(explanationBundle(path, topology, this.pictureScope(topology)));
      return quiet(path);
    }
    const proof = await prove(from, to, rest);
    display(proofBundle(proof, topology, this.pictureScope(topology)));
    return quiet(proof.explanation);
  }

  /** Remove everything this lab made in this session; safe to run any time. */
  async teardown(): Promise<void> {
    await this.definition.teardown?.(this.context);
    const removed = await removeLabelled(this.context);
    console.log(
      this.t(
        `teardown: removed ${removed.containers.length} container(s), ${removed.networks.length} network(s), ${removed.volumes.length} volume(s) of session ${this.session.session}; nothing else was touched.`,
      ),
    );
  }
}

// Mark a value the notebook already showed: the project kernel displays nothing for it as a cell's last value.
const quiet = <T extends object>(value: T): T => Object.defineProperty(value, jupyterDisplay, { value: () => null, enumerable: false });

/** How a notebook opens its lab. */
export interface OpenLabOptions {
  /** The language of its checks, hints and messages; default DNL_LANG, else English (the Korean notebooks pass "ko"). */
  readonly lang?: Lang;
}

/** Open a lab in the current session (DNL_SESSION or your saved default): `openLab("01")`, `openLab("01", { lang: "ko" })`. */
export const openLab = async (id: string, options: OpenLabOptions = {}): Promise<Lab> => {
  const lang = options.lang ? parseLang(options.lang, "lang") : process.env.DNL_LANG ? parseLang(process.env.DNL_LANG, "DNL_LANG") : "en";
  const definition = findLab(id);
  const session = new LabSession(await currentSessionId(), definition.id);
  const lab = new Lab(definition, session, lang);
  console.log(`Lab ${definition.id} · ${lab.t(definition.title)} · ${lab.t("session")} ${session.session}`);
  return lab;
};

/** Print a failure the way a learner should see it (message + next step). */
export const explainError = (error: unknown): string => (isDnlError(error) ? `${error.message}\n→ ${error.hint}` : String((error as Error)?.message ?? error));
