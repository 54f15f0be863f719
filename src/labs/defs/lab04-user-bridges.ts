// Lab 04 · user-defined bridges and DNS (curriculum concepts 10, 11, 12): custom subnet, 127.0.0.11, aliases, isolation, connect, --link.
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { findContainer, findNetwork } from "../../docker/adapter.js";
import { run } from "../../exec/run.js";
import { bridgeInterfaceName } from "../../topology/model.js";
import { inSubnet } from "../../topology/ipv4.js";
import { crossBridge } from "../../topology/engine-facts.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { readEngineView } from "../engine-view.js";
import { freeSubnet, readParams } from "../free.js";
import type { LabSession } from "../session.js";

// Subnets setup chose for this session.
const subnets = async (session: LabSession): Promise<{ a: string; b: string } | null> => {
  const p = await readParams(session);
  return typeof p["net-a"] === "string" && typeof p["net-b"] === "string" ? { a: p["net-a"], b: p["net-b"] } : null;
};

// Exit code of a command inside a container (0 = it worked).
const execOk = async (container: string, command: string[]): Promise<boolean> =>
  (await run("docker", ["exec", container, ...command], { reject: false, timeout: 20_000 })).exitCode === 0;

// A container's address on one network, or null.
const addressOn = async (container: string, network: string): Promise<string | null> =>
  (await findContainer(container))?.networkSettings.networks[network]?.ipAddress || null;

const runHint = (context: LabContext, short: string, network: string, extra = ""): string =>
  `Run: lab.sh\`docker run -d --name ${context.session.name(short)} --network ${network} ${extra}--dns 127.0.0.1 ${context.image} sleep 3600\`.`;
