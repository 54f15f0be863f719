import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLab } from "../../src/labs/registry.js";
import { givenAway } from "../helpers/answers.js";
import { runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { expectBystandersAlive, makeBystanders, removeBystanders, sessionObjects, type Bystanders } from "../reliability/bystanders.js";
import { lab01MaxPoints, writeSubmissions } from "./submissions.js";

interface Gradebook {
  submissions: {
    id: string;
    lab: string | null;
    status: string;
    points: number;
    maxPoints: number;
    claimedPoints: number | null;
    session: string | null;
    checks: { id: string; points: number; passed: boolean }[];
  }[];
}

// The CSV without the duration column (the only thing allowed to differ between runs).
const withoutDurations = (csv: string): string[] => {
  const rows = csv
    .trim()
    .split("\r\n")
    .map((line) => line.split(","));
  const column = rows[0]?.indexOf("duration_s") ?? -1;
  return rows.map((cells) => cells.filter((_, index) => index !== column).join(","));
};

describe("grade: a folder of submissions -> gradebook and feedback", () => {
  let dir: string;
  let ids: Record<string, string>;
  let bystanders: Bystanders;
  let book: Gradebook;
  const row = (kind: string) => book.submissions.find((s) => s.id === ids[kind]);

  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-grade-"));
    ids = await writeSubmissions(join(dir, "subs"), { extra: true });
    bystanders = await makeBystanders();
  }, 120_000);
  afterAll(async () => {
    await removeBystanders(bystanders);
    await rm(dir, { recursive: true, force: true });
  });

  it("grade --jobs 2 gives each submission the right row and status, and never crashes on broken ones", async () => {
    const { exitCode, stderr } = await runCli([
      "grade",
      join(dir, "subs"),
      "--out",
      join(dir, "out2"),
      "--jobs",
      "2",
      "--cell-timeout",
      "8",
      "--timeout",
      "120",
    ]);
    expect(stderr).toContain("[8/8]");
    expect(exitCode).toBe(0);
    book = JSON.parse(await readFile(join(dir, "out2", "gradebook.json"), "utf8")) as Gradebook;
    expect(book.submissions.map((s) => s.id)).toEqual(Object.values(ids).sort());
    expect(row("solved")).toMatchObject({ lab: "01", status: "ok", points: lab01MaxPoints, maxPoints: lab01MaxPoints });
    expect(row("blank")).toMatchObject({ lab: "01", points: 0, maxPoints: lab01MaxPoints });
    expect(row("corrupted")).toMatchObject({ status: "not-json", points: 0 });
    expect(row("looping")).toMatchObject({ lab: "01", status: "timeout", points: 0 });
    expect(row("notNotebook")).toMatchObject({ status: "not-notebook", points: 0 });
    expect(row("exit")).toMatchObject({ lab: "01", status: "kernel-died", points: 0 });
    expect(row("unknownLab")).toMatchObject({ status: "unknown-lab", lab: "99", points: 0 });
    // The hidden check is graded too, and is not in the learner notebook.
    expect(row("solved")?.checks.map((c) => c.id)).toContain("01.web1-serves");
    expect(await readFile(join(dir, "subs", "alice-solved.ipynb"), "utf8")).not.toContain("01.web1-serves");
  }, 600_000);

  it("the exported answer key grades full marks and the exported learner notebook grades zero", () => {
    expect(row("solved")?.checks.every((c) => c.passed)).toBe(true);
    expect(row("blank")?.checks.every((c) => !c.passed && c.points === 0)).toBe(true);
  });

  it("a submission that prints fake passing checks and redefines lab.check scores no more than the blank one", () => {
    const fake = row("fake");
    expect(fake?.points).toBeLessThanOrEqual(row("blank")?.points ?? 0);
    expect(fake?.claimedPoints).toBe(lab01MaxPoints);
    expect(fake?.checks.every((c) => !c.passed)).toBe(true);
  });

  it("writes feedback for every submission, with the topology picture for those that ran", async () => {
    const files = await readdir(join(dir, "out2", "feedback"));
    expect(files.sort()).toEqual(
      Object.values(ids)
        .map((id) => `${id}.html`)
        .sort(),
    );
    const solved = await readFile(join(dir, "out2", "feedback", `${ids.solved}.html`), "utf8");
    expect(solved).toContain("<svg");
    expect(solved).toContain("01.web1-serves");
    expect(solved).toMatch(/dnl-[a-z0-9]{4}-01-web1/);
    const blank = await readFile(join(dir, "out2", "feedback", `${ids.blank}.html`), "utf8");
    expect(blank).toMatch(/Hint( \d+ of \d+)?:/);
    // The grader shows every hint level but the last, the exact command.
    expect(
      givenAway(
        findLab("01"),
        blank
          .replace(/<[^>]+>/g, " ")
          .replaceAll("&quot;", '"')
          .replaceAll("&lt;", "<")
          .replaceAll("&gt;", ">")
          .replaceAll("&amp;", "&"),
      ),
    ).toBeNull();
    const fake = await readFile(join(dir, "out2", "feedback", `${ids.fake}.html`), "utf8");
    expect(fake).toContain(`displayed ${lab01MaxPoints} point(s)`);
    expect(await readFile(join(dir, "out2", "feedback", `${ids.corrupted}.html`), "utf8")).toContain("not-json");
  });

  // Other engineers' tests share this engine, so residue is checked per session (labels and name prefixes), not host-wide.
  it("tears every session down and touches nothing it did not create", async () => {
    const sessions = book.submissions.map((s) => s.session).filter((s): s is string => s !== null);
    expect(sessions.length).toBe(5);
    expect(await sessionObjects(sessions)).toEqual([]);
    await expectBystandersAlive(bystanders);
  });

  it("--jobs 1, each submission started cold, gives the same gradebook as --jobs 2 started ahead (apart from durations)", async () => {
    const { exitCode } = await runCli(["grade", join(dir, "subs"), "--out", join(dir, "out1"), "--jobs", "1", "--cell-timeout", "8", "--timeout", "120"], {
      env: { DNL_GRADE_AHEAD: "off" },
    });
    expect(exitCode).toBe(0);
    const one = await readFile(join(dir, "out1", "gradebook.csv"), "utf8");
    const two = await readFile(join(dir, "out2", "gradebook.csv"), "utf8");
    expect(withoutDurations(one)).toEqual(withoutDurations(two));
    const bookOne = JSON.parse(await readFile(join(dir, "out1", "gradebook.json"), "utf8")) as Gradebook;
    const grades = (b: Gradebook) =>
      b.submissions.map((s) => ({ id: s.id, status: s.status, points: s.points, checks: s.checks.map((c) => [c.id, c.points]) }));
    expect(grades(bookOne)).toEqual(grades(book));
    expect(existsSync(join(dir, "out1", "gradebook.csv.tmp"))).toBe(false);
    const sessions = bookOne.submissions.map((s) => s.session).filter((s): s is string => s !== null);
    expect(await sessionObjects(sessions)).toEqual([]);
    await expectBystandersAlive(bystanders);
  }, 600_000);

  it("rejects a bad --jobs value with exit 2 before doing anything", async () => {
    const { exitCode, stderr } = await runCli(["grade", join(dir, "subs"), "--out", join(dir, "bad"), "--jobs", "0"]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("--jobs");
    expect(existsSync(join(dir, "bad"))).toBe(false);
  });
});
