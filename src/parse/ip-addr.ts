// `ip addr` parser: `ip -j [-d] addr` JSON, iproute2 text (`ip [-d] addr`) and busybox `ip addr`, auto-detected.
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseIpAddr(await ipJson("addr"))        -> { value: IpInterface[], problems }
//   parseIpAddr(text, { raw: true })         -> { value: RawIpInterface[], problems }
//   docker-net-lab parse ip-addr FILE [--raw]
//
// Raw stage: for JSON input, the decoded `ip -j` objects unchanged. For text input, objects with
// the same keys as `ip -j` (ifindex, ifname, link, flags, mtu, qdisc, master, operstate, group,
// txqlen, link_type, address, broadcast, link_netnsid, linkinfo, altnames, addr_info[]) whose
// values are the strings exactly as printed; address lines keep `valid_lft` / `preferred_lft`.
//
// Processed stage (IpInterface, see models.ts): numbers as numbers, `eth0@if7` -> peerIfindex 7,
// `mv0@eth0` -> link "eth0", `link-netnsid 0` -> linkNetnsid 0, `forever` / 4294967295 -> null,
// operstate "UNKNOWN" when not printed (busybox prints no `state`), kindData from `-d` details.
//
// Example:
//   input:
//     5: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default
//         link/ether 02:42:c6:06:fc:95 brd ff:ff:ff:ff:ff:ff
//         inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0
//            valid_lft forever preferred_lft forever
//   output:
//     [{ "ifindex": 5, "name": "docker0", "peerIfindex": null, "link": null, "linkNetnsid": null, "linkNetns": null,
//        "flags": ["BROADCAST","MULTICAST","UP","LOWER_UP"], "mtu": 1500, "qdisc": "noqueue",
//        "master": null, "operstate": "UP", "group": "default", "txqlen": null, "linkType": "ether",
//        "mac": "02:42:c6:06:fc:95", "broadcast": "ff:ff:ff:ff:ff:ff", "kind": null, "kindData": null,
//        "slaveKind": null, "slaveData": null, "altnames": [],
//        "addresses": [{ "family": "inet", "address": "172.17.0.1", "prefix": 16, "peer": null,
//          "broadcast": "172.17.255.255", "scope": "global", "label": "docker0", "flags": [],
//          "dynamic": false, "validLifetime": null, "preferredLifetime": null }] }]
import { decodeJson, isRecord, looksLikeJson, makeParser, pairs, promptMessage, str, toInt, words, type Ctx } from "./core.js";
import type { IpAddress, IpInterface } from "./models.js";

/** Raw interface: `ip -j` keys; values as printed (strings for text input, JSON values for JSON input). */
export type RawIpInterface = Record<string, unknown>;

const CONTINUATION = /^(link\/\S+|inet6?|valid_lft|altname)\s/;
const HEADER = /^(\d+):\s+([^\s@]+?)(?:@([^\s:]+))?:\s+<([^>]*)>\s*(.*)$/;
// Device kinds `ip -d` prints on their own line (first word); `*_slave` kinds are recognised by suffix.
const KINDS = new Set([
  "veth",
  "bridge",
  "vxlan",
  "macvlan",
  "macvtap",
  "ipvlan",
  "ipvtap",
  "vlan",
  "dummy",
  "ifb",
  "tun",
  "bond",
  "team",
  "geneve",
  "gre",
  "gretap",
  "ip6gre",
  "ip6gretap",
  "ipip",
  "ip6tnl",
  "sit",
  "vti",
  "vti6",
  "wireguard",
  "vrf",
  "nlmon",
  "can",
  "vcan",
  "vxcan",
  "xfrm",
  "bareudp",
  "erspan",
  "ip6erspan",
  "hsr",
  "netkit",
  "macsec",
  "openvswitch",
  "batadv",
  "amt",
  "gtp",
  "ipoib",
  "rmnet",
  "virt_wifi",
  "lowpan",
  "wwan",
]);
// Attributes printed with -d that belong to the link, not to a kind.
const GENERIC = new Set([
  "promiscuity",
  "allmulti",
  "minmtu",
  "maxmtu",
  "numtxqueues",
  "numrxqueues",
  "gso_max_size",
  "gso_max_segs",
  "tso_max_size",
  "tso_max_segs",
  "gro_max_size",
  "gso_ipv4_max_size",
  "gro_ipv4_max_size",
  "parentbus",
  "parentdev",
  "addrgenmode",
  "link-netnsid",
  "link-netns",
  "permaddr",
  "portname",
  "portid",
  "switchid",
  "vf",
  "inet6",
  "protodown",
]);
// Standalone words (no value) in kind details, e.g. `vxlan id 42 ... udpcsum noudp6zerocsumtx`.
const KIND_FLAGS =
  /^(no)?(udpcsum|udp6zerocsumtx|udp6zerocsumrx|learning|proxy|rsc|l2miss|l3miss|external|gbp|gpe|vnifilter|pmtudisc|ignore-df|remcsumtx|remcsumrx|localbypass)$/;
