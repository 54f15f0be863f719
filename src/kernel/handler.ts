// What the kernel answers: tslab's JupyterHandlerImpl for completion, inspection and is_complete, plus a correct
// execute (execute_input, execute_result, error content, interrupt, stop-on-error), kernel_info, history and pager.
import { runInCell, type CellRun, type DisplayType } from "./cell.js";
import { History, type HistoryRequest } from "./history.js";
import { displayContent } from "./result.js";
import { clearExpectedCell, expectCell } from "./sources.js";
import { compileError, interruptedError, runtimeError, type Diagnostic, type ErrorContent } from "./traceback.js";
import { tslabJupyter, tslabVersion, type ConsoleInterface, type Executor } from "./tslab.js";

type Content = Record<string, unknown>;
type TslabHandler = InstanceType<typeof tslabJupyter.JupyterHandlerImpl>;
/** tslab's reply shapes, named so our declarations can refer to them. */
export type KernelInfoContent = ReturnType<TslabHandler["handleKernel"]> & { status: "ok" };
export type InspectContent = ReturnType<TslabHandler["handleInspect"]>;
export type CompleteContent = ReturnType<TslabHandler["handleComplete"]>;

/** How an execution talks back: IOPub messages with the request as parent, and the final reply. */
export interface ExecuteIo {
  status(state: "busy" | "idle"): void;
  publish(type: string, content: Content): void;
  reply(content: Content): void;
}

/** Fields of execute_request this kernel reads. */
export interface ExecuteRequest {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
  user_expressions?: Content;
}

/** What tslab's executor reported for one run: diagnostics, thrown values, the last expression's value. */
export interface ExecutionReport {
  diagnostics: Diagnostic[];
  errors: unknown[];
  values: unknown[];
}

const diagnosticFormat = "%s%d:%d - %s";

/** A console for tslab's executor that records instead of printing (it prints diagnostics, errors, the last value). */
export const createReportConsole = (): { console: ConsoleInterface; begin(): ExecutionReport } => {
  let report: ExecutionReport = { diagnostics: [], errors: [], values: [] };
  return {
    begin: () => (report = { diagnostics: [], errors: [], values: [] }),
    console: {
      log: (value?: unknown) => void report.values.push(value),
      error: (first?: unknown, ...rest: unknown[]) => {
        if (first === diagnosticFormat) {
          const [fileName, line, column, message] = rest;
          report.diagnostics.push({ fileName: String(fileName).trim(), line: Number(line), column: Number(column), message: String(message) });
        } else report.errors.push(first);
      },
    },
  };
};

const pagerPattern = /^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\?\s*$/;

interface Running {
  readonly cell: CellRun;
  interrupted: boolean;
}

/** The project kernel's request handler. */
export class ProjectHandler extends tslabJupyter.JupyterHandlerImpl {
  private readonly cells: Executor;
  private readonly report: ReturnType<typeof createReportConsole>;
  private readonly implementationVersion: string;
  private readonly typescriptVersion: string;
  readonly history = new History();
  private count = 0;
  private serial = 0;
  private tail: Promise<unknown> = Promise.resolve();
  private arrived = 0;
  private finished = 0;
  private abortThrough = 0;
  private running: Running | null = null;
  /** A cell that starts before this time (performance.now()) is interrupted before it runs. */
  private interruptBefore = 0;

  constructor(executor: Executor, report: ReturnType<typeof createReportConsole>, versions: { kernel: string; typescript: string }) {
    super(executor, false);
    this.cells = executor;
    this.report = report;
    this.implementationVersion = versions.kernel;
    this.typescriptVersion = versions.typescript;
  }

  /** kernel_info_reply content: tslab's language_info, corrected and completed. */
  override handleKernel(): KernelInfoContent {
    const base = super.handleKernel();
    return {
      ...base,
      status: "ok",
      protocol_version: "5.3",
      implementation: "docker-net-lab",
      implementation_version: this.implementationVersion,
      language_info: {
        ...base.language_info,
        name: "typescript",
        version: this.typescriptVersion,
        mimetype: "text/typescript",
        file_extension: ".ts",
        pygments_lexer: "typescript",
        nbconvert_exporter: "script",
      },
      banner: `TypeScript ${this.typescriptVersion} on Node.js ${process.version} (docker-net-lab kernel ${this.implementationVersion}, tslab ${tslabVersion})`,
    };
  }

  /** Queue an execute_request; requests queued before a failing one are aborted (unless stop_on_error is false). */
  execute(request: ExecuteRequest, io: ExecuteIo): Promise<void> {
    const seq = ++this.arrived;
    const task = this.tail.then(async () => {
      io.status("busy");
      try {
        if (seq <= this.abortThrough)
          io.reply({ status: "aborted" }); // no execution_count: the cell did not run (as ipykernel)
        else {
          const reply = await this.runCell(request, io);
          if (reply.status === "error" && request.stop_on_error !== false) this.abortThrough = this.arrived;
          io.reply(reply);
        }
      } finally {
        this.finished++;
        if (this.idle) this.interruptBefore = 0;
        io.status("idle");
      }
    });
    this.tail = task.catch(() => undefined);
    return task;
  }

