// Lab 02 · veth pairs and namespaces (curriculum concepts 5, 6): Docker's veths, then the same built by hand.
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import { ipJson } from "../../exec/commands.js";
import { run } from "../../exec/run.js";
import { parseIpLink } from "../../parse/ip-link.js";
import type { IpInterface } from "../../parse/models.js";
import { inSubnet } from "../../topology/ipv4.js";
import { endpoint, type NamespaceNode, type Topology } from "../../topology/model.js";
import type { LabCheck, LabContext, LabDefinition, PredictionDefinition, TroubleshootDefinition } from "../definition.js";
import {
  containerNamed,
  type FactsView,
  hostOf,
  type LabFacts,
  namespaceOfContainer,
  nameIn,
  networkNamed,
  sessionScope,
  topologyOf,
  type WantedProbes,
} from "../facts.js";
import { freeSubnet, hostAddress, readTextParam } from "../free.js";
import { deleteIptablesRule, deleteLink, deleteNetns, ensureIptablesRule, linkExists, netnsNames, runShown } from "../kernel-objects.js";
import { predictionsCheck } from "../predictions.js";
import { troubleshootJudge } from "../troubleshoot.js";
import type { LabSession } from "../session.js";
import { engineInThisNamespace, setupNotRun } from "../preconditions.js";
import { kernelName } from "../../ownership.js";

/** What lab 02's judges measure live: does a ping from namespace `ns` to `target` get an answer (`ns>target` -> answered)? */
export interface Lab02Probes {
  readonly pings: Readonly<Record<string, boolean>>;
}
type Facts = LabFacts<Lab02Probes>;

/** Names of the hand-built pieces (kernel names, <= 15 characters). */
export const handNames = (session: Pick<LabSession, "ifname">) => ({
  nsA: session.ifname("2a"),
  nsB: session.ifname("2b"),
  nsC: session.ifname("2c"),
  bridge: session.ifname("2br"),
  vethA: session.ifname("2va"),
  vethB: session.ifname("2vb"),
  vethC: session.ifname("2vc"),
});

// The hand-built names of the session the facts are of (a session's ifname is kernelName(session, short)).
const handNamesOf = (facts: Pick<FactsView, "session">) => handNames({ ifname: (short: string) => kernelName(facts.session, short) });

// The FORWARD accept for the hand-made bridge, like Docker's `-A FORWARD -i docker0 -o docker0 -j ACCEPT`. Its comment
// is the bridge's (session-owned) name, so `clean` finds the rule after an interrupted lab.
const forwardRule = (bridge: string): string[] => ["-i", bridge, "-o", bridge, "-m", "comment", "--comment", bridge, "-j", "ACCEPT"];

// The subnet of the hand-built network (chosen free at setup), from the facts.
const handSubnetOf = (facts: Pick<Facts, "params">): string | null => {
  const value = facts.params["hand-subnet"];
  return typeof value === "string" ? value : null;
};

// Print and run one setup command (lab.sh style).
const shown = (context: LabContext, argv: string[]): Promise<void> => runShown(context.log, argv);

const runHint = (facts: Pick<Facts, "lab" | "session" | "image">, short: string) =>
  hints(
    [`${short} is one of the three containers the "run" cell starts on the default bridge: run that cell again.`],
    `lab.sh\`docker run -d --name ${nameIn(facts, short)} ${facts.image} sleep 3600\``,
  );

// A named (`ip netns`) namespace of the snapshot, or null.
const netnsNamed = (facts: FactsView, name: string): NamespaceNode | null =>
  topologyOf(facts).namespaces.find((ns) => ns.kind === "netns" && ns.name === name) ?? null;

// An interface of a namespace by name.
const ifaceIn = (ns: NamespaceNode | null | undefined, name: string): IpInterface | null => ns?.interfaces.find((iface) => iface.name === name) ?? null;

// The host interface with this ifindex (the other end of a veth whose eth0 is eth0@ifN).
const hostLink = (facts: FactsView, ifindex: number | null | undefined): IpInterface | null =>
  ifindex == null ? null : (hostOf(facts).interfaces.find((iface) => iface.ifindex === ifindex) ?? null);

