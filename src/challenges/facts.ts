// Facts about Docker objects in the JSON shape the judges read: small, plain, recorded as fixtures.
import { findContainer, findNetwork } from "../docker/adapter.js";
import type { DockerEngine } from "../docker/adapter.js";

/** One container as the judges see it. */
export interface ContainerFacts {
  readonly id: string;
  readonly running: boolean;
  readonly startedAt: string;
  /** Network name -> address and aliases there. */
  readonly networks: Readonly<Record<string, { readonly ip: string; readonly aliases: readonly string[] }>>;
  /** "80/tcp" -> published bindings. */
  readonly ports: Readonly<Record<string, readonly { readonly hostIp: string; readonly hostPort: string }[]>>;
  readonly links: readonly string[];
}

/** A container's facts, or null when there is none by that name. */
export const containerFacts = async (name: string, engine?: DockerEngine): Promise<ContainerFacts | null> => {
  const container = engine ? await engine.findContainer(name) : await findContainer(name);
  if (!container) return null;
  return {
    id: container.id,
    running: container.state.running,
    startedAt: container.state.startedAt,
    networks: Object.fromEntries(
      Object.entries(container.networkSettings.networks).map(([network, endpoint]) => [network, { ip: endpoint.ipAddress, aliases: endpoint.aliases ?? [] }]),
    ),
    ports: Object.fromEntries(Object.entries(container.networkSettings.ports).map(([port, bindings]) => [port, bindings ?? []])),
    links: container.hostConfig.links ?? [],
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
