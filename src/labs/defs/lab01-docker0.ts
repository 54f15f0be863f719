// Lab 01 · docker0: the default bridge (curriculum concepts 1-4, 19).
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import { findContainer } from "../../docker/adapter.js";
import { EnvironmentError } from "../../errors.js";
import { run } from "../../exec/run.js";
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
  type WantedProbes,
} from "../facts.js";
import { predictionsCheck } from "../predictions.js";
import { troubleshootJudge } from "../troubleshoot.js";
import { labLabelKey, ownsLabels } from "../../ownership.js";
import type { Topology } from "../../topology/model.js";
import { inSubnet } from "../../topology/ipv4.js";
import { engineInThisNamespace } from "../preconditions.js";
import { webServerCommand } from "../../setup/image.js";

/** What lab 01's judges measure live: does http://address/ answer from the host (address -> answered)? */
export interface Lab01Probes {
  readonly http: Readonly<Record<string, boolean>>;
}
type Facts = LabFacts<Lab01Probes>;
type View = FactsView;

// The default bridge network and the docker0 interface behind it.
const defaultBridge = (facts: Facts) => {
  const network = networkNamed(facts, "bridge");
  if (!network) throw new Error("the engine has no network `bridge`");
  const ifname = network.options["com.docker.network.bridge.name"] ?? "docker0";
  return { network, ifname, iface: hostOf(facts).interfaces.find((iface) => iface.name === ifname) ?? null };
};

// The lab's two web containers, by their session names.
const webContainers = (facts: Facts) =>
  ["web1", "web2"].map((short) => ({ short, name: nameIn(facts, short), container: containerNamed(facts, nameIn(facts, short)) }));

// web1's address on the default bridge, or undefined.
const web1Address = (facts: View): string | undefined => containerNamed(facts, nameIn(facts, "web1"))?.networkSettings.networks.bridge?.ipAddress || undefined;

// web3 as the troubleshooting check sees it: its Docker endpoint, and whether its eth0 holds that address with that prefix.
const web3State = (facts: View) => {
  const web3 = containerNamed(facts, nameIn(facts, "web3"));
  const endpoint = web3?.networkSettings.networks.bridge;
  const namespace = web3 ? namespaceOfContainer(facts, web3.name) : null;
  const eth0 = namespace?.interfaces.find((i) => i.name === "eth0");
  const holds = Boolean(
    endpoint?.ipAddress && eth0?.addresses.some((a) => a.family === "inet" && a.address === endpoint.ipAddress && a.prefix === endpoint.ipPrefixLen),
  );
  return { web3, endpoint, namespace, holds };
};

// Probe only what a judge will read: web1's address, and web3's when its eth0 holds it (else nothing could answer).
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab01Probes> => {
  if (!wanted("http")) return { http: {} };
  const view: View = { lab: context.session.lab, session: context.session.session, topology };
  const web3 = web3State(view);
  const addresses = [web1Address(view), web3.holds ? web3.endpoint?.ipAddress : undefined].filter((a): a is string => Boolean(a));
  const answered = await Promise.all([...new Set(addresses)].map(async (address) => [address, await answersHttp(address)] as const));
  return { http: Object.fromEntries(answered) };
};

