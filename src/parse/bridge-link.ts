// `bridge link show` parser: text (with or without -d) and `bridge -j [-d] link` JSON, auto-detected.
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseBridgeLink(await bridgeLinkJson())   -> { value: BridgePort[], problems }
//   docker-net-lab parse bridge-link FILE [--raw]
//
// Raw stage: JSON -> decoded objects; text -> objects with the `bridge -j` keys (ifindex, ifname,
// link, flags, mtu, master, state, priority, cost, and -d options) holding the printed strings.
// Processed stage (BridgePort): `vethdb77d4e@if9` -> peerIfindex 9, numbers as numbers, -d options
// `on`/`off` -> true/false (as `bridge -j` prints them).
//
// Example:
//   input:
//     10: vethdb77d4e@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2
//   output:
//     [{ "ifindex": 10, "name": "vethdb77d4e", "peerIfindex": 9, "link": null,
//        "flags": ["BROADCAST","MULTICAST","UP","LOWER_UP"], "mtu": 1500, "master": "docker0",
//        "state": "forwarding", "priority": 32, "cost": 2, "options": {} }]
import { decodeJson, isRecord, looksLikeJson, makeParser, pairs, str, toInt, words, type Ctx } from "./core.js";
import type { BridgePort } from "./models.js";

/** Raw bridge port: `bridge -j` keys, values as printed. */
export type RawBridgePort = Record<string, unknown>;

const HEADER = /^(\d+):\s+([^\s@]+?)(?:@([^\s:]+))?:\s+<([^>]*)>\s*(.*)$/;
const MAIN = new Set(["ifindex", "ifname", "link", "link_index", "flags", "mtu", "master", "state", "priority", "cost"]);

const rawText = (ctx: Ctx): RawBridgePort[] => {
  const out: RawBridgePort[] = [];
  ctx.lines.forEach((line, index) => {
    const n = index + 1;
    if (line.trim() === "") return;
    const m = HEADER.exec(line);
    if (m !== null) {
      const [, ifindex = "", ifname = "", link, flags = "", rest = ""] = m;
      const port: RawBridgePort = ctx.tag({ ifindex, ifname, flags: flags === "" ? [] : flags.split(","), ...pairs(words(rest)) }, n);
      if (link !== undefined) port.link = link;
      out.push(port);
      return ctx.consume(n);
    }
    const last = out[out.length - 1];
    if (/^\s/.test(line) && last !== undefined) {
      Object.assign(last, pairs(words(line)));
      return ctx.consume(n);
    }
    ctx.report(n, "expected a port line like `10: veth1@if9: <...> mtu 1500 master docker0 state forwarding`");
  });
  return out;
};

const rawBridgeLink = (ctx: Ctx): RawBridgePort[] => {
  if (!looksLikeJson(ctx.text)) return rawText(ctx);
  const json = decodeJson(ctx);
  if (json === undefined) return [];
  if (!Array.isArray(json)) {
    ctx.report(1, "expected a JSON array of ports (`bridge -j link`)");
    return [];
  }
  return json.filter((p, i) => {
    if (isRecord(p)) return true;
    ctx.report(0, `element ${i} is not an object`, JSON.stringify(p) ?? "");
    return false;
  }) as RawBridgePort[];
};

const option = (v: unknown): boolean | number | string | null =>
  typeof v === "boolean" || typeof v === "number" ? v : v === "on" ? true : v === "off" ? false : typeof v === "string" ? (toInt(v) ?? v) : null;

const processPort = (p: RawBridgePort, ctx: Ctx): BridgePort | null => {
  const ifindex = toInt(p.ifindex);
  const name = str(p.ifname);
  if (ifindex === null || name === null) {
    ctx.report(ctx.lineOf(p), "bridge port without ifindex or name");
    return null;
  }
  const link = str(p.link);
  const peerFromText = link !== null && /^if\d+$/.test(link) ? toInt(link.slice(2)) : null;
  const options: Record<string, boolean | number | string> = {};
  for (const [k, v] of Object.entries(p)) {
    const o = MAIN.has(k) ? null : option(v);
    if (o !== null) options[k] = o;
  }
  return {
    ifindex,
    name,
    peerIfindex: toInt(p.link_index) ?? peerFromText,
    link: peerFromText !== null ? null : link,
    flags: Array.isArray(p.flags) ? p.flags.filter((f): f is string => typeof f === "string") : [],
    mtu: toInt(p.mtu),
    master: str(p.master),
    state: str(p.state),
    priority: toInt(p.priority),
    cost: toInt(p.cost),
    options,
  };
};

// Parse `bridge link show` (text or JSON) into bridge ports.
export const parseBridgeLink = makeParser<BridgePort[], RawBridgePort[]>({
  name: "bridge-link",
  raw: rawBridgeLink,
  process: (raw, ctx) => raw.flatMap((p) => processPort(p, ctx) ?? []),
  empty: () => [],
});
