// Synthetic topologies for pure tests and SVG snapshots: no engine, no clock, no randomness.
import type { DockerContainer, DockerNetwork, IpInterface, Route } from "../../src/parse/models.js";
import { parseIptablesSave } from "../../src/parse/iptables-save.js";
import { allLinks } from "../../src/topology/links.js";
import type { NamespaceNode, Topology } from "../../src/topology/model.js";
import { natView } from "../../src/topology/nat.js";

/** An interface with defaults for every field. */
export const iface = (ifindex: number, name: string, more: Partial<IpInterface> & { ip?: string } = {}): IpInterface => {
  const { ip, ...rest } = more;
  const [address, prefix] = (ip ?? "").split("/");
  return {
    ifindex,
    name,
    peerIfindex: null,
    link: null,
    linkNetnsid: null,
    linkNetns: null,
    flags: ["UP"],
    mtu: 1500,
    qdisc: "noqueue",
    master: null,
    operstate: "UP",
    group: "default",
    txqlen: null,
    linkType: name === "lo" ? "loopback" : "ether",
    mac: `02:42:00:00:${String(Math.floor(ifindex / 256)).padStart(2, "0")}:${(ifindex % 256).toString(16).padStart(2, "0")}`,
    broadcast: null,
    kind: null,
    kindData: null,
    slaveKind: null,
    slaveData: null,
    altnames: [],
    addresses: ip
      ? [
          {
            family: "inet",
            address: address as string,
            prefix: Number(prefix),
            peer: null,
            broadcast: null,
            scope: name === "lo" ? "host" : "global",
            label: name,
            flags: [],
            dynamic: false,
            validLifetime: null,
            preferredLifetime: null,
          },
        ]
      : [],
    ...rest,
  };
};

/** A route with defaults. */
export const route = (dst: string, more: Partial<Route> = {}): Route => ({
  type: "unicast",
  dst,
  dstAddress: dst === "default" ? null : (dst.split("/")[0] ?? null),
  dstPrefix: dst === "default" ? 0 : Number(dst.split("/")[1] ?? 32),
  family: "inet",
  gateway: null,
  dev: null,
  protocol: "kernel",
  scope: "global",
  src: null,
  metric: null,
  table: "main",
  flags: [],
  pref: null,
  nexthops: [],
  extra: {},
  ...more,
});

/** A Docker network. */
export const network = (name: string, id: string, subnet: string, gateway: string, more: Partial<DockerNetwork> = {}): DockerNetwork => ({
  id,
  name,
  driver: "bridge",
  scope: "local",
  internal: false,
  attachable: false,
  ingress: false,
  ipv6: false,
  ipv4: true,
  created: "2026-01-01T00:00:00Z",
  ipam: { driver: "default", options: {}, config: [{ subnet, gateway, ipRange: null, auxAddresses: {} }] },
  options: name === "bridge" ? { "com.docker.network.bridge.name": "docker0" } : {},
  labels: {},
  containers: {},
  configOnly: false,
  configFrom: null,
  ...more,
});

/** A running container attached to networks (`{bridge: "172.17.0.2/16"}`), with published ports. */
export const container = (
  name: string,
  networks: Record<string, string>,
  more: { mode?: string; ports?: Record<string, { hostIp: string; hostPort: string }[]>; labels?: Record<string, string>; pid?: number } = {},
): DockerContainer => ({
  id: `${name.replace(/[^a-z0-9]/g, "").padEnd(12, "0")}${"0".repeat(52)}`,
  name,
  image: "sha256:0",
  imageName: "docker-net-lab/toolbox:0.1.0",
  created: "2026-01-01T00:00:00Z",
  state: { status: "running", running: true, pid: more.pid ?? 1000, exitCode: 0, startedAt: "2026-01-01T00:00:00Z" },
  labels: more.labels ?? { "io.docker-net-lab.owner": "docker-net-lab" },
  hostname: name,
  hostConfig: { networkMode: more.mode ?? Object.keys(networks)[0] ?? "none", portBindings: {}, links: [], dns: [] },
  networkSettings: {
    sandboxId: "",
    sandboxKey: "",
    ports: more.ports ?? {},
    networks: Object.fromEntries(
      Object.entries(networks).map(([net, cidr]) => {
        const [ip, prefix] = cidr.split("/");
        return [
          net,
          {
            networkId: net,
            endpointId: "",
            ipAddress: ip as string,
            ipPrefixLen: Number(prefix),
            gateway: "",
            globalIpv6Address: "",
            globalIpv6PrefixLen: 0,
            ipv6Gateway: "",
            macAddress: "",
            aliases: [],
            dnsNames: [],
            links: [],
          },
        ];
      }),
    ),
    ipAddress: null,
    ipPrefixLen: null,
    gateway: null,
    macAddress: null,
    bridge: null,
  },
});

