// `parse` and `clean`; `snapshot` and `explain` live in topology.ts. The library is imported inside each action
// (see commands.ts); `parse` itself is in parse.ts.
import type { Command } from "commander";
import { ExitCode, UsageError } from "../errors.js";
import { formatNames } from "../parse/catalog.js";
import { printJson, progress } from "./output.js";
import { runParse } from "./parse.js";
import { registerTopologyCommands } from "./topology.js";

/** Add `snapshot` and `explain` (src/cli/topology.ts), `parse`, `clean`. */
export const registerToolCommands = (program: Command, setExit: (code: number) => void): void => {
  registerTopologyCommands(program, setExit);

  program
    .command("parse")
    .description(`Parse command output into JSON (stdin or FILE). Formats: ${formatNames.join(", ")}.`)
    .argument("<format>", "output format")
    .argument("[file]", "input file (default: stdin)")
    .option("--raw", "strings exactly as printed, no conversion")
    .action((format: string, file: string | undefined, options: { raw?: boolean }) => runParse(format, file, Boolean(options.raw)));

  program
    .command("clean")
    .description("Remove what docker-net-lab created (by label and name prefix), nothing else.")
    .option("--dry-run", "only list what would be removed")
    .option("--session <id>", "only this session's objects (4 lowercase letters or digits; default: your session)")
    .option("--all-sessions", "every session's objects")
    .action(async (options: { dryRun?: boolean; session?: string; allSessions?: boolean }) => {
      if (options.session && options.allSessions) throw new UsageError("Use either --session or --all-sessions, not both.", { hint: "Pick one." });
      const { clean } = await import("../labs/clean.js");
      const report = await clean(
        { dryRun: Boolean(options.dryRun), ...(options.session ? { session: options.session } : {}), allSessions: Boolean(options.allSessions) },
        progress,
      );
      printJson(report);
      if (report.errors.length) setExit(ExitCode.failed);
    });
};
