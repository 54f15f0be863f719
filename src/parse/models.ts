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

/** One match module of a rule (`-m tcp --dport 80` -> { name: "tcp", options: { dport: "80" } }). */
export interface IptablesMatch {
  name: string;
  /** Option -> value as printed (several words joined by a space, "" for a flag); a leading `!` marks negation. */
  options: Record<string, string>;
}

/** One rule of `iptables-save`. */
export interface IptablesRule {
  /** 1-based position in its chain (what `--line-numbers` prints). */
  num: number;
  chain: string;
  /** Counters from `iptables-save -c` (`[pkts:bytes]`); null without -c. */
  packets: number | null;
  bytes: number | null;
  /** Protocol, source, destination, interfaces; a leading `!` means negated (as `iptables -L` prints). */
  protocol: string | null;
  source: string | null;
  destination: string | null;
  inInterface: string | null;
  outInterface: string | null;
  fragment: boolean | null;
  matches: IptablesMatch[];
  /** `-j TARGET` (or `-g CHAIN`); null for rules without a target (counting rules). */
  target: string | null;
  /** True for `-g` (goto) instead of `-j` (jump). */
  goto: boolean;
  targetOptions: Record<string, string>;
  /** `-m comment --comment "..."`, unquoted. */
  comment: string | null;
  /** The rule as printed after `-A CHAIN`. */
  spec: string;
}

/** One chain of `iptables-save`. */
export interface IptablesChain {
  name: string;
  /** Built-in chains: `ACCEPT` / `DROP`; user chains: null (printed `-`). */
  policy: string | null;
  packets: number | null;
  bytes: number | null;
  rules: IptablesRule[];
}

/** One table of `iptables-save`. */
export interface IptablesTable {
  name: string;
  chains: IptablesChain[];
}

/** One rule of `iptables -L`. */
export interface IptablesListRule {
  /** `--line-numbers`; null without it. */
  num: number | null;
  /** `-v`: counters (K/M/G suffixes converted without -x); null without -v. */
  packets: number | null;
  bytes: number | null;
  /** Blank target column -> null. */
  target: string | null;
  protocol: string;
  /** `--` -> null; `-f` / `!f` for fragments. */
  opt: string | null;
  /** `-v` only; `*` -> null. A leading `!` means negated. */
  inInterface: string | null;
  outInterface: string | null;
  /** As printed: `0.0.0.0/0` with -n, `anywhere` / host names without -n. */
  source: string;
  destination: string;
  /** The rest of the line (`tcp dpt:80 to:172.17.0.2:80`, comments in slash-star brackets). */
  options: string;
  /** Well-known pieces of `options`: dport, sport, to, comment, ctstate, state, dstType, srcType. */
  details: Record<string, string>;
}

/** One chain of `iptables -L`. */
export interface IptablesListChain {
  name: string;
  /** Built-in chains; null for user chains. */
  policy: string | null;
  /** `-v` policy counters; null otherwise. */
  packets: number | null;
  bytes: number | null;
  /** User chains: `(2 references)`; null for built-in chains. */
  references: number | null;
  rules: IptablesListRule[];
}

/** One address printed by `ifconfig`. */
export interface IfconfigAddress {
  family: "inet" | "inet6";
  address: string;
  /** From `Mask:` / `netmask` (inet) or `/64` / `prefixlen` (inet6). */
  prefix: number | null;
  netmask: string | null;
  broadcast: string | null;
  /** Point-to-point peer (`P-t-P:` / `destination`). */
  peer: string | null;
  /** inet6 scope: `link`, `global`, `host`, `site` (lowercase in both layouts). */
  scope: string | null;
}

/** Packet counters of one direction. */
export interface IfconfigCounters {
  packets: number | null;
  bytes: number | null;
  errors: number | null;
  dropped: number | null;
  overruns: number | null;
  /** RX only. */
  frame: number | null;
  /** TX only. */
  carrier: number | null;
  /** TX only. */
  collisions: number | null;
}

/** One interface of `ifconfig` (net-tools old `Link encap` layout, new `flags=` layout, busybox). */
export interface IfconfigInterface {
  name: string;
  /** Flag names: `UP`, `BROADCAST`, `RUNNING`, `MULTICAST`, `LOOPBACK`... */
  flags: string[];
  /** Numeric flags of the new layout (`flags=4163`); null in the old layout. */
  flagsValue: number | null;
  mtu: number | null;
  metric: number | null;
  /** `Ethernet`, `Local Loopback`, `UNSPEC`... (old `Link encap:`, new text in parentheses). */
  linkType: string | null;
  /** Lowercase MAC (busybox prints it uppercase). */
  mac: string | null;
  txqueuelen: number | null;
  addresses: IfconfigAddress[];
  rx: IfconfigCounters;
  tx: IfconfigCounters;
}

/** One row of net-tools / busybox `route` (`-n`, `-e`, `-ee`, `-6`). */
export interface RouteEntry {
  family: "inet" | "inet6";
  /** "default" or a CIDR built from Destination + Genmask (inet6: Destination is already a CIDR). Host names stay as printed. */
  dst: string;
  /** Destination column as printed. */
  destination: string;
  /** `0.0.0.0`, `*` and `::` -> null. */
  gateway: string | null;
  genmask: string | null;
  prefix: number | null;
  /** Flag letters as printed (`UG`). */
  flags: string;
  /** Names of the flag letters: U up, G gateway, H host, R reinstate, D dynamic, M modified, A addrconf, C cache, ! reject. */
  flagNames: string[];
  metric: number | null;
  ref: number | null;
  use: number | null;
  /** Interface; `route -ee` truncates long names (as printed). */
  iface: string | null;
  mss: number | null;
  window: number | null;
  irtt: number | null;
}
