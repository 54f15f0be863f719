// docker-net-lab public API: what notebooks and scripts import. Only re-exports live here.
export { openLab, Lab, explainError } from "./labs/lab.js";
export { labs, findLab } from "./labs/registry.js";
export type { LabDefinition, LabContext } from "./labs/definition.js";
export { LabSession, currentSessionId } from "./labs/session.js";
export { snapshot } from "./topology/snapshot.js";
export type { Topology, NamespaceNode, TopologyLink } from "./topology/model.js";
export { topologySvg, layoutTopology } from "./render/topology-plot.js";
export { display, jupyterDisplay } from "./render/display.js";
export type { MimeBundle } from "./render/display.js";
export { checkReportBundle, checkMimeType } from "./render/check-report.js";
export type { CheckResult, CheckDefinition, Verdict } from "./checks/check.js";
export { inSubnet, overlaps, parseCidr } from "./topology/ipv4.js";
export * from "./parse/index.js";
export { run, runText, timeouts, CommandError } from "./exec/run.js";
export type { RunOptions, RunResult } from "./exec/run.js";
export { DnlError, EnvironmentError, UsageError } from "./errors.js";
export { toolboxImage } from "./setup/image.js";
