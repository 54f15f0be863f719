// Lab 05 · host, none and container network modes (curriculum concepts 13, 14, 15).
import { readlink } from "node:fs/promises";
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { findContainer } from "../../docker/adapter.js";
import { EnvironmentError } from "../../errors.js";
import { onHost } from "../../exec/commands.js";
import { run } from "../../exec/run.js";
import { imageStatus } from "../../setup/image.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { freePort, readParams } from "../free.js";
import { interfaces } from "../host-facts.js";
import { tableRules } from "./lab03-nat.js";

// The network namespace identity of a process (`net:[4026531840]`), or null.
const netnsOf = async (pid: number): Promise<string | null> => (pid > 0 ? readlink(`/proc/${pid}/ns/net`).catch(() => null) : null);

// Ports setup chose for this session.
const ports = async (context: LabContext): Promise<{ host: number; ignored: number } | null> => {
  const p = await readParams(context.session);
  return typeof p["host-port"] === "number" && typeof p["ignored-port"] === "number" ? { host: p["host-port"], ignored: p["ignored-port"] } : null;
};

const noSetup = fail("The lab's setup has not run in this session.", "Run the setup cell at the top of the notebook.");

// A running container by short name, or a failing verdict.
const running = async (context: LabContext, short: string, how: string) => {
  const name = context.session.name(short);
  const container = await findContainer(name);
  if (!container) return { verdict: fail(`No container named ${name}.`, `Run: ${how}`) };
  if (!container.state.running) return { verdict: fail(`${name} is ${container.state.status}.`, `Remove it (lab.sh\`docker rm -f ${name}\`) and run: ${how}`) };
  return { container };
};

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "05.none",
    concepts: [14],
    title: "nonec (--network none) has only lo",
    points: 1,
    run: async (context) => {
      const how = `lab.sh\`docker run -d --name ${context.session.name("nonec")} --network none ${context.image} sleep 3600\``;
      const { container, verdict } = await running(context, "nonec", how);
      if (!container) return verdict;
      if (container.hostConfig.networkMode !== "none") return fail(`nonec's network mode is ${container.hostConfig.networkMode}.`, `Remove it and run: ${how}`);
      const live = (await interfaces({ kind: "pid", pid: container.state.pid })).map((i) => i.name).sort();
      const given = (await context.session.answers())["none-interfaces"];
      if (!Array.isArray(given)) return fail("none-interfaces is not a list of names.", "Parse `ip addr` inside nonec and record the interface names: await lab.answer(\"none-interfaces\", names).");
      if ([...given].map(String).sort().join(",") !== live.join(",")) return fail(`You recorded ${JSON.stringify(given)}; nonec has ${JSON.stringify(live)}.`, "Record the names as the parser gives them (without @ifN).", { given, live });
      return pass(`nonec has ${live.join(", ")}: a namespace with nothing but loopback.`, { live });
    },
  },
  {
    id: "05.host",
    concepts: [13],
    title: "hostc (--network host) shares the host's namespace and serves 127.0.0.1:port itself",
    points: 2,
    run: async (context) => {
      const p = await ports(context);
      if (!p) return noSetup;
      const how = `lab.sh\`docker run -d --name ${context.session.name("hostc")} --network host ${context.image} httpd -f -p 127.0.0.1:${p.host} -h /var/www\``;
      const { container, verdict } = await running(context, "hostc", how);
      if (!container) return verdict;
      if (container.hostConfig.networkMode !== "host") return fail(`hostc's network mode is ${container.hostConfig.networkMode}.`, `Remove it and run: ${how}`);
      const [mine, host] = [await netnsOf(container.state.pid), await netnsOf(process.pid)];
      if (!mine || mine !== host) return fail(`hostc's namespace ${mine} is not the host's ${host}.`, "Run it with --network host.");
      const answers = await context.session.answers();
      if (answers["host-sees-docker0"] !== true) return fail(`host-sees-docker0 is ${JSON.stringify(answers["host-sees-docker0"])}.`, "List the interfaces inside hostc (docker exec … ip link) and record whether docker0 is among them (true/false).");
      if (answers["host-mode-status"] !== 200) return fail(`host-mode-status is ${JSON.stringify(answers["host-mode-status"])}, expected 200.`, `fetch http://127.0.0.1:${p.host}/ from the host and record response.status. Is httpd listening on 127.0.0.1:${p.host}?`);
      return pass(`hostc lives in the host's namespace (${mine}): it sees docker0, and its server is simply a host process on 127.0.0.1:${p.host}.`, { netns: mine });
    },
  },
  {
    id: "05.host-p",
    concepts: [13],
    title: "-p in host mode is discarded: no published port, no DNAT rule",
    points: 2,
    run: async (context) => {
      const p = await ports(context);
      if (!p) return noSetup;
      const how = `lab.sh\`docker run -d --name ${context.session.name("hostp")} --network host -p 127.0.0.1:${p.ignored}:80 ${context.image} sleep 3600\``;
      const { container, verdict } = await running(context, "hostp", how);
      if (!container) return verdict;
      if (container.hostConfig.networkMode !== "host") return fail(`hostp's network mode is ${container.hostConfig.networkMode}.`, `Remove it and run: ${how}`);
      if (Object.keys(container.hostConfig.portBindings).length === 0) return fail("hostp was run without -p.", `Run it with -p 127.0.0.1:${p.ignored}:80 to see what the engine does with it: ${how}`);
      const published = Object.values(container.networkSettings.ports).flatMap((b) => b ?? []);
      const dnat = (await tableRules("nat")).filter((r) => r.target === "DNAT" && r.matches.some((m) => m.options["dport"] === String(p.ignored)));
      if (published.length > 0 || dnat.length > 0) return fail(`Port ${p.ignored} is published (${published.length} binding(s), ${dnat.length} DNAT rule(s)).`, "hostp must run with --network host.");
      const answers = await context.session.answers();
      if (answers["host-p-warning"] !== true) return fail(`host-p-warning is ${JSON.stringify(answers["host-p-warning"])}.`, "The docker run output (stderr) carries a WARNING about published ports in host mode; record whether you saw it (true/false).");
      if (answers["host-p-bindings"] !== 0) return fail(`host-p-bindings is ${JSON.stringify(answers["host-p-bindings"])}, expected 0.`, "Count the bindings in `docker port hostp` (or NetworkSettings.Ports of docker inspect).");
      return pass(`-p 127.0.0.1:${p.ignored}:80 was discarded: in host mode the container's ports are the host's ports, nothing to translate.`);
    },
  },
  {
    id: "05.container-mode",
    concepts: [15],
    title: "side (--network container:app) shares app's IP and MAC and has no veth of its own",
    points: 3,
    run: async (context) => {
      const appName = context.session.name("app");
      const app = await running(context, "app", `lab.sh\`docker run -d --name ${appName} ${context.image} httpd -f -p 80 -h /var/www\``);
      if (!app.container) return app.verdict;
      const side = await running(context, "side", `lab.sh\`docker run -d --name ${context.session.name("side")} --network container:${appName} ${context.image} sleep 3600\``);
      if (!side.container) return side.verdict;
      if (!side.container.hostConfig.networkMode.startsWith("container:")) return fail(`side's network mode is ${side.container.hostConfig.networkMode}.`, `Remove it and run it with --network container:${appName}.`);
      const [nsApp, nsSide] = [await netnsOf(app.container.state.pid), await netnsOf(side.container.state.pid)];
      if (!nsApp || nsApp !== nsSide) return fail(`side's namespace ${nsSide} is not app's ${nsApp}.`, `--network container:${appName} (app must be running first).`);
      const eth0 = (await interfaces({ kind: "pid", pid: app.container.state.pid })).find((i) => i.name === "eth0");
      const ip = eth0?.addresses.find((a) => a.family === "inet")?.address;
      const answers = await context.session.answers();
      if (answers["side-ip"] !== ip || answers["side-mac"] !== eth0?.mac) return fail(`You recorded ${JSON.stringify(answers["side-ip"])} / ${JSON.stringify(answers["side-mac"])}; eth0 in side is ${ip} / ${eth0?.mac}.`, "Read eth0's address and MAC inside side (docker exec side ip addr show eth0), parsed with parseIpAddr.", { ip, mac: eth0?.mac });
      // The host end is the veth whose own (host) ifindex is eth0's peer: unique on the host. Its peer ifindex alone is
      // not: from Docker 28 every container's eth0 has the same small index in its own namespace.
      const veths = (await interfaces(onHost)).filter((i) => i.kind === "veth" && i.ifindex === eth0?.peerIfindex && i.peerIfindex === eth0?.ifindex && i.master === "docker0");
      if (answers["side-localhost"] !== true) return fail(`side-localhost is ${JSON.stringify(answers["side-localhost"])}.`, "From side, wget -qO- http://127.0.0.1/ (app's web server) and record whether it worked.");
      return pass(`app and side share ${nsApp}: one eth0 (${ip}, ${eth0?.mac}), ${veths.length} veth on docker0 for both, and localhost reaches app's server.`, { ip, mac: eth0?.mac, veths: veths.map((v) => v.name) });
    },
  },
  {
    id: "05.live",
    concepts: [15],
    title: "Hidden: side reaches app on localhost, nonec has no route out, hostc answers on its port",
    points: 1,
    hidden: true,
    run: async (context) => {
      const p = await ports(context);
      if (!p) return noSetup;
      const local = await run("docker", ["exec", context.session.name("side"), "wget", "-qO-", "http://127.0.0.1/"], { reject: false, timeout: 15_000 });
      if (local.exitCode !== 0) return fail("side cannot reach http://127.0.0.1/.", "Run app with httpd -f -p 80 and side with --network container:app.");
      const routesInNone = await run("docker", ["exec", context.session.name("nonec"), "ip", "route"], { reject: false });
      if (routesInNone.exitCode !== 0 || routesInNone.stdout.trim() !== "") return fail("nonec has routes (or is not running).", "Run nonec with --network none.");
      const ok = await fetch(`http://127.0.0.1:${p.host}/`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
      return ok ? pass("localhost inside the shared namespace works; none has no routes; host mode serves the host's loopback.") : fail(`127.0.0.1:${p.host} did not answer.`, "Run hostc with --network host and httpd on 127.0.0.1:port.");
    },
  },
];

export const lab05: LabDefinition = {
  id: "05",
  slug: "05-host-none-container",
  title: "host, none and container network modes",
  summary: "`--network none` (only lo), `--network host` (the host's namespace; `-p` discarded), `--network container:NAME` (shared IP/MAC, no veth, localhost)",
  concepts: [13, 14, 15, 19],
  setup: async (context) => {
    const image = await imageStatus();
    if (!image.ok) throw new EnvironmentError(`The toolbox image ${image.image} is missing.`, { hint: "Run `npx docker-net-lab setup` in a terminal, then run this cell again." });
    const host = await freePort(context.session, "host-port");
    await freePort(context.session, "ignored-port", { avoid: [host] });
  },
  checks,
};
