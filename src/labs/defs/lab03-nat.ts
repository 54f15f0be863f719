// Lab 03 · NAT and port publishing (curriculum concepts 6, 7, 8, 9, 19): MASQUERADE, DNAT, FORWARD accept, docker-proxy, hairpin.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import { run } from "../../exec/run.js";
import type { IptablesRule } from "../../parse/models.js";
import { inSubnet } from "../../topology/ipv4.js";
import { engineLabel, portPaths } from "../../topology/engine-facts.js";
import type { Masquerade, NatView, PublishedPort, RuleRef, Topology } from "../../topology/model.js";
import { matchOption } from "../../topology/nat.js";
import type { LabCheck, LabContext, LabDefinition, PredictionDefinition, TroubleshootDefinition } from "../definition.js";
import { publishedPort } from "../engine-view.js";
import { containerNamed, type FactsView, hostOf, type LabFacts, nameIn, networkNamed, sessionScope, topologyOf, type WantedProbes } from "../facts.js";
import { freePort, freeSubnet, hostAddress, readParams } from "../free.js";
import { iptablesSave } from "../../exec/commands.js";
import { parseIptablesSave, shellWords } from "../../parse/iptables-save.js";
import { deleteLink, deleteNetns, deleteRulesTagged, netnsPids, stopNetnsProcesses } from "../kernel-objects.js";
import { kernelName, objectName } from "../../ownership.js";
import { predictionsCheck } from "../predictions.js";
import type { LabSession } from "../session.js";
import { troubleshootJudge } from "../troubleshoot.js";
import { buildCable, serveInNamespace, writeWebRoot } from "../cable.js";
import { engineInThisNamespace, setupNotRun } from "../preconditions.js";
import { webServerCommand } from "../../setup/image.js";

/** What a command run for a probe printed. */
export interface ProbeOutput {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** What lab 03's judges measure live (requests from the host, from containers and from the lab's namespaces), as plain data. */
export interface Lab03Probes {
  /** curl http://127.0.0.1:web2Port/ from the host (the troubleshooting exercise). */
  readonly web2Answers: boolean;
  /** The internet namespace fetched http://hostSide:pubPort/. */
  readonly internetGetsPub: boolean;
  /** pub fetched its own published address http://hostSide:pubPort/ (hairpin). */
  readonly pubReachesItself: boolean;
  /** curl http://handServer/ from the host. */
  readonly handServer: ProbeOutput;
  /** The folder the hand-made server serves (in the session's state folder). */
  readonly handWww: string;
  /** Processes inside the hand-made namespace. */
  readonly handPids: readonly number[];
  /** /proc/sys/net/ipv4/ip_forward, trimmed ("" when unreadable). */
  readonly ipForward: string;
  /** The internet server's /cgi-bin/ip, requested from the hand-made namespace: the source address it saw. */
  readonly handToInternet: ProbeOutput;
  /** http://hostSide:handPort/, requested from the internet namespace (through the learner's DNAT). */
  readonly internetToHand: ProbeOutput;
  /** The internet server's /cgi-bin/ip, requested from inside web. */
  readonly webToInternet: ProbeOutput;
  /** fetch http://127.0.0.1:webPort/ from the host answered. */
  readonly loopbackAnswers: boolean;
}
type Facts = LabFacts<Lab03Probes>;

/** Kernel names of the "internet" namespace and its host end. */
export const internetNames = (session: Pick<LabSession, "ifname">) => ({ ns: session.ifname("3in"), hostEnd: session.ifname("3h") });

/** Part 8, NAT by hand: the learner's bridge, the server's namespace, the host end of its veth; the comment every rule carries. */
export const handNames = (session: Pick<LabSession, "ifname" | "name">) => ({
  bridge: session.ifname("3br"),
  ns: session.ifname("3sv"),
  hostEnd: session.ifname("3sh"),
  tag: session.name("nat"),
});

// The same names for the session the facts are of.
const namesOf = (facts: Pick<FactsView, "session" | "lab">) => ({
  ifname: (short: string) => kernelName(facts.session, short),
  name: (short: string) => objectName(facts.session, facts.lab, short),
});

interface HandParams {
  readonly subnet: string;
  readonly port: number;
  readonly gateway: string;
  readonly server: string;
  readonly prefix: string;
}
interface LabParams {
  readonly port: number;
  readonly internet: string;
  readonly pubPort: number;
  readonly web2Port: number;
}

// The hand-made network's subnet and the host port its DNAT rule publishes (chosen at setup).
const handParamsOf = (p: Readonly<Record<string, string | number>>): HandParams | null => {
  if (typeof p["hand-subnet"] !== "string" || typeof p["hand-port"] !== "number") return null;
  const subnet = p["hand-subnet"];
  return { subnet, port: p["hand-port"], gateway: hostAddress(subnet, 1), server: hostAddress(subnet, 2), prefix: subnet.split("/")[1] ?? "24" };
};
const handParams = async (session: LabSession): Promise<HandParams | null> => handParamsOf(await readParams(session));

// The folder the hand-made server serves (its page names it, so a check knows who answered).
const handWww = (session: Pick<LabSession, "dir">): string => join(session.dir, "hand-www");
const handPage = "the hand-made server (lab 03, part 8)";

// What setup chose for this session.
const paramsOf = (p: Readonly<Record<string, string | number>>): LabParams | null =>
  typeof p["web-port"] === "number" && typeof p.internet === "string" && typeof p["pub-port"] === "number" && typeof p["web2-port"] === "number"
    ? { port: p["web-port"], internet: p.internet, pubPort: p["pub-port"], web2Port: p["web2-port"] }
    : null;
const params = async (session: LabSession): Promise<LabParams | null> => paramsOf(await readParams(session));

// The NAT view of the snapshot (the lab asks for one); a judge gets an error saying so when iptables could not be read.
const natOf = (facts: FactsView): NatView => {
  const nat = topologyOf(facts).nat;
  if (!nat) throw new Error(`iptables could not be read (${topologyOf(facts).warnings.join("; ") || "no NAT view"})`);
  return nat;
};

// A rule as `iptables-save` prints it after `-A CHAIN` (nftables rules as they are).
const specOf = (rule: RuleRef): string => rule.text.replace(/^-A \S+ /, "");

// The engine as messages name it (`Docker 20.10.24`).
const labelOf = (facts: FactsView): string => engineLabel(topologyOf(facts).engineVersion);

/** docker0's outbound MASQUERADE (`-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`), as topology/nat.ts found it. */
const docker0Masquerade = (facts: FactsView): Masquerade | undefined => {
  const ifname = networkNamed(facts, "bridge")?.options["com.docker.network.bridge.name"] ?? "docker0";
  return natOf(facts).masquerade.find((m) => m.exceptOut === ifname);
};

