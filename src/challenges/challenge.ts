// The object a challenge notebook works with: `const challenge = await openChallenge("c1")`. It starts the
// starting state, runs the checks (hints in levels, the concept first), and lends the lab tools: sh, explain,
// snapshot, draw, step, and for a challenge on a private engine, `challenge.engine`.
import type { CheckResult } from "../checks/check.js";
import type { RunResult } from "../exec/run.js";
import { Lab } from "../labs/lab.js";
import type { LabDefinition } from "../labs/definition.js";
import { currentSessionId, LabSession } from "../labs/session.js";
import type { Piece, ShellOptions } from "../labs/shell.js";
import type { PrivateEngine } from "../labs/private-engine.js";
import { checkReportBundle } from "../render/check-report.js";
import { display, inNotebook, type MimeBundle } from "../render/display.js";
import type { DrawOptions } from "../render/topology-plot.js";
import type { ExplainOptions, Explanation } from "../topology/explain.js";
import type { TopologyDiff } from "../topology/diff.js";
import type { Topology } from "../topology/model.js";
import { type Lang, parseLang } from "../i18n/catalog.js";
import { localizeError, translateResult } from "../labs/catalogs.js";
import type { ChallengeDefinition, Params } from "./model.js";
import { challengeTranslator } from "./catalogs.js";
import { findChallenge } from "./registry.js";
import { challengeEngine, ChallengeRun } from "./runtime.js";
import { briefText, briefHtml } from "./brief.js";

// A check report whose "next hint" line names the challenge's call, not a lab's.
const report = (id: string, session: string, results: readonly CheckResult[], t: (text: string) => string = (text) => text): MimeBundle => {
  const bundle = checkReportBundle(
    id,
    session,
    results.map((result) => translateResult(result, t)),
    t,
  );
  const fix = (text: unknown) => (typeof text === "string" ? text.replaceAll("await lab.hint(", "await challenge.hint(") : text);
  return { ...bundle, "text/plain": fix(bundle["text/plain"]) as string, "text/html": fix(bundle["text/html"]) as string };
};

// The lab shape the lab tools need (names, labels, the picture's scope): no checks of its own.
const asLab = (definition: ChallengeDefinition): LabDefinition => ({
  id: definition.id,
  slug: definition.slug,
  title: definition.texts.title,
  summary: definition.texts.goal,
  concepts: definition.concepts,
  setup: async () => undefined,
  checks: [],
});

/** A challenge opened in a session. */
export class Challenge {
  readonly definition: ChallengeDefinition;
  private readonly runner: ChallengeRun;
  private readonly lab: Lab;
  /** The language of its brief, checks, hints and messages (`openChallenge("c1", { lang: "ko" })`). */
  readonly lang: Lang;
  private readonly t: (text: string) => string;
  constructor(definition: ChallengeDefinition, session: string, lang: Lang = "en") {
    this.definition = definition;
    this.lang = lang;
    this.t = challengeTranslator(lang, definition.id).t;
    this.runner = new ChallengeRun(definition, session, (line) => console.log(line));
    this.lab = new Lab(asLab(definition), new LabSession(session, definition.id), lang);
  }

  // Run `work`; a project error it throws is translated into the challenge's language first.
  private async localized<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw localizeError(error, this.t);
    }
  }

  get session(): string {
    return this.runner.session;
  }

  /** The toolbox image reference. */
  get image(): string {
    return this.lab.image;
  }

  /** This session's name for an object of the challenge: `challenge.name("web")` -> `dnl-ab12-c1-web`. */
  name(short: string): string {
    return this.lab.name(short);
  }

  /** The names, addresses and ports this challenge chose for your session. */
  params(): Promise<Params> {
    return this.runner.params();
  }

  /** Build the starting state (safe to run twice) and show the brief with your session's values. */
  async start(): Promise<void> {
    const params = await this.localized(() => this.runner.start());
    if (inNotebook()) display({ "text/plain": briefText(this.definition, params, this.t), "text/html": briefHtml(this.definition, params, this.t) });
    else console.log(briefText(this.definition, params, this.t));
  }

  /** Check the live state and show the report; each failure shows one hint level more (the concept first). */
  async check(...ids: string[]): Promise<void> {
    display(report(this.definition.id, this.session, (await this.localized(() => this.runner.check(...ids))).results, this.t));
  }

  /** The results without showing or counting anything. */
  async results(...ids: string[]): Promise<CheckResult[]> {
    return this.runner.peek(...ids);
  }

  /** The next hint level of a check (default: the first failing one); the exact command comes last. */
  async hint(checkId?: string): Promise<void> {
    const result = await this.localized(() => this.runner.hint(checkId));
    if (result) display(report(this.definition.id, this.session, [result], this.t));
    else console.log(this.t("Every check passes: no hint to give."));
  }

  /** Back to the starting state (everything of this challenge removed and built again). */
  async reset(): Promise<void> {
    await this.localized(() => this.runner.reset());
    console.log(this.t(`challenge ${this.definition.id} is back at its starting state (session ${this.session}).`));
  }

  /** Remove everything this challenge made in your session. */
  async teardown(): Promise<void> {
    const removed = await this.localized(() => this.runner.teardown());
    console.log(
      this.t(
        `teardown: removed ${removed.containers.length} container(s), ${removed.networks.length} network(s) and the challenge's own namespaces, links and rules of session ${this.session}; nothing else was touched.`,
      ),
    );
  }

  /** Run a command written as a template (as `lab.sh`): `docker run`/`network create` get the challenge's labels. */
  sh(strings: TemplateStringsArray, ...values: Piece[]): Promise<RunResult> {
    return this.lab.sh(strings, ...values);
  }

  /** Like `sh`, with an argv array. */
  exec(argv: readonly string[], options: ShellOptions = {}): Promise<RunResult> {
    return this.lab.exec(argv, options);
  }

  /** The challenge's private engine (challenges that run on one): `challenge.engine.sh\`docker ps\``, `challenge.engine.restart({ bip })`. */
  get engine(): PrivateEngine {
    return challengeEngine(this.runner.context);
  }

  snapshot(): Promise<Topology> {
    return this.lab.snapshot();
  }

  /** Draw this challenge's containers and namespaces. */
  draw(options: DrawOptions & { all?: boolean } = {}): Promise<void> {
    return this.lab.draw(options);
  }

  /** Show what one step changed (as `lab.step`). */
  step(title: string, work: () => Promise<unknown>, options: DrawOptions & { all?: boolean } = {}): Promise<TopologyDiff> {
    return this.lab.step(title, work, options);
  }

  /** The path of one packet, hop by hop (as `lab.explain`; `{ prove: true }` sends one). */
  explain(from: string, to: string, options: ExplainOptions & { prove?: boolean } = {}): Promise<Explanation> {
    return this.lab.explain(from, to, options);
  }
}

/** Open a challenge in the current session (DNL_SESSION or your saved default). */
export const openChallenge = async (id: string, options: { readonly lang?: Lang } = {}): Promise<Challenge> => {
  const lang = options.lang ? parseLang(options.lang, "lang") : process.env.DNL_LANG ? parseLang(process.env.DNL_LANG, "DNL_LANG") : "en";
  const definition = findChallenge(id);
  const challenge = new Challenge(definition, await currentSessionId(), lang);
  const t = challengeTranslator(lang, definition.id).t;
  console.log(
    t(
      `Challenge ${definition.id} · ${t(definition.texts.title)} · ${t(definition.difficulty)}, about ${definition.minutes} min · session ${challenge.session}`,
    ),
  );
  return challenge;
};
