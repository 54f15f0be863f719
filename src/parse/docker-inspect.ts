// `docker inspect <container>` parser (and the Engine API's ContainerJSON, same PascalCase JSON).
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseContainerInspect(await dockerCli(["container", "inspect", "web"])) -> { value: DockerContainer[], problems }
//   toDockerContainer(await docker.getContainer("web").inspect())   -> { value: DockerContainer, problems }
//   docker-net-lab parse docker-inspect FILE [--raw]
//
// Input: the JSON array `docker inspect` prints, one object, or one object per line. Only the
// network-relevant part is modelled (see DockerContainer in models.ts); validated (shape.ts, zod for
// what does not fit), tolerant: unknown fields ignored, missing -> defaults, wrong type -> one problem + default.
//
// Version differences handled (Docker 20.10 / API 1.41 .. Docker 28-29 / API 1.48-1.52):
//   - NetworkSettings top-level `IPAddress`, `IPPrefixLen`, `Gateway`, `MacAddress`, `Bridge`
//     (legacy default-bridge fields; deprecated, omitted by newer engines): null when absent,
//     "" as printed when present but empty. Read per-network values from `networks` instead.
//   - `HairpinMode`, `LinkLocalIPv6*`, `SecondaryIP*` (removed in API 1.44): ignored.
//   - `Config.MacAddress` (deprecated in 1.44) -> used for the default network's endpoint only
//     when that endpoint prints no MacAddress.
//   - `Networks.<name>.DNSNames` (added in API 1.44, Docker 25) -> dnsNames, [] when absent.
//   - `Networks.<name>.GwPriority` (1.48), `DriverOpts`, `IPAMConfig`: ignored.
//   - `Name` keeps Docker's leading slash in the raw stage; the processed `name` drops it.
//   - `Ports` values are null for exposed-but-unpublished ports; kept as null.
//
// Raw stage: the decoded JSON objects unchanged.
//
// Example:
//   input:
//     [{ "Id": "154e3b91...", "Name": "/web", "Image": "sha256:f79c...", "Created": "2026-11-23T09:11:55Z",
//        "State": { "Status": "running", "Running": true, "Pid": 11017, "ExitCode": 0, "StartedAt": "2026-11-23T09:11:55Z" },
//        "Config": { "Hostname": "154e3b91e976", "Image": "busybox", "Labels": {} },
//        "HostConfig": { "NetworkMode": "default", "PortBindings": { "80/tcp": [{ "HostIp": "", "HostPort": "8080" }] } },
//        "NetworkSettings": { "SandboxID": "a34f...", "SandboxKey": "/var/run/docker/netns/a34f5a96d969",
//          "Ports": { "80/tcp": [{ "HostIp": "0.0.0.0", "HostPort": "8080" }] },
//          "IPAddress": "172.17.0.2", "IPPrefixLen": 16, "Gateway": "172.17.0.1", "MacAddress": "02:42:ac:11:00:02",
//          "Networks": { "bridge": { "NetworkID": "63de...", "EndpointID": "2f25...", "Gateway": "172.17.0.1",
//            "IPAddress": "172.17.0.2", "IPPrefixLen": 16, "MacAddress": "02:42:ac:11:00:02", "Aliases": null } } } }]
//   output:
//     [{ "id": "154e3b91...", "name": "web", "image": "sha256:f79c...", "imageName": "busybox", "created": "2026-11-23T09:11:55Z",
//        "state": { "status": "running", "running": true, "pid": 11017, "exitCode": 0, "startedAt": "2026-11-23T09:11:55Z" },
//        "labels": {}, "hostname": "154e3b91e976",
//        "hostConfig": { "networkMode": "default", "portBindings": { "80/tcp": [{ "hostIp": "", "hostPort": "8080" }] }, "links": [], "dns": [] },
//        "networkSettings": { "sandboxId": "a34f...", "sandboxKey": "/var/run/docker/netns/a34f5a96d969",
//          "ports": { "80/tcp": [{ "hostIp": "0.0.0.0", "hostPort": "8080" }] },
//          "networks": { "bridge": { "networkId": "63de...", "endpointId": "2f25...", "ipAddress": "172.17.0.2",
//            "ipPrefixLen": 16, "gateway": "172.17.0.1", "globalIpv6Address": "", "globalIpv6PrefixLen": 0,
//            "ipv6Gateway": "", "macAddress": "02:42:ac:11:00:02", "aliases": [], "dnsNames": [], "links": [] } },
//          "ipAddress": "172.17.0.2", "ipPrefixLen": 16, "gateway": "172.17.0.1", "macAddress": "02:42:ac:11:00:02", "bridge": null } }]
import { type Ctx, isRecord, makeParser } from "./core.js";
import type { DockerContainer, DockerPortBinding } from "./models.js";
import { array, object, type Out, record, shapes } from "./shape.js";
import type { ParseResult } from "./types.js";
import { convertOne, itemLine, rawInspectItems, tolerant } from "./validate.js";

const { str, optStr, bool, num, optNum, strMap, strList } = shapes;
const binding = object({ HostIp: str, HostPort: str });
const endpoint = object({
  NetworkID: str,
  EndpointID: str,
  Gateway: str,
  IPAddress: str,
  IPPrefixLen: num,
  IPv6Gateway: str,
  GlobalIPv6Address: str,
  GlobalIPv6PrefixLen: num,
  MacAddress: str,
  Aliases: strList,
  DNSNames: strList,
  Links: strList,
});

