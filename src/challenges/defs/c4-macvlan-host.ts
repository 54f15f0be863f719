// Challenge 4 · The host cannot reach its macvlan children: a shim was left half made. Find why and fix it.
import { fail, hints, pass } from "../../checks/check.js";
import { run } from "../../exec/run.js";
import type { LabContext } from "../../labs/definition.js";
import { hostAddress } from "../../labs/free.js";
import { hostInterface } from "../../labs/host-facts.js";
import { deleteLink } from "../../labs/kernel-objects.js";
import { containerFacts, type ContainerFacts } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { buildCable, removeCable } from "../../labs/cable.js";
import { fetchFromHost, fetchFromNamespace, networkOwned, runOwned, testNetSubnet } from "../net.js";
import { fill } from "../steps.js";
import { webServerCommand } from "../../setup/image.js";

const texts: ChallengeTexts = {
  title: "The host and its macvlan children",
  goal: "`{m1}` is a web server on the macvlan network `{lan}` (parent `{uplink}`, the host's cable to the LAN namespace `{lanNs}`), at `{m1Ip}`. The LAN reaches it; the host does not, although someone made the host a shim, `{shim}` (`{shimIp}`). Find out why and make the host get `http://{m1Ip}/` through that shim, while the LAN keeps reaching `{m1}`.",
  constraints: [
    "Keep `{m1}`, the network `{lan}` and the cable as they are.",
    "Use the shim `{shim}` (so that teardown finds it): fix it, or make it again under that name.",
  ],
  tools: ["`ip -d link`, `ip addr`, `ip route get`", "`ip link set … type macvlan …`, `ip route`", "`challenge.explain`, `challenge.draw`"],
  params: {
    m1: "the macvlan container",
    m1Ip: "m1's address on the LAN",
    lan: "the macvlan network",
    uplink: "the parent: the host's end of the LAN cable",
    lanNs: "the LAN namespace (the LAN's router)",
    shim: "the host's macvlan shim",
    shimIp: "the shim's address",
    ipRange: "the range Docker hands out on the LAN",
  },
};

/** What the judges read. */
export interface MacvlanFacts {
  readonly m1: ContainerFacts | null;
  /** The shim as `ip -d addr` shows it, or null when there is none. */
  readonly shim: {
    readonly kind: string | null;
    readonly mode: string | null;
    readonly parent: string | null;
    readonly up: boolean;
    readonly addresses: readonly string[];
  } | null;
  /** The device the host sends packets for m1 out of (`ip route get`). */
  readonly routeDev: string | null;
  readonly fromHost: string | null;
  readonly fromLan: string | null;
}

const names = (context: LabContext) => ({
  lanNs: context.session.ifname("c4ln"),
  uplink: context.session.ifname("c4up"),
  shim: context.session.ifname("c4sh"),
});

const plan = async (context: LabContext): Promise<Params> => {
  const subnet = await testNetSubnet(context, "lan", 0, 28);
  return {
    ...names(context),
    m1: context.session.name("m1"),
    lan: context.session.name("lan"),
    image: context.image,
    subnet,
    gateway: hostAddress(subnet, 2),
    shimIp: hostAddress(subnet, 3),
    ipRange: `${hostAddress(subnet, 8)}/29`,
    m1Ip: hostAddress(subnet, 9),
  };
};

// Print and run one command of the starting state.
const shown = async (context: LabContext, argv: string[]): Promise<void> => {
  context.log(`$ ${argv.join(" ")}`);
  await run(argv[0] as string, argv.slice(1));
};

