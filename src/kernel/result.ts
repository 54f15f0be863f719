// A cell's last value as a MIME bundle: text/plain always, richer types from `[Symbol.for("Jupyter.display")]()`.
import { inspect } from "node:util";

/** Deno's convention: an object's method under this symbol returns its MIME bundle. */
export const jupyterDisplaySymbol = Symbol.for("Jupyter.display");

/** A Jupyter MIME bundle plus its metadata. */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** The text/plain form: strings as they are (command output stays readable), everything else like Node's REPL. */
export const plainText = (value: unknown): string =>
  typeof value === "string" ? value : inspect(value, { depth: 4, colors: false, maxArrayLength: 50, breakLength: 100 });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

// JSON MIME types must be sent as objects; everything else as strings (binary as base64 per the protocol).
const normalize = (data: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [mime, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (value instanceof Uint8Array) out[mime] = Buffer.from(value).toString("base64");
    else if (typeof value === "string" || /json$/.test(mime)) out[mime] = value;
    else out[mime] = String(value);
  }
  return out;
};

/** Bundle for a MIME bundle someone published: text/plain is filled in when missing. */
export const bundleContent = (bundle: Record<string, unknown>, metadata: Record<string, unknown> = {}): DisplayContent => {
  const data = normalize(bundle);
  if (typeof data["text/plain"] !== "string") data["text/plain"] = plainText(bundle);
  return { data, metadata };
};

/**
 * The display content for `value` (awaits an async display method); null when the display method returns
 * null: the value was already shown (e.g. `await lab.step(...)` drew its picture) and needs no Out[] of its own.
 */
export const displayContent = async (value: unknown): Promise<DisplayContent | null> => {
  const method = (value as Record<symbol, unknown> | null | undefined)?.[jupyterDisplaySymbol];
  if (typeof method === "function") {
    const bundle: unknown = await (method as () => unknown).call(value);
    if (bundle === null) return null;
    if (isRecord(bundle)) {
      const data = normalize(bundle);
      if (typeof data["text/plain"] !== "string") data["text/plain"] = plainText(value);
      return { data, metadata: {} };
    }
  }
  return { data: { "text/plain": plainText(value) }, metadata: {} };
};
