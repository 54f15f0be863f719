// Lab 07 · addressing (curriculum concept 17): --bip, default address pools, custom subnets, --ip-range, static --ip, MTU,
// all on a private engine the lab starts for itself (the learner's engine is never restarted or reconfigured).
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import { UsageError } from "../../errors.js";
import { run } from "../../exec/run.js";
import { kernelName } from "../../ownership.js";
import { inSubnet, parseCidr } from "../../topology/ipv4.js";
import type { Topology } from "../../topology/model.js";
import type { LabCheck, LabContext, LabDefinition, PredictionDefinition, TroubleshootDefinition } from "../definition.js";
import { containerNamed, type FactsView, hostOf, type LabFacts, namespaceOfContainer, nameIn, networkNamed, type WantedProbes } from "../facts.js";
import { freeSubnet, hostAddress, readParams } from "../free.js";
import { ipv4Cidr } from "../host-facts.js";
import { type EngineOptions, PrivateEngine, privateEngineAnswers } from "../private-engine.js";
import { predictionsCheck } from "../predictions.js";
import type { LabSession } from "../session.js";
import { troubleshootJudge } from "../troubleshoot.js";
import { runSetupFirst } from "../preconditions.js";
import { webServerCommand } from "../../setup/image.js";

type Owner = Pick<LabSession, "session" | "lab">;

/** The plan of a session from its parameters: docker0's new address, the default pool, the custom network and its pieces. Pure. */
export const planOf = (params: Readonly<Record<string, string | number>>, session: Owner) => {
  const bipNet = String(params["bip-subnet"] ?? "");
  const custom = String(params["custom-subnet"] ?? "");
  if (!bipNet || !custom || !params.pool) return null;
  return {
    bip: `${hostAddress(bipNet, 1)}/24`,
    bipSubnet: bipNet,
    pool: String(params.pool),
    poolSize: 26,
    custom,
    gateway: hostAddress(custom, 1),
    ipRange: `${hostAddress(custom, 128)}/25`,
    staticIp: hostAddress(custom, 10),
    mtu: 1400,
    bridge: kernelName(session.session, "7br"),
    team: String(params["team-subnet"] ?? ""),
  };
};

/** The plan of a session: docker0's new address, the default pool, the custom network and its pieces. */
export const addressingPlan = async (session: LabSession) => planOf(await readParams(session), session);

/** What lab 07's judges read beside the private engine's snapshot. */
export interface Lab07Probes {
  /** The options the private engine runs with (its marker); null when it does not run. */
  readonly engineOptions: EngineOptions | null;
  /** Does http://address/ answer inside the engine's namespace (fixed's static address, when fixed runs)? */
  readonly http: Readonly<Record<string, boolean>>;
}
type Facts = LabFacts<Lab07Probes>;

const names = (session: Owner) => ({
  pooled: nameIn(session, "pooled"),
  custom: nameIn(session, "custom"),
  dyn: nameIn(session, "dyn"),
  fixed: nameIn(session, "fixed"),
  team: nameIn(session, "team"),
  worker: nameIn(session, "worker"),
  db: nameIn(session, "db"),
});

// The engine's network namespace interface by name (the snapshot's "host" is the engine's namespace).
const engineIface = (facts: FactsView, name: string) => hostOf(facts).interfaces.find((i) => i.name === name) ?? null;

// Probe what the judges read: the engine's options, and fixed's web server at its static address (when fixed runs).
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab07Probes> => {
  const view: FactsView = { lab: context.session.lab, session: context.session.session, topology };
  const engine = new PrivateEngine(context.session, () => undefined);
  const plan = await addressingPlan(context.session);
  const fixed = containerNamed(view, names(view).fixed);
  const serves = async (address: string) =>
    (
      await run("ip", ["netns", "exec", engine.netns, "curl", "-sf", "-o", "/dev/null", "--max-time", "3", `http://${address}/`], {
        reject: false,
        timeout: 10_000,
      })
    ).exitCode === 0;
  const [engineOptions, http] = await Promise.all([
    wanted("engineOptions") ? engine.options() : null,
    plan && fixed?.state.running && wanted("http") ? serves(plan.staticIp).then((ok) => ({ [plan.staticIp]: ok })) : Promise.resolve({}),
  ]);
  return { engineOptions, http };
};

