// Named network namespaces (`ip netns add NAME`): the files under /var/run/netns, read directly (what `ip netns list`
// prints, without a process). Read synchronously: a directory read takes microseconds.
import { readdirSync } from "node:fs";

/** Directory where `ip netns add` keeps its namespaces. */
export const netnsDir = "/var/run/netns";

/** Names of the named namespaces, sorted; [] when there are none. */
export const netnsNames = async (): Promise<string[]> => {
  try {
    return readdirSync(netnsDir).sort();
  } catch {
    return [];
  }
};

/** Does a named namespace exist? */
export const netnsExists = async (name: string): Promise<boolean> => (await netnsNames()).includes(name);
