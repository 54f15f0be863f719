// Jupyter: find it (the Python that has it, not just the first python3), install Debian's when root.
import { EnvironmentError } from "../errors.js";
import { run } from "../exec/run.js";
import { aptInstall, isRoot, which } from "./system.js";

export interface JupyterInfo {
  /** The jupyter launcher. */
  readonly jupyter: string;
  /** The Python interpreter that has jupyter_client and nbclient. */
  readonly python: string;
  /** `lab` when JupyterLab is installed, else `notebook`. */
  readonly frontend: "lab" | "notebook";
}

/** Debian packages that provide what the labs need. */
export const jupyterPackages = ["jupyter-notebook", "python3-nbconvert", "python3-nbclient", "python3-jupyter-client", "python3-nbformat", "python3-ipykernel"] as const;

// Python interpreters to try, Debian's first (the first python3 on PATH may be a pyenv without Jupyter).
const pythonCandidates = async (): Promise<string[]> => {
  const found = [process.env.DNL_PYTHON, "/usr/bin/python3", await which("python3")].filter((path): path is string => Boolean(path));
  return [...new Set(found)];
};

// Does this interpreter import what `labs run` needs?
const hasModules = async (python: string, modules: readonly string[]): Promise<boolean> =>
  (await run(python, ["-c", `import ${modules.join(", ")}`], { reject: false, timeout: 20_000 })).exitCode === 0;

/** Find a working Jupyter; null when missing. Never throws. */
export const findJupyter = async (): Promise<JupyterInfo | null> => {
  for (const python of await pythonCandidates()) {
    if (!(await hasModules(python, ["jupyter_client", "nbclient", "nbformat", "notebook"]))) continue;
    const jupyter = python === "/usr/bin/python3" ? "/usr/bin/jupyter" : ((await which("jupyter")) ?? "jupyter");
    const lab = await hasModules(python, ["jupyterlab"]);
    return { jupyter, python, frontend: lab ? "lab" : "notebook" };
  }
  return null;
};

/** Make sure Jupyter is there; as root install Debian's packages. */
export const ensureJupyter = async (log: (line: string) => void): Promise<JupyterInfo> => {
  const found = await findJupyter();
  if (found) return found;
  if (!isRoot()) {
    throw new EnvironmentError("Jupyter (notebook, nbclient, jupyter_client) is not installed.", {
      hint: `Install it: \`sudo apt-get install ${jupyterPackages.join(" ")}\` (or pip install jupyterlab nbclient), then run \`npx docker-net-lab setup\`.`,
    });
  }
  log("installing Debian's Jupyter Notebook, nbconvert and nbclient");
  await aptInstall(jupyterPackages, log);
  const installed = await findJupyter();
  if (!installed) throw new EnvironmentError("Jupyter was installed but cannot be imported by /usr/bin/python3.", { hint: "Run `/usr/bin/python3 -c 'import nbclient'` to see why." });
  return installed;
};
