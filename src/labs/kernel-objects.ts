// Kernel objects a lab makes by hand (ip netns namespaces, host links, iptables rules): idempotent create/remove helpers.
import { run } from "../exec/run.js";
import { parseIpLink } from "../parse/ip-link.js";
import { ipJson, iptablesSave } from "../exec/commands.js";
import { parseIptablesSave, shellWords } from "../parse/iptables-save.js";

import { netnsNames } from "../exec/netns.js";

/** Names of the named namespaces (src/exec/netns.ts), for the lab definitions. */
export { netnsNames };

/** Run a setup command and print it first, the way lab.sh does, so the learner sees what setup did. */
export const runShown = async (log: (line: string) => void, argv: readonly string[]): Promise<void> => {
  log(`$ ${argv.join(" ")}`);
  await run(argv[0] as string, argv.slice(1));
};

/** Does a host link with this name exist? */
export const linkExists = async (name: string): Promise<boolean> => parseIpLink(await ipJson("link")).value.some((link) => link.name === name);

/** Pids of the processes inside a named namespace (`ip netns pids`); [] when it does not exist. */
export const netnsPids = async (name: string): Promise<number[]> =>
  (await run("ip", ["netns", "pids", name], { reject: false })).stdout
    .split("\n")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

/**
 * Stop every process inside a named namespace (TERM, then KILL), and only those: a server started with
 * `ip netns exec NAME …` would otherwise keep running after `ip netns delete`, in a namespace no name reaches.
 */
export const stopNetnsProcesses = async (name: string): Promise<number> => {
  if (!(await netnsNames()).includes(name)) return 0;
  let stopped = 0;
  for (const signal of ["TERM", "KILL"]) {
    const pids = await netnsPids(name);
    if (pids.length === 0) break;
    stopped = Math.max(stopped, pids.length);
    await run("kill", [`-${signal}`, ...pids.map(String)], { reject: false });
    for (let i = 0; i < 20 && (await netnsPids(name)).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return stopped;
};

/** Delete a named namespace if it exists (its interfaces go with it; veth peers on the host vanish too). */
export const deleteNetns = async (name: string): Promise<boolean> => {
  if (!(await netnsNames()).includes(name)) return false;
  await run("ip", ["netns", "delete", name]);
  return true;
};

/** Delete a host link if it exists (deleting one end of a veth deletes both). */
export const deleteLink = async (name: string): Promise<boolean> => {
  if (!(await linkExists(name))) return false;
  await run("ip", ["link", "delete", name], { reject: false });
  return true;
};

/** Delete every copy of an iptables rule (`-D` until it fails); returns how many were removed. */
export const deleteIptablesRule = async (table: string, chain: string, rule: readonly string[]): Promise<number> => {
  let removed = 0;
  while (removed < 20 && (await run("iptables", ["-t", table, "-D", chain, ...rule], { reject: false })).exitCode === 0) removed++;
  return removed;
};

/** Insert an iptables rule at the top of a chain unless it is already there (`-C`). */
export const ensureIptablesRule = async (table: string, chain: string, rule: readonly string[]): Promise<void> => {
  if ((await run("iptables", ["-t", table, "-C", chain, ...rule], { reject: false })).exitCode === 0) return;
  await run("iptables", ["-t", table, "-I", chain, "1", ...rule]);
};

/**
 * Delete every iptables rule whose comment (`-m comment --comment TAG`) is exactly `tag`, in every table: how a lab
 * removes the rules a learner wrote by hand, and only those. Returns the rules removed, as `table: -A CHAIN spec`.
 */
export const deleteRulesTagged = async (tag: string): Promise<string[]> => {
  const removed: string[] = [];
  const save = await iptablesSave().catch(() => "");
  for (const table of parseIptablesSave(save).value)
    for (const chain of table.chains)
      for (const rule of chain.rules) {
        if (rule.comment !== tag) continue;
        const words = shellWords(rule.spec);
        if (!words) continue;
        if ((await run("iptables", ["-t", table.name, "-D", chain.name, ...words], { reject: false })).exitCode === 0)
          removed.push(`${table.name}: -A ${chain.name} ${rule.spec}`);
      }
  return removed;
};
