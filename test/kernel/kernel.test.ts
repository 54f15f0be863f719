// The project kernel in a real Jupyter session (jupyter_client): what a learner sees in the notebook.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installTestKernelspecs, resultData, runKernel, streamText, type KernelRun, type TestKernelspecs } from "./helpers.js";

const ticks = "(globalThis as any).dnlTicks";

describe("project kernel", () => {
  let specs: TestKernelspecs;
  let session: KernelRun;

  beforeAll(async () => {
    specs = await installTestKernelspecs();
    session = await runKernel(specs, [
      /* 0 */ { execute: 'import { execa } from "execa";\nconst echoed = await execa("echo", ["from execa"]);\nechoed.stdout' },
      /* 1 */ { execute: 'import * as Plot from "@observablehq/plot";\ntypeof Plot.plot + " " + typeof Plot.dot' },
      /* 2 */ { execute: `${ticks} = 0;\nwhile (true) {\n  await new Promise((resolve) => setTimeout(resolve, 50));\n  ${ticks}++;\n}`, interrupt_after: 1.5 },
      /* 3 */ { execute: ticks },
      /* 4 */ { sleep: 0.5 },
      /* 5 */ { execute: ticks },
      /* 6 */ { execute: "const started = Date.now();\nwhile (true) {}", interrupt_after: 1.5 },
      /* 7 */ { execute: '"still alive"' },
      /* 8 */ { execute: "function gateway(name: string): string {\n  // the learner's helper\n  throw new Error(`no gateway for ${name}`);\n}" },
      /* 9 */ { execute: '\nconst bridge = "docker0";\ngateway(bridge);' },
      /* 10 */ { execute: "const count: number = 1;\ncount.toUpperCase();" },
      /* 11 */ { execute: 'import * as path from "node:path";\nconst p = path.join("a", "b");' },
      /* 12 */ { complete: "path.jo" },
      /* 13 */ { inspect: "path.join" },
      /* 14 */ { execute: '({ [Symbol.for("Jupyter.display")]() { return { "image/svg+xml": "<svg></svg>", "text/html": "<p>t</p>" }; } })' },
      /* 15 */ {
        execute:
          'const show = (globalThis as any)[Symbol.for("docker-net-lab.display")];\nshow({ "text/plain": "step 1/2" }, {}, { displayId: "progress" });\nshow({ "text/plain": "step 2/2" }, {}, { displayId: "progress", update: true });',
      },
      /* 16 */ { execute: 'const e = new Error("engine down") as Error & { hint: string };\ne.hint = "start dockerd";\nthrow e;' },
      /* 17 */ { execute: 'setTimeout(() => console.log("late output"), 300);\nsetTimeout(() => { throw new Error("thrown in a timer"); }, 350);' },
      /* 18 */ { execute: 'await new Promise((resolve) => setTimeout(resolve, 800));\n"waited"' },
      /* 19 */ { execute: '"kernel survived"' },
      /* 20 */ { execute: 'import * as dnl from "docker-net-lab";\ntypeof dnl.snapshot' },
      /* 21 */ { complete: "dnl.snaps" },
      /* 22 */ { inspect: "dnl.snapshot" },
      /* 23 */ { execute: "const nested = async () => ({ twice: async () => 42 });\nconst got = await (await nested()).twice();\ngot" },
      /* 24 */ { execute: "got + 1" },
    ]);
  }, 300_000);
  afterAll(async () => specs?.cleanup());

  const step = (n: number) => session.steps[n]!;

  it("imports the ESM-only execa from a cell (tslab compiles to CommonJS; Node's require(esm) loads it)", () => {
    expect(step(0).reply.status).toBe("ok");
    expect(resultData(step(0))?.["text/plain"]).toBe("from execa");
  });

  it("imports the ESM-only @observablehq/plot from a cell", () => {
    expect(step(1).reply.status).toBe("ok");
    expect(resultData(step(1))?.["text/plain"]).toBe("function function");
  });

  it("interrupting an async loop ends the cell with KeyboardInterrupt and stops the loop's timers", () => {
    expect(step(2).reply.status).toBe("error");
    expect(step(2).reply.ename).toBe("KeyboardInterrupt");
    expect(step(2).interrupts).toBe(1);
    expect(step(2).outputs.some((o) => o.msg_type === "error")).toBe(true);
    const before = Number(resultData(step(3))?.["text/plain"]);
    expect(before).toBeGreaterThan(0);
    expect(Number(resultData(step(5))?.["text/plain"])).toBe(before);
  });

  it("interrupting a busy synchronous loop aborts it and the kernel runs the next cell", () => {
    expect(step(6).reply.ename).toBe("KeyboardInterrupt");
    expect(resultData(step(7))?.["text/plain"]).toBe("still alive");
    expect(session.alive).toBe(true);
  });

  it("a runtime error names the learner's cells and lines and shows the code there", () => {
    const reply = step(9).reply;
    expect(reply.ename).toBe("Error");
    expect(reply.evalue).toBe("no gateway for docker0");
    const traceback = reply.traceback!.join("\n");
    expect(traceback).toContain("in gateway, cell [8], line 3");
    expect(traceback).toContain("throw new Error(`no gateway for ${name}`);");
    expect(traceback).toContain("in cell [9], line 3");
    expect(traceback).toContain("gateway(bridge);");
    expect(traceback).not.toMatch(/evalmachine|node_modules[/\\]tslab|node:internal/);
  });

  it("a compile error gives the line and column with a caret under the code", () => {
    const reply = step(10).reply;
    expect(reply.ename).toBe("CompileError");
    expect(reply.evalue).toContain("Property 'toUpperCase' does not exist on type 'number'");
    expect(reply.traceback).toEqual([expect.stringContaining("(cell [10], line 2, column 7)"), "    2 | count.toUpperCase();", "      |       ^"]);
  });

  it("completes and inspects the API of an imported module", () => {
    expect(step(12).reply.matches).toContain("join");
    expect(step(13).reply.found).toBe(true);
    expect(step(13).reply.data?.["text/plain"]).toMatch(/join\(\.\.\.paths: string\[\]\): string/);
  });

  it("completes and inspects the docker-net-lab library API in a cell", () => {
    expect(resultData(step(20))?.["text/plain"]).toBe("function");
    expect(step(21).reply.matches).toContain("snapshot");
    expect(step(22).reply.found).toBe(true);
    expect(step(22).reply.data?.["text/plain"]).toMatch(/snapshot/);
  });

  it("the last value's [Symbol.for('Jupyter.display')]() bundle becomes the execute_result, with text/plain kept", () => {
    const data = resultData(step(14));
    expect(data?.["image/svg+xml"]).toBe("<svg></svg>");
    expect(data?.["text/html"]).toBe("<p>t</p>");
    expect(typeof data?.["text/plain"]).toBe("string");
  });

  it("the display hook publishes a display and then updates it in place (progress)", () => {
    const outputs = step(15).outputs.filter((o) => o.msg_type.endsWith("display_data"));
    expect(
      outputs.map((o) => [o.msg_type, o.content.data?.["text/plain"], (o.content as { transient?: { display_id?: string } }).transient?.display_id]),
    ).toEqual([
      ["display_data", "step 1/2", "progress"],
      ["update_display_data", "step 2/2", "progress"],
    ]);
  });

  it("output of a finished cell's timers goes to that cell, not to the cell running now", () => {
    expect(resultData(step(18))?.["text/plain"]).toBe("waited");
    expect(streamText(step(18), "stdout")).toBe("");
    expect(streamText(step(18), "stderr")).toBe("");
  });

  it("an error thrown in a timer is reported and the kernel keeps running", () => {
    expect(resultData(step(19))?.["text/plain"]).toBe("kernel survived");
    expect(session.alive).toBe(true);
  });

  it("an error's hint is shown after its traceback", () => {
    expect(step(16).reply.traceback?.at(-1)).toBe("Hint: start dockerd");
    expect(streamText(step(16), "stderr")).toBe("");
  });

  it("awaits `await (await x()).y()` at the top of a cell (tslab alone reads the outer await as a name), and keeps the result", () => {
    expect(step(23).reply.status).toBe("ok");
    expect(resultData(step(23))?.["text/plain"]).toBe("42");
    expect(resultData(step(24))?.["text/plain"]).toBe("43");
  });
});