export const c4: ChallengeDefinition<MacvlanFacts> = {
  id: "c4",
  slug: "c4-macvlan-host",
  texts,
  difficulty: "medium",
  minutes: 20,
  concepts: [16],
  labs: ["06"],
  hostSide: true,
  plan,
  setup: async (context, p) => {
    const n = names(context);
    // The cable: host end (the parent) .1, the LAN namespace .2 (the LAN's router).
    await buildCable(context, { ns: n.lanNs, hostEnd: n.uplink, subnet: String(p.subnet), defaultRoute: false });
    await networkOwned(context, String(p.lan), [
      "-d",
      "macvlan",
      "-o",
      `parent=${n.uplink}`,
      "--subnet",
      String(p.subnet),
      "--gateway",
      String(p.gateway),
      "--ip-range",
      String(p.ipRange),
    ]);
    await runOwned(context, String(p.m1), ["--network", String(p.lan), "--ip", String(p.m1Ip)], [context.image, ...webServerCommand]);
    // The half-made shim: a macvlan child of the parent, addressed and up, but in vepa mode and with no route to the children.
    if (!(await hostInterface(n.shim))) {
      await shown(context, ["ip", "link", "add", n.shim, "link", n.uplink, "type", "macvlan", "mode", "vepa"]);
      await shown(context, ["ip", "addr", "add", `${p.shimIp}/32`, "dev", n.shim]);
      await shown(context, ["ip", "link", "set", n.shim, "up"]);
    }
  },
  gather: async (_context, p) => {
    const shim = await hostInterface(String(p.shim));
    const route = await run("ip", ["-j", "route", "get", String(p.m1Ip)], { reject: false });
    let routeDev: string | null = null;
    try {
      routeDev = (JSON.parse(route.stdout) as { dev?: string }[])[0]?.dev ?? null;
    } catch {
      routeDev = null;
    }
    return {
      m1: await containerFacts(String(p.m1)),
      shim: shim
        ? {
            kind: shim.kind,
            mode: typeof shim.kindData?.mode === "string" ? shim.kindData.mode : null,
            parent: shim.link,
            up: shim.flags.includes("UP"),
            addresses: shim.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`),
          }
        : null,
      routeDev,
      fromHost: await fetchFromHost(`http://${p.m1Ip}/`),
      fromLan: await fetchFromNamespace(String(p.lanNs), `http://${p.m1Ip}/`),
    };
  },
  checks: [
    {
      id: "c4.shim-bridge",
      title: "The shim is a macvlan child of the parent, up, addressed, in the containers' mode (bridge)",
      points: 2,
      concepts: [16],
      judge: (facts, p) => {
        const shim = facts.shim;
        if (shim?.kind !== "macvlan" || shim.parent !== p.uplink)
          return fail(
            fill("There is no macvlan shim {shim} on {uplink}.", p),
            hints(
              ["The host reaches macvlan children only through a macvlan child of its own on the same parent."],
              fill("ip link add {shim} link {uplink} type macvlan mode bridge", p),
            ),
            { shim },
          );
        if (!shim.up || shim.addresses.length === 0)
          return fail(fill("{shim} is down or has no address.", p), hints(["A shim is an interface like any other: it needs to be up, with an address."]), {
            shim,
          });
        if (shim.mode !== "bridge")
          return fail(
            fill("{shim} is a macvlan child of {uplink}, but m1 still cannot hear it.", p),
            hints(
              [
                "Macvlan children of one parent talk to each other only in some modes. Compare the shim's details with m1's eth0 (ip -d link, inside m1's namespace): kind, parent, and the mode.",
                "Docker makes its children in bridge mode; a macvlan's mode can be changed in place.",
              ],
              fill("ip link set {shim} type macvlan mode bridge", p),
            ),
            { shim },
          );
        return pass(fill("{shim}: macvlan on {uplink}, bridge mode, up, {addresses}.", { ...p, addresses: shim.addresses.join(", ") }), { shim });
      },
    },
    {
      id: "c4.route-via-shim",
      title: "The host sends packets for m1 out of the shim, not out of the parent",
      points: 2,
      concepts: [16],
      judge: (facts, p) => {
        if (facts.routeDev === p.shim) return pass(fill("ip route get {m1Ip}: dev {shim}.", p));
        return fail(
          fill("The host sends packets for {m1Ip} out of {dev}.", { ...p, dev: facts.routeDev ?? "nothing" }),
          hints(
            [
              "Which interface does the host pick for m1's address (ip route get)? The parent carries a route for the whole LAN, and the kernel never hands a parent's own packets to its macvlan children. The shim needs a more specific route for the children's addresses.",
            ],
            fill("ip route add {ipRange} dev {shim}", p),
          ),
          { dev: facts.routeDev },
        );
      },
    },
    {
      id: "c4.host-reaches",
      title: "The host gets m1's page, and the LAN namespace still does",
      points: 3,
      concepts: [16],
      judge: (facts, p) => {
        if (!facts.m1?.running) return fail(fill("{m1} is not running.", p), hints(["Reset the challenge to get it back."]));
        if (facts.fromHost === null)
          return fail(
            fill("The host gets no page from http://{m1Ip}/.", p),
            hints(["Both halves are needed: a shim m1 can hear (c4.shim-bridge) and a route through it (c4.route-via-shim)."]),
          );
        if (facts.fromLan === null)
          return fail(
            "The host reaches m1, but the LAN namespace does not any more.",
            hints(["m1 is the LAN's: leave its network and the cable as they were."]),
          );
        return pass(fill("The host and the LAN both get http://{m1Ip}/.", p));
      },
    },
  ],
  teardown: async (context) => {
    const n = names(context);
    await deleteLink(n.shim);
    await removeCable(n.lanNs, n.uplink);
  },
  solution: [{ sh: "ip link set {shim} type macvlan mode bridge" }, { sh: "ip route add {ipRange} dev {shim}" }],
  wrong: [
    {
      name: "route-only",
      steps: [{ sh: "ip route add {ipRange} dev {shim}" }],
      failing: "c4.shim-bridge",
      hintMentions: /Macvlan children of one parent talk to each other only in some modes/,
    },
  ],
};
