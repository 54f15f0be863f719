// The formats `docker-net-lab parse <format>` knows: names, descriptions and a loader per parser, so the CLI loads
// only the one parser it runs (`parse ifconfig` never loads zod, which the inspect parsers need). registry.ts holds
// the same table with the parsers loaded, for library users.
import type { ParseOptions, ParseResult } from "./types.js";

/** A parser, as the registry and the CLI call it. */
export type Parser = (text: string, options?: ParseOptions) => ParseResult<unknown>;

/** One format: what it reads, and how to load its parser. */
export interface CatalogEntry {
  readonly description: string;
  readonly load: () => Promise<Parser>;
}

/** Every format by CLI name, in the order `--help` lists them. */
export const catalog = {
  "ip-addr": { description: "`ip [-j] [-d] addr` (JSON, iproute2 or busybox text)", load: async () => (await import("./ip-addr.js")).parseIpAddr },
  "ip-link": { description: "`ip [-j] [-d] link` (JSON, iproute2 or busybox text)", load: async () => (await import("./ip-link.js")).parseIpLink },
  "ip-route": {
    description: "`ip [-j] [-6] route [show table all]` (JSON, iproute2 or busybox text)",
    load: async () => (await import("./ip-route.js")).parseIpRoute,
  },
  ifconfig: { description: "`ifconfig [-a]` (net-tools old and new layouts, busybox)", load: async () => (await import("./ifconfig.js")).parseIfconfig },
  route: { description: "`route [-n] [-e|-ee] [-6]` (net-tools or busybox)", load: async () => (await import("./route.js")).parseRoute },
  "iptables-save": {
    description: "`iptables-save [-c]` (all tables; ip6tables-save too)",
    load: async () => (await import("./iptables-save.js")).parseIptablesSave,
  },
  "iptables-list": {
    description: "`iptables [-t table] -L [-n] [-v] [-x] [--line-numbers]`",
    load: async () => (await import("./iptables-list.js")).parseIptablesList,
  },
  nft: { description: "`nft [-a] list ruleset` text (nftables; Docker 29's firewall backend)", load: async () => (await import("./nft.js")).parseNft },
  "nft-json": { description: "`nft -j list ruleset` JSON", load: async () => (await import("./nft-json.js")).parseNftJson },
  brctl: { description: "`brctl show`", load: async () => (await import("./brctl.js")).parseBrctl },
  "bridge-link": { description: "`bridge [-j] [-d] link show` (text or JSON)", load: async () => (await import("./bridge-link.js")).parseBridgeLink },
  "docker-inspect": {
    description: "`docker inspect <container>...` (JSON)",
    load: async () => (await import("./docker-inspect.js")).parseContainerInspect,
  },
  "network-inspect": {
    description: "`docker network inspect <network>...` (JSON)",
    load: async () => (await import("./network-inspect.js")).parseNetworkInspect,
  },
} as const satisfies Record<string, CatalogEntry>;

/** A format name the CLI accepts. */
export type FormatName = keyof typeof catalog;

/** The format names, in catalog order. */
export const formatNames = Object.keys(catalog) as FormatName[];

/** True when `name` is a known format. */
export const isFormatName = (name: string): name is FormatName => Object.hasOwn(catalog, name);
