import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EngineApi, EngineApiError, filtersQuery, socketOf } from "../../src/docker/engine-api.js";

const dir = mkdtempSync(join(tmpdir(), "dnl-engine-api-"));
const socket = join(dir, "docker.sock");
const seen: string[] = [];
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === "/version") return res.end(JSON.stringify({ Version: "20.10.24", ApiVersion: "1.41" }));
    if (req.url?.startsWith("/containers/nope/json")) {
      res.statusCode = 404;
      return res.end(JSON.stringify({ message: "No such container: nope" }));
    }
    if (req.url === "/slow") return setTimeout(() => res.end("{}"), 2000);
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("engine-api", () => {
  it("speaks unix sockets only (tcp and ssh stay dockerode's)", () => {
    expect(socketOf(undefined)).toBe("/var/run/docker.sock");
    expect(socketOf("")).toBe("/var/run/docker.sock");
    expect(socketOf("unix:///run/dnl-ab12-07/docker.sock")).toBe("/run/dnl-ab12-07/docker.sock");
    expect(socketOf("tcp://127.0.0.1:2376")).toBeNull();
    expect(socketOf("ssh://me@host")).toBeNull();
  });

  it("writes Docker's filters parameter", () => {
    expect(filtersQuery({ label: [] })).toBe("");
    expect(decodeURIComponent(filtersQuery({ label: ["a=b", "c"] }))).toBe('filters={"label":["a=b","c"]}');
  });

  it("gets JSON, empty bodies as null, failures with dockerode's statusCode and json", async () => {
    const api = new EngineApi(socket, 1000);
    expect(await api.get("/version")).toEqual({ Version: "20.10.24", ApiVersion: "1.41" });
    expect(await api.delete("/containers/x?force=1&v=1")).toBeNull();
    const error = await api.get("/containers/nope/json").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineApiError);
    expect(error).toMatchObject({ statusCode: 404, json: { message: "No such container: nope" } });
    expect(seen).toContain("DELETE /containers/x?force=1&v=1");
  });

  it("gives up after its timeout as dockerode does (socket hang up), and reports a missing socket by its code", async () => {
    const error = await new EngineApi(socket, 200).get("/slow").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ECONNRESET", message: "socket hang up" });
    const missing = await new EngineApi(join(dir, "none.sock"), 200).get("/version").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "ENOENT" });
  });
});
