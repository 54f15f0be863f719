// The instructor's loop on recorded grading data (test/fixtures/grade/lab01-gradebook.json, a real run of lab 01:
// solved, blank, looping, half-solved, truncated): statistics, summary page, Canvas and Gradescope exports, feedback
// that keeps hidden checks hidden, and the in-place update `grade --only` relies on. Pure: no engine, no kernel.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/checks/check.js";
import { bookRow, hiddenChecks, mergeRows, readBook, type BookRow, type Student } from "../../src/grade/book.js";
import { canvasCsv } from "../../src/grade/export-canvas.js";
import { gradescopeResults } from "../../src/grade/export-gradescope.js";
import { feedbackHtml } from "../../src/grade/feedback.js";
import { gradeAll } from "../../src/grade/grade.js";
import { gradebookCsv } from "../../src/grade/gradebook.js";
import type { GradeRow } from "../../src/grade/model.js";
import { writeClassFiles, writeSubmissionFiles } from "../../src/grade/outputs.js";
import { clock, statusLine, timeLeft } from "../../src/grade/progress.js";
import { canvasFileName, identify, parseCsv, parseRoster } from "../../src/grade/roster.js";
import { classStats, messageKey } from "../../src/grade/stats.js";
import { summaryHtml } from "../../src/grade/summary.js";
import { findLab } from "../../src/labs/registry.js";

const fixture = new URL("../fixtures/grade/lab01-gradebook.json", import.meta.url);
const nobody = (id: string): Student => ({ name: id, id: "", sisUserId: "", sisLoginId: "", section: "" });
const lab01 = findLab("01");
const hiddenId = lab01.checks.find((check) => check.hidden)?.id as string;

let recorded: BookRow[];
let text: string;
beforeAll(async () => {
  text = await readFile(fixture, "utf8");
  recorded = readBook(text, "fixture", nobody);
});

// A graded row (what the grader holds in memory) rebuilt from a recorded one: titles from the lab, the hint as levels.
const graded = (row: BookRow, hidden: { message: string; hint: string } | null = null): GradeRow => ({
  ...row,
  checks: row.checks.map((check): CheckResult => {
    const definition = lab01.checks.find((c) => c.id === check.id);
    const secret = hiddenChecks.has(check.id) && hidden;
    const hint = secret ? hidden.hint : check.hint;
    return {
      ...check,
      title: definition?.title ?? check.id,
      message: secret ? hidden.message : (check.message ?? ""),
      hint,
      hints: check.passed || !hint ? [] : [hint, "a second, closer level"],
      hintLevel: check.passed ? 0 : 2,
      hintLevels: check.passed ? 0 : 3,
      evidence: secret ? { secretEvidence: "EVIDENCE-OF-THE-HIDDEN-CHECK" } : {},
    };
  }),
  topologySvg: null,
});

describe("classStats(rows) on a recorded class", () => {
  it("counts only the submissions that ran, and gives each check its pass rate", () => {
    const [stats] = classStats(recorded);
    expect(stats).toMatchObject({ lab: "01", submissions: 4, graded: 4, maxPoints: 14, meanPoints: 5.75, medianPoints: 4.5 });
    const bridge = stats?.checks.find((check) => check.id === "01.docker0-is-bridge");
    expect(bridge).toMatchObject({ graded: 4, passed: 2, passRate: 0.5, hidden: false });
    expect(stats?.checks.find((check) => check.id === "01.nat-option")).toMatchObject({ passed: 1, passRate: 0.25 });
    expect(stats?.distribution.find((bin) => bin.points === 0)?.count).toBe(2);
    expect(stats?.distribution.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
  });
  it("names the most common failure of a visible check with the session generalized, and none for a hidden check", () => {
    const [stats] = classStats(recorded);
    expect(stats?.checks.find((check) => check.id === "01.two-containers")?.topFailure).toEqual({
      message: "No container named dnl-<session>-01-web1.",
      count: 2,
    });
    expect(stats?.checks.find((check) => check.id === hiddenId)).toMatchObject({ hidden: true, topFailure: null });
  });
  it("messageKey(message) generalizes session names and addresses so the same failure counts once", () => {
    expect(messageKey("http://172.17.0.3/ did not answer from dnl-ab12-01-web1")).toBe("http://<address>/ did not answer from dnl-<session>-01-web1");
    expect(messageKey("10.0.0.0/24 is  taken")).toBe("<address> is taken");
  });
});

describe("summaryHtml(rows)", () => {
  it("draws pass rate per check and the score distribution as inline SVG, with the numbers as tables, and no script", () => {
    const html = summaryHtml(recorded);
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/g)?.length).toBe(2);
    expect(html).toContain("Lab 01: pass rate per check");
    expect(html).toContain("Lab 01: score distribution");
    expect(html).toMatch(/<tr data-check-id="01.nat-option">.*<td class="n">1\/4<\/td><td class="n">25%<\/td>/);
    expect(html).toContain('<a href="feedback/dave-01.html">');
    expect(html).toContain("withheld");
  });
  it("is deterministic", () => {
    expect(summaryHtml(recorded)).toBe(summaryHtml(readBook(text, "again", nobody)));
  });
});

