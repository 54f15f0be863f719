// docker-net-lab public API: what notebooks and scripts import. Only re-exports live here.
export { openLab, Lab, explainError } from "./labs/lab.js";
export { labs, findLab } from "./labs/registry.js";
export type { LabDefinition, LabContext } from "./labs/definition.js";
export { LabSession, currentSessionId } from "./labs/session.js";
export { snapshot, type SnapshotOptions } from "./topology/snapshot.js";
export type {
  Topology,
  NamespaceNode,
  TopologyLink,
  LinkKind,
  NatView,
  PublishedPort,
  Masquerade,
  RuleRef,
  DockerProxy,
  FilterView,
} from "./topology/model.js";
export { endpoint, splitEndpoint, hostNamespace, namespaceOf, namespaceById, interfaceAt, bridgeInterfaceName, networkOfBridge } from "./topology/model.js";
export {
  diffTopology,
  describeDiff,
  summarizeDiff,
  scopeDiff,
  relatedNames,
  otherNames,
  type TopologyDiff,
  type TopologyChange,
  type ChangeSubject,
} from "./topology/diff.js";
export { topologySvg, layoutTopology, type DrawOptions } from "./render/topology-plot.js";
export { showDiff, diffBundle } from "./render/topology-diff.js";
export { interfacesTable, routesTable, natTable, tableHtml, tableText, tablesBundle, showTables, type TextTable } from "./render/topology-tables.js";
export { explain, describeExplanation, resolvePlace, routeLookup, pathNames, type Explanation, type Hop, type ExplainOptions } from "./topology/explain.js";
export { explanationBundle, proofBundle } from "./render/explain-view.js";
export { prove, isOwnNamespace, type Proof } from "./topology/prove.js";
export { natView, publishedPorts, masquerades, isolationChains } from "./topology/nat.js";
export { walkChain, type Packet, type ChainResult } from "./topology/iptables-eval.js";
export { walkNftChain } from "./topology/nft-eval.js";
export { firewallOf, hookChains, runHook, type Firewall, type Hook, type HookChain, type HookResult } from "./topology/firewall.js";
export {
  parseEngineVersion,
  engineLabel,
  engineGeneration,
  hasGatewayModes,
  portPaths,
  hairpinMasquerade,
  crossBridge,
  macOrigin,
  type EngineVersion,
  type EngineGeneration,
  type PortPaths,
  type PortRoute,
  type PortUnderTest,
  type CrossBridge,
  type MacOrigin,
} from "./topology/engine-facts.js";
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
export { privateEngine, PrivateEngine } from "./labs/private-engine.js";
export type { EngineOptions } from "./labs/private-engine.js";
export { openChallenge, Challenge } from "./challenges/challenge.js";
export { challenges, findChallenge } from "./challenges/registry.js";
export type { ChallengeDefinition, ChallengeCheck, ChallengeTexts, Params as ChallengeParams } from "./challenges/model.js";
