// Lab 01 as a learner on Debian 12 meets it: `npm start`'s Jupyter (the classic Notebook 6 there), a real (headless)
// Chromium, Cell > Run All with the answers filled in. JupyterLab 4 has its own test: test/browser/jupyterlab.test.ts.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLab } from "../../src/labs/registry.js";
import { runCli, repoRoot } from "../helpers/cli.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { drawnPictures, passedCheckIds, shootCell, visibleCheckIds, type Frontend } from "./frontends.js";
import { closeKeyInBrowser, openKeyInBrowser } from "./key-session.js";
import { expectNoResidueOfSession, randomSession } from "./residue.js";
import type { HeadlessChromium, JupyterServer } from "./jupyter.js";
import { stepTimer } from "../helpers/timing.js";

const lab = findLab("01");
const artifacts = join(repoRoot, "test", "artifacts", "browser");
// Screenshots go to test/artifacts/browser/ (the README's come from JupyterLab: test/browser/jupyterlab.test.ts).

const session = randomSession();
const containerName = (short: string): string => `dnl-${session}-${lab.id}-${short}`;

let before: HostState;
let server: JupyterServer | undefined;
let chrome: HeadlessChromium | undefined;
let page: Page;
let frontend: Frontend;
let keyPath = "";
let cellIndex: (id: string) => number;
const timings: Record<string, number> = {};

const timed = stepTimer(timings);

const shot = async (name: string): Promise<string> => {
  const file = join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
};

describe("lab 01 in a real browser (headless Chromium, the Jupyter that `npm start` serves)", () => {
  beforeAll(async () => {
    await requireEngine();
    before = await hostState();
    await mkdir(artifacts, { recursive: true });
    const opened = await openKeyInBrowser(lab, "en", session, (start) => timed("server start (set-up included)", start));
    ({ server, frontend, chrome, page, cellIndex, path: keyPath } = opened);
  });

  afterAll(async () => {
    await closeKeyInBrowser({ chrome, server }, lab, "en", session);
    console.log(`browser test (${frontend?.name ?? "?"}) timings, ms: ${JSON.stringify(timings)}`);
  });

  it('opens lab 01 with the kernel "TypeScript (docker-net-lab)"', async () => {
    await timed("open notebook + kernel ready", async () => {
      await page.goto(frontend.notebookUrl(server!.base, keyPath, server!.token));
      await frontend.waitForKernelIdle(page, 120_000);
    });
    expect(await frontend.kernelName(page)).toBe("TypeScript (docker-net-lab)");
    await shot("01-opened");
  });

  it("runs every cell (Cell > Run All) and shows no error output", async () => {
    await timed("run all", async () => {
      await frontend.runAll(page);
      await frontend.waitForRunAll(page, 300_000);
    });
    await shot("02-ran-all");
    const errors = await frontend.errorOutputs(page).allInnerTexts();
    expect(errors, `error outputs:\n${errors.join("\n---\n")}\n\nserver log:\n${server!.log().slice(-3000)}`).toEqual([]);
  });

  it("draws docker0 and the two web containers as an SVG", async () => {
    const drawCell = frontend.cell(page, cellIndex("draw"));
    const svg = drawCell.locator("svg.dnl-topology");
    await expect.poll(() => svg.count()).toBe(1);
    const labels = await svg.locator("text").allTextContents();
    const text = labels.join(" ");
    for (const node of ["docker0", containerName("web1"), containerName("web2")]) expect(text).toContain(node);
    const box = await svg.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    // Drawn by the browser (inline as text/html here; JupyterLab would take text/html too), with a size.
    const drawn = (await drawnPictures(drawCell)).filter((picture) => picture.width > 200 && picture.height > 100);
    expect(drawn.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps every label of the drawing inside the picture (nothing cut off at the edges)", async () => {
    const svg = frontend.cell(page, cellIndex("draw")).locator("svg.dnl-topology");
    const outside = await svg.evaluate((element) => {
      const frame = element.getBoundingClientRect();
      return Array.from(element.querySelectorAll("text"))
        .filter((text) => {
          const box = text.getBoundingClientRect();
          return box.width > 0 && (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1);
        })
        .map((text) => text.textContent ?? "");
    });
    expect(outside, "labels drawn outside the SVG frame (cut off, or stray axis ticks)").toEqual([]);
  });

  it('shows every visible check of the lab passing in the "All checks" report', async () => {
    const report = frontend.cell(page, cellIndex("all-checks")).locator(".dnl-check-report");
    await expect.poll(() => report.count()).toBe(1);
    expect(await passedCheckIds(report)).toEqual(visibleCheckIds(lab));
    expect(await page.locator(".dnl-check.dnl-fail").count()).toBe(0);
    expect(await report.locator(".dnl-check-summary").innerText()).toMatch(/\b0 failed\b/);
    // Each graded exercise cell shows its own passing row too.
    for (const id of ["ex1-check", "ex2-check", "ex3-check", "ex4-check", "ex5-check"]) {
      expect(await frontend.cell(page, cellIndex(id)).locator("tr.dnl-check.dnl-pass").count(), id).toBe(1);
    }
  });

  it("shows pictures rendered, never as SVG source text", async () => {
    const texts = await page.locator("#notebook-container .output_text, .jp-Notebook .jp-OutputArea-output[data-mime-type='text/plain']").allInnerTexts();
    const leaked = texts.filter((text) => text.includes("<svg")).map((text) => `${text.slice(0, 120)}…`);
    expect(leaked, "a cell's value is shown as SVG markup (text/plain) next to the picture").toEqual([]);
  });

  it("takes screenshots of the drawing and of the check report", async () => {
    await page.setViewportSize({ width: 1280, height: 1400 });
    const frame = (cellId: string, inner: string, name: string): Promise<void> =>
      shootCell(frontend, page, frontend.cell(page, cellIndex(cellId)), inner, join(artifacts, `${name}.png`));
    await frame("draw", "svg.dnl-topology", "03-topology");
    await frame("all-checks", ".dnl-check-report", "04-checks");
  });

  it("tears down through the notebook's teardown cell and leaves nothing behind", async () => {
    const teardown = frontend.cell(page, cellIndex("teardown"));
    // The lab makes web1, web2 and the troubleshooting scenario's web3: the report counts what it removed.
    await expect.poll(() => teardown.innerText()).toMatch(/teardown: removed [1-9]\d* container\(s\)/);
    const leftovers = await runCli(["clean", "--session", session, "--dry-run"]);
    expect(leftovers.exitCode, leftovers.stderr).toBe(0);
    const report = JSON.parse(leftovers.stdout) as { containers: string[]; networks: string[]; volumes: string[] };
    expect([...report.containers, ...report.networks, ...report.volumes]).toEqual([]);
    await chrome?.close();
    chrome = undefined;
    await server?.stop();
    server = undefined;
    await expectNoResidueOfSession(session, before);
  });
});