const predictions: PredictionDefinition[] = [
  {
    id: "fresh-docker0",
    question: "The private engine starts with no options, in an empty network namespace. Which address (with prefix) will its docker0 get?",
    explain:
      "With no --bip, Docker takes docker0's subnet from its built-in list, 172.17.0.0/16 first (when no route on the host already covers it), and gives docker0 the first address: 172.17.0.1/16, as on a fresh install.",
  },
  {
    id: "pooled-subnet",
    question: "The engine now runs with the default address pool `pool` in /26 pieces. Which subnet will a network created without --subnet get?",
    explain:
      "A network created without --subnet gets the first /26 of the pool that no other network of this engine uses; here none does yet, so it starts at the pool's base. The default bridge comes from --bip, not from the pool.",
  },
  {
    id: "dyn-mtu",
    question: "The network custom is created with `-o com.docker.network.driver.mtu=1400`. Which MTU will eth0 have inside dyn?",
    choices: ["1500, the default", "1400, the network's option", "the MTU of the engine's docker0"],
    explain:
      "The MTU is a property of each network: Docker gives its bridge and every veth on it (both ends) the network's MTU. The engine-wide --mtu only sets the default bridge's.",
  },
];

// Troubleshooting: db has a planned static address inside the range Docker hands out, and a dynamic container took it.
const collideOnTeam = async (context: LabContext): Promise<void> => {
  const plan = await addressingPlan(context.session);
  const engine = new PrivateEngine(context.session, context.log);
  if (!plan?.team || !(await engine.answering())) throw new UsageError("The private engine is not running.", { hint: runSetupFirst });
  const n = names(context.session);
  for (const name of [n.db, n.worker]) await engine.exec(["docker", "rm", "-f", name], { quiet: true }).catch(() => undefined);
  await engine.exec(["docker", "network", "rm", n.team], { quiet: true }).catch(() => undefined);
  await engine.exec(["docker", "network", "create", "--subnet", plan.team, n.team], { quiet: true });
  await engine.exec(["docker", "run", "-d", "--name", n.worker, "--network", n.team, context.image, "sleep", "3600"], { quiet: true });
  const started = await engine
    .exec(["docker", "run", "-d", "--name", n.db, "--network", n.team, "--ip", hostAddress(plan.team, 2), context.image, ...webServerCommand], { quiet: true })
    .then(
      () => true,
      () => false,
    );
  context.log(`team (${plan.team}) has worker; db, planned at ${hostAddress(plan.team, 2)}, ${started ? "started" : "did not start"}.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom:
    "db must run at the second address of the team network (other machines' configuration names it), but `docker run --ip …` fails and db does not start.",
  scenario:
    "On the private engine, the scenario creates network `team` with a --subnet but no --ip-range, starts `worker` (no --ip: Docker gives it the first free address, .2), then `db --ip .2`, which fails: the address is taken. The learner reads the Containers map of `team` and its IPAM config, names `static-in-range`, and recreates `team` with an --ip-range that leaves .2 out, then worker (anywhere in the range) and db at .2.",
  causes: {
    "static-in-range": "db's static address lies in the part of the subnet Docker hands out by itself, and a container without --ip took it first",
    "outside-subnet": "db's address is outside the team network's subnet",
    "gateway-address": "db's address is the network's gateway",
    "pool-exhausted": "the engine's default address pool has no free subnet left",
  },
  cause: "static-in-range",
  breakIt: collideOnTeam,
};

// Is team fixed? db at its planned address, worker running, and no dynamic address can take db's again.
const teamFixed = (facts: Facts): Verdict => {
  const plan = planOf(facts.params, facts);
  if (!plan?.team) return fail("The lab is not set up.", runSetupFirst);
  const n = names(facts);
  const planned = hostAddress(plan.team, 2);
  const fix = hints(
    [
      "Read the team network as Docker sees it (`docker network inspect`: IPAM.Config and the Containers map): who holds db's planned address, and why could Docker give it away?",
      "A network cannot be changed in place: remove its containers and the network, create it again so that the part Docker hands out (--ip-range) leaves db's address out, then start worker and db.",
    ],
    `engine.sh\`docker rm -f ${n.db} ${n.worker}\`; engine.sh\`docker network rm ${n.team}\`; engine.sh\`docker network create --subnet ${plan.team} --ip-range ${hostAddress(plan.team, 128)}/25 ${n.team}\`; then worker (no --ip) and db with --ip ${planned}`,
  );
  const db = containerNamed(facts, n.db);
  if (!db?.state.running || db.networkSettings.networks[n.team]?.ipAddress !== planned) return fail(`db is not running at ${planned} on team.`, fix);
  const worker = containerNamed(facts, n.worker);
  if (!worker?.state.running) return fail("worker is not running any more.", fix);
  const range = networkNamed(facts, n.team)?.ipam.config[0]?.ipRange;
  if (!range || inSubnet(planned, range))
    return fail(
      `db runs at ${planned}, but the team network ${range ? `still hands out ${range}, which includes it` : "hands out its whole subnet"}: the next restart can lose it again.`,
      fix,
      { range },
    );
  return pass(`db runs at ${planned}; team hands out only ${range}, so no container without --ip can take it again.`, { range });
};