// A container's published port at `hostPort` with its DNAT rule, as topology/nat.ts joined them, or undefined.
const dnatFor = (facts: FactsView, container: string, hostPort: number): (PublishedPort & { dnat: RuleRef }) | undefined =>
  natOf(facts).published.find((p): p is PublishedPort & { dnat: RuleRef } => p.container === container && p.hostPort === hostPort && p.dnat !== null);

// Every rule of every table whose comment is `tag`, with its table and chain.
const tagged = (facts: FactsView, tag: string): { table: string; chain: string; rule: IptablesRule }[] =>
  natOf(facts).tables.flatMap((table) =>
    table.chains.flatMap((chain) => chain.rules.filter((rule) => rule.comment === tag).map((rule) => ({ table: table.name, chain: chain.name, rule }))),
  );

// The learner's tagged DNAT rule for the hand-made server's port.
const handDnat = (facts: FactsView, tag: string, port: number) =>
  tagged(facts, tag).find((r) => r.table === "nat" && r.rule.target === "DNAT" && matchOption(r.rule, "dport") === String(port));

// A named (`ip netns`) namespace of the snapshot, or undefined.
const netnsNamed = (facts: FactsView, name: string) => topologyOf(facts).namespaces.find((ns) => ns.kind === "netns" && ns.name === name);

// web's address on the default bridge, or null.
const webAddress = (facts: FactsView): string | null => containerNamed(facts, nameIn(facts, "web"))?.networkSettings.networks.bridge?.ipAddress || null;

const webHint = (facts: Pick<Facts, "lab" | "session" | "image">, port: number | string) =>
  hints(
    [
      "web is exercise 2's container: the lab's web server (httpd -f -p 80 -h /var/www) on the default bridge, its port 80 published on the host's loopback only, at the port chosen for you (-p HOST_IP:HOST_PORT:CONTAINER_PORT).",
    ],
    `lab.sh\`docker run -d --name ${nameIn(facts, "web")} -p 127.0.0.1:${port}:80 ${facts.image} httpd -f -p 80 -h /var/www\``,
  );

// pub: a container published on the lab-made address of the internet link (only the internet namespace reaches it).
const pubHint = (facts: Pick<Facts, "lab" | "session" | "image">, hostSide: string, port: number) =>
  hints(
    [`pub is exercise 7's container: the same web server, published on the host's address of the internet link (${hostSide}), not on 127.0.0.1, at pubPort.`],
    `lab.sh\`docker run -d --name ${nameIn(facts, "pub")} -p ${hostSide}:${port}:80 ${facts.image} httpd -f -p 80 -h /var/www\``,
  );

// A command's outcome as a probe (never throws).
const probe = async (argv: string[], timeout: number): Promise<ProbeOutput> => {
  const result = await run(argv[0] as string, argv.slice(1), { reject: false, timeout });
  return { ok: result.exitCode === 0, stdout: result.stdout, stderr: result.stderr };
};
// What a probe that was not run gives (no setup, no namespace to run it in): the judges say why before they read it.
const notProbed: ProbeOutput = { ok: false, stdout: "", stderr: "" };

// The live measurements the judges of this run read (`wanted`), at once: each has its own time limit, a missing piece
// fails at once, and one no judge reads is not made (the hand-built network's probes wait out their timeouts until
// the learner has built it: 8 s for a check that reads none of them).
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab03Probes> => {
  const [p, hp] = [await params(context.session), await handParams(context.session)];
  const internet = internetNames(context.session).ns;
  const hand = handNames(context.session);
  const ipForward = (await readFile("/proc/sys/net/ipv4/ip_forward", "utf8").catch(() => "")).trim();
  if (!p || !hp)
    return {
      web2Answers: false,
      internetGetsPub: false,
      pubReachesItself: false,
      handServer: notProbed,
      handWww: handWww(context.session),
      handPids: [],
      ipForward,
      handToInternet: notProbed,
      internetToHand: notProbed,
      webToInternet: notProbed,
      loopbackAnswers: false,
    };
  const [hostSide, internetServer] = [hostAddress(p.internet, 1), hostAddress(p.internet, 2)];
  const inNs = (ns: string, argv: string[]) => ["ip", "netns", "exec", ns, "busybox", ...argv];
  const handNs = topology?.namespaces.some((ns) => ns.kind === "netns" && ns.name === hand.ns) ?? false;
  const measured = <T>(key: keyof Lab03Probes, measure: () => Promise<T>, otherwise: T): Promise<T> => (wanted(key) ? measure() : Promise.resolve(otherwise));
  const [web2, pub, hairpin, handServer, handPids, handToInternet, internetToHand, webToInternet, loopbackAnswers] = await Promise.all([
    // curl, not fetch: against docker-proxy with nothing behind it, Node's fetch can wait on a socket that keeps no
    // handle alive, and the CLI then exits (code 13) in the middle of its checks.
    measured("web2Answers", () => probe(["curl", "-sf", "-o", "/dev/null", "--max-time", "3", `http://127.0.0.1:${p.web2Port}/`], 10_000), notProbed),
    measured("internetGetsPub", () => probe(inNs(internet, ["wget", "-q", "-O", "/dev/null", `http://${hostSide}:${p.pubPort}/`]), 15_000), notProbed),
    measured(
      "pubReachesItself",
      () => probe(["docker", "exec", context.session.name("pub"), "wget", "-q", "-O", "/dev/null", `http://${hostSide}:${p.pubPort}/`], 15_000),
      notProbed,
    ),
    measured("handServer", () => probe(["curl", "-sS", "--max-time", "3", `http://${hp.server}/`], 10_000), notProbed),
    measured("handPids", () => (handNs ? netnsPids(hand.ns) : Promise.resolve([])), []),
    measured(
      "handToInternet",
      () => (handNs ? probe(inNs(hand.ns, ["wget", "-q", "-O", "-", `http://${internetServer}/cgi-bin/ip`]), 8_000) : Promise.resolve(notProbed)),
      notProbed,
    ),
    measured("internetToHand", () => probe(inNs(internet, ["wget", "-q", "-O", "-", `http://${hostSide}:${hp.port}/`]), 8_000), notProbed),
    measured(
      "webToInternet",
      () => probe(["docker", "exec", context.session.name("web"), "wget", "-qO-", `http://${internetServer}/cgi-bin/ip`], 15_000),
      notProbed,
    ),
    measured(
      "loopbackAnswers",
      () =>
        fetch(`http://127.0.0.1:${p.port}/`, { signal: AbortSignal.timeout(5_000) }).then(
          (r) => r.ok,
          () => false,
        ),
      false,
    ),
  ]);
  return {
    web2Answers: web2.ok,
    internetGetsPub: pub.ok,
    pubReachesItself: hairpin.ok,
    handServer,
    handWww: handWww(context.session),
    handPids,
    ipForward,
    handToInternet,
    internetToHand,
    webToInternet,
    loopbackAnswers,
  };
};

