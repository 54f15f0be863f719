// Lab 01 · docker0: the default bridge (curriculum concepts 1-4).
import { fail, pass, type CheckDefinition } from "../../checks/check.js";
import { findContainer, inspectNetwork, listContainers } from "../../docker/adapter.js";
import { run } from "../../exec/run.js";
import type { LabContext, LabDefinition } from "../definition.js";
import { hostInterface, ipv4Cidr, routes } from "../host-facts.js";
import { inSubnet } from "../../topology/ipv4.js";

// The default bridge network and the docker0 interface behind it.
const defaultBridge = async () => {
  const network = await inspectNetwork("bridge");
  const ifname = network.options["com.docker.network.bridge.name"] ?? "docker0";
  return { network, ifname, iface: await hostInterface(ifname) };
};

// The lab's two web containers, by their session names.
const webContainers = async (context: LabContext) =>
  Promise.all(["web1", "web2"].map(async (short) => ({ short, name: context.session.name(short), container: await findContainer(context.session.name(short)) })));

const runHint = (name: string, image: string): string => `Run: lab.sh\`docker run -d --name ${name} ${image} httpd -f -p 80 -h /var/www\` (no --network option: the default bridge).`;

const checks: CheckDefinition<LabContext>[] = [
  {
    id: "01.docker0-is-bridge",
    concepts: [1],
    title: "You found that docker0 is a Linux bridge",
    points: 1,
    run: async (context) => {
      const { ifname, iface } = await defaultBridge();
      const answers = await context.session.answers();
      const given = answers["docker0-kind"];
      if (!iface) return fail(`There is no ${ifname} interface on this host.`, "Is the engine running with its default bridge? Run `npx docker-net-lab doctor`.");
      if (given === undefined) return fail("No answer recorded for docker0-kind.", 'Parse `ip -j -d link show docker0` and record its kind: await lab.answer("docker0-kind", link.kind).');
      if (given !== iface.kind) return fail(`You recorded "${String(given)}", but ${ifname}'s link kind is something else.`, "Look at the `kind` field of the parsed link (from linkinfo.info_kind), not at its name.", { given });
      return pass(`${ifname} is a ${iface.kind}, as you recorded.`, { ifname, kind: iface.kind });
    },
  },
  {
    id: "01.two-containers",
    concepts: [2],
    title: "web1 and web2 run on the default bridge with addresses from its subnet",
    points: 2,
    run: async (context) => {
      const { network } = await defaultBridge();
      const subnet = network.ipam.config[0]?.subnet ?? "";
      const found = await webContainers(context);
      for (const { short, name, container } of found) {
        if (!container) return fail(`No container named ${name}.`, runHint(name, context.image), { name });
        if (!container.state.running) return fail(`${name} exists but is ${container.state.status}.`, `Start it: lab.sh\`docker start ${name}\`, and check its command keeps running (httpd -f stays in the foreground).`);
        const endpoint = container.networkSettings.networks["bridge"];
        if (!endpoint) return fail(`${name} is not on the default bridge (networks: ${Object.keys(container.networkSettings.networks).join(", ") || "none"}).`, `Remove it (lab.sh\`docker rm -f ${name}\`) and run it again without --network.`);
        if (!endpoint.ipAddress || !inSubnet(endpoint.ipAddress, subnet)) return fail(`${short}'s address ${endpoint.ipAddress || "(none)"} is not in ${subnet}.`, "Containers on the default bridge get addresses from docker0's subnet; recreate the container.");
      }
      const addresses = found.map(({ container }) => container?.networkSettings.networks["bridge"]?.ipAddress);
      if (addresses[0] === addresses[1]) return fail("web1 and web2 share an address.", "Recreate them: each container gets its own address.");
      return pass(`web1 is ${addresses[0]} and web2 is ${addresses[1]}, both in ${subnet}.`, { subnet, addresses });
    },
  },
  {
    id: "01.gateway-is-docker0",
    concepts: [3],
    title: "You read web1's default gateway inside the container, and it is docker0's address",
    points: 2,
    run: async (context) => {
      const { ifname, iface } = await defaultBridge();
      const docker0 = ipv4Cidr(iface)?.split("/")[0];
      const web1 = await findContainer(context.session.name("web1"));
      if (!web1?.state.running) return fail("web1 is not running.", runHint(context.session.name("web1"), context.image));
      const inside = (await routes({ kind: "pid", pid: web1.state.pid })).find((route) => route.dst === "default");
      const given = (await context.session.answers())["web1-gateway"];
      if (given === undefined) return fail("No answer recorded for web1-gateway.", 'Run `ip route` inside web1, parse it, and record the gateway of the default route: await lab.answer("web1-gateway", gw).');
      if (given !== inside?.gateway) return fail(`You recorded ${String(given)}, but web1's default route goes via ${inside?.gateway ?? "nothing"}.`, "Read the `default via …` line (the route whose dst is default), inside the container, not on the host.", { given });
      if (inside?.gateway !== docker0) return fail(`web1's gateway ${inside?.gateway} is not ${ifname}'s address ${docker0}.`, "web1 should be on the default bridge.");
      return pass(`web1 sends everything it cannot reach directly to ${docker0}, the address of ${ifname}.`, { gateway: docker0 });
    },
  },
  {
    id: "01.inspect-bridge",
    concepts: [4],
    title: "You read the subnet and web1's entry from `docker network inspect bridge`",
    points: 2,
    run: async (context) => {
      const { network } = await defaultBridge();
      const answers = await context.session.answers();
      const subnet = network.ipam.config[0]?.subnet;
      if (answers["bridge-subnet"] !== subnet) return fail(`bridge-subnet is ${JSON.stringify(answers["bridge-subnet"])}, expected the IPAM subnet.`, 'Parse `docker network inspect bridge` and record network.ipam.config[0].subnet: await lab.answer("bridge-subnet", …).', { given: answers["bridge-subnet"] });
      const web1 = Object.values(network.containers).find((entry) => entry.name === context.session.name("web1"));
      if (!web1) return fail("web1 is not in the Containers map of the bridge network.", "Is web1 running on the default bridge? (See 01.two-containers.)");
      if (answers["web1-inspect-address"] !== web1.ipv4Address) return fail(`web1-inspect-address is ${JSON.stringify(answers["web1-inspect-address"])}, but the Containers map says ${web1.ipv4Address}.`, "Find web1 by name in network.containers and record its ipv4Address as printed (with the /prefix).", { given: answers["web1-inspect-address"] });
      return pass(`The bridge network's subnet is ${subnet}; web1 is listed as ${web1.ipv4Address}.`, { subnet, web1: web1.ipv4Address });
    },
  },
  {
    id: "01.safe-cleanup",
    concepts: [19],
    title: "You listed exactly this lab's containers with a label filter (what a safe cleanup removes)",
    points: 1,
    run: async (context) => {
      const truth = (await listContainers({ labels: context.session.labelFilters })).map((c) => c.name).sort();
      const given = (await context.session.answers())["my-containers"];
      if (!Array.isArray(given)) return fail("No answer recorded for my-containers.", 'Run `docker ps -a` with `--filter label=io.docker-net-lab.session=…` and `--filter label=io.docker-net-lab.lab=01`, then await lab.answer("my-containers", names.sort()).');
      const names = given.map(String);
      const foreign = names.filter((name) => !truth.includes(name));
      if (foreign.length) return fail(`Your list names ${foreign.length} container(s) this lab did not make (${foreign.slice(0, 3).join(", ")}).`, "That is what `docker ps -aq` does: it lists every container on the machine, and `rm -f` on it would destroy other work. Filter by the lab's labels.", { given: names, truth });
      const missing = truth.filter((name) => !names.includes(name));
      if (missing.length) return fail(`Your list misses ${missing.join(", ")}.`, "Use `docker ps -a` (stopped ones too) with both label filters.", { given: names, truth });
      if (truth.length === 0) return fail("This lab has no containers yet.", "Do exercise 2 first, then list them.");
      return pass(`Your list is exactly the lab's ${truth.length} container(s): ${truth.join(", ")}.`, { truth });
    },
  },
  {
    id: "01.web1-serves",
    concepts: [2, 3],
    title: "Hidden: web1 answers HTTP on its bridge address from the host",
    points: 1,
    hidden: true,
    run: async (context) => {
      const web1 = await findContainer(context.session.name("web1"));
      const address = web1?.networkSettings.networks["bridge"]?.ipAddress;
      if (!address) return fail("web1 has no address on the default bridge.", runHint(context.session.name("web1"), context.image));
      const ok = await fetch(`http://${address}:80/`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false);
      return ok ? pass(`http://${address}/ answered from the host.`) : fail(`http://${address}/ did not answer.`, "Start web1 with `httpd -f -p 80` so it serves /var/www.");
    },
  },
];

export const lab01: LabDefinition = {
  id: "01",
  slug: "01-docker0",
  title: "docker0: the default bridge",
  summary: "docker0 is a bridge; containers on it, their eth0 and gateway; `docker network inspect bridge`",
  concepts: [1, 2, 3, 4, 19],
  setup: async () => {
    await run("docker", ["network", "inspect", "bridge", "--format", "{{.Name}}"], { timeout: 15_000 });
  },
  checks,
};
