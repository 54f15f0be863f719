// devcontainer.json as the devcontainers CLI reads it (no registry needed: read-configuration does not pull).
import { accessSync, constants, lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { devcontainerCli } from "./cli.js";

interface DevcontainerConfig {
  readonly image?: string;
  readonly features?: Record<string, unknown>;
  readonly privileged?: boolean;
  readonly remoteUser?: string;
  readonly postCreateCommand?: string;
  readonly forwardPorts?: number[];
}
interface ReadConfiguration {
  readonly configuration: DevcontainerConfig & { configFilePath: { fsPath: string } };
  readonly workspace: { workspaceFolder: string };
}

const topLevel = JSON.parse(readFileSync(join(repoRoot, "devcontainer.json"), "utf8")) as DevcontainerConfig;
let cli: string;

const readConfiguration = async (args: string[]): Promise<ReadConfiguration> => {
  const result = await execa(cli, ["read-configuration", "--workspace-folder", repoRoot, ...args], { reject: false, timeout: 60_000 });
  expect(result.exitCode, String(result.stderr)).toBe(0);
  return JSON.parse(String(result.stdout).trim().split("\n").at(-1) ?? "") as ReadConfiguration;
};

const withoutPath = (configuration: ReadConfiguration["configuration"]): DevcontainerConfig => {
  const { configFilePath: _path, ...rest } = configuration;
  return rest;
};

describe("devcontainer.json", () => {
  beforeAll(async () => {
    cli = await devcontainerCli();
  });

  it("is found by the devcontainers CLI from the workspace folder alone (through .devcontainer.json)", async () => {
    const read = await readConfiguration([]);
    expect(read.configuration.configFilePath.fsPath).toBe(join(repoRoot, ".devcontainer.json"));
    expect(withoutPath(read.configuration)).toEqual(topLevel);
  });

  it("is read by the CLI at the top level with --config devcontainer.json", async () => {
    const read = await readConfiguration(["--config", join(repoRoot, "devcontainer.json")]);
    expect(withoutPath(read.configuration)).toEqual(topLevel);
  });

  it(".devcontainer.json is a link to devcontainer.json (or, on checkouts without links, an identical copy)", () => {
    const link = join(repoRoot, ".devcontainer.json");
    if (lstatSync(link).isSymbolicLink()) expect(readFileSync(link, "utf8")).toBe(readFileSync(join(repoRoot, "devcontainer.json"), "utf8"));
    else expect(JSON.parse(readFileSync(link, "utf8"))).toEqual(topLevel);
  });

  it("brings its own Docker engine (docker-in-docker, privileged) and Node 20", () => {
    expect(Object.keys(topLevel.features ?? {})).toContain("ghcr.io/devcontainers/features/docker-in-docker:2");
    expect(topLevel.privileged).toBe(true);
    expect(topLevel.image).toMatch(/^mcr\.microsoft\.com\/devcontainers\/typescript-node:(1-)?20-bookworm$/);
  });

  it("runs as root (the labs use ip netns, iptables and nsenter) and forwards Jupyter's port 8888", () => {
    expect(topLevel.remoteUser).toBe("root");
    expect(topLevel.forwardPorts).toContain(8888);
  });

  it("sets up on create with kernel-setup/devcontainer-setup.sh, which exists and is executable", () => {
    expect(topLevel.postCreateCommand).toBe("bash kernel-setup/devcontainer-setup.sh");
    const script = join(repoRoot, "kernel-setup", "devcontainer-setup.sh");
    expect(() => accessSync(script, constants.X_OK)).not.toThrow();
    const text = readFileSync(script, "utf8");
    expect(text).toMatch(/^npm ci\b/m);
    expect(text).toMatch(/npm run --silent setup/);
  });

  it("the set-up script is valid bash", async () => {
    const result = await execa("bash", ["-n", join(repoRoot, "kernel-setup", "devcontainer-setup.sh")], { reject: false });
    expect(result.exitCode, String(result.stderr)).toBe(0);
  });
});
