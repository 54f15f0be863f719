// One lab's answer key opened in a real browser, as the Notebook tests need it: the key exported next to the lab (so
// the kernel's cwd resolves `docker-net-lab`), `start`'s Jupyter serving it, headless Chromium on one page; and all of
// it removed afterwards (the browser, the server, the session's objects, the key and its checkpoint).
import { readFile, readdir, rm, rmdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { LabDefinition } from "../../src/labs/definition.js";
import { runCli, repoRoot } from "../helpers/cli.js";
import { detectFrontend, type Frontend } from "./frontends.js";
import { launchChromium, startJupyterServer, type HeadlessChromium, type JupyterServer } from "./jupyter.js";

export interface KeyInBrowser {
  readonly server: JupyterServer;
  readonly frontend: Frontend;
  readonly chrome: HeadlessChromium;
  readonly page: Page;
  /** The key's path relative to the server's root, for Frontend.notebookUrl. */
  readonly path: string;
  /** The index of the cell with this id (throws when the lab has none). */
  readonly cellIndex: (id: string) => number;
}

const where = (lab: LabDefinition, lang: "en" | "ko", session: string) => {
  const dir = join(repoRoot, "labs", ...(lang === "ko" ? ["ko"] : []), lab.slug);
  const name = `answer-key-${session}.ipynb`;
  return { dir, name, file: join(dir, name) };
};

/** Export the answer key of `lab` in `lang`, start the server (DNL_SESSION = session) and a browser page. */
export const openKeyInBrowser = async (
  lab: LabDefinition,
  lang: "en" | "ko",
  session: string,
  serve: (start: () => Promise<JupyterServer>) => Promise<JupyterServer> = (start) => start(),
): Promise<KeyInBrowser> => {
  const key = where(lab, lang, session);
  const exported = await runCli(["labs", "export", lab.id, "--solutions", "--lang", lang, "--out", key.file]);
  expect(exported.exitCode, exported.stderr).toBe(0);
  const cellIds = (JSON.parse(await readFile(key.file, "utf8")) as { cells: { id: string }[] }).cells.map((cell) => cell.id);
  const env = { DNL_SESSION: session, ...(lang === "ko" ? { DNL_LANG: "ko" } : {}) };
  const server = await serve(() => startJupyterServer({ env }));
  const frontend = await detectFrontend(server.base, server.token);
  const chrome = await launchChromium();
  const page = await chrome.context.newPage();
  return {
    server,
    frontend,
    chrome,
    page,
    path: `${lab.slug}/${key.name}`,
    cellIndex: (id) => {
      const index = cellIds.indexOf(id);
      if (index < 0) throw new Error(`lab ${lab.id} has no cell with id ${id}`);
      return index;
    },
  };
};

/** Close what is still open of openKeyInBrowser's browser and server, clean the session, remove the key and its checkpoint. */
export const closeKeyInBrowser = async (
  open: { readonly chrome?: HeadlessChromium | undefined; readonly server?: JupyterServer | undefined },
  lab: LabDefinition,
  lang: "en" | "ko",
  session: string,
): Promise<void> => {
  await open.chrome?.close();
  await open.server?.stop();
  // Safety net: the test's own teardown runs first; this removes what a failed run left (this session only).
  await runCli(["clean", "--session", session]);
  const key = where(lab, lang, session);
  await rm(key.file, { force: true });
  const checkpoints = join(key.dir, ".ipynb_checkpoints");
  await rm(join(checkpoints, key.name.replace(/\.ipynb$/, "-checkpoint.ipynb")), { force: true });
  const left = await readdir(checkpoints).catch(() => null);
  if (left && left.length === 0) await rmdir(checkpoints).catch(() => undefined);
};