  /** True when no execute_request is queued or running. */
  get idle(): boolean {
    return this.finished === this.arrived;
  }

  /** True once any execute_request arrived. */
  get started(): boolean {
    return this.arrived > 0;
  }

  /** Interrupt the running cell (SIGINT or interrupt_request): abort its timers and signal, reject its await. */
  interrupt(): void {
    const running = this.running;
    if (running) {
      running.interrupted = true;
      running.cell.controller.abort(new Error("interrupted"));
    } else {
      // No cell runs: the interrupt is for the queued cell, or for the one whose request the kernel has not read
      // yet because it was busy (warming up after start); a cell that starts within 300 ms is that one.
      this.interruptBefore = this.idle ? performance.now() + 300 : Number.POSITIVE_INFINITY;
    }
    this.cells.interrupt();
  }

  private async runCell(request: ExecuteRequest, io: ExecuteIo): Promise<Content> {
    const silent = request.silent === true;
    const store = !silent && request.store_history !== false;
    if (store) this.count++;
    const count = this.count;
    const label = store ? `cell [${count}]` : "a silent cell";
    if (!silent) io.publish("execute_input", { code: request.code, execution_count: count });
    const entry = store ? this.history.add(count, request.code) : null;
    const ok = (payload: Content[] = []): Content => ({ status: "ok", execution_count: count, payload, user_expressions: {} });
    const failed = (error: ErrorContent): Content => {
      if (!silent) io.publish("error", { ...error });
      return { status: "error", execution_count: count, ...error, user_expressions: {} };
    };

    const page = pagerPattern.exec(request.code);
    if (page?.[1]) {
      const doc = this.handleInspect({ code: page[1], cursor_pos: page[1].length, detail_level: 0 });
      const text = doc.found ? (doc.data["text/plain"] ?? "") : `no documentation found for ${page[1]}`;
      return ok([{ source: "page", data: { "text/plain": text }, start: 0 }]);
    }

    const cell: CellRun = {
      count,
      controller: new AbortController(),
      writeStream: (name, text) => {
        if (!silent) io.publish("stream", { name, text });
      },
      publish: (type: DisplayType | string, content) => {
        if (!silent) io.publish(type, content);
      },
    };
    const running: Running = { cell, interrupted: false };
    if (performance.now() < this.interruptBefore) {
      this.interruptBefore = 0;
      return failed(interruptedError(label));
    }
    this.running = running;
    const report = this.report.begin();
    expectCell(`<cell ${++this.serial}>`, label, request.code);
    let succeeded: boolean;
    try {
      succeeded = await runInCell(cell, () => this.cells.execute(request.code));
    } catch (error) {
      report.errors.push(error);
      succeeded = false;
    } finally {
      clearExpectedCell();
      this.running = null;
    }

    // A synchronous loop is stopped by vm's breakOnSigint (our SIGINT listener does not run then).
    const first = report.errors[0] as { code?: unknown } | undefined;
    if (first?.code === "ERR_SCRIPT_EXECUTION_INTERRUPTED" && !running.interrupted) {
      running.interrupted = true;
      cell.controller.abort(new Error("interrupted"));
    }
    if (running.interrupted) return failed(interruptedError(label));
    if (!succeeded) {
      if (report.diagnostics.length > 0) return failed(compileError(report.diagnostics, label, request.code));
      return failed(runtimeError(report.errors[0]));
    }
    // `//%module` cells register even with errors: show those as stderr.
    for (const d of report.diagnostics) cell.writeStream("stderr", `${d.fileName ? `${d.fileName} ` : ""}${d.line}:${d.column} - ${d.message}\n`);
    if (report.values.length > 0) {
      try {
        const content = await displayContent(report.values[report.values.length - 1]);
        if (content) {
          if (entry) entry.output = String(content.data["text/plain"] ?? "");
          if (!silent) io.publish("execute_result", { execution_count: count, ...content });
        }
      } catch (error) {
        return failed(runtimeError(error));
      }
    }
    return ok();
  }

  /** history_reply content. */
  handleHistory(request: HistoryRequest): Content {
    return { status: "ok", history: this.history.query(request) };
  }

  /** inspect_reply content; never throws (a failing lookup is "not found"). */
  override handleInspect(request: Parameters<TslabHandler["handleInspect"]>[0]): InspectContent {
    try {
      return super.handleInspect(request);
    } catch {
      return { status: "ok", found: false, data: {}, metadata: {} };
    }
  }

  /** complete_reply content; never throws. */
  override handleComplete(request: Parameters<TslabHandler["handleComplete"]>[0]): CompleteContent {
    try {
      return super.handleComplete(request);
    } catch {
      return { status: "ok", matches: [], cursor_start: request.cursor_pos, cursor_end: request.cursor_pos, metadata: {} };
    }
  }
}