// Address flags iproute2 prints after the scope.
const ADDR_FLAGS = new Set([
  "dynamic",
  "noprefixroute",
  "secondary",
  "temporary",
  "deprecated",
  "tentative",
  "dadfailed",
  "nodad",
  "optimistic",
  "home",
  "mngtmpaddr",
  "permanent",
  "stable-privacy",
  "autojoin",
  "primary",
]);
// `-d` renames text keys to the `ip -j` key names for the keys labs read.
const KIND_KEY: Record<string, string> = { dev: "link", dstport: "port", designated_root: "root_id", group_address: "group_addr" };

// "42" -> 42, "0.00" -> 0, "on"/"off" -> true/false (as `ip -j` prints them), otherwise the string.
const numberish = (value: string): string | number | boolean =>
  value === "on" ? true : value === "off" ? false : /^-?\d+(\.\d+)?$/.test(value) && value.length < 16 ? Number(value) : value;

// Read `-d` kind details ("vxlan id 42 local 10.0.0.1 dev eth0 srcport 0 0 dstport 4789 udpcsum").
const kindDetails = (tokens: readonly string[]): { data: Record<string, string>; generic: Record<string, string> } => {
  const data: Record<string, string> = {};
  const generic: Record<string, string> = {};
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i] ?? "";
    if (KIND_FLAGS.test(key)) data[key] = "";
    else if (GENERIC.has(key)) generic[key] = tokens[++i] ?? "";
    else if (key === "srcport") {
      data[key] = `${tokens[i + 1] ?? ""} ${tokens[i + 2] ?? ""}`;
      i += 2;
    } else data[key] = tokens[++i] ?? "";
  }
  return { data, generic };
};

