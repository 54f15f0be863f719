// Challenge 6 · From --link to a user-defined network: two replicas behind one alias, round robin, no downtime.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fail, hints, pass } from "../../checks/check.js";
import { run } from "../../exec/run.js";
import type { LabContext } from "../../labs/definition.js";
import { containerFacts, type ContainerFacts } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { runOwned } from "../net.js";
import { fill } from "../steps.js";

const texts: ChallengeTexts = {
  title: "From --link to a network, without downtime",
  goal: "The client `{client}` asks for `http://backend/` twice a second and logs who answered (`{logDir}/answers` on the host; `FAIL` when nobody did). Today `backend` is `{api}`, through the legacy `--link`. Move the app to a user-defined network `{appnet}` where two replicas, `{api1}` and `{api2}`, answer for the name `backend` in turn (round robin), with the client resolving it through Docker's DNS, no `--link` left, and the client never going without an answer while you do it.",
  constraints: [
    "The replicas serve what `{api}` serves, the same way (see how `{api}` runs: `docker inspect`).",
    "The client keeps its command and its `/log` mount (`docker inspect {client}` shows both); you may recreate it.",
    "Run every container you start with `--dns 127.0.0.1`: on this machine no container may ask an outside resolver.",
  ],
  tools: ["`docker inspect`, `docker network create`/`connect`, `docker run --network-alias`, `docker rm`", "`tail {logDir}/answers`"],
  params: {
    client: "the client",
    api: "the app today (behind --link)",
    api1: "the first replica you run",
    api2: "the second replica",
    appnet: "the user-defined network to create",
    logDir: "the client's log folder on the host (mounted at /log)",
    www: "the app's web folder on the host (mounted at /www)",
  },
};

/** What the judges read. */
export interface LinkFacts {
  readonly client: ContainerFacts | null;
  /** The line of the client's /etc/hosts that names `backend` (the legacy link), or null. */
  readonly hostsLine: string | null;
  /** Containers that answer for `backend` on a user-defined network the client is on: name and hostname (12-digit id). */
  readonly replicas: readonly { readonly name: string; readonly hostname: string }[];
  /** The client's last 40 log lines, and how many FAIL lines the log holds. */
  readonly recent: readonly string[];
  readonly failures: number;
}

// The client's loop: resolve `backend` as libc would (/etc/hosts, then the embedded DNS, A records only, never
// an outside server), ask it for its name, log the answer or FAIL.
const loop = `#!/bin/sh
while true; do
  ip=$(awk '$2 == "backend" || $3 == "backend" { print $1; exit }' /etc/hosts)
  if [ -z "$ip" ] && grep -q '^nameserver 127.0.0.11' /etc/resolv.conf; then
    ip=$(nslookup -type=a backend 127.0.0.11 2>/dev/null | awk '/^Name:/ { n = 1 } n && /^Address/ { print $NF; exit }')
  fi
  answer=""
  [ -n "$ip" ] && answer=$(printf 'GET /cgi-bin/name HTTP/1.0\\r\\n\\r\\n' | nc -w 2 "$ip" 80 2>/dev/null | tail -n 1)
  if [ -n "$answer" ]; then echo "$answer" >> /log/answers; else echo FAIL >> /log/answers; fi
  sleep 0.5
done
`;
const nameCgi = '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n%s\\n" "$(hostname)"\n';

const plan = async (context: LabContext): Promise<Params> => ({
  client: context.session.name("client"),
  api: context.session.name("api"),
  api1: context.session.name("api1"),
  api2: context.session.name("api2"),
  appnet: context.session.name("appnet"),
  image: context.image,
  logDir: join(context.session.dir, "client-log"),
  www: join(context.session.dir, "www"),
});

const userNetworks = (c: ContainerFacts | null): string[] => Object.keys(c?.networks ?? {}).filter((n) => !["bridge", "host", "none"].includes(n));

