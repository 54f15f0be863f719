// Challenge 1 · LAN only: a web container published on the host's LAN address only.
import { fail, hints, pass } from "../../checks/check.js";
import { run } from "../../exec/run.js";
import { freePort, hostAddress } from "../../labs/free.js";
import type { LabContext } from "../../labs/definition.js";
import { containerFacts, type ContainerFacts } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { buildCable, removeCable } from "../../labs/cable.js";
import { fetchFromHost, fetchFromNamespace, testNetSubnet } from "../net.js";
import { fill } from "../steps.js";
import { webServerCommand } from "../../setup/image.js";

// Every text the learner reads.
const texts: ChallengeTexts = {
  title: "LAN only",
  goal: "The web server `{web}` answers on port `{port}` of the host's LAN address `{lanHost}` and nowhere else: the LAN namespace `{lanNs}` gets its page, the internet namespace `{inetNs}` (which reaches the host at `{inetHost}`) and the host's own loopback (127.0.0.1) get nothing.",
  constraints: [
    "Keep the web server on port 80 inside the container, and the name `{web}`.",
    "Change nothing in the namespaces or the host's firewall: Docker alone decides where a port is published.",
  ],
  tools: [
    "`docker ps`, `docker port`, `docker inspect`, `docker run`/`rm`",
    "`ip addr` (which host address is on which link)",
    "`challenge.explain`, `challenge.snapshot`",
  ],
  params: {
    web: "the web container (busybox httpd on port 80)",
    port: "the host port to publish",
    lanHost: "the host's address on the LAN cable",
    lanNs: "the LAN namespace (a machine of the office LAN)",
    inetHost: "the host's address on the internet cable",
    inetNs: "the internet namespace",
  },
};

const check = {
  lan: { id: "c1.lan-reaches", title: "The LAN namespace gets web's page from the host's LAN address and port" },
  internet: { id: "c1.internet-refused", title: "The internet namespace gets nothing from the host at that port, while the LAN does" },
  loopback: { id: "c1.loopback-refused", title: "The host's loopback gets nothing at that port, while the LAN does" },
} as const;

/** What the judges read. */
export interface LanOnlyFacts {
  readonly web: ContainerFacts | null;
  /** Pages fetched at the port: from the LAN namespace (LAN address), the internet namespace (internet address) and the host (127.0.0.1); null when none came back. */
  readonly fromLan: string | null;
  readonly fromInternet: string | null;
  readonly fromLoopback: string | null;
}

const bindings = (facts: LanOnlyFacts): string[] => (facts.web?.ports["80/tcp"] ?? []).map((b) => `${b.hostIp || "0.0.0.0"}:${b.hostPort}`);

const names = (context: LabContext) => ({
  lanNs: context.session.ifname("c1ln"),
  lanEnd: context.session.ifname("c1lh"),
  inetNs: context.session.ifname("c1in"),
  inetEnd: context.session.ifname("c1ih"),
});

const plan = async (context: LabContext): Promise<Params> => {
  const lan = await testNetSubnet(context, "lan", 0);
  const inet = await testNetSubnet(context, "internet", 1);
  return {
    ...names(context),
    web: context.session.name("web"),
    image: context.image,
    port: await freePort(context.session, "port"),
    lan,
    internet: inet,
    lanHost: hostAddress(lan, 1),
    inetHost: hostAddress(inet, 1),
  };
};

