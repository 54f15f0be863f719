// Lab 08 · overlay and other drivers (curriculum concept 18): a single-node swarm on a private engine, an attachable
// overlay network, its VXLAN interface and namespace; plugin drivers and ipvlan (detected, not assumed).
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { run } from "../../exec/run.js";
import { parseIpLink } from "../../parse/ip-link.js";
import { inSubnet } from "../../topology/ipv4.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { freeSubnet, hostAddress, readParams } from "../free.js";
import { interfaces } from "../host-facts.js";
import { deleteNetns } from "../kernel-objects.js";
import { PrivateEngine } from "../private-engine.js";
import type { LabSession } from "../session.js";

/** The plan of a session: docker0 (also the swarm's advertise address), swarm pool, overlay subnet, names. */
export const overlayPlan = async (session: LabSession) => {
  const params = await readParams(session);
  const bipNet = String(params["bip-subnet"] ?? "");
  const overlay = String(params["overlay-subnet"] ?? "");
  if (!bipNet || !overlay || !params["swarm-pool"]) return null;
  return {
    bip: `${hostAddress(bipNet, 1)}/24`,
    advertise: hostAddress(bipNet, 1),
    swarmPool: String(params["swarm-pool"]),
    overlay,
    network: session.name("ov"),
    c1: session.name("c1"),
    c2: session.name("c2"),
    scratch: session.ifname("8ipv"),
  };
};

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

const needSetup = "Run the setup cell at the top of the notebook first.";

// `docker info`'s Swarm section of the private engine (JSON printed by --format).
const swarmState = async (engine: PrivateEngine): Promise<{ LocalNodeState?: string; ControlAvailable?: boolean; NodeAddr?: string } | null> => {
  const result = await run("docker", ["-H", engine.host, "info", "--format", "{{json .Swarm}}"], { reject: false, timeout: 20_000 });
  return result.exitCode === 0 ? (JSON.parse(result.stdout) as { LocalNodeState?: string; ControlAvailable?: boolean; NodeAddr?: string }) : null;
};

