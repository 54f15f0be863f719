// docker-net-lab command line: parses arguments and hands each command to its module.
import { Command, CommanderError } from "commander";
import { ExitCode } from "../errors.js";
import { packageVersion } from "../setup/paths.js";
import { reportError } from "./output.js";
import { registerCommands } from "./commands.js";

/** Build the program (exported for tests of --help text). */
export const buildProgram = (setExit: (code: number) => void): Command => {
  const program = new Command("docker-net-lab")
    .description("Hands-on Docker networking labs: real engine, parsed output, drawn topology, graded checks.")
    .version(packageVersion)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerCommands(program, setExit);
  program.addHelpText(
    "after",
    `
Examples:
  $ npx docker-net-lab setup                 # engine, toolbox image, Jupyter, kernel (idempotent)
  $ npx docker-net-lab doctor                # what is ready, and the fix for what is not
  $ npm start                                # open the labs in JupyterLab / Notebook
  $ npx docker-net-lab labs run 01 --solutions
  $ ip -j -d addr | npx docker-net-lab parse ip-addr
  $ npx docker-net-lab snapshot --svg host.svg
  $ npx docker-net-lab clean --dry-run

Exit codes: 0 ok, 1 a check or test failed, 2 usage or environment error.`,
  );
  return program;
};

/** Run the CLI with arguments; resolves to the exit code. */
export const main = async (argv: readonly string[]): Promise<number> => {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return ExitCode.ok;
      return ExitCode.environment;
    }
    return reportError(error);
  }
};
