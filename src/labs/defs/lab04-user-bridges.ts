// Lab 04 · user-defined bridges and DNS (curriculum concepts 10, 11, 12): custom subnet, 127.0.0.11, aliases, isolation, connect, --link.
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import { findNetwork } from "../../docker/adapter.js";
import { UsageError } from "../../errors.js";
import { run } from "../../exec/run.js";
import { bridgeInterfaceName, type Topology } from "../../topology/model.js";
import { inSubnet } from "../../topology/ipv4.js";
import { crossBridge, engineLabel } from "../../topology/engine-facts.js";
import type { LabCheck, LabContext, LabDefinition, PredictionDefinition, TroubleshootDefinition } from "../definition.js";
import { containerNamed, type FactsView, type LabFacts, nameIn, networkNamed, sessionScope, topologyOf, type WantedProbes } from "../facts.js";
import { freeSubnet } from "../free.js";
import { predictionsCheck } from "../predictions.js";
import { troubleshootJudge } from "../troubleshoot.js";
import { engineInThisNamespace, setupNotRun } from "../preconditions.js";
import { webServerCommand } from "../../setup/image.js";

/** What lab 04's judges measure live, from inside the lab's containers (`docker exec`), as plain data. */
export interface Lab04Probes {
  /** `nslookup <a2>` in a1 worked. */
  readonly a1ResolvesA2: boolean;
  /** `nslookup <d2>` in d1 (both on the default bridge) worked. */
  readonly d1ResolvesD2: boolean;
  /** What `nslookup search` printed in a1 (the alias's answers). */
  readonly searchLookup: string;
  /** DB_PORT_80_TCP_ADDR in the environment of legacy's main process (/proc/1/environ), or null. */
  readonly legacyEnvAddress: string | null;
  /** a1 pings `search` by name. */
  readonly a1PingsSearch: boolean;
  /** a1 pings b1's address on netb (null when b1 has none). */
  readonly a1PingsB1: boolean | null;
}
type Facts = LabFacts<Lab04Probes>;

// Subnets setup chose for this session.
const subnets = (facts: Pick<Facts, "params">): { a: string; b: string } | null => {
  const p = facts.params;
  return typeof p["net-a"] === "string" && typeof p["net-b"] === "string" ? { a: p["net-a"], b: p["net-b"] } : null;
};

// Run a command inside a container (reject: false).
const exec = (container: string, command: string[]) => run("docker", ["exec", container, ...command], { reject: false, timeout: 20_000 });
// Exit code of a command inside a container (0 = it worked).
const execOk = async (container: string, command: string[]): Promise<boolean> => (await exec(container, command)).exitCode === 0;

// A container's address on one network, or null.
const addressOn = (facts: FactsView, container: string, network: string): string | null =>
  containerNamed(facts, container)?.networkSettings.networks[network]?.ipAddress || null;

const runHint = (facts: Pick<Facts, "lab" | "session" | "image">, short: string, network: string, extra = "") =>
  hints(
    [
      `${short} runs sleep 3600 from the lab's image on ${network === "bridge" ? "the default bridge" : `the network ${network}`}, with --dns 127.0.0.1 (no lookup may leave this machine)${extra ? ` and ${extra.trim()}` : ""}.`,
    ],
    `lab.sh\`docker run -d --name ${nameIn(facts, short)}${network === "bridge" ? "" : ` --network ${network}`} ${extra}--dns 127.0.0.1 ${facts.image} sleep 3600\``,
  );

// The sorted names of the running containers whose aliases on `network` include `alias`.
const aliasMembers = (facts: FactsView, network: string, alias: string): string[] =>
  ["web1", "web2", "web3"]
    .map((s) => nameIn(facts, s))
    .map((name) => ({ name, endpoint: containerNamed(facts, name)?.networkSettings.networks[network] }))
    .filter((f) => f.endpoint?.aliases.includes(alias) || f.endpoint?.dnsNames.includes(alias))
    .map((f) => f.name)
    .sort();

