// Lab 06 · macvlan (curriculum concept 16): containers with their own MACs on a "LAN" played by a veth pair and a namespace.
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import { findNetwork } from "../../docker/adapter.js";
import { run } from "../../exec/run.js";
import { inSubnet, parseCidr } from "../../topology/ipv4.js";
import { UsageError } from "../../errors.js";
import { kernelName } from "../../ownership.js";
import type { Topology } from "../../topology/model.js";
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
import { interfaces, ipv4Cidr } from "../host-facts.js";
import { deleteLink, deleteNetns, linkExists, netnsNames, runShown } from "../kernel-objects.js";
import { predictionsCheck } from "../predictions.js";
import type { LabSession } from "../session.js";
import { troubleshootJudge } from "../troubleshoot.js";
import { removeLabelled } from "../teardown.js";
import { engineInThisNamespace, runSetupFirst } from "../preconditions.js";

/** Kernel names of lab 06 (<= 15 characters): the LAN namespace, the uplink veth (host end = macvlan parent), its peer, the shim. */
export const macvlanNames = (session: Pick<LabSession, "session" | "lab">) => ({
  lan: kernelName(session.session, "6lan"),
  uplink: kernelName(session.session, "6up"),
  peer: kernelName(session.session, "6pr"),
  shim: kernelName(session.session, "6sh"),
  network: nameIn(session, "lan"),
});

/** The LAN plan of a session: subnet, router (LAN namespace), host's uplink address, shim address, Docker's ip-range. */
export const lanPlan = (subnet: string) => {
  const prefix = parseCidr(subnet)?.prefix ?? 24;
  return {
    subnet,
    router: hostAddress(subnet, 1),
    hostAddress: `${hostAddress(subnet, 2)}/${prefix}`,
    shimAddress: `${hostAddress(subnet, 3)}/32`,
    ipRange: `${hostAddress(subnet, 64)}/26`,
  };
};

// The session's LAN subnet (chosen free at setup), or null before setup.
const lanSubnet = (session: LabSession): Promise<string | null> => readTextParam(session, "lan-subnet");

// Print and run one setup command (lab.sh style).
const shown = (context: LabContext, argv: string[]): Promise<void> => runShown(context.log, argv);

/** What lab 06's judges measure live: pings and an HTTP fetch, address -> answered. */
export interface Lab06Probes {
  /** From the host (busybox ping): m1's LAN address. */
  readonly hostPings: Readonly<Record<string, boolean>>;
  /** From inside m1 (one ping): its gateway. */
  readonly m1Pings: Readonly<Record<string, boolean>>;
  /** From the LAN namespace (curl http://address/): m1's LAN address. */
  readonly lanFetches: Readonly<Record<string, boolean>>;
}
type Facts = LabFacts<Lab06Probes>;

const runHint = (facts: Pick<Facts, "session" | "lab" | "image">, short: string) =>
  hints(
    [`${short} is one of exercise 2's two containers: the lab's image, on the macvlan network (by name), running httpd -f -p 80 -h /var/www.`],
    `lab.sh\`docker run -d --name ${nameIn(facts, short)} --network ${nameIn(facts, "lan")} ${facts.image} httpd -f -p 80 -h /var/www\``,
  );

// The session's LAN subnet (chosen free at setup), or null before setup.
const subnetOf = (facts: Pick<Facts, "params">): string | null => {
  const value = facts.params["lan-subnet"];
  return typeof value === "string" ? value : null;
};

// A host interface by name, or null.
const hostInterfaceOf = (facts: FactsView, name: string) => hostOf(facts).interfaces.find((iface) => iface.name === name) ?? null;

// The LAN the setup made: its names, its subnet and the host's uplink into it (null until setup ran).
const lanOf = (facts: FactsView & Pick<Facts, "params">) => {
  const names = macvlanNames(facts);
  const subnet = subnetOf(facts);
  const uplink = hostInterfaceOf(facts, names.uplink);
  return subnet && uplink ? { names, subnet, uplink } : null;
};

// eth0 of a running container, as the snapshot read it in its namespace (kind and parent included).
const eth0Of = (facts: FactsView, container: string) => namespaceOfContainer(facts, container)?.interfaces.find((iface) => iface.name === "eth0") ?? null;