// B's IPv4 address on eth0, or undefined.
const addressOfB = (facts: FactsView): string | undefined =>
  ifaceIn(netnsNamed(facts, handNamesOf(facts).nsB), "eth0")?.addresses.find((a) => a.family === "inet")?.address;

// The key of one ping probe.
const pingKey = (ns: string, target: string): string => `${ns}>${target}`;

// Ping only what a judge will read: C -> A (the troubleshooting fix), A -> B and B -> the bridge (the hidden check).
// One after another, as the checks did: pings at once from neighbouring namespaces can lose their first packets
// while neighbour entries are being resolved.
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab02Probes> => {
  const view: FactsView = { lab: context.session.lab, session: context.session.session, topology };
  const subnet = await readTextParam(context.session, "hand-subnet");
  if (!subnet || !topology || !wanted("pings")) return { pings: {} };
  const names = handNamesOf(view);
  const b = addressOfB(view);
  const targets: [string, string][] = [
    ...(netnsNamed(view, names.nsC) ? [[names.nsC, hostAddress(subnet, 2)] as [string, string]] : []),
    ...(netnsNamed(view, names.nsB) && b ? [[names.nsA, b] as [string, string], [names.nsB, hostAddress(subnet, 1)] as [string, string]] : []),
  ];
  const answered: Record<string, boolean> = {};
  for (const [ns, target] of targets) answered[pingKey(ns, target)] = await pings(ns, target);
  return { pings: answered };
};

// Does namespace `ns` get an answer from `target`? Three tries of 1 s: a port just plugged into a bridge, and an address
// whose neighbour entry is not resolved yet, can lose the first packet.
const pings = async (ns: string, target: string): Promise<boolean> => {
  for (let i = 0; i < 3; i++)
    if ((await run("ip", ["netns", "exec", ns, "busybox", "ping", "-c", "1", "-W", "1", target], { reject: false, timeout: 10_000 })).exitCode === 0)
      return true;
  return false;
};

const pairingHint = hints(
  [
    "A veth pair is two interfaces joined like a cable. Inside a namespace, busybox's `ip addr` prints `eth0@ifN`: N is the ifindex of the other end, counted in the host's namespace.",
    "Read N inside the container (the parsed eth0's `peerIfindex`), then find the host link whose `ifindex` is N (ip -j link on the host). Names and order tell you nothing.",
  ],
  "const [eth0] = parseIpAddr((await lab.sh`docker exec ${c1} ip addr show eth0`).stdout).value; hostLinks.find((l) => l.ifindex === eth0.peerIfindex)?.name",
);

const predictions: PredictionDefinition[] = [
  {
    id: "veths-for-three",
    question: "You will start three containers on the default bridge. How many new ports will docker0 have?",
    explain:
      "One veth pair per container: one end becomes eth0 inside the container's namespace, the other stays on the host as a port of docker0. (On a shared engine, other sessions' containers may come and go meanwhile.)",
  },
  {
    id: "stopped-veth",
    question: "When c3 stops, what happens to the host end of its veth pair?",
    choices: ["it stays on docker0, down", "it leaves docker0 but stays on the host", "it is deleted"],
    explain:
      "The container's network namespace goes away with its last process, and eth0 with it; deleting one end of a veth pair deletes the other. `docker start` makes a new pair, with a new name.",
  },
  {
    id: "hand-peer-index",
    question: "Inside your namespace B, `ip link` prints `eth0@ifN`. Which host link has ifindex N?",
    choices: ["vethB, B's host end", "the bridge", "B's own eth0"],
    explain:
      "The same rule as for Docker's containers: N in eth0@ifN is the ifindex of the peer, counted in the host's namespace. Docker does nothing more than what you did by hand.",
  },
];

