// Helpers for browser tests: start Jupyter the way `npm start` does, and drive a headless Chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { repoRoot } from "../helpers/cli.js";
import type { LabRootRun } from "./lab-root.js";
import { freeTcpPort } from "../helpers/net.js";

/** Debian's chromium (install with `apt-get install -y chromium`, or `npx docker-net-lab setup --dev`). */
export const chromiumPath = process.env.DNL_CHROMIUM ?? "/usr/bin/chromium";

/** A random URL-safe token or id. */
export const randomToken = (bytes = 18): string => randomBytes(bytes).toString("base64url");

export interface JupyterServer {
  readonly port: number;
  readonly token: string;
  /** Base URL, e.g. http://127.0.0.1:PORT */
  readonly base: string;
  /** Everything the server printed (stdout and stderr together). */
  readonly log: () => string;
  readonly stop: () => Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Wait for a child to exit, at most `ms`; true when it did.
const exited = (child: ChildProcess, ms: number): Promise<boolean> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve(true);
        });
      });

/**
 * `node dist/cli/bin.js start --port P --no-browser --token T` (what `npm start` runs, set-up included),
 * in its own process group; resolves once /api/status answers with the token. With `root`, `start` runs inside
 * that root filesystem (test/browser/lab-root.ts: Debian 13 with JupyterLab 4), with the root's environment plus `env`.
 */
export const startJupyterServer = async (options: { env?: Record<string, string>; timeoutMs?: number; root?: LabRootRun } = {}): Promise<JupyterServer> => {
  const port = await freeTcpPort();
  const token = randomToken();
  // JupyterLab 4 may keep off-screen cells out of the DOM ("windowing"): render every cell, in a throw-away settings dir
  // (the user's own JupyterLab settings stay untouched). Notebook 6 ignores this. In a root, the dir is in its /tmp.
  const settings = await mkdtemp(join(options.root?.scratch ?? tmpdir(), "dnl-lab-settings-"));
  await mkdir(join(settings, "@jupyterlab", "notebook-extension"), { recursive: true });
  await writeFile(join(settings, "@jupyterlab", "notebook-extension", "tracker.jupyterlab-settings"), JSON.stringify({ windowingMode: "none" }));
  // No update check (JupyterLab 4 asks PyPI) and no news prompt: the test sends traffic only to loopback.
  await mkdir(join(settings, "@jupyterlab", "apputils-extension"), { recursive: true });
  await writeFile(
    join(settings, "@jupyterlab", "apputils-extension", "notification.jupyterlab-settings"),
    JSON.stringify({ checkForUpdates: false, fetchNews: "false", doNotDisturbMode: true }),
  );
  const settingsInside = options.root ? join("/tmp", relative(options.root.scratch, settings)) : settings;
  const startArgv = [process.execPath, join(repoRoot, "dist", "cli", "bin.js"), "start", "--port", String(port), "--no-browser", "--token", token];
  const env = { JUPYTERLAB_SETTINGS_DIR: settingsInside, ...options.env };
  const [file, ...args] = options.root ? options.root.argv(startArgv, env) : startArgv;
  const child = spawn(file as string, args, {
    cwd: repoRoot,
    env: options.root ? process.env : { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await rm(settings, { recursive: true, force: true });
    if (child.pid === undefined) return;
    // `start` forwards SIGTERM to Jupyter as Ctrl-C; Jupyter then shuts its kernels down.
    child.kill("SIGTERM");
    if (!(await exited(child, 20_000))) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
      await exited(child, 5_000);
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`\`docker-net-lab start\` exited with ${child.exitCode} before serving:\n${output}`);
    const answer = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } }).catch(() => null);
    if (answer?.ok) return { port, token, base, log: () => output, stop };
    await sleep(500);
  }
  await stop();
  throw new Error(`Jupyter did not answer on ${base} within the time limit:\n${output}`);
};

export interface HeadlessChromium {
  readonly context: BrowserContext;
  readonly close: () => Promise<void>;
}

/** Debian's chromium, headless, with a fresh profile (--user-data-dir) and no background traffic. */
export const launchChromium = async (viewport = { width: 1280, height: 1000 }): Promise<HeadlessChromium> => {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is not installed at ${chromiumPath}: run \`apt-get install -y chromium\` (or set DNL_CHROMIUM).`);
  const profile = await mkdtemp(join(tmpdir(), "dnl-chromium-"));
  // Playwright passes the profile as --user-data-dir itself (it refuses that flag in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport,
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
};
