// The devcontainers CLI (@devcontainers/cli), installed outside the repository so the project's lock stays untouched.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";

/** Pinned, so the test reads configurations the same way every time. */
export const devcontainerCliVersion = "0.89.0";
/** Where the CLI is installed (`npm install --prefix DIR @devcontainers/cli`); override with DNL_DEVCONTAINER_CLI_DIR. */
export const devcontainerCliDir = process.env.DNL_DEVCONTAINER_CLI_DIR ?? "/tmp/devcli";

/** Path of the `devcontainer` binary, installing the pinned CLI from the npm registry when missing. */
export const devcontainerCli = async (): Promise<string> => {
  const bin = join(devcontainerCliDir, "node_modules", ".bin", "devcontainer");
  const version = existsSync(bin) ? String((await execa(bin, ["--version"], { reject: false })).stdout).trim() : "";
  if (version !== devcontainerCliVersion) {
    const result = await execa("npm", ["install", "--prefix", devcontainerCliDir, "--no-audit", "--no-fund", `@devcontainers/cli@${devcontainerCliVersion}`], {
      reject: false,
      timeout: 300_000,
    });
    if (result.exitCode !== 0)
      throw new Error(`Could not install @devcontainers/cli@${devcontainerCliVersion} into ${devcontainerCliDir}:\n${String(result.stderr)}`);
  }
  return bin;
};
