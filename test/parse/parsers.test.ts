// Inline regressions and edge cases for each parser: empty input, odd lines, problems with line numbers.
import { describe, expect, it } from "vitest";
import {
  formatNames,
  formats,
  parseBrctl,
  parseBridgeLink,
  parseContainerInspect,
  parseIpAddr,
  parseIpRoute,
  parseNetworkInspect,
  toDockerContainer,
  toDockerNetwork,
} from "../../src/parse/index.js";

describe("every format", () => {
  for (const name of formatNames) {
    it(`${name}: empty input gives an empty value and no problems`, () => {
      const { value, problems } = formats[name].parse("");
      expect(value).toEqual([]);
      expect(problems).toEqual([]);
    });
    it(`${name}: a line of garbage is reported with its line number, never dropped`, () => {
      const { problems } = formats[name].parse("garbage: not output of any tool\n");
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]).toMatchObject({ parser: name, line: 1 });
    });
  }
});

describe("parseIpAddr", () => {
  it("parseIpAddr(text) keeps every address with its prefix, flags and label", () => {
    const text = [
      "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
      "    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff",
      "    altname enp0s3",
      "    inet 10.0.2.15/24 brd 10.0.2.255 scope global dynamic noprefixroute eth0",
      "       valid_lft 86183sec preferred_lft 86183sec",
      "    inet 10.0.2.99/24 scope global secondary eth0:1",
      "       valid_lft forever preferred_lft forever",
      "    inet6 fe80::5054:ff:fe12:3456/64 scope link noprefixroute ",
      "       valid_lft forever preferred_lft forever",
    ].join("\n");
    const { value, problems } = parseIpAddr(text);
    expect(problems).toEqual([]);
    expect(value[0]?.altnames).toEqual(["enp0s3"]);
    expect(value[0]?.addresses).toEqual([
      {
        family: "inet",
        address: "10.0.2.15",
        prefix: 24,
        peer: null,
        broadcast: "10.0.2.255",
        scope: "global",
        label: "eth0",
        flags: ["dynamic", "noprefixroute"],
        dynamic: true,
        validLifetime: 86183,
        preferredLifetime: 86183,
      },
      {
        family: "inet",
        address: "10.0.2.99",
        prefix: 24,
        peer: null,
        broadcast: null,
        scope: "global",
        label: "eth0:1",
        flags: ["secondary"],
        dynamic: false,
        validLifetime: null,
        preferredLifetime: null,
      },
      {
        family: "inet6",
        address: "fe80::5054:ff:fe12:3456",
        prefix: 64,
        peer: null,
        broadcast: null,
        scope: "link",
        label: null,
        flags: ["noprefixroute"],
        dynamic: false,
        validLifetime: null,
        preferredLifetime: null,
      },
    ]);
  });

  it("parseIpAddr(text) reads `eth0@if7` as the veth peer's ifindex and `link-netnsid`", () => {
    const { value } = parseIpAddr(
      "8: veth1@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default\r\n    link/ether aa:bb:cc:dd:ee:ff brd ff:ff:ff:ff:ff:ff link-netnsid 2\r\n",
    );
    expect(value[0]).toMatchObject({ ifindex: 8, name: "veth1", peerIfindex: 7, linkNetnsid: 2, master: "docker0", operstate: "UP" });
  });

  it("parseIpAddr(text) reports an unknown detail line and keeps the interface", () => {
    const { value, problems } = parseIpAddr("1: lo: <LOOPBACK> mtu 65536\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    frobnicate 1 2\n");
    expect(value).toHaveLength(1);
    expect(problems).toEqual([{ parser: "ip-addr", line: 3, text: "    frobnicate 1 2", message: "unknown interface detail `frobnicate`" }]);
  });

  it("parseIpAddr(json) reports invalid JSON at its line and returns []", () => {
    const { value, problems } = parseIpAddr('[{"ifindex": 1,\n "ifname": }]');
    expect(value).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^invalid JSON/);
  });

  it("parseIpAddr(text, {raw: true}) keeps the strings as printed", () => {
    const { value } = parseIpAddr("3: eth0@if4: <UP> mtu 1500 qdisc noqueue state UP\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n", {
      raw: true,
    });
    expect(value).toEqual([
      {
        ifindex: "3",
        ifname: "eth0",
        link: "if4",
        flags: ["UP"],
        mtu: "1500",
        qdisc: "noqueue",
        state: "UP",
        addr_info: [{ family: "inet", local: "172.17.0.2", prefixlen: "16", broadcast: "172.17.255.255", scope: "global", label: "eth0", flags: [] }],
      },
    ]);
  });
});