const noSetup = fail("The lab's setup has not run in this session.", "Run the setup cell at the top of the notebook.");

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "04.user-bridge",
    concepts: [10],
    title: "neta is a user-defined bridge on the lab's subnet, with a1 and a2 on it",
    points: 2,
    run: async (context) => {
      const s = await subnets(context.session);
      if (!s) return noSetup;
      const name = context.session.name("neta");
      const network = await findNetwork(name);
      if (!network) return fail(`There is no network ${name}.`, `lab.sh\`docker network create --driver bridge --subnet ${s.a} ${name}\`.`);
      if (network.driver !== "bridge") return fail(`${name} uses the ${network.driver} driver.`, "Remove it and create it again with --driver bridge.");
      if (network.ipam.config[0]?.subnet !== s.a)
        return fail(
          `${name}'s subnet is ${network.ipam.config[0]?.subnet ?? "chosen by Docker"}, not ${s.a}.`,
          `Remove it (lab.sh\`docker network rm ${name}\`) and create it with --subnet ${s.a}: that subnet was checked free on this host for you.`,
        );
      for (const short of ["a1", "a2"]) {
        const address = await addressOn(context.session.name(short), name);
        if (!address) return fail(`${context.session.name(short)} is not running on ${name}.`, runHint(context, short, name));
        if (!inSubnet(address, s.a)) return fail(`${short}'s address ${address} is not in ${s.a}.`, "Recreate it on the network.");
      }
      return pass(`${name}: bridge ${bridgeInterfaceName(network)}, subnet ${s.a}, a1 and a2 attached.`, { bridge: bridgeInterfaceName(network), subnet: s.a });
    },
  },
  {
    id: "04.dns",
    concepts: [11],
    title: "Names resolve through 127.0.0.11 on the user bridge, and not on the default bridge",
    points: 2,
    run: async (context) => {
      const answers = await context.session.answers();
      const [a1, a2, d1] = ["a1", "a2", "d1"].map((s) => context.session.name(s)) as [string, string, string];
      if (!(await findContainer(a1))?.state.running) return fail("a1 is not running.", "Do exercise 1 first.");
      if (answers.resolver !== "127.0.0.11")
        return fail(`resolver is ${JSON.stringify(answers.resolver)}.`, "Read the nameserver line of /etc/resolv.conf inside a1 and record the address.");
      if (!(await execOk(a1, ["nslookup", a2]))) return fail(`a1 cannot resolve ${a2}.`, "Are a1 and a2 on the same user-defined network?");
      if (answers["a2-from-a1"] !== (await addressOn(a2, context.session.name("neta"))))
        return fail(
          `a2-from-a1 is ${JSON.stringify(answers["a2-from-a1"])}, not a2's address on neta.`,
          "Record the Address line nslookup printed for a2 (not the server's 127.0.0.11).",
          { given: answers["a2-from-a1"] },
        );
      const d = await findContainer(d1);
      if (!d?.state.running || !d.networkSettings.networks.bridge)
        return fail(`${d1} is not running on the default bridge.`, `Run: lab.sh\`docker run -d --name ${d1} --dns 127.0.0.1 ${context.image} sleep 3600\`.`);
      if (answers["default-bridge-resolves"] !== false)
        return fail(
          `default-bridge-resolves is ${JSON.stringify(answers["default-bridge-resolves"])}, expected false.`,
          "Try nslookup of a name from a container on the default bridge and record whether it worked (true/false).",
        );
      return pass("On neta, 127.0.0.11 answers container names; on the default bridge there is no embedded DNS.");
    },
  },
  {
    id: "04.alias",
    concepts: [11],
    title: "The alias `search` answers with both web containers (round robin)",
    points: 2,
    run: async (context) => {
      const net = context.session.name("neta");
      const expected: string[] = [];
      for (const short of ["web1", "web2"]) {
        const container = await findContainer(context.session.name(short));
        const endpoint = container?.networkSettings.networks[net];
        if (!container?.state.running || !endpoint)
          return fail(`${context.session.name(short)} is not running on ${net}.`, runHint(context, short, net, "--network-alias search "));
        if (!endpoint.aliases.includes("search"))
          return fail(
            `${short} has no alias "search" on ${net} (aliases: ${endpoint.aliases.join(", ") || "none"}).`,
            "Remove it and run it again with --network-alias search.",
          );
        expected.push(endpoint.ipAddress);
      }
      const given = (await context.session.answers())["search-addresses"];
      if (!Array.isArray(given)) return fail("search-addresses is not a list.", "Record the addresses nslookup search printed, as an array of strings.");
      const same = [...given].map(String).sort().join(",") === [...expected].sort().join(",");
      if (!same)
        return fail(
          `You recorded ${JSON.stringify(given)}; web1 and web2 are ${expected.join(", ")}.`,
          "Run nslookup search in a1 and collect every Address line (not the server's).",
          { given, expected },
        );
      return pass(`search → ${expected.join(", ")}: one name, several containers.`, { expected });
    },
  },
  {
    id: "04.isolation",
    title: "neta and netb are isolated: the ping failed, and you found where the engine dropped it",
    concepts: [12],
    points: 2,
    run: async (context) => {
      const answers = await context.session.answers();
      const [neta, netb] = [await findNetwork(context.session.name("neta")), await findNetwork(context.session.name("netb"))];
      if (!netb) return fail(`There is no network ${context.session.name("netb")}.`, "Create netb (exercise 4) with its subnet.");
      if (!neta) return fail(`There is no network ${context.session.name("neta")}.`, "Do exercise 1 first.");
      if (!(await addressOn(context.session.name("b1"), netb.name))) return fail("b1 is not running on netb.", runHint(context, "b1", netb.name));
      if (answers["cross-ping"] !== false)
        return fail(
          `cross-ping is ${JSON.stringify(answers["cross-ping"])}, expected false.`,
          "Ping b1's address from a1 (ping -c 1 -W 1) and record whether it answered.",
        );
      const view = await readEngineView();
      const verdict = crossBridge(view, view.tables, neta, netb);
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
    run: async (context) => {
      const answers = await context.session.answers();
      const a1 = await findContainer(context.session.name("a1"));
      if (!a1?.state.running) return fail("a1 is not running.", "Do exercise 1 first.");
      if (answers["ping-after-connect"] !== true)
        return fail(
          `ping-after-connect is ${JSON.stringify(answers["ping-after-connect"])}, expected true.`,
          "Connect a1 to netb, ping b1 by name from a1, record whether it answered.",
        );
      const nets = Object.keys(a1.networkSettings.networks);
      if (nets.includes(context.session.name("netb")))
        return fail("a1 is still connected to netb.", `lab.sh\`docker network disconnect ${context.session.name("netb")} ${context.session.name("a1")}\`.`);
      return pass(`a1 reached b1 while connected; now a1 is on ${nets.join(", ")} only.`);
    },
  },
  {
    id: "04.link",
    concepts: [11],
    title: "legacy reaches d1 by the --link alias db on the default bridge",
    points: 1,
    run: async (context) => {
      const legacy = await findContainer(context.session.name("legacy"));
      const d1 = context.session.name("d1");
      if (!legacy?.state.running)
        return fail(
          `${context.session.name("legacy")} is not running.`,
          `Run: lab.sh\`docker run -d --name ${context.session.name("legacy")} --link ${d1}:db --dns 127.0.0.1 ${context.image} sleep 3600\`.`,
        );
      if (!legacy.hostConfig.links.some((link) => link.startsWith(`/${d1}:`) && link.endsWith("/db")))
        return fail(
          `legacy has no link to ${d1} as db (links: ${legacy.hostConfig.links.join(", ") || "none"}).`,
          `Remove it and run it again with --link ${d1}:db.`,
        );
      const given = (await context.session.answers())["db-address"];
      const d1Address = await addressOn(d1, "bridge");
      if (given !== d1Address)
        return fail(
          `db-address is ${JSON.stringify(given)}, but d1 is ${d1Address}.`,
          "Read the db line of /etc/hosts inside legacy: --link writes a hosts entry, no DNS involved.",
          { given },
        );
      return pass(`legacy's /etc/hosts maps db to ${d1Address}.`);
    },
  },
  {
    id: "04.live-dns",
    concepts: [11],
    title: "Hidden: a1 pings `search` by name and cannot reach b1 across bridges",
    points: 1,
    hidden: true,
    run: async (context) => {
      const a1 = context.session.name("a1");
      const b1Address = await addressOn(context.session.name("b1"), context.session.name("netb"));
      if (!(await execOk(a1, ["ping", "-c", "1", "-W", "2", "search"])))
        return fail("a1 cannot ping search.", "Run web1 and web2 with --network-alias search on neta.");
      if (!b1Address) return fail("b1 is not on netb.", "Create netb and b1 (exercise 4).");
      if (await execOk(a1, ["ping", "-c", "1", "-W", "1", b1Address])) return fail(`a1 reaches b1 at ${b1Address}.`, "Disconnect a1 from netb.");
      return pass(`search answers; ${b1Address} on netb is out of reach from a1.`);
    },
  },
];

export const lab04: LabDefinition = {
  id: "04",
  slug: "04-user-bridges-dns",
  title: "User-defined bridges and DNS",
  summary:
    "`docker network create --driver bridge --subnet`, names through 127.0.0.11 (not on the default bridge), `--network-alias` round robin, isolation DROP rules, connect/disconnect, `--link`",
  concepts: [10, 11, 12, 19],
  setup: async (context) => {
    await freeSubnet(context.session, "net-a");
    await freeSubnet(context.session, "net-b");
  },
  checks,
};
