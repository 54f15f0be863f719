// Showing things in a notebook: MIME bundles through the kernel, plain text elsewhere.
import { createRequire } from "node:module";

/** A Jupyter MIME bundle: MIME type -> data. `text/plain` is always present. */
export type MimeBundle = Readonly<Record<string, unknown>> & { readonly "text/plain": string };

/** Symbol under which objects return their MIME bundle (Deno's convention; the project kernel honours it). */
export const jupyterDisplay = Symbol.for("Jupyter.display");
/** Global hook the project kernel installs to publish a display_data bundle. */
const kernelHook = Symbol.for("docker-net-lab.display");

type Publish = (content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient?: Record<string, unknown> }, update?: boolean) => void;

// tslab's display channel for the running cell, when we are inside a tslab kernel.
const tslabPublisher = (): Publish | null => {
  try {
    const require = createRequire(import.meta.url);
    const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData?: Publish };
    return jupyter.lastWriteDisplayData ?? null;
  } catch {
    return null;
  }
};

/** True inside a Jupyter kernel (project kernel or plain tslab). */
export const inNotebook = (): boolean => typeof (globalThis as Record<symbol, unknown>)[kernelHook] === "function" || tslabPublisher() !== null;

/** Display a MIME bundle in the notebook (all MIME types at once); prints text/plain outside a kernel. */
export const display = (bundle: MimeBundle, metadata: Record<string, unknown> = {}): void => {
  const hook = (globalThis as Record<symbol, unknown>)[kernelHook];
  if (typeof hook === "function") {
    (hook as (bundle: MimeBundle, metadata: Record<string, unknown>) => void)(bundle, metadata);
    return;
  }
  const publish = tslabPublisher();
  if (publish) {
    publish({ data: { ...bundle }, metadata, transient: {} });
    return;
  }
  process.stdout.write(`${bundle["text/plain"]}\n`);
};

/** Escape text for HTML. */
export const escapeHtml = (text: string): string => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * The bundle of a picture: the standalone SVG as `image/svg+xml` (JupyterLab shows it as an `<img>`, nbconvert
 * embeds it) and inline as `text/html` (what JupyterLab, Notebook, VS Code and nbconvert's HTML prefer: element
 * titles show on hover, text can be selected).
 */
export const pictureBundle = (text: string, svg: string, alternative?: string): MimeBundle => ({
  "text/plain": text,
  "text/html": alternative ? `${svg}${textAlternative(alternative)}` : svg,
  "image/svg+xml": svg,
});

/** The text alternative of a picture (its tables), folded under it: `<details>` with a summary. */
export const textAlternative = (html: string, summary = "The same as tables (interfaces, routes, NAT)"): string =>
  `<details class="dnl-text-alternative"><summary>${escapeHtml(summary)}</summary>${html}</details>`;