export const c6: ChallengeDefinition<LinkFacts> = {
  id: "c6",
  slug: "c6-link-to-network",
  texts,
  difficulty: "hard",
  minutes: 30,
  concepts: [10, 11],
  labs: ["04"],
  hostSide: false,
  plan,
  setup: async (context, p) => {
    await mkdir(join(String(p.www), "cgi-bin"), { recursive: true });
    await writeFile(join(String(p.www), "cgi-bin", "name"), nameCgi);
    await chmod(join(String(p.www), "cgi-bin", "name"), 0o755);
    await mkdir(String(p.logDir), { recursive: true });
    await writeFile(join(String(p.logDir), "loop.sh"), loop);
    await runOwned(context, String(p.api), ["--dns", "127.0.0.1", "-v", `${p.www}:/www:ro`], [context.image, "httpd", "-f", "-p", "80", "-h", "/www"]);
    await runOwned(
      context,
      String(p.client),
      ["--dns", "127.0.0.1", "--link", `${p.api}:backend`, "-v", `${p.logDir}:/log`],
      [context.image, "sh", "/log/loop.sh"],
    );
  },
  gather: async (_context, p) => {
    const client = await containerFacts(String(p.client));
    const hosts = client?.running ? (await run("docker", ["exec", String(p.client), "cat", "/etc/hosts"], { reject: false })).stdout : "";
    const hostsLine = hosts.split("\n").find((line) => line.split(/\s+/).slice(1).includes("backend")) ?? null;
    const replicas: { name: string; hostname: string }[] = [];
    for (const key of ["api", "api1", "api2"]) {
      const c = await containerFacts(String(p[key]));
      if (!c?.running) continue;
      const shared = userNetworks(c).filter((n) => userNetworks(client).includes(n));
      if (shared.some((n) => c.networks[n]?.aliases.includes("backend"))) replicas.push({ name: c.name, hostname: c.id.slice(0, 12) });
    }
    const log = (await readFile(join(String(p.logDir), "answers"), "utf8").catch(() => "")).split("\n").filter(Boolean);
    return { client, hostsLine, replicas, recent: log.slice(-40), failures: log.filter((line) => line === "FAIL").length };
  },
  checks: [
    {
      id: "c6.no-link",
      title: "The client runs with no --link and no /etc/hosts entry for backend, asking no outside resolver",
      points: 2,
      concepts: [11],
      judge: (facts, p) => {
        if (!facts.client?.running)
          return fail(fill("{client} is not running.", p), hints(["The client must keep running: recreate it with its command and its /log mount."]));
        if (facts.client.links.length || facts.hostsLine)
          return fail(
            `The client still reaches backend through --link (${facts.client.links.join(", ") || facts.hostsLine}).`,
            hints(
              [
                "A legacy link is fixed when the client is created: it writes backend into the client's /etc/hosts (on the default bridge) or a private alias (on a user network), and names one container only. Docker's DNS on a user-defined network answers for a network alias instead, for every container that carries it.",
                "Create the client again, on the new network, without --link.",
              ],
              fill("docker rm -f {client} && docker run -d --name {client} --network {appnet} --dns 127.0.0.1 -v {logDir}:/log {image} sh /log/loop.sh", p),
            ),
            { links: facts.client.links, hostsLine: facts.hostsLine },
          );
        if (!facts.client.dns.includes("127.0.0.1"))
          return fail(
            "The client runs without --dns 127.0.0.1.",
            hints(["On this machine a container must not ask an outside resolver: give it --dns 127.0.0.1 (the embedded DNS still answers container names)."]),
          );
        return pass("No link: the client resolves backend through the embedded DNS.");
      },
    },
    {
      id: "c6.round-robin",
      title: "Two replicas answer for backend on a user-defined network, and the client's recent answers come from both",
      points: 3,
      concepts: [10, 11],
      judge: (facts, p) => {
        const names = facts.replicas.map((r) => r.name);
        if (facts.replicas.length < 2)
          return fail(
            `Answering for backend on the client's networks: ${names.join(", ") || "nobody"}.`,
            hints(
              [
                "A network alias is a name Docker's DNS answers for on one user-defined network; several containers may carry the same alias, and the answers then rotate. The client has to be on that network too.",
                "Run the replicas on the new network, each with the alias backend, serving the app's folder the way the app does.",
              ],
              fill(
                "docker network create {appnet} && docker run -d --name {api1} --network {appnet} --network-alias backend --dns 127.0.0.1 -v {www}:/www:ro {image} httpd -f -p 80 -h /www",
                p,
              ),
            ),
            { replicas: names },
          );
        const seen = new Set(facts.recent.slice(-20));
        const answered = facts.replicas.filter((r) => seen.has(r.hostname));
        if (answered.length < 2)
          return fail(
            `The client's last answers came from ${answered.map((r) => r.name).join(", ") || "none of the replicas"}.`,
            hints([
              "Is the client on the replicas' network, without the link, and do both replicas serve the app's page? Give it a few seconds: it asks twice a second.",
            ]),
            { recent: facts.recent.slice(-10) },
          );
        return pass(`Round robin: the client heard ${answered.map((r) => r.name).join(" and ")}.`, { replicas: names });
      },
    },
    {
      id: "c6.no-downtime",
      title: "The client's log shows at most two failed requests in all, and none of the last three, once the move is done",
      points: 2,
      concepts: [11],
      judge: (facts) => {
        if (facts.replicas.length < 2 || facts.client?.links.length || facts.hostsLine)
          return fail("The move is not done yet.", hints(["Finish c6.no-link and c6.round-robin; this check then reads the whole log."]));
        const last = facts.recent.slice(-3);
        if (facts.failures <= 2 && !last.includes("FAIL")) return pass(`${facts.failures} failed request(s) during the move.`, { failures: facts.failures });
        return fail(
          `The client logged ${facts.failures} failed requests${last.includes("FAIL") ? ", some of them just now" : ""}.`,
          hints([
            "Order matters: start what will answer before you stop what answers now. The replicas can run (and answer for backend on the new network) while the old app and the old client still work; only then swap the client, and remove the old app last. Reset the challenge to try again.",
          ]),
          { failures: facts.failures },
        );
      },
    },
  ],
  teardown: async () => undefined,
  solution: [
    { sh: "docker network create {appnet}" },
    { sh: "docker run -d --name {api1} --network {appnet} --network-alias backend --dns 127.0.0.1 -v {www}:/www:ro {image} httpd -f -p 80 -h /www" },
    { sh: "docker run -d --name {api2} --network {appnet} --network-alias backend --dns 127.0.0.1 -v {www}:/www:ro {image} httpd -f -p 80 -h /www" },
    { sh: "docker rm -f {client}" },
    { sh: "docker run -d --name {client} --network {appnet} --dns 127.0.0.1 -v {logDir}:/log {image} sh /log/loop.sh" },
    { sh: "docker rm -f {api}" },
    { settle: 6 },
  ],
  wrong: [
    {
      name: "relinked",
      steps: [
        { sh: "docker network create {appnet}" },
        { sh: "docker run -d --name {api1} --network {appnet} --network-alias backend --dns 127.0.0.1 -v {www}:/www:ro {image} httpd -f -p 80 -h /www" },
        { sh: "docker run -d --name {api2} --network {appnet} --network-alias backend --dns 127.0.0.1 -v {www}:/www:ro {image} httpd -f -p 80 -h /www" },
        { sh: "docker rm -f {client}" },
        { sh: "docker run -d --name {client} --network {appnet} --link {api1}:backend --dns 127.0.0.1 -v {logDir}:/log {image} sh /log/loop.sh" },
        { settle: 3 },
      ],
      failing: "c6.no-link",
      hintMentions: /A legacy link is fixed when the client is created/,
    },
  ],
};
