// Lab 02 · veth pairs and namespaces (curriculum concepts 5, 6): Docker's veths, then the same built by hand.
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { findContainer, inspectNetwork } from "../../docker/adapter.js";
import { brctlShow, onHost, type Where } from "../../exec/commands.js";
import { run } from "../../exec/run.js";
import { parseBrctl } from "../../parse/brctl.js";
import { inSubnet } from "../../topology/ipv4.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { freeSubnet, hostAddress, readParams } from "../free.js";
import { interfaces, routes } from "../host-facts.js";
import { deleteIptablesRule, deleteLink, deleteNetns, ensureIptablesRule, linkExists, netnsNames } from "../kernel-objects.js";
import type { LabSession } from "../session.js";

/** Names of the hand-built pieces (kernel names, <= 15 characters). */
export const handNames = (session: LabSession) => ({
  nsA: session.ifname("2a"),
  nsB: session.ifname("2b"),
  bridge: session.ifname("2br"),
  vethA: session.ifname("2va"),
  vethB: session.ifname("2vb"),
});

// The FORWARD accept for the hand-made bridge, like Docker's `-A FORWARD -i docker0 -o docker0 -j ACCEPT`.
const forwardRule = (bridge: string): string[] => ["-i", bridge, "-o", bridge, "-j", "ACCEPT"];

// The subnet of the hand-built network (chosen free at setup).
const handSubnet = async (session: LabSession): Promise<string | null> => {
  const value = (await readParams(session))["hand-subnet"];
  return typeof value === "string" ? value : null;
};

// Run a command and print it, the way lab.sh does, so the learner sees what setup did.
const shown = async (context: LabContext, argv: string[]): Promise<void> => {
  context.log(`$ ${argv.join(" ")}`);
  await run(argv[0] as string, argv.slice(1));
};

const runHint = (context: LabContext, short: string): string => `Run: lab.sh\`docker run -d --name ${context.session.name(short)} ${context.image} sleep 3600\` (no --network: the default bridge).`;

// eth0 inside a container namespace, with its peer's ifindex on the host.
const eth0In = async (where: Where) => (await interfaces(where)).find((iface) => iface.name === "eth0") ?? null;

