// The labs' judges on facts recorded on a real host (test/fixtures/facts, `labs run NN [--solutions] --record-facts DIR`
// on Docker 20.10): every check passes on the reference solution's facts and fails on the blank notebook's with its
// first hint level only, as judged when recorded, purely; targeted edits of the solution's facts (a container gone,
// an address changed, an answer wrong, a probe that got no answer) flip exactly the checks they should, with their
// exact message and hint. No engine, no root: milliseconds.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CheckResult, hintTexts, judgeCheck } from "../../src/checks/check.js";
import { isJudged, seenBy } from "../../src/labs/check-lab.js";
import type { LabDefinition } from "../../src/labs/definition.js";
import type { LabFacts, LabJudge } from "../../src/labs/facts.js";
import type { RecordedFacts } from "../../src/labs/record-facts.js";
import { findLab, labs } from "../../src/labs/registry.js";

const dir = new URL("../fixtures/facts/", import.meta.url);
const fixtures = readdirSync(dir).filter((f) => /^lab\d\d-(solution|blank)\.json$/.test(f));
const load = (lab: string, state: "solution" | "blank"): RecordedFacts =>
  JSON.parse(readFileSync(new URL(`lab${lab}-${state}.json`, dir), "utf8")) as RecordedFacts;

type Draft<T> = T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;
/** The facts after `change`, on a copy. */
const edited = (facts: LabFacts<unknown>, change: (draft: Draft<LabFacts<unknown>>) => void): LabFacts<unknown> => {
  const draft = structuredClone(facts) as Draft<LabFacts<unknown>>;
  change(draft);
  return draft as LabFacts<unknown>;
};

const judges = (lab: LabDefinition): LabJudge[] => lab.checks.filter(isJudged);
const judgeAll = (lab: LabDefinition, facts: LabFacts<unknown>): Record<string, CheckResult> =>
  Object.fromEntries(judges(lab).map((check) => [check.id, judgeCheck(check, facts)]));
const failing = (lab: LabDefinition, facts: LabFacts<unknown>): string[] =>
  Object.values(judgeAll(lab, facts))
    .filter((r) => !r.passed)
    .map((r) => r.id);

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

// Labs whose checks are all judged on facts: each has recorded facts.
const converted = labs.filter((lab) => lab.checks.every(isJudged));

describe("the labs' judges on recorded facts", () => {
  it("every lab whose checks are judged has facts recorded for its solution and its blank notebook, with engine and date", () => {
    expect(converted.map((lab) => lab.id)).toContain("01");
    for (const lab of converted)
      for (const state of ["solution", "blank"] as const) {
        expect(fixtures).toContain(`lab${lab.id}-${state}.json`);
        const { recorded, facts } = load(lab.id, state);
        expect(recorded.engine).toMatch(/^20\.10\./);
        expect(recorded.date).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(recorded.command).toBe(`docker-net-lab labs run ${lab.id}${state === "solution" ? " --solutions" : ""} --record-facts DIR`);
        expect(facts.lab).toBe(lab.id);
      }
  });

  for (const lab of converted) {
    describe(`lab ${lab.id} · ${lab.title}`, () => {
      const solution = load(lab.id, "solution");
      const blank = load(lab.id, "blank");

      it("judges each recorded state as it was judged on the host", () => {
        for (const { verdicts, facts } of [solution, blank])
          expect(Object.fromEntries(Object.entries(judgeAll(lab, facts)).map(([id, r]) => [id, r.passed]))).toEqual(verdicts);
      });

      for (const check of judges(lab)) {
        it(`${check.id} passes on the solution's facts and fails on the blank's with its first hint level`, () => {
          const passed = judgeCheck(check, solution.facts);
          expect(passed).toMatchObject({ passed: true, points: check.points, hint: null, hints: [], hintLevel: 0 });
          const failed = judgeCheck(check, blank.facts);
          const verdict = check.judge(blank.facts);
          const levels = hintTexts(verdict.hint ?? "");
          expect(failed).toMatchObject({ passed: false, points: 0, hintLevel: 1, hints: [levels[0]], hint: levels[0] });
          expect(failed.message).not.toMatch(/could not look/);
          // The first level never gives the command away.
          if (typeof verdict.hint === "object" && verdict.hint.command) expect(failed.hint).not.toBe(verdict.hint.command);
        });
      }

      it("every judge names the probes it reads (else each check run measures them all: a failing ping waits out its timeout)", () => {
        expect(
          judges(lab)
            .filter((c) => c.probes === undefined)
            .map((c) => c.id),
        ).toEqual([]);
      });

      it("judges that name their probes read only those: the same verdicts when the others cannot be read", () => {
        for (const { facts } of [solution, blank])
          for (const check of judges(lab).filter((c) => c.probes !== undefined))
            expect(judgeCheck(check, seenBy(check, facts))).toEqual(judgeCheck(check, facts));
      });

      it("judges purely: frozen facts, the same verdicts twice", () => {
        for (const { facts } of [solution, blank]) {
          const frozen = deepFreeze(structuredClone(facts));
          expect(judgeAll(lab, frozen)).toEqual(judgeAll(lab, frozen));
        }
      });
    });
  }
});

