// Removing what a lab made in one session: by label, never anything else.
import { listContainers, listNetworks, listVolumes, removeOwnedContainer, removeOwnedNetwork, removeOwnedVolume } from "../docker/adapter.js";
import { rm, rmdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { LabContext } from "./definition.js";

export interface Removed {
  readonly containers: string[];
  readonly networks: string[];
  readonly volumes: string[];
}

/**
 * Remove containers, then networks, then volumes carrying this session's lab labels; and the answers. The objects of
 * one kind go in parallel (the engine removes them independently; a learner's teardown waited for each in turn).
 */
export const removeLabelled = async (context: LabContext): Promise<Removed> => {
  const filters = context.session.labelFilters;
  const containers = await listContainers({ labels: filters });
  await Promise.all(containers.map((container) => removeOwnedContainer(container.id)));
  const networks = await listNetworks({ labels: filters });
  await Promise.all(networks.map((network) => removeOwnedNetwork(network.id)));
  const volumes = await listVolumes(filters);
  await Promise.all(volumes.map((volume) => removeOwnedVolume(volume.name)));
  await rm(context.session.dir, { recursive: true, force: true });
  // The session folder goes too once its last lab is gone (rmdir refuses a non-empty folder).
  await rmdir(dirname(context.session.dir)).catch(() => undefined);
  return { containers: containers.map((c) => c.name), networks: networks.map((n) => n.name), volumes: volumes.map((v) => v.name) };
};
