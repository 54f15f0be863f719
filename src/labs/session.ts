// A session: one learner's (or one grading job's) set of names, labels, ports and answers.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";
import { stateDir } from "../setup/paths.js";
import { isSessionId, kernelName, labelArgs, labelsFor, namePrefix, objectName, requireSessionId } from "../ownership.js";

// Four random lowercase letters/digits.
export const newSessionId = (): string => {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(4)].map((byte) => alphabet[byte % alphabet.length]).join("");
};

/** The session id: $DNL_SESSION, else this user's saved default (created once). */
export const currentSessionId = async (): Promise<string> => {
  const fromEnv = process.env.DNL_SESSION;
  if (fromEnv !== undefined) {
    return requireSessionId(fromEnv, "DNL_SESSION", "Unset DNL_SESSION or set it to e.g. `ab12`.");
  }
  const file = join(stateDir(), "default-session");
  try {
    const saved = (await readFile(file, "utf8")).trim();
    if (isSessionId(saved)) return saved;
  } catch {
    // first run
  }
  const id = newSessionId();
  await mkdir(stateDir(), { recursive: true });
  await writeFile(file, `${id}\n`);
  return id;
};

/** Names, labels and answers of one lab in one session. */
export class LabSession {
  readonly session: string;
  readonly lab: string;
  constructor(session: string, lab: string) {
    this.session = session;
    this.lab = lab;
  }

  /** Docker object name: `dnl-<session>-<lab>-<short>`, e.g. `dnl-ab12-01-web1`. */
  name(short: string): string {
    return objectName(this.session, this.lab, short);
  }

  /** Interface or namespace name that fits IFNAMSIZ (15): `dnl<session><lab><short>` cut to 15. */
  ifname(short: string): string {
    const name = `${namePrefix}${this.session}${short}`;
    if (name !== kernelName(this.session, short))
      throw new UsageError(`Interface name ${name} is longer than 15 characters.`, { hint: "Use a shorter suffix (at most 4 characters)." });
    return name;
  }

  /** Labels every object of this lab carries. */
  get labels(): Record<string, string> {
    return labelsFor(this.session, this.lab);
  }

  /** `--label k=v …` for the docker CLI. */
  get labelArgs(): string[] {
    return labelArgs(this.labels);
  }

  /** Label filters (`key=value`) that select exactly this lab's objects. */
  get labelFilters(): string[] {
    return Object.entries(this.labels).map(([key, value]) => `${key}=${value}`);
  }

  /** Directory holding this lab's answers and notes. */
  get dir(): string {
    return join(stateDir(), "sessions", this.session, this.lab);
  }

  /** Record a learner's answer (read by the graded checks, which compare it with the live host). */
  async saveAnswer(key: string, value: unknown): Promise<void> {
    const answers = await this.answers();
    answers[key] = value;
    await this.writeRecord("answers", answers);
  }

  /** All recorded answers. */
  async answers(): Promise<Record<string, unknown>> {
    return this.readRecord<unknown>("answers");
  }

  /** How often each check failed in this session, and how many extra hint levels the learner asked for. */
  async hintCounts(): Promise<Record<string, HintCount>> {
    return this.readRecord<HintCount>("hints");
  }

  /** Count one failure (`failures`) or one request for the next level (`asked`) of a check's hint. */
  async countHint(checkId: string, what: keyof HintCount): Promise<HintCount> {
    const counts = await this.hintCounts();
    const now = { failures: 0, asked: 0, ...counts[checkId] };
    now[what] += 1;
    counts[checkId] = now;
    await this.writeRecord("hints", counts);
    return now;
  }

  /** One JSON record of this lab's session folder (`answers`, `hints`, `predictions`…); {} when there is none. */
  async readRecord<T>(name: string): Promise<Record<string, T>> {
    try {
      return JSON.parse(await readFile(join(this.dir, `${name}.json`), "utf8")) as Record<string, T>;
    } catch {
      return {};
    }
  }

  /** Replace a JSON record of this lab's session folder, atomically. */
  async writeRecord(name: string, value: Readonly<Record<string, unknown>>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${name}.json`);
    await writeFile(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
    await rename(`${file}.tmp`, file);
  }
}

/** A check's hint counters in one session. */
export interface HintCount {
  failures: number;
  asked: number;
}
