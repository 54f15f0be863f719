// Every challenge through the real CLI against the real engine: the starting state fails with first hints that name
// no command, the reference solution passes (headless, `challenge run --solution`), `reset` brings the starting
// state back, the wrong but plausible solution fails with its hint, and nothing is left behind; bystanders untouched.
import { describe, expect, it } from "vitest";
import { challenges } from "../../src/challenges/registry.js";
import { ChallengeRun, runChallenge } from "../../src/challenges/runtime.js";
import { newSessionId } from "../../src/labs/session.js";
import { solutionCommands } from "../helpers/challenges.js";
import { runCli } from "../helpers/cli.js";
import { expectNoResidueOf, labSuite } from "../labs/lab-harness.js";

interface Result {
  id: string;
  passed: boolean;
  hints: string[];
  hintLevel: number;
  message: string;
}
interface CheckJson {
  challenge: string;
  session: string;
  results: Result[];
}
interface RunJson {
  challenge: string;
  session: string;
  passed: boolean;
  checks: Result[];
  durationMs: number;
  error: string | null;
}

const json = <T>(stdout: string, what: string): T => {
  try {
    return JSON.parse(stdout) as T;
  } catch {
    throw new Error(`${what} printed no JSON: ${stdout.slice(0, 500)}`);
  }
};

describe("challenges through the CLI, on the real engine", () => {
  const suite = labSuite();

  it("challenge list --json lists at least eight, each with a brief, a difficulty, a time and checks", async () => {
    const { stdout, exitCode } = await runCli(["challenge", "list", "--json"]);
    expect(exitCode).toBe(0);
    const rows = json<{ id: string; goal: string; difficulty: string; minutes: number; checks: unknown[] }[]>(stdout, "challenge list");
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) {
      expect(row.goal.length).toBeGreaterThan(40);
      expect(["easy", "medium", "hard"]).toContain(row.difficulty);
      expect(row.minutes).toBeGreaterThan(0);
      expect(row.checks.length).toBeGreaterThanOrEqual(3);
    }
  });

  // DNL_CHALLENGES=c1,c7 narrows the run (the engine matrix runs one challenge at a time).
  const only = process.env.DNL_CHALLENGES?.split(/[\s,]+/).filter(Boolean);
  for (const definition of challenges.filter((c) => !only?.length || only.includes(c.id))) {
    it(`${definition.id}: start fails with first hints that give nothing away, the solution passes, reset restores the start, teardown leaves nothing`, async () => {
      const session = newSessionId();
      const args = (...rest: string[]) => [...rest, "--session", session];
      try {
        const started = await runCli(args("challenge", "start", definition.id));
        expect(started.exitCode, started.stderr).toBe(0);
        expect(started.stdout).toContain(`Challenge ${definition.id}`);

        const first = await runCli(args("challenge", "check", definition.id, "--json"));
        expect(first.exitCode, first.stderr).toBe(1);
        const atStart = json<CheckJson>(first.stdout, "challenge check").results;
        expect(atStart.some((r) => !r.passed)).toBe(true);
        const commands = solutionCommands(definition, await new ChallengeRun(definition, session).params());
        for (const result of atStart.filter((r) => !r.passed)) {
          expect(result.hintLevel, result.id).toBe(1);
          for (const command of commands) expect(result.hints[0], `${result.id} gives away ${command}`).not.toContain(command);
        }

        // A second failure shows one level more (the hint counters of the session).
        const again = json<CheckJson>((await runCli(args("challenge", "check", definition.id, "--json"))).stdout, "challenge check").results;
        for (const result of again.filter((r) => !r.passed)) expect(result.hintLevel).toBeGreaterThanOrEqual(Math.min(2, result.hints.length));

        await new ChallengeRun(definition, session).apply(definition.solution);
        let solved = await runCli(args("challenge", "check", definition.id, "--json"));
        for (let i = 0; i < 5 && solved.exitCode !== 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 2000));
          solved = await runCli(args("challenge", "check", definition.id, "--json"));
        }
        expect(solved.exitCode, solved.stdout.slice(0, 2000)).toBe(0);

        const reset = await runCli(args("challenge", "reset", definition.id));
        expect(reset.exitCode, reset.stderr).toBe(0);
        const afterReset = json<CheckJson>((await runCli(args("challenge", "check", definition.id, "--json"))).stdout, "challenge check").results;
        expect(afterReset.map((r) => [r.id, r.passed])).toEqual(atStart.map((r) => [r.id, r.passed]));
        expect(afterReset.filter((r) => !r.passed).every((r) => r.hintLevel === 1)).toBe(true);
      } finally {
        const down = await runCli(args("challenge", "teardown", definition.id));
        expect(down.exitCode, down.stderr).toBe(0);
      }
      await expectNoResidueOf(suite.before(), [session]);
    });

    it(`${definition.id}: challenge run --solution --json passes headless, and each wrong solution fails with its hint`, async () => {
      const { stdout, exitCode } = await runCli(["challenge", "run", definition.id, "--solution", "--json"]);
      const [run] = json<RunJson[]>(stdout, "challenge run");
      expect(run?.error ?? null).toBeNull();
      expect(
        run?.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`),
        `${definition.id} --solution`,
      ).toEqual([]);
      expect(exitCode).toBe(0);
      expect(run?.passed).toBe(true);
      console.log(`challenge ${definition.id} --solution headless: ${((run?.durationMs ?? 0) / 1000).toFixed(1)} s`);

      const sessions = [run?.session ?? ""];
      for (const wrong of definition.wrong) {
        const session = newSessionId();
        sessions.push(session);
        const result = await runChallenge(definition, { session, steps: wrong.steps });
        const caught = result.checks.find((c) => c.id === wrong.failing);
        expect(caught?.passed, `${wrong.failing} after the wrong solution ${wrong.name}`).toBe(false);
        expect(`${caught?.message} ${caught?.hints.join(" ")}`).toMatch(wrong.hintMentions);
      }
      await expectNoResidueOf(suite.before(), sessions);
      await suite.others.expectUntouched();
    });
  }
});
