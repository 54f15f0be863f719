// Kernel pieces the challenges build by hand, each idempotent: a namespace on a veth "cable" from the host (the
// lab's "internet" or "LAN", always with TEST-NET addresses), a web server inside it, and the reads the checks make
// (a page fetched from a namespace, a container or the host). Only the session's own namespaces and containers are
// ever asked to send anything.
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ipJson, iptablesSave } from "../exec/commands.js";
import { run } from "../exec/run.js";
import { taggedRules } from "../labs/clean.js";
import type { LabContext } from "../labs/definition.js";
import { freeSubnet, hostAddress } from "../labs/free.js";
import { outerPid } from "../exec/daemon.js";
import { deleteLink, deleteNetns, linkExists, netnsNames } from "../labs/kernel-objects.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import { parseIpLink } from "../parse/ip-link.js";
import { shellWords } from "../parse/iptables-save.js";

/** A namespace joined to the host by a veth pair: host end `hostEnd` (address `.1`), `eth0` inside (address `.2`). */
export interface Cable {
  readonly ns: string;
  readonly hostEnd: string;
  readonly subnet: string;
  /** Give the namespace a default route through the host (a LAN does; an "internet" that must not route back to private addresses does not). */
  readonly defaultRoute: boolean;
}

// Print and run one setup command.
const shown = async (context: LabContext, argv: readonly string[]): Promise<void> => {
  context.log(`$ ${argv.join(" ")}`);
  await run(argv[0] as string, argv.slice(1));
};

/** Build the namespace, the veth pair and their addresses, each only when missing. */
export const buildCable = async (context: LabContext, cable: Cable): Promise<void> => {
  const prefix = cable.subnet.split("/")[1];
  if (!(await netnsNames()).includes(cable.ns)) await shown(context, ["ip", "netns", "add", cable.ns]);
  if (!(await linkExists(cable.hostEnd))) await shown(context, ["ip", "link", "add", cable.hostEnd, "type", "veth", "peer", "name", "eth0", "netns", cable.ns]);
  await shown(context, ["ip", "addr", "replace", `${hostAddress(cable.subnet, 1)}/${prefix}`, "dev", cable.hostEnd]);
  await shown(context, ["ip", "link", "set", cable.hostEnd, "up"]);
  await shown(context, ["ip", "-n", cable.ns, "addr", "replace", `${hostAddress(cable.subnet, 2)}/${prefix}`, "dev", "eth0"]);
  await shown(context, ["ip", "-n", cable.ns, "link", "set", "eth0", "up"]);
  await shown(context, ["ip", "-n", cable.ns, "link", "set", "lo", "up"]);
  if (cable.defaultRoute) await shown(context, ["ip", "-n", cable.ns, "route", "replace", "default", "via", hostAddress(cable.subnet, 1)]);
};

/** Pids of the processes inside a named namespace. */
export const pidsIn = async (ns: string): Promise<number[]> =>
  (await run("ip", ["netns", "pids", ns], { reject: false })).stdout
    .split("\n")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

// The CGI script: prints the source address the server saw.
const cgi = '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n%s\\n" "$REMOTE_ADDR"\n';

/** A web server inside the namespace on `address:80` (`/` says `page`, `/cgi-bin/ip` the client's address). */
export const serveInNamespace = async (context: LabContext, ns: string, address: string, page: string): Promise<void> => {
  const www = join(context.session.dir, `www-${ns}`);
  await mkdir(join(www, "cgi-bin"), { recursive: true });
  await writeFile(join(www, "cgi-bin", "ip"), cgi);
  await chmod(join(www, "cgi-bin", "ip"), 0o755);
  await writeFile(join(www, "index.html"), `${page}\n`);
  if ((await pidsIn(ns)).length === 0) await shown(context, ["ip", "netns", "exec", ns, "busybox", "httpd", "-p", `${address}:80`, "-h", www]);
};

/** Stop what runs inside the namespace (only its own processes), then delete it and the host end of its cable. */
export const removeCable = async (ns: string, hostEnd: string): Promise<void> => {
  if ((await netnsNames()).includes(ns)) {
    for (const signal of ["TERM", "KILL"]) {
      const pids = await pidsIn(ns);
      if (pids.length === 0) break;
      await run("kill", [`-${signal}`, ...pids.map(String)], { reject: false });
      for (let i = 0; i < 20 && (await pidsIn(ns)).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await deleteNetns(ns);
  await deleteLink(hostEnd);
};

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
