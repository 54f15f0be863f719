// What a learner sees and clicks, per Jupyter frontend: classic Notebook 6 (Debian 12's, on the host) and JupyterLab 4
// (Debian 13's 4.0.11, in a Debian 13 root: test/browser/lab-root.ts). Both are exercised by the browser tests.
import { stat } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

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
  /** Resolves when the kernel is idle and no cell is queued or running (Run All that stopped at an error). */
  readonly waitForStopped: (page: Page, timeoutMs: number) => Promise<void>;
  /** The input prompt of every code cell, in order ("[3]:", "[ ]:", "[*]:"). */
  readonly prompts: (page: Page) => Promise<string[]>;
  /** The i-th cell (in notebook order). */
  readonly cell: (page: Page, index: number) => Locator;
  /** Rendered outputs of one cell. */
  readonly outputs: (cell: Locator) => Locator;
  /** Error and stderr outputs anywhere in the notebook. */
  readonly errorOutputs: (page: Page) => Locator;
  /** Rendered text/plain outputs (execute results shown as text). */
  readonly textOutputs: (page: Page) => Locator;
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
  waitForStopped: async (page, timeoutMs) => {
    const prompts = page.locator("#notebook-container .code_cell .input_prompt");
    await pollStable("the kernel to stop running cells", timeoutMs, async () => {
      const texts = await prompts.allInnerTexts();
      const idle = (await page.locator("#kernel_indicator_icon.kernel_idle_icon").count()) === 1;
      return idle && texts.length > 0 && /\[\d+\]/.test(texts[0] ?? "") && !texts.some((text) => text.includes("*"));
    });
  },
  prompts: async (page) =>
    (await page.locator("#notebook-container .code_cell .input_prompt").allInnerTexts()).map((text) => text.replace(/^In\s*/, "").trim()),
  cell: (page, index) => page.locator("#notebook-container > .cell").nth(index),
  outputs: (cell) => cell.locator(".output_area .output_subarea"),
  errorOutputs: (page) => page.locator("#notebook-container .output_error, #notebook-container .output_stderr"),
  textOutputs: (page) => page.locator("#notebook-container .output_text"),
  scroller: (page) => page.locator("#site"),
};

/** JupyterLab 4 (verified on Debian 13's 4.0.11). */
export const jupyterLab: Frontend = {
  name: "lab",
  // `reset`: an empty workspace, so only this notebook is open (JupyterLab reopens the last session's tabs otherwise).
  notebookUrl: (base, path, token) => `${base}/lab/tree/${path.split("/").map(encodeURIComponent).join("/")}?reset&token=${encodeURIComponent(token)}`,
  // The indicator says idle before a kernel is there ("No Kernel"): wait for a named kernel that is idle.
  waitForKernelIdle: async (page, timeoutMs) => {
    await page.locator(".jp-Notebook").waitFor({ timeout: timeoutMs });
    await pollStable("the notebook's kernel to be started and idle", timeoutMs, async () => {
      const name = (
        await page
          .locator(".jp-Toolbar-kernelName")
          .first()
          .innerText()
          .catch(() => "")
      ).trim();
      return name !== "" && name !== "No Kernel" && (await page.locator(labIdle).count()) > 0;
    });
  },
  kernelName: async (page) => (await page.locator(".jp-Toolbar-kernelName").first().innerText()).trim(),
  runAll: async (page) => {
    await page.getByRole("menuitem", { name: "Run", exact: true }).click();
    await page.getByRole("menuitem", { name: /^Run All Cells/ }).click();
  },
  // Fails at once (with the error outputs) when Run All stopped early: JupyterLab skips the cells after an error.
  waitForRunAll: async (page, timeoutMs) => {
    const prompts = page.locator(labPrompts);
    let stopped = 0;
    await poll("every code cell to have run", timeoutMs, async () => {
      const texts = await prompts.allInnerTexts();
      const idle = (await page.locator(labIdle).count()) > 0;
      if (idle && texts.length > 0 && texts.every((text) => /\[\d+\]/.test(text))) return true;
      stopped = idle && /\[\d+\]/.test(texts[0] ?? "") && !texts.some((text) => text.includes("*")) ? stopped + 1 : 0;
      if (stopped >= 8) {
        const errors = await page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").allInnerTexts();
        throw new Error(
          `Run All stopped before the end: ${texts.filter((text) => !/\[\d+\]/.test(text)).length} of ${texts.length} code cells did not run. Error outputs:\n${errors.join("\n---\n")}`,
        );
      }
      return false;
    });
  },
  waitForStopped: async (page, timeoutMs) => {
    const prompts = page.locator(labPrompts);
    await pollStable("the kernel to stop running cells", timeoutMs, async () => {
      const texts = await prompts.allInnerTexts();
      const idle = (await page.locator(labIdle).count()) > 0;
      return idle && texts.length > 0 && /\[\d+\]/.test(texts[0] ?? "") && !texts.some((text) => text.includes("*"));
    });
  },
  prompts: async (page) => (await page.locator(labPrompts).allInnerTexts()).map((text) => text.trim()),
  // In JupyterLab 4.0 `.jp-Notebook` is itself the windowed panel (class jp-WindowedPanel-outer): cells are its
  // descendants, not children. startJupyterServer sets windowingMode "none", so every cell is in the DOM.
  cell: (page, index) => page.locator(".jp-Notebook .jp-Cell").nth(index),
  outputs: (cell) => cell.locator(".jp-OutputArea-output"),
  // JupyterLab shows both stderr streams and errors (tracebacks) with this MIME type.
  errorOutputs: (page) => page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"),
  textOutputs: (page) => page.locator(".jp-Notebook .jp-OutputArea-output[data-mime-type='text/plain']"),
  scroller: (page) => page.locator(".jp-Notebook").first(),
};

