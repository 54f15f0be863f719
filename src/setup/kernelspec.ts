// The project kernelspec `docker-net-lab`: TypeScript (tslab underneath) running this package's own code.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { run } from "../exec/run.js";
import type { JupyterInfo } from "./jupyter.js";
import { shortLivedNodeFlags } from "./node-flags.js";
import { packageRoot, packageVersion } from "./paths.js";

/** Name of the kernelspec as notebooks refer to it. */
export const kernelName = "docker-net-lab";
/** Display name shown in JupyterLab's launcher and kernel picker. */
export const kernelDisplayName = "TypeScript (docker-net-lab)";

/** The kernel.json this package installs. */
export const kernelSpec = (): Record<string, unknown> => {
  const projectKernel = join(packageRoot, "dist", "kernel", "main.js");
  const entry = existsSync(projectKernel) ? [projectKernel] : [join(packageRoot, "node_modules", "tslab", "bin", "tslab"), "kernel"];
  return {
    argv: [process.execPath, ...shortLivedNodeFlags, ...entry, "--config-path", "{connection_file}"],
    display_name: kernelDisplayName,
    language: "typescript",
    interrupt_mode: "signal",
    env: { DNL_PACKAGE_ROOT: packageRoot },
    metadata: { "docker-net-lab": { version: packageVersion, root: packageRoot } },
  };
};

// The user's Jupyter data directory, as that Jupyter computes it (honours JUPYTER_DATA_DIR).
export const jupyterDataDir = async (jupyter: JupyterInfo): Promise<string> =>
  (await run(jupyter.python, ["-c", "from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())"], { timeout: 20_000 })).stdout.trim();

/** Where the kernelspec lives for this Jupyter. */
export const kernelspecDir = async (jupyter: JupyterInfo): Promise<string> => join(await jupyterDataDir(jupyter), "kernels", kernelName);

export interface KernelspecStatus {
  readonly ok: boolean;
  readonly path: string;
  readonly detail: string;
}

/** Is the kernelspec installed and pointing at this package? Never throws. */
export const kernelspecStatus = async (jupyter: JupyterInfo): Promise<KernelspecStatus> => {
  const dir = await kernelspecDir(jupyter);
  const file = join(dir, "kernel.json");
  try {
    const installed = JSON.parse(await readFile(file, "utf8")) as { argv?: unknown };
    const wanted = kernelSpec();
    if (JSON.stringify(installed.argv) !== JSON.stringify(wanted.argv))
      return { ok: false, path: dir, detail: "installed for another copy or version of docker-net-lab" };
    return { ok: true, path: dir, detail: "" };
  } catch {
    return { ok: false, path: dir, detail: "not installed" };
  }
};

/** Install (or refresh) the kernelspec in the user's Jupyter data dir. */
export const installKernelspec = async (jupyter: JupyterInfo, log: (line: string) => void): Promise<string> => {
  const status = await kernelspecStatus(jupyter);
  if (status.ok) return status.path;
  await mkdir(status.path, { recursive: true });
  await writeFile(join(status.path, "kernel.json"), `${JSON.stringify(kernelSpec(), null, 2)}\n`);
  const logo = join(packageRoot, "kernel-setup", "logo-64x64.png");
  if (existsSync(logo)) await writeFile(join(status.path, "logo-64x64.png"), await readFile(logo));
  log(`installed the Jupyter kernel "${kernelDisplayName}" in ${status.path}`);
  return status.path;
};
