import { describe, expect, it, beforeAll } from "vitest";
import { runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";
import { sessionObjects } from "./bystanders.js";

interface RunJson {
  session: string;
  passed: boolean;
  checks: { id: string; passed: boolean }[];
  notebook: { status: string; message: string; cells: { id: string | null; error: unknown }[] };
}

describe("two sessions of the same lab on one engine", () => {
  beforeAll(requireEngine);

  it("labs run 01 --solutions twice at once: both pass, in different sessions, and both leave nothing behind", async () => {
    const [first, second] = await Promise.all([runCli(["labs", "run", "01", "--solutions", "--json"]), runCli(["labs", "run", "01", "--solutions", "--json"])]);
    const results = [first, second].map((result) => ({ exitCode: result.exitCode, run: (JSON.parse(result.stdout) as RunJson[])[0] }));
    for (const { exitCode, run } of results) {
      expect(run?.checks.filter((check) => !check.passed)).toEqual([]);
      // Say why when the notebook did not end cleanly (status, message, the cells that raised).
      const notebook = run ? { status: run.notebook.status, message: run.notebook.message, errors: run.notebook.cells.filter((cell) => cell.error) } : null;
      expect(run?.passed, JSON.stringify(notebook)).toBe(true);
      expect(exitCode).toBe(0);
    }
    const sessions = results.map(({ run }) => run?.session as string);
    expect(new Set(sessions).size).toBe(2);
    expect(await sessionObjects(sessions)).toEqual([]);
  }, 300_000);
});
