// Before any test: build dist/ from the current sources, since the CLI, the kernel and notebooks use it.
// After the last: name the session folders the run left in the state directory (a test that ran a lab and did not
// tear it down), with what is in them, so the culprit can be found.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const sessionsDir = join(process.env.DNL_STATE_DIR ?? join(process.env.HOME ?? "/root", ".local", "state", "docker-net-lab"), "sessions");
const list = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

export default function setup(): () => void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
  const before = new Set(list(sessionsDir));
  return () => {
    const left = list(sessionsDir).filter((session) => !before.has(session));
    for (const session of left) {
      const inside = list(join(sessionsDir, session)).map((lab) => `${lab}/{${list(join(sessionsDir, session, lab)).join(",")}}`);
      process.stderr.write(`residue: the tests left the session folder ${join(sessionsDir, session)}: ${inside.join(" ")}\n`);
    }
  };
}