const checks: LabCheck<Lab07Probes>[] = [
  {
    id: "07.bip",
    concepts: [17],
    title: "The private engine runs with the new docker0 address (--bip) and your default address pool",
    points: 2,
    probes: ["engineOptions"],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const docker0 = ipv4Cidr(engineIface(facts, "docker0"));
      const restart = hints(
        [
          "dockerd's options are fixed while it runs: restart the private engine with two of them, docker0's address (bip) and a default address pool (a base and a size).",
          "--bip takes docker0's own address with the prefix (…1/24), not the network address; the pool is the setup cell's `pool`, in /26 pieces.",
        ],
        `await engine.restart({ bip: "${plan.bip}", defaultAddressPools: [{ base: "${plan.pool}", size: ${plan.poolSize} }] })`,
      );
      if (docker0 !== plan.bip)
        return fail(`docker0 (in the engine's namespace) is ${docker0 ?? "without an address"}, not ${plan.bip}.`, restart, { docker0 });
      const bridge = networkNamed(facts, "bridge");
      const config = bridge?.ipam.config[0];
      if (config?.subnet !== plan.bipSubnet)
        return fail(
          `The bridge network's subnet is ${config?.subnet ?? "?"}, expected ${plan.bipSubnet}.`,
          "Docker derives the default bridge's subnet from --bip; restart the engine with the bip above.",
        );
      const pools = facts.probes.engineOptions?.defaultAddressPools ?? [];
      if (!pools.some((p) => p.base === plan.pool && p.size === plan.poolSize))
        return fail(`The engine's default address pools are ${JSON.stringify(pools)}.`, restart, { pools });
      return pass(
        `docker0 is ${docker0}; the default bridge network is ${config.subnet} (gateway ${config.gateway ?? docker0}); new networks come from ${plan.pool} in /${plan.poolSize} pieces.`,
        { docker0, subnet: config.subnet, pools },
      );
    },
  },
  {
    id: "07.address-pool",
    concepts: [17],
    title: "A network created without --subnet got a /26 from your default address pool",
    points: 2,
    probes: [],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const name = names(facts).pooled;
      const network = networkNamed(facts, name);
      if (!network)
        return fail(
          `The private engine has no network named ${name}.`,
          hints(
            ["Exercise 2 creates a network on the private engine (engine.sh) and gives it no subnet: Docker picks one."],
            `engine.sh\`docker network create ${name}\``,
          ),
        );
      const subnet = network.ipam.config[0]?.subnet ?? "";
      const parsed = parseCidr(subnet);
      if (!parsed || !inSubnet(subnet.split("/")[0] ?? "", plan.pool) || parsed.prefix !== plan.poolSize)
        return fail(
          `${name}'s subnet is ${subnet || "(none)"}, not a /${plan.poolSize} of ${plan.pool}.`,
          "Did you pass --subnet? Remove the network and create it without one, after restarting the engine with the pool (07.bip).",
          { subnet },
        );
      const given = facts.answers["pooled-subnet"];
      if (given === undefined)
        return fail(
          "No answer recorded for pooled-subnet.",
          hints(
            ["The subnet Docker chose is in the network's IPAM config (docker network inspect, on the private engine)."],
            'await lab.answer("pooled-subnet", parseNetworkInspect((await engine.sh`docker network inspect ${pooled}`).stdout).value[0]?.ipam.config[0]?.subnet)',
          ),
        );
      if (given !== subnet)
        return fail(`You recorded ${String(given)}, but ${name}'s subnet is ${subnet}.`, "Record the subnet as Docker prints it in IPAM.Config.", { given });
      return pass(`${name} got ${subnet}: the first free /${plan.poolSize} of ${plan.pool}.`, { subnet });
    },
  },
  {
    id: "07.custom-network",
    concepts: [17],
    title: "The custom network has your subnet, gateway, --ip-range, MTU option and bridge name",
    points: 2,
    probes: [],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const name = names(facts).custom;
      const network = networkNamed(facts, name);
      const create = `engine.sh\`docker network create --subnet ${plan.custom} --gateway ${plan.gateway} --ip-range ${plan.ipRange} -o com.docker.network.driver.mtu=${plan.mtu} -o com.docker.network.bridge.name=${plan.bridge} ${name}\``;
      if (!network)
        return fail(
          `The private engine has no network named ${name}.`,
          hints(
            [
              "Exercise 3's network is planned by you: subnet and gateway, the part Docker hands out (--ip-range), and two driver options (-o): the MTU and the bridge's name.",
            ],
            create,
          ),
        );
      const config = network.ipam.config[0];
      const wrong = [
        config?.subnet !== plan.custom && `subnet ${config?.subnet ?? "none"} (want ${plan.custom})`,
        config?.gateway !== plan.gateway && `gateway ${config?.gateway ?? "none"} (want ${plan.gateway})`,
        config?.ipRange !== plan.ipRange && `ip-range ${config?.ipRange ?? "none"} (want ${plan.ipRange})`,
        network.options["com.docker.network.driver.mtu"] !== String(plan.mtu) &&
          `mtu option ${network.options["com.docker.network.driver.mtu"] ?? "none"} (want ${plan.mtu})`,
        network.options["com.docker.network.bridge.name"] !== plan.bridge &&
          `bridge name ${network.options["com.docker.network.bridge.name"] ?? "br-<id>"} (want ${plan.bridge})`,
      ].filter(Boolean);
      if (wrong.length)
        return fail(
          `${name} has the wrong ${wrong.join(", ")}.`,
          hints(["Networks cannot be changed in place: remove its containers and the network, then create it again."], create),
          { wrong },
        );
      const bridge = engineIface(facts, plan.bridge);
      if (!bridge)
        return fail(
          `There is no bridge ${plan.bridge} in the engine's namespace.`,
          "Docker creates the bridge when the network is created; recreate the network.",
        );
      return pass(`${name}: ${plan.custom}, gateway ${plan.gateway} on bridge ${plan.bridge}, dynamic addresses from ${plan.ipRange}, MTU ${plan.mtu}.`, {
        ipRange: config?.ipRange,
      });
    },
  },
  {
    id: "07.static-and-range",
    concepts: [17],
    title: "dyn got its address from the --ip-range, fixed has the static --ip, and eth0's MTU is 1400 inside",
    points: 2,
    probes: [],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const n = names(facts);
      const found: Record<string, string> = {};
      for (const [short, name] of [
        ["dyn", n.dyn],
        ["fixed", n.fixed],
      ] as const) {
        const container = containerNamed(facts, name);
        const runHint = `engine.sh\`docker run -d --name ${name} --network ${n.custom}${short === "fixed" ? ` --ip ${plan.staticIp}` : ""} ${facts.image} httpd -f -p 80 -h /var/www\``;
        if (!container)
          return fail(
            `The private engine has no container named ${name}.`,
            hints(
              [
                `${short} runs on the custom network with busybox's httpd; ${short === "fixed" ? "it gets the static address you chose (--ip)" : "it gets no address from you: Docker picks one"}.`,
              ],
              runHint,
            ),
          );
        if (!container.state.running) return fail(`${name} is ${container.state.status}.`, `Start it: engine.sh\`docker start ${name}\`.`);
        const address = container.networkSettings.networks[n.custom]?.ipAddress ?? "";
        if (!address) return fail(`${name} is not on ${n.custom}.`, `Remove it and run: ${runHint}.`);
        found[short] = address;
        if (short === "dyn") {
          if (!inSubnet(address, plan.ipRange))
            return fail(
              `dyn has ${address}, outside the ip-range ${plan.ipRange}.`,
              "Did you give dyn an --ip? Leave it out: Docker then picks from the ip-range.",
              { address },
            );
          const eth0 = namespaceOfContainer(facts, name)?.interfaces.find((i) => i.name === "eth0");
          if (eth0?.mtu !== plan.mtu)
            return fail(
              `eth0 inside dyn has MTU ${eth0?.mtu ?? "?"}, not ${plan.mtu}.`,
              "Create the network with -o com.docker.network.driver.mtu=1400 (07.custom-network).",
              { mtu: eth0?.mtu },
            );
        } else if (address !== plan.staticIp) {
          return fail(`fixed has ${address}, not the static address ${plan.staticIp}.`, `Remove it and run it again with --ip ${plan.staticIp}.`, { address });
        }
      }
      return pass(
        `dyn got ${found.dyn} (from ${plan.ipRange}), fixed kept ${found.fixed} (outside the range, so Docker never hands it to anyone else).`,
        found,
      );
    },
  },
  {
    id: "07.safe-static",
    concepts: [17],
    title: "You chose a static address on custom that Docker can never hand to another container",
    points: 2,
    probes: [],
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      const network = networkNamed(facts, names(facts).custom);
      const config = network?.ipam.config[0];
      if (!network || !config?.subnet) return fail("The custom network of exercise 3 is missing.", "Do exercise 3 first.");
      const given = facts.answers["safe-static"];
      const how = hints(
        [
          "Three things an address must not be: outside the subnet, the gateway or one a container already holds, and inside the part Docker hands out by itself (the ip-range).",
        ],
        'await lab.answer("safe-static", at(subnet, 20))',
      );
      if (typeof given !== "string" || !/^\d+\.\d+\.\d+\.\d+$/.test(given)) return fail("No IPv4 address recorded for safe-static.", how);
      const used = Object.values(network.containers).map((c) => c.ipv4Address.split("/")[0]);
      if (!inSubnet(given, config.subnet)) return fail(`${given} is outside ${config.subnet}.`, how, { given });
      if (given === config.gateway || given === hostAddress(config.subnet, 0))
        return fail(`${given} is the network's ${given === config.gateway ? "gateway" : "own network address"}.`, how, { given });
      if (used.includes(given)) return fail(`${given} is already held by a container on custom.`, how, { given });
      if (config.ipRange && inSubnet(given, config.ipRange))
        return fail(`${given} is inside the ip-range ${config.ipRange}: a container without --ip may get it first.`, how, { given });
      return pass(`${given} is in ${config.subnet}, outside the range Docker hands out (${config.ipRange ?? "none"}), and free.`, { given });
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "07.team-fixed",
    title: "You named why db could not start at its planned address and fixed the team network",
    concepts: [17],
    points: 3,
    probes: [],
    fixed: teamFixed,
  }),
  predictionsCheck({ id: "07", predictions }),
  {
    id: "07.static-serves",
    concepts: [17],
    title: "Hidden: fixed answers HTTP at its static address inside the engine's namespace",
    points: 1,
    probes: ["http"],
    hidden: true,
    judge: (facts) => {
      const plan = planOf(facts.params, facts);
      if (!plan) return fail("The lab is not set up.", runSetupFirst);
      return facts.probes.http[plan.staticIp] === true
        ? pass(`http://${plan.staticIp}/ answered.`)
        : fail(`http://${plan.staticIp}/ did not answer.`, "Run fixed with `httpd -f -p 80 -h /var/www` and --ip.");
    },
  },
];

