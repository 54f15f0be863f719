// `parse` and `clean`; `snapshot` and `explain` live in topology.ts.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { ExitCode, UsageError } from "../errors.js";
import { formatNames, formats } from "../parse/registry.js";
import { clean } from "../labs/clean.js";
import { printJson, progress } from "./output.js";
import { registerTopologyCommands } from "./topology.js";

// Read a file or stdin as text.
const readInput = async (file: string | undefined): Promise<string> => {
  try {
    if (file && file !== "-") return await readFile(file, "utf8");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file ?? "stdin"}: ${(error as Error).message}`, { hint: "Pass a readable file, or pipe the command's output in." });
  }
};

/** Add `snapshot` and `explain` (src/cli/topology.ts), `parse`, `clean`. */
export const registerToolCommands = (program: Command, setExit: (code: number) => void): void => {
  registerTopologyCommands(program, setExit);

  program
    .command("parse")
    .description(`Parse command output into JSON (stdin or FILE). Formats: ${formatNames.join(", ")}.`)
    .argument("<format>", "output format")
    .argument("[file]", "input file (default: stdin)")
    .option("--raw", "strings exactly as printed, no conversion")
    .action(async (format: string, file: string | undefined, options: { raw?: boolean }) => {
      const parser = (formats as Record<string, (typeof formats)[keyof typeof formats] | undefined>)[format];
      if (!parser) throw new UsageError(`Unknown format \`${format}\`.`, { hint: `Use one of: ${formatNames.join(", ")}.` });
      const text = await readInput(file);
      const result = parser.parse(text, { raw: Boolean(options.raw) });
      printJson(result.value);
      for (const problem of result.problems) process.stderr.write(`${problem.parser}: line ${problem.line}: ${problem.message}: ${problem.text}\n`);
    });

  program
    .command("clean")
    .description("Remove what docker-net-lab created (by label and name prefix), nothing else.")
    .option("--dry-run", "only list what would be removed")
    .option("--session <id>", "only this session's objects (4 lowercase letters or digits; default: your session)")
    .option("--all-sessions", "every session's objects")
    .action(async (options: { dryRun?: boolean; session?: string; allSessions?: boolean }) => {
      if (options.session && options.allSessions) throw new UsageError("Use either --session or --all-sessions, not both.", { hint: "Pick one." });
      const report = await clean(
        { dryRun: Boolean(options.dryRun), ...(options.session ? { session: options.session } : {}), allSessions: Boolean(options.allSessions) },
        progress,
      );
      printJson(report);
      if (report.errors.length) setExit(ExitCode.failed);
    });
};
