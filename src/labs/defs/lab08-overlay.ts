// Lab 08 · overlay and other drivers (curriculum concept 18): a single-node swarm on a private engine, an attachable
// overlay network, its VXLAN interface and namespace; plugin drivers and ipvlan (detected, not assumed).
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import type { EngineInfo } from "../../docker/adapter.js";
import { UsageError } from "../../errors.js";
import { run } from "../../exec/run.js";
import { kernelName } from "../../ownership.js";
import { parseIpLink } from "../../parse/ip-link.js";
import type { IpInterface } from "../../parse/models.js";
import { inSubnet } from "../../topology/ipv4.js";
import type { Topology } from "../../topology/model.js";
import type { LabCheck, LabContext, LabDefinition, PredictionDefinition, TroubleshootDefinition } from "../definition.js";
import { containerNamed, type FactsView, type LabFacts, namespaceOfContainer, nameIn, networkNamed, type WantedProbes } from "../facts.js";
import { freeSubnet, hostAddress, readParams } from "../free.js";
import { deleteNetns } from "../kernel-objects.js";
import { enginePaths, PrivateEngine, privateEngineAnswers } from "../private-engine.js";
import { predictionsCheck } from "../predictions.js";
import type { LabSession } from "../session.js";
import { troubleshootJudge } from "../troubleshoot.js";
import { runSetupFirst } from "../preconditions.js";

type Owner = Pick<LabSession, "session" | "lab">;

/** The plan of a session from its parameters: docker0 (also the swarm's advertise address), swarm pool, overlay subnet, names. Pure. */
export const planOf = (params: Readonly<Record<string, string | number>>, session: Owner) => {
  const bipNet = String(params["bip-subnet"] ?? "");
  const overlay = String(params["overlay-subnet"] ?? "");
  if (!bipNet || !overlay || !params["swarm-pool"]) return null;
  return {
    bip: `${hostAddress(bipNet, 1)}/24`,
    advertise: hostAddress(bipNet, 1),
    swarmPool: String(params["swarm-pool"]),
    overlay,
    network: nameIn(session, "ov"),
    c1: nameIn(session, "c1"),
    c2: nameIn(session, "c2"),
    c3: nameIn(session, "c3"),
    other: nameIn(session, "ov2"),
    otherSubnet: String(params["other-subnet"] ?? ""),
    scratch: kernelName(session.session, "8ipv"),
  };
};
type Plan = NonNullable<ReturnType<typeof planOf>>;

/** The plan of a session: docker0 (also the swarm's advertise address), swarm pool, overlay subnet, names. */
export const overlayPlan = async (session: LabSession) => planOf(await readParams(session), session);

/** Can this kernel make an ipvlan link? Tried in a throw-away namespace, which is always removed. */
export const ipvlanAvailable = async (namespace: string): Promise<{ available: boolean; error: string }> => {
  await deleteNetns(namespace);
  await run("ip", ["netns", "add", namespace]);
  try {
    await run("ip", ["-n", namespace, "link", "add", "p0", "type", "veth", "peer", "name", "p1"]);
    const result = await run("ip", ["-n", namespace, "link", "add", "iv0", "link", "p0", "type", "ipvlan", "mode", "l2"], { reject: false });
    return { available: result.exitCode === 0, error: result.stderr.trim() };
  } finally {
    await deleteNetns(namespace);
  }
};

/** What lab 08's judges read beside the private engine's snapshot. */
export interface Lab08Probes {
  /** The private engine's swarm state (`docker info`, through the adapter on its socket); null when it could not be read. */
  readonly swarm: EngineInfo["swarm"];
  /** The links of the overlay's namespace (`ip -j -d link show` in it), read when c1 runs on the overlay; null otherwise. */
  readonly overlayLinks: readonly IpInterface[] | null;
  /** Can this kernel make an ipvlan link (tried in a scratch namespace)? Tried only when the learner recorded an answer. */
  readonly ipvlan: { readonly available: boolean; readonly error: string } | null;
  /** One ping by name, `from>to` (short names: `c3>c1`, `c1>c2`) -> answered; only between running containers. */
  readonly pings: Readonly<Record<string, boolean>>;
}
type Facts = LabFacts<Lab08Probes>;