/** Build a topology from namespaces (the first is the host), networks, containers and optional iptables-save text. */
export const topologyOf = (
  namespaces: readonly NamespaceNode[],
  networks: readonly DockerNetwork[],
  containers: readonly DockerContainer[],
  iptables?: string,
): Topology => {
  const warnings: string[] = [];
  const base: Topology = { engineVersion: "20.10.24+dfsg1", namespaces, networks, containers, links: allLinks(namespaces, warnings), warnings };
  return iptables === undefined ? base : { ...base, nat: natView(base, parseIptablesSave(iptables).value, []) };
};

/** A namespace node. */
export const ns = (
  kind: NamespaceNode["kind"],
  name: string,
  interfaces: IpInterface[],
  routes: Route[] = [],
  containers: string[] = kind === "container" ? [name] : [],
): NamespaceNode => ({
  id: kind === "host" ? "host" : `${kind}:${name}`,
  kind,
  name,
  containers,
  interfaces,
  routes,
  inode: null,
  pid: null,
});

/**
 * A host with docker0 (172.17.0.0/16) and one user bridge (10.10.0.0/24), containers on each given as
 * [name, bridge, index], plus optional extra namespaces. Host veth ifindexes start at 100, container eth0 is 2+.
 */
export const bridgedHost = (
  members: [string, "bridge" | "user", number][],
  extra: { iptables?: string; ports?: Record<string, Record<string, { hostIp: string; hostPort: string }[]>> } = {},
): Topology => {
  const hostIfaces: IpInterface[] = [
    iface(1, "lo", { ip: "127.0.0.1/8" }),
    iface(2, "eth0", { ip: "192.168.1.10/24" }),
    iface(3, "docker0", { ip: "172.17.0.1/16", kind: "bridge" }),
    iface(4, "br-0123456789ab", { ip: "10.10.0.1/24", kind: "bridge" }),
  ];
  const namespaces: NamespaceNode[] = [];
  const containers: DockerContainer[] = [];
  members.forEach(([name, bridge, index], i) => {
    const hostIndex = 100 + i;
    const ip = bridge === "bridge" ? `172.17.0.${index}` : `10.10.0.${index}`;
    const prefix = bridge === "bridge" ? 16 : 24;
    hostIfaces.push(
      iface(hostIndex, `veth${String(i).padStart(4, "0")}ab`, {
        kind: "veth",
        peerIfindex: 2 + (i % 7),
        linkNetnsid: i,
        master: bridge === "bridge" ? "docker0" : "br-0123456789ab",
      }),
    );
    namespaces.push(
      ns(
        "container",
        name,
        [iface(1, "lo", { ip: "127.0.0.1/8" }), iface(2 + (i % 7), "eth0", { ip: `${ip}/${prefix}`, kind: "veth", peerIfindex: hostIndex, linkNetnsid: 0 })],
        [
          route("default", { gateway: bridge === "bridge" ? "172.17.0.1" : "10.10.0.1", dev: "eth0", protocol: "boot" }),
          route(bridge === "bridge" ? "172.17.0.0/16" : "10.10.0.0/24", { dev: "eth0", scope: "link", src: ip }),
        ],
      ),
    );
    containers.push(container(name, { [bridge === "bridge" ? "bridge" : "user-net"]: `${ip}/${prefix}` }, { ports: extra.ports?.[name] ?? {} }));
  });
  const host = ns("host", "host", hostIfaces, [
    route("default", { gateway: "192.168.1.1", dev: "eth0", protocol: "dhcp" }),
    route("172.17.0.0/16", { dev: "docker0", scope: "link", src: "172.17.0.1" }),
    route("10.10.0.0/24", { dev: "br-0123456789ab", scope: "link", src: "10.10.0.1" }),
    route("192.168.1.0/24", { dev: "eth0", scope: "link", src: "192.168.1.10" }),
  ]);
  const networks = [network("bridge", "aaaaaaaaaaaa0000", "172.17.0.0/16", "172.17.0.1"), network("user-net", "0123456789abcdef", "10.10.0.0/24", "10.10.0.1")];
  return topologyOf([host, ...namespaces], networks, containers, extra.iptables);
};
