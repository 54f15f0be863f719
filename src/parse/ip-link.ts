// `ip link` parser: `ip -j [-d] link` JSON, iproute2 text (`ip [-d] link`) and busybox `ip link`, auto-detected.
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseIpLink(await ipJson("link"))         -> { value: IpInterface[], problems }
//   docker-net-lab parse ip-link FILE [--raw]
//
// Same raw and processed stages as ip-addr (see ip-addr.ts); `ip link` prints no addresses, so
// `addresses` is []. `mode DEFAULT` from the header is kept in the raw stage only.
//
// Example:
//   input:
//     10: vethdb77d4e@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default
//         link/ether 0a:5d:2c:11:3e:7a brd ff:ff:ff:ff:ff:ff link-netnsid 0
//   output:
//     [{ "ifindex": 10, "name": "vethdb77d4e", "peerIfindex": 9, "link": null, "linkNetnsid": 0, "linkNetns": null,
//        "flags": ["BROADCAST","MULTICAST","UP","LOWER_UP"], "mtu": 1500, "qdisc": "noqueue",
//        "master": "docker0", "operstate": "UP", "group": "default", "txqlen": null, "linkType": "ether",
//        "mac": "0a:5d:2c:11:3e:7a", "broadcast": "ff:ff:ff:ff:ff:ff", "kind": null, "kindData": null,
//        "slaveKind": null, "slaveData": null, "altnames": [], "addresses": [] }]
import { makeParser } from "./core.js";
import { processIp, rawIp, type RawIpInterface } from "./ip-addr.js";
import type { IpInterface } from "./models.js";

// Parse `ip link` output (JSON with -j, iproute2 text, busybox text) into interfaces.
export const parseIpLink = makeParser<IpInterface[], RawIpInterface[]>({ name: "ip-link", raw: rawIp, process: processIp, empty: () => [] });