// The overlay network's sandbox namespace in the engine's exec root: `1-<first 10 characters of the network id>`.
const overlayNamespace = (engine: PrivateEngine, networkId: string): string => `${engine.paths.execRoot}/netns/1-${networkId.slice(0, 10)}`;

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "08.swarm",
    concepts: [18],
    title: "The private engine is a single-node swarm manager, advertising docker0's address",
    points: 2,
    run: async (context) => {
      const plan = await overlayPlan(context.session);
      const engine = new PrivateEngine(context.session, () => undefined);
      if (!plan || !(await engine.answering())) return fail("The private engine is not running.", needSetup);
      const swarm = await swarmState(engine);
      const init = `engine.sh\`docker swarm init --advertise-addr ${plan.advertise} --default-addr-pool ${plan.swarmPool} --default-addr-pool-mask-length 24\``;
      if (swarm?.LocalNodeState !== "active") return fail(`The engine's swarm state is ${swarm?.LocalNodeState ?? "unknown"}.`, swarm?.LocalNodeState === "inactive" ? `Initialise it: ${init}.` : `Leave and start again: engine.sh\`docker swarm leave --force\`, then ${init}.`, { swarm });
      if (!swarm.ControlAvailable) return fail("The engine is in a swarm but not a manager.", "A single-node swarm made with `swarm init` is its own manager; leave and init again.");
      if (swarm.NodeAddr !== plan.advertise) return fail(`The swarm advertises ${swarm.NodeAddr ?? "?"}, not ${plan.advertise}.`, `Use --advertise-addr ${plan.advertise} (docker0 in the engine's namespace): an address that exists there.`, { swarm });
      return pass(`Swarm active, this node is the manager, advertising ${swarm.NodeAddr}.`, { swarm });
    },
  },
  {
    id: "08.overlay-network",
    concepts: [18],
    title: "An attachable overlay network with your subnet, swarm scope",
    points: 2,
    run: async (context) => {
      const plan = await overlayPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const network = await engine.network(plan.network);
      const create = `engine.sh\`docker network create -d overlay --attachable --subnet ${plan.overlay} ${plan.network}\``;
      if (!network) return fail(`The private engine has no network named ${plan.network}.`, `Create it (after swarm init): ${create}.`);
      if (network.driver !== "overlay") return fail(`${plan.network} uses the ${network.driver} driver.`, `Remove it and run ${create}.`);
      if (!network.attachable) return fail(`${plan.network} is not attachable: plain \`docker run\` containers cannot join it, only swarm services.`, `Remove it (engine.sh\`docker network rm ${plan.network}\`) and create it again with --attachable.`);
      if (network.ipam.config[0]?.subnet !== plan.overlay) return fail(`${plan.network}'s subnet is ${network.ipam.config[0]?.subnet ?? "none"}, not ${plan.overlay}.`, `Recreate it with --subnet ${plan.overlay}.`);
      return pass(`${plan.network}: overlay, scope ${network.scope}, attachable, ${plan.overlay}.`, { scope: network.scope, options: network.options });
    },
  },
  {
    id: "08.overlay-containers",
    concepts: [18],
    title: "c1 and c2 run on the overlay with addresses from its subnet and the VXLAN-sized MTU (1450)",
    points: 2,
    run: async (context) => {
      const plan = await overlayPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const found: Record<string, string> = {};
      for (const name of [plan.c1, plan.c2]) {
        const container = await engine.container(name);
        const runHint = `engine.sh\`docker run -d --name ${name} --network ${plan.network} ${context.image} httpd -f -p 80 -h /var/www\``;
        if (!container) return fail(`The private engine has no container named ${name}.`, `Run it: ${runHint}.`);
        if (!container.state.running) return fail(`${name} is ${container.state.status}.`, `Start it: engine.sh\`docker start ${name}\`.`);
        const address = container.networkSettings.networks[plan.network]?.ipAddress ?? "";
        if (!address || !inSubnet(address, plan.overlay)) return fail(`${name} has no address on ${plan.network} (${address || "none"}).`, `Remove it and run: ${runHint}.`);
        const eth = (await interfaces({ kind: "pid", pid: container.state.pid })).find((i) => i.addresses.some((a) => a.address === address));
        if (eth?.mtu !== 1450) return fail(`${name}'s overlay interface has MTU ${eth?.mtu ?? "?"}.`, "On an overlay, Docker sets 1450: 50 bytes less than the underlay, for the VXLAN header. Did you set another MTU option?");
        found[name] = address;
      }
      return pass(`c1 is ${found[plan.c1]} and c2 is ${found[plan.c2]} on ${plan.overlay}, MTU 1450 (1500 - 50 bytes of VXLAN).`, found);
    },
  },
  {
    id: "08.vxlan",
    concepts: [18],
    title: "You found the VXLAN interface in the overlay's namespace and recorded its VNI",
    points: 2,
    run: async (context) => {
      const plan = await overlayPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const network = await engine.network(plan.network);
      if (!network) return fail(`There is no overlay network ${plan.network}.`, "Do exercise 2 first.");
      const path = overlayNamespace(engine, network.id);
      const listed = await run("nsenter", [`--net=${path}`, "ip", "-j", "-d", "link", "show"], { reject: false });
      if (listed.exitCode !== 0) return fail(`The overlay's namespace ${path} does not exist yet.`, "Docker creates it when the first container joins the overlay on this node: run c1 (exercise 2).");
      const vxlan = parseIpLink(listed.stdout).value.find((link) => link.kind === "vxlan");
      const vni = vxlan?.kindData?.["id"];
      if (!vxlan || typeof vni !== "number") return fail(`No vxlan interface in ${path}.`, "Is a container attached to the overlay?");
      const answers = await context.session.answers();
      if (answers["vxlan-id"] === undefined) return fail("No answer recorded for vxlan-id.", `List the links in the overlay's namespace (nsenter --net=${path} ip -j -d link show), find the one whose kind is vxlan, and record kindData.id: await lab.answer("vxlan-id", …).`);
      if (Number(answers["vxlan-id"]) !== vni) return fail(`You recorded ${String(answers["vxlan-id"])}, but the VXLAN id (VNI) is ${vni}.`, "Record kindData.id of the vxlan link (not its ifindex).", { given: answers["vxlan-id"] });
      if (answers["vxlan-master"] !== vxlan.master) return fail(`vxlan-master is ${JSON.stringify(answers["vxlan-master"])}, but ${vxlan.name} is enslaved to ${vxlan.master ?? "nothing"}.`, 'Record the vxlan link\'s `master` (the bridge inside the namespace) as "vxlan-master".', { given: answers["vxlan-master"] });
      const listedVni = network.options["com.docker.network.driver.overlay.vxlanid_list"];
      return pass(`${vxlan.name} (VNI ${vni}, dstport ${String(vxlan.kindData?.["port"] ?? "4789")}) sits on bridge ${vxlan.master} in ${path}; docker network inspect lists vxlanid_list=${listedVni ?? "?"}.`, { vni, master: vxlan.master, listedVni });
    },
  },
  {
    id: "08.ipvlan-detected",
    concepts: [18],
    title: "You tested whether this kernel can make ipvlan links, and recorded the truth",
    points: 1,
    run: async (context) => {
      const given = (await context.session.answers())["ipvlan-available"];
      if (typeof given !== "boolean") return fail("No answer recorded for ipvlan-available (true or false).", 'Try `ip link add … type ipvlan` in a scratch namespace and record whether it worked: await lab.answer("ipvlan-available", ok).');
      const truth = await ipvlanAvailable(context.session.ifname("8chk"));
      if (given !== truth.available) return fail(`You recorded ${given}, but on this kernel ipvlan is ${truth.available ? "available" : `not available (${truth.error})`}.`, "Run the test again and record whether `ip link add … type ipvlan` succeeded.", { truth });
      return pass(truth.available ? "ipvlan works on this kernel, as you recorded." : `ipvlan is not available on this kernel (${truth.error}), as you recorded: Docker's ipvlan driver would fail here.`, { truth });
    },
  },
  {
    id: "08.overlay-dns-ping",
    concepts: [18],
    title: "Hidden: c1 reaches c2 by name across the overlay",
    points: 1,
    hidden: true,
    run: async (context) => {
      const plan = await overlayPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const result = await run("docker", ["-H", engine.host, "exec", plan.c1, "ping", "-c", "1", "-W", "2", plan.c2], { reject: false, timeout: 15_000 });
      return result.exitCode === 0 ? pass(`c1 pinged ${plan.c2} by name over the overlay.`) : fail(`c1 could not ping ${plan.c2} by name.`, "Both must be on the overlay network (exercise 2).");
    },
  },
];

export const lab08: LabDefinition = {
  id: "08",
  slug: "08-overlay",
  title: "Overlay (single-node swarm on a private engine), VXLAN, plugin drivers and ipvlan",
  summary: "on a private engine: single-node swarm, attachable overlay, the VXLAN interface in its namespace; driver summary, plugins, ipvlan detection",
  concepts: [18, 19],
  setup: async (context) => {
    await freeSubnet(context.session, "bip-subnet", { pool: "10.220.0.0/16", prefix: 24 });
    await freeSubnet(context.session, "swarm-pool", { pool: "10.221.0.0/16", prefix: 20 });
    await freeSubnet(context.session, "overlay-subnet", { pool: "10.222.0.0/16", prefix: 24 });
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
