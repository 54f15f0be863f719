import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/checks/check.js";
import { bookRow } from "../../src/grade/book.js";
import { feedbackHtml } from "../../src/grade/feedback.js";
import { pool } from "../../src/grade/grade.js";
import { gradeProgress } from "../../src/grade/progress.js";
import { gradebookCsv, gradebookJson } from "../../src/grade/gradebook.js";
import type { GradeRow } from "../../src/grade/model.js";
import { detectLab, findSubmissions, submissionId } from "../../src/grade/submissions.js";
import { labs } from "../../src/labs/registry.js";

const lab01 = labs.find((lab) => lab.id === "01");
const notebook = (metadata: Record<string, unknown> = { "docker-net-lab": { lab: "01" } }): string =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells: [] });

const check = (id: string, points: number, max: number): CheckResult => ({
  id,
  title: id,
  passed: points === max,
  points,
  maxPoints: max,
  message: "m",
  hint: points === max ? null : "h",
  hints: points === max ? [] : ["h"],
  hintLevel: points === max ? 0 : 1,
  hintLevels: points === max ? 0 : 1,
  evidence: {},
});
const row = (overrides: Partial<GradeRow>): GradeRow => ({
  id: "alice",
  file: "alice.ipynb",
  lab: "01",
  status: "ok",
  message: "",
  checks: lab01?.checks.map((c) => check(c.id, c.points, c.points)) ?? [],
  points: 8,
  maxPoints: 8,
  claimedPoints: null,
  cellErrors: [],
  session: "ab12",
  durationMs: 1234,
  notebookMs: 1000,
  topologySvg: null,
  ...overrides,
});

describe("detectLab(text, wanted)", () => {
  it("reads the lab from the notebook's docker-net-lab metadata", () => {
    expect(detectLab(notebook(), null)).toEqual({ kind: "lab", lab: "01", from: "metadata" });
  });
  it("uses --lab when the notebook does not say, and normalizes `1` to `01`", () => {
    expect(detectLab(notebook({}), "1")).toEqual({ kind: "lab", lab: "01", from: "--lab" });
  });
  it("says not-json for a truncated file", () => {
    expect(detectLab(notebook().slice(0, 20), null).kind).toBe("not-json");
  });
  it("says not-notebook for JSON without cells and nbformat, and for nbformat 3", () => {
    expect(detectLab('{"hello": 1}', "01").kind).toBe("not-notebook");
    expect(detectLab("[1,2]", "01").kind).toBe("not-notebook");
    expect(detectLab(JSON.stringify({ nbformat: 3, cells: [] }), "01").kind).toBe("not-notebook");
  });
  it("says unknown-lab for a lab the grader does not know, or when nothing says which lab", () => {
    expect(detectLab(notebook({ "docker-net-lab": { lab: "99" } }), null)).toMatchObject({ kind: "unknown-lab", lab: "99" });
    expect(detectLab(notebook({}), null).kind).toBe("unknown-lab");
  });
  it("says wrong-lab when the notebook's lab is not the one being graded", () => {
    if (labs.length < 2) {
      // With one lab, a notebook claiming another known id is still caught: pretend --lab 01 while it says 01 is fine.
      expect(detectLab(notebook(), "01").kind).toBe("lab");
      expect(detectLab(notebook(), "99")).toMatchObject({ kind: "wrong-lab", lab: "01" });
    } else {
      const other = labs.find((lab) => lab.id !== "01")?.id as string;
      expect(detectLab(notebook(), other)).toMatchObject({ kind: "wrong-lab", lab: "01" });
    }
  });
});

describe("findSubmissions(inputs, exclude)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dnl-subs-"));
    await mkdir(join(dir, "group a", ".ipynb_checkpoints"), { recursive: true });
    await mkdir(join(dir, "out"), { recursive: true });
    await writeFile(join(dir, "bob.ipynb"), "{}");
    await writeFile(join(dir, "group a", "alice.ipynb"), "{}");
    await writeFile(join(dir, "group a", ".ipynb_checkpoints", "alice-checkpoint.ipynb"), "{}");
    await writeFile(join(dir, ".hidden.ipynb"), "{}");
    await writeFile(join(dir, "notes.txt"), "not a notebook");
    await writeFile(join(dir, "out", "gradebook.json"), "{}");
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("walks folders, skips hidden files, checkpoints and the output folder, and sorts by id", async () => {
    const found = await findSubmissions([dir], join(dir, "out"));
    expect(found.map((s) => s.id)).toEqual(["bob", "group_a__alice", "notes.txt"]);
  });
  it("keeps ids unique when two inputs have the same name", async () => {
    const found = await findSubmissions([join(dir, "bob.ipynb"), join(dir, "bob.ipynb")]);
    expect(found.map((s) => s.id)).toEqual(["bob", "bob-2"]);
  });
  it("rejects a missing input with a usage error (exit 2)", async () => {
    await expect(findSubmissions([join(dir, "nope")])).rejects.toMatchObject({ exitCode: 2 });
  });
  it("submissionId(path) makes file-name-safe ids", () => {
    expect(submissionId("a b/c<d>.ipynb")).toBe("a_b__c_d_");
    expect(submissionId("../x.ipynb")).toBe("___x");
  });
});