const predictions: PredictionDefinition[] = [
  {
    id: "loopback-path",
    question: "The notebook (on the host) requests http://127.0.0.1:port/, web's published port. What answers the request first?",
    choices: ["a DNAT rule in the kernel", "docker-proxy, a process of the engine", "nothing: 127.0.0.1 cannot reach a container"],
    explain:
      "It depends on the engine's userland proxy. With it (the default), nat OUTPUT leaves 127.0.0.0/8 alone and docker-proxy, listening on 127.0.0.1:port, copies the bytes to web:80. Without it (--userland-proxy=false), nat OUTPUT sends 127.0.0.1 through the DNAT rule too.",
  },
  {
    id: "internet-sees",
    question: "web (172.17.0.x) requests the internet server. Which source address will the server see?",
    choices: ["web's own 172.17.0.x", "the host's address on the internet link (hostSide)", "docker0's 172.17.0.1"],
    explain:
      "The request leaves docker0, the host routes it to the internet link, and on the way out nat POSTROUTING's MASQUERADE rewrites its source to the outgoing interface's address. conntrack remembers the rewrite and undoes it for the replies.",
  },
  {
    id: "dnat-first-packet",
    question:
      "The internet namespace makes three requests (three TCP connections) to pub's published port. By how many packets will that port's DNAT rule counter grow?",
    explain:
      "A nat rule sees only the first packet of a connection (the SYN): conntrack records the translation and applies it to every later packet and to the replies without asking the nat table again. Three connections, three packets, however many bytes follow.",
  },
  {
    id: "hand-before-dnat",
    question:
      "Your namespace's server runs, forwarding is on, but there is no DNAT rule yet. The internet namespace requests http://hostSide:handPort/. What happens?",
    choices: [
      "the server's page: the host forwards it to the namespace",
      "refused: nothing on the host listens on that port",
      "no answer: the FORWARD chain drops it",
    ],
    explain:
      "hostSide is the host's own address, so without DNAT the packet is for the host itself: PREROUTING leaves it alone, routing delivers it locally (INPUT), no process listens on handPort, and the kernel answers the SYN with a reset. Forwarding never comes into it: a packet is forwarded only when its destination is another machine's address, which only DNAT can make it.",
  },
  {
    id: "hand-source-seen",
    question: "Through your DNAT rule, the internet namespace requests the server's /cgi-bin/ip. Which source address will the server see?",
    choices: [
      "the internet namespace's own address (internetServer)",
      "the host's address on the internet link (hostSide)",
      "the hand-made bridge's gateway address",
    ],
    explain:
      "DNAT rewrites the destination only. The source stays the internet's own address, and the server's reply goes to it through its default route (the bridge's gateway, the host), where conntrack undoes the DNAT: the reply's source becomes hostSide:handPort again. That is why a published container sees its real clients' addresses; a MASQUERADE would hide them, and it is not applied here because the packet leaves by your bridge, which your MASQUERADE rule excludes (! -o).",
  },
];

