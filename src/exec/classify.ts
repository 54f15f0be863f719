// Failure classification in one place (like np's handle-npm-error): stderr patterns -> message + next step.
import { EnvironmentError, isDnlError, type DnlError } from "../errors.js";

/** What a finished command left behind; the same fields on success and on failure. */
export interface RunResult {
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly timedOut: boolean;
}

const runningAsRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

/** The command that fixes a stopped engine, for messages (the adapter, the runners and setup say the same). */
export const engineFix = (): string =>
  process.env.DOCKER_HOST
    ? `start the engine that DOCKER_HOST=${process.env.DOCKER_HOST} points to, or unset DOCKER_HOST`
    : runningAsRoot()
      ? "npx docker-net-lab setup   (installs Debian's docker.io if needed and starts dockerd)"
      : "start Docker (e.g. `sudo systemctl start docker`, or `sudo npx docker-net-lab setup`)";

/** The fix for an engine that does not answer, given what the client said (permission denied is not "start it"). */
export const engineFixFor = (detail: string): string =>
  /permission denied/i.test(detail)
    ? "run as root (the labs need it for namespaces and iptables), e.g. `sudo npx docker-net-lab …`, or in the devcontainer"
    : /not installed/i.test(detail) && !runningAsRoot()
      ? "install Docker (`sudo apt-get install docker.io`) or run `sudo npx docker-net-lab setup`"
      : engineFix();

interface Rule {
  readonly match: RegExp;
  readonly message: string;
  readonly hint: string;
  /** True when the cause is the environment (exit code 2), not the learner's command. */
  readonly environment: boolean;
}

const rules: readonly Rule[] = [
  {
    match: /Cannot connect to the Docker daemon|Is the docker daemon running|docker\.sock: connect: (no such file|connection refused)/i,
    message: "The Docker engine is not running.",
    hint: "Run `npx docker-net-lab setup` (as root it starts dockerd), or start your engine, then try again.",
    environment: true,
  },
  {
    match: /permission denied while trying to connect to the Docker daemon/i,
    message: "You may not talk to the Docker engine.",
    hint: "Run as root, or add your user to the `docker` group (`sudo usermod -aG docker $USER`, then log in again).",
    environment: true,
  },
  {
    match: /^(docker|ip|iptables|iptables-save|nsenter|brctl|bridge|jupyter): command not found/m,
    message: "A required program is not installed.",
    hint: "Run `npx docker-net-lab doctor` to see what is missing and the command that installs it.",
    environment: true,
  },
  {
    match: /Operation not permitted|must be root|Permission denied \(you must be root\)|you must be root/i,
    message: "This step needs root (network namespaces, iptables and veths are kernel objects).",
    hint: "Run the labs as root, for example inside the devcontainer, or with sudo.",
    environment: true,
  },
  {
    match: /Unmet dependencies|you have held broken packages|dpkg was interrupted|apt-get -f install|--fix-broken/i,
    message: "apt could not install the packages (unmet dependencies, or an install that was interrupted).",
    hint: "Run `apt-get -f install` (it finishes or repairs the interrupted install), then run `npx docker-net-lab setup` again.",
    environment: true,
  },
  {
    match: /no space left on device|ENOSPC/i,
    message: "The disk is full.",
    hint: "Free some space (`docker system df` shows what Docker uses; `npx docker-net-lab clean` removes lab leftovers), or set TMPDIR to a larger disk, then run the command again.",
    environment: true,
  },
  {
    match: /port is already allocated|address already in use/i,
    message: "The host port is already in use.",
    hint: "Pick another host port (the lab helpers choose a free one: `lab.port()`), or stop what is listening there.",
    environment: false,
  },
  {
    match: /Conflict\. The container name .* is already in use/i,
    message: "A container with that name already exists.",
    hint: "Use the lab's own names (`lab.name(...)`) so you never clash with your other containers; run the lab's setup cell again to reuse it.",
    environment: false,
  },
  {
    match: /Pool overlaps with other one on this address space|overlaps with/i,
    message: "That subnet overlaps a network that already exists.",
    hint: "Use the subnet the lab chose for you (`lab.subnet(...)`), which is checked to be free.",
    environment: false,
  },
  {
    match: /No such container|No such network|No such object/i,
    message: "Docker does not know that container or network.",
    hint: "Check the name with `docker ps -a` / `docker network ls`; run the lab's setup cell if you restarted the kernel.",
    environment: false,
  },
];

// Turn a failed command into a short message and the next step.
export const classifyFailure = (result: RunResult): { message: string; hint: string; environment: boolean } => {
  const text = `${result.stderr}\n${result.stdout}`;
  if (result.timedOut) {
    return {
      message: `\`${result.command}\` did not finish in time and was stopped.`,
      hint: "Check that the Docker engine answers (`docker info`); a container waiting for input or a ping without -c never ends.",
      environment: false,
    };
  }
  const rule = rules.find((candidate) => candidate.match.test(text));
  const detail = result.stderr.trim().split("\n").slice(-3).join("\n");
  if (rule) return { message: `${rule.message}\n  command: ${result.command}\n  said: ${detail}`, hint: rule.hint, environment: rule.environment };
  return {
    message: `\`${result.command}\` failed with exit code ${result.exitCode}${detail ? `:\n  ${detail}` : "."}`,
    hint: "Read the command's message above; `npx docker-net-lab doctor` checks the environment.",
    environment: false,
  };
};

// Node system error codes that mean the machine, not the command, is at fault.
const systemErrors: Readonly<Record<string, { message: string; hint: string }>> = {
  ENOSPC: {
    message: "The disk is full",
    hint: "Free some space (`docker system df` shows what Docker uses), or set TMPDIR to a larger disk, then run the command again.",
  },
  EROFS: { message: "The file system is read-only", hint: "Set DNL_STATE_DIR (and TMPDIR) to a writable folder." },
  EACCES: { message: "Permission denied", hint: "Run as root (the labs need it), or set DNL_STATE_DIR to a folder you own." },
  EMFILE: { message: "Too many open files", hint: "Raise the limit (`ulimit -n 4096`) or grade with fewer --jobs." },
};

/** A Node system error (ENOSPC, EROFS, EACCES, EMFILE) as an environment error with a next step; null for anything else. */
export const classifySystemError = (error: unknown): DnlError | null => {
  if (isDnlError(error)) return null;
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === "string" ? systemErrors[code] : undefined;
  if (!known) return null;
  return new EnvironmentError(`${known.message}: ${(error as Error).message}`, { hint: known.hint, cause: error });
};