describe("parseIpRoute", () => {
  it("parseIpRoute(text) reads multipath next hops, host routes and unknown attributes", () => {
    const text =
      "default proto static metric 100\n\tnexthop via 10.0.0.1 dev eth0 weight 1\n\tnexthop via 10.0.1.1 dev eth1 weight 2 dead\n10.1.1.1 dev eth0 scope link\n10.2.0.0/16 dev eth0 wibble 3\n";
    const { value, problems } = parseIpRoute(text);
    expect(value[0]?.nexthops).toEqual([
      { gateway: "10.0.0.1", dev: "eth0", weight: 1, flags: [] },
      { gateway: "10.0.1.1", dev: "eth1", weight: 2, flags: ["dead"] },
    ]);
    expect(value[1]).toMatchObject({ dst: "10.1.1.1/32", dstAddress: "10.1.1.1", dstPrefix: 32 });
    expect(problems).toEqual([{ parser: "ip-route", line: 5, text: "10.2.0.0/16 dev eth0 wibble 3", message: "unknown route attribute(s): wibble 3" }]);
  });

  it("parseIpRoute(ipv6 text) reads `via inet6` gateways and the route preference", () => {
    const { value } = parseIpRoute("default via inet6 fe80::1 dev eth0 proto ra metric 1024 expires 1790sec hoplimit 64 pref medium\n");
    expect(value[0]).toMatchObject({
      dst: "default",
      family: "inet6",
      gateway: "fe80::1",
      protocol: "ra",
      metric: 1024,
      pref: "medium",
      extra: { expires: "1790sec", hoplimit: "64" },
    });
  });
});

describe("parseBrctl and parseBridgeLink", () => {
  it("parseBrctl(spaces) reads a bridge with no interfaces and one with several", () => {
    const text =
      "bridge name     bridge id               STP enabled     interfaces\nbr-empty        8000.000000000000       no\ndocker0         8000.0242c606fc95       yes             veth1\n                                                        veth2\n";
    expect(parseBrctl(text)).toEqual({
      value: [
        { name: "br-empty", id: "8000.000000000000", stp: false, interfaces: [] },
        { name: "docker0", id: "8000.0242c606fc95", stp: true, interfaces: ["veth1", "veth2"] },
      ],
      problems: [],
    });
  });

  it("parseBridgeLink(text) reads the peer ifindex and the port state", () => {
    const { value } = parseBridgeLink("10: vethdb77d4e@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 \n");
    expect(value[0]).toEqual({
      ifindex: 10,
      name: "vethdb77d4e",
      peerIfindex: 9,
      link: null,
      flags: ["BROADCAST", "MULTICAST", "UP", "LOWER_UP"],
      mtu: 1500,
      master: "docker0",
      state: "forwarding",
      priority: 32,
      cost: 2,
      options: {},
    });
  });
});

describe("Docker inspect", () => {
  it("toDockerNetwork(json) reports each wrong-typed field and uses its default", () => {
    const { value, problems } = toDockerNetwork(
      { Name: "n", Id: 5, Internal: "yes", IPAM: { Config: [{ Subnet: "10.0.0.0/8" }, { Subnet: 7 }] }, Extra: 1 },
      3,
    );
    expect(value).toMatchObject({
      name: "n",
      id: "",
      internal: false,
      ipv4: true,
      ipam: { config: [{ subnet: "10.0.0.0/8", gateway: null, ipRange: null, auxAddresses: {} }, { subnet: null }] },
    });
    expect(problems.map((p) => [p.line, p.message.split(":")[0]])).toEqual([
      [3, "network field Id"],
      [3, "network field IPAM.Config.1.Subnet"],
      [3, "network field Internal"],
    ]);
  });

  it("toDockerNetwork(non-object) reports it and returns an empty network", () => {
    const { value, problems } = toDockerNetwork("bridge");
    expect(value.name).toBe("");
    expect(problems[0]?.message).toMatch(/expected network to be a JSON object, got string/);
  });

  it("toDockerContainer(json) strips the leading slash and fills legacy fields with null when absent (API 1.44+)", () => {
    const { value, problems } = toDockerContainer({
      Id: "abc",
      Name: "/web",
      Config: { MacAddress: "02:42:ac:11:00:09", Labels: null },
      HostConfig: { NetworkMode: "default" },
      NetworkSettings: { Networks: { bridge: { IPAddress: "172.17.0.9", IPPrefixLen: 16, DNSNames: ["web", "abc"] } }, Ports: { "80/tcp": null } },
    });
    expect(problems).toEqual([]);
    expect(value.name).toBe("web");
    expect(value.labels).toEqual({});
    expect(value.networkSettings).toMatchObject({ ipAddress: null, gateway: null, macAddress: null, ports: { "80/tcp": null } });
    expect(value.networkSettings.networks.bridge).toMatchObject({ ipAddress: "172.17.0.9", macAddress: "02:42:ac:11:00:09", dnsNames: ["web", "abc"] });
  });

  it("parseContainerInspect(image json) says it is an image, not a container", () => {
    const { value, problems } = parseContainerInspect('[{"Id": "sha256:1", "RepoTags": ["busybox:latest"], "RootFS": {}}]');
    expect(value).toEqual([]);
    expect(problems[0]).toMatchObject({ line: 1, message: "this is an image, not a container (`docker inspect` of an image)" });
  });

  it("parseNetworkInspect(one object per line) reads each line and reports the odd one", () => {
    const { value, problems } = parseNetworkInspect('{"Name": "a"}\n{"Name": "b"}\nError: No such network: c\n');
    expect(value.map((n) => n.name)).toEqual(["a", "b"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(3);
  });
});
