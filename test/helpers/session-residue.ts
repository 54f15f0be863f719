// In every test file: after its last test, name the session folders it left in the state directory (a lab run and
// not torn down), with what is in them. Printed, not failed: the red-team and cleanup tests judge their own.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";

const sessionsDir = join(process.env.DNL_STATE_DIR ?? join(process.env.HOME ?? "/root", ".local", "state", "docker-net-lab"), "sessions");
const list = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

let before = new Set<string>();
beforeAll(() => {
  before = new Set(list(sessionsDir));
});
afterAll(() => {
  for (const session of list(sessionsDir).filter((s) => !before.has(s))) {
    const inside = list(join(sessionsDir, session)).map((lab) => `${lab}/{${list(join(sessionsDir, session, lab)).join(",")}}`);
    process.stderr.write(`residue: ${expect.getState().testPath ?? "a test file"} left the session folder ${session}: ${inside.join(" ")}\n`);
  }
});
