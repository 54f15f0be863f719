// Challenge 2 · Three tiers: frontend published, backend by name from the frontend only, database from the backend only.
import { fail, hints, pass } from "../../checks/check.js";
import type { LabContext } from "../../labs/definition.js";
import { freePort } from "../../labs/free.js";
import { containerFacts, type ContainerFacts, nameAddress } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { fetchFromContainer, fetchFromHost, runOwned } from "../net.js";
import { fill } from "../steps.js";
import { webServerCommand } from "../../setup/image.js";

const texts: ChallengeTexts = {
  title: "Three tiers",
  goal: "Three web servers play an application: `{front}` (frontend), `{back}` (backend) and `{db}` (database). The host gets the frontend's page at 127.0.0.1:`{port}`; the frontend reaches the backend by its name (`http://{back}/`); the backend reaches the database by its name (`http://{db}/`); the frontend cannot reach the database at all, by name or by address. Prove each path and each refusal with `challenge.explain` before you check.",
  constraints: [
    "Keep the three names and the web server inside each (`httpd -f -p 80 -h /var/www`, the image `{image}`).",
    "Publish only the frontend, and only on 127.0.0.1.",
  ],
  tools: ["`docker network create`/`connect`, `docker run`/`rm`, `docker inspect`", "`challenge.explain(from, to)` and `challenge.draw()`"],
  params: {
    front: "the frontend container",
    back: "the backend container",
    db: "the database container",
    port: "the host port of the frontend (on 127.0.0.1)",
    frontNet: "a name you may use for the frontend's network",
    backNet: "a name you may use for the backend's network",
  },
};

/** What the judges read. */
export interface ThreeTiersFacts {
  readonly front: ContainerFacts | null;
  readonly back: ContainerFacts | null;
  readonly db: ContainerFacts | null;
  /**
   * Pages: host -> 127.0.0.1:port, front -> back by name, back -> db by name (each fetched at the address the name
   * resolves to there, see nameAddress; null when it does not resolve), front -> db by name and by each of db's addresses.
   */
  readonly hostToFront: string | null;
  readonly frontToBack: string | null;
  readonly backToDb: string | null;
  readonly frontToDbByName: string | null;
  readonly frontToDbByAddress: Readonly<Record<string, string | null>>;
}

const plan = async (context: LabContext): Promise<Params> => ({
  front: context.session.name("front"),
  back: context.session.name("back"),
  db: context.session.name("db"),
  frontNet: context.session.name("front-net"),
  backNet: context.session.name("back-net"),
  image: context.image,
  port: await freePort(context.session, "port"),
});

const published = (c: ContainerFacts | null): string[] =>
  Object.values(c?.ports ?? {})
    .flat()
    .map((b) => `${b.hostIp || "0.0.0.0"}:${b.hostPort}`);

const down = (facts: ThreeTiersFacts, p: Params) => {
  const missing = (["front", "back", "db"] as const).filter((key) => !facts[key]?.running);
  return missing.length
    ? fail(
        `Not running: ${missing.map((key) => String(p[key])).join(", ")}.`,
        hints(["Each tier is one container of the challenge's image running the web server; run the missing ones again with their names."]),
      )
    : null;
};

const serve = "{image} httpd -f -p 80 -h /var/www";