// Parse the text of `ip addr` / `ip link` (iproute2 or busybox).
export const rawIpText = (ctx: Ctx): RawIpInterface[] => {
  const out: RawIpInterface[] = [];
  let current: RawIpInterface | null = null;
  let lastAddr: Record<string, unknown> | null = null;
  ctx.lines.forEach((line, index) => {
    const n = index + 1;
    if (line.trim() === "") return;
    const header = HEADER.exec(line);
    if (header !== null) {
      const [, ifindex = "", ifname = "", link, flags = "", rest = ""] = header;
      current = ctx.tag<RawIpInterface>({ ifindex, ifname, flags: flags === "" ? [] : flags.split(","), ...pairs(words(rest)), addr_info: [] }, n);
      if (link !== undefined) current.link = link;
      out.push(current);
      lastAddr = null;
      ctx.consume(n);
      return;
    }
    const cur = current as RawIpInterface | null;
    // Continuation lines are indented; output pasted into blogs loses the indentation, so known
    // continuation words are accepted at the start of a line too.
    if (cur === null || (!/^\s/.test(line) && !CONTINUATION.test(line))) {
      ctx.report(n, promptMessage(line) ?? (cur === null ? "expected an interface header like `2: eth0: <...> mtu 1500`" : "line not understood"));
      return;
    }
    const tokens = words(line);
    const first = tokens[0] ?? "";
    if (first.startsWith("link/")) {
      cur.link_type = first.slice(5);
      let i = 1;
      const second = tokens[1];
      if (second !== undefined && !GENERIC.has(second) && second !== "brd" && second !== "peer") {
        cur.address = second;
        i = 2;
      }
      Object.assign(cur, pairs(tokens.slice(i)));
      ctx.consume(n);
    } else if (first === "inet" || first === "inet6") {
      lastAddr = ctx.tag(rawAddress(tokens), n);
      (cur.addr_info as unknown[]).push(lastAddr);
      ctx.consume(n);
    } else if (first === "valid_lft" && lastAddr !== null) {
      Object.assign(lastAddr, pairs(tokens));
      ctx.consume(n);
    } else if (first === "altname") {
      const names = (cur.altnames as string[] | undefined) ?? [];
      names.push(...tokens.slice(1));
      cur.altnames = names;
      ctx.consume(n);
    } else if (KINDS.has(first) || first.endsWith("_slave")) {
      const { data, generic } = kindDetails(tokens.slice(1));
      const linkinfo = (cur.linkinfo as Record<string, unknown> | undefined) ?? {};
      if (first.endsWith("_slave")) {
        linkinfo.info_slave_kind = first.slice(0, -6);
        if (Object.keys(data).length > 0) linkinfo.info_slave_data = data;
      } else {
        linkinfo.info_kind = first;
        if (Object.keys(data).length > 0) linkinfo.info_data = data;
      }
      cur.linkinfo = linkinfo;
      Object.assign(cur, generic);
      ctx.consume(n);
    } else if (GENERIC.has(first)) {
      Object.assign(cur, pairs(tokens));
      ctx.consume(n);
    } else {
      ctx.report(n, `unknown interface detail \`${first}\``);
    }
  });
  return out;
};

// One address line: `inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0`.
const rawAddress = (tokens: readonly string[]): Record<string, unknown> => {
  const [family = "", cidr = ""] = tokens;
  const slash = cidr.indexOf("/");
  const addr: Record<string, unknown> = { family, local: slash < 0 ? cidr : cidr.slice(0, slash) };
  if (slash >= 0) addr.prefixlen = cidr.slice(slash + 1);
  const flags: string[] = [];
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    if (t === "brd" || t === "scope" || t === "metric" || t === "proto" || t === "valid_lft" || t === "preferred_lft") {
      addr[t === "brd" ? "broadcast" : t] = tokens[++i] ?? "";
    } else if (t === "peer") {
      const peer = tokens[++i] ?? "";
      const s = peer.indexOf("/");
      addr.address = s < 0 ? peer : peer.slice(0, s);
      if (s >= 0) addr.prefixlen = peer.slice(s + 1);
    } else if (i === tokens.length - 1 && family === "inet" && !ADDR_FLAGS.has(t)) addr.label = t;
    else flags.push(t);
  }
  addr.flags = flags;
  return addr;
};

// Lifetime: 4294967295 / "forever" -> null, "86390sec" -> 86390.
const lifetime = (value: unknown): number | null => {
  if (typeof value === "number") return value >= 4294967295 ? null : value;
  if (typeof value !== "string" || value === "forever") return null;
  return toInt(value.replace(/sec$/, ""));
};

// A details object with numeric-looking strings turned into numbers (text) or kept (JSON).
const details = (value: unknown): Record<string, unknown> | null => {
  if (!isRecord(value)) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = KIND_KEY[k] ?? k;
    out[key] = typeof v === "string" ? (v === "" ? true : numberish(v)) : v;
  }
  return out;
};

