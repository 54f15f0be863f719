// What a private engine (labs 07, 08) could leave behind: processes, mounts, its namespace, its directories.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { expect } from "vitest";
import { enginePaths } from "../../src/labs/private-engine.js";

/** Processes, mount points, namespaces and directories of one session's private engine that still exist. */
export const engineLeftovers = async (session: string, lab: string): Promise<string[]> => {
  const paths = enginePaths(session, lab);
  const found: string[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const args = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
    if (args.includes(paths.runDir) || args.includes(paths.dataRoot)) found.push(`process ${entry}: ${args.split("\0").slice(0, 3).join(" ")}`);
  }
  for (const line of (await readFile("/proc/self/mountinfo", "utf8")).split("\n")) {
    const point = line.split(" ")[4] ?? "";
    if (point.startsWith(paths.runDir) || point.startsWith(paths.dir) || point.endsWith(`/${paths.netns}`)) found.push(`mount ${point}`);
  }
  if ((await readdir("/run/netns").catch(() => [] as string[])).includes(paths.netns)) found.push(`namespace ${paths.netns}`);
  for (const dir of [paths.runDir, paths.dir]) if (existsSync(dir)) found.push(`directory ${dir}`);
  return found;
};

/** The pid of the learner's own dockerd: it must stay the same (never restarted). */
export const learnerDockerdPid = async (): Promise<string> => {
  // The learner's engine may have been started by a service (/var/run/docker.pid) or by `setup` (its own pid file):
  // it is the dockerd without an --exec-root of its own (private engines always have one).
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "")).split("\0");
    if (/(^|\/)dockerd$/.test(argv[0] ?? "") && !argv.includes("--exec-root")) return entry;
  }
  return "";
};

/** Assert nothing of the session's private engine is left. */
export const expectNoEngineResidue = async (session: string, lab: string): Promise<void> => {
  expect(await engineLeftovers(session, lab)).toEqual([]);
};
