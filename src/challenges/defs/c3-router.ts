// Challenge 3 · A router container: two user bridges joined through a container with a leg on each and forwarding on.
import { engineVersion } from "../../docker/adapter.js";
import { hasGatewayModes } from "../../topology/engine-facts.js";
import { fail, hints, pass } from "../../checks/check.js";
import { run } from "../../exec/run.js";
import type { LabContext } from "../../labs/definition.js";
import { freeSubnet, hostAddress } from "../../labs/free.js";
import { containerFacts, type ContainerFacts } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { fetchFromContainer, networkOwned, runOwned } from "../net.js";
import { fill } from "../steps.js";
import { webServerCommand } from "../../setup/image.js";

const texts: ChallengeTexts = {
  title: "A router between two bridges",
  goal: "`{a1}` lives on network `{netA}` ({subnetA}), `{b1}` on `{netB}` ({subnetB}) with a web server at `{b1Ip}`. Make `{a1}` get `http://{b1Ip}/` through a router container `{router}` that has one leg on each network (`{routerA}` and `{routerB}`) and forwards packets between them. Docker isolates two bridges from each other; your router, not the host, joins them.",
  constraints: [
    "Keep `{a1}` and `{b1}` (do not recreate them or connect them to the other network).",
    "The router is a container of the image `{image}`; give it the addresses `{routerA}` and `{routerB}`.",
  ],
  tools: [
    "`docker run` (`--ip`, `--sysctl`), `docker network connect`",
    "`docker exec … ip route` (a1 and b1 have NET_ADMIN)",
    "`challenge.explain`, `challenge.draw`",
  ],
  params: {
    a1: "the client, on netA (NET_ADMIN: it may change its routes)",
    b1: "the web server, on netB (NET_ADMIN)",
    b1Ip: "b1's address on netB",
    netA: "network A",
    netB: "network B",
    subnetA: "network A's subnet",
    subnetB: "network B's subnet",
    router: "the router container you create",
    routerA: "the router's address on netA",
    routerB: "the router's address on netB",
  },
};

/** What the judges read. */
export interface RouterFacts {
  readonly a1: ContainerFacts | null;
  readonly b1: ContainerFacts | null;
  readonly router: ContainerFacts | null;
  /** /proc/sys/net/ipv4/ip_forward inside the router ("1"), null when it cannot be read. */
  readonly routerForwarding: string | null;
  /** `ip route get b1Ip` inside a1 (busybox), the first line. */
  readonly a1Route: string | null;
  /** The page a1 got from http://b1Ip/. */
  readonly page: string | null;
}

const plan = async (context: LabContext): Promise<Params> => {
  const subnetA = await freeSubnet(context.session, "net-a");
  const subnetB = await freeSubnet(context.session, "net-b");
  return {
    a1: context.session.name("a1"),
    b1: context.session.name("b1"),
    router: context.session.name("router"),
    netA: context.session.name("net-a"),
    netB: context.session.name("net-b"),
    subnetA,
    subnetB,
    b1Ip: hostAddress(subnetB, 10),
    routerA: hostAddress(subnetA, 254),
    routerB: hostAddress(subnetB, 254),
    image: context.image,
  };
};

const inside = async (container: string, argv: readonly string[]): Promise<string | null> => {
  const result = await run("docker", ["exec", container, ...argv], { reject: false, timeout: 15_000 });
  return result.exitCode === 0 ? result.stdout.trim() : null;
};

const legs = (router: ContainerFacts | null, p: Params): string[] => Object.keys(router?.networks ?? {}).filter((n) => n === p.netA || n === p.netB);