// A lab container on the macvlan network, with its address there.
const childOf = (facts: FactsView, short: string) => {
  const name = nameIn(facts, short);
  const container = containerNamed(facts, name);
  const endpoint = container?.networkSettings.networks[nameIn(facts, "lan")];
  return { name, container, address: endpoint?.ipAddress ?? "", mac: endpoint?.macAddress ?? "" };
};

// m1's default gateway, read inside m1, or null.
const m1Gateway = (facts: FactsView): string | null =>
  namespaceOfContainer(facts, nameIn(facts, "m1"))?.routes.find((route) => route.dst === "default")?.gateway ?? null;

// The LAN namespace as the snapshot read it, or null when it is gone.
const lanNamespace = (facts: FactsView) => topologyOf(facts).namespaces.find((ns) => ns.id === `netns:${macvlanNames(facts).lan}`) ?? null;

// The ip-range Docker hands out on the lab's macvlan network (what the shim routes), or null.
const networkRange = (facts: FactsView): string | null => networkNamed(facts, macvlanNames(facts).network)?.ipam.config[0]?.ipRange ?? null;

// Does one ping from a container (by name) or from the host (busybox ping) reach `address`?
const pingFromContainer = async (container: string, address: string): Promise<boolean> =>
  (await run("docker", ["exec", container, "ping", "-c", "1", "-W", "2", address], { reject: false, timeout: 10_000 })).exitCode === 0;
const pingFromHost = async (address: string): Promise<boolean> => {
  for (let i = 0; i < 2; i++)
    if ((await run("busybox", ["ping", "-c", "1", "-W", "1", address], { reject: false, timeout: 5_000 })).exitCode === 0) return true;
  return false;
};
const fetchFromNetns = async (netns: string, address: string): Promise<boolean> =>
  (await run("ip", ["netns", "exec", netns, "curl", "-sf", "-o", "/dev/null", "--max-time", "3", `http://${address}/`], { reject: false, timeout: 10_000 }))
    .exitCode === 0;

// Probe only what a judge of this run will read (`wanted`): m1 (when it runs with a LAN address) from the host and
// from the LAN namespace (when it is there), and m1's gateway from m1. The host's ping fails until the shim exists
// and then waits 2 s: a check that does not read it does not wait.
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab06Probes> => {
  const view: FactsView = { lab: context.session.lab, session: context.session.session, topology };
  const { name, container, address } = childOf(view, "m1");
  const up = Boolean(container?.state.running && address);
  const gateway = up ? m1Gateway(view) : null;
  const lan = lanNamespace(view);
  const [host, m1, fetched] = await Promise.all([
    up && wanted("hostPings") ? pingFromHost(address) : null,
    gateway && wanted("m1Pings") ? pingFromContainer(name, gateway) : null,
    up && lan && wanted("lanFetches") ? fetchFromNetns(lan.name, address) : null,
  ]);
  const entry = (key: string | null, value: boolean | null) => (key && value !== null ? { [key]: value } : {});
  return { hostPings: entry(address, host), m1Pings: entry(gateway, m1), lanFetches: entry(address, fetched) };
};

const predictions: PredictionDefinition[] = [
  {
    id: "m1-mac",
    question: "m1 will hang off the uplink through macvlan. Which MAC address will m1's eth0 have?",
    choices: ["the uplink's MAC", "a MAC of its own", "none: macvlan carries IP only"],
    explain:
      "A macvlan child is a new Ethernet interface on the parent's cable, with a MAC of its own: to the LAN it looks like one more machine plugged in. The parent receives frames for every child's MAC and hands each to its owner.",
  },
  {
    id: "router-sees",
    question: "m1 pings the LAN router. Which source address does the router see (its neighbour table after the ping)?",
    choices: ["m1's own address and MAC", "the host's uplink address (NAT)", "docker0's address"],
    explain:
      "Nothing stands between m1 and the LAN: no bridge on the host, no MASQUERADE. The router learns m1's own address and MAC, as it would for any machine on the LAN.",
  },
  {
    id: "host-reaches-m1",
    question: "The host has an address on this LAN (hostAddr, on the uplink). Will a ping from the host reach m1?",
    choices: ["yes", "no"],
    explain:
      "The kernel never passes frames between a macvlan parent and its own children: a child's frames go to its siblings (in bridge mode) or out of the cable, never up to the parent's own stack, and the LAN's router does not send them back. The host needs a macvlan child of its own on the same parent: a shim.",
  },
];

