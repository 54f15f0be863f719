// The curriculum: every concept of the seed posts (../shared/docs/curriculum.md), numbered as there.
// The coverage table in labs/README.md is written from this, the lab sources' `concepts=` and the checks' `concepts`.

/** Concept number -> what the learner comes to know (one line, markdown). */
export const concepts: Readonly<Record<number, string>> = {
  1: "docker0 is a virtual Linux bridge (`ip link`, `ifconfig`, `brctl show`)",
  2: "docker0 is 172.17.0.1/16; containers get 172.17.0.x from Docker's IPAM, not DHCP",
  3: "a container sees `eth0` and `lo`; its default gateway is docker0's address",
  4: "`docker network ls` / `inspect bridge`: IPAM, Containers map, Options",
  5: "one veth pair per container: `eth0` inside, `vethXXXX` on docker0; veths = running containers; pairing by ifindex (`eth0@ifN`)",
  6: "network namespaces isolate containers; the same built by hand (`ip netns`, veth, bridge, address, route)",
  7: "outbound NAT: MASQUERADE for 172.17.0.0/16 in POSTROUTING; the outside sees the host's address",
  8: "`-p HOST:CONTAINER`: DNAT in nat DOCKER, FORWARD accept, docker-proxy, request to 127.0.0.1:PORT; `iptables -t nat -L -n`",
  9: "hairpin MASQUERADE (a container reaching its own published port)",
  10: "user-defined bridge: `docker network create --driver bridge`, `--net`/`--network`",
  11: "embedded DNS 127.0.0.11 on user bridges, not on the default bridge; `--network-alias` round robin; legacy `--link`",
  12: "isolation between bridges (isolation chains); `docker network connect`/`disconnect`",
  13: "host mode: the host's namespace, no veth, sees docker0, `-p` discarded",
  14: "none mode: only `lo`",
  15: "container mode `--network container:NAME`: shared IP and MAC, no veth of its own, localhost between them",
  16: "macvlan: own MAC, LAN addresses, a parent interface; the host cannot reach its children without a shim",
  17: "changing docker0's address and CIDR (`--bip`, default address pools), custom subnets, `--ip-range`, static `--ip`, MTU (private engine, never the learner's)",
  18: "overlay (swarm, VXLAN) and the other drivers: plugins, ipvlan (detected on this kernel)",
  19: "safe cleanup: only what the lab created (never `docker rm -f $(docker ps -aq)`): a label filter lists exactly the lab's objects, and teardown removes only those",
};