describe("roster and identity", () => {
  const roster = parseRoster(
    'submission,Student,ID,SIS User ID,SIS Login ID,Section\r\nalice,"Park, Alice",1001,S1,apark,A\nal,Al Short,1002,S2,ashort,B\n,Canvas Only,2003,,,C\n',
    "roster.csv",
  );
  it("parseCsv(text) reads quoted fields with commas, quotes and line breaks", () => {
    expect(parseCsv('a,"b, ""c""\nd"\r\n\r\ne,f')).toEqual([
      ["a", 'b, "c"\nd'],
      ["e", "f"],
    ]);
  });
  it("matches a submission id or its beginning up to a separator, the longest roster entry first", () => {
    expect(identify(roster, { id: "alice-01", file: "alice-01.ipynb" })).toMatchObject({ name: "Park, Alice", id: "1001", section: "A" });
    expect(identify(roster, { id: "al_lab02", file: "al_lab02.ipynb" })).toMatchObject({ name: "Al Short", id: "1002" });
    expect(identify(roster, { id: "alfred", file: "alfred.ipynb" })).toEqual(nobody("alfred"));
  });
  it("reads the Canvas user id from a Canvas-downloaded file name, and matches the roster by it", () => {
    expect(canvasFileName("parkalice_LATE_2003_99123_lab01.ipynb")).toEqual({ name: "parkalice", id: "2003" });
    expect(canvasFileName("alice-01.ipynb")).toBeNull();
    expect(identify([], { id: "x", file: "sub/kimbo_4004_5_lab.ipynb" })).toMatchObject({ name: "kimbo", id: "4004" });
    expect(identify(roster, { id: "x", file: "parkalice_2003_5_lab.ipynb" })).toMatchObject({ name: "Canvas Only", section: "C" });
  });
  it("rejects a file without a submission or identity column, saying what the header needs", () => {
    expect(() => parseRoster("name,email\nx,y\n", "bad.csv")).toThrow(/submission/);
  });
});

describe("canvasCsv(rows)", () => {
  it("has Canvas's columns, a Points Possible row, one row per student with the best score of each lab that ran", () => {
    const who = (id: string): Student => (id.startsWith("alice") ? { ...nobody("Alice"), id: "1001", sisLoginId: "apark" } : nobody(id));
    const rows = mergeRows(
      recorded.map((row) => bookRow(row, who(row.id))),
      [bookRow({ ...(recorded[0] as BookRow), id: "alice-01-late", points: 3 }, who("alice-01-late"))],
    );
    const { csv, unmatched } = canvasCsv(rows);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Student,ID,SIS User ID,SIS Login ID,Section,docker0: the default bridge (01)");
    expect(lines[1]).toBe("Points Possible,,,,,14");
    expect(lines).toContain("Alice,1001,,apark,,14");
    expect(lines).toContain("dave-01,,,,,9");
    // A file that was not a notebook gets no number: Canvas keeps what it had.
    expect(lines).toContain("erin-01,,,,,");
    expect(lines.length).toBe(2 + 5);
    expect(unmatched).toEqual(["bob-01", "carol-01", "dave-01", "erin-01"]);
  });
});