// Troubleshooting: a shim that is there, up, addressed and routed, but in private mode.
const privateShim = async (context: LabContext): Promise<void> => {
  const names = macvlanNames(context.session);
  const subnet = await lanSubnet(context.session);
  if (!subnet) throw new UsageError("The lab's LAN is not set up.", { hint: runSetupFirst });
  const range = (await findNetwork(names.network))?.ipam.config[0]?.ipRange ?? lanPlan(subnet).ipRange;
  await deleteLink(names.shim);
  await run("ip", ["link", "add", names.shim, "link", names.uplink, "type", "macvlan", "mode", "private"]);
  await run("ip", ["addr", "add", lanPlan(subnet).shimAddress, "dev", names.shim]);
  await run("ip", ["link", "set", names.shim, "up"]);
  await run("ip", ["route", "replace", range, "dev", names.shim]);
  context.log(`${names.shim} was made again: up, ${lanPlan(subnet).shimAddress}, and the route to ${range} through it.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom:
    "The shim was made again from scratch: it is up, has its address, and the containers' range is routed through it, yet the host cannot reach m1 any more.",
  scenario:
    "The scenario cell deletes the learner's shim and makes it again with its address and route, but in macvlan mode `private`, where siblings never talk to each other. The learner reads the shim's details (`ip -d link`: `macvlan mode private`) against the containers' (`mode bridge`), checks the route with `ip route get`, names `wrong-mode`, and switches it (`ip link set SHIM type macvlan mode bridge`).",
  causes: {
    "shim-down": "the shim is down",
    "no-route": "the containers' range is not routed through the shim",
    "wrong-mode": "the shim is in another macvlan mode than the containers, so they do not talk to each other",
    "wrong-parent": "the shim hangs off another interface than the containers' parent",
  },
  cause: "wrong-mode",
  breakIt: privateShim,
};

// Does the host reach m1 again? Symptoms only, never the cause.
const shimFixed = (facts: Facts): Verdict => {
  const names = macvlanNames(facts);
  const { container, address } = childOf(facts, "m1");
  if (!container?.state.running || !address) return fail("m1 is not running on the macvlan network.", runHint(facts, "m1"));
  if (facts.probes.hostPings[address] === true) return pass(`The host reaches m1 (${address}) through ${names.shim} again.`);
  return fail(
    `The host still cannot ping m1 at ${address}.`,
    hints(
      [
        "Check what the host would use to reach m1 (`ip route get`), then compare the shim's details with m1's eth0 (`ip -d link`, inside m1 with nsenter): kind, parent, mode.",
        "Macvlan children talk to each other only when both are in bridge mode; a mode can be changed in place.",
      ],
      `lab.sh\`ip link set ${names.shim} type macvlan mode bridge\``,
    ),
  );
};

