// Lab 03 · NAT and port publishing (curriculum concepts 7, 8, 9): MASQUERADE, DNAT, FORWARD accept, docker-proxy, hairpin.
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { findContainer, findNetwork } from "../../docker/adapter.js";
import { run } from "../../exec/run.js";
import type { IptablesRule } from "../../parse/models.js";
import { inSubnet } from "../../topology/ipv4.js";
import { hairpinMasquerade, portPaths } from "../../topology/engine-facts.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { publishedPort, readEngineView } from "../engine-view.js";
import { freePort, freeSubnet, hostAddress, readParams } from "../free.js";
import { tableRules } from "../host-facts.js";
import { deleteLink, deleteNetns, linkExists, netnsNames } from "../kernel-objects.js";
import type { LabSession } from "../session.js";

/** Kernel names of the "internet" namespace and its host end. */
export const internetNames = (session: LabSession) => ({ ns: session.ifname("3in"), hostEnd: session.ifname("3h") });

// What setup chose for this session.
const params = async (session: LabSession): Promise<{ port: number; internet: string } | null> => {
  const p = await readParams(session);
  return typeof p["web-port"] === "number" && typeof p.internet === "string" ? { port: p["web-port"], internet: p.internet } : null;
};

// A match option (`--dport`) of a rule, whatever module carries it.
const option = (rule: IptablesRule, name: string): string | null => {
  for (const match of rule.matches) if (name in match.options) return match.options[name] ?? null;
  return null;
};

/** docker0's outbound MASQUERADE rule (`-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`). */
export const docker0Masquerade = (nat: readonly IptablesRule[]): IptablesRule | undefined =>
  nat.find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.outInterface === "!docker0");

// The DNAT rule for a host port.
const dnatFor = (nat: readonly IptablesRule[], port: number) =>
  nat.find((r) => r.chain === "DOCKER" && r.target === "DNAT" && option(r, "dport") === String(port));

// Pids of processes inside a named namespace.
const pidsIn = async (ns: string): Promise<number[]> =>
  (await run("ip", ["netns", "pids", ns], { reject: false })).stdout
    .split("\n")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

// web's address on the default bridge, or null.
const webAddress = async (context: LabContext): Promise<string | null> =>
  (await findContainer(context.session.name("web")))?.networkSettings.networks.bridge?.ipAddress || null;

const webHint = (context: LabContext, port: number | string): string =>
  `Run: lab.sh\`docker run -d --name ${context.session.name("web")} -p 127.0.0.1:${port}:80 ${context.image} httpd -f -p 80 -h /var/www\` (loopback only: 127.0.0.1 before the port).`;
