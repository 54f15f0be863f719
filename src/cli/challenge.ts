// `challenge list|start|check|hint|reset|teardown|engine|export|grade|run`: the challenges from a terminal. Like every
// registration file (see commands.ts), it imports no library at its top: each action loads what it uses.
import type { Command } from "commander";
import type { CheckResult } from "../checks/check.js";
import type { ChallengeRunResult } from "../challenges/runtime.js";
import { ExitCode, UsageError } from "../errors.js";
import type { Lang } from "../i18n/catalog.js";
import { chosenLang } from "./lang.js";
import { printJson, progress } from "./output.js";

// The translator of a challenge in `lang` (English: every string as it is).
const translator = async (lang: Lang, id?: string): Promise<(text: string) => string> =>
  (await import("../challenges/catalogs.js")).challengeTranslator(lang, id).t;

// Results in `lang` (ids, points and evidence stay).
const translated = async (results: readonly CheckResult[], lang: Lang, id: string): Promise<CheckResult[]> => {
  if (lang === "en") return [...results];
  const [{ translateResult }, t] = await Promise.all([import("../labs/catalogs.js"), translator(lang, id)]);
  return results.map((result) => translateResult(result, t));
};

// The report as text, with the terminal's way to ask for the next hint.
const report = async (id: string, results: readonly CheckResult[], lang: Lang = "en"): Promise<string> =>
  (await import("../render/check-report.js"))
    .checkReportText(await translated(results, lang, id), await translator(lang, id))
    .replace(/await lab\.hint\(("[^"]+")\)/g, (_all, check: string) => `docker-net-lab challenge hint ${id} ${JSON.parse(check) as string}`);

// The session to work in: --session, else DNL_SESSION or the saved default.
const sessionOf = async (options: { session?: string }): Promise<string> => {
  if (options.session !== undefined)
    return (await import("../ownership.js")).requireSessionId(options.session, "--session", "Use the session id `challenge start` printed.");
  return (await import("../labs/session.js")).currentSessionId();
};

// A challenge opened in a session, with what the action needs.
const open = async (id: string, options: { session?: string }, log?: (line: string) => void) => {
  const [{ findChallenge }, { ChallengeRun }] = await Promise.all([import("../challenges/registry.js"), import("../challenges/runtime.js")]);
  const definition = findChallenge(id);
  return { definition, run: new ChallengeRun(definition, await sessionOf(options), log) };
};

// Human summary of one headless run.
const printRun = async (result: ChallengeRunResult): Promise<void> => {
  process.stdout.write(
    `\nChallenge ${result.challenge} (session ${result.session}${result.solution ? ", reference solution" : ", starting state"}): ${result.passed ? "passed" : "not passed"} in ${(result.durationMs / 1000).toFixed(1)} s\n`,
  );
  if (result.error) process.stdout.write(`  ${result.error}\n`);
  process.stdout.write(`${await report(result.challenge, result.checks)}\n`);
};

// `start` and `reset`: build (or rebuild) the starting state, then print the brief with the learner's values.
const briefAfter = (step: "start" | "reset") => async (id: string, options: { session?: string; lang?: string }) => {
  const lang = await chosenLang(options.lang);
  const { definition, run } = await open(id, options, progress);
  const { briefText } = await import("../challenges/brief.js");
  const t = await translator(lang, definition.id);
  const values = step === "start" ? await run.start() : await run.reset();
  const next = step === "start" ? `\n\n${t(`When you think it is done: docker-net-lab challenge check ${definition.id}`)}` : "";
  process.stdout.write(`${briefText(definition, values, t)}${next}\n`);
};

const sessionOption = ["--session <id>", "session id, 4 lowercase letters or digits (default: yours)"] as const;
const langOption = ["--lang <code>", "print in ko or en (default: DNL_LANG, else the locale, else en)"] as const;

/** Add `challenge …`. */
export const registerChallengeCommands = (program: Command, setExit: (code: number) => void): void => {
  const command = program
    .command("challenge")
    .description("Goal-state challenges: a brief, a starting state in your session, checks of the live state with hints in levels.")
    .addHelpText(
      "after",
      `
Examples:
  $ npx docker-net-lab challenge list
  $ npx docker-net-lab challenge start c1        # build the starting state, print the brief and your values
  $ npx docker-net-lab challenge check c1        # what is still missing (one hint level more per failure)
  $ npx docker-net-lab challenge hint c1         # the next hint level of the first failing check
  $ npx docker-net-lab challenge reset c1        # back to the starting state
  $ npx docker-net-lab challenge teardown c1     # remove everything of the challenge
  $ npx docker-net-lab challenge run c1 --solution --json              # headless, in a fresh session (tests, instructors)
  $ npx docker-net-lab challenge export c1 --solution --out key.ipynb  # the answer key (grade takes challenge notebooks)
  $ npx docker-net-lab challenge grade c1 --session ab12 --json        # an instructor re-checks a terminal learner's live session`,
    );

  command
    .command("list")
    .description("List the challenges: id, title, difficulty, expected time, checks.")
    .option("--json", "print as JSON")
    .option(...langOption)
    .action(async (options: { json?: boolean; lang?: string }) => {
      const lang = await chosenLang(options.lang);
      const [{ challenges }, { challengeTranslator }] = await Promise.all([import("../challenges/registry.js"), import("../challenges/catalogs.js")]);
      const rows = challenges.map((c) => {
        const { t } = challengeTranslator(lang, c.id);
        return {
          id: c.id,
          slug: c.slug,
          title: t(c.texts.title),
          difficulty: c.difficulty,
          minutes: c.minutes,
          concepts: c.concepts,
          labs: c.labs,
          goal: t(c.texts.goal),
          checks: c.checks.map((check) => ({ id: check.id, title: t(check.title), points: check.points })),
        };
      });
      if (options.json) return printJson(lang === "en" ? rows : rows.map((row) => ({ ...row, lang })));
      const { t } = challengeTranslator(lang);
      for (const row of rows)
        process.stdout.write(
          lang === "en"
            ? `${row.id}  ${row.slug.padEnd(22)} ${row.difficulty.padEnd(6)} ~${String(row.minutes).padStart(2)} min  ${row.title}  (${row.checks.length} checks)\n`
            : `${row.id}  ${row.slug.padEnd(22)} ${t(row.difficulty).padEnd(4)} ~${String(row.minutes).padStart(2)}${t(" min")}  ${row.title}  ${t(`(${row.checks.length} checks)`)}\n`,
        );
    });

  command
    .command("start")
    .description("Build the challenge's starting state in your session (safe to run twice) and print the brief with your values.")
    .argument("<id>", "challenge id (c1) or slug")
    .option(...sessionOption)
    .option(...langOption)
    .action(briefAfter("start"));

  command
    .command("check")
    .description("Check the live state of a challenge in your session; exit 1 while a check fails.")
    .argument("<id>", "challenge id")
    .option(...sessionOption)
    .option("--json", "print the results (and the facts they judged) as JSON")
    .option(...langOption)
    .action(async (id: string, options: { session?: string; json?: boolean; lang?: string }) => {
      const lang = await chosenLang(options.lang);
      const { definition, run } = await open(id, options);
      const { results, gathered } = await run.check();
      if (options.json) {
        const { totals } = await import("../checks/check.js");
        const shown = await translated(results, lang, definition.id);
        printJson({
          challenge: definition.id,
          session: run.session,
          ...(lang === "en" ? {} : { lang }),
          results: shown,
          ...totals(results),
          facts: gathered.ok ? gathered.facts : null,
        });
      } else process.stdout.write(`${await report(definition.id, results, lang)}\n`);
      if (!results.every((r) => r.passed)) setExit(ExitCode.failed);
    });

  command
    .command("hint")
    .description("Show the next hint level of a check (default: the first failing one); the exact command comes last.")
    .argument("<id>", "challenge id")
    .argument("[check]", "check id, e.g. c1.lan-reaches")
    .option(...sessionOption)
    .option(...langOption)
    .action(async (id: string, check: string | undefined, options: { session?: string; lang?: string }) => {
      const lang = await chosenLang(options.lang);
      const { definition, run } = await open(id, options);
      const result = await run.hint(check);
      process.stdout.write(
        result ? `${await report(definition.id, [result], lang)}\n` : `${(await translator(lang, definition.id))("Every check passes: no hint to give.")}\n`,
      );
    });

  command
    .command("reset")
    .description("Back to the starting state: remove everything of the challenge in your session, then build the start again.")
    .argument("<id>", "challenge id")
    .option(...sessionOption)
    .option(...langOption)
    .action(briefAfter("reset"));

  command
    .command("teardown")
    .description("Remove everything the challenge made in your session (containers, networks, namespaces, links, rules, its engine).")
    .argument("<id>", "challenge id")
    .option(...sessionOption)
    .option(...langOption)
    .action(async (id: string, options: { session?: string; lang?: string }) => {
      const lang = await chosenLang(options.lang);
      const { definition, run } = await open(id, options, progress);
      const removed = await run.teardown();
      const t = await translator(lang, definition.id);
      process.stdout.write(
        `${t(`removed ${removed.containers.length} container(s), ${removed.networks.length} network(s) and the challenge's kernel objects of session ${run.session}`)}\n`,
      );
    });

  command
    .command("engine")
    .description("Restart the challenge's private engine with new dockerd options (what editing daemon.json and restarting does).")
    .argument("<id>", "challenge id (one that runs on a private engine)")
    .option("--bip <cidr>", "docker0's address and prefix, e.g. 10.1.2.1/24")
    .option("--default-address-pool <base,size>", "where networks without --subnet get theirs, e.g. 10.99.0.0/16,24")
    .option(...sessionOption)
    .action(async (id: string, options: { bip?: string; defaultAddressPool?: string; session?: string }) => {
      const pool = options.defaultAddressPool?.split(",");
      if (pool && (pool.length !== 2 || !Number.isInteger(Number(pool[1]))))
        throw new UsageError(`Expected --default-address-pool to be BASE,SIZE (e.g. 10.99.0.0/16,24), got \`${options.defaultAddressPool}\`.`, {
          hint: "Give the pool's base CIDR and the prefix length of each network, separated by a comma.",
        });
      const { definition, run } = await open(id, options, progress);
      if (!definition.solution.some((step) => "engine" in step || "esh" in step))
        throw new UsageError(`Challenge ${definition.id} does not run on a private engine.`, { hint: "Use docker and ip as the brief says." });
      const engine = (await import("../challenges/runtime.js")).challengeEngine(run.context);
      await engine.restart({
        ...(options.bip ? { bip: options.bip } : {}),
        ...(pool ? { defaultAddressPools: [{ base: pool[0] as string, size: Number(pool[1]) }] } : {}),
      });
      process.stdout.write(`the private engine runs again: docker -H ${engine.host} …\n`);
    });

  command
    .command("export")
    .description("Write a challenge's learner notebook, or with --solution its answer key (the working area solved), to a file.")
    .argument("<id>", "challenge id")
    .requiredOption("--out <file>", "where to write the notebook")
    .option("--solution", "fill the working area with the reference solution")
    .action(async (id: string, options: { out: string; solution?: boolean }) => {
      const [{ findChallenge }, { challengeAnswerKey, challengeNotebook }, { mkdir, writeFile }, { dirname }] = await Promise.all([
        import("../challenges/registry.js"),
        import("../challenges/notebook.js"),
        import("node:fs/promises"),
        import("node:path"),
      ]);
      const definition = findChallenge(id);
      const notebook = JSON.parse(challengeNotebook(definition)) as { cells: { id?: string; source: string | string[] }[] };
      if (options.solution) {
        const key = challengeAnswerKey(definition);
        for (const cell of notebook.cells) if (cell.id && key[cell.id] !== undefined) cell.source = key[cell.id] as string;
      }
      await mkdir(dirname(options.out), { recursive: true });
      await writeFile(options.out, `${JSON.stringify(notebook, null, 1)}\n`);
      progress(`wrote ${options.out}`);
    });

  command
    .command("grade")
    .description(
      "Grade a terminal learner's live session: the grader's own checks of the state, every hint level but the command, nothing counted or changed. Exit 1 while a check fails.",
    )
    .argument("<id>", "challenge id")
    .requiredOption("--session <id>", "the learner's session id (what `challenge start` printed)")
    .option("--json", "print the results as JSON")
    .action(async (id: string, options: { session: string; json?: boolean }) => {
      const { definition, run } = await open(id, options);
      const { results } = await run.judgeAll();
      const { totals } = await import("../checks/check.js");
      if (options.json) printJson({ challenge: definition.id, session: run.session, results, ...totals(results) });
      else process.stdout.write(`${await report(definition.id, results)}\n`);
      if (!results.every((r) => r.passed)) setExit(ExitCode.failed);
    });

  command
    .command("run")
    .description(
      "Headless, in a fresh session: build the start, apply the reference solution with --solution, check as the grader does, tear down. Exit 1 if a check fails.",
    )
    .argument("[ids...]", "challenge ids (default: all)")
    .option("--solution", "apply the reference solution before checking")
    .option("--json", "print the results as JSON")
    .action(async (ids: string[], options: { solution?: boolean; json?: boolean }) => {
      const [{ challenges, findChallenge }, { runChallenge }, { newSessionId }] = await Promise.all([
        import("../challenges/registry.js"),
        import("../challenges/runtime.js"),
        import("../labs/session.js"),
      ]);
      const chosen = ids.length ? ids.map(findChallenge) : [...challenges];
      const results: ChallengeRunResult[] = [];
      for (const definition of chosen) {
        if (!options.json) progress(`running challenge ${definition.id} (${definition.slug})${options.solution ? " with the reference solution" : ""}…`);
        const result = await runChallenge(definition, { session: newSessionId(), solution: Boolean(options.solution), log: progress });
        results.push(result);
        if (!options.json) await printRun(result);
      }
      if (options.json) printJson(results);
      if (!results.every((r) => r.passed)) setExit(ExitCode.failed);
    });
};
