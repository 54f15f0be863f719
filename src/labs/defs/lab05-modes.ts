// Lab 05 · host, none and container network modes (curriculum concepts 13, 14, 15).
import { readlink } from "node:fs/promises";
import { fail, hints, pass, type Verdict } from "../../checks/check.js";
import { findContainer } from "../../docker/adapter.js";
import { run } from "../../exec/run.js";
import type { DockerContainer } from "../../parse/models.js";
import type { Topology } from "../../topology/model.js";
import type { LabCheck, LabContext, LabDefinition, PredictionDefinition, TroubleshootDefinition } from "../definition.js";
import { containerNamed, type FactsView, hostOf, type LabFacts, namespaceOfContainer, nameIn, sessionScope, type WantedProbes } from "../facts.js";
import { freePort, readParams } from "../free.js";
import { predictionsCheck } from "../predictions.js";
import { troubleshootJudge } from "../troubleshoot.js";
import { engineInThisNamespace, setupNotRun } from "../preconditions.js";
import { webServerCommand } from "../../setup/image.js";

// The namespace kinds a check compares between a container and the host.
const namespaceKinds = ["net", "pid", "mnt", "uts", "ipc"] as const;
type NamespaceKind = (typeof namespaceKinds)[number];
/** `/proc/PID/ns/KIND` links (`net:[4026531840]`), kind -> link; null when it could not be read. */
export type NamespaceLinks = Readonly<Record<NamespaceKind, string | null>>;

/** What lab 05's judges measure live. */
export interface Lab05Probes {
  /** The HTTP status of http://127.0.0.1:hostPort/ from the host (0: no answer); null before setup. */
  readonly hostStatus: number | null;
  /** Container short name -> does `wget http://127.0.0.1/` inside it get a page (side, probe; running ones only). */
  readonly localhost: Readonly<Record<string, boolean>>;
  /** hostc's namespaces and this (host) process's, when hostc runs. */
  readonly namespaces: { readonly hostc: NamespaceLinks; readonly host: NamespaceLinks } | null;
}
type Facts = LabFacts<Lab05Probes>;

// Ports setup chose for this session.
const ports = (facts: Pick<Facts, "params">): { host: number; ignored: number } | null => {
  const p = facts.params;
  return typeof p["host-port"] === "number" && typeof p["ignored-port"] === "number" ? { host: p["host-port"], ignored: p["ignored-port"] } : null;
};

// A running container by short name, or a failing verdict whose hint leads to `command` (the exact run, last).
const running = (facts: Facts, short: string, concept: string, command: string) => {
  const name = nameIn(facts, short);
  const container = containerNamed(facts, name);
  if (!container) return { verdict: fail(`No container named ${name}.`, hints([concept], `lab.sh\`${command}\``)) };
  if (!container.state.running)
    return {
      verdict: fail(`${name} is ${container.state.status}.`, hints([`${concept} Remove the stopped one first (docker rm -f).`], `lab.sh\`${command}\``)),
    };
  return { container };
};

// The namespace of a running container as the snapshot read it: its interfaces, routes and kernel identity.
const namespaceOf = (facts: FactsView, container: DockerContainer) => namespaceOfContainer(facts, container.name);

// The network namespace identity of a container as /proc prints it (`net:[4026531840]`), or null.
const netnsOf = (facts: FactsView, container: DockerContainer): string | null => {
  const inode = namespaceOf(facts, container)?.inode;
  return inode == null ? null : `net:[${inode}]`;
};

// Which namespace kinds hostc shares with the host, from the links gathered.
const sharedWithHost = (links: NonNullable<Lab05Probes["namespaces"]>): string[] =>
  namespaceKinds.filter((kind) => links.hostc[kind] !== null && links.hostc[kind] === links.host[kind]);

const appCommand = (facts: Pick<Facts, "session" | "lab" | "image">) =>
  `docker run -d --name ${nameIn(facts, "app")} ${facts.image} httpd -f -p 80 -h /var/www`;