// Bridge ports of docker0 and running containers on the default bridge, read back to back.
const liveCounts = async (): Promise<{ ports: number; containers: number }> => {
  const [brctl, bridge] = await Promise.all([brctlShow(), inspectNetwork("bridge")]);
  const docker0 = parseBrctl(brctl).value.find((b) => b.name === (bridge.options["com.docker.network.bridge.name"] ?? "docker0"));
  return { ports: docker0?.interfaces.length ?? 0, containers: Object.keys(bridge.containers).length };
};

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "02.veth-pairs",
    concepts: [5],
    title: "You paired c1 and c2 with their host veths by ifindex (eth0@ifN)",
    points: 2,
    run: async (context) => {
      const given = (await context.session.answers())["host-veths"] as Record<string, unknown> | undefined;
      const hostLinks = await interfaces(onHost);
      const evidence: Record<string, unknown> = {};
      for (const short of ["c1", "c2"]) {
        const name = context.session.name(short);
        const container = await findContainer(name);
        if (!container?.state.running) return fail(`${name} is not running.`, runHint(context, short));
        const eth0 = await eth0In({ kind: "pid", pid: container.state.pid });
        const hostEnd = hostLinks.find((link) => link.ifindex === eth0?.peerIfindex);
        if (!eth0 || !hostEnd) return fail(`${name} has no eth0 with a peer on the host.`, "Run it on the default bridge (no --network option).");
        evidence[short] = { eth0: `eth0@if${eth0.peerIfindex}`, hostEnd: hostEnd.name, master: hostEnd.master };
        if (!given || typeof given !== "object") return fail("No answer recorded for host-veths.", 'Record an object { c1: "vethXXXX", c2: "vethYYYY" }: await lab.answer("host-veths", …).');
        if (given[short] === undefined) return fail(`host-veths has no entry for ${short}.`, `Add ${short}: its host veth is the host link whose ifindex is the N in eth0@ifN inside ${short}.`, evidence);
        if (given[short] !== hostEnd.name) return fail(`You paired ${short} with ${String(given[short])}, but its eth0 is eth0@if${eth0.peerIfindex}: host link ${eth0.peerIfindex} is ${hostEnd.name}.`, "Do not pair by order or by name: read N from eth0@ifN inside the container, then find the host link whose ifindex is N (ip -j link on the host).", evidence);
        if (hostEnd.master !== "docker0") return fail(`${hostEnd.name} is not plugged into docker0 (master ${hostEnd.master ?? "none"}).`, "Run the container on the default bridge.", evidence);
      }
      return pass(`c1 ↔ ${String(given?.["c1"])} and c2 ↔ ${String(given?.["c2"])}, both ports of docker0.`, evidence);
    },
  },
  {
    id: "02.stop-removes-veth",
    concepts: [5],
    title: "Stopping c3 removed its veth from docker0",
    points: 1,
    run: async (context) => {
      const name = context.session.name("c3");
      const c3 = await findContainer(name);
      const given = ((await context.session.answers())["host-veths"] ?? {}) as Record<string, unknown>;
      if (!c3) return fail(`No container named ${name}.`, runHint(context, "c3"));
      if (c3.state.running) return fail(`${name} is still running.`, `Stop it: lab.sh\`docker stop -t 1 ${name}\` (stop, not rm).`);
      if (typeof given["c3"] !== "string") return fail("host-veths has no entry for c3.", "Record c3's host veth too, before you stop it (run c3, pair it, then stop it).");
      if (await linkExists(given["c3"])) return fail(`${given["c3"]} still exists on the host.`, "Was that really c3's veth? Pair by ifindex while c3 runs.", { veth: given["c3"] });
      return pass(`${name} is ${c3.state.status}; its veth ${given["c3"]} is gone from the host.`, { veth: given["c3"] });
    },
  },
  {
    id: "02.veth-count",
    concepts: [5],
    title: "Ports on docker0 = running containers on the default bridge",
    points: 2,
    run: async (context) => {
      const answers = await context.session.answers();
      const ports = answers["docker0-ports"];
      const running = answers["bridge-containers"];
      if (typeof ports !== "number" || typeof running !== "number") return fail("docker0-ports and bridge-containers must both be numbers.", 'Count the interfaces of docker0 in parseBrctl(…) and the entries of the bridge network\'s containers map: await lab.answer("docker0-ports", n).');
      const readings = [];
      for (let i = 0; i < 3; i++) {
        const live = await liveCounts();
        readings.push(live);
        if (live.ports === ports && live.containers === running) return pass(`docker0 has ${ports} port(s) and the bridge network has ${running} running container(s): one veth per container.`, { ports, running });
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const last = readings.at(-1) as { ports: number; containers: number };
      if (ports !== running) return fail(`You counted ${ports} port(s) but ${running} container(s).`, "Count only docker0's interfaces (not every bridge's) and only containers on the bridge network that run (not `docker ps -a`).", { ports, running, live: last });
      return fail(`You counted ${ports}, but docker0 now has ${last.ports} port(s) and ${last.containers} running container(s).`, "Count again after stopping c3 (other sessions' containers count too: count what is there, right now).", { ports, running, live: last });
    },
  },
  {
    id: "02.hand-built",
    concepts: [6],
    title: "Namespace B is built by hand like a container: veth to the bridge, address, default route",
    points: 3,
    run: async (context) => {
      const names = handNames(context.session);
      const subnet = await handSubnet(context.session);
      if (!subnet) return fail("The lab's setup has not run in this session.", "Run the setup cell at the top of the notebook.");
      const gateway = hostAddress(subnet, 1);
      if (!(await netnsNames()).includes(names.nsB)) return fail(`There is no namespace ${names.nsB}.`, `Create it: lab.sh\`ip netns add ${names.nsB}\`.`);
      const inside = await interfaces({ kind: "netns", name: names.nsB });
      const eth0 = inside.find((iface) => iface.name === "eth0");
      if (!eth0) return fail(`${names.nsB} has no eth0 (it has ${inside.map((i) => i.name).join(", ")}).`, `Create the pair with one end inside: lab.sh\`ip link add ${names.vethB} type veth peer name eth0 netns ${names.nsB}\`.`);
      if (eth0.kind !== "veth") return fail(`eth0 in ${names.nsB} is a ${eth0.kind ?? "?"} link, not a veth.`, "Delete it and create a veth pair.");
      const hostEnd = (await interfaces(onHost)).find((iface) => iface.ifindex === eth0.peerIfindex);
      if (!hostEnd) return fail("The other end of eth0 is not on the host.", `Keep ${names.vethB} on the host; only the peer goes into the namespace.`);
      if (hostEnd.master !== names.bridge) return fail(`${hostEnd.name} is not plugged into ${names.bridge} (master ${hostEnd.master ?? "none"}).`, `lab.sh\`ip link set ${hostEnd.name} master ${names.bridge} up\`: the host end is a port of the bridge, like vethXXXX on docker0.`);
      if (!hostEnd.flags.includes("UP")) return fail(`${hostEnd.name} is down.`, `lab.sh\`ip link set ${hostEnd.name} up\`.`);
      const address = eth0.addresses.find((a) => a.family === "inet");
      if (!address || !inSubnet(address.address, subnet) || address.prefix !== Number(subnet.split("/")[1])) return fail(`eth0 in ${names.nsB} has ${address ? `${address.address}/${address.prefix}` : "no IPv4 address"}; expected an address in ${subnet} with the same /prefix.`, `lab.sh\`ip -n ${names.nsB} addr add ${hostAddress(subnet, 3)}/${subnet.split("/")[1]} dev eth0\`.`);
      if (!eth0.flags.includes("UP")) return fail(`eth0 in ${names.nsB} is down.`, `lab.sh\`ip -n ${names.nsB} link set eth0 up\`.`);
      const defaultRoute = (await routes({ kind: "netns", name: names.nsB })).find((route) => route.dst === "default");
      if (defaultRoute?.gateway !== gateway) return fail(`${names.nsB}'s default route is ${defaultRoute ? `via ${defaultRoute.gateway ?? "-"} dev ${defaultRoute.dev ?? "-"}` : "missing"}; expected via ${gateway} (the bridge's address, like docker0's 172.17.0.1).`, `lab.sh\`ip -n ${names.nsB} route add default via ${gateway}\`.`);
      return pass(`${names.nsB}: eth0 ${address.address}/${address.prefix}, peer ${hostEnd.name} on ${names.bridge}, default via ${gateway}: the same shape as a container on docker0.`, { eth0: `${address.address}/${address.prefix}`, hostEnd: hostEnd.name, gateway });
    },
  },
  {
    id: "02.hand-pairing",
    concepts: [6],
    title: "You found the host end of namespace B's eth0 the same way as for a container",
    points: 1,
    run: async (context) => {
      const names = handNames(context.session);
      const given = (await context.session.answers())["hand-b-host-end"];
      if (!(await netnsNames()).includes(names.nsB)) return fail(`There is no namespace ${names.nsB}.`, "Build namespace B first (exercise 3).");
      const eth0 = (await interfaces({ kind: "netns", name: names.nsB })).find((iface) => iface.name === "eth0");
      const hostEnd = (await interfaces(onHost)).find((iface) => iface.ifindex === eth0?.peerIfindex);
      if (given === undefined) return fail("No answer recorded for hand-b-host-end.", `Run lab.sh\`ip -n ${names.nsB} link show eth0\`, read N in eth0@ifN, find host link N: await lab.answer("hand-b-host-end", name).`);
      if (given !== hostEnd?.name) return fail(`You recorded ${JSON.stringify(given)}, but host link ${eth0?.peerIfindex ?? "?"} is ${hostEnd?.name ?? "missing"}.`, "Read the N of eth0@ifN inside the namespace, then look for ifindex N on the host.", { given });
      return pass(`eth0@if${eth0?.peerIfindex} in ${names.nsB} is ${hostEnd.name} on the host: the same pairing as eth0@ifN in a container.`);
    },
  },
  {
    id: "02.hand-ping",
    concepts: [6],
    title: "Hidden: namespace A reaches namespace B through the hand-made bridge, and B reaches the bridge",
    points: 1,
    hidden: true,
    run: async (context) => {
      const names = handNames(context.session);
      const subnet = await handSubnet(context.session);
      if (!subnet) return fail("The lab's setup has not run in this session.", "Run the setup cell.");
      const ping = async (ns: string, target: string) => (await run("ip", ["netns", "exec", ns, "busybox", "ping", "-c", "1", "-W", "2", target], { reject: false, timeout: 10_000 })).exitCode === 0;
      if (!(await netnsNames()).includes(names.nsB)) return fail(`There is no namespace ${names.nsB}.`, "Build namespace B (exercise 3).");
      const b = (await interfaces({ kind: "netns", name: names.nsB })).find((iface) => iface.name === "eth0")?.addresses.find((a) => a.family === "inet")?.address;
      if (!b) return fail("Namespace B has no address.", "Give eth0 in B an address in the lab's subnet.");
      if (!(await ping(names.nsA, b))) return fail(`${names.nsA} cannot ping ${b}.`, "Is B's eth0 up, its host end up and on the bridge, with an address in the same subnet?");
      if (!(await ping(names.nsB, hostAddress(subnet, 1)))) return fail(`${names.nsB} cannot ping the bridge at ${hostAddress(subnet, 1)}.`, "Check B's address and its link state.");
      return pass(`${names.nsA} → ${b} and ${names.nsB} → ${hostAddress(subnet, 1)} both answer.`);
    },
  },
];

