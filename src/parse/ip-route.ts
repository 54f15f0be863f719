// `ip route` parser: `ip -j [-d] route` JSON, iproute2 text (`ip [-6] [-d] route [show table all]`)
// and busybox `ip route`, auto-detected.
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseIpRoute(await ipJson("route"))       -> { value: Route[], problems }
//   docker-net-lab parse ip-route FILE [--raw]
//
// Raw stage: JSON input -> the decoded `ip -j` objects; text input -> objects with the `ip -j`
// keys (type, dst, gateway, dev, protocol, scope, prefsrc, metric, table, pref, flags, nexthops)
// holding the strings as printed; other attributes under their printed name.
//
// Processed stage (Route, see models.ts): iproute2 omits defaults, so they are filled in the
// same way for text and JSON: type "unicast", scope "global", table "main", protocol "boot"
// (null when the input prints no protocol anywhere, as busybox does).
// Host routes (`10.0.0.1 dev eth0`) get dst "10.0.0.1/32"; `default` has dstAddress null, dstPrefix 0.
//
// Example:
//   input:
//     default via 172.17.0.1 dev eth0
//     172.17.0.0/16 dev eth0 scope link  src 172.17.0.2
//   output:
//     [{ "type": "unicast", "dst": "default", "dstAddress": null, "dstPrefix": 0, "family": "inet",
//        "gateway": "172.17.0.1", "dev": "eth0", "protocol": "boot", "scope": "global", "src": null,
//        "metric": null, "table": "main", "flags": [], "pref": null, "nexthops": [], "extra": {} },
//      { "type": "unicast", "dst": "172.17.0.0/16", "dstAddress": "172.17.0.0", "dstPrefix": 16,
//        "family": "inet", "gateway": null, "dev": "eth0", "protocol": "boot", "scope": "link",
//        "src": "172.17.0.2", "metric": null, "table": "main", "flags": [], "pref": null,
//        "nexthops": [], "extra": {} }]
import { decodeJson, isRecord, looksLikeJson, makeParser, splitCidr, str, toInt, words, type Ctx } from "./core.js";
import type { Route } from "./models.js";

/** Raw route: `ip -j` keys, values as printed. */
export type RawRoute = Record<string, unknown>;

const TYPES = new Set(["unicast", "local", "broadcast", "multicast", "anycast", "blackhole", "unreachable", "prohibit", "throw", "nat"]);
const FLAGS = new Set(["linkdown", "onlink", "dead", "pervasive", "offload", "trap", "notify", "rt_offload", "rt_trap", "rt_offload_failed"]);
// Attributes taking one value, mapped to their `ip -j` key.
const KEYS: Record<string, string> = {
  via: "gateway",
  dev: "dev",
  proto: "protocol",
  scope: "scope",
  src: "prefsrc",
  metric: "metric",
  table: "table",
  pref: "pref",
  weight: "weight",
  nhid: "nhid",
  from: "from",
  tos: "tos",
  dsfield: "tos",
  realm: "realm",
  realms: "realms",
  expires: "expires",
  error: "error",
  mtu: "mtu",
  advmss: "advmss",
  hoplimit: "hoplimit",
  initcwnd: "initcwnd",
  initrwnd: "initrwnd",
  rtt: "rtt",
  rttvar: "rttvar",
  congctl: "congctl",
  quickack: "quickack",
  features: "features",
  ssthresh: "ssthresh",
  cwnd: "cwnd",
  window: "window",
  reordering: "reordering",
  fastopen_no_cookie: "fastopen_no_cookie",
  encap: "encap",
  ttl: "ttl",
};

// Read attribute tokens into a raw route (or next hop); returns the tokens it did not understand.
const readAttributes = (route: Record<string, unknown>, tokens: readonly string[], start: number): string[] => {
  const unknown: string[] = [];
  const flags = route.flags as string[];
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    const key = KEYS[t];
    if (FLAGS.has(t)) flags.push(t);
    else if (key !== undefined && i + 1 < tokens.length) {
      let value = tokens[++i] ?? "";
      // `via inet6 fe80::1`, `mtu lock 1400`
      if ((t === "via" && (value === "inet" || value === "inet6")) || value === "lock") value = tokens[++i] ?? "";
      route[key] = value;
    } else unknown.push(t);
  }
  return unknown;
};