const noSetup = fail("The lab's setup has not run in this session.", "Run the setup cell at the top of the notebook.");

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "03.masquerade",
    concepts: [7],
    title: "You found the MASQUERADE rule for docker0's subnet in nat POSTROUTING",
    points: 1,
    run: async (context) => {
      const rule = docker0Masquerade(await tableRules("nat"));
      const given = (await context.session.answers())["masquerade-source"];
      if (!rule)
        return fail(
          "There is no MASQUERADE rule for docker0 on this host.",
          "Is the engine running with ip masquerade enabled? Run `npx docker-net-lab doctor`.",
        );
      if (given === undefined)
        return fail(
          "No answer recorded for masquerade-source.",
          'In the parsed nat table, find the POSTROUTING rule with target MASQUERADE and outInterface "!docker0"; record its source: await lab.answer("masquerade-source", rule.source).',
        );
      if (given !== rule.source)
        return fail(
          `You recorded ${JSON.stringify(given)}, but the rule's source is ${rule.source}.`,
          "Take the `source` field (-s) of the rule with `! -o docker0`, not of a per-container (hairpin) rule.",
          { given, rule: rule.spec },
        );
      return pass(`Packets from ${rule.source} leaving by any interface but docker0 get the outgoing interface's address.`, { rule: rule.spec });
    },
  },
  {
    id: "03.published",
    concepts: [8],
    title: "web publishes container port 80 on 127.0.0.1 at the lab's port",
    points: 2,
    run: async (context) => {
      const p = await params(context.session);
      if (!p) return noSetup;
      const web = await findContainer(context.session.name("web"));
      if (!web) return fail(`No container named ${context.session.name("web")}.`, webHint(context, p.port));
      if (!web.state.running) return fail(`web exists but is ${web.state.status}.`, `Remove it and run it again: ${webHint(context, p.port)}`);
      const bindings = web.networkSettings.ports["80/tcp"] ?? [];
      if (bindings.length === 0) return fail("web's port 80 is not published.", `Add -p 127.0.0.1:${p.port}:80. ${webHint(context, p.port)}`);
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
    run: async (context) => {
      const p = await params(context.session);
      if (!p) return noSetup;
      const address = await webAddress(context);
      if (!address) return fail("web is not running on the default bridge.", webHint(context, p.port));
      const rule = dnatFor(await tableRules("nat"), p.port);
      if (!rule) return fail(`There is no DNAT rule for port ${p.port} in nat DOCKER.`, "Publish web's port first (03.published).");
      const to = rule.targetOptions["to-destination"];
      const given = (await context.session.answers())["dnat-to"];
      if (given === undefined)
        return fail(
          "No answer recorded for dnat-to.",
          'Find the DOCKER-chain rule with target DNAT and --dport equal to your port; record targetOptions["to-destination"]: await lab.answer("dnat-to", …).',
        );
      if (given !== to)
        return fail(
          `You recorded ${JSON.stringify(given)}, but the rule rewrites to ${to}.`,
          "Read --to-destination of the DNAT rule whose --dport is your port (other sessions publish other ports).",
          { given, rule: rule.spec },
        );
      if (to !== `${address}:80`) return fail(`The DNAT target ${to} is not web's ${address}:80.`, "Recreate web.", { rule: rule.spec });
      return pass(`dport ${p.port} → ${to}: web's bridge address and port.`, { rule: rule.spec });
    },
  },
  {
    id: "03.loopback",
    title: "A request to 127.0.0.1:port from the host reaches web: through docker-proxy, or through DNAT when the engine runs without it",
    concepts: [8],
    points: 2,
    run: async (context) => {
      const p = await params(context.session);
      if (!p) return noSetup;
      const answers = await context.session.answers();
      const view = await readEngineView();
      const port = publishedPort(view, context.session.name("web"), "bridge", 80);
      if (!port || port.hostPort !== p.port) return fail(`web does not publish port 80 on ${p.port}.`, "Publish web's port (03.published).");
      const { fromHost } = portPaths(view.tables, port, view.proxies, view.local);
      const pids = view.proxies.filter((proxy) => proxy.hostPort === p.port).map((proxy) => proxy.pid);
      if (answers["loopback-status"] !== 200)
        return fail(
          `loopback-status is ${JSON.stringify(answers["loopback-status"])}, expected 200.`,
          `From the host, fetch http://127.0.0.1:${p.port}/ and record response.status: await lab.answer("loopback-status", r.status).`,
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
          `Find it with lab.sh\`pgrep -f ${"docker-proxy .*-host-port"} ${p.port}\` (or ps), and record the number.`,
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
    run: async (context) => {
      const p = await params(context.session);
      if (!p) return noSetup;
      const hostEnd = hostAddress(p.internet, 1);
      const given = (await context.session.answers())["internet-saw"];
      if (given === undefined)
        return fail(
          "No answer recorded for internet-saw.",
          `Run lab.sh\`docker exec ${context.session.name("web")} wget -qO- http://${hostAddress(p.internet, 2)}/cgi-bin/ip\` and record the address it prints (trimmed).`,
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
    run: async (context) => {
      const answers = await context.session.answers();
      const [before, after] = [answers["masq-before"], answers["masq-after"]];
      const live = docker0Masquerade(await tableRules("nat"))?.packets ?? 0;
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
    run: async (context) => {
      const p = await params(context.session);
      if (!p) return noSetup;
      const name = context.session.name("netr");
      const network = await findNetwork(name);
      if (!network)
        return fail(
          `There is no network ${name}.`,
          `Create it: lab.sh\`docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed --subnet SUBNET ${name}\` with a subnet from lab.freeSubnet("routed").`,
        );
      const mode = network.options["com.docker.network.bridge.gateway_mode_ipv4"];
      if (mode !== "routed")
        return fail(
          `${name}'s gateway mode is ${mode ?? "nat (the default)"}.`,
          "Remove it and create it again with -o com.docker.network.bridge.gateway_mode_ipv4=routed.",
          { mode },
        );
      const r1 = (await findContainer(context.session.name("r1")))?.networkSettings.networks[name]?.ipAddress;
      if (!r1)
        return fail(
          `${context.session.name("r1")} is not running on ${name}.`,
          `Run: lab.sh\`docker run -d --name ${context.session.name("r1")} --network ${name} ${context.image} sleep 3600\`.`,
        );
      const view = await readEngineView();
      const subnet = network.ipam.config[0]?.subnet ?? "";
      const masquerade = view.tables
        .find((t) => t.name === "nat")
        ?.chains.find((c) => c.name === "POSTROUTING")
        ?.rules.find((r) => r.target === "MASQUERADE" && r.source === subnet);
      const expected = masquerade ? hostAddress(p.internet, 1) : r1;
      const given = (await context.session.answers())["routed-saw"];
      if (given === undefined)
        return fail(
          "No answer recorded for routed-saw.",
          `From r1, fetch http://${hostAddress(p.internet, 2)}/cgi-bin/ip and record the address it prints (trimmed).`,
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
    id: "03.hairpin",
    title: "You looked for web's hairpin MASQUERADE rule (source = destination = web, dport 80) and recorded it, or null where this engine adds none",
    concepts: [9],
    points: 1,
    run: async (context) => {
      const address = await webAddress(context);
      if (!address) return fail("web is not running on the default bridge.", "Run web (exercise 2).");
      const answers = await context.session.answers();
      if (!("hairpin-source" in answers))
        return fail(
          "No answer recorded for hairpin-source.",
          "Look in nat POSTROUTING for MASQUERADE with -s X -d X --dport 80 where X is web's address; record its source, or null when there is none.",
        );
      const view = await readEngineView();
      const rule = hairpinMasquerade(view.tables, address, 80);
      const given = answers["hairpin-source"];
      const proxy = view.proxies.some((p) => p.containerIp === address);
      if (!rule) {
        if (given !== null)
          return fail(
            `hairpin-source is ${JSON.stringify(given)}, but ${view.label} has no hairpin MASQUERADE rule for web.`,
            "Read nat POSTROUTING again: when no rule has web's address as both source and destination, record null.",
            { given },
          );
        return pass(
          `${view.label}${proxy ? " with the userland proxy" : ""} adds no per-port hairpin MASQUERADE: a container reaching a published port goes through docker-proxy (nat DOCKER leaves packets from docker0 alone). Docker 28 adds the rule only with --userland-proxy=false.`,
          { rule: null },
        );
      }
      if (given !== `${address}/32`)
        return fail(
          `hairpin-source is ${JSON.stringify(given)}, expected the source of the rule whose source and destination are both web.`,
          "Look in POSTROUTING for MASQUERADE with -s X -d X --dport 80 where X is web's address.",
          { given, rule: rule.text },
        );
      const how = proxy
        ? "with the userland proxy on, nat DOCKER returns early for packets from docker0, so a container reaching a published port goes through docker-proxy and this rule stays at 0 packets: it serves the kernel's hairpin path (--userland-proxy=false)"
        : "without the userland proxy the kernel does the hairpin: DNAT in PREROUTING sends the packet back into docker0, and this rule rewrites its source so the reply comes back through the host";
      return pass(`${view.label}: ${rule.text}; ${how}.`, { rule: rule.text });
    },
  },
  {
    id: "03.live-nat",
    concepts: [7],
    title: "Hidden: web still reaches the internet namespace through NAT, and 127.0.0.1:port still answers",
    points: 1,
    hidden: true,
    run: async (context) => {
      const p = await params(context.session);
      if (!p) return noSetup;
      const seen = await run("docker", ["exec", context.session.name("web"), "wget", "-qO-", `http://${hostAddress(p.internet, 2)}/cgi-bin/ip`], {
        reject: false,
        timeout: 15_000,
      });
      if (seen.stdout.trim() !== hostAddress(p.internet, 1))
        return fail(
          `web's request to the internet namespace returned ${JSON.stringify(seen.stdout.trim() || seen.stderr.trim())}.`,
          "Is web running on the default bridge? Did you remove the MASQUERADE rule or the internet namespace?",
        );
      const ok = await fetch(`http://127.0.0.1:${p.port}/`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.ok,
        () => false,
      );
      return ok
        ? pass(`web → internet seen as ${seen.stdout.trim()}; 127.0.0.1:${p.port} answers.`)
        : fail(`127.0.0.1:${p.port} did not answer.`, webHint(context, p.port));
    },
  },
];

// The CGI script the internet server runs: it prints the source address it saw.
const cgi = '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n%s\\n" "$REMOTE_ADDR"\n';

// Build the internet namespace and its web server, each step only when missing.
const buildInternet = async (context: LabContext): Promise<void> => {
  const { ns, hostEnd } = internetNames(context.session);
  const subnet = await freeSubnet(context.session, "internet", { pool: "203.0.113.0/24", prefix: 29 });
  const prefix = subnet.split("/")[1];
  const [gw, server] = [hostAddress(subnet, 1), hostAddress(subnet, 2)];
  const step = async (argv: string[]) => {
    context.log(`$ ${argv.join(" ")}`);
    await run(argv[0] as string, argv.slice(1));
  };
  if (!(await netnsNames()).includes(ns)) await step(["ip", "netns", "add", ns]);
  if (!(await linkExists(hostEnd))) await step(["ip", "link", "add", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", ns]);
  await step(["ip", "addr", "replace", `${gw}/${prefix}`, "dev", hostEnd]);
  await step(["ip", "link", "set", hostEnd, "up"]);
  await step(["ip", "-n", ns, "addr", "replace", `${server}/${prefix}`, "dev", "eth0"]);
  await step(["ip", "-n", ns, "link", "set", "eth0", "up"]);
  await step(["ip", "-n", ns, "link", "set", "lo", "up"]);
  await step(["ip", "-n", ns, "route", "replace", "default", "via", gw]);
  const www = join(context.session.dir, "internet-www");
  await mkdir(join(www, "cgi-bin"), { recursive: true });
  await writeFile(join(www, "cgi-bin", "ip"), cgi);
  await chmod(join(www, "cgi-bin", "ip"), 0o755);
  await writeFile(join(www, "index.html"), "the internet (a TEST-NET namespace made by lab 03)\n");
  if ((await pidsIn(ns)).length === 0) await step(["ip", "netns", "exec", ns, "busybox", "httpd", "-p", `${server}:80`, "-h", www]);
};

export const lab03: LabDefinition = {
  id: "03",
  slug: "03-nat-ports",
  title: "NAT and port publishing",
  summary:
    'MASQUERADE, `-p 127.0.0.1:PORT:80` → DNAT + FORWARD accept + docker-proxy, hairpin rule; a TEST-NET "internet" namespace sees the host\'s address; counters that move',
  concepts: [7, 8, 9, 19],
  setup: async (context) => {
    await freePort(context.session, "web-port");
    await buildInternet(context);
  },
  checks,
  teardown: async (context) => {
    const { ns, hostEnd } = internetNames(context.session);
    if ((await netnsNames()).includes(ns)) {
      // Stop the internet server (only processes inside our own namespace), then remove the namespace.
      for (const signal of ["TERM", "KILL"]) {
        const pids = await pidsIn(ns);
        if (pids.length === 0) break;
        await run("kill", [`-${signal}`, ...pids.map(String)], { reject: false });
        for (let i = 0; i < 20 && (await pidsIn(ns)).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await deleteNetns(ns);
    await deleteLink(hostEnd);
  },
};