// The overlay network's sandbox namespace in the engine's exec root: `1-<first 10 characters of the network id>`.
const overlayNamespace = (owner: Owner, networkId: string): string => `${enginePaths(owner.session, owner.lab).execRoot}/netns/1-${networkId.slice(0, 10)}`;

// c1 on the overlay: the network, and c1's interface there (the one holding its overlay address), or null.
const c1OnOverlay = (facts: FactsView, plan: Plan) => {
  const network = networkNamed(facts, plan.network);
  const c1 = containerNamed(facts, plan.c1);
  const address = c1?.networkSettings.networks[plan.network]?.ipAddress;
  if (!network || !c1?.state.running || !address) return null;
  const inside = namespaceOfContainer(facts, plan.c1)?.interfaces.find((i) => i.addresses.some((a) => a.address === address));
  return inside ? { network, inside } : null;
};

// c1's leg on the overlay: its interface there, the peer in the overlay's namespace, that peer's bridge, and vxlan0.
const overlayLeg = (facts: Facts, plan: Plan) => {
  const on = c1OnOverlay(facts, plan);
  const links = facts.probes.overlayLinks;
  if (!on || links === null) return null;
  const peer = links.find((l) => l.ifindex === on.inside.peerIfindex);
  const vxlan = links.find((l) => l.kind === "vxlan");
  return { inside: on.inside, peer, vxlan, namespace: overlayNamespace(facts, on.network.id), network: on.network };
};

// One ping by name from a container of the private engine.
const pings = async (engine: PrivateEngine, from: string, to: string): Promise<boolean> =>
  (await run("docker", ["-H", engine.host, "exec", from, "ping", "-c", "1", "-W", "2", to], { reject: false, timeout: 15_000 })).exitCode === 0;

// Probe what the judges of this run read (`wanted`): the swarm state, the overlay's namespace (when c1 is on it), ipvlan
// (when answered), and the two pings by name (between running containers; c3's fails only after 10 s until it is fixed).
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab08Probes> => {
  const view: FactsView = { lab: context.session.lab, session: context.session.session, topology };
  const engine = new PrivateEngine(context.session, () => undefined);
  const plan = await overlayPlan(context.session);
  const runs = (name: string) => containerNamed(view, name)?.state.running === true;
  const on = plan ? c1OnOverlay(view, plan) : null;
  const answered = typeof (await context.session.answers())["ipvlan-available"] === "boolean";
  const pairs =
    plan && wanted("pings")
      ? [
          ["c3>c1", plan.c3, plan.c1],
          ["c1>c2", plan.c1, plan.c2],
        ].filter(([, from]) => runs(from ?? ""))
      : [];
  const [swarm, overlayLinks, ipvlan, pinged] = await Promise.all([
    wanted("swarm")
      ? engine.engine.info().then(
          (info) => info.swarm,
          () => null,
        )
      : null,
    on && wanted("overlayLinks")
      ? run("nsenter", [`--net=${overlayNamespace(view, on.network.id)}`, "ip", "-j", "-d", "link", "show"], { reject: false }).then((listed) =>
          listed.exitCode === 0 ? parseIpLink(listed.stdout).value : null,
        )
      : Promise.resolve(null),
    answered && wanted("ipvlan") ? ipvlanAvailable(context.session.ifname("8chk")) : Promise.resolve(null),
    Promise.all(pairs.map(async ([key, from, to]) => [key, await pings(engine, String(from), String(to))] as const)),
  ]);
  return { swarm, overlayLinks, ipvlan, pings: Object.fromEntries(pinged) };
};