// Troubleshooting: namespace C like A, but its host end is not plugged into the bridge.
const buildBrokenC = async (context: LabContext): Promise<void> => {
  const names = handNames(context.session);
  const subnet = await freeSubnet(context.session, "hand-subnet");
  const prefix = subnet.split("/")[1];
  if ((await netnsNames()).includes(names.nsC)) await run("ip", ["netns", "delete", names.nsC]);
  await deleteLink(names.vethC);
  await run("ip", ["netns", "add", names.nsC]);
  await run("ip", ["link", "add", names.vethC, "type", "veth", "peer", "name", "eth0", "netns", names.nsC]);
  await run("ip", ["link", "set", names.vethC, "up"]);
  await run("ip", ["-n", names.nsC, "addr", "add", `${hostAddress(subnet, 4)}/${prefix}`, "dev", "eth0"]);
  await run("ip", ["-n", names.nsC, "link", "set", "eth0", "up"]);
  await run("ip", ["-n", names.nsC, "link", "set", "lo", "up"]);
  await run("ip", ["-n", names.nsC, "route", "add", "default", "via", hostAddress(subnet, 1)]);
  context.log(`namespace ${names.nsC} is built like ${names.nsA}: eth0 ${hostAddress(subnet, 4)}/${prefix}, default via ${hostAddress(subnet, 1)}.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom: "Namespace C was built like A (a veth pair, an address in the bridge's subnet, a default route), but it cannot ping A, nor the bridge.",
  scenario:
    "The scenario cell builds namespace C like A, but leaves the host end of C's veth pair out of the hand-made bridge (up, with no master). The learner pairs C's `eth0@ifN` with its host end by ifindex, sees it is no port of the bridge (`ip link` shows no `master`, `brctl show` does not list it), names `unplugged` and plugs it in (`ip link set … master …`).",
  causes: {
    unplugged: "the host end of C's veth pair is not a port of the bridge",
    "link-down": "one end of C's veth pair is down",
    "wrong-subnet": "C's address is outside the bridge's subnet",
    "no-default-route": "C has no default route",
  },
  cause: "unplugged",
  breakIt: buildBrokenC,
};

// Is C fixed? Symptoms only, never the cause.
const cFixed = (facts: Facts): Verdict => {
  const names = handNamesOf(facts);
  const subnet = handSubnetOf(facts);
  if (!subnet || !netnsNamed(facts, names.nsC))
    return fail(`There is no namespace ${names.nsC}.`, hints("Run the scenario cell (lab.scenario()): it builds namespace C."));
  const addrA = hostAddress(subnet, 2);
  const fix = hints(
    [
      "Follow C's cable: find the host end of C's eth0 (pair by ifindex, as in part 1), then ask what that host end is plugged into. Compare with A's host end.",
      "A port of a bridge has the bridge as its `master` (ip link), and `brctl show` lists it.",
    ],
    `lab.sh\`ip link set ${names.vethC} master ${names.bridge}\``,
  );
  if (facts.probes.pings[pingKey(names.nsC, addrA)] !== true) return fail(`${names.nsC} still cannot ping ${addrA} (namespace A).`, fix);
  return pass(`${names.nsC} reaches A (${addrA}) through ${names.bridge}.`);
};

// The bridge network's interface (docker0), its ports in the snapshot, and the containers Docker lists on it.
const docker0Counts = (facts: Facts): { ports: number; containers: number } => {
  const bridge = networkNamed(facts, "bridge");
  if (!bridge) throw new Error("the engine has no network `bridge`");
  const ifname = bridge.options["com.docker.network.bridge.name"] ?? "docker0";
  const ports = topologyOf(facts).links.filter((link) => link.kind === "bridge-port" && link.a === endpoint("host", ifname)).length;
  return { ports, containers: Object.keys(bridge.containers).length };
};

