// `grade <dir|files…> --out DIR [--jobs N] [--lab ID] [--timeout S] [--cell-timeout S] [--only ID] [--roster CSV]`. The library is imported
// inside the action (see commands.ts).
import type { Command } from "commander";
import { EnvironmentError, ExitCode, UsageError } from "../errors.js";
import { progress } from "./output.js";

// A positive whole number option, or a usage error that says what was expected.
const positive = (name: string, value: string, max: number): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max)
    throw new UsageError(`Expected the \`${name}\` option to be a whole number from 1 to ${max}, got \`${value}\`.`, {
      hint: `For example: ${name} ${Math.min(max, name === "--jobs" ? 2 : 60)}.`,
    });
  return number;
};

/** Add `grade`. */
export const registerGradeCommand = (program: Command, setExit: (code: number) => void): void => {
  program
    .command("grade")
    .description(
      "Grade learners' notebooks: run each in its own session, check the live state with the grader's own (and hidden) checks, write gradebook.csv, gradebook.json, summary.html, gradebook-canvas.csv, feedback/*.html and results/*.json (Gradescope).",
    )
    .argument("<submissions...>", "folders of notebooks and/or notebook files")
    .requiredOption("--out <dir>", "where to write the gradebook and feedback")
    .option("--jobs <n>", "submissions graded at once (about one per CPU core)", "1")
    .option("--lab <id>", "the lab or challenge (c1…) being graded (for notebooks without docker-net-lab metadata; others are marked wrong-lab)")
    .option("--timeout <seconds>", "limit per notebook", "300")
    .option("--cell-timeout <seconds>", "limit per cell", "60")
    .option("--only <submission>", "re-grade only this submission (id, file name or path) and update the gradebook in --out in place")
    .option("--no-sandbox", "run submissions on the host with the learner's access to the engine (only on a disposable machine)")
    .option("--roster <csv>", "who handed in what, for gradebook-canvas.csv: columns submission, Student, ID, SIS User ID, SIS Login ID, Section")
    .addHelpText(
      "after",
      `
Examples:
  $ npx docker-net-lab grade submissions/ --out gradebook/ --jobs 2
  $ npx docker-net-lab grade alice.ipynb bob.ipynb --lab 01 --out gradebook/
  $ npx docker-net-lab grade submissions/ --out gradebook/ --only alice        # re-grade one, update in place
  $ npx docker-net-lab grade submissions/ --out gradebook/ --roster roster.csv # Canvas ids for the export

Each submission runs in a sandbox of its own (network namespace, private Docker engine, own mounts
and processes, cgroup limits; needs root): it cannot reach the host's engine, the other submissions
or the gradebook (see src/grade/README.md). --no-sandbox runs them with the host engine's access:
only on a disposable machine. The sandbox grades every lab and challenge; labs 07, 08 and challenge
c8 start an engine of their own, which runs nested inside the sandbox and goes with it.
Exit codes: 0 gradebook written, 2 usage or environment error.`,
    )
    .action(
      async (
        inputs: string[],
        options: { out: string; jobs: string; lab?: string; timeout: string; cellTimeout: string; only?: string; roster?: string; sandbox: boolean },
      ) => {
        const jobs = positive("--jobs", options.jobs, 16);
        const notebookTimeoutS = positive("--timeout", options.timeout, 86_400);
        const cellTimeoutS = positive("--cell-timeout", options.cellTimeout, 86_400);
        const [{ gradeAll }, { findGradable: findLab }, { engineInThisNamespace, preconditionsOf }, { preflight }] = await Promise.all([
          import("../grade/grade.js"),
          import("../grade/gradable.js"),
          import("../labs/preconditions.js"),
          import("../setup/doctor.js"),
        ]);
        const chosen = options.lab === undefined ? null : findLab(options.lab);
        const lab = chosen?.id ?? null;
        await preflight({ needEngineHere: chosen === null || preconditionsOf(chosen).includes(engineInThisNamespace) });
        if (!options.sandbox)
          progress(
            "warning: --no-sandbox: every submission runs with the host engine's access (root on this machine); it can remove your containers, other submissions and the gradebook. Grade like this only on a disposable machine.",
          );
        // First Ctrl-C: start nothing new, let running submissions tear down; second: leave at once.
        let interrupted = false;
        const onSignal = (): void => {
          if (interrupted) process.exit(130);
          interrupted = true;
          progress("\nstopping: running submissions finish and tear down (Ctrl-C again to quit now, then `npx docker-net-lab clean --all-sessions`)");
        };
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
        const result = await gradeAll(inputs, {
          out: options.out,
          jobs,
          lab,
          notebookTimeoutS,
          cellTimeoutS,
          only: options.only ?? null,
          roster: options.roster ?? null,
          interrupted: () => interrupted,
          noSandbox: !options.sandbox,
          ahead: process.env.DNL_GRADE_AHEAD !== "off",
        }).finally(() => {
          process.off("SIGINT", onSignal);
          process.off("SIGTERM", onSignal);
        });
        const total = result.rows.length;
        const graded = result.rows.filter((row) => row.status !== "not-graded" && row.status !== "environment").length;
        const { csv, json, summary, canvas, feedback, results } = result.files;
        progress(
          `gradebook: ${csv}, ${json} and ${summary}; ${canvas}; feedback in ${feedback}/, Gradescope results in ${results}/ (${graded}/${total} graded${options.only ? `; re-graded ${result.graded.map((row) => row.id).join(", ")}` : ""})`,
        );
        if (result.unmatched.length)
          progress(
            `note: ${result.unmatched.length} student(s) in ${canvas} have no Canvas ID, SIS User ID or SIS Login ID (${result.unmatched.slice(0, 5).join(", ")}${result.unmatched.length > 5 ? ", …" : ""}): Canvas cannot match them; pass --roster roster.csv (see src/grade/README.md).`,
          );
        if (result.stopped) throw result.stopped;
        if (interrupted)
          throw new EnvironmentError("Grading was interrupted; the rows not graded say so.", {
            hint: "Run the same grade command again (graded rows come out the same); `npx docker-net-lab clean --all-sessions` removes anything left behind.",
          });
        setExit(ExitCode.ok);
      },
    );
};
