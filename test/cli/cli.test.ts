import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("docker-net-lab CLI", () => {
  it("--help lists every command with examples", async () => {
    const { stdout, exitCode } = await runCli(["--help"]);
    expect(exitCode).toBe(0);
    for (const command of ["doctor", "setup", "start", "labs", "check", "snapshot", "parse", "clean"]) expect(stdout).toContain(command);
    expect(stdout).toContain("Examples:");
  });
  it("an unknown command exits 2 and points to --help", async () => {
    const { stderr, exitCode } = await runCli(["frobnicate"]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/unknown command/);
  });
  it("an unknown flag is rejected with exit 2", async () => {
    const { stderr, exitCode } = await runCli(["doctor", "--jsn"]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/unknown option/);
  });
  it("an unknown lab exits 2 and lists the known labs", async () => {
    const { stderr, exitCode } = await runCli(["labs", "run", "99"]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("Unknown lab `99`");
    expect(stderr).toContain("01 (01-docker0)");
  });
  it("parse with an unknown format exits 2 and lists the formats", async () => {
    const { stderr, exitCode } = await runCli(["parse", "nope"], { input: "" });
    expect(exitCode).toBe(2);
    expect(stderr).toContain("ip-addr");
  });
  it("parse with an unreadable file exits 2", async () => {
    const { stderr, exitCode } = await runCli(["parse", "ip-addr", "/nonexistent/file"]);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("Cannot read /nonexistent/file");
  });
  it("parse reads stdin and prints JSON", async () => {
    const input =
      "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n";
    const { stdout, exitCode } = await runCli(["parse", "ip-addr"], { input });
    expect(exitCode).toBe(0);
    const parsed = JSON.parse(stdout) as { name: string; addresses: { address: string; prefix: number }[] }[];
    expect(parsed[0]?.name).toBe("lo");
    expect(parsed[0]?.addresses[0]).toMatchObject({ address: "127.0.0.1", prefix: 8 });
  });
  it("labs list names lab 01 and its concepts", async () => {
    const { stdout, exitCode } = await runCli(["labs", "list", "--json"]);
    expect(exitCode).toBe(0);
    const labs = JSON.parse(stdout) as { id: string; concepts: number[] }[];
    expect(labs.find((lab) => lab.id === "01")?.concepts).toEqual(expect.arrayContaining([1, 2, 3, 4]));
  });
});
