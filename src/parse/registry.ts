// Every format with its parser loaded, by CLI name (for library users; the CLI loads one parser from catalog.ts).
import { parseBridgeLink } from "./bridge-link.js";
import { parseBrctl } from "./brctl.js";
import { catalog, type FormatName, type Parser } from "./catalog.js";
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

export { formatNames, isFormatName, type FormatName } from "./catalog.js";

/** One format of the registry. */
export interface Format {
  readonly description: string;
  readonly parse: Parser;
}

const parsers = {
  "ip-addr": parseIpAddr,
  "ip-link": parseIpLink,
  "ip-route": parseIpRoute,
  ifconfig: parseIfconfig,
  route: parseRoute,
  "iptables-save": parseIptablesSave,
  "iptables-list": parseIptablesList,
  nft: parseNft,
  "nft-json": parseNftJson,
  brctl: parseBrctl,
  "bridge-link": parseBridgeLink,
  "docker-inspect": parseContainerInspect,
  "network-inspect": parseNetworkInspect,
} as const satisfies Record<FormatName, Parser>;

/** Every format by CLI name. */
export const formats = Object.fromEntries(
  Object.entries(parsers).map(([name, parse]) => [name, { description: catalog[name as FormatName].description, parse }]),
) as { readonly [name in FormatName]: { readonly description: string; readonly parse: (typeof parsers)[name] } };
