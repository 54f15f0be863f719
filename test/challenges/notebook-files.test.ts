// The committed challenge notebooks and README are what their definitions write, and hold no line of an answer key
// (no engine needed: in test:unit).
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { challengeFiles } from "../../src/challenges/build-main.js";
import { challengeAnswerKey } from "../../src/challenges/notebook.js";
import { challenges, findChallenge } from "../../src/challenges/registry.js";

// Lines of the answer key a learner's notebook does not already hold.
const answerLines = (id: string): string[] =>
  Object.values(challengeAnswerKey(findChallenge(id)))
    .flatMap((code) => code.split("\n"))
    .map((line) => line.trim())
    .filter((line) => line.length >= 15 && line !== "const p = await challenge.params();");

describe("challenge notebooks", () => {
  it("the committed notebooks and README are what the definitions write (npm run labs:build)", async () => {
    for (const file of challengeFiles()) expect(await readFile(file.path, "utf8"), file.path).toBe(file.text);
  });

  it("no committed challenge file holds a line of any answer key", async () => {
    const lines = challenges.flatMap((c) => answerLines(c.id));
    expect(lines.length).toBeGreaterThan(20);
    for (const file of challengeFiles()) for (const line of lines) expect(file.text, `${file.path} holds ${line}`).not.toContain(line);
  });
});
