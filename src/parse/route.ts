// `route` parser: net-tools `route [-n] [-e|-ee]`, `route -6` / `route -A inet6`, and busybox `route [-n] [-e]`.
//
// Usage:
//   parseRoute(await runRoute())              -> { value: RouteEntry[], problems }
//   docker-net-lab parse route FILE [--raw]
//
// Columns come from the header line (`Destination Gateway Genmask Flags Metric Ref Use Iface`,
// with `MSS Window irtt` for -e/-ee, `Next Hop`/`Flag`/`Met`/`If` for net-tools -6), so every
// variant reads the same way. The title line (`Kernel IP routing table`) is consumed.
//
// Raw stage: [{ Destination, Gateway, Genmask, Flags, ... }] keyed by the printed column names.
// Processed stage (RouteEntry): dst "default" or CIDR (Destination + Genmask -> prefix);
// gateway `0.0.0.0` / `*` / `-` / `::` -> null; `-` columns (reject routes) -> null; iface `*` -> null
// (blackhole); numbers as numbers; flag letters named.
// Without -n, names stay as printed (`default`, `_gateway`, `ip-172-17-42-1.`); a named destination
// with a Genmask keeps its name in dst.
//
// Example:
//   input:
//     Kernel IP routing table
//     Destination     Gateway         Genmask         Flags Metric Ref    Use Iface
//     0.0.0.0         172.17.0.1      0.0.0.0         UG    0      0        0 eth0
//     172.17.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0
//   output:
//     [{ "family": "inet", "dst": "default", "destination": "0.0.0.0", "gateway": "172.17.0.1", "genmask": "0.0.0.0",
//        "prefix": 0, "flags": "UG", "flagNames": ["up","gateway"], "metric": 0, "ref": 0, "use": 0, "iface": "eth0",
//        "mss": null, "window": null, "irtt": null },
//      { "family": "inet", "dst": "172.17.0.0/16", "destination": "172.17.0.0", "gateway": null, "genmask": "255.255.0.0",
//        "prefix": 16, "flags": "U", "flagNames": ["up"], "metric": 0, "ref": 0, "use": 0, "iface": "eth0",
//        "mss": null, "window": null, "irtt": null }]
import { makeParser, promptMessage, splitCidr, toInt, words, type Ctx } from "./core.js";
import { maskToPrefix } from "./ifconfig.js";
import type { RouteEntry } from "./models.js";

/** Raw route row: printed column name -> value. */
export type RawRouteEntry = Record<string, string>;

const FLAG_NAMES: Record<string, string> = {
  U: "up", G: "gateway", H: "host", R: "reinstate", D: "dynamic", M: "modified", A: "addrconf", C: "cache", "!": "reject", N: "none", n: "no-nexthop", e: "expires", f: "flow", a: "addrconf",
};

const rawRoute = (ctx: Ctx): RawRouteEntry[] => {
  const out: RawRouteEntry[] = [];
  let columns: string[] | null = null;
  ctx.lines.forEach((line, index) => {
    const n = index + 1;
    const tokens = words(line);
    if (tokens.length === 0) return;
    if (tokens[0] === "Kernel" && /^Kernel IP(v6)? routing table/.test(line.trim())) return ctx.consume(n);
    if (tokens[0] === "Destination") {
      // Join the two-word column `Next Hop`.
      columns = line.trim().replace("Next Hop", "Next_Hop").split(/\s+/).map((c) => c.replace("Next_Hop", "Next Hop"));
      return ctx.consume(n);
    }
    const cols = columns as string[] | null;
    if (cols === null) return ctx.report(n, promptMessage(line) ?? "route row before the `Destination ...` header");
    if (tokens.length !== cols.length) return ctx.report(n, `expected ${cols.length} columns (${cols.join(", ")}), got ${tokens.length}`);
    const row: RawRouteEntry = {};
    for (let i = 0; i < cols.length; i++) row[cols[i] ?? ""] = tokens[i] ?? "";
    out.push(ctx.tag(row, n));
    ctx.consume(n);
  });
  return out;
};

const flagNamesCache = new Map<string, string[]>();
const flagNames = (flags: string): string[] => {
  let names = flagNamesCache.get(flags);
  if (names === undefined) {
    names = [...flags].map((f) => FLAG_NAMES[f] ?? f);
    if (flagNamesCache.size < 256) flagNamesCache.set(flags, names);
  }
  return [...names];
};
const num = (v: string | undefined): number | null => (v === undefined ? null : toInt(v));

// Direct property reads on rows of one shape (fast); net-tools -6 uses other column names.
const processRow = (r: RawRouteEntry, ctx: Ctx): RouteEntry => {
  const destination = r["Destination"] ?? "";
  const gw = r["Gateway"] ?? r["Next Hop"] ?? null;
  const inet6 = destination.includes(":") || (gw ?? "").includes(":") || r["Next Hop"] !== undefined;
  const genmask = r["Genmask"] ?? null;
  let prefix: number | null;
  let dst: string;
  if (inet6) {
    const c = splitCidr(destination);
    prefix = c.prefix;
    dst = prefix === 0 && c.address === "::" ? "default" : destination;
  } else {
    prefix = genmask === null ? null : maskToPrefix(genmask);
    if (genmask !== null && prefix === null) ctx.report(ctx.lineOf(r), `Genmask \`${genmask}\` is not a netmask`);
    const isDefault = destination === "default" || (destination === "0.0.0.0" && prefix === 0);
    dst = isDefault ? "default" : prefix === null || !/^[\d.]+$/.test(destination) ? destination : `${destination}/${prefix}`;
  }
  const flags = r["Flags"] ?? r["Flag"] ?? "";
  const iface = r["Iface"] ?? r["If"];
  return {
    family: inet6 ? "inet6" : "inet",
    dst,
    destination,
    gateway: gw === null || gw === "*" || gw === "-" || gw === "0.0.0.0" || gw === "::" ? null : gw,
    genmask,
    prefix,
    flags,
    flagNames: flagNames(flags),
    metric: num(r["Metric"] ?? r["Met"]),
    ref: num(r["Ref"]),
    use: num(r["Use"]),
    iface: iface === undefined || iface === "*" || iface === "-" ? null : iface,
    mss: num(r["MSS"]),
    window: num(r["Window"]),
    irtt: num(r["irtt"]),
  };
};

const processRoute = (raw: RawRouteEntry[], ctx: Ctx): RouteEntry[] => raw.map((r) => processRow(r, ctx));

// Parse `route` output (net-tools or busybox, IPv4 or IPv6) into route entries.
export const parseRoute = makeParser<RouteEntry[], RawRouteEntry[]>({ name: "route", raw: rawRoute, process: processRoute, empty: () => [] });
