// What a learner sees and clicks, per Jupyter frontend: classic Notebook 6 (verified here) and JupyterLab 4 (selectors
// written from JupyterLab's DOM but NOT exercised on this machine, where JupyterLab cannot be installed).
import type { Locator, Page } from "playwright-core";

export interface Frontend {
  readonly name: "notebook" | "lab";
  /** URL path that opens a notebook (relative to the server root, e.g. "01-docker0/lab.ipynb"). */
  readonly notebookUrl: (base: string, path: string, token: string) => string;
  /** Resolves once the notebook is open and its kernel is idle. */
  readonly waitForKernelIdle: (page: Page, timeoutMs: number) => Promise<void>;
  /** The kernel's display name as the toolbar shows it. */
  readonly kernelName: (page: Page) => Promise<string>;
  /** Cell > Run All, through the menu a learner would use. */
  readonly runAll: (page: Page) => Promise<void>;
  /** Resolves when no cell is queued or running and every code cell has an execution count. */
  readonly waitForRunAll: (page: Page, timeoutMs: number) => Promise<void>;
  /** The i-th cell (in notebook order). */
  readonly cell: (page: Page, index: number) => Locator;
  /** Rendered outputs of one cell. */
  readonly outputs: (cell: Locator) => Locator;
  /** Error and stderr outputs anywhere in the notebook. */
  readonly errorOutputs: (page: Page) => Locator;
  /** Rendered image/svg+xml outputs. */
  readonly svgOutputs: (page: Page) => Locator;
  /** Element that scrolls the notebook (for screenshots). */
  readonly scroller: (page: Page) => Locator;
}

const poll = async (what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
};

/** Classic Jupyter Notebook 6 (Debian's jupyter-notebook). */
export const notebook6: Frontend = {
  name: "notebook",
  notebookUrl: (base, path, token) => `${base}/notebooks/${path.split("/").map(encodeURIComponent).join("/")}?token=${encodeURIComponent(token)}`,
  waitForKernelIdle: async (page, timeoutMs) => {
    await page.locator("#notebook-container").waitFor({ timeout: timeoutMs });
    await page.locator("#kernel_indicator_icon.kernel_idle_icon").waitFor({ state: "attached", timeout: timeoutMs });
  },
  kernelName: async (page) => (await page.locator("#kernel_indicator .kernel_indicator_name").innerText()).trim(),
  runAll: async (page) => {
    await page.locator("#celllink").click();
    await page.locator("#run_all_cells > a").click();
  },
  waitForRunAll: async (page, timeoutMs) => {
    const prompts = page.locator("#notebook-container .code_cell .input_prompt");
    await poll("every code cell to have run", timeoutMs, async () => {
      const texts = await prompts.allInnerTexts();
      const idle = (await page.locator("#kernel_indicator_icon.kernel_idle_icon").count()) === 1;
      return idle && texts.length > 0 && texts.every((text) => /\[\d+\]/.test(text));
    });
  },
  cell: (page, index) => page.locator("#notebook-container > .cell").nth(index),
  outputs: (cell) => cell.locator(".output_area .output_subarea"),
  errorOutputs: (page) => page.locator("#notebook-container .output_error, #notebook-container .output_stderr"),
  svgOutputs: (page) => page.locator("#notebook-container .output_svg svg"),
  scroller: (page) => page.locator("#site"),
};

/** JupyterLab 4 (unverified here: JupyterLab cannot be installed on this machine). */
export const jupyterLab: Frontend = {
  name: "lab",
  notebookUrl: (base, path, token) => `${base}/lab/tree/${path.split("/").map(encodeURIComponent).join("/")}?token=${encodeURIComponent(token)}`,
  waitForKernelIdle: async (page, timeoutMs) => {
    await page.locator(".jp-Notebook").waitFor({ timeout: timeoutMs });
    await page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").waitFor({ state: "attached", timeout: timeoutMs });
  },
  kernelName: async (page) => (await page.locator(".jp-Toolbar-kernelName").first().innerText()).trim(),
  runAll: async (page) => {
    await page.getByRole("menuitem", { name: "Run", exact: true }).click();
    await page.getByRole("menuitem", { name: /^Run All Cells/ }).click();
  },
  waitForRunAll: async (page, timeoutMs) => {
    const prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt");
    await poll("every code cell to have run", timeoutMs, async () => {
      const texts = await prompts.allInnerTexts();
      const idle = (await page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count()) > 0;
      return idle && texts.length > 0 && texts.every((text) => /\[\d+\]/.test(text));
    });
  },
  // startJupyterServer sets windowingMode "none", so every cell is in the DOM.
  cell: (page, index) => page.locator(".jp-Notebook > .jp-WindowedPanel-outer .jp-Cell, .jp-Notebook > .jp-Cell").nth(index),
  outputs: (cell) => cell.locator(".jp-OutputArea-output"),
  errorOutputs: (page) => page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"),
  svgOutputs: (page) => page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='image/svg+xml'] svg, .jp-Notebook .jp-RenderedSVG svg"),
  scroller: (page) => page.locator(".jp-WindowedPanel-outer").first(),
};

/** Which frontend a server runs: JupyterLab answers /lab/api/settings, Notebook 6 does not. */
export const detectFrontend = async (base: string, token: string): Promise<Frontend> => {
  const answer = await fetch(`${base}/lab/api/settings`, { headers: { Authorization: `token ${token}` } }).catch(() => null);
  return answer?.ok ? jupyterLab : notebook6;
};