describe("gradescopeResults(row)", () => {
  it("gives score and tests in Gradescope's schema; a hidden check is after_published with only its title", () => {
    const blank = graded(recorded.find((row) => row.id === "bob-01") as BookRow, { message: "SECRET-HIDDEN-MESSAGE", hint: "SECRET-HIDDEN-HINT" });
    const results = gradescopeResults(blank);
    expect(results).toMatchObject({ score: 0, execution_time: 42, visibility: "visible", stdout_visibility: "hidden" });
    expect(results.tests.length).toBe(lab01.checks.length);
    for (const test of results.tests)
      expect(Object.keys(test).sort()).toEqual(["max_score", "name", "number", "output", "score", "status", "tags", "visibility"]);
    const hidden = results.tests.find((test) => test.name.startsWith(hiddenId));
    expect(hidden).toMatchObject({ status: "failed", score: 0, max_score: 1, visibility: "after_published" });
    expect(JSON.stringify(results)).not.toContain("SECRET-HIDDEN");
    const visible = results.tests.find((test) => test.name.startsWith("01.two-containers"));
    expect(visible?.output).toMatch(/^No container named dnl-[a-z0-9]{4}-01-web1\.\nHint: /);
    expect(visible?.output).not.toContain("a second, closer level");
  });
});

describe("feedbackHtml(row)", () => {
  const blank = (): GradeRow =>
    graded(recorded.find((row) => row.id === "bob-01") as BookRow, { message: "SECRET-HIDDEN-MESSAGE", hint: "SECRET-HIDDEN-HINT" });
  it("says what failed and gives the first hint level of each visible check, and where the next levels are", () => {
    const html = feedbackHtml(blank());
    expect(html).toMatch(/No container named dnl-[a-z0-9]{4}-01-web1\./);
    expect(html).toContain("<b>Hint:</b>");
    expect(html).not.toContain("a second, closer level");
    expect(html).toContain("await lab.hint(&quot;01.two-containers&quot;)");
  });
  it("shows a hidden check's title and points only: never its message, hint or evidence", () => {
    const html = feedbackHtml(blank());
    const title = lab01.checks.find((check) => check.id === hiddenId)?.title as string;
    expect(html).toContain(title.replaceAll("'", "&#39;"));
    expect(html).toMatch(new RegExp(`data-check-id="${hiddenId.replace(".", "\\.")}".*0/1`));
    expect(html).not.toContain("SECRET-HIDDEN");
    expect(html).not.toContain("EVIDENCE-OF-THE-HIDDEN-CHECK");
  });
});