// The engine as messages name it (`Docker 20.10.24`).
const labelOf = (facts: FactsView): string => engineLabel(topologyOf(facts).engineVersion);

// Does the embedded DNS that `from` asks know `name`: a running container's name, alias or DNS name on one of `from`'s
// user-defined networks? It answers only those itself; any other name goes to the forwarder, 127.0.0.1 in the
// container (--dns), where nothing listens, and the lookup ends only when its timeout does (5 s, 10 s for ping).
// Without a topology nobody knows: the probe is made.
const dnsKnows = (view: FactsView, from: string, name: string): boolean => {
  if (!view.topology) return true;
  const source = containerNamed(view, from);
  const networks = Object.keys(source?.networkSettings.networks ?? {}).filter((network) => !["bridge", "host", "none"].includes(network));
  return topologyOf(view).containers.some(
    (container) =>
      container.state.running &&
      networks.some((network) => {
        const endpoint = container.networkSettings.networks[network];
        return endpoint !== undefined && (container.name === name || endpoint.aliases.includes(name) || endpoint.dnsNames.includes(name));
      }),
  );
};

// The probes the judges of a run read, from inside the lab's containers, at once (a missing container's `docker exec`
// fails at once). A lookup the embedded DNS cannot answer is not made: its answer (none) is known, and waiting for it
// made a check take 10 s. So is a probe no judge of this run reads (the ping to b1 waits 1 s when isolation holds).
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab04Probes> => {
  const view: FactsView = { lab: context.session.lab, session: context.session.session, topology };
  const name = (short: string) => context.session.name(short);
  const b1Address = topology ? addressOn(view, name("b1"), name("netb")) : null;
  const known = (from: string, target: string) => dnsKnows(view, name(from), target);
  const [a1ResolvesA2, d1ResolvesD2, searchLookup, environ, a1PingsSearch, a1PingsB1] = await Promise.all([
    wanted("a1ResolvesA2") && known("a1", name("a2")) ? execOk(name("a1"), ["nslookup", name("a2")]) : false,
    wanted("d1ResolvesD2") ? execOk(name("d1"), ["nslookup", name("d2")]) : false,
    wanted("searchLookup") && known("a1", "search") ? exec(name("a1"), ["nslookup", "search"]).then((result) => result.stdout) : "",
    wanted("legacyEnvAddress") ? exec(name("legacy"), ["cat", "/proc/1/environ"]).then((result) => result.stdout) : "",
    wanted("a1PingsSearch") && known("a1", "search") ? execOk(name("a1"), ["ping", "-c", "1", "-W", "2", "search"]) : false,
    wanted("a1PingsB1") && b1Address ? execOk(name("a1"), ["ping", "-c", "1", "-W", "1", b1Address]) : null,
  ]);
  const env = environ.split("\0").find((l) => l.startsWith("DB_PORT_80_TCP_ADDR="));
  return {
    a1ResolvesA2,
    d1ResolvesD2,
    searchLookup,
    legacyEnvAddress: env?.split("=")[1]?.trim() ?? null,
    a1PingsSearch,
    a1PingsB1,
  };
};

const predictions: PredictionDefinition[] = [
  {
    id: "default-bridge-names",
    question: "d1 and d2 both run on the default bridge. Will `nslookup d2` inside d1 find d2?",
    choices: ["yes", "no"],
    explain:
      "The embedded DNS (127.0.0.11) serves user-defined networks only. On the default bridge a container's /etc/resolv.conf is a copy of the host's (here 127.0.0.1, from --dns), which knows no container names: names on the default bridge need the legacy --link.",
  },
  {
    id: "cross-ping",
    question: "a1 (on netA) pings b1's address on netB. Will it answer?",
    choices: ["yes", "no"],
    explain:
      "The host could route between the two bridges, but Docker isolates its networks from each other: a DROP rule stops the packet (where depends on the engine: the filter isolation chains up to Docker 27, the raw table on 28). Connect a container to both networks to let it talk to both.",
  },
  {
    id: "link-after-restart",
    question: "d1 restarts and gets another address. What happens to db, d1's --link alias, in legacy's /etc/hosts?",
    choices: ["Docker rewrites it with d1's new address", "it keeps d1's old address (stale)", "it disappears"],
    explain:
      "Docker keeps a linked container's /etc/hosts entry up to date when the source restarts. What goes stale are the environment variables --link gave legacy's processes when they started (DB_PORT_80_TCP_ADDR and friends, in /proc/1/environ): a running process keeps its environment. (A new `docker exec` gets fresh values, which hides the problem.)",
  },
];

