// `npm start`: which Jupyter it runs (JupyterLab first), with which arguments, and the URL it prints.
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { jupyterArgs, jupyterUrl, launchPlan, validToken } from "../../src/cli/start.js";
import { findJupyter } from "../../src/setup/jupyter.js";
import { labsDir } from "../../src/setup/paths.js";
import { runCli } from "../helpers/cli.js";

const options = { ip: "127.0.0.1", openBrowser: false, token: "s3cret-token" } as const;

// A stand-in python3 that reports `modules` (name -> version, null = not importable) to the Jupyter probe and hands
// everything else to the real /usr/bin/python3.
const fakePython = async (modules: Record<string, string | null>): Promise<{ python: string; dir: string }> => {
  const dir = await mkdtemp(join(tmpdir(), "dnl-fake-python-"));
  const python = join(dir, "python3");
  await writeFile(python, `#!/bin/sh\ncase "$*" in\n  *importlib*) echo '${JSON.stringify(modules)}'; exit 0 ;;\nesac\nexec /usr/bin/python3 "$@"\n`);
  await chmod(python, 0o755);
  return { python, dir };
};

const libraries = { jupyter_client: "8.6.3", jupyter_core: "5.7.2", nbclient: "0.8.0", nbformat: "5.9.1" };

describe("start: choosing and launching Jupyter", () => {
  const saved = process.env.DNL_PYTHON;
  const dirs: string[] = [];
  afterEach(async () => {
    if (saved === undefined) delete process.env.DNL_PYTHON;
    else process.env.DNL_PYTHON = saved;
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it("findJupyter() picks JupyterLab when the Python that has Jupyter also imports jupyterlab, and runs it as `python -m jupyterlab`", async () => {
    const fake = await fakePython({ ...libraries, jupyterlab: "4.0.11", notebook: "6.4.13" });
    dirs.push(fake.dir);
    process.env.DNL_PYTHON = fake.python;
    const found = await findJupyter();
    expect(found).toEqual({ python: fake.python, frontend: "lab", version: "4.0.11" });
    const plan = launchPlan(found!, 8890, options);
    expect(plan.command).toBe(fake.python);
    expect(plan.args.slice(0, 2)).toEqual(["-m", "jupyterlab"]);
    expect(plan.url).toBe("http://127.0.0.1:8890/lab?token=s3cret-token");
  });

  it("findJupyter() takes a JupyterLab-only install (no `notebook` module, no `jupyter` launcher: Debian 13's jupyterlab)", async () => {
    const fake = await fakePython({ ...libraries, jupyterlab: "4.0.11", notebook: null });
    dirs.push(fake.dir);
    process.env.DNL_PYTHON = fake.python;
    expect(await findJupyter()).toEqual({ python: fake.python, frontend: "lab", version: "4.0.11" });
  });

  it("findJupyter() falls back to the classic Notebook when jupyterlab is not importable", async () => {
    const fake = await fakePython({ ...libraries, jupyterlab: null, notebook: "6.4.12" });
    dirs.push(fake.dir);
    process.env.DNL_PYTHON = fake.python;
    const found = await findJupyter();
    expect(found).toMatchObject({ python: fake.python, frontend: "notebook" });
    expect(launchPlan(found!, 8890, options).args.slice(0, 2)).toEqual(["-m", "notebook"]);
  });

  it("`doctor --json` recognizes a JupyterLab-only install and says `start` serves JupyterLab", async () => {
    const fake = await fakePython({ ...libraries, jupyterlab: "4.0.11", notebook: null });
    dirs.push(fake.dir);
    const result = await runCli(["doctor", "--json"], { env: { DNL_PYTHON: fake.python } });
    const report = JSON.parse(result.stdout) as { items: { name: string; ok: boolean; detail: string }[] };
    const jupyter = report.items.find((item) => item.name === "jupyter");
    expect(jupyter).toEqual({ name: "jupyter", ok: true, detail: `JupyterLab 4.0.11 (python ${fake.python}); \`start\` serves JupyterLab`, fix: "" });
  });

  it("jupyterArgs(lab) serves labs/ on one port, without a browser, with the token as ServerApp.token", () => {
    const args = jupyterArgs("lab", 8890, options);
    expect(args).toEqual(
      expect.arrayContaining([
        `--notebook-dir=${labsDir()}`,
        "--port=8890",
        "--port-retries=0",
        "--ip=127.0.0.1",
        "--no-browser",
        "--ServerApp.token=s3cret-token",
      ]),
    );
    expect(args.some((arg) => arg.startsWith("--NotebookApp."))).toBe(false);
  });

  it("jupyterArgs(notebook) passes the token as NotebookApp.token and opens a browser unless told not to", () => {
    const args = jupyterArgs("notebook", 8888, { ip: "0.0.0.0", openBrowser: true, token: "s3cret-token" });
    expect(args).toContain("--NotebookApp.token=s3cret-token");
    expect(args).not.toContain("--no-browser");
    expect(jupyterArgs("notebook", 8888, { ip: "127.0.0.1", openBrowser: false }).some((arg) => arg.includes("token"))).toBe(false);
  });

  it("jupyterUrl() names the page each frontend opens and a host a browser can reach", () => {
    expect(jupyterUrl("notebook", "127.0.0.1", 8888)).toBe("http://127.0.0.1:8888/tree");
    expect(jupyterUrl("lab", "0.0.0.0", 8889, "a/b c")).toBe("http://127.0.0.1:8889/lab?token=a%2Fb%20c");
    expect(jupyterUrl("lab", "::1", 8888)).toBe("http://[::1]:8888/lab");
  });

  it("validToken() accepts URL-safe tokens and rejects short or odd ones", () => {
    expect(validToken("abc-DEF_123")).toBe("abc-DEF_123");
    expect(() => validToken("short")).toThrow(/--token/);
    expect(() => validToken("has spaces in it")).toThrow(/--token/);
  });

  it("`start --token` with a bad token exits 2 before setting anything up", async () => {
    const result = await runCli(["start", "--no-browser", "--token", "bad token!"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Expected the `--token` option/);
  });

  it("`start --help` documents --token and --no-browser", async () => {
    const result = await runCli(["start", "--help"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/--token <token>/);
    expect(result.stdout).toMatch(/--no-browser/);
  });
});
