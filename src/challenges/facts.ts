// Facts about Docker objects in the JSON shape the judges read: small, plain, recorded as fixtures.
import { findContainer, findNetwork } from "../docker/adapter.js";
import type { DockerEngine } from "../docker/adapter.js";

/** One container as the judges see it. */
export interface ContainerFacts {
  readonly name: string;
  readonly id: string;
  readonly running: boolean;
  readonly startedAt: string;
  /** Network name -> address and aliases there. */
  readonly networks: Readonly<Record<string, { readonly ip: string; readonly aliases: readonly string[] }>>;
  /** "80/tcp" -> published bindings. */
  readonly ports: Readonly<Record<string, readonly { readonly hostIp: string; readonly hostPort: string }[]>>;
  readonly links: readonly string[];
  /** --dns servers given at creation ([]: the host's). */
  readonly dns: readonly string[];
}

/** A container's facts, or null when there is none by that name. */
export const containerFacts = async (name: string, engine?: DockerEngine): Promise<ContainerFacts | null> => {
  const container = engine ? await engine.findContainer(name) : await findContainer(name);
  if (!container) return null;
  return {
    name: container.name,
    id: container.id,
    running: container.state.running,
    startedAt: container.state.startedAt,
    networks: Object.fromEntries(
      Object.entries(container.networkSettings.networks).map(([network, endpoint]) => [network, { ip: endpoint.ipAddress, aliases: endpoint.aliases ?? [] }]),
    ),
    ports: Object.fromEntries(Object.entries(container.networkSettings.ports).map(([port, bindings]) => [port, bindings ?? []])),
    // Legacy links: HostConfig.Links on the default bridge, the endpoint's Links on a user-defined network.
    links: [...(container.hostConfig.links ?? []), ...Object.values(container.networkSettings.networks).flatMap((endpoint) => endpoint.links ?? [])],
    dns: container.hostConfig.dns ?? [],
  };
};

/** One network as the judges see it. */
export interface NetworkFacts {
  readonly driver: string;
  readonly subnet: string | null;
  readonly gateway: string | null;
  readonly ipRange: string | null;
  readonly options: Readonly<Record<string, string>>;
  /** Container names attached. */
  readonly containers: readonly string[];
}

/** A network's facts, or null when there is none by that name. */
export const networkFacts = async (name: string, engine?: DockerEngine): Promise<NetworkFacts | null> => {
  const network = engine ? await engine.findNetwork(name) : await findNetwork(name);
  if (!network) return null;
  const config = network.ipam.config.find((c) => c.subnet?.includes(".")) ?? null;
  return {
    driver: network.driver,
    subnet: config?.subnet ?? null,
    gateway: config?.gateway ?? null,
    ipRange: config?.ipRange ?? null,
    options: network.options,
    containers: Object.values(network.containers)
      .map((endpoint) => endpoint.name)
      .sort(),
  };
};

// Networks whose containers Docker's embedded DNS answers for: user-defined ones (not the default bridge, host, none).
const userNetwork = (name: string): boolean => !["bridge", "host", "none"].includes(name);

/**
 * The address `name` resolves to from `from` through the embedded DNS, as Docker decides it: a user-defined network
 * both are on where `name` is the target's container name or one of its aliases; null when it would not resolve.
 * Pure: the checks judge names from Docker's own state and send packets only to addresses (no lookup ever leaves
 * a container: a name the embedded DNS does not know is forwarded to the host's resolver).
 */
export const nameAddress = (from: ContainerFacts | null, target: ContainerFacts | null, name: string): string | null => {
  if (!from?.running || !target?.running) return null;
  for (const [network, endpoint] of Object.entries(target.networks)) {
    if (!userNetwork(network) || !(network in from.networks)) continue;
    if ((target.name === name || endpoint.aliases.includes(name)) && endpoint.ip) return endpoint.ip;
  }
  return null;
};
