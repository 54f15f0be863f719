import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { requireEngine } from "../helpers/host-state.js";

interface Doctor {
  ok: boolean;
  items: { name: string; ok: boolean; detail: string; fix: string }[];
}

describe("doctor", () => {
  beforeAll(requireEngine);

  it("doctor --json reports every piece ok after setup", async () => {
    const { stdout, exitCode } = await runCli(["doctor", "--json"]);
    const report = JSON.parse(stdout) as Doctor;
    expect(report.items.filter((item) => !item.ok)).toEqual([]);
    expect(report.items.map((item) => item.name)).toEqual(expect.arrayContaining(["docker engine", "toolbox image", "jupyter", "kernel"]));
    expect(exitCode).toBe(0);
  });

  it("doctor exits 2 and names the fix when the engine does not answer", async () => {
    const { stdout, exitCode } = await runCli(["doctor", "--json"], { env: { DOCKER_HOST: "unix:///tmp/dnl-no-engine.sock" } });
    const report = JSON.parse(stdout) as Doctor;
    const engine = report.items.find((item) => item.name === "docker engine");
    expect(exitCode).toBe(2);
    expect(engine?.ok).toBe(false);
    expect(engine?.fix).toContain("DOCKER_HOST");
  });

  it("labs run fails fast with exit 2 and the fix when the engine does not answer", async () => {
    const { stderr, exitCode } = await runCli(["labs", "run", "01"], { env: { DOCKER_HOST: "unix:///tmp/dnl-no-engine.sock" }, timeout: 60_000 });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/engine/i);
  });

  it("setup run twice changes nothing the second time", async () => {
    const first = await runCli(["setup"]);
    const second = await runCli(["setup"]);
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    expect(second.stderr).not.toMatch(/building|installing|installed the Jupyter kernel/);
  });
});