const predictions: PredictionDefinition[] = [
  {
    id: "c1-legs",
    question: "c1 runs on the attachable overlay `ov` only. How many interfaces besides lo will it have?",
    choices: ["one: on the overlay", "two: on the overlay and on docker_gwbridge", "three"],
    explain:
      "An overlay carries traffic between containers, across hosts; it has no way out of the swarm. So Docker gives each container a second leg on docker_gwbridge, a local bridge with outbound NAT, for everything else.",
  },
  {
    id: "overlay-mtu",
    question: "Which MTU will c1's interface on the overlay have?",
    choices: ["1500, as on a bridge", "1450", "9000"],
    explain:
      "Every frame on an overlay travels inside a VXLAN packet (outer IP and UDP headers and the VXLAN header: 50 bytes), and the underlay carries 1500: so Docker leaves 1450 for the frame inside.",
  },
  {
    id: "ipvlan-kernel",
    question: "Docker lists ipvlan among this engine's network drivers. Will this kernel make an ipvlan link?",
    choices: ["yes", "no"],
    explain:
      "Docker's list says which drivers the engine has code for; the driver still needs the kernel's ipvlan module, which some kernels do not ship. Only trying tells.",
  },
];

// Troubleshooting: c3 should talk to c1, but it was put on another overlay: another VNI, another segment.
const c3Elsewhere = async (context: LabContext): Promise<void> => {
  const plan = await overlayPlan(context.session);
  const engine = new PrivateEngine(context.session, context.log);
  if (!plan?.otherSubnet || (await engine.engine.info().catch(() => null))?.swarm?.localNodeState !== "active")
    throw new UsageError("The private engine is not a swarm yet: do exercise 1 (swarm init) first.", {
      hint: "Overlays need swarm mode: run exercise 1, then this cell again.",
    });
  await engine.exec(["docker", "rm", "-f", plan.c3], { quiet: true }).catch(() => undefined);
  if (!(await engine.network(plan.other)))
    await engine.exec(["docker", "network", "create", "-d", "overlay", "--attachable", "--subnet", plan.otherSubnet, plan.other], { quiet: true });
  await engine.exec(["docker", "run", "-d", "--name", plan.c3, "--network", plan.other, context.image, "sleep", "3600"], { quiet: true });
  context.log(`c3 (${plan.c3}) is running on the private engine; it should reach c1 by name.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom: "c3 runs on an overlay network of the private engine and should reach c1 by name, but `ping c1` from c3 fails (bad address).",
  scenario:
    "On the private engine (a swarm), the scenario creates a second attachable overlay `ov2` and starts `c3` on it. c3 cannot resolve or reach c1: each overlay is its own segment (its own VNI, namespace and DNS scope). The learner compares c3's networks with c1's (`docker inspect`, `docker network inspect`, the VNIs), names `other-overlay`, and connects c3 to `ov` (`docker network connect`).",
  causes: {
    "other-overlay": "c3 is on another overlay network: another VXLAN segment, with its own names",
    "not-attachable": "the overlay does not accept containers started with docker run",
    "swarm-inactive": "the engine left swarm mode",
    "no-dns": "the engine's embedded DNS is not running",
  },
  cause: "other-overlay",
  breakIt: c3Elsewhere,
};

// Does c3 reach c1 by name? Symptoms only.
const c3Fixed = (facts: Facts): Verdict => {
  const plan = planOf(facts.params, facts);
  if (!plan) return fail("The lab is not set up.", runSetupFirst);
  if (!containerNamed(facts, plan.c3)?.state.running) return fail("c3 is not running.", hints("Run the scenario cell again: it starts c3."));
  if (facts.probes.pings["c3>c1"] === true) return pass(`c3 reaches ${plan.c1} by name.`);
  return fail(
    `c3 still cannot ping ${plan.c1} by name.`,
    hints(
      [
        "Compare c3 with c1 as Docker sees them: which networks each is on (docker inspect), and what each network is (docker network inspect: driver, subnet, the VXLAN id in its options).",
        "Names resolve, and frames travel, within one network: c3 needs a leg on c1's network. A running container can join one more network.",
      ],
      `engine.sh\`docker network connect ${plan.network} ${plan.c3}\``,
    ),
  );
};

