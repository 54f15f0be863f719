// Challenge 7 · A container cannot resolve or reach its peer: diagnose from the snapshot and fix it in place.
import { fail, hints, pass } from "../../checks/check.js";
import type { LabContext } from "../../labs/definition.js";
import { freeSubnet } from "../../labs/free.js";
import { containerFacts, type ContainerFacts, nameAddress } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { fetchFromContainer, networkOwned, runOwned } from "../net.js";
import { fill } from "../steps.js";

const texts: ChallengeTexts = {
  title: "Why can't the client find api?",
  goal: "`{client}` should get `http://api/`, the page of `{api}`, by the name `api`. It gets nothing. Diagnose from the picture and the snapshot (`challenge.draw()`, `challenge.snapshot()`, `docker network inspect`) what stands between them, and fix it.",
  constraints: [
    "Fix the containers in place: do not remove or recreate `{client}` or `{api}` (they hold state).",
    "No published ports, no --link, no /etc/hosts edits: the name must come from Docker's DNS.",
  ],
  tools: [
    "`challenge.draw()`, `challenge.snapshot()`, `challenge.explain`",
    "`docker inspect`, `docker network inspect`, `docker network connect`/`disconnect`",
  ],
  params: {
    client: "the container that asks",
    api: "the container that should answer as api",
    netA: "a network of the challenge",
    netB: "another network of the challenge",
  },
};

/** What the judges read. */
export interface NameFacts {
  readonly client: ContainerFacts | null;
  readonly api: ContainerFacts | null;
  /** Container ids at the start (in-place fixes keep them). */
  readonly startIds: { readonly client: string | null; readonly api: string | null };
  /** Where `api` resolves from the client (Docker's DNS rules, see nameAddress), and the page fetched there. */
  readonly resolved: string | null;
  readonly page: string | null;
}

const plan = async (context: LabContext): Promise<Params> => ({
  client: context.session.name("client"),
  api: context.session.name("api"),
  netA: context.session.name("net-a"),
  netB: context.session.name("net-b"),
  subnetA: await freeSubnet(context.session, "net-a"),
  subnetB: await freeSubnet(context.session, "net-b"),
  image: context.image,
});

const shared = (a: ContainerFacts | null, b: ContainerFacts | null): string[] =>
  Object.keys(a?.networks ?? {}).filter((n) => !["bridge", "host", "none"].includes(n) && n in (b?.networks ?? {}));

export const c7: ChallengeDefinition<NameFacts> = {
  id: "c7",
  slug: "c7-name-diagnosis",
  texts,
  difficulty: "medium",
  minutes: 15,
  concepts: [10, 11, 12],
  labs: ["04"],
  hostSide: false,
  plan,
  setup: async (context, p) => {
    await networkOwned(context, String(p.netA), ["--subnet", String(p.subnetA)]);
    await networkOwned(context, String(p.netB), ["--subnet", String(p.subnetB)]);
    // The starting state: api answers as "apl" on netA; the client is on netB.
    await runOwned(
      context,
      String(p.api),
      ["--network", String(p.netA), "--network-alias", "apl", "--dns", "127.0.0.1"],
      [context.image, "httpd", "-f", "-p", "80", "-h", "/var/www"],
    );
    await runOwned(context, String(p.client), ["--network", String(p.netB), "--dns", "127.0.0.1"], [context.image, "sleep", "86400"]);
    const ids = await context.session.readRecord<string>("start");
    if (!ids.client)
      await context.session.writeRecord("start", {
        client: (await containerFacts(String(p.client)))?.id ?? "",
        api: (await containerFacts(String(p.api)))?.id ?? "",
      });
  },
  gather: async (context, p) => {
    const [client, api] = [await containerFacts(String(p.client)), await containerFacts(String(p.api))];
    const start = await context.session.readRecord<string>("start");
    const resolved = nameAddress(client, api, "api");
    return {
      client,
      api,
      startIds: { client: start.client ?? null, api: start.api ?? null },
      resolved,
      page: resolved ? await fetchFromContainer(String(p.client), `http://${resolved}/`) : null,
    };
  },
  checks: [
    {
      id: "c7.in-place",
      title: "Fixed in place: client and api are the containers the challenge started, still running",
      points: 1,
      concepts: [12],
      judge: (facts, p) => {
        if (!facts.client?.running || !facts.api?.running) return fail("client and api must both run.", hints(["Reset the challenge to get them back."]));
        if (facts.client.id !== facts.startIds.client || facts.api.id !== facts.startIds.api)
          return fail(
            "A container was recreated: the fix had to keep them.",
            hints(["Networks and aliases of a running container can be changed without recreating it. Reset the challenge and fix them in place."]),
          );
        if (!facts.resolved)
          return fail("Not fixed yet: the client cannot find api.", hints(["This check confirms the fix kept the containers; do the others first."]));
        return pass(fill("{client} and {api} are the original containers.", p));
      },
    },
    {
      id: "c7.same-network",
      title: "client and api share a user-defined network",
      points: 2,
      concepts: [10, 12],
      judge: (facts, p) => {
        const both = shared(facts.client, facts.api);
        if (both.length) return pass(`They share ${both.join(", ")}.`);
        return fail(
          "client and api share no user-defined network.",
          hints(
            [
              "Docker's DNS answers a container only for containers on the networks it is on, and packets cross between two bridges only through a router. Draw the challenge: which network is each one on?",
              "A running container joins another network without being recreated.",
            ],
            fill("docker network connect {netA} {client}", p),
          ),
          { client: Object.keys(facts.client?.networks ?? {}), api: Object.keys(facts.api?.networks ?? {}) },
        );
      },
    },
    {
      id: "c7.resolves",
      title: "The name api resolves to api's address from the client (a container name or alias on the shared network)",
      points: 2,
      concepts: [11],
      judge: (facts, p) => {
        if (facts.resolved) return pass(`api → ${facts.resolved} for the client.`);
        const aliases = shared(facts.client, facts.api).flatMap((n) => facts.api?.networks[n]?.aliases ?? []);
        return fail(
          "The name api does not resolve for the client.",
          hints(
            [
              "On a shared user-defined network Docker's DNS answers for a container's name and for its aliases on that network, nothing else. What names does api carry there (docker network inspect, docker inspect: Aliases)?",
              "An endpoint's aliases are set when the container joins the network: leave it and join again with the alias you need.",
            ],
            fill("docker network disconnect {netA} {api} && docker network connect --alias api {netA} {api}", p),
          ),
          { aliases },
        );
      },
    },
    {
      id: "c7.reaches",
      title: "The client gets api's page at the address api resolves to",
      points: 2,
      concepts: [10],
      judge: (facts) => {
        if (!facts.resolved) return fail("api does not resolve yet.", hints(["Do c7.resolves first."]));
        if (facts.page !== null) return pass(`http://api/ (${facts.resolved}) answers the client.`);
        return fail(`Nothing answers at ${facts.resolved}.`, hints(["Is api's web server still running? docker ps, and docker logs."]));
      },
    },
  ],
  teardown: async () => undefined,
  solution: [
    { sh: "docker network connect {netA} {client}" },
    { sh: "docker network disconnect {netA} {api}" },
    { sh: "docker network connect --alias api {netA} {api}" },
  ],
  wrong: {
    steps: [{ sh: "docker network connect {netA} {client}" }],
    failing: "c7.resolves",
    hintMentions: /Docker's DNS answers for a container's name and for its aliases/,
  },
};
