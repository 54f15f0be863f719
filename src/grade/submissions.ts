// Finding submissions: the files to grade, each with a stable id, and which lab each one is.
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../errors.js";
import { gradableId } from "./gradable.js";

/** One file handed in. */
export interface Submission {
  /** Stable id: the path under the folder given (or the file name), without `.ipynb`; names the feedback file. */
  readonly id: string;
  /** Absolute path. */
  readonly file: string;
}

/** Why a submission cannot be executed, or which lab it is. */
export type Detection =
  | { readonly kind: "lab"; readonly lab: string; readonly from: "metadata" | "--lab"; readonly lang?: "en" | "ko" }
  | { readonly kind: "not-json" | "not-notebook" | "wrong-lab" | "unknown-lab"; readonly lab: string | null; readonly message: string };

// Folders never searched: notebook checkpoints and hidden folders.
const skipDir = (name: string): boolean => name.startsWith(".") || name === "node_modules" || name === "__pycache__";

// Every regular, non-hidden file under a folder, recursively (broken files included: they become rows).
const walk = async (dir: string, exclude: string | null): Promise<string[]> => {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (exclude && (path === exclude || path.startsWith(`${exclude}${sep}`))) continue;
    if (entry.isDirectory() && !skipDir(entry.name)) found.push(...(await walk(path, exclude)));
    else if (entry.isFile() && !entry.name.startsWith(".")) found.push(path);
  }
  return found;
};

/** A file-name-safe id: letters, digits, `.`, `_`, `-`; folders joined with `__`. */
export const submissionId = (relativePath: string): string =>
  relativePath
    .replace(/\.ipynb$/i, "")
    .split(/[\\/]+/)
    .join("__")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^\.+/, "_") || "submission";

/** The submissions in the given folders and files, sorted by id; ids are unique. `exclude` (the output folder) is skipped. */
export const findSubmissions = async (inputs: readonly string[], exclude?: string): Promise<Submission[]> => {
  if (inputs.length === 0)
    throw new UsageError("No submissions given.", {
      hint: "Pass a folder of notebooks or the notebook files: `docker-net-lab grade submissions/ --out gradebook/`.",
    });
  const skip = exclude ? resolve(exclude) : null;
  const found: Submission[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    const info = await stat(path).catch(() => null);
    if (!info) throw new UsageError(`Cannot find ${input}.`, { hint: "Pass an existing folder or notebook file." });
    if (info.isDirectory()) for (const file of await walk(path, skip)) found.push({ id: submissionId(relative(path, file)), file });
    else found.push({ id: submissionId(basename(path)), file: path });
  }
  found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : 1));
  const seen = new Map<string, number>();
  return found.map((submission) => {
    const count = (seen.get(submission.id) ?? 0) + 1;
    seen.set(submission.id, count);
    return count === 1 ? submission : { ...submission, id: `${submission.id}-${count}` };
  });
};

/** Decide from a file's text which lab it is (notebook metadata `docker-net-lab.lab`, else `wanted`); pure. */
export const detectLab = (text: string, wanted: string | null): Detection => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: "not-json", lab: null, message: `not JSON (${(error as Error).message.split("\n")[0]})` };
  }
  const notebook = json as { cells?: unknown; nbformat?: unknown; metadata?: Record<string, unknown> } | null;
  if (typeof notebook !== "object" || notebook === null || Array.isArray(notebook) || !Array.isArray(notebook.cells) || typeof notebook.nbformat !== "number") {
    return { kind: "not-notebook", lab: null, message: "JSON, but not a Jupyter notebook (no nbformat and cells)" };
  }
  if (notebook.nbformat < 4) return { kind: "not-notebook", lab: null, message: `nbformat ${notebook.nbformat} is too old (need 4)` };
  const meta = notebook.metadata?.["docker-net-lab"] as { lab?: unknown; challenge?: unknown; lang?: unknown } | undefined;
  // The notebook's language (docker-net-lab.lang): its feedback page is written in it.
  const lang = meta?.lang === "ko" ? { lang: "ko" as const } : {};
  // A lab notebook says `lab`, a challenge notebook `challenge`; both are graded the same way.
  const declared = typeof meta?.lab === "string" ? meta.lab : typeof meta?.challenge === "string" ? meta.challenge : null;
  const known = gradableId;
  if (declared !== null) {
    const lab = known(declared);
    if (!lab) return { kind: "unknown-lab", lab: declared, message: `the notebook says it is lab ${declared}, which this grader does not know` };
    if (wanted !== null && known(wanted) !== lab)
      return { kind: "wrong-lab", lab, message: `the notebook is lab ${lab}, but lab ${known(wanted) ?? wanted} is being graded` };
    return { kind: "lab", lab, from: "metadata", ...lang };
  }
  if (wanted === null)
    return { kind: "unknown-lab", lab: null, message: "the notebook does not say which lab it is (no docker-net-lab.lab metadata); pass --lab" };
  const lab = known(wanted);
  return lab ? { kind: "lab", lab, from: "--lab", ...lang } : { kind: "unknown-lab", lab: wanted, message: `unknown lab ${wanted}` };
};

/** Read a submission and detect its lab; an unreadable file is "not-json". */
export const inspectSubmission = async (submission: Submission, wanted: string | null): Promise<Detection> => {
  try {
    return detectLab(await readFile(submission.file, "utf8"), wanted);
  } catch (error) {
    return { kind: "not-json", lab: null, message: `cannot read the file (${(error as Error).message})` };
  }
};