const checks: LabCheck<Lab02Probes>[] = [
  {
    id: "02.veth-pairs",
    concepts: [5],
    title: "You paired c1 and c2 with their host veths by ifindex (eth0@ifN)",
    points: 2,
    probes: [],
    judge: (facts) => {
      const given = facts.answers["host-veths"] as Record<string, unknown> | undefined;
      const evidence: Record<string, unknown> = {};
      for (const short of ["c1", "c2"]) {
        const name = nameIn(facts, short);
        const container = containerNamed(facts, name);
        if (!container?.state.running) return fail(`${name} is not running.`, runHint(facts, short));
        const eth0 = ifaceIn(namespaceOfContainer(facts, name), "eth0");
        const hostEnd = hostLink(facts, eth0?.peerIfindex);
        if (!eth0 || !hostEnd) return fail(`${name} has no eth0 with a peer on the host.`, "Run it on the default bridge (no --network option).");
        evidence[short] = { eth0: `eth0@if${eth0.peerIfindex}`, hostEnd: hostEnd.name, master: hostEnd.master };
        if (!given || typeof given !== "object") return fail("No answer recorded for host-veths.", pairingHint);
        if (given[short] === undefined) return fail(`host-veths has no entry for ${short}.`, pairingHint, evidence);
        if (given[short] !== hostEnd.name)
          return fail(
            `You paired ${short} with ${String(given[short])}, but its eth0 is eth0@if${eth0.peerIfindex}: host link ${eth0.peerIfindex} is another one.`,
            pairingHint,
            evidence,
          );
        if (hostEnd.master !== "docker0")
          return fail(
            `${hostEnd.name} is not plugged into docker0 (master ${hostEnd.master ?? "none"}).`,
            "Run the container on the default bridge.",
            evidence,
          );
      }
      return pass(`c1 ↔ ${String(given?.c1)} and c2 ↔ ${String(given?.c2)}, both ports of docker0.`, evidence);
    },
  },
  {
    id: "02.stop-removes-veth",
    concepts: [5],
    title: "Stopping c3 removed its veth from docker0",
    points: 1,
    probes: [],
    judge: (facts) => {
      const name = nameIn(facts, "c3");
      const c3 = containerNamed(facts, name);
      const given = (facts.answers["host-veths"] ?? {}) as Record<string, unknown>;
      if (!c3) return fail(`No container named ${name}.`, runHint(facts, "c3"));
      if (c3.state.running)
        return fail(
          `${name} is still running.`,
          hints(
            ["Exercise 2 stops c3 (stop, not remove). busybox's sleep as PID 1 ignores SIGTERM: a short timeout (-t 1) saves the 10 s wait."],
            `lab.sh\`docker stop -t 1 ${name}\``,
          ),
        );
      if (typeof given.c3 !== "string")
        return fail(
          "host-veths has no entry for c3.",
          hints(["Pair c3 too in exercise 1, while it runs: once it stops, its eth0 is gone and there is nothing to pair."]),
        );
      if (ifaceIn(hostOf(facts), given.c3))
        return fail(`${given.c3} still exists on the host.`, hints(["Was that really c3's veth? Pair by ifindex while c3 runs."]), { veth: given.c3 });
      return pass(`${name} is ${c3.state.status}; its veth ${given.c3} is gone from the host.`, { veth: given.c3 });
    },
  },
  {
    id: "02.veth-count",
    concepts: [5],
    title: "Ports on docker0 = running containers on the default bridge",
    points: 2,
    probes: [],
    judge: (facts) => {
      const answers = facts.answers;
      const ports = answers["docker0-ports"];
      const running = answers["bridge-containers"];
      const how = hints(
        [
          "Two counts, taken right after c3 stops: the interfaces of docker0 (the bridge's port list), and the containers in the bridge network's Containers map (Docker lists only running ones there).",
          "Parse `brctl show` (parseBrctl) and `docker network inspect bridge` (parseNetworkInspect).",
        ],
        'await lab.answer("docker0-ports", parseBrctl((await lab.sh`brctl show`).stdout).value.find((b) => b.name === "docker0")?.interfaces.length)',
      );
      if (typeof ports !== "number" || typeof running !== "number") return fail("docker0-ports and bridge-containers must both be numbers.", how);
      const live = docker0Counts(facts);
      if (live.ports === ports && live.containers === running)
        return pass(`docker0 has ${ports} port(s) and the bridge network has ${running} running container(s): one veth per container.`, { ports, running });
      if (ports !== running)
        return fail(
          `You counted ${ports} port(s) but ${running} container(s).`,
          hints(["Count only docker0's interfaces (not every bridge's) and only containers on the bridge network that run (not `docker ps -a`)."], how.command),
          { ports, running, live },
        );
      // On a shared engine other sessions' containers come and go between your count and this check: then your two
      // counts must still agree, cover at least this session's own running containers, and the live ones agree too.
      const own = ["c1", "c2", "c3"]
        .map((short) => containerNamed(facts, nameIn(facts, short)))
        .filter((c) => c?.state.running && c.networkSettings.networks.bridge).length;
      if (ports >= own && own > 0 && live.ports === live.containers)
        return pass(
          `You counted ${ports} port(s) = ${running} container(s); docker0 now has ${live.ports} = ${live.containers} (other sessions' containers came or went since): one veth per running container.`,
          { ports, running, live },
        );
      return fail(
        `You counted ${ports}, but docker0 now has ${live.ports} port(s) and ${live.containers} running container(s).`,
        hints(["Count again after stopping c3 (other sessions' containers count too: count what is there, right now)."], how.command),
        { ports, running, live },
      );
    },
  },
  {
    id: "02.hand-built",
    concepts: [6],
    title: "Namespace B is built by hand like a container: veth to the bridge, address, default route",
    points: 3,
    probes: [],
    judge: (facts) => {
      const names = handNamesOf(facts);
      const subnet = handSubnetOf(facts);
      if (!subnet) return setupNotRun;
      const gateway = hostAddress(subnet, 1);
      const prefix = subnet.split("/")[1];
      const step = (concept: string, command: string) => hints([concept], `lab.sh\`${command}\``);
      const nsB = netnsNamed(facts, names.nsB);
      if (!nsB)
        return fail(
          `There is no namespace ${names.nsB}.`,
          step("Step 1: a container's network is a network namespace; `ip netns` makes named ones.", `ip netns add ${names.nsB}`),
        );
      const inside = nsB.interfaces;
      const eth0 = ifaceIn(nsB, "eth0");
      if (!eth0)
        return fail(
          `${names.nsB} has no eth0 (it has ${inside.map((i) => i.name).join(", ")}).`,
          step(
            "Step 2: a veth pair, one end on the host (vethB), the other created directly inside B under the name eth0 (`ip link add … type veth peer name … netns …`).",
            `ip link add ${names.vethB} type veth peer name eth0 netns ${names.nsB}`,
          ),
        );
      if (eth0.kind !== "veth")
        return fail(
          `eth0 in ${names.nsB} is a ${eth0.kind ?? "?"} link, not a veth.`,
          "Delete the namespace (ip netns delete) and start over with a veth pair.",
        );
      const hostEnd = hostLink(facts, eth0.peerIfindex);
      if (!hostEnd) return fail("The other end of eth0 is not on the host.", hints(["Keep the host end on the host; only the peer goes into the namespace."]));
      if (hostEnd.master !== names.bridge)
        return fail(
          `${hostEnd.name} is not plugged into ${names.bridge} (master ${hostEnd.master ?? "none"}).`,
          step(
            "Step 3: the host end is a port of the bridge, like vethXXXX on docker0: its `master` is the bridge.",
            `ip link set ${hostEnd.name} master ${names.bridge} up`,
          ),
        );
      if (!hostEnd.flags.includes("UP"))
        return fail(`${hostEnd.name} is down.`, step("An interface carries nothing until it is up.", `ip link set ${hostEnd.name} up`));
      const address = eth0.addresses.find((a) => a.family === "inet");
      if (!address || !inSubnet(address.address, subnet) || address.prefix !== Number(prefix))
        return fail(
          `eth0 in ${names.nsB} has ${address ? `${address.address}/${address.prefix}` : "no IPv4 address"}; expected an address in ${subnet} with the same /prefix.`,
          step(
            "Step 4: inside B (ip -n B …), eth0 gets addrB with the subnet's prefix, like a container's 172.17.0.x/16.",
            `ip -n ${names.nsB} addr add ${hostAddress(subnet, 3)}/${prefix} dev eth0`,
          ),
        );
      if (!eth0.flags.includes("UP"))
        return fail(`eth0 in ${names.nsB} is down.`, step("Bring eth0 (and lo) up inside B.", `ip -n ${names.nsB} link set eth0 up`));
      const defaultRoute = nsB.routes.find((route) => route.dst === "default");
      if (defaultRoute?.gateway !== gateway)
        return fail(
          `${names.nsB}'s default route is ${defaultRoute ? `via ${defaultRoute.gateway ?? "-"} dev ${defaultRoute.dev ?? "-"}` : "missing"}; expected via ${gateway} (the bridge's address, like docker0's 172.17.0.1).`,
          step(
            "Last step: B's default route points to the bridge's address, as a container's points to docker0's.",
            `ip -n ${names.nsB} route add default via ${gateway}`,
          ),
        );
      return pass(
        `${names.nsB}: eth0 ${address.address}/${address.prefix}, peer ${hostEnd.name} on ${names.bridge}, default via ${gateway}: the same shape as a container on docker0.`,
        { eth0: `${address.address}/${address.prefix}`, hostEnd: hostEnd.name, gateway },
      );
    },
  },
  {
    id: "02.hand-pairing",
    concepts: [6],
    title: "You found the host end of namespace B's eth0 and the bridge it is plugged into, the same way as for a container",
    points: 1,
    probes: [],
    judge: (facts) => {
      const names = handNamesOf(facts);
      const given = facts.answers["hand-b-host-end"] as { hostEnd?: unknown; bridge?: unknown } | undefined;
      const nsB = netnsNamed(facts, names.nsB);
      if (!nsB) return fail(`There is no namespace ${names.nsB}.`, "Build namespace B first (exercise 3).");
      const eth0 = ifaceIn(nsB, "eth0");
      const hostEnd = hostLink(facts, eth0?.peerIfindex);
      const how = hints(
        [
          "The rule of part 1 works for your own namespaces: N in eth0@ifN (inside B) is the host link's ifindex; that link's `master` is the bridge it is plugged into.",
        ],
        'const [bEth0] = parseIpLink((await lab.sh`ip -j -n ${nsB} link show eth0`).stdout).value; const end = parseIpLink((await lab.sh`ip -j link show`).stdout).value.find((l) => l.ifindex === bEth0?.peerIfindex); await lab.answer("hand-b-host-end", { hostEnd: end?.name, bridge: end?.master })',
      );
      if (!given || typeof given !== "object") return fail("No answer recorded for hand-b-host-end.", how);
      if (given.hostEnd !== hostEnd?.name)
        return fail(`You recorded host end ${JSON.stringify(given.hostEnd)}, but host link ${eth0?.peerIfindex ?? "?"} is another one.`, how, { given });
      if (given.bridge !== hostEnd?.master)
        return fail(`${hostEnd?.name} is plugged into another bridge than ${JSON.stringify(given.bridge)}.`, how, { given });
      return pass(
        `eth0@if${eth0?.peerIfindex} in ${names.nsB} is ${hostEnd?.name} on the host, a port of ${hostEnd?.master}: the same pairing as eth0@ifN in a container.`,
      );
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "02.c-fixed",
    title: "You named why namespace C could not reach A and fixed it",
    concepts: [5, 6],
    points: 3,
    probes: ["pings"],
    fixed: cFixed,
  }),
  predictionsCheck({ id: "02", predictions }),
  {
    id: "02.hand-ping",
    concepts: [6],
    title: "Hidden: namespace A reaches namespace B through the hand-made bridge, and B reaches the bridge",
    points: 1,
    probes: ["pings"],
    hidden: true,
    judge: (facts) => {
      const names = handNamesOf(facts);
      const subnet = handSubnetOf(facts);
      if (!subnet) return fail("The lab's setup has not run in this session.", "Run the setup cell.");
      if (!netnsNamed(facts, names.nsB)) return fail(`There is no namespace ${names.nsB}.`, "Build namespace B (exercise 3).");
      const b = addressOfB(facts);
      if (!b) return fail("Namespace B has no address.", "Give eth0 in B an address in the lab's subnet.");
      if (facts.probes.pings[pingKey(names.nsA, b)] !== true)
        return fail(`${names.nsA} cannot ping ${b}.`, "Is B's eth0 up, its host end up and on the bridge, with an address in the same subnet?");
      if (facts.probes.pings[pingKey(names.nsB, hostAddress(subnet, 1))] !== true)
        return fail(`${names.nsB} cannot ping the bridge at ${hostAddress(subnet, 1)}.`, "Check B's address and its link state.");
      return pass(`${names.nsA} → ${b} and ${names.nsB} → ${hostAddress(subnet, 1)} both answer.`);
    },
  },
];

