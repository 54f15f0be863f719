// `ifconfig [-a]` parser: net-tools new layout (2.x, `eth0: flags=4163<UP,...>  mtu 1500`),
// old layout (1.60, `eth0  Link encap:Ethernet  HWaddr ...`) and busybox (old layout), auto-detected
// per interface. Copy-pasted output whose indentation was lost (blogs) is still read: continuation
// lines are recognised by their content.
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseIfconfig(await dockerExec("web", ["ifconfig"])) -> { value: IfconfigInterface[], problems }
//   docker-net-lab parse ifconfig FILE [--raw]
//
// Raw stage: [{ name, layout: "new" | "old", fields: Record<string,string>, addresses: Record<string,string>[] }]
// with keys as printed (`inet addr`, `Bcast`, `Mask`, `netmask`, `RX packets`, ...).
// Processed stage (IfconfigInterface): numbers, prefix from the netmask, lowercase MAC, scope lowercase
// (`Scope:Link` and `scopeid 0x20<link>` both -> "link"), human sizes like `(662.5 KB)` dropped.
//
// Example:
//   input:
//     docker0   Link encap:Ethernet  HWaddr 02:42:AC:11:00:01
//               inet addr:172.17.42.1  Bcast:0.0.0.0  Mask:255.255.0.0
//               UP BROADCAST MULTICAST  MTU:1500  Metric:1
//   output:
//     [{ "name": "docker0", "flags": ["UP","BROADCAST","MULTICAST"], "flagsValue": null, "mtu": 1500, "metric": 1,
//        "linkType": "Ethernet", "mac": "02:42:ac:11:00:01", "txqueuelen": null,
//        "addresses": [{ "family": "inet", "address": "172.17.42.1", "prefix": 16, "netmask": "255.255.0.0",
//                        "broadcast": "0.0.0.0", "peer": null, "scope": null }],
//        "rx": { "packets": null, ... }, "tx": { "packets": null, ... } }]
import { makeParser, promptMessage, toInt, words, type Ctx } from "./core.js";
import type { IfconfigAddress, IfconfigCounters, IfconfigInterface } from "./models.js";

/** Raw interface: fields as printed. */
export interface RawIfconfigInterface {
  name: string;
  layout: "new" | "old";
  fields: Record<string, string>;
  addresses: Record<string, string>[];
}

const NEW_HEAD = /^(\S+?):\s+flags=(\d+)<([^>]*)>(.*)$/;
const OLD_HEAD = /^(\S+)\s+Link encap:\s*(.*?)(?:\s+HWaddr\s+(\S+))?(?:\s+Media:.*)?\s*$/;
// Old-layout flags line: `UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1`.
const OLD_FLAGS = /^((?:[A-Z][A-Z-]*\s+)*)MTU:(\d+)(?:\s+Metric:(\d+))?\s*$/;

// Drop human-readable sizes `(662.5 KB)` / `(0.0 B)`.
const dropSizes = (line: string): string => line.replace(/\([\d.]+ [A-Za-z]+\)/g, " ");

// "key:value key:value" (old layout) into fields, prefixing keys with `prefix` (e.g. "RX ").
const colonPairs = (text: string, fields: Record<string, string>, prefix = ""): boolean => {
  let ok = true;
  let pre = prefix;
  for (const t of words(text)) {
    if (t === "RX" || t === "TX") {
      pre = `${t} `;
      continue;
    }
    const c = t.indexOf(":");
    if (c <= 0) ok = false;
    else fields[pre + t.slice(0, c)] = t.slice(c + 1);
  }
  return ok;
};

// "key value key value" (new layout) into fields with a prefix.
const spacePairs = (tokens: readonly string[], fields: Record<string, string>, prefix: string): void => {
  for (let i = 0; i + 1 < tokens.length; i += 2) fields[prefix + (tokens[i] ?? "")] = tokens[i + 1] ?? "";
};