// Troubleshooting: web2 is published, but on a container port nothing listens on.
const publishWrong = async (context: LabContext): Promise<void> => {
  const p = await params(context.session);
  if (!p) throw new Error("lab 03's setup has not run");
  const name = context.session.name("web2");
  await run("docker", ["rm", "-f", name], { reject: false });
  await run("docker", ["run", "-d", "--name", name, ...context.session.labelArgs, "-p", `127.0.0.1:${p.web2Port}:8080`, context.image, ...webServerCommand]);
  context.log(`web2 (${name}) is running its web server; Docker lists 127.0.0.1:${p.web2Port} for it.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom: "web2 runs its web server and Docker lists a published port for it (127.0.0.1:web2Port), but a request to that port gets no page.",
  scenario:
    "The scenario cell starts `web2` with `-p 127.0.0.1:PORT:8080` while its web server listens on 80. The learner reads the PORTS column of `docker ps` (`127.0.0.1:PORT->8080/tcp`, the seed's view), the DNAT rule's `--to-destination` (`…:8080`), and what listens inside web2 (`netstat -ltn`: port 80), names `wrong-container-port`, and publishes it again on port 80.",
  causes: {
    "wrong-container-port": "the published port leads to a container port nothing listens on",
    "wrong-host-address": "the port is published on another host address than the one requested",
    "no-forward-accept": "the FORWARD chain drops the rewritten packets",
    "server-stopped": "web2's web server is not running",
  },
  cause: "wrong-container-port",
  breakIt: publishWrong,
};

// Does 127.0.0.1:web2Port answer? Symptoms only, never the cause.
const web2Fixed = (facts: Facts): Verdict => {
  const p = paramsOf(facts.params);
  if (!p) return setupNotRun;
  const name = nameIn(facts, "web2");
  if (!containerNamed(facts, name)?.state.running) return fail("web2 is not running.", hints("Run the scenario cell again: it starts web2."));
  if (facts.probes.web2Answers) return pass(`http://127.0.0.1:${p.web2Port}/ answers.`);
  return fail(
    `http://127.0.0.1:${p.web2Port}/ still gets no page.`,
    hints(
      [
        "Follow the request: which host address and port are published, to which container port (the PORTS column of `docker ps`, `docker port`, the DNAT rule's --to-destination), and on which port the server inside really listens (`netstat -ltn` inside web2).",
        "A published port's mapping is fixed when the container is created: remove web2 and run it again with the right -p.",
      ],
      `lab.sh\`docker rm -f ${name}\`; lab.sh\`docker run -d --name ${name} -p 127.0.0.1:${p.web2Port}:80 ${facts.image} httpd -f -p 80 -h /var/www\``,
    ),
  );
};

const checks: LabCheck<Lab03Probes>[] = [
  {
    id: "03.masquerade",
    concepts: [7],
    title: "You found the MASQUERADE rule for docker0's subnet in nat POSTROUTING",
    points: 1,
    probes: [],
    judge: (facts) => {
      const rule = docker0Masquerade(facts);
      const given = facts.answers["masquerade-source"];
      if (!rule)
        return fail(
          "There is no MASQUERADE rule for docker0 on this host.",
          "Is the engine running with ip masquerade enabled? Run `npx docker-net-lab doctor`.",
        );
      if (given === undefined)
        return fail(
          "No answer recorded for masquerade-source.",
          hints(
            [
              'Outbound NAT is done in nat POSTROUTING: the rule whose target is MASQUERADE and that leaves traffic staying on docker0 alone (outInterface "!docker0"). Its source (-s) says whose packets it rewrites.',
            ],
            'await lab.answer("masquerade-source", (await natRules()).find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.outInterface === "!docker0")?.source)',
          ),
        );
      if (given !== rule.subnet)
        return fail(
          `You recorded ${JSON.stringify(given)}, but the rule's source is ${rule.subnet}.`,
          "Take the `source` field (-s) of the rule with `! -o docker0`, not of a per-container (hairpin) rule.",
          { given, rule: specOf(rule.rule) },
        );
      return pass(`Packets from ${rule.subnet} leaving by any interface but docker0 get the outgoing interface's address.`, { rule: specOf(rule.rule) });
    },
  },
  {
    id: "03.published",
    concepts: [8],
    title: "web publishes container port 80 on 127.0.0.1 at the lab's port",
    points: 2,
    probes: [],
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const web = containerNamed(facts, nameIn(facts, "web"));
      if (!web) return fail(`No container named ${nameIn(facts, "web")}.`, webHint(facts, p.port));
      if (!web.state.running) return fail(`web exists but is ${web.state.status}.`, webHint(facts, p.port));
      const bindings = web.networkSettings.ports["80/tcp"] ?? [];
      if (bindings.length === 0) return fail("web's port 80 is not published.", webHint(facts, p.port));
      const wrong = bindings.find((b) => b.hostIp !== "127.0.0.1");
      if (wrong)
        return fail(
          `web is published on ${wrong.hostIp || "0.0.0.0"}:${wrong.hostPort}: that is reachable from outside this machine.`,
          `Publish on loopback only: -p 127.0.0.1:${p.port}:80 (remove web and run it again).`,
          { bindings },
        );
      if (!bindings.some((b) => b.hostPort === String(p.port)))
        return fail(
          `web is published on port ${bindings.map((b) => b.hostPort).join(", ")}, not ${p.port}.`,
          `Use the variable port (${p.port}): it was chosen free for your session.`,
          { bindings },
        );
      return pass(`127.0.0.1:${p.port} → web:80.`, { bindings });
    },
  },
  {
    id: "03.dnat",
    concepts: [8],
    title: "You read the DNAT rule Docker added to the nat DOCKER chain for your port",
    points: 2,
    probes: [],
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const address = webAddress(facts);
      if (!address) return fail("web is not running on the default bridge.", webHint(facts, p.port));
      const port = dnatFor(facts, nameIn(facts, "web"), p.port);
      if (!port) return fail(`There is no DNAT rule for port ${p.port} in nat DOCKER.`, "Publish web's port first (03.published).");
      const to = `${port.containerIp}:${port.containerPort}`;
      const given = facts.answers["dnat-to"];
      if (given === undefined)
        return fail(
          "No answer recorded for dnat-to.",
          hints(
            [
              "Port publishing is a DNAT rule in the nat table's DOCKER chain: the one whose --dport is your port. Its --to-destination says where the packet goes instead.",
            ],
            'await lab.answer("dnat-to", (await natRules()).find((r) => r.chain === "DOCKER" && r.target === "DNAT" && r.matches.some((m) => m.options["dport"] === String(port)))?.targetOptions["to-destination"])',
          ),
        );
      if (given !== to)
        return fail(
          `You recorded ${JSON.stringify(given)}, but the rule rewrites to ${to}.`,
          "Read --to-destination of the DNAT rule whose --dport is your port (other sessions publish other ports).",
          { given, rule: specOf(port.dnat) },
        );
      if (to !== `${address}:80`) return fail(`The DNAT target ${to} is not web's ${address}:80.`, "Recreate web.", { rule: specOf(port.dnat) });
      return pass(`dport ${p.port} → ${to}: web's bridge address and port.`, { rule: specOf(port.dnat) });
    },
  },
  {
    id: "03.loopback",
    title: "A request to 127.0.0.1:port from the host reaches web: through docker-proxy, or through DNAT when the engine runs without it",
    concepts: [8],
    points: 2,
    probes: [],
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const answers = facts.answers;
      const topology = topologyOf(facts);
      const nat = natOf(facts);
      const view = { label: labelOf(facts) };
      const web = nameIn(facts, "web");
      const port = publishedPort(topology, web, "bridge", 80);
      if (!port || port.hostPort !== p.port) return fail(`web does not publish port 80 on ${p.port}.`, "Publish web's port (03.published).");
      const local = hostOf(facts).interfaces.flatMap((iface) => iface.addresses.filter((a) => a.family === "inet").map((a) => a.address));
      const { fromHost } = portPaths(nat.tables, port, nat.proxies, local);
      const pids = nat.published
        .filter((published) => published.container === web && published.hostPort === p.port && published.proxyPid !== null)
        .map((published) => published.proxyPid as number);
      if (answers["loopback-status"] !== 200)
        return fail(
          `loopback-status is ${JSON.stringify(answers["loopback-status"])}, expected 200.`,
          hints(
            ["The notebook runs on the host: request http://127.0.0.1:port/ from it (fetch) and keep the HTTP status."],
            `await lab.answer("loopback-status", (await fetch("http://127.0.0.1:${p.port}/")).status)`,
          ),
        );
      if (fromHost.route === "unreachable")
        return fail(
          `${view.label}: no docker-proxy serves port ${p.port} and no nat OUTPUT rule rewrites 127.0.0.1:${p.port}.`,
          "Publish web's port (03.published); is the engine's iptables management on? Run `npx docker-net-lab doctor`.",
        );
      if (fromHost.route === "nat") {
        if (answers["proxy-pid"] !== null)
          return fail(
            `proxy-pid is ${JSON.stringify(answers["proxy-pid"])}, but ${view.label} runs without the userland proxy: no docker-proxy serves port ${p.port}.`,
            `pgrep finds no docker-proxy here: record null (await lab.answer("proxy-pid", null)). The kernel itself answers 127.0.0.1:${p.port}: nat OUTPUT sends it to the DOCKER chain, whose DNAT rule rewrites it to web.`,
            { dnat: fromHost.dnat?.text },
          );
        return pass(
          `${view.label} (--userland-proxy=false): 127.0.0.1:${p.port} answered 200 without docker-proxy; nat OUTPUT → ${fromHost.dnat?.text ?? "DNAT"} rewrote it to web.`,
          { dnat: fromHost.dnat?.text, pids },
        );
      }
      if (!pids.includes(Number(answers["proxy-pid"])))
        return fail(
          `proxy-pid is ${JSON.stringify(answers["proxy-pid"])}, but docker-proxy for port ${p.port} is pid ${pids.join(", ")}.`,
          hints(
            ["docker-proxy is a process of the engine, one per published port; its command line names the host port (-host-port). pgrep -f or ps finds it."],
            `lab.sh\`pgrep -f ${"docker-proxy .*-host-port"} ${p.port}\``,
          ),
          { pids },
        );
      return pass(
        `${view.label}: 127.0.0.1:${p.port} answered 200, served by docker-proxy pid ${answers["proxy-pid"]} (nat OUTPUT skips 127.0.0.0/8, so the userland proxy answers).`,
        { pids },
      );
    },
  },
  {
    id: "03.snat",
    concepts: [7],
    title: "The 'internet' saw web's request coming from the host's address, not 172.17.x",
    points: 2,
    probes: [],
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const hostEnd = hostAddress(p.internet, 1);
      const given = facts.answers["internet-saw"];
      if (given === undefined)
        return fail(
          "No answer recorded for internet-saw.",
          hints(
            [
              "The internet server's /cgi-bin/ip prints the source address it saw. Request it from inside web (busybox wget -qO- prints the page), and record what it printed.",
            ],
            `lab.sh\`docker exec ${nameIn(facts, "web")} wget -qO- http://${hostAddress(p.internet, 2)}/cgi-bin/ip\``,
          ),
        );
      if (typeof given === "string" && inSubnet(given.trim(), "172.16.0.0/12"))
        return fail(
          `You recorded ${given}: a container address. That is what web sends, not what the internet sees.`,
          "Record the output of the request (the server prints the source address it saw).",
          { given },
        );
      if (given !== hostEnd)
        return fail(
          `You recorded ${JSON.stringify(given)}; the internet namespace sees requests from ${hostEnd}.`,
          'Trim the output: await lab.answer("internet-saw", out.stdout.trim()).',
          { given },
        );
      return pass(`The internet namespace saw ${hostEnd}, the host's address on that link: MASQUERADE rewrote the source.`, { seen: hostEnd });
    },
  },
  {
    id: "03.counters",
    concepts: [7],
    title: "The MASQUERADE counter moved when web talked to the internet",
    points: 1,
    probes: [],
    judge: (facts) => {
      const answers = facts.answers;
      const [before, after] = [answers["masq-before"], answers["masq-after"]];
      const live = docker0Masquerade(facts)?.rule.packets ?? 0;
      if (typeof before !== "number" || typeof after !== "number")
        return fail(
          "masq-before and masq-after must be numbers.",
          "Read the packets counter of the MASQUERADE rule (iptables-save -c) before and after the request.",
        );
      if (!(after > before))
        return fail(
          `The counter did not move (${before} → ${after}).`,
          "Read it once before the request and once after; nat rules count the first packet of each new connection.",
          { before, after },
        );
      if (after > live)
        return fail(`masq-after (${after}) is higher than the live counter (${live}).`, "Record the packets field of the parsed rule, not bytes.", {
          before,
          after,
          live,
        });
      return pass(`MASQUERADE packets ${before} → ${after} (now ${live}).`, { before, after, live });
    },
  },
  {
    id: "03.routed",
    title: "On a network in gateway mode routed, the 'internet' saw r1's own address where the engine honours the mode, the host's where it does not",
    concepts: [7],
    points: 1,
    probes: [],
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const name = nameIn(facts, "netr");
      const network = networkNamed(facts, name);
      if (!network)
        return fail(
          `There is no network ${name}.`,
          hints(
            [
              'Exercise 5b\'s network is a bridge network with a driver option (-o) that sets its IPv4 gateway mode to routed, and a subnet from lab.freeSubnet("routed").',
            ],
            `lab.sh\`docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed --subnet SUBNET ${name}\``,
          ),
        );
      const mode = network.options["com.docker.network.bridge.gateway_mode_ipv4"];
      if (mode !== "routed")
        return fail(
          `${name}'s gateway mode is ${mode ?? "nat (the default)"}.`,
          "Remove it and create it again with -o com.docker.network.bridge.gateway_mode_ipv4=routed.",
          { mode },
        );
      const r1 = containerNamed(facts, nameIn(facts, "r1"))?.networkSettings.networks[name]?.ipAddress;
      if (!r1)
        return fail(
          `${nameIn(facts, "r1")} is not running on ${name}.`,
          hints(
            ["r1 runs sleep 3600 on the routed network."],
            `lab.sh\`docker run -d --name ${nameIn(facts, "r1")} --network ${name} ${facts.image} sleep 3600\``,
          ),
        );
      const view = { label: labelOf(facts) };
      const subnet = network.ipam.config[0]?.subnet ?? "";
      const found = natOf(facts).masquerade.find((m) => m.subnet === subnet);
      const masquerade = found ? { spec: specOf(found.rule) } : undefined;
      const expected = masquerade ? hostAddress(p.internet, 1) : r1;
      const given = facts.answers["routed-saw"];
      if (given === undefined)
        return fail(
          "No answer recorded for routed-saw.",
          hints(
            ["As in exercise 5, but from r1: the internet server prints the source address it saw."],
            `lab.sh\`docker exec ${nameIn(facts, "r1")} wget -qO- http://${hostAddress(p.internet, 2)}/cgi-bin/ip\``,
          ),
        );
      if (given !== expected)
        return fail(
          `You recorded ${JSON.stringify(given)}; the internet namespace sees r1's requests from ${expected}.`,
          masquerade
            ? "This engine still masquerades that subnet: look at nat POSTROUTING."
            : "This engine does not masquerade the routed network: the source stays r1's own address.",
          { given },
        );
      if (masquerade)
        return pass(
          `${view.label} ignores gateway_mode_ipv4 (gateway modes came with Docker 27 and 28): it still masquerades ${subnet} (${masquerade.spec}), so the internet saw the host's ${expected}.`,
          { masquerade: masquerade.spec },
        );
      return pass(
        `${view.label} honours gateway_mode_ipv4=routed: no MASQUERADE for ${subnet}, the internet saw r1's own ${expected} and answers it through its route back to this host.`,
        { masquerade: null },
      );
    },
  },
  {
    id: "03.dnat-path",
    concepts: [8],
    title: "pub is published on the internet link's host address, the internet namespace fetched it through DNAT, and the DNAT counter moved",
    points: 2,
    probes: ["internetGetsPub"],
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const hostSide = hostAddress(p.internet, 1);
      const pub = containerNamed(facts, nameIn(facts, "pub"));
      if (!pub?.state.running) return fail(`${nameIn(facts, "pub")} is not running.`, pubHint(facts, hostSide, p.pubPort));
      const bindings = pub.networkSettings.ports["80/tcp"] ?? [];
      if (!bindings.some((b) => b.hostIp === hostSide && b.hostPort === String(p.pubPort)))
        return fail(
          `pub is published on ${bindings.map((b) => `${b.hostIp || "0.0.0.0"}:${b.hostPort}`).join(", ") || "nothing"}, not ${hostSide}:${p.pubPort}.`,
          pubHint(facts, hostSide, p.pubPort),
          { bindings },
        );
      const published = dnatFor(facts, pub.name, p.pubPort);
      if (!published) return fail(`There is no DNAT rule for port ${p.pubPort}.`, pubHint(facts, hostSide, p.pubPort));
      const rule = { spec: specOf(published.dnat), packets: published.dnat.packets };
      const answers = facts.answers;
      const [before, after] = [answers["dnat-before"], answers["dnat-after"]];
      const how = hints(
        [
          `Read the packets counter of the DNAT rule for pubPort (natRules(), as in exercise 3) before and after requesting http://${hostSide}:pubPort/ from the internet namespace (ip netns exec … busybox wget), three times.`,
        ],
        `lab.sh\`ip netns exec ${internetNames(namesOf(facts)).ns} busybox wget -qO- http://${hostSide}:${p.pubPort}/\``,
      );
      if (typeof before !== "number" || typeof after !== "number") return fail("dnat-before and dnat-after must be numbers.", how);
      if (!(after > before)) return fail(`The DNAT counter did not move (${before} → ${after}).`, how, { before, after });
      if (after > (rule.packets ?? 0))
        return fail(
          `dnat-after (${after}) is higher than the live counter (${rule.packets}).`,
          hints(["Record the packets field of the parsed rule, not bytes."]),
          { before, after },
        );
      if (!facts.probes.internetGetsPub)
        return fail(`The internet namespace gets no page from http://${hostSide}:${p.pubPort}/ now.`, "Is pub still running, published on that address?");
      return pass(`The internet namespace reached pub through ${rule.spec}: its counter went ${before} → ${after} (one packet per connection: the first).`, {
        before,
        after,
        rule: rule.spec,
      });
    },
  },
  {
    id: "03.hairpin",
    title:
      "pub reached its own published port, and you recorded its hairpin MASQUERADE rule (source = destination = pub, dport 80), or null where this engine adds none",
    concepts: [9],
    points: 1,
    probes: ["pubReachesItself"],
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const pub = containerNamed(facts, nameIn(facts, "pub"));
      const address = pub?.networkSettings.networks.bridge?.ipAddress;
      if (!pub || !address) return fail("pub is not running on the default bridge.", "Run pub (exercise 7).");
      const answers = facts.answers;
      const url = `http://${hostAddress(p.internet, 1)}:${p.pubPort}/`;
      const reached = facts.probes.pubReachesItself;
      if (answers["hairpin-reached"] !== reached)
        return fail(
          `hairpin-reached is ${JSON.stringify(answers["hairpin-reached"])}, which is not what happens when pub requests ${url} now.`,
          hints([
            "From inside pub, request pub's own published address (the host's address on the internet link, and pubPort), and record whether a page came back (true or false).",
          ]),
          { reached },
        );
      if (!("hairpin-source" in answers))
        return fail(
          "No answer recorded for hairpin-source.",
          hints([
            "In nat POSTROUTING, the per-port hairpin rule is a MASQUERADE whose source and destination are both the container's address (/32), for its port 80; record its source, or null when this engine adds none.",
          ]),
        );
      const nat = natOf(facts);
      const view = { label: labelOf(facts) };
      const rule =
        nat.published.find((port) => port.container === pub.name && port.containerIp === address && port.containerPort === 80 && port.hairpin)?.hairpin ?? null;
      const given = answers["hairpin-source"];
      const proxy = nat.proxies.some((proxyOf) => proxyOf.containerIp === address);
      if (!rule) {
        if (given !== null)
          return fail(
            `hairpin-source is ${JSON.stringify(given)}, but ${view.label} has no hairpin MASQUERADE rule for pub.`,
            "Read nat POSTROUTING again: when no rule has pub's address as both source and destination, record null.",
            { given },
          );
        return pass(
          `${view.label}${proxy ? " with the userland proxy" : ""} adds no per-port hairpin MASQUERADE: a container reaching a published port goes through docker-proxy (nat DOCKER leaves packets from docker0 alone). Docker 28 adds the rule only with --userland-proxy=false.`,
          { rule: null },
        );
      }
      if (given !== `${address}/32`)
        return fail(
          `hairpin-source is ${JSON.stringify(given)}, expected the source of the rule whose source and destination are both pub.`,
          "Look in POSTROUTING for MASQUERADE with -s X -d X --dport 80 where X is pub's address.",
          { given, rule: rule.text },
        );
      const how = proxy
        ? "with the userland proxy on, nat DOCKER returns early for packets from docker0, so a container reaching a published port goes through docker-proxy and this rule stays at 0 packets: it serves the kernel's hairpin path (--userland-proxy=false)"
        : "without the userland proxy the kernel does the hairpin: DNAT in PREROUTING sends the packet back into docker0, and this rule rewrites its source so the reply comes back through the host";
      return pass(`pub ${reached ? "reached" : "did not reach"} its own published port. ${view.label}: ${rule.text}; ${how}.`, { rule: rule.text });
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "03.web2-fixed",
    title: "You named why web2's published port gave no page and fixed it",
    concepts: [8],
    points: 3,
    probes: ["web2Answers"],
    fixed: web2Fixed,
  }),
  {
    id: "03.hand-net",
    concepts: [6, 19],
    title: "You built a bridge and a namespace by hand, and the web server you started inside it answers on the bridge",
    points: 2,
    probes: ["handWww", "handServer", "handPids"],
    judge: (facts) => {
      const hp = handParamsOf(facts.params);
      if (!hp) return setupNotRun;
      const names = handNames(namesOf(facts));
      const how = hints(
        [
          "Lab 02's recipe, for one namespace: a bridge with the gateway's address, up; a namespace; a veth pair with one end inside the namespace as eth0 and the other a port of the bridge, up; inside, the server's address, eth0 and lo up, a default route via the gateway; then a web server started inside the namespace (ip netns exec).",
          "The names and addresses are in the setup cell (handBridge, handNs, handVeth, handGateway, handServer, handPrefix). The server is the host's busybox httpd, on handServer port 80, serving the folder handWww; it goes to the background by itself.",
        ],
        `lab.sh\`ip link add ${names.bridge} type bridge\`; … lab.sh\`ip netns exec ${names.ns} busybox httpd -p ${hp.server}:80 -h ${facts.probes.handWww}\``,
      );
      const host = hostOf(facts).interfaces;
      const bridge = host.find((i) => i.name === names.bridge);
      if (!bridge) return fail(`There is no bridge ${names.bridge} on the host.`, how);
      if (!bridge.addresses.some((a) => a.address === hp.gateway))
        return fail(`${names.bridge} has no address ${hp.gateway}: the namespace's default route needs the gateway on the bridge.`, how);
      const ns = netnsNamed(facts, names.ns);
      if (!ns) return fail(`There is no namespace ${names.ns}.`, how);
      const eth0 = ns.interfaces.find((i) => i.name === "eth0");
      if (!eth0?.addresses.some((a) => a.address === hp.server)) return fail(`eth0 in ${names.ns} does not have the address ${hp.server}.`, how);
      const hostEnd = host.find((i) => i.ifindex === eth0.peerIfindex);
      if (hostEnd?.master !== names.bridge)
        return fail(`The other end of ${names.ns}'s eth0 (${hostEnd?.name ?? "?"}) is not plugged into ${names.bridge}.`, how);
      const page = facts.probes.handServer;
      if (!page.ok || !page.stdout.includes(handPage))
        return fail(`The host gets no page from http://${hp.server}/ (${(page.stderr || page.stdout).trim().slice(0, 120)}).`, how, {
          pids: facts.probes.handPids,
        });
      return pass(`${names.ns} (${hp.server}) on ${names.bridge} (${hp.gateway}) serves its page; pid(s) ${facts.probes.handPids.join(", ")} run inside it.`);
    },
  },
  {
    id: "03.hand-masquerade",
    concepts: [7, 19],
    title: "Forwarding is on, and your tagged MASQUERADE rule makes the hand-made namespace's requests reach the internet from the host's address",
    points: 2,
    probes: ["ipForward", "handToInternet"],
    judge: (facts) => {
      const [p, hp] = [paramsOf(facts.params), handParamsOf(facts.params)];
      if (!p || !hp) return setupNotRun;
      const names = handNames(namesOf(facts));
      const [hostSide, internetServer] = [hostAddress(p.internet, 1), hostAddress(p.internet, 2)];
      if (!netnsNamed(facts, names.ns)) return fail(`There is no namespace ${names.ns}.`, "Build it first (exercise 9).");
      const forwarding = facts.probes.ipForward;
      if (forwarding !== "1")
        return fail(
          `net.ipv4.ip_forward is ${forwarding || "unreadable"}: this host routes nothing between its interfaces.`,
          hints(["Forwarding is a kernel setting (sysctl net.ipv4.ip_forward). Turn it on; never off: Docker's containers need it."]),
        );
      const mine = tagged(facts, names.tag);
      const masq = mine.find((r) => r.table === "nat" && r.chain === "POSTROUTING" && r.rule.target === "MASQUERADE" && r.rule.source === hp.subnet);
      const seen = facts.probes.handToInternet;
      const saw = seen.stdout.trim();
      const rules = hints(
        [
          "Two things, like Docker's for docker0: outbound NAT is a MASQUERADE rule in nat POSTROUTING for the subnet, leaving traffic that stays on its own bridge alone (exercise 1); and the filter FORWARD chain (policy DROP on a Docker host) must accept what leaves the bridge and the replies coming back. Every rule you add carries the comment tag.",
          "Put the accept rules at the top of DOCKER-USER (-I, not -A: on some engines the chain ends with RETURN): one for packets in from your bridge going elsewhere, one for packets out to it that belong to a known connection (conntrack RELATED,ESTABLISHED). The MASQUERADE rule: -s handSubnet, ! -o handBridge.",
        ],
        `lab.sh\`iptables -t nat -A POSTROUTING -s ${hp.subnet} ! -o ${names.bridge} -m comment --comment ${names.tag} -j MASQUERADE\``,
      );
      if (!seen.ok)
        return fail(
          `${names.ns} gets no answer from the internet server ${internetServer} (${seen.stderr.trim().slice(0, 120)}): the host does not forward its packets, or not the replies.`,
          rules,
          { forwarding },
        );
      if (saw === hp.server)
        return fail(`The internet saw ${saw}, the namespace's own address: the host forwarded the request without rewriting its source.`, rules, { saw });
      if (saw !== hostSide) return fail(`The internet saw ${JSON.stringify(saw)}, not the host's ${hostSide}.`, rules, { saw });
      if (!masq)
        return fail(
          `The internet saw ${hostSide}, but no MASQUERADE rule for ${hp.subnet} carries the comment ${names.tag}: teardown removes only tagged rules, so an untagged one would stay.`,
          hints([
            "Every rule you write carries -m comment --comment with the tag (the variable tag); delete the untagged one (iptables -D with the same rule) and add it again, tagged.",
          ]),
          { saw },
        );
      return pass(`forwarding on; ${names.ns} → ${internetServer} seen as ${hostSide}: your ${masq.rule.spec} rewrote the source.`, {
        saw,
        rule: masq.rule.spec,
      });
    },
  },
  {
    id: "03.hand-dnat",
    concepts: [8, 19],
    title: "Your tagged DNAT rule publishes the hand-made server on hostSide:handPort, and the internet namespace gets its page",
    points: 2,
    probes: ["internetToHand"],
    judge: (facts) => {
      const [p, hp] = [paramsOf(facts.params), handParamsOf(facts.params)];
      if (!p || !hp) return setupNotRun;
      const names = handNames(namesOf(facts));
      const hostSide = hostAddress(p.internet, 1);
      const url = `http://${hostSide}:${hp.port}/`;
      const dnat = handDnat(facts, names.tag, hp.port);
      const how = hints(
        [
          "Port publishing by hand is what Docker's DNAT in nat DOCKER does (exercise 3): a DNAT rule where packets from outside arrive (nat PREROUTING), for the host address and port, rewriting the destination to the server's address and port 80; then FORWARD must accept the rewritten packet on its way into your bridge. The rule carries the comment tag.",
          "Match -d hostSide -p tcp --dport handPort; target DNAT --to-destination handServer:80. In DOCKER-USER, accept packets out to handBridge for handServer's tcp port 80 (Docker's own accept for pub is in filter DOCKER).",
        ],
        `lab.sh\`iptables -t nat -A PREROUTING -d ${hostSide} -p tcp --dport ${hp.port} -m comment --comment ${names.tag} -j DNAT --to-destination ${hp.server}:80\``,
      );
      const page = facts.probes.internetToHand;
      if (!page.ok || !page.stdout.includes(handPage))
        return fail(
          `The internet namespace gets no page from ${url} (${(page.stderr || page.stdout).trim().slice(0, 120)}).`,
          how,
          dnat ? { dnat: dnat.rule.spec } : {},
        );
      if (!dnat)
        return fail(
          `${url} answers, but no DNAT rule for port ${hp.port} carries the comment ${names.tag}: teardown removes only tagged rules.`,
          hints(["Every rule you write carries -m comment --comment with the tag (the variable tag); delete the untagged one and add it again, tagged."]),
        );
      return pass(`The internet namespace got the hand-made server's page through ${dnat.rule.spec}.`, { dnat: dnat.rule.spec, packets: dnat.rule.packets });
    },
  },
  {
    id: "03.hand-counters",
    concepts: [8, 19],
    title: "Your DNAT rule's counter moved once per connection, and the server saw the internet's own address",
    points: 1,
    probes: [],
    judge: (facts) => {
      const [p, hp] = [paramsOf(facts.params), handParamsOf(facts.params)];
      if (!p || !hp) return setupNotRun;
      const names = handNames(namesOf(facts));
      const answers = facts.answers;
      const [before, after, saw] = [answers["hand-dnat-before"], answers["hand-dnat-after"], answers["hand-saw"]];
      const how = hints([
        "Find your DNAT rule in the parsed nat table by its comment (rule.comment is the tag), read its packets counter, make requests from the internet namespace to hostSide:handPort, read it again; the server's /cgi-bin/ip prints the source address it saw.",
      ]);
      if (typeof before !== "number" || typeof after !== "number") return fail("hand-dnat-before and hand-dnat-after must be numbers.", how);
      if (!(after > before)) return fail(`Your DNAT counter did not move (${before} → ${after}).`, how, { before, after });
      const live = handDnat(facts, names.tag, hp.port)?.rule.packets;
      if (live === undefined || live === null) return fail(`There is no DNAT rule tagged ${names.tag} for port ${hp.port} now.`, how);
      if (after > live)
        return fail(
          `hand-dnat-after (${after}) is higher than the live counter (${live}).`,
          hints(["Record the packets field of the parsed rule, not bytes."]),
          {
            before,
            after,
            live,
          },
        );
      if (saw === undefined) return fail("No answer recorded for hand-saw.", how);
      const internetServer = hostAddress(p.internet, 2);
      if (saw !== internetServer)
        return fail(
          `You recorded hand-saw = ${JSON.stringify(saw)}; a request from the internet namespace through your DNAT rule reaches the server from ${internetServer}.`,
          hints(["Record what the server's /cgi-bin/ip printed (trimmed) for a request the internet namespace made to hostSide:handPort/cgi-bin/ip."]),
          { saw },
        );
      return pass(
        `DNAT packets ${before} → ${after} (now ${live}): one per connection; the server saw ${internetServer}, the client's own address (DNAT rewrites the destination only).`,
        {
          before,
          after,
          live,
        },
      );
    },
  },
  predictionsCheck({ id: "03", predictions }),
  {
    id: "03.live-nat",
    concepts: [7],
    title: "Hidden: web still reaches the internet namespace through NAT, and 127.0.0.1:port still answers",
    points: 1,
    probes: ["webToInternet", "loopbackAnswers"],
    hidden: true,
    judge: (facts) => {
      const p = paramsOf(facts.params);
      if (!p) return setupNotRun;
      const seen = facts.probes.webToInternet;
      if (seen.stdout.trim() !== hostAddress(p.internet, 1))
        return fail(
          `web's request to the internet namespace returned ${JSON.stringify(seen.stdout.trim() || seen.stderr.trim())}.`,
          "Is web running on the default bridge? Did you remove the MASQUERADE rule or the internet namespace?",
        );
      return facts.probes.loopbackAnswers
        ? pass(`web → internet seen as ${seen.stdout.trim()}; 127.0.0.1:${p.port} answers.`)
        : fail(`127.0.0.1:${p.port} did not answer.`, webHint(facts, p.port));
    },
  },
];

