// Per-session resources chosen free on this host (ports, subnets), remembered so setup stays idempotent.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { listContainers, listNetworks } from "../docker/adapter.js";
import { EnvironmentError } from "../errors.js";
import { numberToIpv4, overlaps, parseCidr } from "../topology/ipv4.js";
import { interfaces, routes } from "./host-facts.js";
import type { LabSession } from "./session.js";

// Where a session keeps its chosen parameters.
const paramsFile = (session: LabSession): string => join(session.dir, "params.json");

/** Every parameter this lab chose in this session (`{ "hand-subnet": "10.213.7.0/24", … }`). */
export const readParams = async (session: LabSession): Promise<Record<string, string | number>> => {
  try {
    return JSON.parse(await readFile(paramsFile(session), "utf8")) as Record<string, string | number>;
  } catch {
    return {};
  }
};

/** One text parameter this lab chose in this session (a subnet, say); null when not chosen yet. */
export const readTextParam = async (session: LabSession, key: string): Promise<string | null> => {
  const value = (await readParams(session))[key];
  return typeof value === "string" ? value : null;
};

// Remember one parameter.
const saveParam = async (session: LabSession, key: string, value: string | number): Promise<void> => {
  const params = await readParams(session);
  params[key] = value;
  await mkdir(session.dir, { recursive: true });
  await writeFile(`${paramsFile(session)}.tmp`, `${JSON.stringify(params, null, 2)}\n`);
  await rename(`${paramsFile(session)}.tmp`, paramsFile(session));
};

// A stable starting offset per session and key, so two sessions rarely try the same candidate first.
const offset = (session: LabSession, key: string, modulo: number): number =>
  createHash("sha256").update(`${session.session}/${session.lab}/${key}`).digest().readUInt32BE(0) % modulo;

// Can we listen on this TCP port (all addresses and loopback)?
const canBind = (port: number, host: string): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });

/** Host ports Docker has published for any container (running or not). */
export const publishedPorts = async (): Promise<Set<number>> => {
  const ports = new Set<number>();
  for (const container of await listContainers({ all: true })) {
    for (const bindings of [...Object.values(container.networkSettings.ports), ...Object.values(container.hostConfig.portBindings)]) {
      for (const binding of bindings ?? []) if (binding.hostPort) ports.add(Number(binding.hostPort));
    }
  }
  return ports;
};

export interface FreePortOptions {
  /** First port of the range. @default 20000 */
  readonly from?: number;
  /** Number of ports in the range. @default 10000 */
  readonly count?: number;
  /** Ports not to pick (e.g. one chosen a moment ago under another key). */
  readonly avoid?: readonly number[];
}

/** A TCP port free on this host (bind test + not published by Docker), remembered under `key` for this session. */
export const freePort = async (session: LabSession, key: string, options: FreePortOptions = {}): Promise<number> => {
  const { from = 20000, count = 10000, avoid = [] } = options;
  const saved = (await readParams(session))[key];
  if (typeof saved === "number") return saved;
  const published = await settled(publishedPorts);
  const taken = new Set([...avoid, ...Object.values(await readParams(session)).filter((v): v is number => typeof v === "number")]);
  const start = offset(session, key, count);
  for (let i = 0; i < Math.min(count, 200); i++) {
    const port = from + ((start + i) % count);
    if (published.has(port) || taken.has(port)) continue;
    if ((await canBind(port, "0.0.0.0")) && (await canBind(port, "127.0.0.1"))) {
      await saveParam(session, key, port);
      return port;
    }
  }
  throw new EnvironmentError(`No free TCP port found in ${from}-${from + count - 1}.`, {
    hint: "Free some ports (or run `npx docker-net-lab clean`), then run the setup cell again.",
  });
};

// Retry a read that can fail while other programs add or remove links and networks at the same moment.
const settled = async <T>(read: () => Promise<T>, attempts = 3): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await read();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * i));
    }
  }
};

/** Subnets in use on this host: Docker networks' IPAM pools, host routes and host addresses. */
export const usedSubnets = async (): Promise<string[]> => settled(readUsedSubnets);

// One read of the subnets in use.
const readUsedSubnets = async (): Promise<string[]> => {
  const used: string[] = [];
  for (const network of await listNetworks()) for (const config of network.ipam.config) if (config.subnet?.includes(".")) used.push(config.subnet);
  for (const route of await routes())
    if (route.dst !== "default" && route.family !== "inet6" && route.dst.includes(".")) used.push(route.dst.includes("/") ? route.dst : `${route.dst}/32`);
  for (const iface of await interfaces())
    for (const address of iface.addresses) if (address.family === "inet") used.push(`${address.address}/${address.prefix}`);
  return used;
};

export interface FreeSubnetOptions {
  /** The pool to carve from. @default "10.213.0.0/16" */
  readonly pool?: string;
  /** Prefix length of the subnet handed out. @default 24 */
  readonly prefix?: number;
}

/** An IPv4 subnet that overlaps no Docker network, host route or address, remembered under `key` for this session. */
export const freeSubnet = async (session: LabSession, key: string, options: FreeSubnetOptions = {}): Promise<string> => {
  const { pool = "10.213.0.0/16", prefix = 24 } = options;
  const saved = (await readParams(session))[key];
  if (typeof saved === "string") return saved;
  const base = parseCidr(pool);
  if (!base || prefix < base.prefix) throw new EnvironmentError(`Bad subnet pool ${pool} for /${prefix}.`, { hint: "This is a bug in the lab definition." });
  const mine = Object.values(await readParams(session)).filter((v): v is string => typeof v === "string" && v.includes("/"));
  const used = [...(await usedSubnets()), ...mine];
  const count = 2 ** (prefix - base.prefix);
  const size = 2 ** (32 - prefix);
  const start = offset(session, key, count);
  for (let i = 0; i < count; i++) {
    const candidate = `${numberToIpv4(base.network + ((start + i) % count) * size)}/${prefix}`;
    if (used.some((cidr) => overlaps(cidr, candidate))) continue;
    await saveParam(session, key, candidate);
    return candidate;
  }
  throw new EnvironmentError(`Every /${prefix} in ${pool} is in use on this host.`, {
    hint: "Run `npx docker-net-lab clean` to remove leftovers of old sessions, then run the setup cell again.",
  });
};

/** The n-th address of a subnet (`hostAddress("10.1.2.0/24", 1)` -> `10.1.2.1`). */
export const hostAddress = (cidr: string, n: number): string => {
  const net = parseCidr(cidr);
  if (!net) throw new EnvironmentError(`Not a CIDR: ${cidr}`, { hint: "This is a bug in the lab definition." });
  return numberToIpv4(net.network + n);
};