// Parse iproute2 / busybox route text.
const rawRouteText = (ctx: Ctx): RawRoute[] => {
  const out: RawRoute[] = [];
  let last: RawRoute | null = null;
  ctx.lines.forEach((line, index) => {
    const n = index + 1;
    const tokens = words(line);
    if (tokens.length === 0) return;
    if (tokens[0] === "nexthop") {
      if (last === null) {
        ctx.report(n, "`nexthop` line without a route before it");
        return;
      }
      const hop: Record<string, unknown> = { flags: [] };
      const unknown = readAttributes(hop, tokens, 1);
      const hops = (last.nexthops as unknown[] | undefined) ?? [];
      hops.push(hop);
      last.nexthops = hops;
      if (unknown.length > 0) ctx.report(n, `unknown next-hop attribute(s): ${unknown.join(" ")}`);
      else ctx.consume(n);
      return;
    }
    let i = 0;
    const route: RawRoute = ctx.tag({ flags: [] }, n);
    if (TYPES.has(tokens[0] ?? "")) route.type = tokens[i++];
    const dst = tokens[i++];
    if (dst === undefined || !(dst === "default" || /^[0-9a-fA-F.:]+(\/\d+)?$/.test(dst))) {
      ctx.report(n, "expected a destination (`default` or an address/prefix) at the start of the route");
      return;
    }
    route.dst = dst;
    const unknown = readAttributes(route, tokens, i);
    if (unknown.length > 0) route.unknown = unknown;
    out.push(route);
    last = route;
    if (unknown.length > 0) ctx.report(n, `unknown route attribute(s): ${unknown.join(" ")}`);
    else ctx.consume(n);
  });
  return out;
};

// Raw stage: JSON or text.
const rawRoute = (ctx: Ctx): RawRoute[] => {
  if (!looksLikeJson(ctx.text)) return rawRouteText(ctx);
  const json = decodeJson(ctx);
  if (json === undefined) return [];
  if (!Array.isArray(json)) {
    ctx.report(1, "expected a JSON array of routes (`ip -j route`)");
    return [];
  }
  return json.filter((r, i) => {
    if (isRecord(r)) return true;
    ctx.report(0, `element ${i} is not an object`, JSON.stringify(r) ?? "");
    return false;
  }) as RawRoute[];
};

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((f): f is string => typeof f === "string") : []);
const PROCESSED = new Set(["type", "dst", "gateway", "dev", "protocol", "scope", "prefsrc", "metric", "table", "pref", "flags", "nexthops", "unknown"]);

// Turn one raw route into a Route.
export const processRoute = (r: RawRoute, ctx: Ctx, printsProtocol = true): Route | null => {
  const rawDst = str(r.dst);
  if (rawDst === null) {
    ctx.report(ctx.lineOf(r), "route without a destination");
    return null;
  }
  const gateway = str(r.gateway);
  const isDefault = rawDst === "default";
  const { address, prefix } = isDefault ? { address: null, prefix: 0 } : splitCidr(rawDst);
  const probe = address ?? gateway ?? "";
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) if (!PROCESSED.has(k) && (typeof v === "string" || typeof v === "number")) extra[k] = String(v);
  return {
    type: str(r.type) ?? "unicast",
    dst: isDefault ? "default" : prefix === null ? rawDst : `${address}/${prefix}`,
    dstAddress: address,
    dstPrefix: prefix,
    family: probe.includes(":") ? "inet6" : probe.includes(".") ? "inet" : null,
    gateway,
    dev: str(r.dev),
    protocol: str(r.protocol) ?? (printsProtocol ? "boot" : null),
    scope: str(r.scope) ?? "global",
    src: str(r.prefsrc),
    metric: toInt(r.metric),
    table: str(r.table) ?? "main",
    flags: stringList(r.flags),
    pref: str(r.pref),
    nexthops: (Array.isArray(r.nexthops) ? r.nexthops : []).filter(isRecord).map((h) => ({
      gateway: str(h.gateway),
      dev: str(h.dev),
      weight: toInt(h.weight),
      flags: stringList(h.flags),
    })),
    extra,
  };
};

// Parse `ip route` output (JSON with -j, iproute2 text, busybox text) into routes.
export const parseIpRoute = makeParser<Route[], RawRoute[]>({
  name: "ip-route",
  raw: rawRoute,
  process: (raw, ctx) => {
    // iproute2 omits `proto boot`; busybox prints no protocol at all. Only fill "boot" when the
    // input shows protocols elsewhere.
    const printsProtocol = raw.some((r) => r.protocol !== undefined);
    return raw.flatMap((r) => processRoute(r, ctx, printsProtocol) ?? []);
  },
  empty: () => [],
});