const checks: LabCheck<Lab08Probes>[] = [
  {
    id: "08.swarm",
    concepts: [18],
    title: "The private engine is a single-node swarm manager, advertising docker0's address",
    points: 2,
    probes: ["swarm"],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const swarm = facts.probes.swarm;
      const init = `engine.sh\`docker swarm init --advertise-addr ${plan.advertise} --default-addr-pool ${plan.swarmPool} --default-addr-pool-mask-length 24\``;
      if (swarm?.localNodeState !== "active")
        return fail(
          `The engine's swarm state is ${swarm?.localNodeState ?? "unknown"}.`,
          hints(
            [
              "Overlays need swarm mode: one node can be a swarm on its own (docker swarm init, on the private engine). It needs the address other nodes would reach it at, and a pool for swarm networks' subnets.",
            ],
            swarm?.localNodeState === "inactive" ? init : `engine.sh\`docker swarm leave --force\`, then ${init}`,
          ),
          { swarm },
        );
      if (!swarm.controlAvailable)
        return fail("The engine is in a swarm but not a manager.", "A single-node swarm made with `swarm init` is its own manager; leave and init again.");
      if (swarm.nodeAddr !== plan.advertise)
        return fail(
          `The swarm advertises ${swarm.nodeAddr || "?"}, not ${plan.advertise}.`,
          `Use --advertise-addr ${plan.advertise} (docker0 in the engine's namespace): an address that exists there.`,
          { swarm },
        );
      return pass(`Swarm active, this node is the manager, advertising ${swarm.nodeAddr}.`, { swarm });
    },
  },
  {
    id: "08.overlay-network",
    concepts: [18],
    title: "An attachable overlay network with your subnet, swarm scope",
    points: 2,
    probes: [],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const network = networkNamed(facts, plan.network);
      const create = `engine.sh\`docker network create -d overlay --attachable --subnet ${plan.overlay} ${plan.network}\``;
      if (!network)
        return fail(
          `The private engine has no network named ${plan.network}.`,
          hints(
            [
              "Exercise 2's network uses the overlay driver, takes your subnet, and must accept containers started with plain docker run (the attachable flag), not only swarm services.",
            ],
            create,
          ),
        );
      if (network.driver !== "overlay") return fail(`${plan.network} uses the ${network.driver} driver.`, `Remove it and run ${create}.`);
      if (!network.attachable)
        return fail(
          `${plan.network} is not attachable: plain \`docker run\` containers cannot join it, only swarm services.`,
          `Remove it (engine.sh\`docker network rm ${plan.network}\`) and create it again with --attachable.`,
        );
      if (network.ipam.config[0]?.subnet !== plan.overlay)
        return fail(
          `${plan.network}'s subnet is ${network.ipam.config[0]?.subnet ?? "none"}, not ${plan.overlay}.`,
          `Recreate it with --subnet ${plan.overlay}.`,
        );
      return pass(`${plan.network}: overlay, scope ${network.scope}, attachable, ${plan.overlay}.`, { scope: network.scope, options: network.options });
    },
  },
  {
    id: "08.overlay-containers",
    concepts: [18],
    title: "c1 and c2 run on the overlay with addresses from its subnet and the VXLAN-sized MTU (1450)",
    points: 2,
    probes: [],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const found: Record<string, string> = {};
      for (const name of [plan.c1, plan.c2]) {
        const container = containerNamed(facts, name);
        const runHint = `engine.sh\`docker run -d --name ${name} --network ${plan.network} ${facts.image} httpd -f -p 80 -h /var/www\``;
        if (!container)
          return fail(
            `The private engine has no container named ${name}.`,
            hints(
              [
                `${name.endsWith("c1") ? "c1" : "c2"} runs on the overlay (by name), from the lab's image, with httpd -f -p 80 -h /var/www, on the private engine (engine.sh).`,
              ],
              runHint,
            ),
          );
        if (!container.state.running) return fail(`${name} is ${container.state.status}.`, `Start it: engine.sh\`docker start ${name}\`.`);
        const address = container.networkSettings.networks[plan.network]?.ipAddress ?? "";
        if (!address || !inSubnet(address, plan.overlay))
          return fail(`${name} has no address on ${plan.network} (${address || "none"}).`, `Remove it and run: ${runHint}.`);
        const eth = namespaceOfContainer(facts, name)?.interfaces.find((i) => i.addresses.some((a) => a.address === address));
        if (eth?.mtu !== 1450)
          return fail(
            `${name}'s overlay interface has MTU ${eth?.mtu ?? "?"}.`,
            "On an overlay, Docker sets 1450: 50 bytes less than the underlay, for the VXLAN header. Did you set another MTU option?",
          );
        found[name] = address;
      }
      return pass(`c1 is ${found[plan.c1]} and c2 is ${found[plan.c2]} on ${plan.overlay}, MTU 1450 (1500 - 50 bytes of VXLAN).`, found);
    },
  },
  {
    id: "08.vxlan",
    concepts: [18],
    title: "You followed c1's overlay leg into the overlay's namespace: its veth peer, the bridge it is on, and the VXLAN id on that bridge",
    points: 3,
    probes: ["overlayLinks"],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const leg = overlayLeg(facts, plan);
      if (!leg)
        return fail(
          "c1 is not running on the overlay, or the overlay's namespace is not there yet.",
          "Do exercise 2 first: Docker makes the overlay's namespace when the first container joins.",
        );
      const vni = leg.vxlan?.kindData?.id;
      if (!leg.peer || !leg.vxlan || typeof vni !== "number")
        return fail(`No veth peer or vxlan interface in ${leg.namespace}.`, "Is c1 attached to the overlay?");
      const given = facts.answers["c1-overlay-path"] as { peer?: unknown; bridge?: unknown; vni?: unknown } | undefined;
      const how = hints(
        [
          `Pairing across namespaces, as in lab 02: c1's overlay interface says @ifN; N is an ifindex in the overlay's namespace (a file under ${enginePaths(facts.session, facts.lab).execRoot}/netns, entered with nsenter --net=FILE), not on the host. There, read that link's master, and the vxlan link's id (its VNI).`,
          "In the overlay's namespace, `ip -j -d link show` (parsed) lists every link with ifindex, master, kind and kindData.",
        ],
        'await lab.answer("c1-overlay-path", { peer: peer?.name, bridge: peer?.master, vni: ovLinks.find((l) => l.kind === "vxlan")?.kindData?.id })',
      );
      if (!given || typeof given !== "object") return fail("No answer recorded for c1-overlay-path.", how);
      if (given.peer !== leg.peer.name)
        return fail(`${JSON.stringify(given.peer)} is not the peer of c1's overlay interface (@if${leg.inside.peerIfindex}).`, how, { given });
      if (given.bridge !== leg.peer.master)
        return fail(`${leg.peer.name} is plugged into another bridge than ${JSON.stringify(given.bridge)}.`, how, { given });
      if (Number(given.vni) !== vni) return fail(`${JSON.stringify(given.vni)} is not the VXLAN id of ${leg.vxlan.name}.`, how, { given });
      const listedVni = leg.network.options["com.docker.network.driver.overlay.vxlanid_list"];
      return pass(
        `c1 → ${leg.peer.name} on ${leg.peer.master}, beside ${leg.vxlan.name} (VNI ${vni}, dstport ${String(leg.vxlan.kindData?.port ?? "4789")}) in ${leg.namespace}; docker network inspect lists vxlanid_list=${listedVni ?? "?"}.`,
        { vni, master: leg.peer.master, listedVni },
      );
    },
  },
  {
    id: "08.ipvlan-detected",
    concepts: [18],
    title: "You tested whether this kernel can make ipvlan links, and recorded the truth",
    points: 1,
    probes: ["ipvlan"],
    judge: (facts) => {
      const given = facts.answers["ipvlan-available"];
      if (typeof given !== "boolean")
        return fail(
          "No answer recorded for ipvlan-available (true or false).",
          hints(
            ["Try it: in a scratch namespace, make a veth pair and hang an ipvlan link off one end; record whether the kernel accepted it."],
            'await lab.answer("ipvlan-available", ipvlanOk)',
          ),
        );
      const truth = facts.probes.ipvlan;
      if (!truth) throw new Error("ipvlan was not tried");
      if (given !== truth.available)
        return fail(
          `You recorded ${given}, but on this kernel ipvlan is ${truth.available ? "available" : `not available (${truth.error})`}.`,
          "Run the test again and record whether `ip link add … type ipvlan` succeeded.",
          { truth },
        );
      return pass(
        truth.available
          ? "ipvlan works on this kernel, as you recorded."
          : `ipvlan is not available on this kernel (${truth.error}), as you recorded: Docker's ipvlan driver would fail here.`,
        { truth },
      );
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "08.c3-fixed",
    title: "You named why c3 could not reach c1 and fixed it",
    concepts: [18],
    points: 3,
    probes: ["pings"],
    fixed: c3Fixed,
  }),
  predictionsCheck({ id: "08", predictions }),
  {
    id: "08.overlay-dns-ping",
    concepts: [18],
    title: "Hidden: c1 reaches c2 by name across the overlay",
    points: 1,
    probes: ["pings"],
    hidden: true,
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      return facts.probes.pings["c1>c2"] === true
        ? pass(`c1 pinged ${plan.c2} by name over the overlay.`)
        : fail(`c1 could not ping ${plan.c2} by name.`, "Both must be on the overlay network (exercise 2).");
    },
  },
];

