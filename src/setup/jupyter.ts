// Jupyter: find it (the Python that has it, not just the first python3), install the distribution's when root:
// JupyterLab where the distribution has it (Debian 13: `jupyterlab`), else the classic Notebook (Debian 12).
import { EnvironmentError } from "../errors.js";
import { run } from "../exec/run.js";
import { aptCandidate, aptInstall, aptUpdate, isRoot, which } from "./system.js";

export type Frontend = "lab" | "notebook";

export interface JupyterInfo {
  /** The Python interpreter that has jupyter_client, nbclient and a frontend; `start` runs `python -m <frontend module>`. */
  readonly python: string;
  /** The frontend `start` serves: `lab` when JupyterLab is importable, else `notebook`. */
  readonly frontend: Frontend;
  /** Version of that frontend (e.g. "4.0.11"), "" when the module has none. */
  readonly version: string;
}

/** Modules `labs run`, `grade` and the kernelspec need, whichever frontend serves the labs. */
export const requiredModules = ["jupyter_client", "jupyter_core", "nbclient", "nbformat"] as const;
/** The Python module of each frontend (`python -m jupyterlab` is `jupyter lab`; Debian's jupyterlab has no `jupyter`). */
export const frontendModule: Readonly<Record<Frontend, string>> = { lab: "jupyterlab", notebook: "notebook" };
/** How people call each frontend. */
export const frontendName: Readonly<Record<Frontend, string>> = { lab: "JupyterLab", notebook: "Jupyter Notebook" };

/** What one Python can import: module -> version ("" without __version__), null when the import fails. */
export type ModuleVersions = Readonly<Record<string, string | null>>;

/** The frontend this Python would serve (JupyterLab first), or what it lacks for the labs. */
export const chooseFrontend = (modules: ModuleVersions): { frontend: Frontend; version: string } | { missing: string[] } => {
  const missing: string[] = requiredModules.filter((name) => typeof modules[name] !== "string");
  const frontend = (["lab", "notebook"] as const).find((name) => typeof modules[frontendModule[name]] === "string");
  if (!frontend) missing.push("jupyterlab or notebook");
  if (missing.length || !frontend) return { missing };
  return { frontend, version: modules[frontendModule[frontend]] as string };
};

/** Debian packages the labs need besides the frontend (nbclient runs notebooks headless, ipykernel for the kernel protocol). */
export const jupyterBasePackages = ["python3-nbconvert", "python3-nbclient", "python3-jupyter-client", "python3-nbformat", "python3-ipykernel"] as const;
/** The Debian package of each frontend. */
export const frontendPackage: Readonly<Record<Frontend, string>> = { lab: "jupyterlab", notebook: "jupyter-notebook" };

/** The Debian packages setup installs for a frontend. */
export const jupyterPackagesFor = (frontend: Frontend): string[] => [frontendPackage[frontend], ...jupyterBasePackages];

/** What to install: JupyterLab when the distribution has a `jupyterlab` package (a candidate version), else Notebook. */
export const jupyterInstallPlan = (jupyterlabCandidate: string | null): { frontend: Frontend; packages: string[] } => {
  const frontend: Frontend = jupyterlabCandidate ? "lab" : "notebook";
  return { frontend, packages: jupyterPackagesFor(frontend) };
};

/** The plan for this machine's package lists (read-only: `apt-cache policy jupyterlab`). */
export const jupyterInstallPlanHere = async (): Promise<{ frontend: Frontend; packages: string[] }> =>
  jupyterInstallPlan(await aptCandidate(frontendPackage.lab));

// Python interpreters to try, Debian's first (the first python3 on PATH may be a pyenv without Jupyter).
const pythonCandidates = async (): Promise<string[]> => {
  const found = [process.env.DNL_PYTHON, "/usr/bin/python3", await which("python3")].filter((path): path is string => Boolean(path));
  return [...new Set(found)];
};

// One Python process reports every module it can import, with its version, as JSON.
const probeScript = (modules: readonly string[]): string =>
  [
    "import importlib, json",
    "out = {}",
    `for name in ${JSON.stringify(modules)}:`,
    "    try:",
    "        out[name] = str(getattr(importlib.import_module(name), '__version__', ''))",
    "    except Exception:",
    "        out[name] = None",
    "print(json.dumps(out))",
  ].join("\n");

/** What a Python can import of Jupyter; null when it does not run. Never throws. */
export const probePython = async (python: string): Promise<ModuleVersions | null> => {
  const modules = [...requiredModules, frontendModule.lab, frontendModule.notebook];
  const result = await run(python, ["-c", probeScript(modules)], { reject: false, timeout: 30_000 });
  if (result.exitCode !== 0) return null;
  try {
    return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "") as ModuleVersions;
  } catch {
    return null;
  }
};

/** Jupyter as doctor reports it: the one found, or the closest Python with what it lacks. */
export type JupyterStatus = { readonly ok: true; readonly info: JupyterInfo } | { readonly ok: false; readonly python?: string; readonly missing: string[] };

/** Find a working Jupyter, or say what the best candidate lacks. Never throws. */
export const jupyterStatus = async (): Promise<JupyterStatus> => {
  let closest: JupyterStatus = { ok: false, missing: ["python3 with Jupyter"] };
  for (const python of await pythonCandidates()) {
    const modules = await probePython(python);
    if (!modules) continue;
    const choice = chooseFrontend(modules);
    if ("frontend" in choice) return { ok: true, info: { python, ...choice } };
    if (closest.ok === false && (closest.python === undefined || choice.missing.length < closest.missing.length))
      closest = { ok: false, python, missing: choice.missing };
  }
  return closest;
};

/** Find a working Jupyter; null when missing. Never throws. */
export const findJupyter = async (): Promise<JupyterInfo | null> => {
  const status = await jupyterStatus();
  return status.ok ? status.info : null;
};

/** Make sure Jupyter is there; as root install the distribution's (JupyterLab where it has it). */
export const ensureJupyter = async (log: (line: string) => void): Promise<JupyterInfo> => {
  const found = await findJupyter();
  if (found) return found;
  if (!isRoot()) {
    const plan = await jupyterInstallPlanHere();
    throw new EnvironmentError("Jupyter (JupyterLab or Notebook, with nbclient and jupyter_client) is not installed.", {
      hint: `Install it: \`sudo apt-get install ${plan.packages.join(" ")}\` (or pip install jupyterlab nbclient), then run \`npx docker-net-lab setup\`.`,
    });
  }
  await aptUpdate(log);
  const plan = await jupyterInstallPlanHere();
  log(
    plan.frontend === "lab"
      ? "installing the distribution's JupyterLab, nbconvert and nbclient"
      : "installing Debian's Jupyter Notebook, nbconvert and nbclient (this distribution has no JupyterLab package)",
  );
  await aptInstall(plan.packages, log);
  const installed = await jupyterStatus();
  if (installed.ok) return installed.info;
  throw new EnvironmentError(`Jupyter was installed but ${installed.python ?? "python3"} cannot import ${installed.missing.join(", ")}.`, {
    hint: `Run \`${installed.python ?? "/usr/bin/python3"} -c 'import nbclient, jupyterlab'\` to see why.`,
  });
};
