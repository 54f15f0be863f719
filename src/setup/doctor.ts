// doctor and setup: every piece the labs need, its state, and the command that fixes it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EnvironmentError } from "../errors.js";
import { run } from "../exec/run.js";
import { engineFixFor } from "../exec/classify.js";
import { engineStatus, ensureEngine } from "./engine.js";
import { gatherEngineFacts, judgeEnginePlace, type EngineFacts } from "./engine-place.js";
import { ensureToolboxImage, imageStatus } from "./image.js";
import { ensureJupyter, frontendName, jupyterInstallPlanHere, jupyterStatus, type JupyterStatus } from "./jupyter.js";
import { installKernelspec, kernelDisplayName, kernelspecStatus } from "./kernelspec.js";
import { packageRoot } from "./paths.js";
import { ensureBinLink, ensureSelfLink, selfLinkOk } from "./self-link.js";
import { aptInstall, isRoot, which } from "./system.js";

/** One line of `doctor`. */
export interface DoctorItem {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The command that fixes it (empty when ok). */
  readonly fix: string;
}

const setupCommand = "npx docker-net-lab setup";

/** Host tools the labs and checks run, and the Debian package of each (installed by setup when root). */
export const hostTools: Readonly<Record<string, string>> = {
  ip: "iproute2",
  iptables: "iptables",
  nsenter: "util-linux",
  brctl: "bridge-utils",
  curl: "curl",
  // ping, nc and httpd inside the labs' hand-made namespaces (which have no container image).
  busybox: "busybox-static",
};

/** The item name of the engine-location check (preflight and the lab preconditions look it up). */
export const engineLocationItem = "engine location";

/**
 * `docker info`'s firewall backend (Docker 28.1+; older engines use iptables and do not say), what reading it needs,
 * and where the rules really are: `dockerBridges` says whether nft lists `table ip docker-bridges` (null: not asked).
 */
export const firewallItem = (facts: EngineFacts, nftInstalled: boolean, dockerBridges: boolean | null = null): DoctorItem => {
  const backend = facts.info?.firewallBackend ?? null;
  const extra = facts.info?.firewallInfo.length ? ` (${facts.info.firewallInfo.join(", ")})` : "";
  if (backend === null)
    return {
      name: "firewall backend",
      ok: true,
      detail: `iptables (Docker ${facts.info?.serverVersion ?? "?"} does not report one: engines before 28.1 always use iptables)`,
      fix: "",
    };
  if (backend.startsWith("nftables")) {
    if (!nftInstalled)
      return {
        name: "firewall backend",
        ok: false,
        detail: `${backend}${extra}, but the nft command is missing: snapshot and explain cannot read Docker's rules`,
        fix: isRoot() ? "apt-get install nftables" : "sudo apt-get install nftables",
      };
    // Docker 28.x with DOCKER_FIREWALL_BACKEND=nftables reports nftables, yet its bridge driver still writes iptables rules.
    if (dockerBridges === false)
      return {
        name: "firewall backend",
        ok: true,
        detail: `${backend}${extra} says docker info, but there is no nftables table ip docker-bridges: this engine's bridge rules are iptables rules (Docker 28 only reports the setting; its nftables bridge rules came with Docker 29)`,
        fix: "",
      };
    return {
      name: "firewall backend",
      ok: true,
      detail: `${backend}${extra}: Docker's rules are the nftables tables ip/ip6 docker-bridges (no DOCKER-USER chain)`,
      fix: "",
    };
  }
  return { name: "firewall backend", ok: true, detail: `${backend}${extra}`, fix: "" };
};

/** Where the engine runs compared with this process (see engine-place.ts). */
export const locationItem = (facts: EngineFacts): DoctorItem => {
  const place = judgeEnginePlace(facts);
  if (place.where === "here" || place.where === "unknown")
    return {
      name: engineLocationItem,
      ok: true,
      detail: place.where === "here" ? `this network namespace: ${place.because}` : `not known (${place.because}); checks will run`,
      fix: "",
    };
  return {
    name: engineLocationItem,
    ok: false,
    detail: `${place.where === "other-machine" ? "another machine or VM" : "another network namespace"}: ${place.because}. Works from here: ${place.works}. Does not: ${place.breaks}.`,
    fix: place.fix,
  };
};

/** The Jupyter line: which frontend `start` serves (JupyterLab first), or what is missing and how to install it. */
export const jupyterItem = async (status: JupyterStatus): Promise<DoctorItem> => {
  if (status.ok) {
    const { frontend, version, python } = status.info;
    const name = `${frontendName[frontend]}${version ? ` ${version}` : ""}`;
    return { name: "jupyter", ok: true, detail: `${name} (python ${python}); \`start\` serves ${frontendName[frontend]}`, fix: "" };
  }
  const where = status.python ? `${status.python} lacks ${status.missing.join(", ")}` : "not found";
  const plan = await jupyterInstallPlanHere();
  return {
    name: "jupyter",
    ok: false,
    detail: `${where}; setup installs ${frontendName[plan.frontend]} (Debian's ${plan.packages[0]})`,
    fix: isRoot() ? setupCommand : `sudo apt-get install ${plan.packages.join(" ")}`,
  };
};

