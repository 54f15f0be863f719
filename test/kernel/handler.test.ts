import { describe, expect, it } from "vitest";
import { createReportConsole, ProjectHandler, type ExecuteIo } from "../../src/kernel/handler.js";
import type { Executor } from "../../src/kernel/tslab.js";

// A stand-in for tslab's executor: "fail" throws, "bad" has a diagnostic, "slow" waits, anything else has value 42.
const fakeHandler = () => {
  const report = createReportConsole();
  const executor = {
    execute: async (src: string) => {
      if (src === "fail") {
        report.console.error(new Error("boom"));
        return false;
      }
      if (src === "bad") {
        report.console.error("%s%d:%d - %s", "", 1, 1, "Cannot find name 'bad'.");
        return false;
      }
      if (src === "slow") await new Promise((resolve) => setTimeout(resolve, 50));
      report.console.log(42);
      return true;
    },
    inspect: () => undefined,
    complete: () => ({ start: 0, end: 0, candidates: [] }),
    interrupt: () => undefined,
    reset: () => undefined,
    locals: {},
    close: () => undefined,
  } as unknown as Executor;
  return new ProjectHandler(executor, report, { kernel: "0.0.0", typescript: "5.0.4" });
};

const recorder = () => {
  const events: [string, Record<string, unknown>][] = [];
  const io: ExecuteIo = {
    status: (state) => events.push(["status", { state }]),
    publish: (type, content) => events.push([type, content]),
    reply: (content) => events.push(["reply", content]),
  };
  return { events, io, types: () => events.map(([type]) => type) };
};

describe("ProjectHandler", () => {
  it("execute(code) publishes busy, execute_input, execute_result, then replies ok and goes idle", async () => {
    const handler = fakeHandler();
    const { events, io, types } = recorder();
    await handler.execute({ code: "x" }, io);
    expect(types()).toEqual(["status", "execute_input", "execute_result", "reply", "status"]);
    expect(events[2]![1]).toMatchObject({ execution_count: 1, data: { "text/plain": "42" } });
    expect(events[3]![1]).toMatchObject({ status: "ok", execution_count: 1 });
  });

  it("execute(code) of a failing cell publishes an error and replies with ename, evalue and traceback", async () => {
    const handler = fakeHandler();
    const { events, io } = recorder();
    await handler.execute({ code: "bad" }, io);
    const reply = events.find(([type]) => type === "reply")![1];
    expect(reply).toMatchObject({ status: "error", ename: "CompileError", evalue: "Cannot find name 'bad'." });
    expect(events.some(([type]) => type === "error")).toBe(true);
  });

  it("a failing cell aborts the cells queued behind it, but not the ones sent afterwards", async () => {
    const handler = fakeHandler();
    const first = recorder();
    const second = recorder();
    const third = recorder();
    const running = [handler.execute({ code: "slow" }, first.io), handler.execute({ code: "fail" }, first.io), handler.execute({ code: "x" }, second.io)];
    await Promise.all(running);
    const aborted = second.events.find(([type]) => type === "reply")![1];
    expect(aborted).toMatchObject({ status: "aborted" });
    // The cell never ran: like ipykernel, no execution count (front ends would show one as if it had run).
    expect(aborted).not.toHaveProperty("execution_count");
    await handler.execute({ code: "x" }, third.io);
    expect(third.events.find(([type]) => type === "reply")![1]).toMatchObject({ status: "ok" });
    expect(handler.idle).toBe(true);
  });

  it("stop_on_error: false lets the queued cells run after a failure", async () => {
    const handler = fakeHandler();
    const later = recorder();
    await Promise.all([handler.execute({ code: "fail", stop_on_error: false }, recorder().io), handler.execute({ code: "x" }, later.io)]);
    expect(later.events.find(([type]) => type === "reply")![1]).toMatchObject({ status: "ok" });
  });

  it("an interrupt that arrives before a queued cell started stops that cell instead of being lost", async () => {
    const handler = fakeHandler();
    const { events, io } = recorder();
    const pending = handler.execute({ code: "x" }, io);
    handler.interrupt();
    await pending;
    expect(events.find(([type]) => type === "reply")![1]).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
    const next = recorder();
    await handler.execute({ code: "x" }, next.io);
    expect(next.events.find(([type]) => type === "reply")![1]).toMatchObject({ status: "ok" });
  });

  it("an interrupt while idle does not stop a cell that starts later", async () => {
    const handler = fakeHandler();
    handler.interrupt();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const { events, io } = recorder();
    await handler.execute({ code: "x" }, io);
    expect(events.find(([type]) => type === "reply")![1]).toMatchObject({ status: "ok" });
  });

  it("an interrupt read just before the cell's request (the kernel was busy) stops that cell", async () => {
    const handler = fakeHandler();
    handler.interrupt();
    const { events, io } = recorder();
    await handler.execute({ code: "x" }, io);
    expect(events.find(([type]) => type === "reply")![1]).toMatchObject({ ename: "KeyboardInterrupt" });
  });

  it("a silent execution publishes nothing but status and does not count", async () => {
    const handler = fakeHandler();
    const { io, types, events } = recorder();
    await handler.execute({ code: "x", silent: true }, io);
    expect(types()).toEqual(["status", "reply", "status"]);
    expect(events[1]![1]).toMatchObject({ status: "ok", execution_count: 0 });
  });

  it("handleKernel() answers with status ok and TypeScript language_info", () => {
    const info = fakeHandler().handleKernel();
    expect(info.status).toBe("ok");
    expect(info.language_info).toMatchObject({ name: "typescript", file_extension: ".ts", mimetype: "text/typescript", version: "5.0.4" });
  });
});
