// Every picture the library emits renders in a real browser, the two ways front ends show it: JupyterLab shows
// `image/svg+xml` as an <img> (only a standalone SVG document loads there), and every front end inlines `text/html`.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pictureBundle, type MimeBundle } from "../../src/render/display.js";
import { explanationBundle } from "../../src/render/explain-view.js";
import { diffBundle } from "../../src/render/topology-diff.js";
import { topologySvg } from "../../src/render/topology-plot.js";
import { diffTopology } from "../../src/topology/diff.js";
import { explain } from "../../src/topology/explain.js";
import type { Topology } from "../../src/topology/model.js";
import { repoRoot } from "../helpers/cli.js";
import { bridgedHost } from "../topology/synthetic.js";
import { launchChromium, type HeadlessChromium } from "./jupyter.js";

const before = bridgedHost([["a", "bridge", 2]]);
const after = bridgedHost([
  ["a", "bridge", 2],
  ["b", "bridge", 3],
]);
const bundles: Record<string, MimeBundle> = {
  "lab.draw()": pictureBundle("[topology]", topologySvg(after, { title: "Lab 01: what Docker built & <why>" })),
  "lab.step()": diffBundle(diffTopology(before, after), after),
  "lab.explain()": explanationBundle(explain(after, "a", "b"), after),
};

let browser: HeadlessChromium;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Width and height of what the browser drew for `html` (an <img> or inline SVG), 0 x 0 when it drew nothing.
const drawnSize = async (html: string, selector: string): Promise<[number, number]> => {
  const page = await browser.context.newPage();
  try {
    await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><body>${html}</body>`);
    return await page.evaluate(async (sel) => {
      const element = document.querySelector(sel);
      if (!element) return [0, 0] as [number, number];
      if (element instanceof HTMLImageElement) {
        await element.decode().catch(() => undefined);
        return [element.naturalWidth, element.naturalHeight] as [number, number];
      }
      const box = element.getBoundingClientRect();
      return [box.width, box.height] as [number, number];
    }, selector);
  } finally {
    await page.close();
  }
};

// Labs 02, 03 (with a packet's path), 05 and 06 as recorded (test/render/fixtures), drawn as lab.draw() draws them.
const picturesDir = join(repoRoot, "test", "artifacts", "pictures");
const recordedLab = async (id: string): Promise<Topology> =>
  JSON.parse(await readFile(join(repoRoot, "test", "render", "fixtures", `lab${id}.json`), "utf8")) as Topology;
const labSvg = async (id: string): Promise<string> => {
  const topology = await recordedLab(id);
  const scope = { containers: topology.containers.map((c) => c.name), namespaces: topology.namespaces.filter((n) => n.kind === "netns").map((n) => n.name) };
  if (id !== "03") return topologySvg(topology, { ...scope, title: `Lab ${id}: what Docker built` });
  const web = scope.containers.find((name) => name.endsWith("-03-web"))!;
  const internet = scope.namespaces.find((name) => name.endsWith("3in"))!;
  return topologySvg(topology, { ...scope, title: `Lab 03: ${web} → the internet`, explanation: explain(topology, web, internet) });
};
// JupyterLab 4's own values of the variables the picture uses.
const themes = {
  light: "--jp-layout-color0: #ffffff; --jp-ui-font-color1: rgba(0, 0, 0, 0.87); background: #ffffff; color: rgba(0, 0, 0, 0.87)",
  dark: "--jp-layout-color0: #111111; --jp-ui-font-color1: rgba(255, 255, 255, 0.87); background: #111111; color: rgba(255, 255, 255, 0.87)",
} as const;

describe("the labs' pictures as the browser lays them out", () => {
  for (const id of ["02", "03", "05", "06"])
    it(`lab ${id}: at 900 px every label is inside the picture and no two overlap (measured by the browser); PNGs on light and dark`, async () => {
      await mkdir(picturesDir, { recursive: true });
      const svg = await labSvg(id);
      for (const [name, style] of Object.entries(themes)) {
        const page = await browser.context.newPage();
        try {
          await page.setViewportSize({ width: 940, height: 800 });
          await page.setContent(`<!DOCTYPE html><meta charset="utf-8"><body style="margin: 10px; ${style}">${svg}</body>`);
          const measured = await page.evaluate(() => {
            const root = document.querySelector("svg.dnl-topology")!;
            const frame = root.getBoundingClientRect();
            const boxes = Array.from(root.querySelectorAll("text"))
              .filter((t) => t.getAttribute("fill") !== "white")
              .map((t) => ({ text: t.textContent ?? "", r: t.getBoundingClientRect() }));
            const cut = boxes.filter(
              ({ r }) => r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5,
            );
            const overlapping: string[] = [];
            for (const [i, a] of boxes.entries())
              for (const b of boxes.slice(i + 1))
                if (a.r.right > b.r.left + 1 && b.r.right > a.r.left + 1 && a.r.bottom > b.r.top + 2 && b.r.bottom > a.r.top + 2)
                  overlapping.push(`${a.text} / ${b.text}`);
            return { width: frame.width, cut: cut.map((c) => c.text), overlapping };
          });
          expect(measured.width).toBeLessThanOrEqual(900);
          expect(measured.cut).toEqual([]);
          expect(measured.overlapping).toEqual([]);
          await page.screenshot({ path: join(picturesDir, `lab${id}-${name}.png`), fullPage: true });
        } finally {
          await page.close();
        }
      }
    });
});

describe("pictures in a browser", () => {
  for (const [name, bundle] of Object.entries(bundles)) {
    it(`${name}: its text/html draws an inline SVG of non-zero size`, async () => {
      const [width, height] = await drawnSize(String(bundle["text/html"]), "svg");
      expect(width).toBeGreaterThan(100);
      expect(height).toBeGreaterThan(100);
    });
    const svg = bundle["image/svg+xml"];
    if (svg !== undefined)
      it(`${name}: its image/svg+xml loads as an <img> (as JupyterLab shows it)`, async () => {
        const [width, height] = await drawnSize(`<img src="data:image/svg+xml;base64,${Buffer.from(String(svg)).toString("base64")}">`, "img");
        expect(width).toBeGreaterThan(100);
        expect(height).toBeGreaterThan(100);
      });
  }
});
