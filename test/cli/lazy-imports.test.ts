// The CLI loads only what a command uses (src/cli/commands.ts says how a command keeps to it): `--help` and argument
// parsing load none of the library, `parse` only its one parser, `snapshot --json` and `check` no renderer. Asserted on
// the modules the process really imported, not on its time (timings are in `npm run bench`).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSessionId } from "../../src/labs/session.js";
import { repoRoot, runCli } from "../helpers/cli.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dnl-modules-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The modules `docker-net-lab …args` imports, as paths relative to the repository (packages as node_modules/NAME).
const modulesOf = async (args: readonly string[], input?: string): Promise<{ exitCode: number; modules: string[] }> => {
  const log = join(dir, `${args.join("_").replace(/[^\w.-]/g, "_")}.log`);
  const { exitCode } = await runCli(args, {
    nodeArgs: ["--import", join(repoRoot, "test/helpers/module-log.mjs")],
    env: { DNL_MODULE_LOG: log },
    ...(input === undefined ? {} : { input }),
  });
  const urls = (await readFile(log, "utf8").catch(() => "")).split("\n").filter(Boolean);
  const modules = urls.map((url) => {
    const path = url.replace(`file://${repoRoot}`, "");
    return path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[0] ?? path;
  });
  return { exitCode, modules: [...new Set(modules)] };
};

const plot = "node_modules/@observablehq/plot";
const dockerode = "node_modules/dockerode";
const heavy = [plot, dockerode, "node_modules/zod", "node_modules/execa", "node_modules/linkedom"];
// What registering the commands may load besides src/cli: small modules without dependencies.
const light = ["dist/errors.js", "dist/setup/paths.js", "dist/exec/classify.js", "dist/setup/node-flags.js", "dist/parse/catalog.js"];
const fixture = join(repoRoot, "test/fixtures/parse/iptables-list/nat-nv--docker-26.1.txt");

describe("the CLI loads only what the command uses", () => {
  it("--help and a command's --help load commander and the command table, none of the library", async () => {
    for (const args of [
      ["--help"],
      ["snapshot", "--help"],
      ["grade", "--help"],
      ["labs", "run", "--help"],
      ["challenge", "--help"],
      ["challenge", "run", "--help"],
    ]) {
      const { exitCode, modules } = await modulesOf(args);
      expect(exitCode, args.join(" ")).toBe(0);
      expect(modules, args.join(" ")).toContain("node_modules/commander");
      const library = modules.filter((m) => heavy.includes(m) || (m.startsWith("dist/") && !m.startsWith("dist/cli/")));
      expect(
        library.filter((m) => !light.includes(m)),
        args.join(" "),
      ).toEqual([]);
    }
  });
  it("parse FORMAT FILE loads its one parser: no commander, Plot, dockerode or zod", async () => {
    const { exitCode, modules } = await modulesOf(["parse", "iptables-list", fixture]);
    expect(exitCode).toBe(0);
    expect(modules).toContain("dist/parse/iptables-list.js");
    for (const name of [...heavy, "node_modules/commander", "dist/parse/docker-inspect.js", "dist/docker/adapter.js"]) expect(modules).not.toContain(name);
  });
  it("parse with a usage error goes through commander and still loads no library", async () => {
    const { exitCode, modules } = await modulesOf(["parse", "iptables-list", "--frobnicate"], "");
    expect(exitCode).toBe(2);
    expect(modules).toContain("node_modules/commander");
    for (const name of heavy) expect(modules).not.toContain(name);
  });
  it("snapshot --json and check load no Plot, dockerode (the engine's socket is spoken to with node:http) or execa; snapshot --svg loads Plot", async () => {
    const json = await modulesOf(["snapshot", "--json"]);
    expect(json.exitCode).toBe(0);
    expect(json.modules).toContain("dist/docker/engine-api.js");
    // Nor zod (the engine's well-formed JSON is read by src/parse/shape.ts) or commander (bin.ts runs the plain form).
    for (const name of [...heavy, "node_modules/commander"]) expect(json.modules).not.toContain(name);
    const session = newSessionId();
    const check = await modulesOf(["check", "01", "--json", "--session", session]);
    expect(check.modules).toContain("dist/labs/defs/lab01-docker0.js");
    expect(check.modules).not.toContain(plot);
    expect((await runCli(["clean", "--session", session])).exitCode).toBe(0); // the hint levels it counted
    const svg = await modulesOf(["snapshot", "--svg", join(dir, "host.svg")]);
    expect(svg.exitCode).toBe(0);
    expect(svg.modules).toContain(plot);
  });
});
