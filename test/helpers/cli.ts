// Run the real CLI as a subprocess (vitest style: one helper, returns {stdout, stderr, exitCode}).
import { appendFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { execa } from "execa";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../dist/cli/bin.js", import.meta.url));

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `docker-net-lab …args` with optional stdin, extra environment and options for node itself (`nodeArgs`). */
export const runCli = async (
  args: readonly string[],
  options: { input?: string; env?: Record<string, string>; timeout?: number; nodeArgs?: readonly string[] } = {},
): Promise<CliResult> => {
  const result = await execa(process.execPath, [...(options.nodeArgs ?? []), bin, ...args], {
    reject: false,
    timeout: options.timeout ?? 300_000,
    cwd: repoRoot,
    ...(options.input === undefined ? { stdin: "ignore" as const } : { input: options.input }),
    env: { ...options.env },
  });
  const cli = { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? -1 };
  if (process.env.DNL_LAB_REPORT && ["labs", "challenge"].includes(String(args[0])) && args[1] === "run" && args.includes("--json"))
    await reportLabRun(process.env.DNL_LAB_REPORT, args, cli);
  return cli;
};

// The engine matrix (test/engines) collects what every `labs run … --json` of a lab test (and `challenge run … --json`
// of the challenges' test) reported: one JSON line per run.
const reportLabRun = async (file: string, args: readonly string[], cli: CliResult): Promise<void> => {
  let runs: { lab?: string; challenge?: string; passed: boolean; durationMs: number; checks: { id: string; passed: boolean }[] }[] = [];
  try {
    runs = JSON.parse(cli.stdout) as typeof runs;
  } catch {
    // A run that printed no JSON is reported with no checks; the test itself fails on it.
  }
  for (const run of runs.length ? runs : [{ lab: String(args[2]), passed: false, durationMs: 0, checks: [] }]) {
    const line = {
      lab: run.lab ?? run.challenge,
      solutions: args.includes("--solutions") || args.includes("--solution"),
      exitCode: cli.exitCode,
      passed: run.passed,
      durationMs: run.durationMs,
      checks: run.checks.length,
      checksPassed: run.checks.filter((check) => check.passed).length,
      failed: run.checks.filter((check) => !check.passed).map((check) => check.id),
    };
    await appendFile(file, `${JSON.stringify(line)}\n`);
  }
};
