// Challenge 5 · One container leaves with a fixed source address (SNAT), the others keep MASQUERADE.
import { fail, hints, pass } from "../../checks/check.js";
import { iptablesSave } from "../../exec/commands.js";
import { run } from "../../exec/run.js";
import type { LabContext } from "../../labs/definition.js";
import { freeSubnet, hostAddress } from "../../labs/free.js";
import { deleteIptablesRule } from "../../labs/kernel-objects.js";
import { parseIptablesSave, shellWords } from "../../parse/iptables-save.js";
import { containerFacts } from "../facts.js";
import type { ChallengeDefinition, ChallengeTexts, Params } from "../model.js";
import { buildCable, removeCable, serveInNamespace } from "../../labs/cable.js";
import { deleteTaggedRules, fetchFromContainer, networkOwned, runOwned, testNetSubnet } from "../net.js";
import { fill } from "../steps.js";

const texts: ChallengeTexts = {
  title: "A fixed source address for one container",
  goal: "`{app}` and `{other}` run on the network `{egress}`. The internet server `{server}` (in the namespace `{inetNs}`, `http://{server}/cgi-bin/ip` prints the source address it sees) now sees both coming from the host's `{inetHost}` (MASQUERADE). Make it see `{app}` as `{fixed}`, an address the host owns on that link, while `{other}` keeps appearing as `{inetHost}`.",
  constraints: [
    "Keep both containers and the network as they are (no recreating, no network options).",
    "Tag every rule you add with the comment `{ruleTag}` (`-m comment --comment {ruleTag}`): teardown removes rules by that tag.",
  ],
  tools: [
    "`iptables -t nat` (-S, -L -n -v, -I, -D)",
    "the host's curl inside a container's namespace: `nsenter -t PID -n curl -s http://{server}/cgi-bin/ip` (PID from `docker inspect -f '{{.State.Pid}}'`; the image's busybox wget crashes on user-defined networks)",
    "`challenge.explain`",
  ],
  params: {
    app: "the container that needs the fixed address",
    appIp: "app's address on egress",
    other: "a container that keeps MASQUERADE",
    egress: "their network",
    egressSubnet: "its subnet",
    server: "the internet server",
    inetHost: "the host's main address on the internet link",
    fixed: "the host's second address on that link: app's fixed source",
    inetEnd: "the host's end of the internet link",
    ruleTag: "the comment your rules carry",
  },
};

/** What the judges read. */
export interface SnatFacts {
  readonly appRunning: boolean;
  readonly otherRunning: boolean;
  /** What the internet server printed as the source of each container's request; null when no answer. */
  readonly appSeen: string | null;
  readonly otherSeen: string | null;
  /** nat rules tagged with the challenge's comment, as iptables-save prints them after `-A CHAIN`. */
  readonly tagged: readonly { readonly chain: string; readonly target: string | null; readonly spec: string }[];
}

const names = (context: LabContext) => ({ inetNs: context.session.ifname("c5in"), inetEnd: context.session.ifname("c5ih") });

const plan = async (context: LabContext): Promise<Params> => {
  const internet = await testNetSubnet(context, "internet", 1);
  const egressSubnet = await freeSubnet(context.session, "egress");
  return {
    ...names(context),
    app: context.session.name("app"),
    other: context.session.name("other"),
    egress: context.session.name("egress"),
    egressSubnet,
    appIp: hostAddress(egressSubnet, 10),
    image: context.image,
    internet,
    inetHost: hostAddress(internet, 1),
    server: hostAddress(internet, 2),
    fixed: hostAddress(internet, 3),
    ruleTag: context.session.name("snat"),
  };
};

