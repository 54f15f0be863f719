// Every picture the library emits renders in a real browser, the two ways front ends show it: JupyterLab shows
// `image/svg+xml` as an <img> (only a standalone SVG document loads there), and every front end inlines `text/html`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pictureBundle, type MimeBundle } from "../../src/render/display.js";
import { explanationBundle } from "../../src/render/explain-view.js";
import { diffBundle } from "../../src/render/topology-diff.js";
import { topologySvg } from "../../src/render/topology-plot.js";
import { diffTopology } from "../../src/topology/diff.js";
import { explain } from "../../src/topology/explain.js";
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
