// Facts about the machine the set-up depends on: root, Debian's apt, installed programs.
import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { run, timeouts } from "../exec/run.js";

// True when running as root (uid 0).
export const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

// Find an executable on PATH (or at an absolute path); null when absent.
export const which = async (program: string, path = process.env.PATH ?? ""): Promise<string | null> => {
  const candidates = program.includes("/") ? [program] : path.split(delimiter).filter(Boolean).map((dir) => join(dir, program));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
};

let aptUpdated = false;

// Install Debian packages (root only); runs `apt-get update` once per process.
export const aptInstall = async (packages: readonly string[], log: (line: string) => void): Promise<void> => {
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    log("apt-get update");
    await run("apt-get", ["update"], { timeout: timeouts.install, env });
    aptUpdated = true;
  }
  log(`apt-get install -y ${packages.join(" ")}`);
  await run("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { timeout: timeouts.install, env });
};
