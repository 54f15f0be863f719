// Challenge 7 · A container cannot resolve or reach its peer: diagnose from the snapshot and fix it in place. Three
// faults of the list: the wrong network, the wrong alias, and an MTU the client's eth0 does not share with the
// rest of its network (large packets to it are dropped, small ones pass). The MTU fault sits on the client's only
// network, and api must keep its name apl on netA, so every fix of the names goes through it (a reconnected
// endpoint gets a new veth pair at the network's MTU, which would undo an MTU fault on api's side unseen).
import { fail, hints, pass } from "../../checks/check.js";
import type { LabContext } from "../../labs/definition.js";
import { freeSubnet } from "../../labs/free.js";
import { containerFacts, type ContainerFacts, nameAddress } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { containerPid, fetchFromContainer, interfaceMtus, networkOwned, pingFromContainer, runOwned } from "../net.js";
import { run } from "../../exec/run.js";
import { fill } from "../steps.js";
import { webServerCommand } from "../../setup/image.js";

const texts: ChallengeTexts = {
  title: "Why can't the client find api?",
  goal: "`{client}` should get `http://api/`, the page of `{api}`, by the name `api`. It gets nothing. Its team also reports that, once it did, large pings between the two (1472 bytes of data) got no answer while small ones did. Diagnose from the picture and the snapshot (`challenge.draw()`, `challenge.snapshot()`, `docker network inspect`) what stands between them, and fix it.",
  constraints: [
    "Fix the containers in place: do not remove or recreate `{client}` or `{api}` (they hold state).",
    "`{api}` keeps its name `apl` on `{netA}`: other clients use it there.",
    "No published ports, no --link, no /etc/hosts edits: the name must come from Docker's DNS.",
  ],
  tools: [
    "`challenge.draw()`, `challenge.snapshot()`, `challenge.explain`",
    "`docker inspect`, `docker network inspect`, `docker network connect`/`disconnect`",
    "`ip link`, `nsenter -t PID -n` (a container's network namespace, from the host), `ping -s SIZE`",
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
  /** Where api resolves: the MTU of the client's interface there and of its veth peer, and of api's (null until it resolves). */
  readonly mtu: { readonly client: InterfaceMtu | null; readonly api: InterfaceMtu | null } | null;
  /** Echoes of the largest packet either end sends (its MTU, less 28 bytes of headers), each way (null until it resolves). */
  readonly bigPing: { readonly size: number; readonly clientToApi: boolean; readonly apiToClient: boolean } | null;
}

/** An interface on the path: its name inside the container, its MTU, its veth peer's MTU. */
export interface InterfaceMtu {
  readonly name: string;
  readonly inside: number | null;
  readonly peer: number | null;
}

/** The MTU the client's eth0 has at the start: less than its network's 1500, so larger frames to it are dropped. */
const startMtu = 1400;

// The client's address on the network where api resolves (api and the client share it).
const clientAddressNear = (facts: Pick<NameFacts, "client" | "api" | "resolved">): string | null => {
  const network = Object.entries(facts.api?.networks ?? {}).find(([, endpoint]) => endpoint.ip === facts.resolved)?.[0];
  return network ? (facts.client?.networks[network]?.ip ?? null) : null;
};

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
    await runOwned(context, String(p.api), ["--network", String(p.netA), "--network-alias", "apl", "--dns", "127.0.0.1"], [context.image, ...webServerCommand]);
    await runOwned(context, String(p.client), ["--network", String(p.netB), "--dns", "127.0.0.1"], [context.image, "sleep", "86400"]);
    const ids = await context.session.readRecord<string>("start");
    if (!ids.client) {
      // The client's eth0 at 1400 on a 1500 network (left from a tunnel, say): from the host's side, as the container has no NET_ADMIN.
      const pid = await containerPid(String(p.client));
      context.log(`$ nsenter -t ${pid} -n ip link set eth0 mtu ${startMtu}`);
      await run("nsenter", ["-t", String(pid), "-n", "ip", "link", "set", "eth0", "mtu", String(startMtu)]);
    }
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
    const near = clientAddressNear({ client, api, resolved });
    const mtu = resolved && near ? { client: await interfaceMtus(String(p.client), near), api: await interfaceMtus(String(p.api), resolved) } : null;
    const largest = Math.max(mtu?.client?.inside ?? 0, mtu?.api?.inside ?? 0);
    return {
      client,
      api,
      startIds: { client: start.client ?? null, api: start.api ?? null },
      resolved,
      page: resolved ? await fetchFromContainer(String(p.client), `http://${resolved}/`) : null,
      mtu,
      bigPing:
        resolved && near && largest > 28
          ? {
              size: largest - 28,
              clientToApi: await pingFromContainer(String(p.client), resolved, largest - 28),
              apiToClient: await pingFromContainer(String(p.api), near, largest - 28),
            }
          : null,
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
        if (!facts.api.networks[String(p.netA)]?.aliases.includes("apl"))
          return fail(
            fill("api no longer answers as apl on {netA}: its other clients lose it.", p),
            hints(["Leave api's endpoint on its first network as it was. A container can carry other names on another network, each endpoint its own."]),
            { networks: facts.api.networks },
          );
        if (!facts.resolved)
          return fail("Not fixed yet: the client cannot find api.", hints(["This check confirms the fix kept the containers; do the others first."]));
        return pass(fill("{client} and {api} are the original containers; api is still apl on {netA}.", p));
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
              "A running container joins another network without being recreated; api must keep its endpoint on its first network as it is.",
            ],
            fill("docker network connect --alias api {netB} {api}", p),
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
              "An endpoint's aliases are set when the container joins the network, each network its own: api can join the client's network under the name it needs (and keep apl where it is).",
            ],
            fill("docker network connect --alias api {netB} {api}", p),
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
    {
      id: "c7.full-size",
      title: "Packets as large as either end sends cross between client and api, both ways (every MTU on the path agrees)",
      points: 2,
      concepts: [10],
      judge: (facts, p) => {
        if (!facts.resolved || !facts.bigPing) return fail("api does not resolve yet.", hints(["Do c7.resolves first."]));
        const { size, clientToApi, apiToClient } = facts.bigPing;
        if (clientToApi && apiToClient) return pass(`Echoes of ${size} bytes of data cross both ways.`, { mtu: facts.mtu });
        const lost = [clientToApi ? null : "client → api", apiToClient ? null : "api → client"].filter(Boolean).join(" and ");
        return fail(
          `Echoes of ${size} bytes of data (${size + 28}-byte packets, as large as an end sends) get no answer ${lost}${facts.page === null ? "" : "; the page (small packets) comes through"}.`,
          hints(
            [
              "Small packets cross and large ones do not: a frame larger than the MTU of the device that receives it is dropped, and nothing tells the sender. Compare the MTU of every interface between the client and api, both ends of each veth pair (the picture and the snapshot show each interface's MTU).",
              "One interface disagrees with the rest of its network: both ends of a veth pair, and every port of a bridge, must carry the same MTU as the network (docker network inspect: an MTU option, else 1500). A container cannot change its own interfaces (no NET_ADMIN), but the host can, inside the container's network namespace (nsenter -n, with the container's pid from docker inspect).",
            ],
            fill("nsenter -t $(docker inspect -f '{{.State.Pid}}' {client}) -n ip link set eth0 mtu 1500", p),
          ),
          { mtu: facts.mtu, size },
        );
      },
    },
  ],
  teardown: async () => undefined,
  solution: [{ sh: "docker network connect --alias api {netB} {api}" }, { nsenter: "{client}", run: "ip link set eth0 mtu 1500" }],
  wrong: [
    {
      name: "no-alias",
      steps: [{ sh: "docker network connect {netB} {api}" }],
      failing: "c7.resolves",
      hintMentions: /Docker's DNS answers for a container's name and for its aliases/,
    },
    {
      // The alias changed where api has it: the client joins netA and api rejoins it as api; apl is gone for api's other clients.
      name: "alias-replaced",
      steps: [
        { sh: "docker network connect {netA} {client}" },
        { sh: "docker network disconnect {netA} {api}" },
        { sh: "docker network connect --alias api {netA} {api}" },
      ],
      failing: "c7.in-place",
      hintMentions: /no longer answers as apl/,
    },
    {
      // Names fixed, and the client's MTU raised past the network's (jumbo frames): 9000-byte packets from it are dropped by its own veth peer.
      name: "jumbo",
      steps: [{ sh: "docker network connect --alias api {netB} {api}" }, { nsenter: "{client}", run: "ip link set eth0 mtu 9000" }],
      failing: "c7.full-size",
      hintMentions: /a frame larger than the MTU of the device that receives it is dropped/,
    },
  ],
};
