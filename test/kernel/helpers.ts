// Drive the project kernel the way Jupyter does: a kernelspec in a temporary JUPYTER_PATH, jupyter_client in Python.
import { execa } from "execa";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { kernelName, kernelSpec } from "../../src/setup/kernelspec.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** Debian's Python with jupyter_client and jupyter_kernel_test (the pyenv python3 on PATH has neither). */
export const systemPython = "/usr/bin/python3";
const kernelDir = fileURLToPath(new URL(".", import.meta.url));

/** A temporary JUPYTER_PATH holding the kernelspec setup installs (and optionally plain tslab's, for comparisons). */
export interface TestKernelspecs {
  readonly env: Record<string, string>;
  readonly argv: readonly string[];
  cleanup(): Promise<void>;
}

/** Name of the plain-tslab kernelspec installed next to the project one (the "before" of the benchmarks). */
export const plainTslabKernel = "dnl-plain-tslab";

export const installTestKernelspecs = async (): Promise<TestKernelspecs> => {
  const root = await mkdtemp(join(tmpdir(), "dnl-kernelspec-"));
  const spec = kernelSpec();
  const project = join(root, "kernels", kernelName);
  await mkdir(project, { recursive: true });
  await writeFile(join(project, "kernel.json"), JSON.stringify(spec, null, 2));
  const plain = join(root, "kernels", plainTslabKernel);
  await mkdir(plain, { recursive: true });
  const tslab = join(repoRoot, "node_modules", "tslab", "bin", "tslab");
  await writeFile(
    join(plain, "kernel.json"),
    JSON.stringify({
      argv: [process.execPath, tslab, "kernel", "--config-path", "{connection_file}"],
      display_name: "tslab",
      language: "typescript",
      interrupt_mode: "signal",
    }),
  );
  return {
    env: { JUPYTER_PATH: root, JUPYTER_DATA_DIR: join(root, "data"), JUPYTER_RUNTIME_DIR: join(root, "runtime"), PYTHONDONTWRITEBYTECODE: "1" },
    argv: spec.argv as string[],
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
};

/** One step for kernel_client.py. */
export type Step =
  | { execute: string; interrupt_after?: number; timeout?: number }
  | { complete: string; cursor_pos?: number }
  | { inspect: string; cursor_pos?: number }
  | { kernel_info: true }
  | { sleep: number };

export interface Output {
  msg_type: string;
  content: Record<string, unknown> & { data?: Record<string, unknown>; text?: string; name?: string; traceback?: string[] };
}

export interface StepResult {
  reply: Record<string, unknown> & {
    status?: string;
    ename?: string;
    evalue?: string;
    traceback?: string[];
    matches?: string[];
    found?: boolean;
    data?: Record<string, string>;
  };
  outputs: Output[];
  idle?: boolean;
  /** How many SIGINTs it took (interrupt steps). */
  interrupts?: number;
  ms: number;
}

export interface KernelRun {
  steps: StepResult[];
  kernel_info_ms: number;
  alive: boolean;
  error?: string;
}

/** Start the kernel `kernel` in `cwd`, run `steps`, shut it down; what a front end saw, step by step. */
export const runKernel = async (
  specs: TestKernelspecs,
  steps: Step[],
  options: { kernel?: string; cwd?: string; env?: Record<string, string> } = {},
): Promise<KernelRun> => {
  const script = { kernel: options.kernel ?? kernelName, cwd: options.cwd ?? repoRoot, steps };
  const result = await execa(systemPython, [join(kernelDir, "kernel_client.py")], {
    input: JSON.stringify(script),
    env: { ...specs.env, ...options.env },
    timeout: 300_000,
    reject: false,
  });
  if (result.exitCode !== 0) throw new Error(`kernel_client.py failed (${result.exitCode}):\n${result.stderr}`);
  const run = JSON.parse(result.stdout) as KernelRun;
  if (run.error) throw new Error(`kernel_client.py: ${run.error}\n${result.stderr}`);
  return run;
};

/** Text of all stream outputs of a step. */
export const streamText = (step: StepResult, name: "stdout" | "stderr"): string =>
  step.outputs
    .filter((o) => o.msg_type === "stream" && o.content.name === name)
    .map((o) => o.content.text ?? "")
    .join("");

/** The execute_result data of a step, if any. */
export const resultData = (step: StepResult): Record<string, unknown> | undefined => step.outputs.find((o) => o.msg_type === "execute_result")?.content.data;
