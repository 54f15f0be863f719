import { describe, expect, it } from "vitest";
import { compileError, interruptedError, runtimeError, typescriptLine } from "../../src/kernel/traceback.js";

describe("traceback", () => {
  it("compileError(diagnostics) shows each diagnostic with the cell line and a caret at the column", () => {
    const error = compileError([{ fileName: "", line: 2, column: 5, message: "Cannot find name 'brige'." }], "cell [4]", "const a = 1;\na + brige;");
    expect(error).toEqual({
      ename: "CompileError",
      evalue: "Cannot find name 'brige'.",
      traceback: ["CompileError: Cannot find name 'brige'. (cell [4], line 2, column 5)", "    2 | a + brige;", "      |     ^"],
    });
  });

  it("compileError(diagnostics) names another file when the error is in an imported .ts file, without an excerpt", () => {
    const error = compileError([{ fileName: "lib.ts", line: 7, column: 1, message: "Type error." }], "cell [1]", "import './lib';");
    expect(error.traceback).toEqual(["CompileError: Type error. (lib.ts, line 7, column 1)"]);
  });

  it("typescriptLine(cell, jsLine) finds the TypeScript line a compiled line came from", () => {
    const cell = {
      typescript: 'interface Port { n: number }\nconst p: Port = { n: 80 };\n\nfunction f(x: Port): number {\n  throw new Error("closed " + x.n);\n}\nf(p)',
      javascript: [
        '(function(exports, require) { Object.defineProperty(exports, "__esModule", { value: true });',
        "exports.p = exports.f = exports.tsLastExpr = void 0;",
        "const p = { n: 80 };",
        "exports.p = p;",
        "function f(x) {",
        '    throw new Error("closed " + x.n);',
        "}",
        "exports.f = f;",
        "exports.tsLastExpr = f(p);",
        "",
        "})(__tslab__.exports, __tslab__.require)",
      ].join("\n"),
    };
    expect(typescriptLine(cell, 6)).toBe(5);
    expect(typescriptLine(cell, 9)).toBe(7);
    expect(typescriptLine(cell, 3)).toBe(2);
    expect(typescriptLine(cell, 11)).toBeUndefined();
  });

  it("runtimeError(value) keeps name and message, drops frames of tslab and Node internals, adds cause and hint", () => {
    const error = Object.assign(new Error("no route to 203.0.113.7", { cause: new TypeError("socket closed") }), { hint: "check the gateway" });
    error.stack = [
      "Error: no route to 203.0.113.7",
      "    at Object.execute (/repo/node_modules/tslab/dist/executor.js:160:38)",
      "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
    ].join("\n");
    expect(runtimeError(error)).toEqual({
      ename: "Error",
      evalue: "no route to 203.0.113.7",
      traceback: ["Error: no route to 203.0.113.7", "Caused by TypeError: socket closed", "Hint: check the gateway"],
    });
  });

  it("runtimeError(value) keeps the library's own frames (relative to the notebook) and hides third-party packages", () => {
    const error = new Error("engine down");
    error.stack = [
      "Error: engine down",
      "    at classify (/repo/node_modules/execa/lib/x.js:1:1)",
      `    at snapshot (${process.cwd()}/dist/topology/snapshot.js:42:7)`,
    ].join("\n");
    expect(runtimeError(error).traceback).toEqual(["Error: engine down", "  in snapshot, dist/topology/snapshot.js:42:7"]);
  });

  it("runtimeError(value) reports thrown non-errors as Uncaught with their text", () => {
    expect(runtimeError("just a string")).toEqual({ ename: "Uncaught", evalue: "just a string", traceback: ["Uncaught: just a string"] });
  });

  it("interruptedError(label) is a KeyboardInterrupt naming the cell", () => {
    expect(interruptedError("cell [3]").ename).toBe("KeyboardInterrupt");
    expect(interruptedError("cell [3]").traceback[0]).toContain("cell [3] was interrupted");
  });
});
