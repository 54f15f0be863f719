// Challenge 8 · On a private engine: move docker0 off the office network and give a user network an --ip-range that
// keeps Docker away from the block reserved for static addresses.
import { fail, hints, pass } from "../../checks/check.js";
import type { LabContext } from "../../labs/definition.js";
import { hostAddress } from "../../labs/free.js";
import { inSubnet, overlaps, parseCidr } from "../../topology/ipv4.js";
import { containerFacts, type ContainerFacts, networkFacts, type NetworkFacts } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { challengeEngine } from "../runtime.js";
import { fill } from "../steps.js";

const texts: ChallengeTexts = {
  title: "Two subnets that must never collide",
  goal: "This challenge runs its own Docker engine (`challenge.engine`, or `docker -H {engineHost}` from a terminal). Its docker0 sits on `172.17.0.0/16`, which is also the office network `{office}` the machine must reach. And on its network `{team}` (`{teamSubnet}`), the block `{staticBlock}` is reserved for static addresses (`--ip`), yet Docker hands addresses out of it: `{worker}` took `{dbIp}`, the database's. Make docker0 overlap neither `{office}` nor `{teamSubnet}`, make `{team}` hand out addresses only outside `{staticBlock}`, and run `{db}` at `{dbIp}` and `{worker}` with an address Docker picks.",
  constraints: ["Change the engine with its options (docker0's address), never the host's engine.", "Keep `{team}`'s subnet `{teamSubnet}`."],
  tools: [
    "`challenge.engine.restart({ bip, defaultAddressPools })` in a notebook, `docker-net-lab challenge engine c8 --bip …` from a terminal",
    "`challenge.engine.sh` / `docker -H {engineHost}`: `network inspect`, `network create --subnet --ip-range`, `run --ip`",
  ],
  params: {
    engineHost: "the private engine's socket",
    office: "the office network docker0 must leave alone",
    team: "the user network",
    teamSubnet: "its subnet (keep it)",
    staticBlock: "the block reserved for static addresses",
    db: "the database container (static address)",
    dbIp: "its address",
    worker: "a container with a dynamic address",
  },
};

/** What the judges read (all from the private engine). */
export interface RangesFacts {
  readonly engineUp: boolean;
  /** The default bridge network's subnet on the private engine. */
  readonly docker0: string | null;
  readonly team: NetworkFacts | null;
  readonly db: ContainerFacts | null;
  readonly worker: ContainerFacts | null;
}

// The engine runs in a network namespace of its own, with no link to the host: fixed subnets cannot collide with
// anything outside it, and the reference solution can name its values without a parameter that would show them.
const teamSubnet = "10.220.0.0/24";

const plan = async (context: LabContext): Promise<Params> => ({
  engineHost: challengeEngine(context).host,
  office: "172.17.0.0/16",
  team: context.session.name("team"),
  teamSubnet,
  staticBlock: `${hostAddress(teamSubnet, 0)}/25`,
  dbIp: hostAddress(teamSubnet, 2),
  db: context.session.name("db"),
  worker: context.session.name("worker"),
  image: context.image,
});