const checks: LabCheck<Lab06Probes>[] = [
  {
    id: "06.macvlan-network",
    concepts: [16],
    title: "A macvlan network on the lab's uplink (never the real one), with the LAN's subnet and a range away from the LAN's own addresses",
    points: 2,
    probes: [],
    judge: (facts) => {
      const names = macvlanNames(facts);
      const subnet = subnetOf(facts);
      if (!subnet) return fail("The lab's LAN is not set up.", runSetupFirst);
      const plan = lanPlan(subnet);
      const network = networkNamed(facts, names.network);
      const command = `lab.sh\`docker network create -d macvlan --subnet ${subnet} --gateway ${plan.router} --ip-range ${plan.ipRange} -o parent=${names.uplink} ${names.network}\``;
      const recreate = (concept: string) => hints([concept, "Remove the network (docker network rm) and create it again."], command);
      if (!network)
        return fail(
          `No Docker network named ${names.network}.`,
          hints(
            [
              "A macvlan network names its driver (-d), its parent interface (-o parent=…), and the LAN's own subnet and router, since its containers join that LAN.",
            ],
            command,
          ),
        );
      if (network.driver !== "macvlan")
        return fail(`${names.network} uses the ${network.driver} driver.`, recreate("The driver is chosen at creation (-d)."), { driver: network.driver });
      const parent = network.options.parent;
      if (parent !== names.uplink)
        return fail(
          `The network's parent is ${parent ?? "(not set)"}, not the lab's uplink ${names.uplink}.`,
          recreate("The lab's veth plays the LAN cable: it is the parent. Never use the machine's real interface: its LAN is not yours to join."),
          { parent },
        );
      const config = network.ipam.config[0];
      if (config?.subnet !== subnet)
        return fail(
          `The network's subnet is ${config?.subnet ?? "(none)"}, but the LAN is ${subnet}.`,
          recreate("macvlan children live on the LAN itself: the network's subnet is the LAN's."),
          { subnet: config?.subnet },
        );
      if (config.gateway !== plan.router)
        return fail(
          `The gateway is ${config.gateway ?? "(none)"}, not the LAN router.`,
          recreate("The containers' gateway is the LAN's router (the lan namespace's address)."),
        );
      const range = config.ipRange ? parseCidr(config.ipRange) : null;
      const taken = [plan.router, plan.hostAddress.split("/")[0]!, plan.shimAddress.split("/")[0]!];
      if (!range || !inSubnet(config.ipRange!.split("/")[0]!, subnet) || range.prefix < Number(subnet.split("/")[1]))
        return fail(
          `The network has ${config.ipRange ? `the range ${config.ipRange}, not inside ${subnet}` : "no --ip-range"}.`,
          recreate("Docker runs no DHCP and asks nobody on the LAN: --ip-range tells it which part of the subnet it may hand out."),
        );
      const clash = taken.filter((address) => inSubnet(address, config.ipRange!));
      if (clash.length)
        return fail(
          `The range ${config.ipRange} includes ${clash.join(", ")}, which the LAN already uses (router .1, host .2, shim .3).`,
          recreate("Keep the range away from the addresses the LAN uses: Docker would hand them out to containers."),
          { clash },
        );
      return pass(`${names.network} is a macvlan network on ${names.uplink}, subnet ${subnet}, gateway ${plan.router}, range ${config.ipRange}.`, {
        parent,
        subnet,
        ipRange: config.ipRange,
      });
    },
  },
  {
    id: "06.own-macs",
    concepts: [16],
    title: "m1 and m2 are macvlan children of the uplink, each with its own MAC and a LAN address",
    points: 2,
    probes: [],
    judge: (facts) => {
      const lan = lanOf(facts);
      if (!lan) return fail("The lab's LAN is not set up.", runSetupFirst);
      const { names, subnet, uplink } = lan;
      const seen: { name: string; mac: string; address: string }[] = [];
      for (const short of ["m1", "m2"]) {
        const { name, container, address } = childOf(facts, short);
        if (!container) return fail(`No container named ${name}.`, runHint(facts, short));
        if (!container.state.running)
          return fail(`${name} is ${container.state.status}.`, hints(["httpd -f keeps a container running; start it again (docker start)."]));
        if (!address) return fail(`${name} is not on ${names.network}.`, hints([`Remove it and run it again on the macvlan network.`]));
        if (!inSubnet(address, subnet))
          return fail(
            `${name}'s address ${address} is not on the LAN ${subnet}.`,
            "Recreate the macvlan network with the LAN's subnet (see 06.macvlan-network).",
          );
        const eth0 = eth0Of(facts, name);
        if (eth0?.kind !== "macvlan")
          return fail(`${name}'s eth0 is a ${eth0?.kind ?? "missing"} interface, not macvlan.`, `It should be on ${names.network} only (no other --network).`, {
            kind: eth0?.kind,
          });
        if (eth0.peerIfindex !== uplink.ifindex)
          return fail(
            `${name}'s eth0 hangs off interface ${eth0.peerIfindex ?? "?"}, not ${names.uplink} (${uplink.ifindex}).`,
            "The network's parent must be the lab's uplink.",
          );
        seen.push({ name, mac: eth0.mac ?? "", address });
      }
      const macs = new Set([uplink.mac, ...seen.map((s) => s.mac)]);
      if (macs.size !== 3)
        return fail("Two of m1, m2 and the uplink share a MAC address.", "Each macvlan child gets its own MAC; recreate the containers.", { seen });
      return pass(
        `m1 (${seen[0]?.address}, ${seen[0]?.mac}) and m2 (${seen[1]?.address}, ${seen[1]?.mac}) hang off ${names.uplink} (${uplink.mac}): three MACs on one cable.`,
        { seen, uplinkMac: uplink.mac },
      );
    },
  },
  {
    id: "06.gateway-owner",
    concepts: [16],
    title: "You found where m1's gateway lives (the LAN namespace, not the host), and m1 reaches it",
    points: 2,
    probes: ["m1Pings"],
    judge: (facts) => {
      const names = macvlanNames(facts);
      const { container } = childOf(facts, "m1");
      if (!container?.state.running) return fail("m1 is not running.", runHint(facts, "m1"));
      const gateway = m1Gateway(facts);
      const places = [
        { place: "host", ifaces: hostOf(facts).interfaces },
        { place: names.lan, ifaces: lanNamespace(facts)?.interfaces ?? [] },
      ];
      const owner = places.find((p) => p.ifaces.some((i) => i.addresses.some((a) => a.address === gateway)))?.place ?? null;
      const given = facts.answers["m1-gateway-owner"];
      const how = hints(
        [
          "Join two facts: the gateway of m1's default route (inside m1), and which namespace holds that address: the host (`ip addr`) or the LAN namespace (`ip -n LAN addr`). Record \"host\" or the namespace's name.",
        ],
        `await lab.answer("m1-gateway-owner", lan)`,
      );
      if (given === undefined) return fail("No answer recorded for m1-gateway-owner.", how);
      if (given !== owner) return fail(`You recorded ${JSON.stringify(given)}, but m1's gateway ${gateway ?? "(none)"} is held elsewhere.`, how, { given });
      if (!gateway || facts.probes.m1Pings[gateway] !== true)
        return fail(`m1 cannot ping its gateway ${gateway}.`, "Is the LAN namespace still there? Run the setup cell again (it is safe to repeat).");
      return pass(`m1's gateway ${gateway} is held by ${owner}: m1 talks to the LAN's router straight over the cable, no bridge on the host, no NAT.`, {
        gateway,
        owner,
      });
    },
  },
  {
    id: "06.host-shim",
    concepts: [16],
    title: "A macvlan shim on the host (parent = uplink, mode bridge) gives the host a path to m1",
    points: 2,
    probes: ["hostPings"],
    judge: (facts) => {
      const lan = lanOf(facts);
      if (!lan) return fail("The lab's LAN is not set up.", runSetupFirst);
      const { names, subnet, uplink } = lan;
      const { container, address } = childOf(facts, "m1");
      if (!container?.state.running || !address) return fail("m1 is not running on the macvlan network.", runHint(facts, "m1"));
      const range = networkRange(facts) ?? lanPlan(subnet).ipRange;
      const step = (concept: string, command: string) => hints([concept], `lab.sh\`${command}\``);
      const shim = hostInterfaceOf(facts, names.shim);
      if (!shim)
        return fail(
          `There is no ${names.shim} interface on the host.`,
          step(
            "The host needs a macvlan child of its own on the containers' parent (ip link add NAME link PARENT type macvlan mode …), in the mode the containers use.",
            `ip link add ${names.shim} link ${names.uplink} type macvlan mode bridge`,
          ),
        );
      if (shim.kind !== "macvlan")
        return fail(
          `${names.shim} is a ${shim.kind ?? "?"} interface, not macvlan.`,
          step("Delete it and add it again as a macvlan child of the uplink.", `ip link del ${names.shim}`),
        );
      if (shim.peerIfindex !== uplink.ifindex && shim.link !== names.uplink)
        return fail(
          `${names.shim}'s parent is interface ${shim.peerIfindex ?? "?"}, not ${names.uplink}.`,
          step("It must sit on the same cable as the containers: its parent is the uplink.", `ip link del ${names.shim}`),
        );
      const mode = shim.kindData?.mode;
      if (mode !== "bridge")
        return fail(
          `${names.shim} is in macvlan mode ${String(mode)}.`,
          step(
            "Docker's children are in bridge mode; only bridge-mode siblings talk to each other directly.",
            `ip link set ${names.shim} type macvlan mode bridge`,
          ),
          { mode },
        );
      if (!shim.flags.includes("UP"))
        return fail(`${names.shim} is down.`, step("An interface carries nothing until it is up.", `ip link set ${names.shim} up`));
      const cidr = ipv4Cidr(shim);
      if (!cidr || !inSubnet(cidr.split("/")[0] ?? "", subnet))
        return fail(
          `${names.shim} has no address on the LAN ${subnet} (has ${cidr ?? "none"}).`,
          step(
            "Give it an address the LAN does not use (shimAddr: a /32, only that one address).",
            `ip addr add ${lanPlan(subnet).shimAddress} dev ${names.shim}`,
          ),
        );
      const route = hostOf(facts).routes;
      const viaShim = route.some((r) => r.dev === names.shim && r.dst !== "default" && inSubnet(address, r.dst.includes("/") ? r.dst : `${r.dst}/32`));
      if (!viaShim)
        return fail(
          `The host has no route to m1 (${address}) through ${names.shim}.`,
          step(
            "With a /32 address the shim reaches nothing by itself: route the containers' range (the network's ip-range) through it.",
            `ip route add ${range} dev ${names.shim}`,
          ),
        );
      if (facts.probes.hostPings[address] !== true)
        return fail(`The host still cannot ping m1 at ${address}.`, `Check that ${names.shim} is up and the route goes through it.`);
      return pass(`The host reaches m1 (${address}) through ${names.shim}, a macvlan sibling of the containers on ${names.uplink}.`, { shim: cidr, mode });
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "06.shim-fixed",
    title: "You named why the remade shim did not work and fixed it",
    concepts: [16],
    points: 3,
    probes: ["hostPings"],
    fixed: shimFixed,
  }),
  predictionsCheck({ id: "06", predictions }),
  {
    id: "06.lan-reaches-child",
    concepts: [16],
    title: "Hidden: the LAN namespace fetches m1's web page, like any other machine on the LAN",
    points: 1,
    probes: ["lanFetches"],
    hidden: true,
    judge: (facts) => {
      const { address } = childOf(facts, "m1");
      if (!address) return fail("m1 is not on the macvlan network.", runHint(facts, "m1"));
      if (!lanNamespace(facts)) return fail("The LAN namespace is gone.", runSetupFirst);
      return facts.probes.lanFetches[address] === true
        ? pass(`The LAN namespace fetched http://${address}/.`)
        : fail(`The LAN namespace could not fetch http://${address}/.`, "Run m1 with `httpd -f -p 80 -h /var/www`.");
    },
  },
];

