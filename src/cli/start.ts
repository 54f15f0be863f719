// `start`: set up, then run Jupyter on the labs folder (JupyterLab when installed, else Notebook).
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { EnvironmentError } from "../errors.js";
import { setup } from "../setup/doctor.js";
import { findJupyter } from "../setup/jupyter.js";
import { labsDir } from "../setup/paths.js";
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
  readonly token?: string;
}

/** The jupyter command line for a frontend. */
export const jupyterArgs = (frontend: "lab" | "notebook", port: number, options: StartOptions): string[] => {
  const app = frontend === "lab" ? "ServerApp" : "NotebookApp";
  return [
    frontend,
    `--notebook-dir=${labsDir()}`,
    `--port=${port}`,
    "--port-retries=0",
    `--ip=${options.ip}`,
    ...(options.openBrowser ? [] : ["--no-browser"]),
    ...(isRoot() ? ["--allow-root"] : []),
    ...(options.token !== undefined ? [`--${app}.token=${options.token}`] : []),
  ];
};

/** Run Jupyter in the foreground until it exits; resolves to its exit code. */
export const startJupyter = async (options: StartOptions): Promise<number> => {
  await setup(progress);
  const jupyter = await findJupyter();
  if (!jupyter) throw new EnvironmentError("Jupyter is not installed.", { hint: "Run `npx docker-net-lab setup` as root, or install JupyterLab." });
  const wanted = options.port ?? 8888;
  if (options.port !== undefined && !(await portFree(options.port, options.ip))) {
    throw new EnvironmentError(`Port ${options.port} is already in use.`, { hint: "Choose another one with --port, or leave --port out to take the next free port after 8888." });
  }
  const port = options.port ?? (await freePort(wanted, options.ip));
  if (port !== wanted) progress(`port ${wanted} is in use; using ${port}`);
  progress(`starting Jupyter ${jupyter.frontend === "lab" ? "Lab" : "Notebook"} on http://${options.ip}:${port}/ (the URL with its token follows); open a lab, pick the kernel "TypeScript (docker-net-lab)". Stop with Ctrl-C.`);
  const child = spawn(jupyter.jupyter, jupyterArgs(jupyter.frontend, port, options), { stdio: "inherit" });
  const stop = (): void => {
    child.kill("SIGINT");
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
};