describe("lab 01's judges on edited facts", () => {
  const lab = findLab("01");
  const { facts } = load("01", "solution");
  const name = (short: string) => `dnl-${facts.session}-01-${short}`;
  const web1 = (draft: Draft<LabFacts<unknown>>) => draft.topology!.containers.find((c) => c.name === name("web1"))!;
  const web1Address = facts.topology!.containers.find((c) => c.name === name("web1"))!.networkSettings.networks.bridge!.ipAddress;
  const result = (f: LabFacts<unknown>, id: string) => judgeAll(lab, f)[id]!;
  const runHint =
    "web2 is one of the two web containers of exercise 2: it runs from the lab's image (lab.image), with no network option, so it lands on the default bridge.";

  it("web2 gone: two-containers says so with the first run hint, and the cleanup list now names a container the lab did not make", () => {
    const gone = edited(facts, (d) => {
      d.topology!.containers = d.topology!.containers.filter((c) => c.name !== name("web2"));
    });
    expect(failing(lab, gone)).toEqual(["01.two-containers", "01.safe-cleanup"]);
    expect(result(gone, "01.two-containers")).toMatchObject({ message: `No container named ${name("web2")}.`, hint: runHint, hintLevels: 3 });
    expect(result(gone, "01.safe-cleanup").message).toBe(`Your list names 1 container(s) this lab did not make (${name("web2")}).`);
  });

  it("web2 stopped: only two-containers fails, saying it exited", () => {
    const stopped = edited(facts, (d) => {
      const web2 = d.topology!.containers.find((c) => c.name === name("web2"))!;
      web2.state.running = false;
      web2.state.status = "exited";
    });
    expect(failing(lab, stopped)).toEqual(["01.two-containers"]);
    expect(result(stopped, "01.two-containers")).toMatchObject({
      message: `${name("web2")} exists but is exited.`,
      hint: "A container runs as long as its main process: httpd -f stays in the foreground, a shell without a terminal exits at once.",
    });
  });

  it("web1 at an address outside the bridge's subnet: two-containers names it, and web1 no longer answers there", () => {
    const moved = edited(facts, (d) => {
      web1(d).networkSettings.networks.bridge!.ipAddress = "10.9.9.9";
    });
    expect(failing(lab, moved)).toEqual(["01.two-containers", "01.web1-serves"]);
    expect(result(moved, "01.two-containers")).toMatchObject({
      message: "web1's address 10.9.9.9 is not in 172.17.0.0/16.",
      hint: "Containers on the default bridge get addresses from docker0's subnet; recreate the container.",
    });
    expect(result(moved, "01.web1-serves")).toMatchObject({ message: "http://10.9.9.9/ did not answer." });
  });

  it("web1's HTTP probe unanswered: only the hidden web1-serves fails", () => {
    const silent = edited(facts, (d) => {
      (d.probes as { http: Record<string, boolean> }).http[web1Address] = false;
    });
    expect(failing(lab, silent)).toEqual(["01.web1-serves"]);
    expect(result(silent, "01.web1-serves")).toMatchObject({
      message: `http://${web1Address}/ did not answer.`,
      hint: "Start web1 with `httpd -f -p 80` so it serves /var/www.",
    });
  });

  it("a wrong answer flips only its own check, with its message", () => {
    const wrongOwner = edited(facts, (d) => {
      d.answers = { ...d.answers, "gateway-owner": "eth0" };
    });
    expect(failing(lab, wrongOwner)).toEqual(["01.gateway-owner"]);
    expect(result(wrongOwner, "01.gateway-owner").message).toBe(`You recorded "eth0", but that host interface does not hold web1's gateway.`);
    const wrongKind = edited(facts, (d) => {
      d.answers = { ...d.answers, "docker0-kind": "veth" };
    });
    expect(failing(lab, wrongKind)).toEqual(["01.docker0-is-bridge"]);
    expect(result(wrongKind, "01.docker0-is-bridge")).toMatchObject({
      message: `You recorded "veth", but docker0's link kind is something else.`,
      hint: "Look at the `kind` field of the parsed link (from linkinfo.info_kind), not at its name.",
    });
    const wrongOption = edited(facts, (d) => {
      d.answers = { ...d.answers, "nat-option": "com.docker.network.bridge.name" };
    });
    expect(failing(lab, wrongOption)).toEqual(["01.nat-option"]);
    expect(result(wrongOption, "01.nat-option").message).toBe('"com.docker.network.bridge.name" = docker0 does something else.');
  });

  it("web3's default route dropped: the troubleshooting check says the named cause is not fixed yet", () => {
    const noRoute = edited(facts, (d) => {
      const ns = d.topology!.namespaces.find((n) => n.containers.includes(name("web3")))!;
      ns.routes = ns.routes.filter((r) => r.dst !== "default");
    });
    expect(failing(lab, noRoute)).toEqual(["01.web3-fixed"]);
    expect(result(noRoute, "01.web3-fixed")).toMatchObject({
      message:
        'You named the cause ("wrong-prefix"), but it is not fixed yet: web3 answers the host now, but has no default route via 172.17.0.1 (web1 has one): it could not reach anything beyond its subnet.',
      hint: "Docker keeps a record of what it gave web3 (the Containers map of `docker network inspect bridge`); the kernel has what web3 really holds (`ip addr` and `ip route` inside web3). Compare them, field by field.",
    });
  });

  it("web3's prefix broken again and no diagnosis: the symptom, never the cause, and diagnose first", () => {
    const broken = edited(facts, (d) => {
      const ns = d.topology!.namespaces.find((n) => n.containers.includes(name("web3")))!;
      for (const iface of ns.interfaces) for (const a of iface.addresses) if (a.family === "inet" && iface.name === "eth0") a.prefix = 32;
      const { diagnosis: _gone, ...answers } = d.answers;
      d.answers = answers;
    });
    expect(failing(lab, broken)).toEqual(["01.web3-fixed"]);
    const web3 = result(broken, "01.web3-fixed");
    expect(web3.message).toMatch(
      /^web3 runs and Docker lists it .* Still broken: http:\/\/[\d.]+\/ \(web3 in Docker's records\) does not answer from the host\.$/,
    );
    expect(web3.hint).toMatch(/^Diagnose first, with the tools of this lab; then name the cause with lab\.diagnose/);
    expect(web3.message).not.toContain("prefix");
  });

  it("a prediction recorded after its observation fails the predictions check alone", () => {
    const late = edited(facts, (d) => {
      d.predictions = { ...d.predictions, "web1-gateway": { value: "docker0's address", at: "2999-01-01T00:00:00.000Z" } };
    });
    expect(failing(lab, late)).toEqual(["01.predictions"]);
    expect(result(late, "01.predictions").message).toBe('The prediction of "web1-gateway" was recorded after its observation.');
  });

  it("no default bridge in the facts: every check that reads it says what could not be read, none crashes", () => {
    const none = edited(facts, (d) => {
      d.topology!.networks = d.topology!.networks.filter((n) => n.name !== "bridge");
    });
    expect(failing(lab, none)).toEqual(["01.docker0-is-bridge", "01.two-containers", "01.inspect-bridge", "01.nat-option"]);
    expect(result(none, "01.nat-option").message).toBe("The check could not look at the host: the engine has no network `bridge`");
  });
});
