// Registration of every sub-command; each action is a few lines calling the library.
//
// A command starts like a small tool: registering the commands, parsing arguments and `--help` load commander and
// these few files only, never the library. So a registration file imports at its top only node: built-ins, commander,
// errors.ts, output.ts and types (`import type`), and each action loads what it uses when it runs:
//
//   program
//     .command("challenge")
//     .description("…")
//     .argument("<lab>", "lab id")
//     .option("--lang <code>", "ko or en")
//     .action(async (id: string, options: { lang?: string }) => {
//       const { findLab } = await import("../labs/registry.js");
//       …
//     });
//
// A new group of commands goes in its own file with a `registerXCommands(program, setExit)` called below.
// test/cli/lazy-imports.test.ts fails when `--help`, `parse` or `snapshot --json` load Plot or dockerode.
import type { Command } from "commander";
import { ExitCode } from "../errors.js";
import type { DoctorItem } from "../setup/doctor.js";
import { printJson, progress } from "./output.js";
import { registerLabCommands } from "./labs.js";
import { registerGradeCommand } from "./grade.js";
import { registerChallengeCommands } from "./challenge.js";
import { registerToolCommands } from "./tools.js";

// Print doctor items as aligned text.
const printDoctor = (items: readonly DoctorItem[]): void => {
  const width = Math.max(...items.map((item) => item.name.length));
  for (const item of items) {
    process.stdout.write(`${item.ok ? "ok     " : "missing"}  ${item.name.padEnd(width)}  ${item.detail}\n`);
    if (!item.ok) process.stdout.write(`         ${"".padEnd(width)}  fix: ${item.fix}\n`);
  }
};

/** Add all sub-commands to the program. */
export const registerCommands = (program: Command, setExit: (code: number) => void): void => {
  program
    .command("doctor")
    .description("Check the engine, toolbox image, host tools, Jupyter and kernel; exit 2 if anything is missing.")
    .option("--json", "print the items as JSON")
    .action(async (options: { json?: boolean }) => {
      const { doctor } = await import("../setup/doctor.js");
      const items = await doctor();
      if (options.json) printJson({ ok: items.every((item) => item.ok), items });
      else printDoctor(items);
      if (!items.every((item) => item.ok)) setExit(ExitCode.environment);
    });

  program
    .command("setup")
    .description("Install and start what the labs need (engine as root, toolbox image, Jupyter, kernel). Safe to run again.")
    .option("--quiet", "print only problems")
    .option("--dev", "also install the tools the project's tests use (kernel test suite, chromium, jc)")
    .action(async (options: { quiet?: boolean; dev?: boolean }) => {
      const { setup } = await import("../setup/doctor.js");
      const items = await setup(options.quiet ? () => undefined : progress, { dev: Boolean(options.dev) });
      const missing = items.filter((item) => !item.ok && item.name !== "root");
      if (!options.quiet || missing.length) printDoctor(options.quiet ? missing : items);
      if (missing.length) setExit(ExitCode.environment);
    });

  program
    .command("start")
    .description("Set up, then serve the labs in JupyterLab (or Notebook) and print the URL.")
    .option("--port <port>", "port to listen on (default 8888, or the next free one)")
    .option("--ip <address>", "address to listen on", "127.0.0.1")
    .option("--no-browser", "do not open a browser")
    .option("--token <token>", "Jupyter's login token (default: Jupyter makes one and prints the URL with it)")
    .option("--lang <code>", "serve the labs in ko (labs/ko/) or en (labs/); default: DNL_LANG, else the locale (ko_KR… -> ko), else en")
    .action(async (options: { port?: string; ip: string; browser: boolean; token?: string; lang?: string }) => {
      const [{ startJupyter }, { chosenLang }] = await Promise.all([import("./start.js"), import("./lang.js")]);
      const lang = await chosenLang(options.lang);
      setExit(
        await startJupyter({
          lang,
          ...(options.port ? { port: Number(options.port) } : {}),
          ip: options.ip,
          openBrowser: options.browser,
          ...(options.token !== undefined ? { token: options.token } : {}),
        }),
      );
    });

  registerLabCommands(program, setExit);
  registerToolCommands(program, setExit);
  registerGradeCommand(program, setExit);
  registerChallengeCommands(program, setExit);
};