const processAddress = (a: Record<string, unknown>, ctx: Ctx, owner: string): IpAddress | null => {
  const family = a.family;
  const address = str(a.local);
  if ((family !== "inet" && family !== "inet6") || address === null) {
    ctx.report(ctx.lineOf(a), `address of ${owner} has no inet/inet6 family or no address`);
    return null;
  }
  const prefix = toInt(a.prefixlen) ?? (family === "inet" ? 32 : 128);
  const flags = Array.isArray(a.flags) ? a.flags.filter((f): f is string => typeof f === "string") : [];
  // JSON prints flags as booleans: "dynamic": true, "nodad": true.
  for (const [k, v] of Object.entries(a)) if (v === true) flags.push(k);
  return {
    family,
    address,
    prefix,
    peer: str(a.address),
    broadcast: str(a.broadcast),
    scope: str(a.scope) ?? "global",
    label: str(a.label),
    flags,
    dynamic: flags.includes("dynamic"),
    validLifetime: lifetime(a.valid_life_time ?? a.valid_lft),
    preferredLifetime: lifetime(a.preferred_life_time ?? a.preferred_lft),
  };
};

// Turn one raw interface (text or JSON) into an IpInterface; null (with a problem) when unusable.
export const processIpInterface = (r: RawIpInterface, ctx: Ctx): IpInterface | null => {
  const ifindex = toInt(r.ifindex);
  const name = str(r.ifname);
  if (ifindex === null || name === null) {
    ctx.report(ctx.lineOf(r), "interface without ifindex or ifname");
    return null;
  }
  const rawLink = str(r.link);
  const peerFromText = rawLink !== null && /^if\d+$/.test(rawLink) ? toInt(rawLink.slice(2)) : null;
  const linkinfo = isRecord(r.linkinfo) ? r.linkinfo : {};
  const addrInfo = Array.isArray(r.addr_info) ? r.addr_info : [];
  return {
    ifindex,
    name,
    peerIfindex: toInt(r.link_index) ?? peerFromText,
    link: peerFromText !== null || rawLink === "NONE" ? null : rawLink,
    linkNetnsid: toInt(r.link_netnsid ?? r["link-netnsid"]),
    linkNetns: str(r["link-netns"]),
    flags: Array.isArray(r.flags) ? r.flags.filter((f): f is string => typeof f === "string") : [],
    mtu: toInt(r.mtu),
    qdisc: str(r.qdisc),
    master: str(r.master),
    operstate: str(r.operstate ?? r.state) ?? "UNKNOWN",
    group: str(r.group),
    txqlen: toInt(r.txqlen ?? r.qlen),
    linkType: str(r.link_type) ?? "none",
    mac: str(r.address),
    broadcast: str(r.broadcast ?? r.brd),
    kind: str(linkinfo.info_kind),
    kindData: details(linkinfo.info_data),
    slaveKind: str(linkinfo.info_slave_kind),
    slaveData: details(linkinfo.info_slave_data),
    altnames: Array.isArray(r.altnames) ? r.altnames.filter((f): f is string => typeof f === "string") : [],
    addresses: addrInfo.filter(isRecord).flatMap((a) => processAddress(a, ctx, name) ?? []),
  };
};

// Raw stage for JSON or text, auto-detected.
export const rawIp = (ctx: Ctx): RawIpInterface[] => {
  if (!looksLikeJson(ctx.text)) return rawIpText(ctx);
  const json = decodeJson(ctx);
  if (json === undefined) return [];
  if (!Array.isArray(json)) {
    ctx.report(1, "expected a JSON array of interfaces (`ip -j addr`)");
    return [];
  }
  return json.filter((item, i) => {
    if (isRecord(item)) return true;
    ctx.report(0, `element ${i} is not an object`, JSON.stringify(item) ?? "");
    return false;
  }) as RawIpInterface[];
};

// Processed stage shared by ip-addr and ip-link.
export const processIp = (raw: RawIpInterface[], ctx: Ctx): IpInterface[] => raw.flatMap((r) => processIpInterface(r, ctx) ?? []);

// Parse `ip addr` output (JSON with -j, iproute2 text, busybox text) into interfaces with their addresses.
export const parseIpAddr = makeParser<IpInterface[], RawIpInterface[]>({ name: "ip-addr", raw: rawIp, process: processIp, empty: () => [] });
