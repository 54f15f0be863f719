// Each executed cell gets a file name (`<cell 3>`) in stack traces; we keep its TypeScript and compiled JavaScript.
import vm from "node:vm";

/** A cell as the kernel compiled and ran it. */
export interface CellSource {
  /** What the learner sees: `cell [3]`. */
  readonly label: string;
  readonly typescript: string;
  /** The JavaScript tslab ran (line 1 starts with tslab's wrapper). */
  javascript: string;
}

const sources = new Map<string, CellSource>();
let pending: { fileName: string; source: CellSource } | null = null;

/** The cell registered under a stack-trace file name, if any. */
export const cellSource = (fileName: string): CellSource | undefined => sources.get(fileName);

/** Announce the next cell tslab runs: its code runs under `fileName` (kept for later tracebacks). */
export const expectCell = (fileName: string, label: string, typescript: string): void => {
  pending = { fileName, source: { label, typescript, javascript: "" } };
};

/** Forget the announced cell (it did not run, e.g. it did not compile). */
export const clearExpectedCell = (): void => {
  pending = null;
};

// tslab's executor runs each cell with vm.runInThisContext(code, { breakOnSigint: true }); name it and keep its code.
export const hookCellScripts = (): void => {
  const original = vm.runInThisContext;
  vm.runInThisContext = ((code: string, options?: vm.RunningScriptOptions | string) => {
    if (pending && typeof options === "object" && options.breakOnSigint) {
      const { fileName, source } = pending;
      pending = null;
      source.javascript = code;
      sources.set(fileName, source);
      return original(code, { ...options, filename: fileName });
    }
    return original(code, options);
  }) as typeof vm.runInThisContext;
};
