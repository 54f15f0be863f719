// Lab 07 · addressing (curriculum concept 17): --bip, default address pools, custom subnets, --ip-range, static --ip, MTU,
// all on a private engine the lab starts for itself (the learner's engine is never restarted or reconfigured).
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { EnvironmentError } from "../../errors.js";
import { run } from "../../exec/run.js";
import { imageStatus } from "../../setup/image.js";
import { inSubnet, parseCidr } from "../../topology/ipv4.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { freeSubnet, hostAddress, readParams } from "../free.js";
import { interfaces, ipv4Cidr } from "../host-facts.js";
import { PrivateEngine } from "../private-engine.js";
import type { LabSession } from "../session.js";

/** The plan of a session: docker0's new address, the default pool, the custom network and its pieces. */
export const addressingPlan = async (session: LabSession) => {
  const params = await readParams(session);
  const bipNet = String(params["bip-subnet"] ?? "");
  const custom = String(params["custom-subnet"] ?? "");
  if (!bipNet || !custom || !params["pool"]) return null;
  return {
    bip: `${hostAddress(bipNet, 1)}/24`,
    bipSubnet: bipNet,
    pool: String(params["pool"]),
    poolSize: 26,
    custom,
    gateway: hostAddress(custom, 1),
    ipRange: `${hostAddress(custom, 128)}/25`,
    staticIp: hostAddress(custom, 10),
    mtu: 1400,
    bridge: session.ifname("7br"),
  };
};

const needSetup = "Run the setup cell at the top of the notebook first.";
const names = (session: LabSession) => ({ pooled: session.name("pooled"), custom: session.name("custom"), dyn: session.name("dyn"), fixed: session.name("fixed") });

