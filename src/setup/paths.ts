// Where the project keeps its state: engine log and pid, image build cache, sessions.
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

/** The repository (package) root: dist/setup/paths.js -> ../.. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The project version from package.json (tags the toolbox image). */
export const packageVersion: string = (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;

/** State directory: $DNL_STATE_DIR, else $XDG_STATE_HOME/docker-net-lab, else ~/.local/state/docker-net-lab. */
export const stateDir = (): string => process.env.DNL_STATE_DIR ?? join(process.env.XDG_STATE_HOME ?? join(homedir(), ".local", "state"), "docker-net-lab");

/** Labs directory shipped with the package. */
export const labsDir = (): string => join(packageRoot, "labs");
