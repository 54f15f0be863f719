// What exists on the host, to prove a test left nothing behind (containers, networks, volumes, namespaces, links, iptables rules).
import { execa } from "execa";
import { expect } from "vitest";

export interface HostState {
  readonly containers: string[];
  readonly networks: string[];
  readonly volumes: string[];
  readonly namespaces: string[];
  readonly links: string[];
  readonly iptables: string[];
}

/** The non-empty lines a command prints, trimmed; a failing command throws with its stderr. */
export const commandLines = async (file: string, args: string[]): Promise<string[]> => {
  const result = await execa(file, args, { reject: false, timeout: 30_000 });
  if (result.exitCode !== 0) throw new Error(`${file} ${args.join(" ")} failed: ${String(result.stderr)}`);
  return String(result.stdout)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
};

const lines = async (file: string, args: string[]): Promise<string[]> => (await commandLines(file, args)).sort();

/** Fail loudly (never skip) when no engine answers: in CI a missing engine is a failure. */
export const requireEngine = async (): Promise<void> => {
  const result = await execa("docker", ["version", "--format", "{{.Server.Version}}"], { reject: false, timeout: 15_000 });
  if (result.exitCode !== 0) throw new Error(`These tests need a running Docker engine; run \`npx docker-net-lab setup\` first.\n${String(result.stderr)}`);
};

/** Everything the project could leave behind. iptables rules are compared without counters. */
export const hostState = async (): Promise<HostState> => ({
  containers: await lines("docker", ["ps", "-aq", "--no-trunc"]),
  networks: await lines("docker", ["network", "ls", "-q", "--no-trunc"]),
  volumes: await lines("docker", ["volume", "ls", "-q"]),
  namespaces: (await lines("ip", ["netns", "list"])).map((line) => line.split(" ")[0] ?? line),
  links: (await lines("ip", ["-o", "link", "show"])).map((line) => line.split(":")[1]?.trim().split("@")[0] ?? line).sort(),
  iptables: (await lines("iptables-save", []))
    .filter((line) => !line.startsWith("#"))
    .map((line) => line.replace(/\[\d+:\d+\]/g, ""))
    .sort(),
});

/** Assert the host is as it was. */
export const expectNoResidue = async (before: HostState): Promise<void> => {
  const after = await hostState();
  expect(after).toEqual(before);
};