// Read one continuation line into the interface; false when not understood.
const readLine = (iface: RawIfconfigInterface, line: string): boolean => {
  const t = dropSizes(line).trim();
  let m: RegExpExecArray | null;
  if ((m = /^inet addr:\s*(\S+)(.*)$/.exec(t)) !== null) {
    const a: Record<string, string> = { family: "inet", "inet addr": m[1] ?? "" };
    return colonPairs(m[2] ?? "", a) && (iface.addresses.push(a), true);
  }
  if ((m = /^inet6 addr:\s*(\S+)(.*)$/.exec(t)) !== null) {
    const a: Record<string, string> = { family: "inet6", "inet6 addr": m[1] ?? "" };
    return colonPairs(m[2] ?? "", a) && (iface.addresses.push(a), true);
  }
  if ((m = /^(inet6?)\s+(\S+)\s+(.*)$/.exec(t)) !== null || (m = /^(inet6?)\s+(\S+)$/.exec(t)) !== null) {
    const a: Record<string, string> = { family: m[1] ?? "", [m[1] ?? ""]: m[2] ?? "" };
    spacePairs(words(m[3] ?? ""), a, "");
    iface.addresses.push(a);
    return true;
  }
  if ((m = OLD_FLAGS.exec(t)) !== null) {
    iface.fields.flags = (m[1] ?? "").trim();
    iface.fields.MTU = m[2] ?? "";
    if (m[3] !== undefined) iface.fields.Metric = m[3];
    return true;
  }
  if ((m = /^(ether|loop|unspec|infiniband|ppp|tunnel|sit|ipip|\S+)\s+(?:(\S+)\s+)?txqueuelen\s+(\d+)\s+\((.*)\)$/.exec(t)) !== null) {
    iface.fields.hwtype = m[1] ?? "";
    if (m[2] !== undefined) iface.fields.hwaddr = m[2];
    iface.fields.txqueuelen = m[3] ?? "";
    iface.fields.linktype = m[4] ?? "";
    return true;
  }
  if ((m = /^(RX|TX)\s+(packets|errors)\s+(.*)$/.exec(t)) !== null && !(m[3] ?? "").includes(":")) {
    const tokens = words(`${m[2]} ${m[3]}`);
    spacePairs(tokens, iface.fields, `${m[1]} `);
    return tokens.length % 2 === 0;
  }
  if (/^(RX|TX|collisions:|Interrupt:|Base address:|Memory:|DMA chan:)/.test(t))
    return colonPairs(t.replace("Base address:", "Base-address:").replace("DMA chan:", "DMA-chan:"), iface.fields);
  if ((m = /^device\s+(.*)$/.exec(t)) !== null) {
    spacePairs(words(m[1] ?? ""), iface.fields, "device ");
    return true;
  }
  return false;
};

const rawIfconfig = (ctx: Ctx): RawIfconfigInterface[] => {
  const out: RawIfconfigInterface[] = [];
  let cur: RawIfconfigInterface | null = null;
  ctx.lines.forEach((line, index) => {
    const n = index + 1;
    if (line.trim() === "") return;
    let m: RegExpExecArray | null;
    if ((m = NEW_HEAD.exec(line)) !== null) {
      cur = ctx.tag<RawIfconfigInterface>({ name: m[1] ?? "", layout: "new", fields: { flagsValue: m[2] ?? "", flags: m[3] ?? "" }, addresses: [] }, n);
      spacePairs(words(m[4] ?? ""), cur.fields, "");
      out.push(cur);
      return ctx.consume(n);
    }
    if ((m = OLD_HEAD.exec(line)) !== null) {
      cur = ctx.tag<RawIfconfigInterface>({ name: m[1] ?? "", layout: "old", fields: { "Link encap": m[2] ?? "" }, addresses: [] }, n);
      if (m[3] !== undefined) cur.fields.HWaddr = m[3];
      out.push(cur);
      return ctx.consume(n);
    }
    const current = cur as RawIfconfigInterface | null;
    if (current === null) return ctx.report(n, promptMessage(line) ?? "expected an interface line (`eth0: flags=...` or `eth0  Link encap:...`)");
    if (readLine(current, line)) return ctx.consume(n);
    ctx.report(n, "line not understood");
  });
  return out;
};

