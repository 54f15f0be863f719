// Make `import … from "docker-net-lab"` resolve inside notebooks: tslab type-checks with Node10
// resolution, which ignores package self-references, so the package is linked into its own node_modules.
import { chmod, lstat, mkdir, readlink, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "./paths.js";

const linkPath = (): string => join(packageRoot, "node_modules", "docker-net-lab");

/** Is node_modules/docker-net-lab a link to this package? */
export const selfLinkOk = async (): Promise<boolean> => {
  try {
    return (await lstat(linkPath())).isSymbolicLink() && (await readlink(linkPath())) === "..";
  } catch {
    return false;
  }
};

/** Create node_modules/docker-net-lab -> .. (idempotent). */
export const ensureSelfLink = async (): Promise<void> => {
  if (await selfLinkOk()) return;
  await symlink("..", linkPath()).catch(async (error: unknown) => {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
  });
};

const binLinkPath = (): string => join(packageRoot, "node_modules", ".bin", "docker-net-lab");
const binTarget = "../../dist/cli/bin.js";

/** Create node_modules/.bin/docker-net-lab so `npx docker-net-lab` runs this checkout, never a registry package. */
export const ensureBinLink = async (): Promise<void> => {
  await mkdir(join(packageRoot, "node_modules", ".bin"), { recursive: true });
  const current = await readlink(binLinkPath()).catch(() => null);
  if (current !== binTarget) {
    if (current !== null) await rm(binLinkPath(), { force: true });
    await symlink(binTarget, binLinkPath());
  }
  await chmod(join(packageRoot, "dist", "cli", "bin.js"), 0o755);
};
