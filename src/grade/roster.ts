// Who handed a submission in: from a roster (`grade --roster roster.csv`), else from the file name. Pure.
//
// Without a roster: a file named the way Canvas's "Download Submissions" names them,
// `<name>_<user id>_<submission id>_<file>` (or `<name>_LATE_<user id>_…`), gives the Canvas user id and the name;
// any other file gives a student named after the submission id, with no Canvas id (Canvas then cannot match the row:
// give a roster).
//
// Roster: a CSV with a header row holding `submission` (or only `ID`, for Canvas-downloaded files) and any of `Student`, `ID`, `SIS User ID`, `SIS Login ID`,
// `Section` (the columns of Canvas's own gradebook export, so an export with a `submission` column added works).
// A roster row matches a submission when its `submission` is the submission id, or the beginning of it up to a `-`,
// `_`, `.` or `__` (so `alice` matches `alice-01` and `alice_lab02`; the longest match wins), or when its `ID` is the
// Canvas user id in a Canvas-downloaded file name.
import { basename } from "node:path";
import { UsageError } from "../errors.js";
import type { Student } from "./book.js";

/** One roster row. */
export interface RosterEntry extends Student {
  readonly submission: string;
}

const columns = { submission: "submission", Student: "name", ID: "id", "SIS User ID": "sisUserId", "SIS Login ID": "sisLoginId", Section: "section" } as const;

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks); a BOM and blank lines are dropped. */
export const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let value = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        value += '"';
        i++;
      } else if (char === '"') quoted = false;
      else value += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(value);
      value = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      record.push(value);
      records.push(record);
      record = [];
      value = "";
    } else value += char;
  }
  if (value !== "" || record.length) records.push([...record, value]);
  return records.filter((cells) => cells.some((cell) => cell.trim() !== ""));
};

/** The entries of a roster CSV; a usage error when it has no `submission` or no identity column. */
export const parseRoster = (text: string, where: string): RosterEntry[] => {
  const [header, ...records] = parseCsv(text);
  const names = (header ?? []).map((cell) => cell.trim());
  const index = (name: string): number => names.findIndex((cell) => cell.toLowerCase() === name.toLowerCase());
  const identity = Object.keys(columns).filter((name) => name !== "submission" && index(name) >= 0);
  if ((index("submission") < 0 && index("ID") < 0) || identity.length === 0)
    throw new UsageError(
      `${where} is not a roster: its header row needs \`submission\` (or \`ID\`, for Canvas-downloaded files) and at least one of Student, ID, SIS User ID, SIS Login ID, Section.`,
      {
        hint: "For example: `submission,Student,ID,SIS User ID,SIS Login ID,Section` then `alice,Alice Park,1234,s001,apark,A`.",
      },
    );
  return records.map((cells) => {
    const entry: Record<string, string> = {};
    for (const [name, key] of Object.entries(columns)) entry[key] = index(name) >= 0 ? (cells[index(name)] ?? "").trim() : "";
    return entry as unknown as RosterEntry;
  });
};

/** A Canvas "Download Submissions" file name: the name part and the Canvas user id; null for any other name. */
export const canvasFileName = (file: string): { name: string; id: string } | null => {
  const match = /^([A-Za-z0-9-]+?)(?:_LATE)?_(\d+)_(\d+)_.+$/i.exec(basename(file));
  return match ? { name: match[1] as string, id: match[2] as string } : null;
};

/** Who handed in `submission` (id and file): the longest-matching roster entry, else what the file name says. */
export const identify = (roster: readonly RosterEntry[], submission: { id: string; file: string }): Student => {
  const canvas = canvasFileName(submission.file);
  const matches = roster.filter(
    (entry) =>
      (entry.submission !== "" && (submission.id === entry.submission || new RegExp(`^${escapeRegExp(entry.submission)}(__|[-_.])`).test(submission.id))) ||
      (canvas !== null && entry.id === canvas.id),
  );
  const best = matches.sort((a, b) => b.submission.length - a.submission.length)[0];
  if (best) return { name: best.name, id: best.id, sisUserId: best.sisUserId, sisLoginId: best.sisLoginId, section: best.section };
  return { name: canvas?.name ?? submission.id, id: canvas?.id ?? "", sisUserId: "", sisLoginId: "", section: "" };
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
