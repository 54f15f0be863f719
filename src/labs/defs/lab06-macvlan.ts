// Lab 06 · macvlan (curriculum concept 16): containers with their own MACs on a "LAN" played by a veth pair and a namespace.
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { findContainer, findNetwork } from "../../docker/adapter.js";
import { EnvironmentError } from "../../errors.js";
import { run } from "../../exec/run.js";
import { imageStatus } from "../../setup/image.js";
import { inSubnet, parseCidr } from "../../topology/ipv4.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { freeSubnet, hostAddress, readParams } from "../free.js";
import { hostInterface, interfaces, ipv4Cidr, routes } from "../host-facts.js";
import { deleteLink, deleteNetns, linkExists, netnsNames } from "../kernel-objects.js";
import type { LabSession } from "../session.js";
import { removeLabelled } from "../teardown.js";

/** Kernel names of lab 06 (<= 15 characters): the LAN namespace, the uplink veth (host end = macvlan parent), its peer, the shim. */
export const macvlanNames = (session: LabSession) => ({
  lan: session.ifname("6lan"),
  uplink: session.ifname("6up"),
  peer: session.ifname("6pr"),
  shim: session.ifname("6sh"),
  network: session.name("lan"),
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
const lanSubnet = async (session: LabSession): Promise<string | null> => {
  const value = (await readParams(session))["lan-subnet"];
  return typeof value === "string" ? value : null;
};

// Print and run one setup command.
const shown = async (context: LabContext, argv: string[]): Promise<void> => {
  context.log(`$ ${argv.join(" ")}`);
  await run(argv[0] as string, argv.slice(1));
};

const runHint = (context: LabContext, short: string): string =>
  `Run: lab.sh\`docker run -d --name ${context.session.name(short)} --network ${context.session.name("lan")} ${context.image} httpd -f -p 80 -h /var/www\`.`;

// eth0 of a running container, read with the host's iproute2 inside its namespace (kind and parent included).
const eth0Of = async (pid: number) => (await interfaces({ kind: "pid", pid })).find((iface) => iface.name === "eth0") ?? null;

// Does one ping from a container (by name) or from the host (busybox ping) reach `address`?
const pingFromContainer = async (container: string, address: string): Promise<boolean> =>
  (await run("docker", ["exec", container, "ping", "-c", "1", "-W", "2", address], { reject: false, timeout: 10_000 })).exitCode === 0;
const pingFromHost = async (address: string): Promise<boolean> => (await run("busybox", ["ping", "-c", "1", "-W", "1", address], { reject: false, timeout: 5_000 })).exitCode === 0;

// A running lab container on the macvlan network, with its address there.
const childOf = async (context: LabContext, short: string) => {
  const container = await findContainer(context.session.name(short));
  const endpoint = container?.networkSettings.networks[context.session.name("lan")];
  return { name: context.session.name(short), container, address: endpoint?.ipAddress ?? "", mac: endpoint?.macAddress ?? "" };
};

const needSetup = "Run the setup cell at the top of the notebook first.";

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "06.macvlan-network",
    concepts: [16],
    title: "A macvlan network on the lab's uplink (never the real one), with the LAN's subnet",
    points: 2,
    run: async (context) => {
      const names = macvlanNames(context.session);
      const subnet = await lanSubnet(context.session);
      if (!subnet) return fail("The lab's LAN is not set up.", needSetup);
      const plan = lanPlan(subnet);
      const network = await findNetwork(names.network);
      if (!network) return fail(`No Docker network named ${names.network}.`, `Create it: lab.sh\`docker network create -d macvlan --subnet ${subnet} --gateway ${plan.router} --ip-range ${plan.ipRange} -o parent=${names.uplink} ${names.network}\`.`);
      if (network.driver !== "macvlan") return fail(`${names.network} uses the ${network.driver} driver.`, "Remove it (lab.sh`docker network rm …`) and create it again with `-d macvlan`.", { driver: network.driver });
      const parent = network.options["parent"];
      if (parent !== names.uplink) return fail(`The network's parent is ${parent ?? "(not set)"}, not the lab's uplink ${names.uplink}.`, `Recreate it with \`-o parent=${names.uplink}\`: the lab's veth plays the LAN cable. Never use the machine's real interface: its LAN is not yours to join.`, { parent });
      const config = network.ipam.config[0];
      if (config?.subnet !== subnet) return fail(`The network's subnet is ${config?.subnet ?? "(none)"}, but the LAN is ${subnet}.`, `macvlan children live on the LAN itself, so use the LAN's subnet (--subnet ${subnet}) and its router as gateway (--gateway ${plan.router}).`, { subnet: config?.subnet });
      if (config.gateway !== plan.router) return fail(`The gateway is ${config.gateway ?? "(none)"}, not the LAN router ${plan.router}.`, `Recreate the network with --gateway ${plan.router}.`);
      return pass(`${names.network} is a macvlan network on ${names.uplink}, subnet ${subnet}, gateway ${plan.router}.`, { parent, subnet, ipRange: config.ipRange });
    },
  },
  {
    id: "06.own-macs",
    concepts: [16],
    title: "m1 and m2 are macvlan children of the uplink, each with its own MAC and a LAN address",
    points: 2,
    run: async (context) => {
      const names = macvlanNames(context.session);
      const subnet = await lanSubnet(context.session);
      const uplink = await hostInterface(names.uplink);
      if (!subnet || !uplink) return fail("The lab's LAN is not set up.", needSetup);
      const seen: { name: string; mac: string; address: string }[] = [];
      for (const short of ["m1", "m2"]) {
        const { name, container, address } = await childOf(context, short);
        if (!container) return fail(`No container named ${name}.`, runHint(context, short));
        if (!container.state.running) return fail(`${name} is ${container.state.status}.`, `Start it (lab.sh\`docker start ${name}\`); httpd -f keeps it running.`);
        if (!address) return fail(`${name} is not on ${names.network}.`, `Remove it and run it again with --network ${names.network}.`);
        if (!inSubnet(address, subnet)) return fail(`${name}'s address ${address} is not on the LAN ${subnet}.`, "Recreate the macvlan network with the LAN's subnet (see 06.macvlan-network).");
        const eth0 = await eth0Of(container.state.pid);
        if (eth0?.kind !== "macvlan") return fail(`${name}'s eth0 is a ${eth0?.kind ?? "missing"} interface, not macvlan.`, `It should be on ${names.network} only (no other --network).`, { kind: eth0?.kind });
        if (eth0.peerIfindex !== uplink.ifindex) return fail(`${name}'s eth0 hangs off interface ${eth0.peerIfindex ?? "?"}, not ${names.uplink} (${uplink.ifindex}).`, `Use -o parent=${names.uplink}.`);
        seen.push({ name, mac: eth0.mac ?? "", address });
      }
      const macs = new Set([uplink.mac, ...seen.map((s) => s.mac)]);
      if (macs.size !== 3) return fail("Two of m1, m2 and the uplink share a MAC address.", "Each macvlan child gets its own MAC; recreate the containers.", { seen });
      const given = (await context.session.answers())["m1-mac"];
      if (given === undefined) return fail("No answer recorded for m1-mac.", 'Read eth0\'s MAC inside m1 (`docker exec m1 ip link show eth0`, parsed) and record it: await lab.answer("m1-mac", …).');
      if (String(given).toLowerCase() !== seen[0]?.mac) return fail(`You recorded ${String(given)}, but m1's eth0 has MAC ${seen[0]?.mac}.`, `Read the link/ether of eth0 inside m1, not the uplink's MAC (${uplink.mac}).`, { given });
      return pass(`m1 (${seen[0]?.address}, ${seen[0]?.mac}) and m2 (${seen[1]?.address}, ${seen[1]?.mac}) hang off ${names.uplink} (${uplink.mac}): three MACs on one cable.`, { seen, uplinkMac: uplink.mac });
    },
  },
  {
    id: "06.reach-lan",
    concepts: [16],
    title: "m1's gateway is the LAN router (the LAN namespace), and m1 reaches it",
    points: 2,
    run: async (context) => {
      const subnet = await lanSubnet(context.session);
      if (!subnet) return fail("The lab's LAN is not set up.", needSetup);
      const { router } = lanPlan(subnet);
      const { name, container } = await childOf(context, "m1");
      if (!container?.state.running) return fail("m1 is not running.", runHint(context, "m1"));
      const gateway = (await routes({ kind: "pid", pid: container.state.pid })).find((route) => route.dst === "default")?.gateway ?? null;
      const given = (await context.session.answers())["m1-gateway"];
      if (given === undefined) return fail("No answer recorded for m1-gateway.", 'Run `ip route` inside m1, parse it, and record the default route\'s gateway: await lab.answer("m1-gateway", …).');
      if (given !== gateway) return fail(`You recorded ${String(given)}, but m1's default route goes via ${gateway ?? "nothing"}.`, "Read the route whose dst is default, inside m1.", { given });
      if (gateway !== router) return fail(`m1's gateway ${gateway} is not the LAN router ${router}.`, `Create the macvlan network with --gateway ${router}.`);
      if (!(await pingFromContainer(name, router))) return fail(`m1 cannot ping the LAN router ${router}.`, "Is the LAN namespace still there? Run the setup cell again (it is safe to repeat).");
      return pass(`m1 sends its traffic to ${router}, the LAN namespace, straight over the uplink cable: no bridge, no NAT.`, { gateway });
    },
  },
  {
    id: "06.host-shim",
    concepts: [16],
    title: "A macvlan shim on the host (parent = uplink, mode bridge) gives the host a path to m1",
    points: 2,
    run: async (context) => {
      const names = macvlanNames(context.session);
      const subnet = await lanSubnet(context.session);
      const uplink = await hostInterface(names.uplink);
      if (!subnet || !uplink) return fail("The lab's LAN is not set up.", needSetup);
      const { container, address } = await childOf(context, "m1");
      if (!container?.state.running || !address) return fail("m1 is not running on the macvlan network.", runHint(context, "m1"));
      const shim = await hostInterface(names.shim);
      if (!shim) return fail(`There is no ${names.shim} interface on the host.`, `lab.sh\`ip link add ${names.shim} link ${names.uplink} type macvlan mode bridge\`, then give it an address and bring it up.`);
      if (shim.kind !== "macvlan") return fail(`${names.shim} is a ${shim.kind ?? "?"} interface, not macvlan.`, `Delete it (ip link del ${names.shim}) and add it with \`type macvlan mode bridge\`.`);
      if (shim.peerIfindex !== uplink.ifindex && shim.link !== names.uplink) return fail(`${names.shim}'s parent is interface ${shim.peerIfindex ?? "?"}, not ${names.uplink}.`, `Add it with \`link ${names.uplink}\`: it must sit on the same cable as the containers.`);
      const mode = shim.kindData?.["mode"];
      if (mode !== "bridge") return fail(`${names.shim} is in macvlan mode ${String(mode)}.`, "Use `mode bridge`, the mode Docker uses: only bridge-mode siblings talk to each other directly.", { mode });
      if (!shim.flags.includes("UP")) return fail(`${names.shim} is down.`, `lab.sh\`ip link set ${names.shim} up\`.`);
      const cidr = ipv4Cidr(shim);
      if (!cidr || !inSubnet(cidr.split("/")[0] ?? "", subnet)) return fail(`${names.shim} has no address on the LAN ${subnet} (has ${cidr ?? "none"}).`, `Give it one the LAN does not use, e.g. lab.sh\`ip addr add ${lanPlan(subnet).shimAddress} dev ${names.shim}\`.`);
      const route = await routes();
      const viaShim = route.some((r) => r.dev === names.shim && r.dst !== "default" && inSubnet(address, r.dst.includes("/") ? r.dst : `${r.dst}/32`));
      if (!viaShim) return fail(`The host has no route to m1 (${address}) through ${names.shim}.`, `Route the containers' range through the shim: lab.sh\`ip route add ${lanPlan(subnet).ipRange} dev ${names.shim}\`.`);
      if (!(await pingFromHost(address))) return fail(`The host still cannot ping m1 at ${address}.`, `Check that ${names.shim} is up and the route goes through it.`);
      return pass(`The host reaches m1 (${address}) through ${names.shim}, a macvlan sibling of the containers on ${names.uplink}.`, { shim: cidr, mode });
    },
  },
  {
    id: "06.lan-reaches-child",
    concepts: [16],
    title: "Hidden: the LAN namespace fetches m1's web page, like any other machine on the LAN",
    points: 1,
    hidden: true,
    run: async (context) => {
      const names = macvlanNames(context.session);
      const { address } = await childOf(context, "m1");
      if (!address) return fail("m1 is not on the macvlan network.", runHint(context, "m1"));
      if (!(await netnsNames()).includes(names.lan)) return fail("The LAN namespace is gone.", needSetup);
      const result = await run("ip", ["netns", "exec", names.lan, "curl", "-sf", "-o", "/dev/null", "--max-time", "3", `http://${address}/`], { reject: false, timeout: 10_000 });
      return result.exitCode === 0 ? pass(`The LAN namespace fetched http://${address}/.`) : fail(`The LAN namespace could not fetch http://${address}/.`, "Run m1 with `httpd -f -p 80 -h /var/www`.");
    },
  },
];

// Idempotent: the LAN namespace, the uplink veth pair (peer inside the LAN), addresses, all made only when missing.
const setup = async (context: LabContext): Promise<void> => {
  const image = await imageStatus();
  if (!image.ok) throw new EnvironmentError(`The toolbox image ${image.image} is missing.`, { hint: "Run `npx docker-net-lab setup` in a terminal, then run this cell again." });
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

export const lab06: LabDefinition = {
  id: "06",
  slug: "06-macvlan",
  title: "macvlan: containers with their own MACs on the LAN",
  summary: "macvlan on a lab-made LAN (a veth \"cable\" + a namespace router): own MACs, LAN addresses, the host shim",
  concepts: [16, 19],
  setup,
  checks,
  teardown,
};