describe("every output file of a graded class", () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "dnl-loop-"));
  });
  afterAll(async () => rm(out, { recursive: true, force: true }));
  const allFiles = async (dir: string): Promise<string[]> => {
    const found: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true }))
      found.push(...(entry.isDirectory() ? await allFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
    return found;
  };

  it("never holds a hidden check's message, hint or evidence", async () => {
    const secret = { message: "web1 gave no answer: SECRET-HIDDEN-MESSAGE", hint: "SECRET-HIDDEN-HINT" };
    const rows = recorded.map((row) => graded(row, row.status === "not-json" ? null : secret));
    for (const row of rows) await writeSubmissionFiles(out, row);
    await writeClassFiles(
      out,
      rows.map((row) => bookRow(row, nobody(row.id))),
    );
    const files = await allFiles(out);
    expect(files.map((file) => file.slice(out.length + 1)).sort()).toEqual(
      [
        "gradebook-canvas.csv",
        "gradebook.csv",
        "gradebook.json",
        "summary.html",
        ...recorded.flatMap((row) => [`feedback/${row.id}.html`, `results/${row.id}.json`]),
      ].sort(),
    );
    for (const file of files) {
      const content = await readFile(file, "utf8");
      expect(content, file).not.toContain("SECRET-HIDDEN");
      expect(content, file).not.toContain("EVIDENCE-OF-THE-HIDDEN-CHECK");
    }
  });

  it("rewritten with one row replaced (grade --only), keeps every other row byte for byte in gradebook.csv and gradebook.json", async () => {
    await writeClassFiles(out, recorded);
    const csvBefore = await readFile(join(out, "gradebook.csv"), "utf8");
    const jsonBefore = JSON.parse(await readFile(join(out, "gradebook.json"), "utf8")) as { submissions: { id: string }[] };
    // Written from the recorded rows, the file is the recording itself (nothing lost or reordered on the way).
    expect(readBook(await readFile(join(out, "gradebook.json"), "utf8"), "out", nobody)).toEqual(recorded);
    const bob = recorded.find((row) => row.id === "bob-01") as BookRow;
    const regraded = bookRow(
      { ...bob, status: "ok", message: "", points: 1, checks: bob.checks.map((c, i) => (i === 0 ? { ...c, passed: true, points: 1 } : c)) },
      bob.student,
    );
    await writeClassFiles(out, mergeRows(readBook(await readFile(join(out, "gradebook.json"), "utf8"), "out", nobody), [regraded]));
    const csvAfter = await readFile(join(out, "gradebook.csv"), "utf8");
    const jsonAfter = JSON.parse(await readFile(join(out, "gradebook.json"), "utf8")) as { submissions: { id: string }[] };
    const lines = (csv: string) => csv.split("\r\n");
    expect(lines(csvAfter).filter((line) => !line.startsWith("bob-01,"))).toEqual(lines(csvBefore).filter((line) => !line.startsWith("bob-01,")));
    expect(lines(csvAfter).find((line) => line.startsWith("bob-01,"))).toMatch(/^bob-01,01,1,0,.*,1,14,ok,42\.4,$/);
    const others = (json: { submissions: { id: string }[] }) => json.submissions.filter((s) => s.id !== "bob-01").map((s) => JSON.stringify(s, null, 2));
    expect(others(jsonAfter)).toEqual(others(jsonBefore));
    expect(gradebookCsv(recorded)).toBe(csvBefore);
  });

  it("readBook(text) refuses what is not a gradebook, with the next step", () => {
    expect(() => readBook('{"version": 2, "submissions": [{"id": 1}]}', "x.json", nobody)).toThrow(/not a gradebook/);
    expect(() => readBook("{", "x.json", nobody)).toThrow(/not JSON/);
  });
});

describe("grade --only", () => {
  it("names the known submissions when the one asked for is not there, before grading anything", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-only-"));
    try {
      const { writeFile, mkdir } = await import("node:fs/promises");
      await mkdir(join(dir, "subs"));
      await writeFile(join(dir, "subs", "alice.ipynb"), "{}");
      await writeFile(join(dir, "subs", "bob.ipynb"), "{}");
      await expect(gradeAll([join(dir, "subs")], { out: join(dir, "out"), only: "carol" })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining("carol"),
        hint: "Known submissions: alice, bob.",
      });
      await expect(gradeAll([join(dir, "subs")], { out: join(dir, "out"), only: "alice" })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining("No gradebook to update"),
      });
      await expect(readdir(join(dir, "out"))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("progress figures", () => {
  it("estimates time left from the throughput so far, and prints elapsed and left as m:ss", () => {
    expect(timeLeft(10_000, 0, 4)).toBeNull();
    expect(timeLeft(10_000, 2, 4)).toBe(10_000);
    expect(clock(65_000)).toBe("1:05");
    expect(clock(3_725_000)).toBe("1:02:05");
    expect(statusLine(2, 4, 1, 10_000)).toBe("1 failed · 0:10 elapsed, ~0:10 left");
    expect(statusLine(4, 4, 1, 20_000)).toBe("1 failed · 0:20 elapsed");
  });
});
