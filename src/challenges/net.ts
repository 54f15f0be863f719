// What the challenges build and read besides their cables (src/labs/cable.ts: a namespace on a veth from the host,
// with TEST-NET addresses, and a web server inside it): owned containers and networks, tagged rules, and the reads
// the checks make (a page fetched from a namespace, a container or the host). Only the session's own namespaces and containers are
// ever asked to send anything.
import { ipJson, iptablesSave } from "../exec/commands.js";
import { run } from "../exec/run.js";
import { taggedRules } from "../labs/clean.js";
import type { LabContext } from "../labs/definition.js";
import { freeSubnet } from "../labs/free.js";
import { outerPid } from "../exec/daemon.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import { parseIpLink } from "../parse/ip-link.js";
import { shellWords } from "../parse/iptables-save.js";

/** The page at `url` as fetched from inside a named namespace (curl), or null when none came back. */
export const fetchFromNamespace = async (ns: string, url: string): Promise<string | null> => {
  const result = await run("ip", ["netns", "exec", ns, "curl", "-sf", "--max-time", "3", url], { reject: false, timeout: 10_000 });
  return result.exitCode === 0 ? result.stdout.trim() : null;
};

/** The page at `url` as fetched from the host (curl), or null. */
export const fetchFromHost = async (url: string): Promise<string | null> => {
  const result = await run("curl", ["-sf", "--max-time", "3", url], { reject: false, timeout: 10_000 });
  return result.exitCode === 0 ? result.stdout.trim() : null;
};

/**
 * A running container's pid (its network namespace), or null. The grader reading a sandbox's engine (which numbers
 * pids in its own pid namespace) gets the pid as it sees it ($DNL_ENGINE_PID_GROUP, src/docker/adapter.ts).
 */
export const containerPid = async (container: string): Promise<number | null> => {
  const pid = Number((await run("docker", ["inspect", "-f", "{{.State.Pid}}", container], { reject: false })).stdout.trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const group = process.env.DNL_ENGINE_PID_GROUP;
  return group ? outerPid(pid, group) : pid;
};

/**
 * The page at `url` as fetched from inside a running container's network namespace, or null. The host's curl runs
 * in that namespace (nsenter -n): the container's addresses, routes and firewall, and no resolver (the URL holds an
 * address). busybox wget in the toolbox image crashes on user-defined networks (SIGSEGV), so it is not used.
 */
export const fetchFromContainer = async (container: string, url: string): Promise<string | null> => {
  const pid = await containerPid(container);
  if (pid === null) return null;
  const result = await run("nsenter", ["-t", String(pid), "-n", "curl", "-sf", "--max-time", "3", url], { reject: false, timeout: 10_000 });
  return result.exitCode === 0 ? result.stdout.trim() : null;
};

/**
 * Whether an ICMP echo of `size` data bytes (the IP packet is 28 bytes more) from a running container's namespace
 * to `address` gets its answer: the host's busybox ping in that namespace (nsenter -n), two tries. A packet larger
 * than the sender's interface is fragmented by the sender; one larger than the device that receives it is dropped.
 * One echo, and one more when it got no answer (at most about two seconds).
 */
export const pingFromContainer = async (container: string, address: string, size: number): Promise<boolean> => {
  const pid = await containerPid(container);
  if (pid === null) return false;
  const argv = ["-t", String(pid), "-n", "busybox", "ping", "-c", "1", "-W", "1", "-s", String(size), address];
  for (let i = 0; i < 2; i++) if ((await run("nsenter", argv, { reject: false, timeout: 10_000 })).exitCode === 0) return true;
  return false;
};

/** The MTU of the interface that holds `address` inside a running container, and of its veth peer on this side (null when not found). */
export const interfaceMtus = async (
  container: string,
  address: string,
): Promise<{ readonly name: string; readonly inside: number | null; readonly peer: number | null } | null> => {
  const pid = await containerPid(container);
  if (pid === null) return null;
  const inside = parseIpAddr(await ipJson("addr", [], { kind: "pid", pid }).catch(() => "[]")).value;
  const own = inside.find((i) => i.addresses.some((a) => a.address === address));
  if (!own) return null;
  const host = parseIpLink(await ipJson("link").catch(() => "[]")).value;
  return { name: own.name, inside: own.mtu, peer: host.find((link) => link.ifindex === own.peerIfindex)?.mtu ?? null };
};

/** Delete every iptables rule whose comment names this challenge in this session (`dnl-<session>-<id>…`). */
export const deleteTaggedRules = async (context: LabContext): Promise<number> => {
  const mark = context.session.name("");
  const rules = taggedRules(await iptablesSave().catch(() => ""), context.session.session).filter((rule) => rule.spec.includes(mark));
  for (const rule of rules) await run("iptables", ["-t", rule.table, "-D", rule.chain, ...(shellWords(rule.spec) ?? [])], { reject: false });
  return rules.length;
};

// The three TEST-NET blocks (RFC 5737): never routed on the internet, so a lab's "internet" or "LAN" can use them.
const testNets = ["198.51.100.0/24", "203.0.113.0/24", "192.0.2.0/24"] as const;

/** A free subnet (/29 unless told) from the TEST-NET blocks, starting with block `first` (this host's own network may use one). */
export const testNetSubnet = async (context: LabContext, key: string, first = 0, prefix = 29): Promise<string> => {
  let last: unknown;
  for (let i = 0; i < testNets.length; i++) {
    try {
      return await freeSubnet(context.session, key, { pool: testNets[(first + i) % testNets.length] as string, prefix });
    } catch (error) {
      last = error;
    }
  }
  throw last;
};

/** `docker run -d --name NAME <labels> …options IMAGE COMMAND…` unless a container by that name exists (setup, idempotent). */
export const runOwned = async (context: LabContext, name: string, options: readonly string[], imageAndCommand: readonly string[]): Promise<void> => {
  if ((await run("docker", ["inspect", "--type", "container", name], { reject: false })).exitCode === 0) return;
  const argv = ["run", "-d", "--name", name, ...context.session.labelArgs, ...options, ...imageAndCommand];
  context.log(`$ docker ${argv.join(" ")}`);
  await run("docker", argv, { timeout: 60_000 });
};

/** `docker network create <labels> …options NAME` unless it exists (setup, idempotent). */
export const networkOwned = async (context: LabContext, name: string, options: readonly string[]): Promise<void> => {
  if ((await run("docker", ["network", "inspect", name], { reject: false })).exitCode === 0) return;
  const argv = ["network", "create", ...context.session.labelArgs, ...options, name];
  context.log(`$ docker ${argv.join(" ")}`);
  await run("docker", argv, { timeout: 60_000 });
};