// Build the internet namespace and its web server, each step only when missing.
const buildInternet = async (context: LabContext): Promise<void> => {
  const { ns, hostEnd } = internetNames(context.session);
  const subnet = await freeSubnet(context.session, "internet", { pool: "203.0.113.0/24", prefix: 29 });
  await buildCable(context, { ns, hostEnd, subnet, defaultRoute: true });
  const www = join(context.session.dir, "internet-www");
  await serveInNamespace(context, ns, hostAddress(subnet, 2), "the internet (a TEST-NET namespace made by lab 03)", www);
};

export const lab03: LabDefinition<Lab03Probes> = {
  id: "03",
  preconditions: [engineInThisNamespace],
  topology: (context) => sessionScope(context, true),
  gather,
  slug: "03-nat-ports",
  title: "NAT and port publishing",
  summary:
    'MASQUERADE, `-p 127.0.0.1:PORT:80` → DNAT + FORWARD accept + docker-proxy, hairpin rule; a TEST-NET "internet" namespace sees the host\'s address and reaches a port published on its link through DNAT; counters that move once per connection; a port published to the wrong container port; then forwarding, MASQUERADE and DNAT written by hand (tagged rules) for a bridge and namespace the learner builds',
  concepts: [6, 7, 8, 9, 19],
  goals: [
    "find docker0's MASQUERADE rule and watch it rewrite a container's source on the way out (and its counter move)",
    "publish a port on one host address, read the DNAT rule and the FORWARD accept Docker adds, and say what answers 127.0.0.1 on your engine",
    "watch a request from the lab's internet take the DNAT path, and explain why the nat counter grows by one per connection (conntrack)",
    "see what a container reaching its own published port needs (hairpin)",
    "find why a published port gives no page (the PORTS column, the DNAT target, what listens inside) and fix it",
    "do Docker's part by hand for a bridge and a namespace you build: forwarding, FORWARD accepts, MASQUERADE and DNAT, each rule tagged so teardown removes exactly yours, and watch the internet reach your server through your DNAT",
  ],
  predictions,
  troubleshoot,
  setup: async (context) => {
    const web = await freePort(context.session, "web-port");
    const pub = await freePort(context.session, "pub-port", { avoid: [web] });
    const web2 = await freePort(context.session, "web2-port", { avoid: [web, pub] });
    await freePort(context.session, "hand-port", { avoid: [web, pub, web2] });
    await freeSubnet(context.session, "hand-subnet");
    await buildInternet(context);
    // Part 8's server has its page ready; the learner builds its bridge and namespace and starts it.
    await writeWebRoot(handWww(context.session), handPage);
  },
  checks,
  teardown: async (context) => {
    const { ns, hostEnd } = internetNames(context.session);
    const hand = handNames(context.session);
    const hp = await handParams(context.session);
    // Stop the servers (only processes inside our own namespaces), then remove the namespaces and links.
    for (const name of [ns, hand.ns]) {
      await stopNetnsProcesses(name);
      await deleteNetns(name);
    }
    for (const link of [hostEnd, hand.hostEnd, hand.bridge]) await deleteLink(link);
    // The rules written by hand: every one tagged with the lab's comment, and any untagged one that names the
    // hand-made bridge, subnet or server (only this session has them). Never the forwarding setting: Docker needs it.
    for (const rule of await deleteRulesTagged(hand.tag)) context.log(`removed iptables rule (${rule})`);
    const marks = [hand.bridge, ...(hp ? [hp.subnet, `${hp.server}/32`, `${hp.server}:`] : [])];
    for (const table of parseIptablesSave(await iptablesSave().catch(() => "")).value)
      for (const chain of table.chains)
        for (const rule of chain.rules) {
          const words = shellWords(rule.spec);
          if (!words || !marks.some((mark) => words.some((word) => word === mark || word.startsWith(mark)))) continue;
          if ((await run("iptables", ["-t", table.name, "-D", chain.name, ...words], { reject: false })).exitCode === 0)
            context.log(`removed untagged iptables rule (${table.name}: -A ${chain.name} ${rule.spec})`);
        }
  },
};