export const c1: ChallengeDefinition<LanOnlyFacts> = {
  id: "c1",
  slug: "c1-lan-only",
  texts,
  difficulty: "easy",
  minutes: 10,
  concepts: [8],
  labs: ["03", "06"],
  hostSide: true,
  plan,
  setup: async (context, p) => {
    const n = names(context);
    await buildCable(context, { ns: n.lanNs, hostEnd: n.lanEnd, subnet: String(p.lan), defaultRoute: true });
    await buildCable(context, { ns: n.inetNs, hostEnd: n.inetEnd, subnet: String(p.internet), defaultRoute: false });
    // The starting state: web published on every host address.
    if (!(await containerFacts(String(p.web)))) {
      const argv = ["run", "-d", "--name", String(p.web), ...context.session.labelArgs, "-p", `${p.port}:80`, context.image, ...webServerCommand];
      context.log(`$ docker ${argv.join(" ")}`);
      await run("docker", argv, { timeout: 60_000 });
    }
  },
  gather: async (_context, p) => ({
    web: await containerFacts(String(p.web)),
    fromLan: await fetchFromNamespace(String(p.lanNs), `http://${p.lanHost}:${p.port}/`),
    fromInternet: await fetchFromNamespace(String(p.inetNs), `http://${p.inetHost}:${p.port}/`),
    fromLoopback: await fetchFromHost(`http://127.0.0.1:${p.port}/`),
  }),
  checks: [
    {
      ...check.lan,
      points: 2,
      concepts: [8],
      judge: (facts, p) => {
        if (!facts.web?.running)
          return fail(fill("`{web}` is not running.", p), hints(["The challenge needs its web container: start it again (or reset the challenge)."]));
        if (facts.fromLan !== null) return pass(fill("The LAN namespace got web's page at {lanHost}:{port}.", p), { bindings: bindings(facts) });
        return fail(
          fill("The LAN namespace gets no page from {lanHost}:{port}.", p),
          hints(
            [
              "A published port listens on the host addresses it names (-p takes an optional host address before the host port). Which of the host's addresses sits on the LAN cable, and is web published there at the challenge's port?",
              "Docker fixes a container's published ports when the container is created: to change them, create web again with the same image and command.",
            ],
            fill("docker rm -f {web} && docker run -d --name {web} -p {lanHost}:{port}:80 {image} httpd -f -p 80 -h /var/www", p),
          ),
          { bindings: bindings(facts) },
        );
      },
    },
    {
      ...check.internet,
      points: 2,
      concepts: [8],
      judge: (facts, p) => {
        if (facts.fromLan === null)
          return fail("The LAN does not get the page yet: refusing everyone is not the goal.", hints(["Make the LAN reach web first (c1.lan-reaches)."]));
        if (facts.fromInternet === null) return pass(fill("The internet namespace gets nothing at {inetHost}:{port}.", p), { bindings: bindings(facts) });
        return fail(
          fill("The internet namespace got web's page at {inetHost}:{port}.", p),
          hints(
            [
              "A port published without a host address listens on every address of the host (0.0.0.0), the internet link's too. Look at the published bindings (docker port, docker ps) and ask which addresses they cover.",
              fill("Name the LAN address ({lanHost}) in the -p option, so nothing listens on the others.", p),
            ],
            fill("docker rm -f {web} && docker run -d --name {web} -p {lanHost}:{port}:80 {image} httpd -f -p 80 -h /var/www", p),
          ),
          { bindings: bindings(facts) },
        );
      },
    },
    {
      ...check.loopback,
      points: 1,
      concepts: [8],
      judge: (facts, p) => {
        if (facts.fromLan === null)
          return fail("The LAN does not get the page yet: refusing everyone is not the goal.", hints(["Make the LAN reach web first (c1.lan-reaches)."]));
        if (facts.fromLoopback === null) return pass(fill("127.0.0.1:{port} gets nothing.", p), { bindings: bindings(facts) });
        return fail(
          fill("The host got web's page at 127.0.0.1:{port}.", p),
          hints([
            "Loopback is one of the host's addresses too: a binding on every address (0.0.0.0) or on 127.0.0.1 serves it. Publish on the LAN address alone.",
          ]),
          { bindings: bindings(facts) },
        );
      },
    },
  ],
  teardown: async (context) => {
    const n = names(context);
    await removeCable(n.lanNs, n.lanEnd);
    await removeCable(n.inetNs, n.inetEnd);
  },
  solution: [{ sh: "docker rm -f {web}" }, { sh: "docker run -d --name {web} -p {lanHost}:{port}:80 {image} httpd -f -p 80 -h /var/www" }],
  wrong: [
    {
      name: "all-addresses",
      steps: [{ sh: "docker rm -f {web}" }, { sh: "docker run -d --name {web} -p 0.0.0.0:{port}:80 {image} httpd -f -p 80 -h /var/www" }],
      failing: "c1.internet-refused",
      hintMentions: /every address of the host \(0\.0\.0\.0\)/,
    },
  ],
};
