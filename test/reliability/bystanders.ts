// Things a user made themselves (no docker-net-lab label, no dnl prefix) that the kit must never touch; and residue checks per session.
import { execa } from "execa";
import { expect } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { commandLines } from "../helpers/host-state.js";

export const toolbox = "docker-net-lab/toolbox:0.1.0";

const lines = commandLines;

export interface Bystanders {
  readonly container: string;
  readonly network: string;
  readonly namespace: string;
  /** A container named like a lab object (`dnl-<session>-01-web1`) but without our label: a user's own. */
  readonly lookalike: string;
  readonly lookalikeSession: string;
}

/** Make an unlabeled container, network and namespace, plus an unlabeled container with a dnl-style name. */
export const makeBystanders = async (): Promise<Bystanders> => {
  const tag = newSessionId();
  const lookalikeSession = newSessionId();
  const b: Bystanders = {
    container: `user-web-${tag}`,
    network: `user-net-${tag}`,
    namespace: `user-ns-${tag}`,
    lookalike: `dnl-${lookalikeSession}-01-web1`,
    lookalikeSession,
  };
  await execa("docker", ["run", "-d", "--name", b.container, toolbox, "sleep", "86400"], { timeout: 60_000 });
  await execa("docker", ["run", "-d", "--name", b.lookalike, toolbox, "sleep", "86400"], { timeout: 60_000 });
  await execa("docker", ["network", "create", b.network], { timeout: 60_000 });
  await execa("ip", ["netns", "add", b.namespace]);
  return b;
};

/** Assert every bystander still exists. */
export const expectBystandersAlive = async (b: Bystanders): Promise<void> => {
  const containers = await lines("docker", ["ps", "--format", "{{.Names}}"]);
  expect(containers).toContain(b.container);
  expect(containers).toContain(b.lookalike);
  expect(await lines("docker", ["network", "ls", "--format", "{{.Name}}"])).toContain(b.network);
  expect((await lines("ip", ["netns", "list"])).map((line) => line.split(" ")[0])).toContain(b.namespace);
};

/** Remove the bystanders (the test's own cleanup). */
export const removeBystanders = async (b: Bystanders): Promise<void> => {
  await execa("docker", ["rm", "-f", b.container, b.lookalike], { reject: false, timeout: 60_000 });
  await execa("docker", ["network", "rm", b.network], { reject: false, timeout: 60_000 });
  await execa("ip", ["netns", "delete", b.namespace], { reject: false });
};

/** Everything that belongs to these sessions: labeled containers, networks, volumes; prefixed namespaces and links. */
export const sessionObjects = async (sessions: readonly string[]): Promise<string[]> => {
  const found: string[] = [];
  for (const session of sessions) {
    const label = `label=io.docker-net-lab.session=${session}`;
    found.push(...(await lines("docker", ["ps", "-a", "--filter", label, "--format", "container {{.Names}}"])));
    found.push(...(await lines("docker", ["network", "ls", "--filter", label, "--format", "network {{.Name}}"])));
    found.push(...(await lines("docker", ["volume", "ls", "--filter", label, "--format", "volume {{.Name}}"])));
    const prefixes = [`dnl-${session}-`, `dnl${session}`];
    found.push(
      ...(await lines("ip", ["netns", "list"]))
        .map((line) => line.split(" ")[0] ?? "")
        .filter((name) => prefixes.some((p) => name.startsWith(p)))
        .map((n) => `namespace ${n}`),
    );
    found.push(
      ...(await lines("ip", ["-o", "link", "show"]))
        .map((line) => line.split(":")[1]?.trim().split("@")[0] ?? "")
        .filter((name) => prefixes.some((p) => name.startsWith(p)))
        .map((n) => `link ${n}`),
    );
  }
  return found;
};
