// `labs list|run|export` and `check`. The library is imported inside each action (see commands.ts).
import { readFile, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { CheckResult } from "../checks/check.js";
import { ExitCode, UsageError } from "../errors.js";
import type { Lang } from "../i18n/catalog.js";
import type { LabRunResult } from "../labs/run-lab.js";
import { chosenLang } from "./lang.js";
import { printJson, progress } from "./output.js";

// Check results as text in `lang` (render/check-report.js is small and loads no Plot).
const checkReportText = async (results: readonly CheckResult[], lang: Lang, lab: string): Promise<string> => {
  const [{ checkReportText: text }, { translateResult, translatorFor }] = await Promise.all([
    import("../render/check-report.js"),
    import("../labs/catalogs.js"),
  ]);
  const { t } = translatorFor(lang, lab);
  return text(
    results.map((result) => translateResult(result, t)),
    t,
  );
};

// Human summary of one lab run.
const printRun = async (result: LabRunResult, lang: Lang): Promise<void> => {
  const { t } = (await import("../labs/catalogs.js")).translatorFor(lang, result.lab);
  const duration = (result.notebook.durationMs / 1000).toFixed(1);
  process.stdout.write(
    `\n${t(`Lab ${result.lab} (session ${result.session}${result.solutions ? t(", reference solutions") : ""}): notebook ${result.notebook.status} in ${duration} s`)}\n`,
  );
  if (result.notebook.message) process.stdout.write(`  ${t(result.notebook.message)}\n`);
  for (const cell of result.notebook.cells.filter((c) => c.error))
    process.stdout.write(`  cell ${cell.id}: ${cell.error?.ename}: ${cell.error?.evalue.split("\n")[0]}\n`);
  process.stdout.write(`${await checkReportText(result.checks, lang, result.lab)}\n`);
};

/** Write a lab's learner notebook, or its answer key (solutions filled in), to a file, in English or Korean. */
export const exportNotebook = async (id: string, out: string, withSolutions: boolean, lang: Lang = "en"): Promise<void> => {
  const [{ findLab }, { notebookPath }, { answerKey }] = await Promise.all([
    import("../labs/registry.js"),
    import("../labs/notebook.js"),
    import("../labs/answer-key.js"),
  ]);
  const lab = findLab(id);
  const notebook = JSON.parse(
    await readFile(notebookPath(lab, lang), "utf8").catch((error: unknown) => {
      throw new UsageError(`Lab ${lab.id} has no notebook in language "${lang}" yet (${(error as Error).message}).`, {
        hint: "Use --lang en, or translate it (src/labs/source/README.md).",
      });
    }),
  ) as { cells: { id?: string; source: string | string[] }[] };
  if (withSolutions) {
    const solutions = answerKey(lab, lang);
    for (const cell of notebook.cells) if (cell.id && solutions[cell.id] !== undefined) cell.source = solutions[cell.id] as string;
  }
  await writeFile(out, `${JSON.stringify(notebook, null, 1)}\n`);
};

/** Add `labs …` and `check`. */
export const registerLabCommands = (program: Command, setExit: (code: number) => void): void => {
  const labsCommand = program.command("labs").description("List, run and export the lab notebooks.");
  labsCommand
    .command("list")
    .description("List the labs and the curriculum concepts each teaches.")
    .option("--json", "print as JSON")
    .action(async (options: { json?: boolean }) => {
      const { labs } = await import("../labs/registry.js");
      const rows = labs.map((lab) => ({ id: lab.id, slug: lab.slug, title: lab.title, concepts: lab.concepts, checks: lab.checks.map((c) => c.id) }));
      if (options.json) return printJson(rows);
      for (const row of rows) process.stdout.write(`${row.id}  ${row.slug.padEnd(24)} ${row.title}  (concepts ${row.concepts.join(", ")})\n`);
    });
  labsCommand
    .command("run")
    .description("Execute lab notebooks headless through the project kernel, check the live state, tear down. Exit 1 if a check fails.")
    .argument("[ids...]", "lab ids (default: all)")
    .option("--solutions", "fill in the reference solutions first")
    .option("--json", "print the results as JSON")
    .option("--lang <code>", "run the ko or en notebooks and print in that language (default: DNL_LANG, else the locale, else en)")
    .option("--cell-timeout <seconds>", "per-cell limit", "120")
    .option("--record-facts <dir>", "write the facts the judges read to DIR/labNN-solution.json (with --solutions) or labNN-blank.json, before teardown")
    .action(async (ids: string[], options: { solutions?: boolean; json?: boolean; lang?: string; cellTimeout: string; recordFacts?: string }) => {
      const lang = await chosenLang(options.lang);
      const [{ findLab, labs }, { engineInThisNamespace, preconditionsOf }, { runLab }, { preflight }] = await Promise.all([
        import("../labs/registry.js"),
        import("../labs/preconditions.js"),
        import("../labs/run-lab.js"),
        import("../setup/doctor.js"),
      ]);
      const chosen = ids.length ? ids.map(findLab) : [...labs];
      await preflight({ needEngineHere: chosen.some((lab) => preconditionsOf(lab).includes(engineInThisNamespace)) });
      const results: LabRunResult[] = [];
      for (const lab of chosen) {
        if (!options.json) progress(`running lab ${lab.id} (${lab.slug})${options.solutions ? " with the reference solutions" : ""}…`);
        const command = `docker-net-lab labs run ${lab.id}${options.solutions ? " --solutions" : ""} --record-facts DIR`;
        const result = await runLab(lab, {
          solutions: Boolean(options.solutions),
          lang,
          cellTimeoutS: Number(options.cellTimeout),
          log: progress,
          ...(options.recordFacts ? { recordFacts: { dir: options.recordFacts, command } } : {}),
        });
        results.push(result);
        if (!options.json) await printRun(result, lang);
      }
      if (options.json) {
        const { translateResult, translatorFor } = await import("../labs/catalogs.js");
        printJson(
          lang === "en"
            ? results
            : results.map((result) => ({ ...result, lang, checks: result.checks.map((check) => translateResult(check, translatorFor(lang, result.lab).t)) })),
        );
      }
      if (!results.every((r) => r.passed)) setExit(ExitCode.failed);
    });
  labsCommand
    .command("export")
    .description("Write a lab's learner notebook, or with --solutions its answer key, to a file.")
    .argument("<lab>", "lab id")
    .requiredOption("--out <file>", "where to write the notebook")
    .option("--solutions", "fill in the reference solutions")
    .option("--lang <code>", "ko or en (default: DNL_LANG, else the locale, else en)")
    .action(async (id: string, options: { out: string; solutions?: boolean; lang?: string }) => {
      await exportNotebook(id, options.out, Boolean(options.solutions), await chosenLang(options.lang));
      progress(`wrote ${options.out}`);
    });

  program
    .command("check")
    .description("Check the live state of a lab in your session (what the notebook's check cells do).")
    .argument("<lab>", "lab id")
    .option("--session <id>", "session id, 4 lowercase letters or digits (default: yours)")
    .option("--json", "print the results as JSON")
    .option("--lang <code>", "print in ko or en (default: DNL_LANG, else the locale, else en)")
    .action(async (id: string, options: { session?: string; json?: boolean; lang?: string }) => {
      const lang = await chosenLang(options.lang);
      const [{ findLab }, { requireSessionId }, { checkInSession }, { labContext }, { currentSessionId }, { totals }] = await Promise.all([
        import("../labs/registry.js"),
        import("../ownership.js"),
        import("../labs/hint-levels.js"),
        import("../labs/run-lab.js"),
        import("../labs/session.js"),
        import("../checks/check.js"),
      ]);
      const lab = findLab(id);
      if (options.session !== undefined) requireSessionId(options.session, "--session", "See your session id at the top of the lab notebook.");
      const results = await checkInSession(lab, lab.checks, labContext(lab, options.session ?? (await currentSessionId())));
      if (options.json) {
        const { translateResult, translatorFor } = await import("../labs/catalogs.js");
        const { t } = translatorFor(lang, lab.id);
        printJson({ lab: lab.id, lang, results: results.map((result) => translateResult(result, t)), ...totals(results) });
      } else process.stdout.write(`${await checkReportText(results, lang, lab.id)}\n`);
      if (!results.every((r) => r.passed)) setExit(ExitCode.failed);
    });
};
