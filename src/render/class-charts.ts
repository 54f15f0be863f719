// The class summary's charts, drawn with Observable Plot into standalone SVG on the server: readable without
// JavaScript, like every picture of the project. Pure and deterministic (no clock, no randomness).
import * as Plot from "@observablehq/plot";
import { newDocument } from "./dom.js";

const defaults = {
  width: 640,
  /** Height per check bar in the pass-rate chart. */
  barHeight: 24,
  /** Left margin for the check ids. */
  labelMargin: 170,
  distributionHeight: 220,
  passColor: "#1a7f37",
  hiddenColor: "#8250df",
  scoreColor: "#4269d0",
} as const;

/** One bar of the pass-rate chart. */
export interface PassRateBar {
  readonly id: string;
  /** 0..1 */
  readonly passRate: number;
  readonly hidden: boolean;
}

// Plot's <svg> as a standalone document with a <title> (screen readers, hover).
const standalone = (svg: Element, title: string): string => {
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("role", "img");
  const titleElement = svg.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "title");
  titleElement.textContent = title;
  svg.insertBefore(titleElement, svg.firstChild);
  return svg.outerHTML;
};

/** Horizontal bars: the share of graded submissions that passed each check (hidden checks in another colour). */
export const passRateSvg = (bars: readonly PassRateBar[], title: string): string => {
  const chart = Plot.plot({
    document: newDocument(),
    width: defaults.width,
    height: 50 + bars.length * defaults.barHeight,
    marginLeft: defaults.labelMargin,
    x: { domain: [0, 100], label: "passed (% of graded submissions)", grid: true },
    y: { domain: bars.map((bar) => bar.id), label: null },
    marks: [
      Plot.barX(bars, {
        y: "id",
        x: (bar: PassRateBar) => Math.round(bar.passRate * 1000) / 10,
        fill: (bar: PassRateBar) => (bar.hidden ? defaults.hiddenColor : defaults.passColor),
      }),
      Plot.text(bars, {
        y: "id",
        x: (bar: PassRateBar) => Math.round(bar.passRate * 1000) / 10,
        text: (bar: PassRateBar) => `${Math.round(bar.passRate * 100)}%`,
        textAnchor: "start",
        dx: 4,
        fontSize: 11,
      }),
      Plot.ruleX([0]),
    ],
  });
  return standalone(chart, title);
};

/** Vertical bars: how many graded submissions got each score. */
export const scoreDistributionSvg = (distribution: readonly { points: number; count: number }[], title: string): string => {
  const most = Math.max(1, ...distribution.map((bin) => bin.count));
  // Whole numbers only, and room above the tallest bar for its count.
  const step = Math.max(1, Math.ceil(most / 8));
  const chart = Plot.plot({
    document: newDocument(),
    width: defaults.width,
    height: defaults.distributionHeight,
    marginTop: 24,
    x: { domain: distribution.map((bin) => bin.points), label: "points" },
    y: { label: "submissions", grid: true, tickFormat: "d", domain: [0, most], ticks: Array.from({ length: Math.floor(most / step) + 1 }, (_, i) => i * step) },
    marks: [
      Plot.barY(distribution, { x: "points", y: "count", fill: defaults.scoreColor }),
      Plot.text(
        distribution.filter((bin) => bin.count > 0),
        { x: "points", y: "count", text: (bin: { count: number }) => String(bin.count), dy: -6, fontSize: 11 },
      ),
      Plot.ruleY([0]),
    ],
  });
  return standalone(chart, title);
};
