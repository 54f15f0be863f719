// explain and prove's guard on NAT written by hand (lab 03's last part): a bridge and a namespace made with
// `ip`, MASQUERADE and DNAT rules tagged with the project's comment, next to Docker's own rules. Pure: no engine.
import { describe, expect, it } from "vitest";
import { describeExplanation, explain } from "../../src/topology/explain.js";
import { probeSource, taggedDnatOwner } from "../../src/topology/prove.js";
import { iface, ns, route, topologyOf } from "./synthetic.js";

const tag = "dnl-ab12-03-nat";
// Docker 20.10's chains around a host with docker0, then the learner's rules (all tagged), as iptables-save prints them.
const iptables = (dnat: boolean, comment = tag) => `*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
${dnat ? `[3:180] -A PREROUTING -d 203.0.113.1/32 -p tcp -m tcp --dport 28080 -m comment --comment ${comment} -j DNAT --to-destination 10.77.0.2:80\n` : ""}-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A POSTROUTING -s 10.77.0.0/24 ! -o dnlab123br -m comment --comment ${tag} -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:DOCKER - [0:0]
:DOCKER-USER - [0:0]
-A FORWARD -j DOCKER-USER
-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -o docker0 -j DOCKER
-A FORWARD -i docker0 ! -o docker0 -j ACCEPT
-A DOCKER-USER -i dnlab123br ! -o dnlab123br -m comment --comment ${tag} -j ACCEPT
-A DOCKER-USER -o dnlab123br -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment ${tag} -j ACCEPT
-A DOCKER-USER -d 10.77.0.2/32 -o dnlab123br -p tcp -m tcp --dport 80 -m comment --comment ${tag} -j ACCEPT
-A DOCKER-USER -j RETURN
COMMIT
`;

// The host: lo, docker0, the internet link (203.0.113.1/29) and the hand-made bridge with its one port.
const handHost = (rules: string) => {
  const host = ns(
    "host",
    "host",
    [
      iface(1, "lo", { ip: "127.0.0.1/8" }),
      iface(3, "docker0", { ip: "172.17.0.1/16", kind: "bridge" }),
      iface(40, "dnlab123h", { kind: "veth", peerIfindex: 2, linkNetnsid: 1, ip: "203.0.113.1/29" }),
      iface(41, "dnlab123br", { kind: "bridge", ip: "10.77.0.1/24" }),
      iface(42, "dnlab123sh", { kind: "veth", peerIfindex: 2, linkNetnsid: 2, master: "dnlab123br" }),
    ],
    [
      route("172.17.0.0/16", { dev: "docker0", scope: "link", src: "172.17.0.1" }),
      route("203.0.113.0/29", { dev: "dnlab123h", scope: "link", src: "203.0.113.1" }),
      route("10.77.0.0/24", { dev: "dnlab123br", scope: "link", src: "10.77.0.1" }),
    ],
  );
  const internet = ns(
    "netns",
    "dnlab123in",
    [iface(1, "lo", { ip: "127.0.0.1/8" }), iface(2, "eth0", { kind: "veth", peerIfindex: 40, linkNetnsid: 0, ip: "203.0.113.2/29" })],
    [route("default", { gateway: "203.0.113.1", dev: "eth0" }), route("203.0.113.0/29", { dev: "eth0", scope: "link" })],
  );
  const server = ns(
    "netns",
    "dnlab123sv",
    [iface(1, "lo", { ip: "127.0.0.1/8" }), iface(2, "eth0", { kind: "veth", peerIfindex: 42, linkNetnsid: 0, ip: "10.77.0.2/24" })],
    [route("default", { gateway: "10.77.0.1", dev: "eth0" }), route("10.77.0.0/24", { dev: "eth0", scope: "link" })],
  );
  return topologyOf([host, internet, server], [], [], rules);
};

describe("NAT written by hand for a hand-made bridge and namespace", () => {
  it("before the DNAT rule, the internet's request to the host address stops at the host (nothing there listens)", () => {
    const e = explain(handHost(iptables(false)), "dnlab123in", "203.0.113.1:28080");
    expect(e.verdict).toBe("delivered");
    expect(e.reached).toBe("host");
    expect(e.hops.some((h) => h.kind === "nat")).toBe(false);
  });

  it("with the tagged DNAT rule, the request is rewritten in PREROUTING, accepted in FORWARD by the tagged rule, and reaches the server", () => {
    const e = explain(handHost(iptables(true)), "dnlab123in", "203.0.113.1:28080");
    expect(e.verdict, describeExplanation(e)).toBe("delivered");
    expect(e.reached).toBe("netns:dnlab123sv");
    const nat = e.hops.find((h) => h.kind === "nat");
    expect(nat?.rule?.text).toContain(`--comment ${tag} -j DNAT --to-destination 10.77.0.2:80`);
    expect(nat?.rule?.packets).toBe(3);
    expect(e.hops.some((h) => h.kind === "rule" && h.rule?.text.includes("-d 10.77.0.2/32 -o dnlab123br"))).toBe(true);
    // No source rewrite on the way in: the server sees the internet's own address.
    expect(e.hops.some((h) => h.text.startsWith("source rewritten"))).toBe(false);
  });

  it("the server's request to the internet is MASQUERADEd by the tagged rule to the host's address on the internet link", () => {
    const e = explain(handHost(iptables(true)), "dnlab123sv", "203.0.113.2");
    expect(e.verdict, describeExplanation(e)).toBe("delivered");
    expect(e.reached).toBe("netns:dnlab123in");
    expect(e.hops.find((h) => h.kind === "nat")?.rule?.text).toBe(`-A POSTROUTING -s 10.77.0.0/24 ! -o dnlab123br -m comment --comment ${tag} -j MASQUERADE`);
    expect(e.hops.some((h) => h.text === "source rewritten to 203.0.113.1 (MASQUERADE)")).toBe(true);
  });

  it("--prove may send to a host port only a tagged DNAT rule of the project leads into one of its namespaces", () => {
    const tagged = handHost(iptables(true));
    expect(taggedDnatOwner(tagged, "203.0.113.1", 28080)?.name).toBe("dnlab123sv");
    expect(probeSource(tagged, "dnlab123in", "203.0.113.1:28080")).toEqual({ kind: "netns", name: "dnlab123in" });
    // Another port, no DNAT at all, or a rule without the project's comment: refused.
    expect(taggedDnatOwner(tagged, "203.0.113.1", 28081)).toBeNull();
    expect(() => probeSource(tagged, "dnlab123in", "203.0.113.1:28081")).toThrow(/not a port the project published/);
    expect(() => probeSource(handHost(iptables(false)), "dnlab123in", "203.0.113.1:28080")).toThrow(/not a port the project published/);
    const foreign = handHost(iptables(true, "someone-else"));
    expect(taggedDnatOwner(foreign, "203.0.113.1", 28080)).toBeNull();
    expect(() => probeSource(foreign, "dnlab123in", "203.0.113.1:28080")).toThrow(/not a port the project published/);
  });
});