// Build bridge + namespace A, each step only when missing (idempotent), printing the commands.
const buildHalf = async (context: LabContext): Promise<void> => {
  const names = handNames(context.session);
  const subnet = await freeSubnet(context.session, "hand-subnet");
  const prefix = subnet.split("/")[1];
  if (!(await linkExists(names.bridge))) {
    await shown(context, ["ip", "link", "add", names.bridge, "type", "bridge"]);
    // Pin the bridge's MAC, as Docker does for docker0 (its addr_assign_type is 3, "set"): a bridge whose MAC was never
    // set takes the lowest MAC of its ports, so plugging in a port with a lower one (C's, in part 4) changes it, and a
    // namespace that had resolved the bridge's address (B) keeps sending to the old MAC for up to half a minute.
    const mac = parseIpLink(await ipJson("link", ["dev", names.bridge])).value[0]?.mac;
    if (!mac) throw new Error(`ip -j link show dev ${names.bridge} gave no MAC address`);
    await shown(context, ["ip", "link", "set", names.bridge, "address", mac]);
  }
  await shown(context, ["ip", "addr", "replace", `${hostAddress(subnet, 1)}/${prefix}`, "dev", names.bridge]);
  await shown(context, ["ip", "link", "set", names.bridge, "up"]);
  if (!(await netnsNames()).includes(names.nsA)) await shown(context, ["ip", "netns", "add", names.nsA]);
  if (!(await linkExists(names.vethA))) await shown(context, ["ip", "link", "add", names.vethA, "type", "veth", "peer", "name", "eth0", "netns", names.nsA]);
  await shown(context, ["ip", "link", "set", names.vethA, "master", names.bridge, "up"]);
  await shown(context, ["ip", "-n", names.nsA, "addr", "replace", `${hostAddress(subnet, 2)}/${prefix}`, "dev", "eth0"]);
  await shown(context, ["ip", "-n", names.nsA, "link", "set", "eth0", "up"]);
  await shown(context, ["ip", "-n", names.nsA, "link", "set", "lo", "up"]);
  await shown(context, ["ip", "-n", names.nsA, "route", "replace", "default", "via", hostAddress(subnet, 1)]);
  const chain = (await run("iptables", ["-n", "-L", "DOCKER-USER"], { reject: false })).exitCode === 0 ? "DOCKER-USER" : "FORWARD";
  context.log(`$ iptables -I ${chain} 1 ${forwardRule(names.bridge).join(" ")}   # unless already there`);
  await ensureIptablesRule("filter", chain, forwardRule(names.bridge));
};

