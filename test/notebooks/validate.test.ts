// JupyterLab readiness of the lab notebooks: valid nbformat 4.5, the project kernel, nothing stored, standard MIME types.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeNotebook } from "../../src/labs/notebook.js";
import { answerKey } from "../../src/labs/answer-key.js";
import { findLab, labs } from "../../src/labs/registry.js";
import { runCli, repoRoot } from "../helpers/cli.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { expectNoResidueOfSession, randomSession } from "../browser/residue.js";

/** Debian's Python, which has nbformat (the first python3 on PATH may not). */
const python = process.env.DNL_PYTHON ?? "/usr/bin/python3";
const checkMime = "application/vnd.docker-net-lab.check+json";
/** MIME types JupyterLab and Notebook render out of the box, plus the project's documented check bundle. */
const standardMimes = new Set([
  "text/plain",
  "text/html",
  "text/markdown",
  "text/latex",
  "image/svg+xml",
  "image/png",
  "image/jpeg",
  "image/gif",
  "application/json",
  "application/pdf",
  checkMime,
]);

interface Cell {
  readonly id?: string;
  readonly cell_type: "code" | "markdown" | "raw";
  readonly source: string | string[];
  readonly metadata: { tags?: string[] };
  readonly outputs?: Output[];
  readonly execution_count?: number | null;
}
interface Output {
  readonly output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  readonly name?: string;
  readonly data?: Record<string, unknown>;
  readonly ename?: string;
  readonly evalue?: string;
}
interface Notebook {
  readonly nbformat: number;
  readonly nbformat_minor: number;
  readonly metadata: {
    kernelspec?: { name?: string; display_name?: string; language?: string };
    language_info?: { name?: string; file_extension?: string; mimetype?: string };
  };
  readonly cells: Cell[];
}

const labsRoot = join(repoRoot, "labs");
const notebooks = readdirSync(labsRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(labsRoot, entry.name, "lab.ipynb")))
  .map((entry) => entry.name)
  .sort();
const load = (dir: string): Notebook => JSON.parse(readFileSync(join(labsRoot, dir, "lab.ipynb"), "utf8")) as Notebook;

// nbformat's own validator, without its silent repairs (duplicate ids, invalid metadata).
const nbformatValidate = async (file: string): Promise<{ exitCode: number; output: string }> => {
  const script = [
    "import json, sys, nbformat",
    "nb = nbformat.from_dict(json.load(open(sys.argv[1])))",
    "nbformat.validate(nb, repair_duplicate_cell_ids=False, strip_invalid_metadata=False)",
    "print('valid', nb.nbformat, nb.nbformat_minor)",
  ].join("\n");
  const result = await execa(python, ["-c", script, file], { reject: false, timeout: 60_000 });
  return { exitCode: result.exitCode ?? -1, output: `${String(result.stdout)}${String(result.stderr)}` };
};

describe("lab notebooks are ready for JupyterLab and Notebook", () => {
  it("finds the lab notebooks (labs/*/lab.ipynb)", () => {
    expect(notebooks).toContain("01-docker0");
  });

  describe.each(notebooks)("labs/%s/lab.ipynb", (dir) => {
    const notebook = load(dir);
    const file = join(labsRoot, dir, "lab.ipynb");

    it("validates with nbformat (no repairs)", async () => {
      const result = await nbformatValidate(file);
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toMatch(/^valid 4 5/m);
    });

    it("is nbformat 4.5 and every cell has a unique, valid id", () => {
      expect([notebook.nbformat, notebook.nbformat_minor]).toEqual([4, 5]);
      const ids = notebook.cells.map((cell) => cell.id);
      for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("names the project kernel and the TypeScript language", () => {
      expect(notebook.metadata.kernelspec).toEqual({ name: "docker-net-lab", display_name: "TypeScript (docker-net-lab)", language: "typescript" });
      expect(notebook.metadata.language_info).toMatchObject({ name: "typescript", file_extension: ".ts" });
    });

    it("stores no outputs and no execution counts", () => {
      const dirty = notebook.cells
        .filter((cell) => cell.cell_type === "code" && ((cell.outputs ?? []).length > 0 || (cell.execution_count ?? null) !== null))
        .map((cell) => cell.id);
      expect(dirty).toEqual([]);
    });

    it("has a reference solution for exactly its exercise cells (built from its source, never stored under labs/)", () => {
      const exercises = notebook.cells.filter((cell) => cell.metadata.tags?.includes("exercise")).map((cell) => cell.id);
      const lab = labs.find((l) => l.slug === dir)!;
      const solutions = answerKey(lab);
      expect(Object.keys(solutions).sort()).toEqual([...exercises].sort());
      for (const [id, source] of Object.entries(solutions)) {
        expect(typeof source, id).toBe("string");
        expect(notebook.cells.find((cell) => cell.id === id)?.cell_type, id).toBe("code");
      }
      expect(existsSync(join(labsRoot, dir, "solutions.json"))).toBe(false);
    });
  });
});

describe("outputs of lab 01, executed through the project kernel with the reference solutions", () => {
  const lab = findLab("01");
  const session = randomSession();
  let before: HostState;
  let work: string;
  let executed: Notebook;

  beforeAll(async () => {
    await requireEngine();
    before = await hostState();
    work = await mkdtemp(join(tmpdir(), "dnl-validate-"));
    const out = join(work, "executed.ipynb");
    const run = await executeNotebook({
      notebook: join(labsRoot, lab.slug, "lab.ipynb"),
      session,
      cwd: join(labsRoot, lab.slug),
      solutions: answerKey(lab),
      out,
    });
    expect(run.status, run.message).toBe("ok");
    executed = JSON.parse(await readFile(out, "utf8")) as Notebook;
  });

  afterAll(async () => {
    await runCli(["clean", "--session", session]);
    if (work) await rm(work, { recursive: true, force: true });
  });

  const outputs = (): Output[] => executed.cells.flatMap((cell) => cell.outputs ?? []);

  it("the executed notebook still validates with nbformat", async () => {
    const result = await nbformatValidate(join(work, "executed.ipynb"));
    expect(result.exitCode, result.output).toBe(0);
  });

  it("has no error outputs", () => {
    expect(
      outputs()
        .filter((output) => output.output_type === "error")
        .map((output) => `${output.ename}: ${output.evalue}`),
    ).toEqual([]);
  });

  it("uses only standard MIME types, plus the check bundle", () => {
    const mimes = new Set(outputs().flatMap((output) => Object.keys(output.data ?? {})));
    expect([...mimes].filter((mime) => !standardMimes.has(mime))).toEqual([]);
    expect(mimes).toContain("image/svg+xml");
    expect(mimes).toContain(checkMime);
  });

  it("always sends text/plain with rich data, and text/html with every check bundle", () => {
    const rich = outputs().filter((output) => output.data !== undefined);
    expect(rich.length).toBeGreaterThan(0);
    for (const output of rich) expect(Object.keys(output.data!)).toContain("text/plain");
    const checks = rich.filter((output) => checkMime in output.data!);
    expect(checks.length).toBeGreaterThanOrEqual(4);
    for (const output of checks) expect(Object.keys(output.data!).sort()).toEqual(expect.arrayContaining(["text/html", "text/plain", checkMime]));
  });

  it("its teardown cell left nothing of the session behind", async () => {
    await expectNoResidueOfSession(session, before);
  });
});