export const c2: ChallengeDefinition<ThreeTiersFacts> = {
  id: "c2",
  slug: "c2-three-tiers",
  texts,
  difficulty: "medium",
  minutes: 20,
  concepts: [8, 10, 11, 12],
  labs: ["03", "04"],
  hostSide: true,
  plan,
  // The starting state: the three on the default bridge, nothing published.
  setup: async (context, p) => {
    for (const key of ["front", "back", "db"]) await runOwned(context, String(p[key]), [], [context.image, ...webServerCommand]);
  },
  gather: async (_context, p) => {
    const [frontFacts, back, db] = [await containerFacts(String(p.front)), await containerFacts(String(p.back)), await containerFacts(String(p.db))];
    const front = String(p.front);
    const byName = async (from: ContainerFacts | null, to: ContainerFacts | null, name: string) => {
      const address = nameAddress(from, to, name);
      return address && from ? fetchFromContainer(from.name, `http://${address}/`) : null;
    };
    const addresses = Object.values(db?.networks ?? {})
      .map((n) => n.ip)
      .filter(Boolean);
    const byAddress: Record<string, string | null> = {};
    for (const address of addresses) byAddress[address] = await fetchFromContainer(front, `http://${address}/`);
    return {
      front: frontFacts,
      back,
      db,
      hostToFront: await fetchFromHost(`http://127.0.0.1:${p.port}/`),
      frontToBack: await byName(frontFacts, back, String(p.back)),
      backToDb: await byName(back, db, String(p.db)),
      frontToDbByName: await byName(frontFacts, db, String(p.db)),
      frontToDbByAddress: byAddress,
    };
  },
  checks: [
    {
      id: "c2.front-published",
      title: "The host gets the frontend's page at 127.0.0.1:port, and the frontend is published on loopback only",
      points: 1,
      concepts: [8],
      judge: (facts, p) => {
        const stopped = down(facts, p);
        if (stopped) return stopped;
        const bindings = published(facts.front);
        if (facts.hostToFront === null)
          return fail(
            fill("127.0.0.1:{port} gets no page.", p),
            hints(
              ["A port is published when the container is created (-p HOST_IP:HOST_PORT:CONTAINER_PORT); the frontend has to be created again for that."],
              fill("docker run -d --name {front} --network {frontNet} -p 127.0.0.1:{port}:80 {image} httpd -f -p 80 -h /var/www", p),
            ),
            { bindings },
          );
        if (bindings.some((b) => !b.startsWith("127.0.0.1:")))
          return fail(`The frontend is published on ${bindings.join(", ")}: more than loopback.`, hints(["Name 127.0.0.1 as the host address in -p."]), {
            bindings,
          });
        return pass(fill("127.0.0.1:{port} serves the frontend.", p), { bindings });
      },
    },
    {
      id: "c2.front-to-back",
      title: "The frontend gets the backend's page by the backend's name",
      points: 2,
      concepts: [10, 11],
      judge: (facts, p) => {
        const stopped = down(facts, p);
        if (stopped) return stopped;
        if (facts.frontToBack !== null) return pass(fill("{front} → http://{back}/ answers.", p));
        return fail(
          fill("{front} gets no page from http://{back}/.", p),
          hints(
            [
              "Container names are answered by Docker's embedded DNS (127.0.0.11), and only on user-defined networks, between containers that share one. Which network are the frontend and the backend on now?",
              "Create a user-defined bridge network for the frontend and the backend, and put both on it (a running container joins one with docker network connect).",
            ],
            fill("docker network create {frontNet} && docker network connect {frontNet} {back}", p),
          ),
        );
      },
    },
    {
      id: "c2.back-to-db",
      title: "The backend gets the database's page by the database's name",
      points: 2,
      concepts: [10, 11],
      judge: (facts, p) => {
        const stopped = down(facts, p);
        if (stopped) return stopped;
        if (facts.backToDb !== null) return pass(fill("{back} → http://{db}/ answers.", p));
        return fail(
          fill("{back} gets no page from http://{db}/.", p),
          hints(
            [
              "Names resolve only between containers on a shared user-defined network. The backend and the database need one the frontend is not on.",
              "A container can be on several networks: the backend joins a second one where the database is.",
            ],
            fill("docker network create {backNet} && docker network connect {backNet} {back} && docker network connect {backNet} {db}", p),
          ),
        );
      },
    },
    {
      id: "c2.db-isolated",
      title: "The frontend reaches the database neither by name nor by any of its addresses, while the backend does",
      points: 3,
      concepts: [12],
      judge: (facts, p) => {
        const stopped = down(facts, p);
        if (stopped) return stopped;
        if (facts.backToDb === null)
          return fail("The backend does not reach the database yet: cutting everyone off is not the goal.", hints(["Do c2.back-to-db first."]));
        const reached = Object.entries(facts.frontToDbByAddress)
          .filter(([, page]) => page !== null)
          .map(([address]) => address);
        if (facts.frontToDbByName !== null) reached.unshift(`http://${p.db}/`);
        if (reached.length === 0)
          return pass("The frontend gets nothing from the database, by name or by address.", { tried: Object.keys(facts.frontToDbByAddress) });
        return fail(
          `The frontend still reaches the database at ${reached.join(", ")}.`,
          hints([
            "Two containers on the same network reach each other (by address on any bridge, by name on a user-defined one). A network the frontend and the database share, even the default bridge, lets the frontend in: look at which networks each one is on.",
            "Leave the database only on the backend's network (docker network disconnect takes it off the others).",
          ]),
          { reached },
        );
      },
    },
    {
      id: "c2.only-front-published",
      title: "Neither the backend nor the database publishes a port",
      points: 1,
      concepts: [8],
      judge: (facts, p) => {
        const stopped = down(facts, p);
        if (stopped) return stopped;
        if (facts.hostToFront === null) return fail("Publish the frontend first (c2.front-published).", hints(["Only the frontend faces the host."]));
        const extra = [...published(facts.back).map((b) => `backend ${b}`), ...published(facts.db).map((b) => `database ${b}`)];
        return extra.length
          ? fail(
              `Published: ${extra.join(", ")}.`,
              hints(["The inner tiers are reached over Docker networks, never through the host: create them without -p."]),
              { extra },
            )
          : pass("Only the frontend faces the host.");
      },
    },
  ],
  teardown: async () => undefined,
  solution: [
    { sh: "docker rm -f {front} {back} {db}" },
    { sh: "docker network create {frontNet}" },
    { sh: "docker network create {backNet}" },
    { sh: `docker run -d --name {front} --network {frontNet} -p 127.0.0.1:{port}:80 ${serve}` },
    { sh: `docker run -d --name {back} --network {frontNet} ${serve}` },
    { sh: "docker network connect {backNet} {back}" },
    { sh: `docker run -d --name {db} --network {backNet} ${serve}` },
  ],
  wrong: [
    {
      name: "one-network",
      steps: [
        { sh: "docker rm -f {front} {back} {db}" },
        { sh: "docker network create {frontNet}" },
        { sh: `docker run -d --name {front} --network {frontNet} -p 127.0.0.1:{port}:80 ${serve}` },
        { sh: `docker run -d --name {back} --network {frontNet} ${serve}` },
        { sh: `docker run -d --name {db} --network {frontNet} ${serve}` },
      ],
      failing: "c2.db-isolated",
      hintMentions: /Two containers on the same network reach each other/,
    },
  ],
};
