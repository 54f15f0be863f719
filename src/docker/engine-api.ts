// A small Engine API client over the engine's unix socket (node:http with socketPath, JSON in and out), for the few
// calls the adapter makes: loading it costs nothing next to dockerode's (its gRPC/protobuf and ssh stacks), which
// a `snapshot --json` or a lab paid on every start. dockerode stays for what this does not speak: a tcp:// or ssh://
// DOCKER_HOST, with TLS (adapter.ts decides). Failures carry dockerode's shape (statusCode, json, code), so the
// adapter translates both the same way.
import { request } from "node:http";

/** An Engine API failure: the HTTP status and the engine's JSON message, as dockerode reports them. */
export class EngineApiError extends Error {
  readonly statusCode: number;
  readonly json: { message?: string } | null;
  constructor(statusCode: number, json: { message?: string } | null, path: string) {
    super(`(HTTP code ${statusCode}) ${json?.message ?? "unexpected"} (${path})`);
    this.name = "EngineApiError";
    this.statusCode = statusCode;
    this.json = json;
  }
}

/** The socket of an address the client speaks (unix:// or a bare path), else null (tcp://, ssh://: dockerode's). */
export const socketOf = (host: string | undefined): string | null => {
  if (host === undefined || host === "") return "/var/run/docker.sock";
  if (host.startsWith("unix://")) return host.slice("unix://".length);
  return null;
};

/** The query string of Docker's `filters` parameter (label filters and the like), or "" without any. */
export const filtersQuery = (filters: Readonly<Record<string, readonly string[]>>): string => {
  const used = Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0));
  return Object.keys(used).length ? `filters=${encodeURIComponent(JSON.stringify(used))}` : "";
};

/** One engine, by its socket: `get`/`delete` a path, JSON back (null for an empty body). */
export class EngineApi {
  readonly socketPath: string;
  readonly timeoutMs: number;
  constructor(socketPath: string, timeoutMs: number) {
    this.socketPath = socketPath;
    this.timeoutMs = timeoutMs;
  }

  private call(method: "GET" | "DELETE" | "POST", path: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const req = request({ socketPath: this.socketPath, path, method, headers: { Host: "docker" }, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown = null;
          try {
            json = text === "" ? null : JSON.parse(text);
          } catch {
            json = { message: text.trim() };
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(json);
          else reject(new EngineApiError(status, json as { message?: string } | null, path));
        });
      });
      // A hung engine never hangs us: dockerode's timeout says "socket hang up" (ECONNRESET), so does this.
      req.on("timeout", () => req.destroy(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })));
      req.on("error", reject);
      req.end();
    });
  }

  get(path: string): Promise<unknown> {
    return this.call("GET", path);
  }

  delete(path: string): Promise<unknown> {
    return this.call("DELETE", path);
  }
}
