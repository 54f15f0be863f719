// The Korean lab 01 through the real kernel and the real CLI: its answer key passes, the blank Korean notebook fails
// with Korean hints, `check 01 --lang ko` prints Korean, and the grader writes each feedback page in the submission's
// language.
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { runCli } from "../helpers/cli.js";
import { expectNoResidueOf, labSuite, type RunJson } from "../labs/lab-harness.js";

const hangul = /[\uac00-\ud7a3]/;

const runKo = async (solutions: boolean): Promise<{ result: RunJson & { notebook: { displayedChecks: RunJson["checks"] } }; exitCode: number }> => {
  const { stdout, stderr, exitCode } = await runCli(["labs", "run", "01", "--lang", "ko", ...(solutions ? ["--solutions"] : []), "--json"]);
  try {
    return { result: (JSON.parse(stdout) as never[])[0]!, exitCode };
  } catch {
    throw new Error(`labs run 01 --lang ko printed no JSON (exit ${exitCode}): ${stderr.slice(-2000)}`);
  }
};

describe("Korean lab 01, through the real kernel", () => {
  const suite = labSuite();

  it("the Korean answer key passes every check, hidden ones included, with Korean messages", async () => {
    const { result, exitCode } = await runKo(true);
    expect(result.notebook.status).toBe("ok");
    expect(result.notebook.cells.filter((cell) => cell.error)).toEqual([]);
    expect(result.checks.filter((check) => !check.passed).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(result.checks.length).toBe(9);
    expect(exitCode).toBe(0);
    for (const check of result.checks) expect(check.message, check.id).toMatch(hangul);
    // What the notebook displayed came from the kernel in Korean too (openLab("01", { lang: "ko" })).
    expect(result.notebook.displayedChecks.length).toBeGreaterThan(0);
    for (const check of result.notebook.displayedChecks) expect(`${check.id}: ${check.message}`).toMatch(hangul);
    await suite.others.expectUntouched();
    await expectNoResidueOf(suite.before(), [result.session]);
  });

  it("the blank Korean notebook fails every check with Korean hints, in the kernel and in the CLI's report", async () => {
    const { result, exitCode } = await runKo(false);
    expect(exitCode).toBe(1);
    expect(result.checks.length).toBe(9);
    for (const check of result.checks) {
      expect(check.passed, check.id).toBe(false);
      expect(check.hint ?? "", `${check.id}: ${check.hint}`).toMatch(hangul);
    }
    const shown = result.notebook.displayedChecks.filter((check) => !check.passed);
    expect(shown.length).toBeGreaterThan(0);
    for (const check of shown) expect(`${check.id}: ${check.hints.join(" ")}`).toMatch(hangul);
    await expectNoResidueOf(suite.before(), [result.session]);
  });

  it("check 01 --lang ko prints its report in Korean, --lang en in English", async () => {
    const session = newSessionId();
    const ko = await runCli(["check", "01", "--session", session, "--lang", "ko"]);
    expect(ko.exitCode).toBe(1);
    expect(ko.stdout).toContain("✘ 실패");
    expect(ko.stdout).toMatch(/통과 0, 실패 \d+/);
    expect(ko.stdout).toContain("docker0-kind에 기록된 답이 없습니다.");
    const en = await runCli(["check", "01", "--session", session], { env: { LANG: "C.UTF-8" } });
    expect(en.stdout).toContain("✘ FAIL");
    expect(en.stdout).not.toMatch(hangul);
    const byLocale = await runCli(["check", "01", "--session", session], { env: { LANG: "ko_KR.UTF-8" } });
    expect(byLocale.stdout).toContain("✘ 실패");
    // The checks counted hint levels in the session's folder; `clean` removes it, as a learner's would.
    expect((await runCli(["clean", "--session", session])).exitCode).toBe(0);
    await expectNoResidueOf(suite.before(), [session]);
  });

  it("grade writes each feedback page in its submission's language", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dnl-ko-grade-"));
    try {
      const submissions = join(dir, "in");
      await mkdir(submissions);
      await runCli(["labs", "export", "01", "--lang", "ko", "--out", join(submissions, "kim.ipynb")]).then((r) => expect(r.exitCode, r.stderr).toBe(0));
      await runCli(["labs", "export", "01", "--out", join(submissions, "lee.ipynb")]).then((r) => expect(r.exitCode, r.stderr).toBe(0));
      const graded = await runCli(["grade", submissions, "--out", join(dir, "out"), "--jobs", "2"], { timeout: 900_000 });
      expect(graded.exitCode, graded.stderr).toBe(0);
      expect((await readdir(join(dir, "out", "feedback"))).sort()).toEqual(["kim.html", "lee.html"]);
      const kim = await readFile(join(dir, "out", "feedback", "kim.html"), "utf8");
      const lee = await readFile(join(dir, "out", "feedback", "lee.html"), "utf8");
      expect(kim).toContain('<html lang="ko">');
      expect(kim).toContain("피드백:");
      expect(kim).toContain("docker0-kind에 기록된 답이 없습니다.");
      expect(lee).toContain('<html lang="en">');
      expect(lee).toContain("No answer recorded for docker0-kind.");
      expect(lee.replace(/<svg[\s\S]*<\/svg>/, "")).not.toMatch(hangul);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