export const c8: ChallengeDefinition<RangesFacts> = {
  id: "c8",
  slug: "c8-engine-ranges",
  texts,
  difficulty: "hard",
  minutes: 25,
  concepts: [17],
  labs: ["07"],
  hostSide: false,
  plan,
  setup: async (context, p) => {
    const engine = challengeEngine(context);
    if (!(await engine.answering())) await engine.start({});
    else await engine.loadImage();
    if (!(await engine.network(String(p.team))))
      await engine.exec(["docker", "network", "create", "--subnet", String(p.teamSubnet), String(p.team)], { quiet: true });
    if (!(await engine.container(String(p.worker))))
      await engine.exec(["docker", "run", "-d", "--name", String(p.worker), "--network", String(p.team), context.image, "sleep", "86400"], { quiet: true });
    context.log(
      `private engine of challenge c8: docker -H ${engine.host}; ${p.worker} took ${(await containerFacts(String(p.worker), engine.engine))?.networks[String(p.team)]?.ip}`,
    );
  },
  gather: async (context, p) => {
    const engine = challengeEngine(context);
    if (!(await engine.answering())) return { engineUp: false, docker0: null, team: null, db: null, worker: null };
    return {
      engineUp: true,
      docker0: (await networkFacts("bridge", engine.engine))?.subnet ?? null,
      team: await networkFacts(String(p.team), engine.engine),
      db: await containerFacts(String(p.db), engine.engine),
      worker: await containerFacts(String(p.worker), engine.engine),
    };
  },
  checks: [
    {
      id: "c8.docker0-moved",
      title: "The private engine's docker0 overlaps neither the office network nor the team network",
      points: 3,
      concepts: [17],
      judge: (facts, p) => {
        if (!facts.engineUp) return fail("The private engine does not answer.", hints(["Start the challenge again (start or reset): it starts the engine."]));
        const clash = [String(p.office), String(p.teamSubnet)].filter((net) => facts.docker0 && overlaps(facts.docker0, net));
        if (facts.docker0 && clash.length === 0) return pass(`docker0 is on ${facts.docker0}.`);
        return fail(
          `docker0 is on ${facts.docker0 ?? "nothing"}, which overlaps ${clash.join(" and ")}.`,
          hints(
            [
              "docker0's address and prefix are an option of the engine, not of a network: they are set when dockerd starts (DOCKER_OPTS or daemon.json's bip), so the engine has to be restarted with a new one. Choose a range that overlaps neither given subnet.",
              "The option is --bip, docker0's own address with its prefix (e.g. x.y.z.1/24).",
            ],
            'await challenge.engine.restart({ bip: "10.221.0.1/24" })   (terminal: docker-net-lab challenge engine c8 --bip 10.221.0.1/24)',
          ),
          { docker0: facts.docker0 },
        );
      },
    },
    {
      id: "c8.team-range",
      title: "The team network keeps its subnet and hands out addresses only outside the static block",
      points: 3,
      concepts: [17],
      judge: (facts, p) => {
        const team = facts.team;
        if (!team)
          return fail(fill("There is no network {team} on the private engine.", p), hints(["Create it again on the private engine, with its subnet."]));
        if (team.subnet !== p.teamSubnet) return fail(`${p.team} is on ${team.subnet}, not ${p.teamSubnet}.`, hints(["Keep the team network's subnet."]));
        const range = team.ipRange;
        const ok = range !== null && parseCidr(range) !== null && overlaps(range, String(p.teamSubnet)) && !overlaps(range, String(p.staticBlock));
        const inside = range !== null && inSubnet(range.split("/")[0] as string, String(p.teamSubnet)) && (parseCidr(range)?.prefix ?? 0) >= 25;
        if (ok && inside) return pass(`${p.team}: subnet ${team.subnet}, Docker hands out ${range} only.`, { ipRange: range });
        return fail(
          range
            ? `${p.team} hands out ${range}, which overlaps the static block ${p.staticBlock}.`
            : `${p.team} hands out its whole subnet: Docker may give away ${p.staticBlock}.`,
          hints(
            [
              "A network's IPAM has a subnet and, optionally, a smaller range Docker picks dynamic addresses from; static addresses (--ip) may sit anywhere in the subnet. Keep the dynamic range and the static block apart.",
              "The range is given when the network is created (--ip-range): the network has to be removed (its containers first) and created again.",
            ],
            fill("docker network create --subnet {teamSubnet} --ip-range 10.220.0.128/25 {team}   (on the private engine)", p),
          ),
          { ipRange: range },
        );
      },
    },
    {
      id: "c8.addresses",
      title: "db runs at its static address and worker at an address Docker picked from the range",
      points: 2,
      concepts: [17],
      judge: (facts, p) => {
        const range = facts.team?.ipRange ?? null;
        const dbIp = facts.db?.networks[String(p.team)]?.ip ?? null;
        const workerIp = facts.worker?.networks[String(p.team)]?.ip ?? null;
        if (!facts.db?.running || dbIp !== p.dbIp)
          return fail(
            fill("{db} is not running at {dbIp} on {team}.", p),
            hints(["A static address is asked for with --ip when the container is started on the network (a subnet given with --subnet is needed)."]),
            { dbIp },
          );
        if (!facts.worker?.running || !workerIp || !range || !inSubnet(workerIp, range))
          return fail(
            fill("{worker} does not run with an address from the team network's range.", p),
            hints(["Start worker on the team network without --ip, after the range is in place."]),
            {
              workerIp,
              range,
            },
          );
        return pass(`${p.db} at ${dbIp}, ${p.worker} at ${workerIp} (from ${range}).`);
      },
    },
  ],
  teardown: async (context) => {
    await challengeEngine(context).destroy();
  },
  solution: [
    { engine: { bip: "10.221.0.1/24" } },
    { esh: "docker rm -f {worker}" },
    { esh: "docker network rm {team}" },
    { esh: "docker network create --subnet {teamSubnet} --ip-range 10.220.0.128/25 {team}" },
    { esh: "docker run -d --name {db} --network {team} --ip {dbIp} {image} sleep 86400" },
    { esh: "docker run -d --name {worker} --network {team} {image} sleep 86400" },
  ],
  wrong: [
    {
      name: "range-over-static",
      steps: [
        { engine: { bip: "10.221.0.1/24" } },
        { esh: "docker rm -f {worker}" },
        { esh: "docker network rm {team}" },
        { esh: "docker network create --subnet {teamSubnet} --ip-range {staticBlock} {team}" },
        { esh: "docker run -d --name {db} --network {team} --ip {dbIp} {image} sleep 86400" },
        { esh: "docker run -d --name {worker} --network {team} {image} sleep 86400" },
      ],
      failing: "c8.team-range",
      hintMentions: /Keep the dynamic range and the static block apart/,
    },
  ],
};
