// The formats `docker-net-lab parse <format>` knows, by CLI name.
import { parseBridgeLink } from "./bridge-link.js";
import { parseBrctl } from "./brctl.js";
import { parseContainerInspect } from "./docker-inspect.js";
import { parseIpAddr } from "./ip-addr.js";
import { parseIpLink } from "./ip-link.js";
import { parseIpRoute } from "./ip-route.js";
import { parseNetworkInspect } from "./network-inspect.js";
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
