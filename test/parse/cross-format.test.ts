// The same state printed two ways (JSON and text, iproute2 and busybox) must parse to the same values.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  parseBridgeLink,
  parseIfconfig,
  parseIpAddr,
  parseIpLink,
  parseIpRoute,
  parseIptablesList,
  parseIptablesSave,
  parseRoute,
  type IpInterface,
  type Route,
} from "../../src/parse/index.js";

const fixture = (path: string): string => readFileSync(new URL(`../fixtures/parse/${path}`, import.meta.url), "utf8");

// Fields every source prints.
const common = (i: IpInterface) => ({
  ifindex: i.ifindex,
  name: i.name,
  peerIfindex: i.peerIfindex,
  mtu: i.mtu,
  qdisc: i.qdisc,
  master: i.master,
  linkType: i.linkType,
  mac: i.mac,
  broadcast: i.broadcast,
  addresses: i.addresses.map((a) => ({ family: a.family, address: a.address, prefix: a.prefix, scope: a.scope })),
});
// Fields iproute2 prints in text and JSON alike.
const iproute2 = (i: IpInterface) => ({
  ...common(i),
  link: i.link,
  flags: i.flags,
  operstate: i.operstate,
  group: i.group,
  txqlen: i.txqlen,
  kind: i.kind,
  slaveKind: i.slaveKind,
  addresses: i.addresses.map((a) => ({ ...a })),
});

describe("text and JSON of the same moment agree", () => {
  it("parseIpAddr(text -d) equals parseIpAddr(json -d) on a namespace with veth, bridge, macvlan and vxlan", () => {
    const text = parseIpAddr(fixture("ip-addr/text-d--netns-kinds.txt")).value;
    const json = parseIpAddr(fixture("ip-addr/json-d--netns-kinds.txt")).value;
    expect(text.map(iproute2)).toEqual(json.map(iproute2));
    expect(text.find((i) => i.name === "mv0")?.kindData).toMatchObject({ mode: "bridge" });
    expect(text.find((i) => i.name === "vx42")?.kindData).toMatchObject({ id: 42, local: "198.51.100.2", link: "eth0", port: 4789 });
    expect(json.find((i) => i.name === "vx42")?.kindData).toMatchObject({ id: 42, local: "198.51.100.2", link: "eth0", port: 4789 });
  });

  it("parseIpAddr(text) equals parseIpAddr(json) on the host, except -d details and netns names", () => {
    const text = parseIpAddr(fixture("ip-addr/text--host-debian12.txt")).value;
    const json = parseIpAddr(fixture("ip-addr/json-d--host-debian12.txt")).value;
    expect(text.map((i) => ({ ...iproute2(i), kind: null, slaveKind: null }))).toEqual(json.map((i) => ({ ...iproute2(i), kind: null, slaveKind: null })));
    // A named namespace is printed by name in text (`link-netns dnl-parse-ns`) and by id in JSON.
    expect(text.find((i) => i.name === "dnl-pv0")).toMatchObject({ linkNetns: "dnl-parse-ns", linkNetnsid: null, peerIfindex: 2 });
    expect(json.find((i) => i.name === "dnl-pv0")).toMatchObject({ linkNetns: null, linkNetnsid: 3, peerIfindex: 2 });
    expect(text.filter((i) => i.linkNetnsid !== null).map((i) => [i.name, i.linkNetnsid])).toEqual(
      json.filter((i) => i.linkNetns === null && i.linkNetnsid !== null && i.name !== "dnl-pv0").map((i) => [i.name, i.linkNetnsid]),
    );
  });

  it("parseIpAddr(busybox) equals parseIpAddr(iproute2) on the fields busybox prints", () => {
    const busybox = parseIpAddr(fixture("ip-addr/busybox--netns-kinds.txt")).value;
    const json = parseIpAddr(fixture("ip-addr/json-d--netns-kinds.txt")).value;
    expect(busybox.map(common)).toEqual(json.map(common));
    expect(busybox.every((i) => i.operstate === "UNKNOWN")).toBe(true);
  });

  it("parseIpLink(text -d) equals parseIpLink(json -d)", () => {
    const text = parseIpLink(fixture("ip-link/text-d--netns-kinds.txt")).value;
    const json = parseIpLink(fixture("ip-link/json-d--netns-kinds.txt")).value;
    expect(text.map(iproute2)).toEqual(json.map(iproute2));
  });

  const route = (r: Route) => ({ ...r, extra: {} });
  it("parseIpRoute(text) equals parseIpRoute(json -d), defaults filled the same way", () => {
    const text = parseIpRoute(fixture("ip-route/text--netns-types.txt")).value;
    const json = parseIpRoute(fixture("ip-route/json-d--netns-types.txt")).value;
    expect(text.map(route)).toEqual(json.map(route));
  });

  // busybox prints neither `proto` nor `linkdown`.
  const busyboxRoute = (r: Route) => ({ ...route(r), protocol: null, flags: [] });
  it("parseIpRoute(busybox) equals parseIpRoute(iproute2) on what busybox prints", () => {
    const busybox = parseIpRoute(fixture("ip-route/busybox--netns-types.txt")).value;
    expect(busybox.map(busyboxRoute)).toEqual(parseIpRoute(fixture("ip-route/text--netns-types.txt")).value.map(busyboxRoute));
    expect(busybox.every((r) => r.protocol === null)).toBe(true);
    expect(parseIpRoute(fixture("ip-route/busybox--host-debian12.txt")).value.map(busyboxRoute)).toEqual(
      parseIpRoute(fixture("ip-route/json--host-debian12.txt")).value.map(busyboxRoute),
    );
  });

  it("parseBridgeLink(text -d) equals parseBridgeLink(json -d)", () => {
    expect(parseBridgeLink(fixture("bridge-link/text-d--netns.txt")).value).toEqual(parseBridgeLink(fixture("bridge-link/json-d--netns.txt")).value);
    expect(parseBridgeLink(fixture("bridge-link/text--docker-20.10.txt")).value).toEqual(parseBridgeLink(fixture("bridge-link/json--docker-20.10.txt")).value);
  });
});

