// Kernel objects a lab makes by hand (ip netns namespaces, host links, iptables rules): idempotent create/remove helpers.
import { run } from "../exec/run.js";
import { parseIpLink } from "../parse/ip-link.js";
import { ipJson } from "../exec/commands.js";

import { netnsNames } from "../exec/netns.js";

/** Names of the named namespaces (src/exec/netns.ts), for the lab definitions. */
export { netnsNames };

/** Does a host link with this name exist? */
export const linkExists = async (name: string): Promise<boolean> => parseIpLink(await ipJson("link")).value.some((link) => link.name === name);

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
