// What the version-aware checks (labs 03, 04) gather about the learner's engine before judging it with the pure
// facts of src/topology/engine-facts.ts: its version, every iptables table, its networks and running containers,
// the docker-proxy processes, and the addresses local to this namespace.
import { engineVersion, listContainers, listNetworks } from "../docker/adapter.js";
import { ipJson, iptablesSave } from "../exec/commands.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import { parseIptablesSave } from "../parse/iptables-save.js";
import type { DockerContainer, DockerNetwork, IptablesTable } from "../parse/models.js";
import { readDockerProxies } from "../topology/collect.js";
import { engineLabel, type PortUnderTest } from "../topology/engine-facts.js";
import { bridgeInterfaceName, type DockerProxy } from "../topology/model.js";

export interface EngineView {
  /** `Server.Version` as the engine reports it. */
  readonly version: string;
  /** `Docker 28.5.2`: how messages name the engine the learner has. */
  readonly label: string;
  readonly tables: readonly IptablesTable[];
  readonly networks: readonly DockerNetwork[];
  readonly containers: readonly DockerContainer[];
  readonly proxies: readonly DockerProxy[];
  /** IPv4 addresses of this namespace's interfaces. */
  readonly local: readonly string[];
}

/** Read the engine view (read-only; a few commands and one engine round trip each). */
export const readEngineView = async (): Promise<EngineView> => {
  const [version, networks, containers, save, proxies, addr] = await Promise.all([
    engineVersion(),
    listNetworks(),
    listContainers(),
    iptablesSave(),
    readDockerProxies(),
    ipJson("addr"),
  ]);
  const local = parseIpAddr(addr).value.flatMap((iface) => iface.addresses.filter((a) => a.family === "inet").map((a) => a.address));
  return { version: version.version, label: engineLabel(version.version), tables: parseIptablesSave(save).value, networks, containers, proxies, local };
};

/** A running container's published `containerPort` on `networkName`, as engine-facts wants it; null when not published. */
export const publishedPort = (
  view: Pick<EngineView, "containers" | "networks">,
  containerName: string,
  networkName: string,
  containerPort: number,
  protocol = "tcp",
): PortUnderTest | null => {
  const container = view.containers.find((c) => c.name === containerName && c.state.running);
  const network = view.networks.find((n) => n.name === networkName);
  const binding = container?.networkSettings.ports[`${containerPort}/${protocol}`]?.find((b) => !b.hostIp.includes(":"));
  const bridge = network ? bridgeInterfaceName(network) : null;
  const containerIp = container?.networkSettings.networks[networkName]?.ipAddress;
  if (!binding || !bridge || !containerIp) return null;
  return {
    protocol,
    hostIp: binding.hostIp || "0.0.0.0",
    hostPort: Number(binding.hostPort),
    containerIp,
    containerPort,
    bridge,
    gateway: network?.ipam.config[0]?.gateway ?? "",
  };
};