describe("net-tools and iptables views of the same moment agree", () => {
  it("parseIptablesSave(-c) and parseIptablesList(-L -n -v -x) give the same rules and counters per chain", () => {
    const save = parseIptablesSave(fixture("iptables-save/counters-all-tables--iptables-1.8.9.txt")).value.find((t) => t.name === "filter");
    const list = parseIptablesList(fixture("iptables-list/filter-nvx--iptables-1.8.9.txt")).value;
    expect(save).toBeDefined();
    for (const chain of list) {
      const saved = save?.chains.find((c) => c.name === chain.name);
      expect(saved?.rules.map((r) => [r.target, r.packets, r.bytes])).toEqual(chain.rules.map((r) => [r.target, r.packets, r.bytes]));
      expect(saved?.rules.map((r) => r.protocol ?? "all")).toEqual(chain.rules.map((r) => r.protocol));
    }
  });

  it("parseIptablesList reads iptables 1.8.9 protocol numbers and 1.8.11 names the same way", () => {
    const old = parseIptablesList(fixture("iptables-list/filter-nvx--iptables-1.8.9.txt")).value;
    const recent = parseIptablesList(fixture("iptables-list/filter-nvx--iptables-1.8.11.txt")).value;
    const shape = (chains: typeof old) => chains.map((c) => c.rules.map((r) => [r.target, r.protocol, r.source, r.destination, r.options]));
    expect(shape(old)).toEqual(shape(recent));
  });

  it("parseIfconfig(new layout) and parseIfconfig(busybox) agree with parseIpAddr on addresses and MACs", () => {
    const ip = parseIpAddr(fixture("ip-addr/json-d--netns-kinds.txt")).value;
    // ifconfig prints no MAC for loopback.
    const expected = ip.map((i) => [i.name, i.linkType === "loopback" ? null : i.mac, i.addresses.map((a) => `${a.address}/${a.prefix}`).sort()]).sort();
    for (const path of ["ifconfig/new-layout--netns-net-tools-2.10.txt", "ifconfig/busybox--netns.txt"]) {
      const ifc = parseIfconfig(fixture(path)).value;
      expect(ifc.map((i) => [i.name, i.mac, i.addresses.map((a) => `${a.address}/${a.prefix}`).sort()]).sort(), path).toEqual(expected);
    }
  });

  it("parseRoute(-n), parseRoute(busybox) and parseIpRoute agree on destination, gateway and device", () => {
    const ip = parseIpRoute(fixture("ip-route/text--netns-types.txt"))
      .value.filter((r) => r.type === "unicast")
      .map((r) => [r.dst, r.gateway, r.dev]);
    for (const path of ["route/n--netns-net-tools-2.10.txt", "route/busybox-n--netns.txt"]) {
      const route = parseRoute(fixture(path))
        .value.filter((r) => !r.flags.includes("!") && r.iface !== null)
        .map((r) => [r.dst, r.gateway, r.iface]);
      expect(route.sort(), path).toEqual([...ip].sort());
    }
  });
});