// Does http://address/ answer from the host (a container of this session, on a bridge of this host)?
// Three tries, 0.5 s apart: the probes run as soon as the facts are gathered, and a container restarted by the last
// cell (web3's fix) may not listen yet.
const answersHttp = async (address: string): Promise<boolean> => {
  for (let i = 0; i < 3; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    const ok = await fetch(`http://${address}:80/`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
  }
  return false;
};

const runHint = (facts: Pick<Facts, "lab" | "session" | "image">, short: string) =>
  hints(
    [
      `${short} is one of the two web containers of exercise 2: it runs from the lab's image (lab.image), with no network option, so it lands on the default bridge.`,
      "Keep a process in the foreground, or the container exits at once: busybox's httpd with -f.",
    ],
    `lab.sh\`docker run -d --name ${nameIn(facts, short)} ${facts.image} httpd -f -p 80 -h /var/www\``,
  );

const masqueradeOption = "com.docker.network.bridge.enable_ip_masquerade";

const predictions: PredictionDefinition[] = [
  {
    id: "web2-address",
    question: "You will start web1, then web2, on the default bridge. Which IPv4 address will web2 get?",
    explain:
      "Docker's own IPAM (not DHCP) hands out the lowest free address of the bridge's subnet, in order: .1 is docker0 itself, so on a fresh engine web1 gets 172.17.0.2 and web2 172.17.0.3. On a shared engine other containers already hold some, and a container that restarts may get another one.",
  },
  {
    id: "uplink-on-docker0",
    question:
      "Seed 001 says docker0 ties the containers' veths to the host's eth0. Is the host's uplink (the interface of its default route) a port of docker0?",
    choices: ["yes", "no"],
    explain:
      "A port of a bridge is listed by `brctl show` / `ip link show master docker0`: there you find the containers' vethXXXX ends, and the uplink only if someone plugged it in. Docker never does: traffic from a container leaves by routing (the host forwards from docker0 to its uplink) and outbound NAT rewrites its source (lab 03).",
  },
  {
    id: "web1-gateway",
    question: "Inside web1, where does the default route point?",
    choices: ["docker0's address", "the host's uplink address", "no default route: only its own subnet", "a DHCP server's address"],
    explain:
      "The engine wrote `default via <docker0's address>` into web1's namespace when it connected web1: docker0 is the router of every container on the default bridge, and the host routes (and NATs) from there.",
  },
];

// Troubleshooting: web3's eth0 keeps Docker's address but loses its prefix, so web3 has no route back to the subnet.
const breakWeb3 = async (context: LabContext): Promise<void> => {
  const name = context.session.name("web3");
  let web3 = await findContainer(name);
  if (!web3) {
    await run("docker", ["run", "-d", "--name", name, ...context.session.labelArgs, context.image, ...webServerCommand]);
    web3 = await findContainer(name);
  } else if (!web3.state.running) {
    await run("docker", ["start", name]);
    web3 = await findContainer(name);
  }
  const endpoint = web3?.networkSettings.networks.bridge;
  if (!web3?.state.running || !endpoint?.ipAddress)
    throw new EnvironmentError(`web3 (${name}) did not start on the default bridge.`, {
      hint: "Run this cell again; if it fails again, run `npx docker-net-lab doctor`.",
    });
  const pid = String(web3.state.pid);
  const inside = (argv: string[]) => run("nsenter", ["-t", pid, "-n", "ip", ...argv]);
  await inside(["addr", "flush", "dev", "eth0", "scope", "global"]);
  await inside(["addr", "add", `${endpoint.ipAddress}/32`, "dev", "eth0"]);
  context.log(`web3 (${name}) is running; Docker lists it at ${endpoint.ipAddress}/${endpoint.ipPrefixLen}.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom: "web3 runs and Docker lists it on the default bridge with an address, but its web server does not answer the host at that address (web1's does).",
  scenario:
    "The scenario cell starts `web3` on the default bridge, then (from the host, with `nsenter`) replaces its eth0 address `172.17.0.N/16` by the same address with a `/32` prefix: the subnet route and the default route vanish, so web3 cannot answer anyone. The learner compares Docker's record (`docker network inspect bridge`: `/16`) with the kernel's (`ip addr` inside web3: `/32`), names `wrong-prefix`, and fixes it by restarting web3 (Docker sets the address again) or by hand.",
  causes: {
    "server-stopped": "httpd is not running inside web3",
    "wrong-prefix": "eth0 holds Docker's address with another prefix than Docker assigned, so web3 has no route back to its subnet",
    "no-default-route": "only web3's default route is missing",
    "not-on-bridge": "web3's host veth is not a port of docker0",
  },
  cause: "wrong-prefix",
  breakIt: breakWeb3,
};

// Is web3 fixed? Messages name symptoms, never the cause: the learner diagnoses it.
const web3Fixed = (facts: Facts): Verdict => {
  const name = nameIn(facts, "web3");
  const { web3, endpoint, namespace, holds } = web3State(facts);
  if (!web3) return fail(`There is no container ${name}.`, hints("Run the scenario cell (lab.scenario()) first: it starts web3."));
  if (!web3.state.running) return fail(`web3 is ${web3.state.status}.`, hints("Start web3 again (docker start), then look at it."));
  if (!endpoint?.ipAddress) return fail("web3 is not on the default bridge any more.", hints("Run the scenario cell again to start over."));
  const serves = holds && facts.probes.http[endpoint.ipAddress] === true;
  const fix = hints(
    [
      "Docker keeps a record of what it gave web3 (the Containers map of `docker network inspect bridge`); the kernel has what web3 really holds (`ip addr` and `ip route` inside web3). Compare them, field by field.",
      "Docker writes web3's address, prefix and routes into its namespace each time the container starts.",
    ],
    `lab.sh\`docker restart -t 0 ${name}\``,
  );
  if (!serves) return fail(`http://${endpoint.ipAddress}/ (web3 in Docker's records) does not answer from the host.`, fix, { address: endpoint.ipAddress });
  const gateway = namespace?.routes.find((r) => r.dst === "default")?.gateway;
  if (gateway !== endpoint.gateway)
    return fail(
      `web3 answers the host now, but has no default route via ${endpoint.gateway} (web1 has one): it could not reach anything beyond its subnet.`,
      fix,
      { address: endpoint.ipAddress },
    );
  return pass(`web3 holds ${endpoint.ipAddress}/${endpoint.ipPrefixLen} with a default route via ${gateway}, and answers HTTP.`, {
    address: endpoint.ipAddress,
  });
};

const checks: LabCheck<Lab01Probes>[] = [
  {
    id: "01.docker0-is-bridge",
    concepts: [1],
    title: "You found that the link behind Docker's default network (docker0) is a Linux bridge",
    points: 1,
    probes: [],
    judge: (facts) => {
      const { ifname, iface } = defaultBridge(facts);
      const given = facts.answers["docker0-kind"];
      if (!iface)
        return fail(`There is no ${ifname} interface on this host.`, "Is the engine running with its default bridge? Run `npx docker-net-lab doctor`.");
      const look = hints(
        [
          "Two sources: the Options of Docker's network `bridge` name its Linux bridge; the kernel's link details (`ip -d link`, parsed: `kind`) say what kind of link that is (bridge, veth, macvlan…).",
        ],
        'await lab.answer("docker0-kind", parseIpLink((await lab.sh`ip -j -d link show docker0`).stdout).value[0]?.kind)',
      );
      if (given === undefined) return fail("No answer recorded for docker0-kind.", look);
      if (given !== iface.kind)
        return fail(
          `You recorded "${String(given)}", but ${ifname}'s link kind is something else.`,
          hints(["Look at the `kind` field of the parsed link (from linkinfo.info_kind), not at its name."], look.command),
          { given },
        );
      return pass(`${ifname} is a ${iface.kind}, as you recorded.`, { ifname, kind: iface.kind });
    },
  },
  {
    id: "01.two-containers",
    concepts: [2],
    title: "web1 and web2 run on the default bridge with addresses from its subnet",
    points: 2,
    probes: [],
    judge: (facts) => {
      const { network } = defaultBridge(facts);
      const subnet = network.ipam.config[0]?.subnet ?? "";
      const found = webContainers(facts);
      for (const { short, name, container } of found) {
        if (!container) return fail(`No container named ${name}.`, runHint(facts, short), { name });
        if (!container.state.running)
          return fail(
            `${name} exists but is ${container.state.status}.`,
            hints(
              ["A container runs as long as its main process: httpd -f stays in the foreground, a shell without a terminal exits at once."],
              `lab.sh\`docker rm -f ${name}\`, then start it again`,
            ),
          );
        const endpoint = container.networkSettings.networks.bridge;
        if (!endpoint)
          return fail(
            `${name} is not on the default bridge (networks: ${Object.keys(container.networkSettings.networks).join(", ") || "none"}).`,
            hints(
              ["Without a --network option, docker run puts a container on the default bridge network (docker0)."],
              `lab.sh\`docker rm -f ${name}\`, then run it again without --network`,
            ),
          );
        if (!endpoint.ipAddress || !inSubnet(endpoint.ipAddress, subnet))
          return fail(
            `${short}'s address ${endpoint.ipAddress || "(none)"} is not in ${subnet}.`,
            "Containers on the default bridge get addresses from docker0's subnet; recreate the container.",
          );
      }
      const addresses = found.map(({ container }) => container?.networkSettings.networks.bridge?.ipAddress);
      if (addresses[0] === addresses[1]) return fail("web1 and web2 share an address.", "Recreate them: each container gets its own address.");
      return pass(`web1 is ${addresses[0]} and web2 is ${addresses[1]}, both in ${subnet}.`, { subnet, addresses });
    },
  },
  {
    id: "01.gateway-owner",
    concepts: [3],
    title: "You found which host interface owns web1's default gateway (read inside web1, matched on the host)",
    points: 2,
    probes: [],
    judge: (facts) => {
      const web1 = containerNamed(facts, nameIn(facts, "web1"));
      if (!web1?.state.running) return fail("web1 is not running.", runHint(facts, "web1"));
      const gateway = namespaceOfContainer(facts, web1.name)?.routes.find((route) => route.dst === "default")?.gateway;
      if (!gateway) return fail("web1 has no default route.", "web1 should run on the default bridge (exercise 2).");
      const owner = hostOf(facts).interfaces.find((iface) => iface.addresses.some((a) => a.address === gateway));
      const given = facts.answers["gateway-owner"];
      const how = hints(
        [
          "Two facts to join: the gateway of web1's default route (inside web1: its routing table), and the host interface that holds that address (on the host: every interface with its addresses).",
          "Parse `ip route` inside web1 and `ip -j addr` on the host; find the host interface whose addresses include the gateway.",
        ],
        'const gw = parseIpRoute((await lab.sh`docker exec ${web1} ip route`).stdout).value.find((r) => r.dst === "default")?.gateway; await lab.answer("gateway-owner", parseIpAddr((await lab.sh`ip -j addr`).stdout).value.find((i) => i.addresses.some((a) => a.address === gw))?.name)',
      );
      if (given === undefined) return fail("No answer recorded for gateway-owner.", how);
      if (given !== owner?.name) return fail(`You recorded ${JSON.stringify(given)}, but that host interface does not hold web1's gateway.`, how, { given });
      return pass(`web1's default route goes via ${gateway}, the address of ${owner.name} on the host: the bridge is the containers' router.`, {
        gateway,
        owner: owner.name,
      });
    },
  },
  {
    id: "01.inspect-bridge",
    concepts: [4],
    title: "You read the subnet and web1's entry from `docker network inspect bridge`",
    points: 2,
    probes: [],
    judge: (facts) => {
      const { network } = defaultBridge(facts);
      const answers = facts.answers;
      const subnet = network.ipam.config[0]?.subnet;
      if (answers["bridge-subnet"] !== subnet)
        return fail(
          `bridge-subnet is ${JSON.stringify(answers["bridge-subnet"])}, expected the IPAM subnet.`,
          hints(
            ["IPAM (IP address management) is where Docker keeps a network's subnet and gateway: the parsed network's `ipam.config`."],
            'await lab.answer("bridge-subnet", bridge.ipam.config[0]?.subnet)',
          ),
          { given: answers["bridge-subnet"] },
        );
      const web1 = Object.values(network.containers).find((entry) => entry.name === nameIn(facts, "web1"));
      if (!web1) return fail("web1 is not in the Containers map of the bridge network.", "Is web1 running on the default bridge? (See 01.two-containers.)");
      if (answers["web1-inspect-address"] !== web1.ipv4Address)
        return fail(
          `web1-inspect-address is ${JSON.stringify(answers["web1-inspect-address"])}, but the Containers map says ${web1.ipv4Address}.`,
          hints(
            ["The Containers map of the parsed network lists every container on it, by id, with its name and ipv4Address (as printed, with the /prefix)."],
            'await lab.answer("web1-inspect-address", Object.values(bridge.containers).find((c) => c.name === web1)?.ipv4Address)',
          ),
          { given: answers["web1-inspect-address"] },
        );
      return pass(`The bridge network's subnet is ${subnet}; web1 is listed as ${web1.ipv4Address}.`, { subnet, web1: web1.ipv4Address });
    },
  },
  {
    id: "01.nat-option",
    concepts: [4],
    title: "You chose the Option of the bridge network that turns outbound NAT off",
    points: 1,
    probes: [],
    judge: (facts) => {
      const { network } = defaultBridge(facts);
      const given = facts.answers["nat-option"];
      const how = hints(
        [
          "Outbound NAT (the host rewriting a container's source address on the way out) is called IP masquerading; one of the bridge network's `options` switches it.",
        ],
        `await lab.answer("nat-option", "${masqueradeOption}")`,
      );
      if (typeof given !== "string") return fail("No answer recorded for nat-option.", how);
      if (!(given in network.options))
        return fail(`"${given}" is not one of the bridge network's Options (${Object.keys(network.options).length} of them on this engine).`, how, { given });
      if (given !== masqueradeOption) return fail(`"${given}" = ${network.options[given]} does something else.`, how, { given });
      return pass(
        `${masqueradeOption} is ${network.options[given]} on this engine: containers' packets leave with the host's address (lab 03 shows the MASQUERADE rule it makes).`,
        { value: network.options[given] },
      );
    },
  },
  {
    id: "01.safe-cleanup",
    concepts: [19],
    title: "You listed exactly this lab's containers with a label filter (what a safe cleanup removes)",
    points: 1,
    probes: [],
    judge: (facts) => {
      const truth = (facts.topology?.containers ?? [])
        .filter((c) => ownsLabels(c.labels, facts.session) && c.labels[labLabelKey] === facts.lab)
        .map((c) => c.name)
        .sort();
      const given = facts.answers["my-containers"];
      const how = hints(
        [
          "Everything this lab made carries two labels: io.docker-net-lab.session and io.docker-net-lab.lab. `docker ps` can filter by label, and -a includes stopped containers.",
        ],
        `lab.sh\`docker ps -a --filter label=io.docker-net-lab.session=${facts.session} --filter label=io.docker-net-lab.lab=01 --format {{.Names}}\``,
      );
      if (!Array.isArray(given)) return fail("No answer recorded for my-containers.", how);
      const names = given.map(String);
      const foreign = names.filter((name) => !truth.includes(name));
      if (foreign.length)
        return fail(
          `Your list names ${foreign.length} container(s) this lab did not make (${foreign.slice(0, 3).join(", ")}).`,
          hints(
            [
              "That is what `docker ps -aq` does: it lists every container on the machine, and `rm -f` on it would destroy other work. Filter by both of the lab's labels.",
            ],
            how.command,
          ),
          { given: names, truth },
        );
      const missing = truth.filter((name) => !names.includes(name));
      if (missing.length)
        return fail(`Your list misses ${missing.join(", ")}.`, hints(["Stopped containers count too (docker ps -a); use both label filters."], how.command), {
          given: names,
          truth,
        });
      if (truth.length === 0) return fail("This lab has no containers yet.", "Do exercise 2 first, then list them.");
      return pass(`Your list is exactly the lab's ${truth.length} container(s): ${truth.join(", ")}.`, { truth });
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "01.web3-fixed",
    title: "You named why web3 did not answer and fixed it",
    concepts: [2, 3, 4],
    points: 3,
    probes: ["http"],
    fixed: web3Fixed,
  }),
  predictionsCheck({ id: "01", predictions }),
  {
    id: "01.web1-serves",
    concepts: [2, 3],
    title: "Hidden: web1 answers HTTP on its bridge address from the host",
    points: 1,
    probes: ["http"],
    hidden: true,
    judge: (facts) => {
      const address = web1Address(facts);
      if (!address) return fail("web1 has no address on the default bridge.", runHint(facts, "web1"));
      return facts.probes.http[address] === true
        ? pass(`http://${address}/ answered from the host.`)
        : fail(`http://${address}/ did not answer.`, "Start web1 with `httpd -f -p 80` so it serves /var/www.");
    },
  },
];

export const lab01: LabDefinition<Lab01Probes> = {
  id: "01",
  preconditions: [engineInThisNamespace],
  topology: (context) => sessionScope(context),
  gather,
  slug: "01-docker0",
  title: "docker0: the default bridge",
  summary:
    "docker0 is a bridge (not bridged to eth0); containers on it get addresses from Docker's IPAM and route via docker0; `docker network inspect bridge`; a container that does not answer",
  concepts: [1, 2, 3, 4, 19],
  goals: [
    "show that docker0 is a Linux bridge, and which interfaces are its ports (and that the uplink is not one)",
    "say which address a new container gets, from where (Docker's IPAM, not DHCP), and that it can change",
    "find a container's gateway inside it and the host interface that owns it",
    "read `docker network inspect bridge`: IPAM, the Containers map, the Options (which one stops NAT)",
    "compare Docker's record of a container with what its namespace really holds, and fix a container that does not answer",
    "list exactly what a lab made (label filters), never `docker ps -aq`",
  ],
  predictions,
  troubleshoot,
  setup: async () => {
    await run("docker", ["network", "inspect", "bridge", "--format", "{{.Name}}"], { timeout: 15_000 });
  },
  checks,
};