export const lab07: LabDefinition<Lab07Probes> = {
  id: "07",
  preconditions: [privateEngineAnswers({ message: "The private engine is not running.", hint: runSetupFirst })],
  topology: (context) => new PrivateEngine(context.session, () => undefined).snapshotOptions(false),
  gather,
  slug: "07-addressing",
  ownEngine: true,
  title: "Addressing: --bip, address pools, subnets, --ip-range, static --ip, MTU (on a private engine)",
  summary:
    "on a private engine: `--bip`, default address pools, `--subnet`/`--gateway`/`--ip-range`, static `--ip`, MTU, bridge name; a static address Docker gave away",
  concepts: [17, 19],
  goals: [
    "change docker0's address and the default address pools of an engine (on a private one, never your own)",
    "predict which subnet a network without --subnet gets, and read it",
    "plan a network: subnet, gateway, the range Docker hands out, MTU, bridge name; pin a container with --ip",
    "choose a static address Docker can never hand to someone else, and repair a network where it did",
  ],
  predictions,
  troubleshoot,
  setup: async (context) => {
    await freeSubnet(context.session, "bip-subnet", { pool: "10.217.0.0/16", prefix: 24 });
    await freeSubnet(context.session, "pool", { pool: "10.218.0.0/16", prefix: 20 });
    await freeSubnet(context.session, "custom-subnet", { pool: "10.219.0.0/16", prefix: 24 });
    await freeSubnet(context.session, "team-subnet", { pool: "10.219.0.0/16", prefix: 24 });
    const engine = new PrivateEngine(context.session, context.log);
    if (!(await engine.answering())) await engine.start({});
    else await engine.loadImage();
  },
  checks,
  teardown: async (context) => {
    await new PrivateEngine(context.session, context.log).destroy();
  },
};