export const lab02: LabDefinition<Lab02Probes> = {
  id: "02",
  preconditions: [engineInThisNamespace],
  topology: (context) => sessionScope(context),
  gather,
  slug: "02-veth-namespaces",
  title: "veth pairs and network namespaces",
  summary:
    "pair each container's `eth0@ifN` with its host `vethXXXX` by ifindex; veths on docker0 = running containers; build the same by hand with `ip netns`, veth, a bridge, addresses and a route; a namespace whose cable is unplugged",
  concepts: [5, 6, 19],
  goals: [
    "pair a container's `eth0@ifN` with its host `vethXXXX` by interface index, not by name or order",
    "predict and measure that docker0 has one port per running container, and that a stopped container's pair is deleted",
    "build a container-like network namespace by hand (`ip netns`, a veth pair, a bridge, an address, a default route)",
    "follow a namespace's cable to find why it cannot reach its neighbours, and plug it in",
  ],
  predictions,
  troubleshoot,
  setup: async (context) => {
    await buildHalf(context);
  },
  checks,
  teardown: async (context) => {
    const names = handNames(context.session);
    for (const ns of [names.nsA, names.nsB, names.nsC]) await deleteNetns(ns);
    for (const link of [names.vethA, names.vethB, names.vethC, names.bridge]) await deleteLink(link);
    for (const chain of ["DOCKER-USER", "FORWARD"]) await deleteIptablesRule("filter", chain, forwardRule(names.bridge));
  },
};

/** For tests and docs: every kernel object name lab 02 may create in a session. */
export const lab02KernelNames = (session: LabSession): string[] => Object.values(handNames(session));
