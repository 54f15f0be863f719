// Record the facts the challenges' judges read, from the real host: per challenge its starting state, the reference
// solution and each wrong solution, each as { params, facts } in test/fixtures/challenges/<id>--<state>.json (state start, solved, wrong, wrong-<name>) with a
// .meta.json (command, Docker version, kernel, date). Run as root after `npm run build`:
//   node test/challenges/record-facts.mjs [ids…]
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { release } from "node:os";
import { wrongFixture } from "../../dist/challenges/model.js";
import { challenges, findChallenge } from "../../dist/challenges/registry.js";
import { ChallengeRun } from "../../dist/challenges/runtime.js";
import { newSessionId } from "../../dist/labs/session.js";

const dir = new URL("../fixtures/challenges/", import.meta.url);
const docker = execFileSync("docker", ["version", "--format", "{{.Server.Version}}"]).toString().trim();
const chosen = process.argv.length > 2 ? process.argv.slice(2).map(findChallenge) : challenges;

const record = async (definition, state, steps, wrongName) => {
  const run = new ChallengeRun(definition, newSessionId());
  try {
    await run.start();
    await run.apply(steps);
    let judged = await run.judgeAll();
    for (let i = 0; state === "solved" && i < 5 && !judged.results.every((r) => r.passed); i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      judged = await run.judgeAll();
    }
    if (!judged.gathered.ok) throw judged.gathered.error;
    const name = `${definition.id}--${state}`;
    writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify({ params: await run.params(), facts: judged.gathered.facts }, null, 2)}\n`);
    const meta = {
      command: `node test/challenges/record-facts.mjs ${definition.id} (state ${state}: ${state === "start" ? "the starting state" : state === "solved" ? "the reference solution applied" : `the wrong solution ${wrongName} applied`})`,
      docker,
      kernel: release(),
      date: new Date().toISOString().slice(0, 10),
      verdicts: Object.fromEntries(judged.results.map((r) => [r.id, r.passed])),
    };
    writeFileSync(new URL(`${name}.meta.json`, dir), `${JSON.stringify(meta, null, 2)}\n`);
    process.stderr.write(`${name}: ${judged.results.map((r) => `${r.id}=${r.passed}`).join(" ")}\n`);
  } finally {
    await run.teardown();
  }
};

for (const definition of chosen) {
  await record(definition, "start", []);
  await record(definition, "solved", definition.solution);
  for (const [i, wrong] of definition.wrong.entries())
    await record(definition, wrongFixture(definition.id, i, wrong).slice(definition.id.length + 2), wrong.steps, wrong.name);
}
