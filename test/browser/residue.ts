// A test's own lab session, and its residue, robust to other engineers' tests running on the same engine at the same time.
import { randomBytes } from "node:crypto";
import { execa } from "execa";
import { expect } from "vitest";
import { hostState, type HostState } from "../helpers/host-state.js";

/** A fresh session id as the labs expect it (4 lowercase letters or digits), starting with a letter. */
export const randomSession = (): string => `t${[...randomBytes(3)].map((b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("")}`;

const ids = async (args: string[]): Promise<string[]> => {
  const result = await execa("docker", args, { reject: false, timeout: 30_000 });
  if (result.exitCode !== 0) throw new Error(`docker ${args.join(" ")} failed: ${String(result.stderr)}`);
  return String(result.stdout).split("\n").filter(Boolean);
};

/**
 * Assert a session left nothing: no container, network or volume with its label, and nothing that appeared since
 * `before` (namespaces, links, iptables rules) carries its name prefix. Changes made by other sessions are ignored;
 * use test/helpers/host-state.ts `expectNoResidue` for the strict whole-host comparison on a quiet machine.
 */
export const expectNoResidueOfSession = async (session: string, before: HostState): Promise<void> => {
  const label = `label=io.docker-net-lab.session=${session}`;
  const engine = {
    containers: await ids(["ps", "-aq", "--filter", label]),
    networks: await ids(["network", "ls", "-q", "--filter", label]),
    volumes: await ids(["volume", "ls", "-q", "--filter", label]),
  };
  expect(engine).toEqual({ containers: [], networks: [], volumes: [] });
  const after = await hostState();
  const prefixes = [`dnl-${session}`, `dnl${session}`];
  const added = (["namespaces", "links", "iptables"] as const).flatMap((kind) =>
    after[kind].filter((item) => !before[kind].includes(item)).map((item) => `${kind}: ${item}`),
  );
  expect(added.filter((item) => prefixes.some((prefix) => item.includes(prefix)))).toEqual([]);
  // In CI nothing else runs on the engine: then the whole host must be exactly as before.
  if (process.env.CI) expect(after).toEqual(before);
};
