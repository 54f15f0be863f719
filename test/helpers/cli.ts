// Run the real CLI as a subprocess (vitest style: one helper, returns {stdout, stderr, exitCode}).
import { execa } from "execa";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../dist/cli/bin.js", import.meta.url));

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** `docker-net-lab …args` with optional stdin and extra environment. */
export const runCli = async (args: readonly string[], options: { input?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<CliResult> => {
  const result = await execa(process.execPath, [bin, ...args], {
    reject: false,
    timeout: options.timeout ?? 300_000,
    cwd: repoRoot,
    ...(options.input === undefined ? { stdin: "ignore" as const } : { input: options.input }),
    env: { ...options.env },
  });
  return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? -1 };
};