// Troubleshooting: web3 joined netA with a misspelt alias, so `search` never answers with it.
const misspelAlias = async (context: LabContext): Promise<void> => {
  const net = context.session.name("neta");
  if (!(await findNetwork(net)))
    throw new UsageError("netA does not exist yet: do exercise 1 first (web3 joins netA).", { hint: "Run exercise 1, then this cell again." });
  const name = context.session.name("web3");
  await run("docker", ["rm", "-f", name], { reject: false });
  await run("docker", [
    "run",
    "-d",
    "--name",
    name,
    ...context.session.labelArgs,
    "--network",
    net,
    "--network-alias",
    "serach",
    "--dns",
    "127.0.0.1",
    context.image,
    ...webServerCommand,
  ]);
  context.log(`web3 (${name}) is running on netA; it should take its share of the name search.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom: "web3 was added on netA as a third server behind the name `search`, but `nslookup search` still answers with web1 and web2 only.",
  scenario:
    "The scenario cell runs `web3` on netA with the alias `serach` (a typo). The learner compares what the embedded DNS answers for `search` with the aliases Docker recorded for each container (`docker inspect`: NetworkSettings.Networks.…Aliases / DNSNames), names `wrong-alias`, and reconnects web3 with the right one (`docker network disconnect`, then `docker network connect --alias search`).",
  causes: {
    "wrong-alias": "web3 joined netA under another alias than search",
    "other-network": "web3 runs on another network than netA",
    "no-dns": "web3's embedded DNS is not running",
    "server-stopped": "web3's web server is not running",
  },
  cause: "wrong-alias",
  breakIt: misspelAlias,
};

// Does `search` answer with web3 too? Symptoms only.
const web3Fixed = (facts: Facts): Verdict => {
  const net = nameIn(facts, "neta");
  const web3 = nameIn(facts, "web3");
  const address = addressOn(facts, web3, net);
  if (!containerNamed(facts, web3)?.state.running) return fail("web3 is not running.", hints("Run the scenario cell again: it starts web3."));
  const fix = hints(
    [
      "Compare what the embedded DNS answers for search (nslookup in a1) with what Docker recorded for each web container on netA (docker inspect: the network's Aliases, or DNSNames on Docker 25+).",
      "A running container's aliases on a network are set when it joins the network: leave it and join again with the right alias.",
    ],
    `lab.sh\`docker network disconnect ${net} ${web3}\`; lab.sh\`docker network connect --alias search ${net} ${web3}\``,
  );
  if (!address) return fail("web3 is not on netA.", fix);
  if (!facts.probes.searchLookup.includes(address)) return fail(`nslookup search in a1 does not answer with web3 (${address}).`, fix);
  return pass(`search answers with web3 (${address}) too.`);
};

