// Which Jupyter setup installs and start serves: JupyterLab where the distribution has it, the classic Notebook elsewhere.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jupyterItem } from "../../src/setup/doctor.js";
import { chooseFrontend, jupyterBasePackages, jupyterInstallPlan } from "../../src/setup/jupyter.js";
import { parseAptPolicy } from "../../src/setup/system.js";
import { repoRoot } from "../helpers/cli.js";

const fixture = (name: string): Promise<string> => readFile(join(repoRoot, "test", "fixtures", "setup", name), "utf8");
const base = { jupyter_client: "8.6.3", jupyter_core: "5.7.2", nbclient: "0.8.0", nbformat: "5.9.1" };

describe("parseAptPolicy(text)", () => {
  it("reads Debian 13's jupyterlab candidate from recorded `apt-cache policy`", async () => {
    const policy = parseAptPolicy(await fixture("apt-cache-policy--debian13.txt"));
    expect(policy.jupyterlab).toEqual({ installed: "4.0.11+ds1+~cs11.25.27-7", candidate: "4.0.11+ds1+~cs11.25.27-7" });
    expect(policy["jupyter-notebook"]).toEqual({ installed: null, candidate: "6.4.13-5" });
  });

  it("has no jupyterlab on Debian 12, where apt prints nothing for it", async () => {
    const policy = parseAptPolicy(await fixture("apt-cache-policy--debian12.txt"));
    expect(Object.keys(policy)).toEqual(["jupyter-notebook"]);
    expect(policy.jupyterlab).toBeUndefined();
    expect(policy["jupyter-notebook"]?.candidate).toBe("6.4.12-2.2");
  });

  it("reads `(none)` as no version and ignores the version table", () => {
    const text = "jupyterlab:\n  Installed: (none)\n  Candidate: (none)\n  Version table:\n     4.0.11-7 -1\n        100 /var/lib/dpkg/status\n";
    expect(parseAptPolicy(text)).toEqual({ jupyterlab: { installed: null, candidate: null } });
    expect(parseAptPolicy("")).toEqual({});
  });
});

describe("jupyterInstallPlan(jupyterlab candidate)", () => {
  it("installs JupyterLab where the distribution has a jupyterlab package", () => {
    expect(jupyterInstallPlan("4.0.11+ds1+~cs11.25.27-7")).toEqual({ frontend: "lab", packages: ["jupyterlab", ...jupyterBasePackages] });
  });

  it("installs the classic Notebook where it has none (Debian 12)", () => {
    const plan = jupyterInstallPlan(null);
    expect(plan).toEqual({ frontend: "notebook", packages: ["jupyter-notebook", ...jupyterBasePackages] });
    expect(plan.packages).not.toContain("jupyterlab");
  });

  it("always brings what `labs run` and `grade` need (nbclient) whichever frontend", () => {
    for (const candidate of ["4.0.11", null])
      expect(jupyterInstallPlan(candidate).packages).toEqual(expect.arrayContaining(["python3-nbclient", "python3-jupyter-client"]));
  });
});

describe("chooseFrontend(importable modules)", () => {
  it("takes JupyterLab from a JupyterLab-only install (Debian 13's jupyterlab has no `notebook` module)", () => {
    expect(chooseFrontend({ ...base, jupyterlab: "4.0.11", notebook: null })).toEqual({ frontend: "lab", version: "4.0.11" });
  });

  it("prefers JupyterLab when both are there, and takes Notebook when it is the only one", () => {
    expect(chooseFrontend({ ...base, jupyterlab: "4.0.11", notebook: "6.4.13" })).toMatchObject({ frontend: "lab" });
    expect(chooseFrontend({ ...base, jupyterlab: null, notebook: "6.4.12" })).toEqual({ frontend: "notebook", version: "6.4.12" });
  });

  it("says what is missing: nbclient for a bare JupyterLab, a frontend for bare libraries", () => {
    expect(chooseFrontend({ ...base, nbclient: null, jupyterlab: "4.0.11", notebook: null })).toEqual({ missing: ["nbclient"] });
    expect(chooseFrontend({ ...base, jupyterlab: null, notebook: null })).toEqual({ missing: ["jupyterlab or notebook"] });
  });
});

describe("doctor's Jupyter line", () => {
  it("names the frontend `start` serves", async () => {
    const lab = await jupyterItem({ ok: true, info: { python: "/usr/bin/python3", frontend: "lab", version: "4.0.11" } });
    expect(lab).toMatchObject({ name: "jupyter", ok: true, fix: "" });
    expect(lab.detail).toBe("JupyterLab 4.0.11 (python /usr/bin/python3); `start` serves JupyterLab");
    const notebook = await jupyterItem({ ok: true, info: { python: "/usr/bin/python3", frontend: "notebook", version: "6.4.12" } });
    expect(notebook.detail).toMatch(/`start` serves Jupyter Notebook$/);
  });

  it("says what the closest Python lacks and what setup would install", async () => {
    const item = await jupyterItem({ ok: false, python: "/usr/bin/python3", missing: ["nbclient"] });
    expect(item.ok).toBe(false);
    expect(item.detail).toMatch(
      /^\/usr\/bin\/python3 lacks nbclient; setup installs (JupyterLab \(Debian's jupyterlab\)|Jupyter Notebook \(Debian's jupyter-notebook\))$/,
    );
    expect(item.fix).not.toBe("");
  });
});
