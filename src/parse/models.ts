// Processed models shared by the parsers (camelCase, numbers as numbers, null when not printed).
//
// These are the vocabulary the topology, checks and labs use. The raw stages (strings exactly
// as printed) are typed next to each parser.

/** One address of an interface (`inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0`). */
export interface IpAddress {
  family: "inet" | "inet6";
  address: string;
  prefix: number;
  /** Peer address of point-to-point links (`inet 10.0.0.1 peer 10.0.0.2/32`). */
  peer: string | null;
  broadcast: string | null;
  /** `global`, `link`, `host`, `site` or a number; "global" when not printed. */
  scope: string;
  /** Label (inet only, e.g. `eth0` or `eth0:1`). */
  label: string | null;
  /** Address flags as printed: `dynamic`, `noprefixroute`, `secondary`, `nodad`, `tentative`... */
  flags: string[];
  /** True when the address came from DHCP / SLAAC (`dynamic`). */
  dynamic: boolean;
  /** Seconds; null for `forever` or not printed. */
  validLifetime: number | null;
  preferredLifetime: number | null;
}

/** One network interface as `ip addr` / `ip link` / `ifconfig` show it. */
export interface IpInterface {
  ifindex: number;
  name: string;
  /** ifindex of the other end: veth peer, or parent of a macvlan/vlan (`link_index`, `eth0@if7`). */
  peerIfindex: number | null;
  /** Name of the peer/parent when it lives in the same namespace (`vin1@vin0`, `mv0@eth0`). */
  link: string | null;
  /** Namespace id of the peer (`link-netnsid 0`). */
  linkNetnsid: number | null;
  /** Namespace name of the peer when iproute2 knows it (`link-netns dnl-ns`, text only; JSON prints the id). */
  linkNetns: string | null;
  flags: string[];
  mtu: number | null;
  qdisc: string | null;
  /** Bridge or bond this interface is enslaved to (`master docker0`). */
  master: string | null;
  /** `UP`, `DOWN`, `LOWERLAYERDOWN`, ...; "UNKNOWN" when the tool does not print it (busybox). */
  operstate: string;
  group: string | null;
  txqlen: number | null;
  /** `ether`, `loopback`, `none`, `ipip`, ... */
  linkType: string;
  mac: string | null;
  broadcast: string | null;
  /** linkinfo.info_kind: `veth`, `bridge`, `macvlan`, `vxlan`, `vlan`...; null when not printed (no -d). */
  kind: string | null;
  /** linkinfo.info_data (macvlan mode, vxlan id, ...); keys as `ip -j` prints them. */
  kindData: Record<string, unknown> | null;
  /** linkinfo.info_slave_kind: `bridge` for a bridge port. */
  slaveKind: string | null;
  slaveData: Record<string, unknown> | null;
  altnames: string[];
  addresses: IpAddress[];
}

/** One route (`ip route`, `route -n`). */
export interface Route {
  /** `unicast`, `local`, `broadcast`, `blackhole`, `unreachable`, `prohibit`, `throw`, `multicast`... */
  type: string;
  /** "default" or a CIDR (`10.0.0.0/8`; host routes get /32 or /128). */
  dst: string;
  /** Network address; null for default. */
  dstAddress: string | null;
  /** Prefix length; 0 for default. */
  dstPrefix: number | null;
  family: "inet" | "inet6" | null;
  gateway: string | null;
  dev: string | null;
  /**
   * `kernel`, `boot`, `static`, `dhcp`, ...; "boot" when iproute2 left it out (it omits boot),
   * null when the tool prints no protocols at all (busybox, `route`).
   */
  protocol: string | null;
  /** `global`, `link`, `host`; "global" when not printed. */
  scope: string;
  /** Preferred source address (`src`, JSON `prefsrc`). */
  src: string | null;
  metric: number | null;
  /** Routing table; "main" when not printed. */
  table: string;
  /** `linkdown`, `onlink`, `dead`, `pervasive`, `offload`... */
  flags: string[];
  /** IPv6 route preference (`pref medium`). */
  pref: string | null;
  /** Next hops of a multipath route. */
  nexthops: { gateway: string | null; dev: string | null; weight: number | null; flags: string[] }[];
  /** Any other attribute, as printed (`mtu`, `expires`, `error`, `hoplimit`...). */
  extra: Record<string, string>;
}

