// `route` parser: net-tools `route [-n] [-e|-ee]`, `route -6` / `route -A inet6`, and busybox `route [-n] [-e]`.
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseRoute(await dockerExec("web", ["route", "-n"])) -> { value: RouteEntry[], problems }
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
  U: "up",
  G: "gateway",
  H: "host",
  R: "reinstate",
  D: "dynamic",
  M: "modified",
  A: "addrconf",
  C: "cache",
  "!": "reject",
  N: "none",
  n: "no-nexthop",
  e: "expires",
  f: "flow",
  a: "addrconf",
};

// Column layout from the header line: the printed names, a pattern for a whole row, and the cell of each column read.
class Layout {
  /** A row in one match: exactly one group per column (cell i + 1 is column i). */
  readonly pattern: RegExp;
  /** For each of READ, its cell (a later column of the same name wins, as in the raw record); 0: not printed. */
  readonly cellOf: Int32Array;
  constructor(readonly columns: readonly string[]) {
    this.cellOf = Int32Array.from(READ, (name) => columns.lastIndexOf(name) + 1);
    this.pattern = new RegExp(`^\\s*${Array.from(columns, () => "(\\S+)").join("\\s+")}\\s*$`);
  }
}
// The columns the processed stage reads; C names their positions in READ.
const READ = ["Destination", "Gateway", "Next Hop", "Genmask", "Flags", "Flag", "Metric", "Met", "Ref", "Use", "Iface", "If", "MSS", "Window", "irtt"] as const;
enum C {
  Destination,
  Gateway,
  NextHop,
  Genmask,
  Flags,
  Flag,
  Metric,
  Met,
  Ref,
  Use,
  Iface,
  If,
  MSS,
  Window,
  irtt,
}

/** A row cut into cells: cell i + 1 holds column i (a pattern match, or the tokens laid out the same way). */
type Cells = ArrayLike<string | undefined>;

/** The builders fed by the scanner: raw rows, or processed entries in one pass. */
type RowSink = (cells: Cells, layout: Layout, n: number) => void;

// Read the lines: the title, the header, then one row per line; report what is not understood.
const scanRoute = (ctx: Ctx, row: RowSink): void => {
  let layout: Layout | null = null;
  const lines = ctx.lines;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const n = index + 1;
    if (layout !== null) {
      // Fast path: a row of the current layout, in one match.
      const m = layout.pattern.exec(line);
      if (m !== null && m[1] !== "Kernel" && m[1] !== "Destination") {
        row(m, layout, n);
        ctx.consume(n);
        continue;
      }
    }
    const tokens = words(line);
    if (tokens.length === 0) continue;
    if (tokens[0] === "Kernel" && /^Kernel IP(v6)? routing table/.test(line.trim())) {
      ctx.consume(n);
      continue;
    }
    if (tokens[0] === "Destination") {
      // Join the two-word column `Next Hop`.
      layout = new Layout(
        line
          .trim()
          .replace("Next Hop", "Next_Hop")
          .split(/\s+/)
          .map((c) => c.replace("Next_Hop", "Next Hop")),
      );
      ctx.consume(n);
      continue;
    }
    if (layout === null) {
      ctx.report(n, promptMessage(line) ?? "route row before the `Destination ...` header");
      continue;
    }
    const cols = layout.columns;
    if (tokens.length !== cols.length) {
      ctx.report(n, `expected ${cols.length} columns (${cols.join(", ")}), got ${tokens.length}`);
      continue;
    }
    row([line, ...tokens], layout, n);
    ctx.consume(n);
  }
};

const rawRoute = (ctx: Ctx): RawRouteEntry[] => {
  const out: RawRouteEntry[] = [];
  scanRoute(ctx, (cells, { columns }, n) => {
    const row: RawRouteEntry = {};
    for (let i = 0; i < columns.length; i++) row[columns[i] ?? ""] = cells[i + 1] ?? "";
    out.push(ctx.tag(row, n));
  });
  return out;
};

// Flag letters -> names.
const flagNames = (flags: string): string[] => [...flags].map((f) => FLAG_NAMES[f] ?? f);
const num = (v: string | undefined): number | null => (v === undefined ? null : toInt(v));

// Column k of READ in a row: its cell, undefined when not printed.
const col = (cells: Cells, cellOf: Int32Array, k: C): string | undefined => {
  const i = cellOf[k] ?? 0;
  return i === 0 ? undefined : cells[i];
};

// One row (its cells, and the cell of each READ column) -> route entry.
const processRow = (cells: Cells, cellOf: Int32Array, line: number, ctx: Ctx): RouteEntry => {
  const destination = col(cells, cellOf, C.Destination) ?? "";
  const nextHop = col(cells, cellOf, C.NextHop);
  const gw = col(cells, cellOf, C.Gateway) ?? nextHop ?? null;
  const inet6 = destination.includes(":") || (gw ?? "").includes(":") || nextHop !== undefined;
  const genmask = col(cells, cellOf, C.Genmask) ?? null;
  let prefix: number | null;
  let dst: string;
  if (inet6) {
    const c = splitCidr(destination);
    prefix = c.prefix;
    dst = prefix === 0 && c.address === "::" ? "default" : destination;
  } else {
    prefix = genmask === null ? null : maskToPrefix(genmask);
    if (genmask !== null && prefix === null) ctx.report(line, `Genmask \`${genmask}\` is not a netmask`);
    const isDefault = destination === "default" || (destination === "0.0.0.0" && prefix === 0);
    dst = isDefault ? "default" : prefix === null || !isDotted(destination) ? destination : `${destination}/${prefix}`;
  }
  const flags = col(cells, cellOf, C.Flags) ?? col(cells, cellOf, C.Flag) ?? "";
  const iface = col(cells, cellOf, C.Iface) ?? col(cells, cellOf, C.If);
  return {
    family: inet6 ? "inet6" : "inet",
    dst,
    destination,
    gateway: gw === null || gw === "*" || gw === "-" || gw === "0.0.0.0" || gw === "::" ? null : gw,
    genmask,
    prefix,
    flags,
    flagNames: flagNames(flags),
    metric: num(col(cells, cellOf, C.Metric) ?? col(cells, cellOf, C.Met)),
    ref: num(col(cells, cellOf, C.Ref)),
    use: num(col(cells, cellOf, C.Use)),
    iface: iface === undefined || iface === "*" || iface === "-" ? null : iface,
    mss: num(col(cells, cellOf, C.MSS)),
    window: num(col(cells, cellOf, C.Window)),
    irtt: num(col(cells, cellOf, C.irtt)),
  };
};
// `^[\d.]+$`: digits and dots only.
const isDotted = (s: string): boolean => {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 46 && (c < 48 || c > 57)) return false;
  }
  return true;
};

// A raw row's READ columns, as cells 1..15.
const RAW_CELLS = Int32Array.from(READ, (_, k) => k + 1);
const processRoute = (raw: RawRouteEntry[], ctx: Ctx): RouteEntry[] =>
  raw.map((r) => {
    const cells: (string | undefined)[] = [undefined];
    for (const name of READ) cells.push(Object.hasOwn(r, name) ? r[name] : undefined);
    return processRow(cells, RAW_CELLS, ctx.lineOf(r), ctx);
  });

// Parse `route` output (net-tools or busybox, IPv4 or IPv6) into route entries.
export const parseRoute = makeParser<RouteEntry[], RawRouteEntry[]>({ name: "route", raw: rawRoute, process: processRoute, empty: () => [] });
