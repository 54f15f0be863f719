// Lab 03 · NAT and port publishing (curriculum concepts 7, 8, 9): MASQUERADE, DNAT, FORWARD accept, docker-proxy, hairpin.
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { findContainer } from "../../docker/adapter.js";
import { iptablesSave } from "../../exec/commands.js";
import { run } from "../../exec/run.js";
import { parseIptablesSave } from "../../parse/iptables-save.js";
import type { IptablesRule } from "../../parse/models.js";
import { inSubnet } from "../../topology/ipv4.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { freePort, freeSubnet, hostAddress, readParams } from "../free.js";
import { tableRules } from "../host-facts.js";
import { deleteLink, deleteNetns, linkExists, netnsNames } from "../kernel-objects.js";
import type { LabSession } from "../session.js";

/** Kernel names of the "internet" namespace and its host end. */
export const internetNames = (session: LabSession) => ({ ns: session.ifname("3in"), hostEnd: session.ifname("3h") });

// What setup chose for this session.
const params = async (session: LabSession): Promise<{ port: number; internet: string } | null> => {
  const p = await readParams(session);
  return typeof p["web-port"] === "number" && typeof p["internet"] === "string" ? { port: p["web-port"], internet: p["internet"] } : null;
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
const dnatFor = (nat: readonly IptablesRule[], port: number) => nat.find((r) => r.chain === "DOCKER" && r.target === "DNAT" && option(r, "dport") === String(port));

// Pids of docker-proxy processes serving a host port.
const proxyPids = async (port: number): Promise<number[]> =>
  (await run("pgrep", ["-f", `docker-proxy .*-host-port ${port} `], { reject: false })).stdout.split("\n").map(Number).filter((n) => Number.isInteger(n) && n > 0);

// Pids of processes inside a named namespace.
const pidsIn = async (ns: string): Promise<number[]> =>
  (await run("ip", ["netns", "pids", ns], { reject: false })).stdout.split("\n").map(Number).filter((n) => Number.isInteger(n) && n > 0);

// web's address on the default bridge, or null.
const webAddress = async (context: LabContext): Promise<string | null> =>
  (await findContainer(context.session.name("web")))?.networkSettings.networks["bridge"]?.ipAddress || null;

const webHint = (context: LabContext, port: number | string): string => `Run: lab.sh\`docker run -d --name ${context.session.name("web")} -p 127.0.0.1:${port}:80 ${context.image} httpd -f -p 80 -h /var/www\` (loopback only: 127.0.0.1 before the port).`;
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
      if (!rule) return fail("There is no MASQUERADE rule for docker0 on this host.", "Is the engine running with ip masquerade enabled? Run `npx docker-net-lab doctor`.");
      if (given === undefined) return fail("No answer recorded for masquerade-source.", 'In the parsed nat table, find the POSTROUTING rule with target MASQUERADE and outInterface "!docker0"; record its source: await lab.answer("masquerade-source", rule.source).');
      if (given !== rule.source) return fail(`You recorded ${JSON.stringify(given)}, but the rule's source is ${rule.source}.`, "Take the `source` field (-s) of the rule with `! -o docker0`, not of a per-container (hairpin) rule.", { given, rule: rule.spec });
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
      if (wrong) return fail(`web is published on ${wrong.hostIp || "0.0.0.0"}:${wrong.hostPort}: that is reachable from outside this machine.`, `Publish on loopback only: -p 127.0.0.1:${p.port}:80 (remove web and run it again).`, { bindings });
      if (!bindings.some((b) => b.hostPort === String(p.port))) return fail(`web is published on port ${bindings.map((b) => b.hostPort).join(", ")}, not ${p.port}.`, `Use the variable port (${p.port}): it was chosen free for your session.`, { bindings });
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
      if (given === undefined) return fail("No answer recorded for dnat-to.", 'Find the DOCKER-chain rule with target DNAT and --dport equal to your port; record targetOptions["to-destination"]: await lab.answer("dnat-to", …).');
      if (given !== to) return fail(`You recorded ${JSON.stringify(given)}, but the rule rewrites to ${to}.`, "Read --to-destination of the DNAT rule whose --dport is your port (other sessions publish other ports).", { given, rule: rule.spec });
      if (to !== `${address}:80`) return fail(`The DNAT target ${to} is not web's ${address}:80.`, "Recreate web.", { rule: rule.spec });
      return pass(`dport ${p.port} → ${to}: web's bridge address and port.`, { rule: rule.spec });
    },
  },
  {
    id: "03.loopback",
    concepts: [8],
    title: "A request to 127.0.0.1:port from the host reaches web, through docker-proxy",
    points: 2,
    run: async (context) => {
      const p = await params(context.session);
      if (!p) return noSetup;
      const answers = await context.session.answers();
      const pids = await proxyPids(p.port);
      if (pids.length === 0) return fail(`No docker-proxy serves port ${p.port}.`, "Publish web's port (03.published); the engine starts one docker-proxy per published port.");
      if (answers["loopback-status"] !== 200) return fail(`loopback-status is ${JSON.stringify(answers["loopback-status"])}, expected 200.`, `From the host, fetch http://127.0.0.1:${p.port}/ and record response.status: await lab.answer("loopback-status", r.status).`);
      if (!pids.includes(Number(answers["proxy-pid"]))) return fail(`proxy-pid is ${JSON.stringify(answers["proxy-pid"])}, but docker-proxy for port ${p.port} is pid ${pids.join(", ")}.`, `Find it with lab.sh\`pgrep -f ${"docker-proxy .*-host-port"} ${p.port}\` (or ps), and record the number.`, { pids });
      return pass(`127.0.0.1:${p.port} answered 200, served by docker-proxy pid ${answers["proxy-pid"]}.`, { pids });
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
      if (given === undefined) return fail("No answer recorded for internet-saw.", `Run lab.sh\`docker exec ${context.session.name("web")} wget -qO- http://${hostAddress(p.internet, 2)}/cgi-bin/ip\` and record the address it prints (trimmed).`);
      if (typeof given === "string" && inSubnet(given.trim(), "172.16.0.0/12")) return fail(`You recorded ${given}: a container address. That is what web sends, not what the internet sees.`, "Record the output of the request (the server prints the source address it saw).", { given });
      if (given !== hostEnd) return fail(`You recorded ${JSON.stringify(given)}; the internet namespace sees requests from ${hostEnd}.`, "Trim the output: await lab.answer(\"internet-saw\", out.stdout.trim()).", { given });
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
      if (typeof before !== "number" || typeof after !== "number") return fail("masq-before and masq-after must be numbers.", "Read the packets counter of the MASQUERADE rule (iptables-save -c) before and after the request.");
      if (!(after > before)) return fail(`The counter did not move (${before} → ${after}).`, "Read it once before the request and once after; nat rules count the first packet of each new connection.", { before, after });
      if (after > live) return fail(`masq-after (${after}) is higher than the live counter (${live}).`, "Record the packets field of the parsed rule, not bytes.", { before, after, live });
      return pass(`MASQUERADE packets ${before} → ${after} (now ${live}).`, { before, after, live });
    },
  },
  {
    id: "03.hairpin",
    concepts: [9],
    title: "You found web's hairpin MASQUERADE rule (source = destination = web, dport 80)",
    points: 1,
    run: async (context) => {
      const address = await webAddress(context);
      if (!address) return fail("web is not running on the default bridge.", "Run web (exercise 2).");
      const rule = (await tableRules("nat")).find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.source === `${address}/32` && r.destination === `${address}/32` && option(r, "dport") === "80");
      if (!rule) return fail(`No hairpin rule for ${address} in nat POSTROUTING.`, "Publish web's port 80: Docker adds the hairpin rule with the DNAT rule.");
      const given = (await context.session.answers())["hairpin-source"];
      if (given !== rule.source) return fail(`hairpin-source is ${JSON.stringify(given)}, expected the source of the rule whose source and destination are both web.`, "Look in POSTROUTING for MASQUERADE with -s X -d X --dport 80 where X is web's address.", { given, rule: rule.spec });
      return pass(`${rule.spec}`, { rule: rule.spec });
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
      const seen = await run("docker", ["exec", context.session.name("web"), "wget", "-qO-", `http://${hostAddress(p.internet, 2)}/cgi-bin/ip`], { reject: false, timeout: 15_000 });
      if (seen.stdout.trim() !== hostAddress(p.internet, 1)) return fail(`web's request to the internet namespace returned ${JSON.stringify(seen.stdout.trim() || seen.stderr.trim())}.`, "Is web running on the default bridge? Did you remove the MASQUERADE rule or the internet namespace?");
      const ok = await fetch(`http://127.0.0.1:${p.port}/`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
      return ok ? pass(`web → internet seen as ${seen.stdout.trim()}; 127.0.0.1:${p.port} answers.`) : fail(`127.0.0.1:${p.port} did not answer.`, webHint(context, p.port));
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
  summary: "MASQUERADE, `-p 127.0.0.1:PORT:80` → DNAT + FORWARD accept + docker-proxy, hairpin rule; a TEST-NET \"internet\" namespace sees the host's address; counters that move",
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
