// `start`: set up, then run Jupyter on the labs folder (JupyterLab when installed, else the classic Notebook).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { EnvironmentError, UsageError } from "../errors.js";
import { setup } from "../setup/doctor.js";
import { findJupyter, frontendModule, frontendName, type Frontend, type JupyterInfo } from "../setup/jupyter.js";
import { labsDir } from "../setup/paths.js";
import { join } from "node:path";
import type { Lang } from "../i18n/catalog.js";
import { isRoot } from "../setup/system.js";
import { progress } from "./output.js";

// Is a TCP port free on this address?
const portFree = (port: number, host: string): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });

/** The first free port from `start` (tries 20). */
export const freePort = async (start: number, host: string): Promise<number> => {
  for (let port = start; port < start + 20; port++) if (await portFree(port, host)) return port;
  throw new EnvironmentError(`Ports ${start}-${start + 19} are all in use.`, { hint: "Pass --port with a free port." });
};

export interface StartOptions {
  readonly port?: number;
  readonly ip: string;
  readonly openBrowser: boolean;
  /** Jupyter's login token; when absent Jupyter makes one and prints the URL with it. */
  readonly token?: string;
  /** Which notebooks to serve: labs/ (English, the default) or labs/ko/ (Korean). */
  readonly lang?: Lang;
}

/** The folder `start` serves: labs/ for English, labs/ko/ for Korean (learner notebooks only, never an answer key). */
export const servedDir = (lang: Lang = "en"): string => (lang === "en" ? labsDir() : join(labsDir(), lang));

/** Check a `--token` value (URL-safe, at least 8 characters) and return it. */
export const validToken = (token: string): string => {
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(token)) {
    throw new UsageError(`Expected the \`--token\` option to be 8-128 letters, digits, "-" or "_", got \`${token}\`.`, {
      hint: "Leave --token out and Jupyter makes one for you.",
    });
  }
  return token;
};

/** The options of `jupyter lab` / `jupyter notebook` (after the subcommand). */
export const jupyterArgs = (frontend: Frontend, port: number, options: StartOptions): string[] => {
  const app = frontend === "lab" ? "ServerApp" : "NotebookApp";
  return [
    `--notebook-dir=${servedDir(options.lang)}`,
    `--port=${port}`,
    "--port-retries=0",
    `--ip=${options.ip}`,
    ...(options.openBrowser ? [] : ["--no-browser"]),
    ...(isRoot() ? ["--allow-root"] : []),
    ...(options.token !== undefined ? [`--${app}.token=${options.token}`] : []),
  ];
};

/** The URL a learner opens: JupyterLab's /lab or Notebook's /tree, with the token when we know it. */
export const jupyterUrl = (frontend: Frontend, ip: string, port: number, token?: string): string => {
  const wildcard = ["", "0.0.0.0", "::", "*"].includes(ip);
  const host = wildcard ? "127.0.0.1" : ip.includes(":") ? `[${ip}]` : ip;
  const query = token === undefined ? "" : `?token=${encodeURIComponent(token)}`;
  return `http://${host}:${port}/${frontend === "lab" ? "lab" : "tree"}${query}`;
};

/**
 * What `start` runs: `python -m jupyterlab` (that is `jupyter lab`) or `python -m notebook`, with the Python that has
 * Jupyter (Debian 13's jupyterlab package has no `jupyter` launcher), its arguments and the URL to open.
 */
export const launchPlan = (jupyter: JupyterInfo, port: number, options: StartOptions): { command: string; args: string[]; url: string } => ({
  command: jupyter.python,
  args: ["-m", frontendModule[jupyter.frontend], ...jupyterArgs(jupyter.frontend, port, options)],
  url: jupyterUrl(jupyter.frontend, options.ip, port, options.token),
});

/** Run Jupyter in the foreground until it exits; resolves to its exit code. */
export const startJupyter = async (options: StartOptions): Promise<number> => {
  if (options.token !== undefined) validToken(options.token);
  await setup(progress);
  const jupyter = await findJupyter();
  if (!jupyter) throw new EnvironmentError("Jupyter is not installed.", { hint: "Run `npx docker-net-lab setup` as root, or install JupyterLab." });
  const wanted = options.port ?? 8888;
  if (options.port !== undefined && !(await portFree(options.port, options.ip))) {
    throw new EnvironmentError(`Port ${options.port} is already in use.`, {
      hint: "Choose another one with --port, or leave --port out to take the next free port after 8888.",
    });
  }
  const port = options.port ?? (await freePort(wanted, options.ip));
  if (port !== wanted) progress(`port ${wanted} is in use; using ${port}`);
  const plan = launchPlan(jupyter, port, options);
  const name = `${frontendName[jupyter.frontend]}${jupyter.version ? ` ${jupyter.version}` : ""}`;
  const tokenNote = options.token === undefined ? " (Jupyter prints it with its token below)" : "";
  progress(`starting ${name}: open ${plan.url}${tokenNote}, then a lab's lab.ipynb; its kernel is "TypeScript (docker-net-lab)". Stop with Ctrl-C.`);
  const child = spawn(plan.command, plan.args, { stdio: "inherit" });
  const stop = (): void => {
    child.kill("SIGINT");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
};