const checks: LabCheck<Lab04Probes>[] = [
  {
    id: "04.user-bridge",
    concepts: [10],
    title: "neta is a user-defined bridge on the lab's subnet, with a1 and a2 on it",
    points: 2,
    probes: [],
    judge: (facts) => {
      const s = subnets(facts);
      if (!s) return setupNotRun;
      const name = nameIn(facts, "neta");
      const network = networkNamed(facts, name);
      if (!network)
        return fail(
          `There is no network ${name}.`,
          hints(
            ["Exercise 1's network is a user-defined bridge (the bridge driver) with the subnet chosen for you, subnetA."],
            `lab.sh\`docker network create --driver bridge --subnet ${s.a} ${name}\``,
          ),
        );
      if (network.driver !== "bridge") return fail(`${name} uses the ${network.driver} driver.`, "Remove it and create it again with --driver bridge.");
      if (network.ipam.config[0]?.subnet !== s.a)
        return fail(
          `${name}'s subnet is ${network.ipam.config[0]?.subnet ?? "chosen by Docker"}, not ${s.a}.`,
          hints([`Remove the network and create it again with subnetA (${s.a}): that subnet was checked free on this host for you.`]),
        );
      for (const short of ["a1", "a2"]) {
        const address = addressOn(facts, nameIn(facts, short), name);
        if (!address) return fail(`${nameIn(facts, short)} is not running on ${name}.`, runHint(facts, short, name));
        if (!inSubnet(address, s.a)) return fail(`${short}'s address ${address} is not in ${s.a}.`, "Recreate it on the network.");
      }
      return pass(`${name}: bridge ${bridgeInterfaceName(network)}, subnet ${s.a}, a1 and a2 attached.`, { bridge: bridgeInterfaceName(network), subnet: s.a });
    },
  },
  {
    id: "04.dns",
    concepts: [11],
    title: "Names resolve through 127.0.0.11 on the user bridge, and not between two containers of the default bridge",
    points: 2,
    probes: ["a1ResolvesA2", "d1ResolvesD2"],
    judge: (facts) => {
      const answers = facts.answers;
      const [a1, a2, d1, d2] = ["a1", "a2", "d1", "d2"].map((s) => nameIn(facts, s)) as [string, string, string, string];
      if (!containerNamed(facts, a1)?.state.running) return fail("a1 is not running.", "Do exercise 1 first.");
      const resolver = hints(
        ["A container's resolver is the nameserver line of its /etc/resolv.conf (docker exec … cat)."],
        'await lab.answer("resolver", "127.0.0.11")',
      );
      if (answers.resolver !== "127.0.0.11") return fail(`resolver is ${JSON.stringify(answers.resolver)}, not what a1's /etc/resolv.conf says.`, resolver);
      if (!facts.probes.a1ResolvesA2) return fail(`a1 cannot resolve ${a2}.`, "Are a1 and a2 on the same user-defined network?");
      if (answers["a2-from-a1"] !== addressOn(facts, a2, nameIn(facts, "neta")))
        return fail(
          `a2-from-a1 is ${JSON.stringify(answers["a2-from-a1"])}, not a2's address on neta.`,
          hints(["Record the Address line nslookup printed for a2 (not the server's 127.0.0.11)."]),
          { given: answers["a2-from-a1"] },
        );
      for (const [short, name] of [
        ["d1", d1],
        ["d2", d2],
      ] as const) {
        const d = containerNamed(facts, name);
        if (!d?.state.running || !d.networkSettings.networks.bridge)
          return fail(`${name} is not running on the default bridge.`, runHint(facts, short, "bridge", short === "d1" ? "--expose 80 " : ""));
      }
      const live = facts.probes.d1ResolvesD2;
      if (answers["default-bridge-resolves"] !== live)
        return fail(
          `default-bridge-resolves is ${JSON.stringify(answers["default-bridge-resolves"])}, which is not what happens when d1 looks up d2 now.`,
          hints(["From d1, look up d2 (both on the default bridge) and record whether it worked (true or false)."]),
        );
      return pass(
        `On neta, 127.0.0.11 answers container names; on the default bridge d1 ${live ? "found" : "cannot find"} d2 by name: no embedded DNS there.`,
        { live },
      );
    },
  },
  {
    id: "04.alias",
    concepts: [11],
    title: "The alias `search` answers with both web containers (round robin), and you named them from its answers",
    points: 2,
    probes: ["searchLookup"],
    judge: (facts) => {
      const net = nameIn(facts, "neta");
      for (const short of ["web1", "web2"]) {
        const container = containerNamed(facts, nameIn(facts, short));
        const endpoint = container?.networkSettings.networks[net];
        if (!container?.state.running || !endpoint)
          return fail(`${nameIn(facts, short)} is not running on ${net}.`, runHint(facts, short, net, "--network-alias search "));
        if (!endpoint.aliases.includes("search") && !endpoint.dnsNames.includes("search"))
          return fail(
            `${short} has no alias "search" on ${net} (aliases: ${endpoint.aliases.join(", ") || "none"}).`,
            hints(["Aliases are given when a container joins a network (--network-alias): remove it and run it again."]),
          );
      }
      const answered = facts.probes.searchLookup
        .split("\n")
        .filter((l) => l.startsWith("Address") && !l.includes("127.0.0.11"))
        .map((l) => l.split(/:\s*/)[1]?.trim().split(" ")[0] ?? "");
      const byAddress = new Map<string, string>();
      for (const short of ["web1", "web2", "web3"]) {
        const address = addressOn(facts, nameIn(facts, short), net);
        if (address) byAddress.set(address, nameIn(facts, short));
      }
      const members = answered
        .map((a) => byAddress.get(a))
        .filter((n): n is string => Boolean(n))
        .sort();
      const given = facts.answers["search-members"];
      const how = hints(
        [
          "Join two facts: the addresses nslookup search prints (inside a1), and which container holds each address on netA (the Containers map of docker network inspect).",
        ],
        'await lab.answer("search-members", [web1, web2].sort())',
      );
      if (!Array.isArray(given)) return fail("search-members is not a list of container names.", how);
      // web3 (the troubleshooting exercise) may answer for search later: exercise 3 is about web1 and web2.
      const pair = ["web1", "web2"].map((short) => nameIn(facts, short));
      const expected = aliasMembers(facts, net, "search").filter((n) => members.includes(n) && pair.includes(n));
      if ([...given].map(String).sort().join(",") !== expected.join(","))
        return fail(`You recorded ${JSON.stringify(given)}; that is not who answers for search now.`, how, { given });
      return pass(`search → ${expected.join(", ")}: one name, several containers.`, { expected });
    },
  },
  {
    id: "04.isolation",
    title: "neta and netb are isolated: the ping failed, and you found where the engine dropped it",
    concepts: [12],
    points: 2,
    probes: [],
    judge: (facts) => {
      const answers = facts.answers;
      const [neta, netb] = [networkNamed(facts, nameIn(facts, "neta")), networkNamed(facts, nameIn(facts, "netb"))];
      if (!netb) return fail(`There is no network ${nameIn(facts, "netb")}.`, "Create netb (exercise 4) with its subnet.");
      if (!neta) return fail(`There is no network ${nameIn(facts, "neta")}.`, "Do exercise 1 first.");
      if (!addressOn(facts, nameIn(facts, "b1"), netb.name)) return fail("b1 is not running on netb.", runHint(facts, "b1", netb.name));
      if (answers["cross-ping"] !== false)
        return fail(
          `cross-ping is ${JSON.stringify(answers["cross-ping"])}, which is not what a ping from a1 to b1's address does.`,
          hints(["Ping b1's address from a1 (ping -c 1 -W 1) and record whether it answered (true or false)."]),
        );
      const topology = topologyOf(facts);
      const view = { label: labelOf(facts) };
      if (!topology.nat) throw new Error(`iptables could not be read (${topology.warnings.join("; ") || "no NAT view"})`);
      const verdict = crossBridge(topology, topology.nat.tables, neta, netb);
      if (verdict?.verdict !== "DROP" || !verdict.rule)
        return fail(
          `${view.label}: a packet from ${neta.name} to ${netb.name} is not dropped by any rule (${verdict?.verdict ?? "no bridges"}).`,
          "Is the engine's iptables management on (and enable_icc untouched)? Run `npx docker-net-lab doctor`.",
          { path: verdict?.path.map((r) => r.text) ?? [] },
        );
      const expected = `${verdict.rule.table} ${verdict.rule.chain}`;
      const given = typeof answers["isolation-drop"] === "string" ? answers["isolation-drop"].trim().replace(/\s+/g, " ") : answers["isolation-drop"];
      const where =
        verdict.rule.table === "raw"
          ? "in the raw table's PREROUTING, before any filter rule: only packets that come in through b1's own bridge may reach b1"
          : "in the filter table: in from one Docker bridge, out to another";
      if (given !== expected) {
        const bridgeName = typeof given === "string" && given === bridgeInterfaceName(netb);
        return fail(
          `isolation-drop is ${JSON.stringify(answers["isolation-drop"])}; record where your ping was dropped, as "table chain".`,
          bridgeName
            ? "That is netb's bridge, not where the packet died: several DROP rules name it. Compare the DROP rules' packet counters (iptables-save -c, every table) before and after the ping; the one that grew dropped it."
            : 'Read every DROP rule with its counters (iptables-save -c, all tables, raw included) before and after the ping from a1 to b1; the rule whose packets grew by one dropped it. Record its table and chain, e.g. "filter DOCKER-ISOLATION-STAGE-2".',
          { given: answers["isolation-drop"] },
        );
      }
      return pass(`${view.label}: the ping from ${neta.name} to ${netb.name} is dropped ${where}: ${verdict.rule.text}.`, {
        rule: verdict.rule.text,
        path: verdict.path.map((r) => r.text),
        bridge: bridgeInterfaceName(netb),
      });
    },
  },
  {
    id: "04.connect",
    concepts: [12],
    title: "docker network connect let a1 reach b1; disconnect took it back",
    points: 1,
    probes: [],
    judge: (facts) => {
      const answers = facts.answers;
      const a1 = containerNamed(facts, nameIn(facts, "a1"));
      if (!a1?.state.running) return fail("a1 is not running.", "Do exercise 1 first.");
      if (answers["ping-after-connect"] !== true)
        return fail(
          `ping-after-connect is ${JSON.stringify(answers["ping-after-connect"])}.`,
          hints([
            "Give a1 a second leg on netB (docker network connect), ping b1 by name from a1, record whether it answered, then take the leg away (disconnect).",
          ]),
        );
      const nets = Object.keys(a1.networkSettings.networks);
      if (nets.includes(nameIn(facts, "netb")))
        return fail(
          "a1 is still connected to netb.",
          hints(
            ["Take a1's leg on netB away again (docker network disconnect)."],
            `lab.sh\`docker network disconnect ${nameIn(facts, "netb")} ${nameIn(facts, "a1")}\``,
          ),
        );
      return pass(`a1 reached b1 while connected; now a1 is on ${nets.join(", ")} only.`);
    },
  },
  {
    id: "04.link",
    concepts: [11],
    title: "legacy reaches d1 by the --link alias db: its /etc/hosts follows d1's address, its environment variables do not",
    points: 2,
    probes: ["legacyEnvAddress"],
    judge: (facts) => {
      const legacy = containerNamed(facts, nameIn(facts, "legacy"));
      const d1 = nameIn(facts, "d1");
      if (!legacy?.state.running)
        return fail(
          `${nameIn(facts, "legacy")} is not running.`,
          hints(
            ["legacy runs on the default bridge, linked to d1 under the alias db (--link NAME:ALIAS), with --dns 127.0.0.1 and sleep 3600."],
            `lab.sh\`docker run -d --name ${nameIn(facts, "legacy")} --link ${d1}:db --dns 127.0.0.1 ${facts.image} sleep 3600\``,
          ),
        );
      if (!legacy.hostConfig.links.some((link) => link.startsWith(`/${d1}:`) && link.endsWith("/db")))
        return fail(
          `legacy has no link to ${d1} as db (links: ${legacy.hostConfig.links.join(", ") || "none"}).`,
          hints([`Remove it and run it again, linked to ${d1} as db.`]),
        );
      const answers = facts.answers;
      const d1Address = addressOn(facts, d1, "bridge");
      const how = hints(
        [
          "Two places where --link left d1's address in legacy: its /etc/hosts (the db line) and the environment of its main process (DB_PORT_80_TCP_ADDR in /proc/1/environ, NUL-separated; not `docker exec … env`, which gets fresh values). Read both after d1's restart.",
        ],
        'await lab.answer("db-env-address", (await lab.sh`docker exec ${legacy} cat /proc/1/environ`).stdout.split("\\0").find((v) => v.startsWith("DB_PORT_80_TCP_ADDR="))?.split("=")[1])',
      );
      if (answers["db-address"] !== d1Address)
        return fail(`db-address is ${JSON.stringify(answers["db-address"])}, but d1 is ${d1Address} and legacy's /etc/hosts says so.`, how, {
          given: answers["db-address"],
        });
      const envAddress = facts.probes.legacyEnvAddress;
      if (answers["db-env-address"] !== envAddress)
        return fail(`db-env-address is ${JSON.stringify(answers["db-env-address"])}, not what legacy's environment says.`, how, {
          given: answers["db-env-address"],
        });
      return pass(
        envAddress === d1Address
          ? `legacy's /etc/hosts and environment both say db is ${d1Address} (d1 kept its address).`
          : `legacy's /etc/hosts follows d1 (${d1Address}); its main process's DB_PORT_80_TCP_ADDR still says ${envAddress}: --link's environment goes stale, its hosts entry does not.`,
        { hosts: d1Address, env: envAddress },
      );
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "04.web3-fixed",
    title: "You named why web3 did not answer for search and fixed it",
    concepts: [11],
    points: 3,
    probes: ["searchLookup"],
    fixed: web3Fixed,
  }),
  predictionsCheck({ id: "04", predictions }),
  {
    id: "04.live-dns",
    concepts: [11],
    title: "Hidden: a1 pings `search` by name and cannot reach b1 across bridges",
    points: 1,
    probes: ["a1PingsSearch", "a1PingsB1"],
    hidden: true,
    judge: (facts) => {
      const b1Address = addressOn(facts, nameIn(facts, "b1"), nameIn(facts, "netb"));
      if (!facts.probes.a1PingsSearch) return fail("a1 cannot ping search.", "Run web1 and web2 with --network-alias search on neta.");
      if (!b1Address) return fail("b1 is not on netb.", "Create netb and b1 (exercise 4).");
      if (facts.probes.a1PingsB1 === true) return fail(`a1 reaches b1 at ${b1Address}.`, "Disconnect a1 from netb.");
      return pass(`search answers; ${b1Address} on netb is out of reach from a1.`);
    },
  },
];

export const lab04: LabDefinition<Lab04Probes> = {
  id: "04",
  preconditions: [engineInThisNamespace],
  topology: (context) => sessionScope(context, true),
  gather,
  slug: "04-user-bridges-dns",
  title: "User-defined bridges and DNS",
  summary:
    "`docker network create --driver bridge --subnet`, names through 127.0.0.11 (not on the default bridge), `--network-alias` round robin, isolation DROP rules, connect/disconnect, `--link` (hosts kept, env stale); a misspelt alias",
  concepts: [10, 11, 12, 19],
  goals: [
    "make a user-defined bridge with your own subnet and see the Linux bridge behind it",
    "show that names resolve through 127.0.0.11 on a user network and not between containers of the default bridge",
    "tell who answers for a --network-alias, from DNS answers and Docker's records",
    "find where the engine drops a packet between two bridges (by the counter that grew), and let one container into both",
    "say what --link really does (/etc/hosts kept up to date, environment variables that go stale)",
    "find why a container does not answer for its alias, and fix it",
  ],
  predictions,
  troubleshoot,
  setup: async (context) => {
    await freeSubnet(context.session, "net-a");
    await freeSubnet(context.session, "net-b");
  },
  checks,
};
