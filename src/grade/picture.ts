// The topology picture in a feedback page: only this session's containers and namespaces (never other learners').
import { ownsLabels, ownsName } from "../ownership.js";
import { topologySvg } from "../render/topology-plot.js";
import type { Topology } from "../topology/model.js";

/** The topology restricted to one session: the host, the session's containers and its namespaces (by name); pure. */
export const sessionView = (topology: Topology, session: string): Topology => {
  const containers = topology.containers.filter((container) => ownsLabels(container.labels, session));
  const names = new Set(containers.map((container) => container.name));
  const namespaces = topology.namespaces.filter(
    (ns) => ns.kind === "host" || (ns.kind === "container" ? ns.containers.some((name) => names.has(name)) : ownsName(ns.name, session)),
  );
  const kept = new Set(namespaces.map((ns) => ns.id));
  const inKept = (end: string): boolean => [...kept].some((id) => end.startsWith(`${id}:`));
  return { ...topology, containers, namespaces, links: topology.links.filter((link) => inKept(link.a) && inKept(link.b)) };
};

/** SVG of what one session had running, titled for the feedback page. */
export const sessionPicture = (topology: Topology, session: string, title: string): string => {
  const view = sessionView(topology, session);
  return topologySvg(view, { title, containers: view.containers.map((container) => container.name) });
};