export const lab08: LabDefinition<Lab08Probes> = {
  id: "08",
  preconditions: [privateEngineAnswers({ message: "The private engine is not running.", hint: runSetupFirst })],
  topology: (context) => new PrivateEngine(context.session, () => undefined).snapshotOptions(false),
  gather,
  slug: "08-overlay",
  ownEngine: true,
  title: "Overlay (single-node swarm on a private engine), VXLAN, plugin drivers and ipvlan",
  summary:
    "on a private engine: single-node swarm, attachable overlay, the VXLAN interface in its namespace; driver summary, plugins, ipvlan detection; a container on the wrong overlay",
  concepts: [18, 19],
  goals: [
    "make a single-node swarm and an attachable overlay network (on a private engine, never your own)",
    "predict and read a container's two legs on an overlay (the overlay, docker_gwbridge) and the overlay's MTU",
    "follow a container's overlay leg into the overlay's namespace: its veth peer, the bridge, the VXLAN id",
    "test whether the kernel has ipvlan instead of assuming it",
    "find why a container cannot reach another one across overlays, and connect it",
  ],
  predictions,
  troubleshoot,
  setup: async (context) => {
    await freeSubnet(context.session, "bip-subnet", { pool: "10.220.0.0/16", prefix: 24 });
    await freeSubnet(context.session, "swarm-pool", { pool: "10.221.0.0/16", prefix: 20 });
    await freeSubnet(context.session, "overlay-subnet", { pool: "10.222.0.0/16", prefix: 24 });
    await freeSubnet(context.session, "other-subnet", { pool: "10.222.0.0/16", prefix: 24 });
    const plan = await overlayPlan(context.session);
    const engine = new PrivateEngine(context.session, context.log);
    if (!(await engine.answering())) await engine.start({ bip: plan?.bip as string });
    else await engine.loadImage();
  },
  checks,
  teardown: async (context) => {
    const engine = new PrivateEngine(context.session, context.log);
    if (await engine.answering()) {
      const left = await run("docker", ["-H", engine.host, "swarm", "leave", "--force"], { reject: false, timeout: 30_000 });
      if (left.exitCode === 0) context.log("the private engine left its swarm");
    }
    await engine.destroy();
    await deleteNetns(context.session.ifname("8ipv"));
    await deleteNetns(context.session.ifname("8chk"));
  },
};