// Idempotent: the LAN namespace, the uplink veth pair (peer inside the LAN), addresses, all made only when missing.
const setup = async (context: LabContext): Promise<void> => {
  const names = macvlanNames(context.session);
  const subnet = (await lanSubnet(context.session)) ?? (await freeSubnet(context.session, "lan-subnet", { pool: "10.216.0.0/16", prefix: 24 }));
  const plan = lanPlan(subnet);
  const prefix = subnet.split("/")[1];
  if (!(await netnsNames()).includes(names.lan)) await shown(context, ["ip", "netns", "add", names.lan]);
  const peerInLan = (await interfaces({ kind: "netns", name: names.lan })).some((iface) => iface.name === names.peer);
  if (!(await linkExists(names.uplink)) || !peerInLan) {
    await deleteLink(names.uplink);
    await deleteLink(names.peer);
    await shown(context, ["ip", "link", "add", names.uplink, "type", "veth", "peer", "name", names.peer]);
    await shown(context, ["ip", "link", "set", names.peer, "netns", names.lan]);
  }
  await shown(context, ["ip", "-n", names.lan, "addr", "replace", `${plan.router}/${prefix}`, "dev", names.peer]);
  await shown(context, ["ip", "-n", names.lan, "link", "set", names.peer, "up"]);
  await shown(context, ["ip", "-n", names.lan, "link", "set", "lo", "up"]);
  await shown(context, ["ip", "addr", "replace", plan.hostAddress, "dev", names.uplink]);
  await shown(context, ["ip", "link", "set", names.uplink, "up"]);
};

// Containers and the network first (by label), then the shim, the uplink pair and the LAN namespace.
const teardown = async (context: LabContext): Promise<void> => {
  const names = macvlanNames(context.session);
  await removeLabelled(context);
  await deleteLink(names.shim);
  await deleteLink(names.uplink);
  await deleteNetns(names.lan);
};

export const lab06: LabDefinition<Lab06Probes> = {
  id: "06",
  preconditions: [engineInThisNamespace],
  topology: (context) => sessionScope(context),
  gather,
  slug: "06-macvlan",
  title: "macvlan: containers with their own MACs on the LAN",
  summary: 'macvlan on a lab-made LAN (a veth "cable" + a namespace router): own MACs, LAN addresses, the host shim, a shim in the wrong mode',
  concepts: [16, 19],
  goals: [
    "create a macvlan network on a parent interface, with the LAN's subnet and router, and a range Docker may hand out away from the LAN's own addresses",
    "show that each child has its own MAC and a LAN address, and that the LAN sees it directly (no bridge, no NAT)",
    "predict and see that the host cannot reach its own macvlan children, and give it a shim",
    "find why a shim does not work (macvlan modes) and fix it",
  ],
  predictions,
  troubleshoot,
  setup,
  checks,
  teardown,
};