const labIdle = ".jp-Notebook-ExecutionIndicator[data-status='idle']";
const labPrompts = ".jp-Notebook .jp-CodeCell .jp-InputPrompt";

// Like poll, but the condition must hold on three polls in a row (a kernel is idle for a moment between two cells).
const pollStable = async (what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> => {
  let streak = 0;
  await poll(what, timeoutMs, async () => {
    streak = (await probe()) ? streak + 1 : 0;
    return streak >= 3;
  });
};

/** What a picture output drew: an inline <svg> (its box) or an <img> (its natural size, 0 x 0 when broken). */
export interface DrawnPicture {
  readonly kind: "svg" | "img";
  readonly width: number;
  readonly height: number;
  /** The MIME type the frontend chose for the output. */
  readonly mime: string;
}

/**
 * Every picture in the outputs under `scope` (a cell or the whole notebook), as the browser drew it: inline <svg>
 * elements at the top of an output (not icons inside tables) and <img> elements, after the images decoded.
 */
export const drawnPictures = (scope: Locator): Promise<DrawnPicture[]> =>
  scope.evaluate(async (root) => {
    const selector = ".jp-OutputArea-output, .output_subarea";
    const outputs = root.matches(selector) ? [root] : Array.from(root.querySelectorAll(selector));
    const found: { kind: "svg" | "img"; width: number; height: number; mime: string }[] = [];
    for (const output of outputs) {
      const mime = output.getAttribute("data-mime-type") ?? output.className.match(/output_(\w+)/)?.[1] ?? "";
      for (const img of Array.from(output.querySelectorAll("img"))) {
        await img.decode().catch(() => undefined);
        found.push({ kind: "img", width: img.naturalWidth, height: img.naturalHeight, mime });
      }
      for (const svg of Array.from(output.querySelectorAll("svg"))) {
        if (svg.parentElement?.closest("svg")) continue;
        const box = svg.getBoundingClientRect();
        found.push({ kind: "svg", width: Math.round(box.width), height: Math.round(box.height), mime });
      }
    }
    return found;
  });

/** Which frontend a server runs: JupyterLab answers /lab/api/settings, Notebook 6 does not. */
export const detectFrontend = async (base: string, token: string): Promise<Frontend> => {
  const answer = await fetch(`${base}/lab/api/settings`, { headers: { Authorization: `token ${token}` } }).catch(() => null);
  return answer?.ok ? jupyterLab : notebook6;
};

/**
 * Screenshot of one cell, from its top to the bottom of `inner` inside it (skipping whatever output follows), or the
 * whole cell when `inner` is null. The picture must fit on screen, unless `clamp` cuts it at the viewport's bottom.
 */
export const shootCell = async (
  frontend: Frontend,
  page: Page,
  cell: Locator,
  inner: string | null,
  file: string,
  options: { clamp?: boolean } = {},
): Promise<void> => {
  await cell.scrollIntoViewIfNeeded();
  await frontend.scroller(page).evaluate((element, y) => element.scrollBy(0, y), (await cell.boundingBox())!.y - 120);
  const a = (await cell.boundingBox())!;
  const b = inner ? (await cell.locator(inner).first().boundingBox())! : a;
  const viewport = page.viewportSize()!.height;
  const y = Math.max(0, a.y - 10);
  const height = b.y + b.height - a.y + 14;
  const clip = { x: a.x - 10, y, width: a.width + 20, height: options.clamp ? Math.min(height, viewport - y) : height };
  expect(clip.y + clip.height, `${file} fits on screen`).toBeLessThanOrEqual(viewport);
  await page.mouse.move(0, 0); // no hover highlight in the picture
  await page.screenshot({ path: file, clip });
  expect((await stat(file)).size).toBeGreaterThan(5_000);
};

/** The ids of the checks a rendered check report (under `scope`) shows as passed, sorted. */
export const passedCheckIds = async (report: Locator): Promise<string[]> =>
  (await report.locator("tr.dnl-check.dnl-pass").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-check-id") ?? ""))).sort();

/** The ids of the checks a lab's report shows (hidden ones are the grader's), sorted like passedCheckIds. */
export const visibleCheckIds = (lab: { readonly checks: readonly { readonly id: string; readonly hidden?: boolean }[] }): string[] =>
  lab.checks
    .filter((check) => !check.hidden)
    .map((check) => check.id)
    .sort();