/** Check every piece; never throws, changes nothing. */
export const doctor = async (): Promise<DoctorItem[]> => {
  const items: DoctorItem[] = [];
  const built = existsSync(join(packageRoot, "dist", "index.js"));
  items.push({ name: "library build", ok: built, detail: built ? "dist/ is built" : "dist/ is missing", fix: built ? "" : "npm install (runs the build)" });
  const engine = await engineStatus();
  items.push({
    name: "docker engine",
    ok: engine.ok,
    detail: engine.ok ? `Docker ${engine.version}` : engine.detail,
    fix: engine.ok ? "" : engineFixFor(engine.detail),
  });
  const facts = engine.ok ? await gatherEngineFacts() : null;
  if (facts?.info) {
    const nft = (await which("nft")) !== null;
    const tables = nft && facts.info.firewallBackend?.startsWith("nftables") ? await run("nft", ["list", "tables"], { reject: false, timeout: 10_000 }) : null;
    items.push(firewallItem(facts, nft, tables && tables.exitCode === 0 ? /^table ip docker-bridges$/m.test(tables.stdout) : null), locationItem(facts));
  }
  const image = engine.ok ? await imageStatus() : { ok: false, image: "", detail: "needs the engine first" };
  items.push({ name: "toolbox image", ok: image.ok, detail: image.ok ? image.image : image.detail, fix: image.ok ? "" : setupCommand });
  const missingTools: string[] = [];
  for (const tool of Object.keys(hostTools)) if (!(await which(tool))) missingTools.push(tool);
  const packages = missingTools.map((tool) => hostTools[tool] as string);
  items.push({
    name: "host tools",
    ok: missingTools.length === 0,
    detail: missingTools.length ? `missing: ${missingTools.join(", ")}` : Object.keys(hostTools).join(", "),
    fix: missingTools.length ? (isRoot() ? setupCommand : `sudo apt-get install ${packages.join(" ")}`) : "",
  });
  items.push({
    name: "root",
    ok: isRoot(),
    detail: isRoot() ? "running as root" : "namespaces, veths and iptables need root",
    fix: isRoot() ? "" : "run the labs as root (e.g. in the devcontainer) or with sudo",
  });
  const jupyter = await jupyterStatus();
  items.push(await jupyterItem(jupyter));
  const found = jupyter.ok ? jupyter.info : null;
  const kernel = found ? await kernelspecStatus(found) : { ok: false, path: "", detail: "needs Jupyter first" };
  items.push({
    name: "kernel",
    ok: kernel.ok,
    detail: kernel.ok ? `${kernelDisplayName} in ${kernel.path}` : kernel.detail,
    fix: kernel.ok ? "" : setupCommand,
  });
  const linked = await selfLinkOk();
  items.push({
    name: "notebook import",
    ok: linked,
    detail: linked ? 'import … from "docker-net-lab" resolves' : "node_modules/docker-net-lab link missing",
    fix: linked ? "" : setupCommand,
  });
  return items;
};

// Install the missing host tools from Debian (root only; doctor shows the apt-get line to others).
const ensureHostTools = async (log: (line: string) => void): Promise<void> => {
  const missing: string[] = [];
  for (const [tool, pkg] of Object.entries(hostTools)) if (!(await which(tool))) missing.push(pkg);
  if (missing.length && isRoot()) await aptInstall(missing, log);
};

/** Debian packages the project's own tests and benchmarks use (kernel test suite, browser, jc). */
export const devPackages = {
  "python3-jupyter-kernel-test": "/usr/lib/python3/dist-packages/jupyter_kernel_test",
  chromium: "/usr/bin/chromium",
  jc: "/usr/bin/jc",
  // Korean glyphs for the browser test's screenshots of the Korean labs (test/browser/korean.test.ts).
  "fonts-nanum": "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
} as const;

// Install the test tools that are missing (root only; others get the apt-get line).
const ensureDevTools = async (log: (line: string) => void): Promise<void> => {
  const missing = Object.entries(devPackages)
    .filter(([, path]) => !existsSync(path))
    .map(([pkg]) => pkg);
  if (missing.length === 0) return;
  if (!isRoot()) throw new EnvironmentError(`Test tools are missing: ${missing.join(", ")}.`, { hint: `sudo apt-get install ${missing.join(" ")}` });
  await aptInstall(missing, log);
};

/** Idempotent set-up of everything doctor checks (with `dev`, also the tools the tests need). */
export const setup = async (log: (line: string) => void, options: { dev?: boolean } = {}): Promise<DoctorItem[]> => {
  if (!existsSync(join(packageRoot, "dist", "index.js"))) {
    log("building the library (tsc)");
    await run(process.execPath, [join(packageRoot, "node_modules", "typescript", "bin", "tsc"), "-p", join(packageRoot, "tsconfig.json")], {
      timeout: 300_000,
    });
  }
  await ensureSelfLink();
  await ensureBinLink();
  await ensureHostTools(log);
  await ensureEngine(log);
  await ensureToolboxImage(log);
  const jupyter = await ensureJupyter(log);
  await installKernelspec(jupyter, log);
  if (options.dev) await ensureDevTools(log);
  return doctor();
};

/**
 * Fail fast, before any work, when something `labs run` or `grade` needs is missing (root too, unless `needRoot` is
 * false; the engine in this network namespace unless `needEngineHere` is false: labs 07 and 08 run their own engine).
 */
export const preflight = async (options: { needRoot?: boolean; needEngineHere?: boolean } = {}): Promise<void> => {
  const { needRoot = true, needEngineHere = true } = options;
  const missing = (await doctor()).filter((item) => !item.ok && (needRoot || item.name !== "root") && (needEngineHere || item.name !== engineLocationItem));
  if (missing.length === 0) return;
  const engine = missing.find((item) => item.name === "docker engine");
  const first = engine ?? (missing[0] as DoctorItem);
  throw new EnvironmentError(`Not ready: ${missing.map((item) => `${item.name} (${item.detail})`).join("; ")}.`, { hint: `Fix: ${first.fix}` });
};