// 255.255.0.0 -> 16; null when not a contiguous mask. Read digit by digit: route and ifconfig call it once a row.
export const maskToPrefix = (mask: string): number | null => {
  if (mask.startsWith("0x")) return maskToPrefix(hexMask(mask));
  let value = 0;
  let octet = -1;
  let dots = 0;
  for (let i = 0; i <= mask.length; i++) {
    const c = i < mask.length ? mask.charCodeAt(i) : 46;
    if (c === 46) {
      if (octet < 0 || octet > 255 || ++dots > 4) return null;
      value = value * 256 + octet;
      octet = -1;
    } else if (c >= 48 && c <= 57) octet = (octet < 0 ? 0 : octet * 10) + (c - 48);
    else return null;
  }
  if (dots !== 4) return null;
  // Contiguous: the inverted mask plus one is a power of two (or the mask is all ones).
  const host = 0xffffffff - value;
  return (host & (host + 1)) === 0 ? 32 - Math.log2(host + 1) : null;
};
// BSD-style 0xffff0000 -> 255.255.0.0
const hexMask = (mask: string): string => {
  const v = Number.parseInt(mask, 16);
  return Number.isNaN(v) ? "" : [24, 16, 8, 0].map((s) => (v >>> s) & 255).join(".");
};

const address = (a: Record<string, string>): IfconfigAddress | null => {
  const family = a.family === "inet6" ? "inet6" : "inet";
  const printed = a["inet addr"] ?? a["inet6 addr"] ?? a[family] ?? "";
  if (printed === "") return null;
  const slash = printed.indexOf("/");
  const addr = slash < 0 ? printed : printed.slice(0, slash);
  const netmask = a.Mask ?? a.netmask ?? null;
  const prefix =
    slash >= 0 ? toInt(printed.slice(slash + 1)) : a.prefixlen !== undefined ? toInt(a.prefixlen) : netmask !== null ? maskToPrefix(netmask) : null;
  // Old: `Scope:Link`; new: `scopeid 0x20<link>`.
  const scope = a.Scope ?? /<([^>]+)>/.exec(a.scopeid ?? "")?.[1] ?? null;
  return {
    family,
    address: addr,
    prefix,
    netmask,
    broadcast: a.Bcast ?? a.broadcast ?? null,
    peer: a["P-t-P"] ?? a.destination ?? null,
    scope: scope === null ? null : scope.toLowerCase(),
  };
};

const counters = (f: Record<string, string>, dir: "RX" | "TX"): IfconfigCounters => {
  const get = (k: string): number | null => {
    const v = f[`${dir} ${k}`];
    return v === undefined ? null : toInt(v);
  };
  return {
    packets: get("packets"),
    bytes: get("bytes"),
    errors: get("errors"),
    dropped: get("dropped"),
    overruns: get("overruns"),
    frame: dir === "RX" ? get("frame") : null,
    carrier: dir === "TX" ? get("carrier") : null,
    collisions: dir === "TX" ? (get("collisions") ?? (f.collisions === undefined ? null : toInt(f.collisions))) : null,
  };
};

const processIfconfig = (raw: RawIfconfigInterface[], ctx: Ctx): IfconfigInterface[] =>
  raw.map((r) => {
    const f = r.fields;
    const flags = r.layout === "new" ? (f.flags ?? "").split(",").filter((x) => x !== "") : words(f.flags ?? "");
    const addresses = r.addresses.flatMap((a) => {
      const p = address(a);
      if (p === null) ctx.report(ctx.lineOf(r), `address without a value on interface ${r.name}`);
      return p ?? [];
    });
    const mac = f.HWaddr ?? (f.hwtype === "ether" ? f.hwaddr : undefined) ?? null;
    return {
      name: r.name,
      flags,
      flagsValue: f.flagsValue === undefined ? null : toInt(f.flagsValue),
      mtu: toInt(f.MTU ?? f.mtu),
      metric: toInt(f.Metric ?? f.metric),
      linkType: f["Link encap"] ?? f.linktype ?? null,
      mac: mac === null ? null : mac.toLowerCase(),
      txqueuelen: toInt(f.txqueuelen),
      addresses,
      rx: counters(f, "RX"),
      tx: counters(f, "TX"),
    };
  });

// Parse `ifconfig` output (net-tools old or new layout, busybox) into interfaces.
export const parseIfconfig = makeParser<IfconfigInterface[], RawIfconfigInterface[]>({
  name: "ifconfig",
  raw: rawIfconfig,
  process: processIfconfig,
  empty: () => [],
});
