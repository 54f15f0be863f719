// Public surface of src/parse: pure parsers, their models and the format registry.
export * from "./types.js";
export * from "./models.js";
export { makeParser, type Parser } from "./core.js";
export { parseIpAddr, type RawIpInterface } from "./ip-addr.js";
export { parseIpLink } from "./ip-link.js";
export { parseIpRoute, type RawRoute } from "./ip-route.js";
export { parseIfconfig, maskToPrefix, type RawIfconfigInterface } from "./ifconfig.js";
export { parseRoute, type RawRouteEntry } from "./route.js";
export { parseIptablesSave, shellWords, type RawIptablesTable, type RawIptablesRule } from "./iptables-save.js";
export { parseIptablesList, optionDetails, type RawIptablesListChain, type RawIptablesListRule } from "./iptables-list.js";
export { parseNft, type RawNftTable, type RawNftChain, type RawNftSet, type RawNftRule } from "./nft.js";
export { parseNftJson, type RawNftJsonObject, type RawNftJsonTable } from "./nft-json.js";
export * from "./nft-model.js";
export { parseBrctl, type RawBridge } from "./brctl.js";
export { parseBridgeLink, type RawBridgePort } from "./bridge-link.js";
export { parseNetworkInspect, toDockerNetwork, networkSchema } from "./network-inspect.js";
export { parseContainerInspect, toDockerContainer, containerSchema } from "./docker-inspect.js";
export { formats, formatNames, isFormatName, type Format, type FormatName } from "./registry.js";
