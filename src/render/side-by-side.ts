// "What the kernel printed" next to "what it means": raw text and the parsed value, side by side.
import { escapeHtml, type MimeBundle } from "./display.js";

/** A two-column bundle: raw command output left, parsed JSON right. */
export const sideBySideBundle = (raw: string, parsed: unknown, title = ""): MimeBundle => {
  const json = JSON.stringify(parsed, null, 2) ?? "undefined";
  const cell = "vertical-align:top;text-align:left;padding:4px 8px;max-width:50%";
  const pre = "margin:0;font-size:11px;white-space:pre-wrap;word-break:break-all;max-height:420px;overflow:auto";
  return {
    "text/plain": `${title ? `${title}\n` : ""}--- printed ---\n${raw.trimEnd()}\n--- parsed ---\n${json}`,
    "text/html": `<div class="dnl-side-by-side">${title ? `<b>${escapeHtml(title)}</b>` : ""}<table style="width:100%;table-layout:fixed"><thead><tr><th style="${cell}">what the command printed</th><th style="${cell}">what it means (parsed)</th></tr></thead><tbody><tr><td style="${cell}"><pre style="${pre}">${escapeHtml(raw.trimEnd())}</pre></td><td style="${cell}"><pre style="${pre}">${escapeHtml(json)}</pre></td></tr></tbody></table></div>`,
  };
};