/** Shape of the container JSON (network-relevant part, PascalCase as Docker prints it). */
export const containerShape = object({
  Id: str,
  Name: str,
  Created: str,
  Image: str,
  State: object(
    { Status: str, Running: bool, Pid: num, ExitCode: num, StartedAt: str },
    { default: () => ({ Status: "", Running: false, Pid: 0, ExitCode: 0, StartedAt: "" }) },
  ),
  Config: object(
    { Hostname: str, Image: str, Labels: strMap, MacAddress: optStr },
    { default: () => ({ Hostname: "", Image: "", Labels: {}, MacAddress: null }) },
  ),
  HostConfig: object(
    {
      NetworkMode: str,
      PortBindings: record(array(binding, { default: (): Out<typeof binding>[] => [] }), { default: () => ({}) }),
      Links: strList,
      Dns: strList,
    },
    { default: () => ({ NetworkMode: "", PortBindings: {}, Links: [], Dns: [] }) },
  ),
  NetworkSettings: object(
    {
      SandboxID: str,
      SandboxKey: str,
      Ports: record(array(binding, { default: null }), { default: () => ({}) }),
      Networks: record(endpoint, { default: () => ({}) }),
      IPAddress: optStr,
      IPPrefixLen: optNum,
      Gateway: optStr,
      MacAddress: optStr,
      Bridge: optStr,
    },
    {
      default: () => ({
        SandboxID: "",
        SandboxKey: "",
        Ports: {},
        Networks: {},
        IPAddress: null,
        IPPrefixLen: null,
        Gateway: null,
        MacAddress: null,
        Bridge: null,
      }),
    },
  ),
});

const bindingsOf = (list: readonly { HostIp: string; HostPort: string }[]): DockerPortBinding[] =>
  list.map((b) => ({ hostIp: b.HostIp, hostPort: b.HostPort }));

const emptyContainer = (): DockerContainer => ({
  id: "",
  name: "",
  image: "",
  imageName: "",
  created: "",
  state: { status: "", running: false, pid: 0, exitCode: 0, startedAt: "" },
  labels: {},
  hostname: "",
  hostConfig: { networkMode: "", portBindings: {}, links: [], dns: [] },
  networkSettings: {
    sandboxId: "",
    sandboxKey: "",
    ports: {},
    networks: {},
    ipAddress: null,
    ipPrefixLen: null,
    gateway: null,
    macAddress: null,
    bridge: null,
  },
});

const convert = (c: Out<typeof containerShape>): DockerContainer => {
  const ns = c.NetworkSettings;
  const mode = c.HostConfig.NetworkMode;
  const defaultNet = mode === "default" ? "bridge" : mode;
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ""),
    image: c.Image,
    imageName: c.Config.Image,
    created: c.Created,
    state: { status: c.State.Status, running: c.State.Running, pid: c.State.Pid, exitCode: c.State.ExitCode, startedAt: c.State.StartedAt },
    labels: c.Config.Labels,
    hostname: c.Config.Hostname,
    hostConfig: {
      networkMode: mode,
      portBindings: Object.fromEntries(Object.entries(c.HostConfig.PortBindings).map(([port, list]) => [port, bindingsOf(list)])),
      links: c.HostConfig.Links,
      dns: c.HostConfig.Dns,
    },
    networkSettings: {
      sandboxId: ns.SandboxID,
      sandboxKey: ns.SandboxKey,
      ports: Object.fromEntries(Object.entries(ns.Ports).map(([port, list]) => [port, list === null ? null : bindingsOf(list)])),
      networks: Object.fromEntries(
        Object.entries(ns.Networks).map(([name, e]) => [
          name,
          {
            networkId: e.NetworkID,
            endpointId: e.EndpointID,
            ipAddress: e.IPAddress,
            ipPrefixLen: e.IPPrefixLen,
            gateway: e.Gateway,
            globalIpv6Address: e.GlobalIPv6Address,
            globalIpv6PrefixLen: e.GlobalIPv6PrefixLen,
            ipv6Gateway: e.IPv6Gateway,
            macAddress: e.MacAddress !== "" ? e.MacAddress : name === defaultNet ? (c.Config.MacAddress ?? "") : "",
            aliases: e.Aliases,
            dnsNames: e.DNSNames,
            links: e.Links,
          },
        ]),
      ),
      ipAddress: ns.IPAddress,
      ipPrefixLen: ns.IPPrefixLen,
      gateway: ns.Gateway,
      macAddress: ns.MacAddress,
      bridge: ns.Bridge,
    },
  };
};

// Validate and convert one decoded container object.
export const containerFrom = (json: unknown, ctx: Ctx, line: number): DockerContainer | null => {
  if (isRecord(json) && !("State" in json) && ("RepoTags" in json || "RootFS" in json)) {
    ctx.report(line, "this is an image, not a container (`docker inspect` of an image)");
    return null;
  }
  const valid = tolerant(containerShape, json, ctx, line, "container");
  return valid === null ? null : convert(valid);
};

// Convert one Engine API / `docker inspect` object into a DockerContainer, with problems per wrong field.
export const toDockerContainer = (json: unknown, line = 0): ParseResult<DockerContainer> =>
  convertOne("docker-inspect", (ctx) => containerFrom(json, ctx, line), emptyContainer);

/** Raw container: the decoded JSON object. */
export type RawContainer = unknown;

// Parse `docker inspect` output (containers) into DockerContainer objects.
export const parseContainerInspect = makeParser<DockerContainer[], RawContainer[]>({
  name: "docker-inspect",
  raw: rawInspectItems,
  process: (raw, ctx) => raw.flatMap((item) => containerFrom(item, ctx, itemLine(ctx, item)) ?? []),
  empty: () => [],
});