export const c3: ChallengeDefinition<RouterFacts> = {
  id: "c3",
  slug: "c3-router",
  texts,
  difficulty: "medium",
  minutes: 25,
  concepts: [6, 10, 12],
  labs: ["02", "04"],
  hostSide: true,
  plan,
  setup: async (context, p) => {
    // Docker 28+ drops, in raw PREROUTING, a packet to a container that arrives from outside its bridge (gateway mode
    // nat, the default): a1's packets to b1 reach the router on netA's bridge, so no router between two bridges could
    // work. Gateway mode nat-unprotected keeps the NAT without that drop (older engines have neither).
    const mode = hasGatewayModes((await engineVersion()).version) ? ["-o", "com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected"] : [];
    await networkOwned(context, String(p.netA), ["--subnet", String(p.subnetA), ...mode]);
    await networkOwned(context, String(p.netB), ["--subnet", String(p.subnetB), ...mode]);
    await runOwned(context, String(p.a1), ["--network", String(p.netA), "--cap-add", "NET_ADMIN"], [context.image, "sleep", "86400"]);
    await runOwned(
      context,
      String(p.b1),
      ["--network", String(p.netB), "--ip", String(p.b1Ip), "--cap-add", "NET_ADMIN"],
      [context.image, ...webServerCommand],
    );
  },
  gather: async (_context, p) => {
    const router = await containerFacts(String(p.router));
    return {
      a1: await containerFacts(String(p.a1)),
      b1: await containerFacts(String(p.b1)),
      router,
      routerForwarding: router?.running ? await inside(String(p.router), ["cat", "/proc/sys/net/ipv4/ip_forward"]) : null,
      a1Route: (await inside(String(p.a1), ["ip", "route", "get", String(p.b1Ip)]))?.split("\n")[0] ?? null,
      page: await fetchFromContainer(String(p.a1), `http://${p.b1Ip}/`),
    };
  },
  checks: [
    {
      id: "c3.router-legs",
      title: "The router container runs with one leg on each network, at the planned addresses",
      points: 2,
      concepts: [10, 12],
      judge: (facts, p) => {
        if (!facts.router?.running)
          return fail(
            fill("There is no running container {router}.", p),
            hints(
              [
                "A router here is an ordinary container with an interface on each network: it starts on one network and joins the other, each time with the planned address.",
              ],
              fill(
                "docker run -d --name {router} --network {netA} --ip {routerA} {image} sleep 86400 && docker network connect --ip {routerB} {netB} {router}",
                p,
              ),
            ),
          );
        const on = legs(facts.router, p);
        const wrongAddress = [
          [p.netA, p.routerA],
          [p.netB, p.routerB],
        ].filter(([net, ip]) => facts.router?.networks[String(net)] && facts.router.networks[String(net)]?.ip !== ip);
        if (on.length < 2)
          return fail(
            `The router is on ${on.join(", ") || "neither network"}: it needs a leg on both.`,
            hints(["A running container joins another network with docker network connect (which takes --ip too)."]),
            {
              networks: Object.keys(facts.router.networks),
            },
          );
        if (wrongAddress.length)
          return fail(
            `The router's address on ${wrongAddress.map(([net]) => net).join(", ")} is not the planned one.`,
            hints(["The other containers route through the planned addresses: give them with --ip (docker run, docker network connect)."]),
          );
        return pass(fill("{router} is at {routerA} on {netA} and at {routerB} on {netB}.", p));
      },
    },
    {
      id: "c3.forwarding",
      title: "The router forwards IPv4 packets (net.ipv4.ip_forward = 1 in its namespace)",
      points: 2,
      concepts: [6],
      judge: (facts) => {
        if (!facts.router?.running) return fail("There is no router yet.", hints(["Create the router first (c3.router-legs)."]));
        if (facts.routerForwarding === "1") return pass("ip_forward is 1 in the router's namespace.");
        return fail(
          `ip_forward is ${facts.routerForwarding ?? "unreadable"} in the router's namespace.`,
          hints(
            [
              "A Linux box forwards packets between its interfaces only when net.ipv4.ip_forward is 1, and that setting belongs to each network namespace: the host's says nothing about the router's. Docker sets namespaced sysctls of a container when it is created.",
            ],
            "docker run … --sysctl net.ipv4.ip_forward=1 …",
          ),
        );
      },
    },
    {
      id: "c3.a1-reaches-b1",
      title: "a1 gets b1's page at b1's netB address, routed through the router's netA leg",
      points: 3,
      concepts: [6, 12],
      judge: (facts, p) => {
        if (!facts.a1?.running || !facts.b1?.running) return fail("a1 and b1 must both run.", hints(["Reset the challenge to get them back."]));
        const direct = Object.keys(facts.a1.networks).includes(String(p.netB)) || Object.keys(facts.b1.networks).includes(String(p.netA));
        if (direct)
          return fail(
            "a1 and b1 share a network now: that is no router.",
            hints(["Keep a1 on netA and b1 on netB only (docker network disconnect), and let the router carry the packets."]),
          );
        const via = facts.a1Route?.includes(`via ${p.routerA}`) ?? false;
        if (facts.page !== null && via) return pass(fill("a1 → {b1Ip} answers, via {routerA}.", p), { route: facts.a1Route });
        if (!via)
          return fail(
            fill("a1's route to {b1Ip} is `{route}`: not through the router.", { ...p, route: facts.a1Route ?? "none" }),
            hints(
              [
                "a1 sends packets for other subnets to its default gateway, the bridge of netA on the host, and Docker's isolation drops them there. a1 needs a route for netB's subnet through the router's netA address; and b1 needs the way back.",
                "Routes are per namespace: add them inside a1 and inside b1 (both have NET_ADMIN) with ip route.",
              ],
              fill("docker exec {a1} ip route add {subnetB} via {routerA} && docker exec {b1} ip route add {subnetA} via {routerB}", p),
            ),
            { route: facts.a1Route },
          );
        return fail(
          fill("a1's packets for {b1Ip} go to the router, but no page comes back.", p),
          hints([
            "Follow the packet: a1 → router (forwarding on?) → b1; then the reply: b1 → ? Its default route points at netB's bridge on the host, not at the router.",
            "b1 needs a route back to netA's subnet through the router's netB address.",
          ]),
          { route: facts.a1Route },
        );
      },
    },
  ],
  teardown: async () => undefined,
  solution: [
    { sh: "docker run -d --name {router} --network {netA} --ip {routerA} --sysctl net.ipv4.ip_forward=1 {image} sleep 86400" },
    { sh: "docker network connect --ip {routerB} {netB} {router}" },
    { sh: "docker exec {a1} ip route add {subnetB} via {routerA}" },
    { sh: "docker exec {b1} ip route add {subnetA} via {routerB}" },
  ],
  wrong: [
    {
      name: "shared-network",
      steps: [{ sh: "docker network connect {netB} {a1}" }],
      failing: "c3.a1-reaches-b1",
      hintMentions: /that is no router|Keep a1 on netA/,
    },
  ],
};
