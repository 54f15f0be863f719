// One small runner per command the labs read from (np style): array args, named timeouts, text out.
import { run, runText, timeouts } from "./run.js";

/** Which namespace to run in: the host, a container's (by pid) or a named one (`ip netns`). */
export type Where = { readonly kind: "host" } | { readonly kind: "pid"; readonly pid: number } | { readonly kind: "netns"; readonly name: string };

export const onHost: Where = { kind: "host" };

// Prefix a command so it runs inside the chosen network namespace (no tools needed in the container).
export const inNamespace = (where: Where, file: string, args: readonly string[]): [string, string[]] => {
  if (where.kind === "pid") return ["nsenter", ["-t", String(where.pid), "-n", file, ...args]];
  if (where.kind === "netns") return ["ip", ["netns", "exec", where.name, file, ...args]];
  return [file, [...args]];
};

/** `ip -j -d <object> show [args]` in a namespace, JSON text. */
export const ipJson = async (object: "addr" | "link" | "route", args: readonly string[] = [], where: Where = onHost): Promise<string> => {
  const [file, argv] = inNamespace(where, "ip", ["-j", "-d", object, "show", ...args]);
  return runText(file, argv);
};

/** `ip netns list` text. */
export const ipNetnsList = async (): Promise<string> => runText("ip", ["netns", "list"]);

/** `iptables-save -c [-t table]` text. */
export const iptablesSave = async (table?: string, where: Where = onHost): Promise<string> => {
  const [file, argv] = inNamespace(where, "iptables-save", ["-c", ...(table ? ["-t", table] : [])]);
  return runText(file, argv);
};

/** `nft -j list ruleset` JSON text (nftables, e.g. Docker 29's docker-bridges tables). */
export const nftRulesetJson = async (where: Where = onHost): Promise<string> => {
  const [file, argv] = inNamespace(where, "nft", ["-j", "list", "ruleset"]);
  return runText(file, argv);
};

/** `docker <args>` through the CLI (what the learner types), text out. */
export const dockerCli = async (args: readonly string[], timeout: number = timeouts.docker): Promise<string> => runText("docker", args, { timeout });

/** `docker exec <container> <command…>` text out (needs the tool inside the container). */
export const dockerExec = async (container: string, command: readonly string[]): Promise<string> =>
  runText("docker", ["exec", container, ...command], { timeout: timeouts.docker });

/** `brctl show` text (bridge-utils, or busybox's brctl). */
export const brctlShow = async (): Promise<string> => {
  const result = await run("brctl", ["show"], { reject: false });
  if (result.exitCode === 0) return result.stdout;
  return runText("busybox", ["brctl", "show"]);
};

/** `bridge -j link show` JSON text (iproute2). */
export const bridgeLinkJson = async (): Promise<string> => runText("bridge", ["-j", "link", "show"]);