export const c5: ChallengeDefinition<SnatFacts> = {
  id: "c5",
  slug: "c5-snat",
  texts,
  difficulty: "hard",
  minutes: 25,
  concepts: [7],
  labs: ["03"],
  hostSide: true,
  plan,
  setup: async (context, p) => {
    const n = names(context);
    await buildCable(context, { ns: n.inetNs, hostEnd: n.inetEnd, subnet: String(p.internet), defaultRoute: false });
    const prefix = String(p.internet).split("/")[1];
    context.log(`$ ip addr replace ${p.fixed}/${prefix} dev ${n.inetEnd}`);
    await run("ip", ["addr", "replace", `${p.fixed}/${prefix}`, "dev", n.inetEnd]);
    await serveInNamespace(context, n.inetNs, String(p.server), "the internet (a TEST-NET namespace made by challenge 5)");
    await networkOwned(context, String(p.egress), ["--subnet", String(p.egressSubnet)]);
    await runOwned(context, String(p.app), ["--network", String(p.egress), "--ip", String(p.appIp), "--dns", "127.0.0.1"], [context.image, "sleep", "86400"]);
    await runOwned(context, String(p.other), ["--network", String(p.egress), "--dns", "127.0.0.1"], [context.image, "sleep", "86400"]);
  },
  gather: async (_context, p) => {
    const nat = parseIptablesSave(await iptablesSave("nat")).value.flatMap((t) => t.chains.flatMap((c) => c.rules));
    return {
      appRunning: Boolean((await containerFacts(String(p.app)))?.running),
      otherRunning: Boolean((await containerFacts(String(p.other)))?.running),
      appSeen: await fetchFromContainer(String(p.app), `http://${p.server}/cgi-bin/ip`),
      otherSeen: await fetchFromContainer(String(p.other), `http://${p.server}/cgi-bin/ip`),
      tagged: nat.filter((r) => r.comment === p.ruleTag).map((r) => ({ chain: r.chain, target: r.target, spec: r.spec })),
    };
  },
  checks: [
    {
      id: "c5.app-fixed",
      title: "The internet server sees app's requests coming from the fixed address",
      points: 3,
      concepts: [7],
      judge: (facts, p) => {
        if (!facts.appRunning) return fail(fill("{app} is not running.", p), hints(["Reset the challenge to get it back."]));
        if (facts.appSeen === p.fixed) return pass(fill("The server saw {app} as {fixed}.", p));
        return fail(
          fill("The server saw {app} as {seen}.", { ...p, seen: facts.appSeen ?? "nothing (no answer)" }),
          hints(
            [
              "The source address a server sees is rewritten on the way out, in nat POSTROUTING: MASQUERADE takes the outgoing interface's (first) address, SNAT writes the one you give. The first matching nat rule wins, and Docker's MASQUERADE for the network is already there.",
              "Insert a rule at the top of nat POSTROUTING that matches app's source address and the internet link, with the SNAT target and the fixed address; tag it.",
            ],
            fill("iptables -t nat -I POSTROUTING -s {appIp}/32 -o {inetEnd} -m comment --comment {ruleTag} -j SNAT --to-source {fixed}", p),
          ),
          { seen: facts.appSeen },
        );
      },
    },
    {
      id: "c5.others-masquerade",
      title: "The internet server still sees other as the host's main address (MASQUERADE), while app answers",
      points: 2,
      concepts: [7],
      judge: (facts, p) => {
        if (!facts.otherRunning) return fail(fill("{other} is not running.", p), hints(["Reset the challenge to get it back."]));
        if (facts.appSeen === null)
          return fail(fill("{app} gets no answer from the server.", p), hints(["Make app's requests reach the server first (c5.app-fixed)."]));
        if (facts.otherSeen === p.inetHost && facts.appSeen === p.fixed) return pass(fill("The server saw {other} as {inetHost}: MASQUERADE, as before.", p));
        if (facts.otherSeen === p.fixed)
          return fail(
            fill("The server saw {other} as {fixed} too.", p),
            hints([
              "Your rule matches more than app: its source match covers other's address as well. Match app's address alone (a /32), and leave the network's MASQUERADE for the rest.",
            ]),
            { seen: facts.otherSeen },
          );
        return fail(
          fill("The server saw {other} as {seen}.", { ...p, seen: facts.otherSeen ?? "nothing" }),
          hints(["Do c5.app-fixed first, touching nothing else."]),
          {
            seen: facts.otherSeen,
          },
        );
      },
    },
    {
      id: "c5.rule-tagged",
      title: "The SNAT rule carries the challenge's comment, so teardown finds it",
      points: 1,
      concepts: [7],
      judge: (facts, p) => {
        const snat = facts.tagged.filter((r) => r.chain === "POSTROUTING" && r.target === "SNAT");
        if (snat.length) return pass(`Tagged: ${snat.map((r) => r.spec).join("; ")}.`);
        return fail(
          fill("No SNAT rule in nat POSTROUTING carries the comment {ruleTag}.", p),
          hints([
            "iptables' comment match (-m comment --comment TEXT) labels a rule; this challenge's teardown (and `docker-net-lab clean`) removes the rules labelled with its tag, and nothing else.",
          ]),
          { tagged: facts.tagged },
        );
      },
    },
  ],
  teardown: async (context, p) => {
    const n = names(context);
    await deleteTaggedRules(context);
    // A rule the learner added untagged, for this session's own addresses: SNAT to the fixed address.
    if (p.fixed) {
      const nat = parseIptablesSave(await iptablesSave("nat").catch(() => "")).value.flatMap((t) => t.chains.flatMap((c) => c.rules));
      for (const rule of nat.filter((r) => r.target === "SNAT" && r.targetOptions["to-source"] === p.fixed))
        await deleteIptablesRule("nat", rule.chain, shellWords(rule.spec) ?? []);
    }
    await removeCable(n.inetNs, n.inetEnd);
  },
  solution: [{ sh: "iptables -t nat -I POSTROUTING -s {appIp}/32 -o {inetEnd} -m comment --comment {ruleTag} -j SNAT --to-source {fixed}" }],
  wrong: [
    {
      name: "subnet-snat",
      steps: [{ sh: "iptables -t nat -I POSTROUTING -s {egressSubnet} -o {inetEnd} -m comment --comment {ruleTag} -j SNAT --to-source {fixed}" }],
      failing: "c5.others-masquerade",
      hintMentions: /Match app's address alone/,
    },
  ],
};