// Gathering: the links under /proc/PID/ns/ of a process.
const namespaceLinks = async (pid: number | "self"): Promise<NamespaceLinks> =>
  Object.fromEntries(
    await Promise.all(namespaceKinds.map(async (kind) => [kind, await readlink(`/proc/${pid}/ns/${kind}`).catch(() => null)] as const)),
  ) as NamespaceLinks;

// Does `wget http://127.0.0.1/` inside a container get app's page?
const localhostWorks = async (name: string): Promise<boolean> =>
  (await run("docker", ["exec", name, "wget", "-qO-", "http://127.0.0.1/"], { reject: false, timeout: 15_000 })).exitCode === 0;

// The HTTP status of a URL from the host, 0 when nothing answers.
const statusOf = (url: string): Promise<number> =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    (r) => r.status,
    () => 0,
  );

// Probe only what a judge will read: the host-mode port (after setup), localhost inside side and probe (when they
// run), and hostc's namespaces (when it runs).
const gather = async (context: LabContext, topology: Topology | null, wanted: WantedProbes): Promise<Lab05Probes> => {
  const view: FactsView = { lab: context.session.lab, session: context.session.session, topology };
  const p = ports({ params: await readParams(context.session) });
  const runningOne = (short: string) => {
    const container = containerNamed(view, nameIn(view, short));
    return container?.state.running ? container : null;
  };
  const hostc = runningOne("hostc");
  const [hostStatus, localhost, namespaces] = await Promise.all([
    p && wanted("hostStatus") ? statusOf(`http://127.0.0.1:${p.host}/`) : Promise.resolve(null),
    Promise.all(
      ["side", "probe"]
        .filter((short) => wanted("localhost") && runningOne(short))
        .map(async (short) => [short, await localhostWorks(nameIn(view, short))] as const),
    ).then((entries) => Object.fromEntries(entries)),
    hostc && wanted("namespaces")
      ? Promise.all([namespaceLinks(hostc.state.pid), namespaceLinks("self")]).then(([c, h]) => ({ hostc: c, host: h }))
      : Promise.resolve(null),
  ]);
  return { hostStatus, localhost, namespaces };
};

const predictions: PredictionDefinition[] = [
  {
    id: "none-interfaces",
    question: "A container runs with `--network none`. Which interfaces will `ip addr` list inside it?",
    choices: ["lo only", "lo and an eth0 without an address", "lo and an eth0 with an address", "no interface at all"],
    explain:
      "Every network namespace starts with a loopback interface, and Docker adds nothing in none mode: no veth, no address, no route. The container still has a namespace of its own; it is just empty.",
  },
  {
    id: "host-p-bindings",
    question: "A container in host mode is started with `-p 127.0.0.1:PORT:80`. How many bindings will `docker port` list for it?",
    explain:
      "Publishing translates a host port to the container's address. In host mode there is no container address: the container's ports are the host's. The engine prints a warning, and keeps the request in HostConfig but publishes nothing: no binding, no DNAT rule, no docker-proxy.",
  },
  {
    id: "side-veths",
    question: "side joins app's namespace with `--network container:app`. How many new ports will docker0 get?",
    explain:
      "A veth pair belongs to a network namespace, not to a container. side enters app's namespace, which already has its eth0 and its veth on docker0: nothing new on the host, and side shares app's address, MAC and localhost.",
  },
];

// Troubleshooting: probe should reach app on localhost, but it has a namespace of its own.
const startProbeWrong = async (context: LabContext): Promise<void> => {
  const app = await findContainer(context.session.name("app"));
  if (!app?.state.running) {
    await run("docker", ["rm", "-f", context.session.name("app")], { reject: false });
    await run("docker", ["run", "-d", "--name", context.session.name("app"), ...context.session.labelArgs, context.image, ...webServerCommand]);
  }
  const probe = context.session.name("probe");
  await run("docker", ["rm", "-f", probe], { reject: false });
  await run("docker", ["run", "-d", "--name", probe, ...context.session.labelArgs, context.image, "sleep", "3600"]);
  context.log(`probe (${probe}) is running; it should watch app's web server at http://127.0.0.1/.`);
};