// Build bridge + namespace A, each step only when missing (idempotent), printing the commands.
const buildHalf = async (context: LabContext): Promise<void> => {
  const names = handNames(context.session);
  const subnet = await freeSubnet(context.session, "hand-subnet");
  const prefix = subnet.split("/")[1];
  if (!(await linkExists(names.bridge))) await shown(context, ["ip", "link", "add", names.bridge, "type", "bridge"]);
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

export const lab02: LabDefinition = {
  id: "02",
  slug: "02-veth-namespaces",
  title: "veth pairs and network namespaces",
  summary: "pair each container's `eth0@ifN` with its host `vethXXXX` by ifindex; veths on docker0 = running containers; build the same by hand with `ip netns`, veth, a bridge, addresses and a route",
  concepts: [5, 6, 19],
  setup: async (context) => {
    await buildHalf(context);
  },
  checks,
  teardown: async (context) => {
    const names = handNames(context.session);
    for (const ns of [names.nsA, names.nsB]) await deleteNetns(ns);
    for (const link of [names.vethA, names.vethB, names.bridge]) await deleteLink(link);
    for (const chain of ["DOCKER-USER", "FORWARD"]) await deleteIptablesRule("filter", chain, forwardRule(names.bridge));
  },
};

/** For tests and docs: every kernel object name lab 02 may create in a session. */
export const lab02KernelNames = (session: LabSession): string[] => Object.values(handNames(session));