describe("gradebookCsv(rows) and gradebookJson(rows)", () => {
  it("has one column per check of the labs present, then total, max, status, duration and message", () => {
    const csv = gradebookCsv([row({}), row({ id: "carol", lab: null, status: "not-json", checks: [], points: 0, maxPoints: 0, message: 'not JSON, "oops"' })]);
    const [header, alice, carol] = csv.trim().split("\r\n");
    expect(header).toBe(`id,lab,${lab01?.checks.map((c) => c.id).join(",")},total,max,status,duration_s,message`);
    expect(alice).toBe(`alice,01,${lab01?.checks.map((c) => c.points).join(",")},8,8,ok,1.2,`);
    expect(carol).toBe(`carol,,${lab01?.checks.map(() => "").join(",")},0,0,not-json,1.2,"not JSON, ""oops"""`);
  });
  it("neutralizes spreadsheet formulas in ids and messages", () => {
    const csv = gradebookCsv([row({ id: "=HYPERLINK(1)", message: "@SUM(A1)" })]);
    expect(csv).toContain("'=HYPERLINK(1)");
    expect(csv).toContain("'@SUM(A1)");
  });
  it("JSON lists every check of the lab and each submission's verdicts, without evidence", () => {
    const json = gradebookJson([bookRow(row({}), { name: "alice", id: "", sisUserId: "", sisLoginId: "", section: "" })]) as {
      checks: { id: string; hidden: boolean }[];
      submissions: { checks: Record<string, unknown>[]; feedback: string; results: string }[];
    };
    expect(json.checks.some((c) => c.hidden)).toBe(true);
    expect(json.submissions[0]?.feedback).toBe("feedback/alice.html");
    expect(json.submissions[0]?.results).toBe("results/alice.json");
    expect(json.submissions[0]?.checks[0]).not.toHaveProperty("evidence");
  });
});

describe("feedbackHtml(row)", () => {
  it("escapes what the submission controls and notes points the notebook claimed but did not earn", () => {
    const html = feedbackHtml(
      row({ points: 0, claimedPoints: 8, status: "cell-errors", cellErrors: [{ id: "ex1", ename: "Error", evalue: "<script>alert(1)</script>" }] }),
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("displayed 8 point(s)");
  });
});

describe("pool(items, limit, work, stop)", () => {
  it("keeps the order of results and never runs more than `limit` at once", async () => {
    let running = 0;
    let peak = 0;
    const results = await pool(
      [30, 10, 20, 5],
      2,
      async (ms) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((done) => setTimeout(done, ms));
        running--;
        return ms * 2;
      },
      () => false,
    );
    expect(results).toEqual([60, 20, 40, 10]);
    expect(peak).toBe(2);
  });
  it("starts nothing new once stop() is true", async () => {
    let stopped = false;
    const results = await pool(
      [1, 2, 3, 4],
      1,
      async (n) => {
        if (n === 2) stopped = true;
        return n;
      },
      () => stopped,
    );
    expect(results).toEqual([1, 2, undefined, undefined]);
  });
});

describe("gradeProgress(total, stream)", () => {
  const stream = (tty: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY: tty, columns: 120, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  };
  it("writes plain lines when the stream is not a terminal", () => {
    const { written, stream: out } = stream(false);
    let now = 0;
    const progress = gradeProgress(3, out, { now: () => now });
    progress.started("alice");
    now = 5000;
    progress.finished(row({}));
    now = 10_000;
    progress.finished(row({ id: "bob", status: "timeout", points: 0 }));
    now = 16_000;
    progress.finished(row({ id: "carol" }));
    progress.done();
    expect(written).toEqual([
      "grading alice…\n",
      "[1/3] alice: lab 01, 8/8 points, ok, 1.2 s · 0 failed · 0:05 elapsed, ~0:10 left\n",
      "[2/3] bob: lab 01, 0/8 points, timeout, 1.2 s · 1 failed · 0:10 elapsed, ~0:05 left\n",
      "[3/3] carol: lab 01, 8/8 points, ok, 1.2 s · 1 failed · 0:16 elapsed\n",
    ]);
  });
  it("redraws one bar in place on a terminal and prints each finished row above it", () => {
    const { written, stream: out } = stream(true);
    let now = 0;
    const progress = gradeProgress(2, out, { now: () => now, tickMs: 0 });
    progress.started("alice");
    now = 4000;
    progress.finished(row({}));
    progress.done();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress line is a terminal escape sequence
    expect(written[0]).toMatch(/^\r\x1b\[2K\[\.+\] 0\/2 graded · 0 failed · 0:00 elapsed · running: alice$/);
    expect(written.join("")).toContain("[1/2] alice: lab 01, 8/8 points, ok, 1.2 s · 0 failed · 0:04 elapsed, ~0:04 left\n");
    expect(written.at(-2)).toMatch(/\[#{12}\.{12}\] 1\/2 graded · 0 failed · 0:04 elapsed, ~0:04 left$/);
  });
});