const troubleshoot: TroubleshootDefinition = {
  symptom: "probe is meant to watch app's web server on localhost, like side does, but `wget http://127.0.0.1/` inside probe is refused.",
  scenario:
    "The scenario cell starts a sidecar `probe` that should share app's namespace, but on the default bridge (a namespace of its own). The learner compares probe's and app's network namespaces (addresses, MACs, `/proc/PID/ns/net`), names `own-namespace`, and recreates probe with `--network container:app` (a running container cannot change its network mode).",
  causes: {
    "own-namespace": "probe has a network namespace of its own, so 127.0.0.1 is probe's loopback, not app's",
    "server-stopped": "app's web server is not running",
    "wrong-port": "app's web server listens on another port than 80",
    firewall: "an iptables rule drops the request",
  },
  cause: "own-namespace",
  breakIt: startProbeWrong,
};

// Is probe fixed? Symptoms only, never the cause.
const probeFixed = (facts: Facts): Verdict => {
  const probeName = nameIn(facts, "probe");
  const app = containerNamed(facts, nameIn(facts, "app"));
  if (!app?.state.running) return fail("app is not running.", hints("Run the scenario cell again: it starts app if needed."));
  const probe = containerNamed(facts, probeName);
  const fix = hints(
    [
      "localhost means \"this network namespace\". Compare probe's network with app's and side's: addresses, MACs, or /proc/PID/ns/net of their main processes (docker inspect gives the PID).",
      "A container's network mode is fixed when it is created: to move probe, remove it and run it again with the right --network.",
    ],
    `lab.sh\`docker rm -f ${probeName}\`; lab.sh\`docker run -d --name ${probeName} --network container:${app.name} ${facts.image} sleep 3600\``,
  );
  if (!probe?.state.running) return fail("probe is not running.", fix);
  if (facts.probes.localhost.probe !== true) return fail("wget http://127.0.0.1/ inside probe still gets no page.", fix);
  return pass(`probe reaches app's web server on 127.0.0.1: they share one network namespace (${netnsOf(facts, probe) ?? "?"}).`);
};

