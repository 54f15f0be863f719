// Small network helpers for tests.
import { createServer } from "node:net";

/** A TCP port nobody listens on right now on `host` (the OS picks it). */
export const freeTcpPort = (host = "127.0.0.1"): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
