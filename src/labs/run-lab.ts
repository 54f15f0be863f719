// `labs run`: execute a lab notebook headless, then check the live state in this process, then tear down.
import { allButCommand, type CheckResult } from "../checks/check.js";
import { dirname } from "node:path";
import type { LabContext, LabDefinition } from "./definition.js";
import { answerKey } from "./answer-key.js";
import { checkLab } from "./check-lab.js";
import { executeNotebook, NotebookCancelled, notebookPath, type NotebookRun, stopwatch } from "./notebook.js";
import { LabSession, newSessionId } from "./session.js";
import { removeLabelled } from "./teardown.js";
import { toolboxImage } from "../setup/image.js";
import type { Lang } from "../i18n/catalog.js";

export interface LabRunResult {
  readonly lab: string;
  readonly session: string;
  readonly solutions: boolean;
  readonly notebook: NotebookRun;
  /** The grader's own verdicts (visible and hidden checks), taken before teardown; hints show every level but the command. */
  readonly checks: readonly CheckResult[];
  readonly passed: boolean;
  readonly durationMs: number;
}

export interface RunLabOptions {
  readonly solutions?: boolean;
  /** Which notebook and answer key: the English one (default) or the Korean one (labs/ko/). */
  readonly lang?: Lang;
  /** Use this notebook instead of the lab's own (grading a submission). */
  readonly notebook?: string;
  /** The kernel's working directory (default: the lab's folder under labs/). */
  readonly cwd?: string;
  readonly session?: string;
  readonly cellTimeoutS?: number;
  readonly notebookTimeoutS?: number;
  readonly out?: string;
  readonly log?: (line: string) => void;
  /** Write the facts the lab's judges read to `dir` (labNN-solution.json or labNN-blank.json) before teardown. */
  readonly recordFacts?: { readonly dir: string; readonly command: string };
  /** Start the notebook's kernel now, run its cells once this resolves (executeNotebook's `gate`); rejected: nothing ran, nothing to tear down, NotebookCancelled. */
  readonly gate?: Promise<void>;
  /** Called with the live session just before teardown, pass or fail (the grader takes its topology picture here); errors are logged, never thrown. */
  readonly beforeTeardown?: (context: LabContext) => Promise<void>;
}

/** Context for running a lab's checks and teardown from the CLI or the grader. */
export const labContext = (lab: LabDefinition, session: string, log: (line: string) => void = () => undefined): LabContext => ({
  session: new LabSession(session, lab.id),
  image: toolboxImage,
  log,
});

/** Run one lab end to end in a fresh session; teardown always happens. */
export const runLab = async (lab: LabDefinition, options: RunLabOptions = {}): Promise<LabRunResult> => {
  const session = options.session ?? newSessionId();
  const context = labContext(lab, session, options.log);
  const elapsed = stopwatch(options.gate);
  const lang = options.lang ?? "en";
  let cancelled = false;
  try {
    const notebook = await executeNotebook({
      notebook: options.notebook ?? notebookPath(lab, lang),
      session,
      cwd: options.cwd ?? dirname(notebookPath(lab, lang)),
      ...(options.solutions ? { solutions: answerKey(lab, lang) } : {}),
      skipTags: ["teardown"],
      ...(options.cellTimeoutS ? { cellTimeoutS: options.cellTimeoutS } : {}),
      ...(options.notebookTimeoutS ? { notebookTimeoutS: options.notebookTimeoutS } : {}),
      ...(options.out ? { out: options.out } : {}),
      ...(options.gate ? { gate: options.gate } : {}),
    });
    const checks = notebook.status === "invalid" ? [] : await checkLab(lab, lab.checks, context, allButCommand);
    const passed = notebook.status === "ok" && checks.length > 0 && checks.every((check) => check.passed);
    if (options.recordFacts && notebook.status !== "invalid") {
      const { recordFacts } = await import("./record-facts.js");
      const { dir, command } = options.recordFacts;
      options.log?.(`recorded ${await recordFacts(lab, context, dir, options.solutions ? "solution" : "blank", command)}`);
    }
    return { lab: lab.id, session, solutions: Boolean(options.solutions), notebook, checks, passed, durationMs: elapsed() };
  } catch (error) {
    cancelled = error instanceof NotebookCancelled;
    throw error;
  } finally {
    // A notebook cancelled before its first cell made nothing (the kernel had only started).
    if (!cancelled) await tearDown(lab, context, options);
  }
};

// The grader's last look (beforeTeardown), the lab's own teardown, then everything with the session's label.
const tearDown = async (lab: LabDefinition, context: LabContext, options: RunLabOptions): Promise<void> => {
  await options.beforeTeardown?.(context).catch((error: unknown) => options.log?.(`before teardown of lab ${lab.id}: ${(error as Error).message}`));
  await lab.teardown?.(context).catch((error: unknown) => options.log?.(`teardown of lab ${lab.id}: ${(error as Error).message}`));
  await removeLabelled(context);
};
