// `start` serves labs/: walk everything Jupyter's contents API hands out there, and find no answer in it.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, launchPlan } from "../../src/cli/start.js";
import { labs } from "../../src/labs/registry.js";
import { challenges } from "../../src/challenges/registry.js";
import { challengeAnswerKey } from "../../src/challenges/notebook.js";
import { findJupyter } from "../../src/setup/jupyter.js";
import { answerLines } from "../helpers/answers.js";

interface Model {
  readonly name: string;
  readonly path: string;
  readonly type: "directory" | "file" | "notebook";
  readonly format: "json" | "text" | "base64" | null;
  readonly content: unknown;
}

const token = `dnl-answers-${process.pid}`;

describe("start serves no file that holds an answer (through Jupyter's contents API)", () => {
  let server: ChildProcess | null = null;
  let base = "";
  const get = async (path: string): Promise<Model> => {
    const response = await fetch(`${base}/api/contents/${path.split("/").map(encodeURIComponent).join("/")}?content=1`, {
      headers: { Authorization: `token ${token}` },
    });
    if (!response.ok) throw new Error(`GET /api/contents/${path}: HTTP ${response.status}`);
    return (await response.json()) as Model;
  };

  beforeAll(async () => {
    const jupyter = await findJupyter();
    if (!jupyter) throw new Error("Jupyter is missing: run `npx docker-net-lab setup --dev`");
    const port = await freePort(18_900, "127.0.0.1");
    const plan = launchPlan(jupyter, port, { ip: "127.0.0.1", openBrowser: false, token });
    server = spawn(plan.command, plan.args, { stdio: "ignore", env: { ...process.env, JUPYTER_RUNTIME_DIR: `/tmp/dnl-answers-runtime-${process.pid}` } });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      const up = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } }).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`Jupyter did not answer on ${base}`);
  }, 90_000);

  afterAll(() => {
    server?.kill("SIGTERM");
  });

  it("every served notebook and text file is free of every lab's reference solution lines", async () => {
    const answers = [
      ...labs.flatMap((lab) => answerLines(lab).map((line) => ({ lab: lab.id, line }))),
      // What a troubleshooting scenario breaks is the diagnosis: only the symptom may be served.
      ...labs.flatMap((lab) => (lab.troubleshoot ? [{ lab: lab.id, line: lab.troubleshoot.scenario }] : [])),
      // A challenge's reference solution (the working area's answer key, from its definition's steps).
      ...challenges.flatMap((challenge) =>
        Object.values(challengeAnswerKey(challenge))
          .flatMap((code) => code.split("\n"))
          .map((line) => line.trim())
          .filter((line) => line.length >= 15 && line !== "const p = await challenge.params();")
          .map((line) => ({ lab: challenge.id, line })),
      ),
    ];
    expect(answers.length).toBeGreaterThan(20);
    const served: string[] = [];
    const leaks: string[] = [];
    const walk = async (path: string): Promise<void> => {
      const model = await get(path);
      if (model.type === "directory") {
        for (const child of model.content as Model[]) await walk(child.path);
        return;
      }
      served.push(model.path);
      const text =
        model.format === "base64"
          ? Buffer.from(String(model.content), "base64").toString("latin1")
          : typeof model.content === "string"
            ? model.content
            : JSON.stringify(model.content);
      // A notebook's JSON escapes quotes and newlines: compare against its cell sources, joined.
      const plain = model.type === "notebook" ? (model.content as { cells: { source: string }[] }).cells.map((cell) => cell.source).join("\n") : text;
      // A lab's folder is checked against its own answers (a line like `const web2 = lab.name("web2")` may be one lab's
      // answer and another's setup); files outside the lab folders against every lab's.
      const folderLab = labs.find((lab) => model.path.replace(/^ko\//, "").startsWith(`${lab.slug}/`))?.id;
      for (const { lab, line } of answers)
        if ((!folderLab || folderLab === lab) && plain.includes(line)) leaks.push(`${model.path}: lab ${lab}'s answer \`${line}\``);
      if (/solutions?\.json$/.test(model.name)) leaks.push(`${model.path}: an answer key`);
    };
    await walk("");
    expect(served).toContain("01-docker0/lab.ipynb");
    // The English notebooks and, under ko/, the Korean ones (labs and challenges).
    expect(served.filter((path) => !path.startsWith("ko/") && path.endsWith("lab.ipynb"))).toHaveLength(labs.length);
    expect(served.filter((path) => path.startsWith("ko/") && path.endsWith("lab.ipynb"))).toHaveLength(labs.length);
    expect(served.filter((path) => path.startsWith("challenges/") && path.endsWith(".ipynb"))).toHaveLength(challenges.length);
    expect(served.filter((path) => path.startsWith("ko/challenges/") && path.endsWith(".ipynb"))).toHaveLength(challenges.length);
    expect(leaks).toEqual([]);
  }, 120_000);
});