const checks: LabCheck<Lab05Probes>[] = [
  {
    id: "05.none",
    concepts: [14],
    title: "nonec runs with --network none: a namespace with only lo, and no route",
    points: 1,
    probes: [],
    judge: (facts) => {
      const command = `docker run -d --name ${nameIn(facts, "nonec")} --network none ${facts.image} sleep 3600`;
      const { container, verdict } = running(
        facts,
        "nonec",
        "nonec is exercise 1's container: the lab's image, `sleep 3600` to keep it running, and the network mode none (`--network`).",
        command,
      );
      if (!container) return verdict;
      if (container.hostConfig.networkMode !== "none")
        return fail(
          `nonec's network mode is ${container.hostConfig.networkMode}.`,
          hints(
            ["The network mode is chosen when the container is created; remove nonec and create it again in mode none."],
            `lab.sh\`docker rm -f ${nameIn(facts, "nonec")}\`, then lab.sh\`${command}\``,
          ),
        );
      const namespace = namespaceOf(facts, container);
      const live = (namespace?.interfaces ?? []).map((i) => i.name).sort();
      const routesInside = namespace?.routes ?? [];
      if (live.join(",") !== "lo" || routesInside.length > 0)
        return fail(`nonec has ${live.join(", ")} and ${routesInside.length} route(s).`, "Recreate nonec with --network none.", { live });
      return pass(`nonec has ${live.join(", ")} and no route: a namespace of its own, with nothing but loopback.`, { live });
    },
  },
  {
    id: "05.host",
    concepts: [13],
    title: "hostc runs in host mode: it sees the host's interfaces and serves 127.0.0.1:port itself",
    points: 2,
    probes: ["hostStatus"],
    judge: (facts) => {
      const p = ports(facts);
      if (!p) return setupNotRun;
      const command = `docker run -d --name ${nameIn(facts, "hostc")} --network host ${facts.image} httpd -f -p 127.0.0.1:${p.host} -h /var/www`;
      const { container, verdict } = running(
        facts,
        "hostc",
        `hostc is exercise 2's container: network mode host, and busybox's httpd listening on 127.0.0.1:hostPort (httpd -f -p ADDRESS:PORT -h /var/www).`,
        command,
      );
      if (!container) return verdict;
      if (container.hostConfig.networkMode !== "host")
        return fail(
          `hostc's network mode is ${container.hostConfig.networkMode}.`,
          hints(["Remove hostc and create it again with the network mode host."], `lab.sh\`${command}\``),
        );
      const sees = (namespaceOf(facts, container)?.interfaces ?? []).some((i) => i.name === "docker0");
      const answers = facts.answers;
      const how = hints(
        [
          "Two observations: list the interfaces inside hostc (docker exec … ip link, parsed) and see whether docker0 is among them; then request http://127.0.0.1:hostPort/ from the notebook, which runs on the host, and keep the HTTP status.",
        ],
        'await lab.answer("host-sees-docker0", parseIpLink((await lab.sh`docker exec ${hostc} ip link`).stdout).value.some((l) => l.name === "docker0"))',
      );
      if (answers["host-sees-docker0"] !== sees)
        return fail(`host-sees-docker0 is ${JSON.stringify(answers["host-sees-docker0"])}, which is not what hostc sees.`, how, {
          given: answers["host-sees-docker0"],
        });
      const live = facts.probes.hostStatus ?? 0;
      if (answers["host-mode-status"] !== live)
        return fail(`host-mode-status is ${JSON.stringify(answers["host-mode-status"])}; http://127.0.0.1:${p.host}/ answers ${live || "nothing"} now.`, how, {
          live,
        });
      if (live !== 200) return fail(`http://127.0.0.1:${p.host}/ does not answer 200.`, "Is httpd in hostc listening on 127.0.0.1:hostPort?");
      return pass(
        `hostc ${sees ? "sees docker0 and every host interface" : "sees the host's interfaces"}; its server is a host process on 127.0.0.1:${p.host}: no DNAT, no docker-proxy.`,
      );
    },
  },
  {
    id: "05.host-namespaces",
    concepts: [13],
    title: "You found which namespaces hostc shares with the host (net only, not the others)",
    points: 2,
    probes: ["namespaces"],
    judge: (facts) => {
      const hostc = containerNamed(facts, nameIn(facts, "hostc"));
      const links = facts.probes.namespaces;
      if (!hostc?.state.running || !links) return fail("hostc is not running.", "Do exercise 2 first.");
      const live = sharedWithHost(links);
      const given = facts.answers["hostc-shared-namespaces"];
      const how = hints(
        [
          `Each namespace of a process is a link under /proc/PID/ns/ (net, pid, mnt, uts, ipc…): two processes share a namespace when the links are equal. Compare hostc's main process (PID from docker inspect) with a host process.`,
          "Read them with `readlink`, for hostc's PID and for the host (e.g. PID 1 or `self`), and record the kinds that are equal, out of net, pid, mnt, uts and ipc.",
        ],
        'for (const kind of ["net", "pid", "mnt", "uts", "ipc"]) if ((await lab.sh`readlink /proc/${pid}/ns/${kind}`).stdout === (await lab.sh`readlink /proc/self/ns/${kind}`).stdout) shared.push(kind); await lab.answer("hostc-shared-namespaces", shared)',
      );
      if (!Array.isArray(given)) return fail("No list recorded for hostc-shared-namespaces.", how);
      const norm = [...new Set(given.map(String))].filter((k) => (namespaceKinds as readonly string[]).includes(k)).sort();
      if (norm.join(",") !== [...live].sort().join(","))
        return fail(`You recorded ${JSON.stringify(given)}; that is not what /proc says for hostc.`, how, { given });
      return pass(
        `hostc shares ${live.join(", ")} with the host and keeps its own ${namespaceKinds.filter((k) => !live.includes(k)).join(", ")}: host mode shares the network namespace only.`,
        { shared: live },
      );
    },
  },
  {
    id: "05.host-p",
    concepts: [13],
    title: "-p in host mode is discarded: no published port, no DNAT rule",
    points: 2,
    probes: [],
    judge: (facts) => {
      const p = ports(facts);
      if (!p) return setupNotRun;
      const command = `docker run -d --name ${nameIn(facts, "hostp")} --network host -p 127.0.0.1:${p.ignored}:80 ${facts.image} sleep 3600`;
      const { container, verdict } = running(
        facts,
        "hostp",
        "hostp is exercise 3's container: host mode, with a -p 127.0.0.1:ignoredPort:80 request, and sleep 3600.",
        command,
      );
      if (!container) return verdict;
      if (container.hostConfig.networkMode !== "host")
        return fail(`hostp's network mode is ${container.hostConfig.networkMode}.`, hints(["Recreate hostp in host mode."], `lab.sh\`${command}\``));
      if (Object.keys(container.hostConfig.portBindings).length === 0)
        return fail(
          "hostp was run without -p.",
          hints([`Run it with -p 127.0.0.1:ignoredPort:80, to see what the engine does with it.`], `lab.sh\`${command}\``),
        );
      const published = Object.values(container.networkSettings.ports).flatMap((b) => b ?? []);
      const nat = facts.topology?.nat;
      if (!nat) throw new Error("the snapshot could not read iptables");
      const dnat = nat.tables
        .filter((t) => t.name === "nat")
        .flatMap((t) => t.chains.flatMap((chain) => chain.rules))
        .filter((r) => r.target === "DNAT" && r.matches.some((m) => m.options.dport === String(p.ignored)));
      if (published.length > 0 || dnat.length > 0)
        return fail(`Port ${p.ignored} is published (${published.length} binding(s), ${dnat.length} DNAT rule(s)).`, "hostp must run with --network host.");
      const given = facts.answers["host-p-bindings"];
      if (given !== published.length)
        return fail(
          `host-p-bindings is ${JSON.stringify(given)}; docker port lists ${published.length} binding(s) for hostp.`,
          hints(
            ["`docker port NAME` lists a container's published ports, one line per binding: count them."],
            `await lab.answer("host-p-bindings", (await lab.sh\`docker port \${hostp}\`).stdout.split("\\n").filter(Boolean).length)`,
          ),
        );
      return pass(`-p 127.0.0.1:${p.ignored}:80 was discarded: in host mode the container's ports are the host's ports, nothing to translate.`);
    },
  },
  {
    id: "05.container-mode",
    concepts: [15],
    title: "side runs in app's network namespace (--network container:app)",
    points: 2,
    probes: ["localhost"],
    judge: (facts) => {
      const appName = nameIn(facts, "app");
      const app = running(facts, "app", "app is started by the cell above exercise 4.", appCommand(facts));
      if (!app.container) return app.verdict;
      const command = `docker run -d --name ${nameIn(facts, "side")} --network container:${appName} ${facts.image} sleep 3600`;
      const side = running(
        facts,
        "side",
        "side is exercise 4's container: sleep 3600, in the network namespace of app (the network mode container:NAME).",
        command,
      );
      if (!side.container) return side.verdict;
      if (!side.container.hostConfig.networkMode.startsWith("container:"))
        return fail(
          `side's network mode is ${side.container.hostConfig.networkMode}.`,
          hints(["The network mode is fixed at creation: remove side and create it again in app's namespace."], `lab.sh\`${command}\``),
        );
      const [nsApp, nsSide] = [netnsOf(facts, app.container), netnsOf(facts, side.container)];
      if (!nsApp || nsApp !== nsSide)
        return fail(`side's namespace ${nsSide} is not app's ${nsApp}.`, hints([`--network container:${appName} (app must be running first).`]));
      if (facts.probes.localhost.side !== true) return fail("side does not reach app's server on 127.0.0.1.", "Is app's httpd running on port 80?");
      return pass(`app and side share ${nsApp}: one eth0, and 127.0.0.1 in side is app's loopback.`, { netns: nsApp });
    },
  },
  {
    id: "05.side-veth",
    concepts: [15],
    title: "You found the host veth that carries side's traffic, by ifindex (it is app's)",
    points: 2,
    probes: [],
    judge: (facts) => {
      const side = containerNamed(facts, nameIn(facts, "side"));
      if (!side?.state.running) return fail("side is not running.", "Do exercise 4 first.");
      const eth0 = namespaceOf(facts, side)?.interfaces.find((i) => i.name === "eth0");
      const hostEnd = hostOf(facts).interfaces.find((i) => i.ifindex === eth0?.peerIfindex);
      const given = facts.answers["side-host-veth"];
      const how = hints(
        ["The pairing rule of lab 02: eth0@ifN inside side names host link N. Which container's veth is it?"],
        'const [eth0] = parseIpAddr((await lab.sh`docker exec ${side} ip addr show eth0`).stdout).value; await lab.answer("side-host-veth", parseIpLink((await lab.sh`ip -j link show`).stdout).value.find((l) => l.ifindex === eth0?.peerIfindex)?.name)',
      );
      if (given === undefined) return fail("No answer recorded for side-host-veth.", how);
      if (given !== hostEnd?.name) return fail(`${JSON.stringify(given)} is not the host end of side's eth0.`, how, { given });
      return pass(`side's eth0 is app's eth0: its host end ${hostEnd?.name} is the one veth of their shared namespace.`, { veth: hostEnd?.name });
    },
  },
  troubleshootJudge(troubleshoot, {
    id: "05.probe-fixed",
    title: "You named why probe could not reach app on localhost and fixed it",
    concepts: [15],
    points: 3,
    probes: ["localhost"],
    fixed: probeFixed,
  }),
  predictionsCheck({ id: "05", predictions }),
  {
    id: "05.live",
    concepts: [15],
    title: "Hidden: side reaches app on localhost, nonec has no route out, hostc answers on its port",
    points: 1,
    probes: ["localhost", "hostStatus"],
    hidden: true,
    judge: (facts) => {
      const p = ports(facts);
      if (!p) return setupNotRun;
      if (facts.probes.localhost.side !== true)
        return fail("side cannot reach http://127.0.0.1/.", "Run app with httpd -f -p 80 and side with --network container:app.");
      const nonec = containerNamed(facts, nameIn(facts, "nonec"));
      const nonecNamespace = nonec?.state.running ? namespaceOf(facts, nonec) : null;
      if (nonecNamespace?.kind !== "container" || nonecNamespace.routes.length > 0)
        return fail("nonec has routes (or is not running).", "Run nonec with --network none.");
      return facts.probes.hostStatus === 200
        ? pass("localhost inside the shared namespace works; none has no routes; host mode serves the host's loopback.")
        : fail(`127.0.0.1:${p.host} did not answer.`, "Run hostc with --network host and httpd on 127.0.0.1:port.");
    },
  },
];

export const lab05: LabDefinition<Lab05Probes> = {
  id: "05",
  preconditions: [engineInThisNamespace],
  topology: (context) => sessionScope(context, true),
  gather,
  slug: "05-host-none-container",
  title: "host, none and container network modes",
  summary:
    "`--network none` (only lo), `--network host` (the host's network namespace only; `-p` discarded), `--network container:NAME` (shared IP/MAC, no veth, localhost); a sidecar in the wrong namespace",
  concepts: [13, 14, 15, 19],
  goals: [
    "predict and show what a container sees in none, host and container mode",
    "tell which namespaces a host-mode container shares with the host (the network one only)",
    "explain why `-p` means nothing in host mode, and see the engine drop it",
    "show that containers in container mode share one namespace: one eth0, one veth, one localhost",
    "find why a sidecar cannot reach its app on localhost, and fix it",
  ],
  predictions,
  troubleshoot,
  setup: async (context) => {
    const host = await freePort(context.session, "host-port");
    await freePort(context.session, "ignored-port", { avoid: [host] });
  },
  checks,
};