// The engine's network namespace interface by name.
const engineIface = async (engine: PrivateEngine, name: string) => (await interfaces({ kind: "netns", name: engine.netns }).catch(() => [])).find((i) => i.name === name) ?? null;

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "07.bip",
    concepts: [17],
    title: "The private engine runs with the new docker0 address (--bip) and your default address pool",
    points: 2,
    run: async (context) => {
      const plan = await addressingPlan(context.session);
      const engine = new PrivateEngine(context.session, () => undefined);
      if (!plan || !(await engine.answering())) return fail("The private engine is not running.", needSetup);
      const docker0 = ipv4Cidr(await engineIface(engine, "docker0"));
      if (docker0 !== plan.bip) return fail(`docker0 (in the engine's namespace) is ${docker0 ?? "without an address"}, not ${plan.bip}.`, `Restart the private engine with the new address: await engine.restart({ bip: "${plan.bip}", defaultAddressPools: [{ base: "${plan.pool}", size: ${plan.poolSize} }] }). --bip takes docker0's own address with the prefix (…1/24), not the network address.`, { docker0 });
      const bridge = await engine.network("bridge");
      const config = bridge?.ipam.config[0];
      if (config?.subnet !== plan.bipSubnet) return fail(`The bridge network's subnet is ${config?.subnet ?? "?"}, expected ${plan.bipSubnet}.`, "Docker derives the default bridge's subnet from --bip; restart the engine with the bip above.");
      const pools = (await engine.options())?.defaultAddressPools ?? [];
      if (!pools.some((p) => p.base === plan.pool && p.size === plan.poolSize)) return fail(`The engine's default address pools are ${JSON.stringify(pools)}.`, `Add defaultAddressPools: [{ base: "${plan.pool}", size: ${plan.poolSize} }] to the restart.`, { pools });
      return pass(`docker0 is ${docker0}; the default bridge network is ${config.subnet} (gateway ${config.gateway ?? docker0}); new networks come from ${plan.pool} in /${plan.poolSize} pieces.`, { docker0, subnet: config.subnet, pools });
    },
  },
  {
    id: "07.address-pool",
    concepts: [17],
    title: "A network created without --subnet got a /26 from your default address pool",
    points: 2,
    run: async (context) => {
      const plan = await addressingPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const name = names(context.session).pooled;
      const network = await engine.network(name);
      if (!network) return fail(`The private engine has no network named ${name}.`, `Create it without --subnet: engine.sh\`docker network create ${name}\`.`);
      const subnet = network.ipam.config[0]?.subnet ?? "";
      const parsed = parseCidr(subnet);
      if (!parsed || !inSubnet(subnet.split("/")[0] ?? "", plan.pool) || parsed.prefix !== plan.poolSize) return fail(`${name}'s subnet is ${subnet || "(none)"}, not a /${plan.poolSize} of ${plan.pool}.`, "Did you pass --subnet? Remove the network and create it without one, after restarting the engine with the pool (07.bip).", { subnet });
      const given = (await context.session.answers())["pooled-subnet"];
      if (given === undefined) return fail("No answer recorded for pooled-subnet.", 'Parse engine.sh`docker network inspect …` and record ipam.config[0].subnet: await lab.answer("pooled-subnet", …).');
      if (given !== subnet) return fail(`You recorded ${String(given)}, but ${name}'s subnet is ${subnet}.`, "Record the subnet as Docker prints it in IPAM.Config.", { given });
      return pass(`${name} got ${subnet}: the first free /${plan.poolSize} of ${plan.pool}.`, { subnet });
    },
  },
  {
    id: "07.custom-network",
    concepts: [17],
    title: "The custom network has your subnet, gateway, --ip-range, MTU option and bridge name",
    points: 2,
    run: async (context) => {
      const plan = await addressingPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const name = names(context.session).custom;
      const network = await engine.network(name);
      const create = `engine.sh\`docker network create --subnet ${plan.custom} --gateway ${plan.gateway} --ip-range ${plan.ipRange} -o com.docker.network.driver.mtu=${plan.mtu} -o com.docker.network.bridge.name=${plan.bridge} ${name}\``;
      if (!network) return fail(`The private engine has no network named ${name}.`, `Create it: ${create}.`);
      const config = network.ipam.config[0];
      const wrong = [
        config?.subnet !== plan.custom && `subnet ${config?.subnet ?? "none"} (want ${plan.custom})`,
        config?.gateway !== plan.gateway && `gateway ${config?.gateway ?? "none"} (want ${plan.gateway})`,
        config?.ipRange !== plan.ipRange && `ip-range ${config?.ipRange ?? "none"} (want ${plan.ipRange})`,
        network.options["com.docker.network.driver.mtu"] !== String(plan.mtu) && `mtu option ${network.options["com.docker.network.driver.mtu"] ?? "none"} (want ${plan.mtu})`,
        network.options["com.docker.network.bridge.name"] !== plan.bridge && `bridge name ${network.options["com.docker.network.bridge.name"] ?? "br-<id>"} (want ${plan.bridge})`,
      ].filter(Boolean);
      if (wrong.length) return fail(`${name} has the wrong ${wrong.join(", ")}.`, `Networks cannot be changed in place: remove it (engine.sh\`docker network rm ${name}\`, after removing its containers) and create it again: ${create}.`, { wrong });
      const bridge = await engineIface(engine, plan.bridge);
      if (!bridge) return fail(`There is no bridge ${plan.bridge} in the engine's namespace.`, "Docker creates the bridge when the network is created; recreate the network.");
      return pass(`${name}: ${plan.custom}, gateway ${plan.gateway} on bridge ${plan.bridge}, dynamic addresses from ${plan.ipRange}, MTU ${plan.mtu}.`, { ipRange: config?.ipRange });
    },
  },
  {
    id: "07.static-and-range",
    concepts: [17],
    title: "dyn got its address from the --ip-range, fixed has the static --ip, and eth0's MTU is 1400 inside",
    points: 2,
    run: async (context) => {
      const plan = await addressingPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const n = names(context.session);
      const found: Record<string, string> = {};
      for (const [short, name] of [["dyn", n.dyn], ["fixed", n.fixed]] as const) {
        const container = await engine.container(name);
        const runHint = `engine.sh\`docker run -d --name ${name} --network ${n.custom}${short === "fixed" ? ` --ip ${plan.staticIp}` : ""} ${context.image} httpd -f -p 80 -h /var/www\``;
        if (!container) return fail(`The private engine has no container named ${name}.`, `Run it: ${runHint}.`);
        if (!container.state.running) return fail(`${name} is ${container.state.status}.`, `Start it: engine.sh\`docker start ${name}\`.`);
        const address = container.networkSettings.networks[n.custom]?.ipAddress ?? "";
        if (!address) return fail(`${name} is not on ${n.custom}.`, `Remove it and run: ${runHint}.`);
        found[short] = address;
        if (short === "dyn") {
          if (!inSubnet(address, plan.ipRange)) return fail(`dyn has ${address}, outside the ip-range ${plan.ipRange}.`, "Did you give dyn an --ip? Leave it out: Docker then picks from the ip-range.", { address });
          const eth0 = (await interfaces({ kind: "pid", pid: container.state.pid })).find((i) => i.name === "eth0");
          if (eth0?.mtu !== plan.mtu) return fail(`eth0 inside dyn has MTU ${eth0?.mtu ?? "?"}, not ${plan.mtu}.`, "Create the network with -o com.docker.network.driver.mtu=1400 (07.custom-network).", { mtu: eth0?.mtu });
        } else if (address !== plan.staticIp) {
          return fail(`fixed has ${address}, not the static address ${plan.staticIp}.`, `Remove it and run it again with --ip ${plan.staticIp}.`, { address });
        }
      }
      return pass(`dyn got ${found["dyn"]} (from ${plan.ipRange}), fixed kept ${found["fixed"]} (outside the range, so Docker never hands it to anyone else).`, found);
    },
  },
  {
    id: "07.static-serves",
    concepts: [17],
    title: "Hidden: fixed answers HTTP at its static address inside the engine's namespace",
    points: 1,
    hidden: true,
    run: async (context) => {
      const plan = await addressingPlan(context.session);
      if (!plan) return fail("The lab is not set up.", needSetup);
      const engine = new PrivateEngine(context.session, () => undefined);
      const result = await run("ip", ["netns", "exec", engine.netns, "curl", "-sf", "-o", "/dev/null", "--max-time", "3", `http://${plan.staticIp}/`], { reject: false, timeout: 10_000 });
      return result.exitCode === 0 ? pass(`http://${plan.staticIp}/ answered.`) : fail(`http://${plan.staticIp}/ did not answer.`, "Run fixed with `httpd -f -p 80 -h /var/www` and --ip.");
    },
  },
];

export const lab07: LabDefinition = {
  id: "07",
  slug: "07-addressing",
  title: "Addressing: --bip, address pools, subnets, --ip-range, static --ip, MTU (on a private engine)",
  summary: "on a private engine: `--bip`, default address pools, `--subnet`/`--gateway`/`--ip-range`, static `--ip`, MTU, bridge name",
  concepts: [17, 19],
  setup: async (context) => {
    const image = await imageStatus();
    if (!image.ok) throw new EnvironmentError(`The toolbox image ${image.image} is missing.`, { hint: "Run `npx docker-net-lab setup` in a terminal, then run this cell again." });
    await freeSubnet(context.session, "bip-subnet", { pool: "10.217.0.0/16", prefix: 24 });
    await freeSubnet(context.session, "pool", { pool: "10.218.0.0/16", prefix: 20 });
    await freeSubnet(context.session, "custom-subnet", { pool: "10.219.0.0/16", prefix: 24 });
    const engine = new PrivateEngine(context.session, context.log);
    if (!(await engine.answering())) await engine.start({});
    else await engine.loadImage();
  },
  checks,
  teardown: async (context) => {
    await new PrivateEngine(context.session, context.log).destroy();
  },
};
