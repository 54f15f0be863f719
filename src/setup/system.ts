// Facts about the machine the set-up depends on: root, Debian's apt, installed programs.
import { access, constants } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { run, timeouts } from "../exec/run.js";

// True when running as root (uid 0).
export const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

// Find an executable on PATH (or at an absolute path); null when absent.
export const which = async (program: string, path = process.env.PATH ?? ""): Promise<string | null> => {
  const candidates = program.includes("/")
    ? [program]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, program));
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
const aptEnv = { DEBIAN_FRONTEND: "noninteractive" };

// `apt-get update`, once per process (package lists of a fresh machine may be empty or old).
export const aptUpdate = async (log: (line: string) => void): Promise<void> => {
  if (aptUpdated) return;
  log("apt-get update");
  await run("apt-get", ["update"], { timeout: timeouts.install, env: aptEnv });
  aptUpdated = true;
};

// Install Debian packages (root only); runs `apt-get update` once per process.
export const aptInstall = async (packages: readonly string[], log: (line: string) => void): Promise<void> => {
  await aptUpdate(log);
  log(`apt-get install -y ${packages.join(" ")}`);
  await run("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { timeout: timeouts.install, env: aptEnv });
};

/** One package as `apt-cache policy` shows it; a version is null where apt prints `(none)`. */
export interface AptPolicy {
  readonly installed: string | null;
  readonly candidate: string | null;
}

/**
 * `apt-cache policy NAME…` text -> the installed and candidate version per package. A package apt does not know is
 * not in the output at all (apt prints nothing for it), so it is absent from the result.
 *
 *   jupyterlab:
 *     Installed: (none)
 *     Candidate: 4.0.11+ds1+~cs11.25.27-7      -> { jupyterlab: { installed: null, candidate: "4.0.11+ds1+~cs11.25.27-7" } }
 */
export const parseAptPolicy = (text: string): Record<string, AptPolicy> => {
  const result: Record<string, AptPolicy> = {};
  let name: string | null = null;
  let fields: { installed: string | null; candidate: string | null } = { installed: null, candidate: null };
  const version = (value: string): string | null => (value === "(none)" || value === "" ? null : value);
  for (const line of text.split("\n")) {
    const header = /^(\S+):$/.exec(line);
    if (header) {
      name = header[1] as string;
      fields = { installed: null, candidate: null };
      result[name] = fields;
      continue;
    }
    const field = /^ {2}(Installed|Candidate): (.*)$/.exec(line);
    if (name && field) fields[field[1] === "Installed" ? "installed" : "candidate"] = version((field[2] as string).trim());
  }
  return result;
};

/** The version apt would install for a package, null when this distribution has none. Read-only (no update). */
export const aptCandidate = async (pkg: string): Promise<string | null> => {
  if (!(await which("apt-cache"))) return null;
  const result = await run("apt-cache", ["policy", pkg], { reject: false, timeout: 30_000 });
  return result.exitCode === 0 ? (parseAptPolicy(result.stdout)[pkg]?.candidate ?? null) : null;
};
