// The formats `docker-net-lab parse <format>` knows, by CLI name.
import { parseBridgeLink } from "./bridge-link.js";
import { parseBrctl } from "./brctl.js";
import { parseContainerInspect } from "./docker-inspect.js";
import { parseIpAddr } from "./ip-addr.js";
import { parseIpLink } from "./ip-link.js";
import { parseIfconfig } from "./ifconfig.js";
import { parseIpRoute } from "./ip-route.js";
import { parseIptablesList } from "./iptables-list.js";
import { parseIptablesSave } from "./iptables-save.js";
import { parseNetworkInspect } from "./network-inspect.js";
import { parseNft } from "./nft.js";
import { parseNftJson } from "./nft-json.js";
import { parseRoute } from "./route.js";
import type { ParseOptions, ParseResult } from "./types.js";

/** One format of the registry. */
export interface Format {
  readonly description: string;
  readonly parse: (text: string, options?: ParseOptions) => ParseResult<unknown>;
}

/** Every format by CLI name. */
export const formats = {
  "ip-addr": { description: "`ip [-j] [-d] addr` (JSON, iproute2 or busybox text)", parse: parseIpAddr },
  "ip-link": { description: "`ip [-j] [-d] link` (JSON, iproute2 or busybox text)", parse: parseIpLink },
  "ip-route": { description: "`ip [-j] [-6] route [show table all]` (JSON, iproute2 or busybox text)", parse: parseIpRoute },
  ifconfig: { description: "`ifconfig [-a]` (net-tools old and new layouts, busybox)", parse: parseIfconfig },
  route: { description: "`route [-n] [-e|-ee] [-6]` (net-tools or busybox)", parse: parseRoute },
  "iptables-save": { description: "`iptables-save [-c]` (all tables; ip6tables-save too)", parse: parseIptablesSave },
  "iptables-list": { description: "`iptables [-t table] -L [-n] [-v] [-x] [--line-numbers]`", parse: parseIptablesList },
  nft: { description: "`nft [-a] list ruleset` text (nftables; Docker 29's firewall backend)", parse: parseNft },
  "nft-json": { description: "`nft -j list ruleset` JSON", parse: parseNftJson },
  brctl: { description: "`brctl show`", parse: parseBrctl },
  "bridge-link": { description: "`bridge [-j] [-d] link show` (text or JSON)", parse: parseBridgeLink },
  "docker-inspect": { description: "`docker inspect <container>...` (JSON)", parse: parseContainerInspect },
  "network-inspect": { description: "`docker network inspect <network>...` (JSON)", parse: parseNetworkInspect },
} as const satisfies Record<string, Format>;

/** A format name the CLI accepts. */
export type FormatName = keyof typeof formats;

/** The format names, in registry order. */
export const formatNames = Object.keys(formats) as FormatName[];

// True when `name` is a known format.
export const isFormatName = (name: string): name is FormatName => Object.hasOwn(formats, name);
