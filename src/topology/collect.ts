// Small readers the snapshot needs besides `ip`: named namespaces, namespace identities,
// iptables-save text, the nftables ruleset and docker-proxy processes (read from /proc, no command needed). Read-only.
// /proc and /var/run/netns are read synchronously: each read takes microseconds, while a trip through
// libuv's thread pool per file made the docker-proxy scan ten times slower.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { netnsDir } from "../exec/netns.js";
import { iptablesSave, nftRulesetJson, type Where } from "../exec/commands.js";
import type { DockerProxy } from "./model.js";

/** The kernel identity (inode) of a network namespace; null when it cannot be read (process gone). */
export const namespaceInode = async (where: Where): Promise<number | null> => namespaceInodeNow(where);

/** namespaceInode, synchronously. */
export const namespaceInodeNow = (where: Where): number | null => {
  const path = where.kind === "pid" ? `/proc/${where.pid}/ns/net` : where.kind === "netns" ? `${netnsDir}/${where.name}` : "/proc/self/ns/net";
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
};

/** `iptables-save -c` of the host (or of `where`), or null with a warning when it cannot run. */
export const readIptables = async (warnings: string[], where: Where = { kind: "host" }): Promise<string | null> => {
  try {
    return await iptablesSave(undefined, where);
  } catch (error) {
    warnings.push(`could not read iptables: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
};

/**
 * `nft -j list ruleset` of a namespace (the host by default), or null: without the nft binary (nothing uses nftables directly, or iptables
 * is all there is) quietly, else with a warning when it cannot run.
 */
export const readNftables = async (warnings: string[], where: Where = { kind: "host" }): Promise<string | null> => {
  if (!(process.env.PATH ?? "").split(":").some((dir) => dir !== "" && existsSync(join(dir, "nft")))) return null;
  try {
    return await nftRulesetJson(where);
  } catch (error) {
    warnings.push(`could not read nftables: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
};

// Value following a flag in an argv (`-host-port 8080`), or null.
const flagValue = (argv: readonly string[], flag: string): string | null => {
  const at = argv.indexOf(flag);
  return at >= 0 ? (argv[at + 1] ?? null) : null;
};

/** A docker-proxy's argv (`docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip … -container-port 80`) -> DockerProxy, or null. */
export const proxyFromArgv = (pid: number, argv: readonly string[]): DockerProxy | null => {
  if (!argv[0]?.endsWith("docker-proxy")) return null;
  const hostPort = Number(flagValue(argv, "-host-port"));
  const containerPort = Number(flagValue(argv, "-container-port"));
  const containerIp = flagValue(argv, "-container-ip");
  if (!Number.isInteger(hostPort) || !Number.isInteger(containerPort) || !containerIp) return null;
  return { pid, protocol: flagValue(argv, "-proto") ?? "tcp", hostIp: flagValue(argv, "-host-ip") ?? "0.0.0.0", hostPort, containerIp, containerPort };
};

// The pid as the innermost pid namespace numbers it (NSpid's last field): what a notebook in a grading sandbox saw.
const innerPid = (pid: number): number => {
  const nspid =
    /^NSpid:\s+(.*)$/m
      .exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]
      ?.trim()
      .split(/\s+/)
      .map(Number) ?? [];
  return nspid.at(-1) ?? pid;
};

/**
 * Every docker-proxy listening in one network namespace (the host's by default, given by its inode), from
 * /proc/<pid>/cmdline (sorted by host port). Proxies of engines running in other namespaces are left out. The
 * grader reading a sandbox's engine ($DNL_ENGINE_PID_GROUP set, src/docker/adapter.ts) gets their pids as the
 * sandbox's pid namespace numbers them, the numbers the submission saw (`pgrep docker-proxy` in its notebook).
 */
export const readDockerProxies = async (namespace?: number | null): Promise<DockerProxy[]> => {
  const hostInode = namespace === undefined ? await namespaceInode({ kind: "host" }) : namespace;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const pids = entries.filter((entry) => /^\d+$/.test(entry)).map(Number);
  const found = await Promise.all(
    pids.map(async (pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        const proxy = proxyFromArgv(pid, argv);
        if (proxy && hostInode !== null && (await namespaceInode({ kind: "pid", pid })) !== hostInode) return null;
        return proxy && process.env.DNL_ENGINE_PID_GROUP ? { ...proxy, pid: innerPid(pid) } : proxy;
      } catch {
        return null;
      }
    }),
  );
  return found.filter((proxy): proxy is DockerProxy => proxy !== null).sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol));
};
