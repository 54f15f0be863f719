// Public surface of src/parse: pure parsers, their models and the format registry.
export * from "./types.js";
export * from "./models.js";
export { makeParser, type Parser } from "./core.js";
export { parseIpAddr, type RawIpInterface } from "./ip-addr.js";
export { parseIpLink } from "./ip-link.js";
export { parseIpRoute, type RawRoute } from "./ip-route.js";
export { parseBrctl, type RawBridge } from "./brctl.js";
export { parseBridgeLink, type RawBridgePort } from "./bridge-link.js";
export { parseNetworkInspect, toDockerNetwork, networkSchema } from "./network-inspect.js";
export { parseContainerInspect, toDockerContainer, containerSchema } from "./docker-inspect.js";
export { formats, formatNames, isFormatName, type Format, type FormatName } from "./registry.js";