/** One bridge of `brctl show`. */
export interface Bridge {
  name: string;
  /** Bridge id, `8000.0242c606fc95` (priority.mac). */
  id: string;
  stp: boolean;
  interfaces: string[];
}

/** One bridge port of `bridge link show`. */
export interface BridgePort {
  ifindex: number;
  name: string;
  peerIfindex: number | null;
  link: string | null;
  flags: string[];
  mtu: number | null;
  master: string | null;
  /** STP port state: `forwarding`, `disabled`, `blocking`, `listening`, `learning`. */
  state: string | null;
  priority: number | null;
  cost: number | null;
  /** Port options (`hairpin`, `learning`, `flood`...) as booleans/numbers when -d or -j shows them. */
  options: Record<string, boolean | number | string>;
}

/** One IPAM pool of a Docker network. */
export interface DockerIpamConfig {
  subnet: string | null;
  gateway: string | null;
  ipRange: string | null;
  auxAddresses: Record<string, string>;
}

/** One container endpoint on a Docker network (network inspect `Containers`). */
export interface DockerNetworkEndpoint {
  name: string;
  endpointId: string;
  macAddress: string;
  /** CIDR as Docker prints it, e.g. `172.17.0.2/16`; "" when none. */
  ipv4Address: string;
  ipv6Address: string;
}

/** `docker network inspect` / Engine API NetworkResource. */
export interface DockerNetwork {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  /** EnableIPv6. */
  ipv6: boolean;
  /** EnableIPv4 (API 1.48+, Docker 28); true when absent (older engines always had IPv4). */
  ipv4: boolean;
  created: string;
  ipam: { driver: string; options: Record<string, string>; config: DockerIpamConfig[] };
  options: Record<string, string>;
  labels: Record<string, string>;
  containers: Record<string, DockerNetworkEndpoint>;
  configOnly: boolean;
  configFrom: string | null;
}

/** One network a container is attached to (NetworkSettings.Networks[name]). */
export interface DockerEndpoint {
  networkId: string;
  endpointId: string;
  ipAddress: string;
  ipPrefixLen: number;
  gateway: string;
  globalIpv6Address: string;
  globalIpv6PrefixLen: number;
  ipv6Gateway: string;
  /** Per endpoint; before API 1.44 also Config.MacAddress for the default network. */
  macAddress: string;
  aliases: string[];
  /** DNSNames (API 1.44+, Docker 25): names the embedded DNS answers for; [] on older engines. */
  dnsNames: string[];
  links: string[];
}

/** A published port binding (`0.0.0.0:8080`). */
export interface DockerPortBinding {
  hostIp: string;
  hostPort: string;
}

/** `docker inspect <container>` / Engine API ContainerJSON (network-relevant part). */
export interface DockerContainer {
  id: string;
  /** Without the leading slash. */
  name: string;
  image: string;
  /** Config.Image, the name the user asked for. */
  imageName: string;
  created: string;
  state: { status: string; running: boolean; pid: number; exitCode: number; startedAt: string };
  labels: Record<string, string>;
  hostname: string;
  hostConfig: {
    /** `default`, `bridge`, `host`, `none`, `container:<id>`, or a network name. */
    networkMode: string;
    portBindings: Record<string, DockerPortBinding[]>;
    links: string[];
    dns: string[];
  };
  networkSettings: {
    sandboxId: string;
    sandboxKey: string;
    /** Ports actually published: "80/tcp" -> bindings, or null when exposed but not published. */
    ports: Record<string, DockerPortBinding[] | null>;
    networks: Record<string, DockerEndpoint>;
    /** Legacy top-level fields for the default bridge: deprecated, removed in newer API versions; null when absent. */
    ipAddress: string | null;
    ipPrefixLen: number | null;
    gateway: string | null;
    macAddress: string | null;
    bridge: string | null;
  };
}
