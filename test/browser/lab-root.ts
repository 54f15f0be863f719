// A Debian 13 (trixie) root with JupyterLab 4 from Debian's packages, in which `docker-net-lab start` serves the
// labs with this checkout's kernel: the checkout and the host's Node are bind-mounted at their own paths, the root
// shares the host's network namespace (the host's Chromium reaches JupyterLab on 127.0.0.1) and the kernel talks to
// the host's Docker engine through its socket, bound to /run/docker.sock inside the root.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { jupyterPackagesFor } from "../../src/setup/jupyter.js";
import { repoRoot } from "../helpers/cli.js";
import { ensureRootfs, rootfsArgv, type RootfsBind, type RootfsOptions } from "../helpers/rootfs.js";

/**
 * What the root holds: exactly what `setup` installs for Jupyter on Debian 13 (JupyterLab, nbclient…), the tools the
 * labs run (ip, iptables, nsenter, brctl, curl, the docker CLI), and dockerd + containerd for the private engines of
 * labs 07 and 08 (docker.io; never started as a service, policy-rc.d forbids it). Not busybox-static: the root shares
 * the host's engine, and setup rebuilds the shared toolbox image when the busybox-static installed "here" differs
 * from the one it was built from; the host's static /bin/busybox is bound in instead (see hostBusybox).
 */
export const labRootSpec: RootfsOptions = {
  suite: "trixie",
  packages: [...jupyterPackagesFor("lab"), "docker.io", "docker-cli", "iproute2", "iptables", "procps", "util-linux", "bridge-utils", "curl", "kmod"],
  // If the first install stops on a dependency gap (reported once for Debian 13's jupyterlab; not seen here on
  // 2026-12-02), the builder runs `apt-get -f install` and installs again.
  fix: true,
};

/** The Debian 13 root (built once with debootstrap + apt, then taken from the cache). */
export const ensureLabRoot = (log: (line: string) => void): Promise<string> => ensureRootfs({ ...labRootSpec, log });

/** The host's Docker socket: the path DOCKER_HOST names (unix://…), else /var/run/docker.sock. */
export const hostDockerSocket = (): string => {
  const host = process.env.DOCKER_HOST;
  if (host && !host.startsWith("unix://")) throw new Error(`DOCKER_HOST=${host} is not a unix socket: the JupyterLab root can only bind-mount a local socket.`);
  const socket = host ? host.slice("unix://".length) : "/var/run/docker.sock";
  if (!existsSync(socket)) throw new Error(`The Docker socket ${socket} does not exist: start the engine (npx docker-net-lab setup) first.`);
  return socket;
};

/** One run inside the root: its scratch directory (the root's /tmp) and the argv/env that run a command there. */
export interface LabRootRun {
  readonly root: string;
  /** Host directory mounted as the root's /tmp (HOME, Jupyter's runtime and data, the lab state live there). */
  readonly scratch: string;
  /** The argv that runs `argv` inside the root, with the root's own environment plus `extra` (nothing of the host's). */
  readonly argv: (argv: readonly string[], extra?: Record<string, string>) => string[];
  readonly dispose: () => Promise<void>;
}

/** Node as the host has it: the binary and npm (the kernel and the CLI run on it, as on the host). */
const hostNode = ["/usr/bin/node", "/usr/lib/node_modules/npm"];
/** The host's busybox-static (a static binary): the labs' hand-made namespaces run its ping, nc and httpd. */
const hostBusybox = "/bin/busybox";
/** Where host programs appear inside the root (on a fresh tmpfs, first on PATH). */
const hostBin = "/run/dnl-host/bin";

export const labRootRun = async (root: string): Promise<LabRootRun> => {
  for (const path of [...hostNode, hostBusybox])
    if (!existsSync(path))
      throw new Error(
        `${path} is missing: the JupyterLab root runs the kernel on the host's Node (/usr/bin/node, /usr/lib/node_modules/npm) and busybox (apt-get install busybox-static, or npx docker-net-lab setup).`,
      );
  if (process.execPath !== "/usr/bin/node")
    throw new Error(`The tests run on ${process.execPath}, but the JupyterLab root binds /usr/bin/node: run them with /usr/bin/node.`);
  const scratch = await mkdtemp(join(tmpdir(), "dnl-jlab-root-"));
  // The root's /tmp first: a checkout under /tmp (CI may clone there) is bound after it, so it stays visible.
  const binds: RootfsBind[] = [
    { source: scratch, target: "/tmp" },
    { source: repoRoot },
    { source: "/usr/bin/node", readOnly: true },
    { source: "/usr/lib/node_modules/npm", readOnly: true },
    { source: hostBusybox, target: `${hostBin}/busybox`, readOnly: true },
    { source: hostDockerSocket(), target: "/run/docker.sock" },
  ];
  return {
    root,
    scratch,
    argv: (argv, extra = {}) =>
      rootfsArgv(root, ["env", "-i", ...Object.entries({ ...inRootEnv(), ...extra }).map(([k, v]) => `${k}=${v}`), ...argv], { binds }),
    dispose: () => rm(scratch, { recursive: true, force: true }),
  };
};

// The base environment inside the root: its own PATH and HOME (under its /tmp, so the cached root stays as built),
// the engine through the bound socket.
const inRootEnv = (): Record<string, string> => ({
  PATH: `${hostBin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
  HOME: "/tmp/home",
  LANG: "C.UTF-8",
  DOCKER_HOST: "unix:///run/docker.sock",
  JUPYTER_DATA_DIR: "/tmp/home/.local/share/jupyter",
  JUPYTER_RUNTIME_DIR: "/tmp/home/.local/share/jupyter/runtime",
  JUPYTER_CONFIG_DIR: "/tmp/home/.jupyter",
  DNL_STATE_DIR: "/tmp/dnl-state",
  ...(process.env.CI ? { CI: process.env.CI } : {}),
});

/** Run a command inside the root to its end (stdout, stderr, exit code). */
export const runInRoot = async (
  run: LabRootRun,
  argv: readonly string[],
  extra: Record<string, string> = {},
  timeout = 120_000,
): Promise<{ stdout: string; stderr: string; exitCode: number }> => {
  const [file, ...args] = run.argv(argv, extra);
  const result = await execa(file as string, args, { reject: false, timeout, stdin: "ignore" });
  return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode: result.exitCode ?? 1 };
};
