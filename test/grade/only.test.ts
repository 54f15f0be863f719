// The instructor's loop on a real engine: grade a solved and a blank lab 01 submission, then the blank one is fixed
// and re-graded alone with --only: its row, feedback and results change, every other row stays byte for byte, and the
// class files (stats, summary, Canvas) follow. No output file holds a hidden check's message.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { sessionObjects } from "../reliability/bystanders.js";
import { exportLab, lab01MaxPoints } from "./submissions.js";

interface Book {
  version: number;
  stats: { lab: string; checks: { id: string; passed: number; graded: number }[] }[];
  submissions: {
    id: string;
    points: number;
    status: string;
    session: string | null;
    student: { name: string; id: string };
    checks: { message: string | null }[];
  }[];
}

// The blank notebook's hidden check (01.web1-serves) fails with this message (src/labs/defs/lab01-docker0.ts).
const hiddenMessage = "web1 has no address on the default bridge";

const allFiles = async (dir: string): Promise<string[]> => {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }))
    found.push(...(entry.isDirectory() ? await allFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
  return found.sort();
};

describe("grade then grade --only: the gradebook updated in place", () => {
  let dir: string;
  let subs: string;
  let out: string;
  const read = (name: string) => readFile(join(out, name), "utf8");
  const book = async () => JSON.parse(await read("gradebook.json")) as Book;

  beforeAll(async () => {
    await requireEngine();
    dir = await mkdtemp(join(tmpdir(), "dnl-only-"));
    subs = join(dir, "subs");
    out = join(dir, "out");
    await mkdir(subs);
    await exportLab("01", join(subs, "alice.ipynb"), true);
    await exportLab("01", join(subs, "bob.ipynb"), false);
    await writeFile(join(dir, "roster.csv"), "submission,Student,ID,SIS Login ID,Section\nalice,Alice Park,1001,apark,A\nbob,Bob Lee,1002,blee,A\n");
  }, 120_000);
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("grades the folder with progress on stderr, and writes the gradebook, summary, exports and feedback", async () => {
    const { exitCode, stderr } = await runCli(["grade", subs, "--out", out, "--jobs", "2", "--roster", join(dir, "roster.csv"), "--cell-timeout", "20"]);
    expect(exitCode, stderr).toBe(0);
    expect(stderr).toMatch(/\[1\/2\] \S+: lab 01, .* · 0 failed · \d+:\d\d elapsed, ~\d+:\d\d left\n/);
    expect(stderr).toMatch(/\[2\/2\] \S+: lab 01, .* · 0 failed · \d+:\d\d elapsed\n/);
    const files = (await allFiles(out)).map((file) => file.slice(out.length + 1));
    expect(files).toEqual([
      "feedback/alice.html",
      "feedback/bob.html",
      "gradebook-canvas.csv",
      "gradebook.csv",
      "gradebook.json",
      "results/alice.json",
      "results/bob.json",
      "summary.html",
    ]);
    const first = await book();
    expect(first.submissions.map((s) => [s.id, s.points, s.student.id])).toEqual([
      ["alice", lab01MaxPoints, "1001"],
      ["bob", 0, "1002"],
    ]);
    expect((await read("gradebook-canvas.csv")).split("\r\n")).toContain(`Bob Lee,1002,,blee,A,0`);
    expect(await read("summary.html")).toContain("<svg");
    // The hidden check's failure text is in no output file (and is not some visible check's message either).
    expect(first.submissions.flatMap((s) => s.checks.map((c) => c.message ?? ""))).not.toContainEqual(expect.stringContaining(hiddenMessage));
    for (const file of await allFiles(out)) expect(await readFile(file, "utf8"), file).not.toContain(hiddenMessage);
    expect(await sessionObjects(first.submissions.map((s) => s.session ?? "").filter(Boolean))).toEqual([]);
  }, 600_000);

  it("an unknown --only name is a usage error listing the known submissions, and changes nothing", async () => {
    const before = await read("gradebook.json");
    const { exitCode, stderr } = await runCli(["grade", subs, "--out", out, "--only", "carol"]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("Unknown submission `carol`");
    expect(stderr).toContain("Known submissions: alice, bob.");
    expect(await read("gradebook.json")).toBe(before);
  });

  it("--only bob re-grades bob alone; alice's rows and files stay byte for byte", async () => {
    const csv = await read("gradebook.csv");
    const json = await book();
    const alice = {
      feedback: await read("feedback/alice.html"),
      results: await read("results/alice.json"),
      mtime: (await stat(join(out, "feedback", "alice.html"))).mtimeMs,
    };
    const summary = await read("summary.html");
    // Bob hands in a fixed notebook.
    await copyFile(join(subs, "alice.ipynb"), join(subs, "bob.ipynb"));
    const { exitCode, stderr } = await runCli(["grade", subs, "--out", out, "--only", "bob", "--roster", join(dir, "roster.csv"), "--cell-timeout", "20"]);
    expect(exitCode, stderr).toBe(0);
    expect(stderr).toContain("[1/1] bob:");
    expect(stderr).toContain("re-graded bob");
    const after = await book();
    expect(after.submissions.find((s) => s.id === "bob")).toMatchObject({ points: lab01MaxPoints, status: "ok" });
    const line = (text: string, id: string) => text.split("\r\n").find((l) => l.startsWith(`${id},`));
    expect(line(await read("gradebook.csv"), "alice")).toBe(line(csv, "alice"));
    expect(line(await read("gradebook.csv"), "bob")).not.toBe(line(csv, "bob"));
    expect(JSON.stringify(after.submissions[0], null, 2)).toBe(JSON.stringify(json.submissions[0], null, 2));
    expect(await read("feedback/alice.html")).toBe(alice.feedback);
    expect(await read("results/alice.json")).toBe(alice.results);
    expect((await stat(join(out, "feedback", "alice.html"))).mtimeMs).toBe(alice.mtime);
    expect(JSON.parse(await read("results/bob.json"))).toMatchObject({ score: lab01MaxPoints });
    // The class files follow: every check now passed by both.
    expect(after.stats[0]?.checks.every((c) => c.passed === 2 && c.graded === 2)).toBe(true);
    expect(await read("summary.html")).not.toBe(summary);
    expect((await read("gradebook-canvas.csv")).split("\r\n")).toContain(`Bob Lee,1002,,blee,A,${lab01MaxPoints}`);
    expect(await sessionObjects(after.submissions.map((s) => s.session ?? "").filter(Boolean))).toEqual([]);
  }, 600_000);
});
