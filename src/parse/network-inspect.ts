// `docker network inspect` parser (and the Engine API's NetworkResource, same PascalCase JSON).
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseNetworkInspect(await dockerCli(["network", "inspect", "bridge"])) -> { value: DockerNetwork[], problems }
//   toDockerNetwork(await docker.getNetwork("bridge").inspect())  -> { value: DockerNetwork, problems }
//   docker-net-lab parse network-inspect FILE [--raw]
//
// Input: the JSON array `docker network inspect` prints, one object, or one object per line
// (`--format '{{json .}}'`). Validated at the boundary (shape.ts; zod for what does not fit), tolerant across API versions:
// unknown fields are ignored, missing ones take defaults, a wrong-typed field becomes one problem
// and its default.
//
// Version differences handled (Docker 20.10 / API 1.41 .. Docker 28-29 / API 1.48-1.51):
//   - `EnableIPv4` added in API 1.48 (Docker 28): `ipv4` is true when absent (older engines always had IPv4).
//   - `ConfigFrom`, `ConfigOnly`, `Ingress`: absent on very old engines -> null / false / false.
//   - `Containers`, `Options`, `Labels`, `IPAM.Options`, `IPAM.Config` may be null or absent -> {} / [].
//   - `Peers`, `Services` (swarm) and `Status` (API 1.52) are not modelled; they are ignored.
//
// Raw stage: the decoded JSON objects unchanged.
//
// Example:
//   input:
//     [{ "Name": "bridge", "Id": "63de1678...", "Created": "2026-11-23T09:04:10Z", "Scope": "local",
//        "Driver": "bridge", "EnableIPv6": false,
//        "IPAM": { "Driver": "default", "Options": null, "Config": [{ "Subnet": "172.17.0.0/16", "Gateway": "172.17.0.1" }] },
//        "Internal": false, "Attachable": false, "Ingress": false, "ConfigFrom": { "Network": "" }, "ConfigOnly": false,
//        "Containers": { "154e3b91...": { "Name": "web", "EndpointID": "2f25...", "MacAddress": "02:42:ac:11:00:02",
//                                         "IPv4Address": "172.17.0.2/16", "IPv6Address": "" } },
//        "Options": { "com.docker.network.bridge.name": "docker0" }, "Labels": {} }]
//   output:
//     [{ "id": "63de1678...", "name": "bridge", "driver": "bridge", "scope": "local", "internal": false,
//        "attachable": false, "ingress": false, "ipv6": false, "ipv4": true, "created": "2026-11-23T09:04:10Z",
//        "ipam": { "driver": "default", "options": {}, "config": [{ "subnet": "172.17.0.0/16",
//                  "gateway": "172.17.0.1", "ipRange": null, "auxAddresses": {} }] },
//        "options": { "com.docker.network.bridge.name": "docker0" }, "labels": {},
//        "containers": { "154e3b91...": { "name": "web", "endpointId": "2f25...", "macAddress": "02:42:ac:11:00:02",
//                                         "ipv4Address": "172.17.0.2/16", "ipv6Address": "" } },
//        "configOnly": false, "configFrom": null }]
import { type Ctx, makeParser } from "./core.js";
import type { DockerNetwork } from "./models.js";
import { array, keptBoolean, object, type Out, record, shapes } from "./shape.js";
import type { ParseResult } from "./types.js";
import { convertOne, itemLine, rawInspectItems, tolerant } from "./validate.js";

const { str, optStr, bool, strMap } = shapes;
const endpoint = object({ Name: str, EndpointID: str, MacAddress: str, IPv4Address: str, IPv6Address: str });
const ipamConfig = object({ Subnet: optStr, Gateway: optStr, IPRange: optStr, AuxiliaryAddresses: strMap });

/** Shape of the network JSON (PascalCase, as Docker prints it). */
export const networkShape = object({
  Name: str,
  Id: str,
  Created: str,
  Scope: str,
  Driver: str,
  EnableIPv4: keptBoolean,
  EnableIPv6: bool,
  IPAM: object(
    { Driver: str, Options: strMap, Config: array(ipamConfig, { default: (): Out<typeof ipamConfig>[] => [] }) },
    { default: () => ({ Driver: "", Options: {}, Config: [] }) },
  ),
  Internal: bool,
  Attachable: bool,
  Ingress: bool,
  ConfigFrom: object({ Network: str }, "keep"),
  ConfigOnly: bool,
  Containers: record(endpoint, { default: () => ({}) }),
  Options: strMap,
  Labels: strMap,
});

const emptyNetwork = (): DockerNetwork => ({
  id: "",
  name: "",
  driver: "",
  scope: "",
  internal: false,
  attachable: false,
  ingress: false,
  ipv6: false,
  ipv4: true,
  created: "",
  ipam: { driver: "", options: {}, config: [] },
  options: {},
  labels: {},
  containers: {},
  configOnly: false,
  configFrom: null,
});

const convert = (n: Out<typeof networkShape>): DockerNetwork => ({
  id: n.Id,
  name: n.Name,
  driver: n.Driver,
  scope: n.Scope,
  internal: n.Internal,
  attachable: n.Attachable,
  ingress: n.Ingress,
  ipv6: n.EnableIPv6,
  ipv4: n.EnableIPv4 ?? true,
  created: n.Created,
  ipam: {
    driver: n.IPAM.Driver,
    options: n.IPAM.Options,
    config: n.IPAM.Config.map((c) => ({ subnet: c.Subnet, gateway: c.Gateway, ipRange: c.IPRange, auxAddresses: c.AuxiliaryAddresses })),
  },
  options: n.Options,
  labels: n.Labels,
  containers: Object.fromEntries(
    Object.entries(n.Containers).map(([id, e]) => [
      id,
      { name: e.Name, endpointId: e.EndpointID, macAddress: e.MacAddress, ipv4Address: e.IPv4Address, ipv6Address: e.IPv6Address },
    ]),
  ),
  configOnly: n.ConfigOnly,
  configFrom: n.ConfigFrom?.Network ? n.ConfigFrom.Network : null,
});

// Validate and convert one decoded network object (used by the dockerode adapter and the parser).
export const networkFrom = (json: unknown, ctx: Ctx, line: number): DockerNetwork => {
  const valid = tolerant(networkShape, json, ctx, line, "network");
  return valid === null ? emptyNetwork() : convert(valid);
};

// Convert one Engine API / `docker network inspect` object into a DockerNetwork, with problems per wrong field.
export const toDockerNetwork = (json: unknown, line = 0): ParseResult<DockerNetwork> =>
  convertOne("network-inspect", (ctx) => networkFrom(json, ctx, line), emptyNetwork);

/** Raw network: the decoded JSON object with the line it starts on. */
export type RawNetwork = unknown;

// Parse `docker network inspect` output into networks.
export const parseNetworkInspect = makeParser<DockerNetwork[], RawNetwork[]>({
  name: "network-inspect",
  raw: rawInspectItems,
  process: (raw, ctx) =>
    raw.flatMap((item) => {
      const valid = tolerant(networkShape, item, ctx, itemLine(ctx, item), "network");
      return valid === null ? [] : [convert(valid)];
    }),
  empty: () => [],
});
