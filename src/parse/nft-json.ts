// `nft -j list ruleset` parser (libnftables JSON, schema version 1): the same NftTable[] as the text parser.
//
// Usage:
//   parseNftJson(await nftListRulesetJson())   -> { value: NftTable[], problems }
//   docker-net-lab parse nft-json FILE [--raw]
//
// Raw stage: per table, its `table` object and the `chain`, `set`, `map` and `rule` objects naming it, as decoded,
// and the version `metainfo` names.
// Processed stage (NftTable, nft-model.ts): objects grouped into tables in order; each rule's `expr` turned into
// the model's expressions (`{"match": {"op": "in", "left": {"ct": {"key": "state"}}, "right": [...]}}` ->
// match `ct state == [established, related]`: JSON's flag test `in` is the text form's implicit equality), and
// `text` written as `nft list ruleset` prints the rule. Where nft's JSON says less than its text (rules
// iptables-nft made with xtables extensions print as `xt match "addrtype"` / `xt target "DNAT"` in JSON, but
// translated, `fib daddr type local` / `dnat to ...`, in text), the model keeps what the JSON says.
//
// Example:
//   input:
//     {"nftables": [{"table": {"family": "ip", "name": "docker-bridges", "handle": 1}},
//       {"chain": {"family": "ip", "table": "docker-bridges", "name": "nat-prerouting-and-output", "handle": 9}},
//       {"rule": {"family": "ip", "table": "docker-bridges", "chain": "nat-prerouting-and-output", "handle": 32, "comment": "DNAT",
//         "expr": [{"match": {"op": "!=", "left": {"meta": {"key": "iifname"}}, "right": "bridge1"}},
//                  {"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 8080}},
//                  {"counter": {"packets": 2, "bytes": 120}}, {"dnat": {"addr": "192.0.2.2", "port": 80}}]}}]}
//   output:
//     [{ "family": "ip", "name": "docker-bridges", "handle": 1, "flags": [], "sets": [], "chains": [{
//        "name": "nat-prerouting-and-output", "handle": 9, "hook": null, "comment": null, "rules": [{ "position": 1,
//        "handle": 32, "text": "iifname != \"bridge1\" tcp dport 8080 counter packets 2 bytes 120 dnat to 192.0.2.2:80 comment \"DNAT\"",
//        "verdict": null, "counter": { "packets": 2, "bytes": 120 }, "comment": "DNAT", "expr": [...] }] }] }]
import { decodeJson, isRecord, makeParser, str, toInt, type Ctx } from "./core.js";
import {
  makeRule,
  unqualifiedMeta,
  type NftChain,
  type NftExpr,
  type NftMapElement,
  type NftMatch,
  type NftRule,
  type NftSet,
  type NftTable,
  type NftVerdict,
} from "./nft-model.js";

/** One object of the `nftables` array, as decoded. */
export type RawNftJsonObject = Record<string, unknown>;

/** Raw table: its `table` object and the chain, set, map and rule objects that name it, as decoded, in order. */
export interface RawNftJsonTable {
  table: Record<string, unknown>;
  objects: RawNftJsonObject[];
  /** `metainfo.version` of the nft that printed it (`1.1.7`), or null: how nft prints some statements depends on it. */
  nftVersion: string | null;
}

const rawNftJson = (ctx: Ctx): RawNftJsonTable[] => {
  if (ctx.text.trim() === "") return [];
  const json = decodeJson(ctx);
  if (json === undefined) return [];
  const list = isRecord(json) && Array.isArray(json.nftables) ? json.nftables : Array.isArray(json) ? json : null;
  if (list === null) {
    ctx.report(1, 'expected `{"nftables": [...]}` (the output of `nft -j list ruleset`)');
    return [];
  }
  const tables = new Map<string, RawNftJsonTable>();
  let nftVersion: string | null = null;
  for (const [at, item] of list.entries()) {
    const [kind = "", body] = isRecord(item) && Object.keys(item).length === 1 ? (Object.entries(item)[0] ?? []) : [];
    if (kind === "metainfo") {
      nftVersion = isRecord(body) ? str(body.version) : null;
      for (const table of tables.values()) table.nftVersion = nftVersion;
      continue;
    }
    if (!isRecord(body)) {
      ctx.report(0, `nftables[${at}]: expected an object with one key (table, chain, set, map, rule...)`);
      continue;
    }
    const family = str(body.family) ?? "";
    const name = str(kind === "table" ? body.name : body.table) ?? "";
    const key = `${family} ${name}`;
    if (kind === "table") {
      tables.set(key, { table: body, objects: [], nftVersion });
      continue;
    }
    let table = tables.get(key);
    if (table === undefined) {
      ctx.report(0, `nftables[${at}]: ${kind} of table ${key}, which was not listed before it`);
      table = { table: { family, name }, objects: [], nftVersion };
      tables.set(key, table);
    }
    table.objects.push(item as RawNftJsonObject);
  }
  return [...tables.values()];
};

// Problems met while converting one object (reported by the caller with its index).
type Problems = string[];

// A JSON scalar value as nft prints it.
const scalar = (v: unknown): string | null => {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (!isRecord(v)) return null;
  if (isRecord(v.prefix)) return `${str(v.prefix.addr) ?? "?"}/${str(v.prefix.len) ?? "?"}`;
  if (Array.isArray(v.range)) return v.range.map(scalar).join("-");
  if (Array.isArray(v.concat)) return v.concat.map(scalar).join(" . ");
  if (isRecord(v.elem)) return scalar(v.elem.val);
  return null;
};

/** The selector a JSON left-hand side names, as nft prints it; null when it is not one the model knows. */
const selectorOf = (left: unknown): string | null => {
  if (!isRecord(left)) return null;
  const [kind, body] = Object.entries(left)[0] ?? [];
  if (!isRecord(body) && kind !== "concat") return null;
  const b = (body ?? {}) as Record<string, unknown>;
  switch (kind) {
    case "meta": {
      const key = str(b.key) ?? "";
      return unqualifiedMeta.has(key) ? key : `meta ${key}`;
    }
    case "payload":
      if (b.protocol !== undefined) return `${str(b.protocol)} ${str(b.field)}`;
      return `@${str(b.base)},${str(b.offset)},${str(b.len)}`;
    case "fib":
      return `fib ${(Array.isArray(b.flags) ? b.flags : [b.flags]).map(str).join(" . ")} ${str(b.result)}`;
    case "ct":
      return b.dir !== undefined ? `ct ${str(b.dir)} ${str(b.key)}` : `ct ${str(b.key)}`;
    case "exthdr":
      return `${str(b.name)} ${str(b.field)}`;
    case "tcp option":
      return `tcp option ${str(b.name)} ${str(b.field)}`;
    case "rt":
    case "socket":
    case "osf":
    case "ipsec":
      return `${kind} ${str(b.key)}`;
    case "concat":
      return Array.isArray(body) && body.every((part) => selectorOf(part) !== null) ? body.map(selectorOf).join(" . ") : null;
    default:
      return null;
  }
};

// `{"jump": {"target": "X"}}` and friends -> a verdict; null when it is not one.
const verdictOf = (v: unknown): NftVerdict | null => {
  if (!isRecord(v)) return null;
  const [kind, body] = Object.entries(v)[0] ?? [];
  if (kind === "accept" || kind === "drop" || kind === "continue" || kind === "return") return { kind, target: null, detail: null };
  if ((kind === "jump" || kind === "goto") && isRecord(body)) return { kind, target: str(body.target) ?? "", detail: null };
  if (kind === "reject") {
    const b = isRecord(body) ? body : {};
    const type = str(b.type);
    const how = str(b.expr);
    // Plain `reject` is an ICMP port-unreachable; nft prints nothing more for it.
    const detail =
      type === null || (how === "port-unreachable" && type !== "tcp reset")
        ? null
        : type === "tcp reset"
          ? "with tcp reset"
          : `with ${type} type ${how ?? ""}`.trim();
    return { kind: "reject", target: null, detail };
  }
  if (kind === "queue") {
    const b = isRecord(body) ? body : {};
    const parts = [
      ...(b.num !== undefined ? [`num ${scalar(b.num)}`] : []),
      ...(Array.isArray(b.flags) ? b.flags.map(str) : b.flags !== undefined ? [str(b.flags)] : []),
    ];
    return { kind: "queue", target: null, detail: parts.length ? parts.join(" ") : null };
  }
  return null;
};

// Right-hand side of a match -> values, anonymous set flag, named set.
const valuesOf = (right: unknown): Pick<NftMatch, "values" | "anonymousSet" | "set"> | null => {
  if (typeof right === "string" && right.startsWith("@")) return { values: [], anonymousSet: false, set: right.slice(1) };
  if (Array.isArray(right)) {
    const values = right.map(scalar);
    return values.every((v) => v !== null) ? { values: values as string[], anonymousSet: false, set: null } : null;
  }
  if (isRecord(right) && Array.isArray(right.set)) {
    const values = right.set.map(scalar);
    return values.every((v) => v !== null) ? { values: values as string[], anonymousSet: true, set: null } : null;
  }
  const one = scalar(right);
  return one === null ? null : { values: [one], anonymousSet: false, set: null };
};

const OPS: Readonly<Record<string, NftMatch["op"]>> = { "==": "==", in: "==", "!=": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=" };

// `{"log": {"prefix": "ssh "}}` -> `log prefix "ssh "` (options in nft's order).
const logText = (b: Record<string, unknown>): string =>
  [
    "log",
    ...["prefix", "level", "group", "snaplen", "queue-threshold"].flatMap((k) =>
      b[k] === undefined ? [] : [k === "prefix" ? `prefix "${str(b[k])}"` : `${k} ${scalar(b[k])}`],
    ),
    ...(b.flags !== undefined ? [`flags ${(Array.isArray(b.flags) ? b.flags : [b.flags]).map(str).join(",")}`] : []),
  ].join(" ");

// `{"limit": {"rate": 10, "burst": 5, "per": "second"}}` -> `limit rate 10/second`; nft 1.0 omits the default burst of
// 5 packets, nft 1.1 prints it (`... burst 5 packets`), so the text follows the version that printed the JSON.
const limitText = (b: Record<string, unknown>, nftVersion: string | null): string => {
  const unit = b.rate_unit !== undefined && b.rate_unit !== "packets" ? ` ${str(b.rate_unit)}` : "";
  const printsDefault = nftVersion !== null && !/^0\.|^1\.0\./.test(nftVersion);
  const isDefault = Number(b.burst) === 5 && (b.burst_unit === undefined || b.burst_unit === "packets");
  const burst = b.burst !== undefined && (printsDefault || !isDefault) ? ` burst ${scalar(b.burst)} ${str(b.burst_unit) ?? "packets"}` : "";
  return `limit rate ${b.inv === true ? "over " : ""}${scalar(b.rate)}${unit}/${str(b.per)}${burst}`;
};

// A mangle value as nft prints it (marks in hex, 8 digits).
const mangleValue = (selector: string, value: unknown): string =>
  /(^|\s)mark$/.test(selector) && typeof value === "number" ? `0x${value.toString(16).padStart(8, "0")}` : (scalar(value) ?? JSON.stringify(value));

// NAT statement body -> the model's fields; null when its address is an expression the model does not read.
const natOf = (type: "dnat" | "snat" | "masquerade" | "redirect", body: unknown): NftExpr | null => {
  const b = isRecord(body) ? body : {};
  const address = b.addr === undefined ? null : scalar(b.addr);
  if (b.addr !== undefined && address === null) return null;
  const port = b.port === undefined ? null : scalar(b.port);
  const flags = b.flags === undefined ? [] : (Array.isArray(b.flags) ? b.flags : [b.flags]).map((f) => str(f) ?? "");
  return { kind: "nat", type, family: str(b.family), address, port, flags };
};

/** One JSON expression -> a model expression; problems for what it cannot read (kept as a statement). */
const exprOf = (e: unknown, problems: Problems, nftVersion: string | null = null): NftExpr => {
  const fallback = (why: string): NftExpr => {
    problems.push(why);
    return { kind: "statement", text: JSON.stringify(e) };
  };
  if (!isRecord(e)) return fallback(`expression is not an object: ${JSON.stringify(e)}`);
  const [kind = "", body] = Object.entries(e)[0] ?? [];
  const verdict = verdictOf(e);
  if (verdict !== null) return { kind: "verdict", verdict };
  const b = isRecord(body) ? body : {};
  switch (kind) {
    case "match": {
      const selector = selectorOf(b.left);
      const values = valuesOf(b.right);
      const op = OPS[str(b.op) ?? "=="];
      if (selector === null || values === null || op === undefined) return fallback(`match not understood: ${JSON.stringify(body)}`);
      return { kind: "match", selector, op, ...values };
    }
    case "counter":
      if (typeof body === "string") return { kind: "statement", text: `counter name "${body}"` };
      return { kind: "counter", packets: toInt(b.packets), bytes: toInt(b.bytes) };
    case "dnat":
    case "snat":
    case "masquerade":
    case "redirect":
      return natOf(kind, body) ?? fallback(`${kind} with an address the model does not read: ${JSON.stringify(body)}`);
    case "vmap": {
      const selector = selectorOf(b.key);
      if (selector === null) return fallback(`vmap key not understood: ${JSON.stringify(b.key)}`);
      if (typeof b.data === "string") return { kind: "vmap", selector, map: b.data.replace(/^@/, ""), elements: [] };
      const set = isRecord(b.data) && Array.isArray(b.data.set) ? b.data.set : null;
      const elements = set?.map((pair) => (Array.isArray(pair) ? { key: scalar(pair[0]) ?? "", verdict: verdictOf(pair[1]), value: null } : null));
      if (!elements || elements.some((el) => el === null)) return fallback(`vmap data not understood: ${JSON.stringify(b.data)}`);
      return { kind: "vmap", selector, map: null, elements: elements as NftMapElement[] };
    }
    case "log":
      return { kind: "statement", text: logText(b) };
    case "limit":
      return { kind: "statement", text: limitText(b, nftVersion) };
    case "notrack":
      return { kind: "statement", text: "notrack" };
    case "mangle": {
      const selector = selectorOf(b.key);
      if (selector === null) return fallback(`mangle key not understood: ${JSON.stringify(b.key)}`);
      return { kind: "statement", text: `${selector} set ${mangleValue(selector, b.value)}` };
    }
    case "xt": {
      const name = str(b.name) ?? "";
      if (b.type === "match") return { kind: "match", selector: "xt match", op: "==", values: [name], anonymousSet: false, set: null };
      return { kind: "statement", text: `xt ${str(b.type) ?? "target"} "${name}"` };
    }
    default:
      return fallback(`statement \`${kind}\` is not modelled (kept as its JSON)`);
  }
};

// Set or map elements from JSON.
const elementsOf = (elem: unknown, isMap: boolean): NftMapElement[] | null => {
  if (elem === undefined) return [];
  if (!Array.isArray(elem)) return null;
  const out: NftMapElement[] = [];
  for (const item of elem) {
    if (isMap) {
      if (!Array.isArray(item)) return null;
      const key = scalar(item[0]);
      if (key === null) return null;
      const verdict = verdictOf(item[1]);
      out.push({ key, verdict, value: verdict === null ? scalar(item[1]) : null });
    } else {
      const key = scalar(item);
      if (key === null) return null;
      out.push({ key, verdict: null, value: null });
    }
  }
  return out;
};

// One chain, set, map or rule object into the table being built.
const addObject = (
  table: { chains: Map<string, { chain: Omit<NftChain, "rules">; rules: NftRule[] }>; sets: NftSet[]; label: string; nftVersion: string | null },
  item: RawNftJsonObject,
  ctx: Ctx,
): void => {
  const [kind = "", body = {}] = Object.entries(item)[0] ?? [];
  const b = body as Record<string, unknown>;
  if (kind === "chain") {
    const name = str(b.name) ?? "";
    const hook =
      b.hook !== undefined
        ? {
            type: str(b.type) ?? "",
            hook: str(b.hook) ?? "",
            priority: toInt(b.prio) ?? 0,
            policy: str(b.policy) ?? "accept",
            device: str(b.dev),
          }
        : null;
    table.chains.set(name, { chain: { name, handle: toInt(b.handle), hook, comment: str(b.comment) }, rules: table.chains.get(name)?.rules ?? [] });
  } else if (kind === "set" || kind === "map") {
    const type = Array.isArray(b.type) ? b.type.map(str).join(" . ") : (str(b.type) ?? "");
    const elements = elementsOf(b.elem, kind === "map");
    if (elements === null) ctx.report(0, `${table.label}: elements of ${kind} ${str(b.name)} not understood`);
    table.sets.push({
      kind,
      name: str(b.name) ?? "",
      handle: toInt(b.handle),
      type,
      mapType: kind === "map" ? str(b.map) : null,
      flags: Array.isArray(b.flags) ? b.flags.map((f) => str(f) ?? "") : [],
      elements: elements ?? [],
    });
  } else if (kind === "rule") {
    const chainName = str(b.chain) ?? "";
    let entry = table.chains.get(chainName);
    if (entry === undefined) {
      ctx.report(0, `${table.label}: rule for chain ${chainName}, which was not listed before it`);
      entry = { chain: { name: chainName, handle: null, hook: null, comment: null }, rules: [] };
      table.chains.set(chainName, entry);
    }
    const problems: Problems = [];
    const expr = Array.isArray(b.expr) ? b.expr.map((e) => exprOf(e, problems, table.nftVersion)) : [];
    if (!Array.isArray(b.expr)) problems.push("rule without an `expr` array");
    for (const p of problems) ctx.report(0, `${table.label} ${chainName} (rule handle ${str(b.handle) ?? "?"}): ${p}`);
    entry.rules.push(makeRule(entry.rules.length + 1, toInt(b.handle), expr, str(b.comment)));
  } else ctx.report(0, `${table.label}: ${kind} objects are not read (only chains, sets, maps and rules)`);
};

const processNftJson = (raw: RawNftJsonTable[], ctx: Ctx): NftTable[] =>
  raw.map(({ table, objects, nftVersion }) => {
    const family = str(table.family) ?? "";
    const name = str(table.name) ?? "";
    const building = {
      chains: new Map<string, { chain: Omit<NftChain, "rules">; rules: NftRule[] }>(),
      sets: [] as NftSet[],
      label: `table ${family} ${name}`,
      nftVersion,
    };
    for (const item of objects) addObject(building, item, ctx);
    const flags = Array.isArray(table.flags) ? table.flags.map((f) => str(f) ?? "") : table.flags !== undefined ? [str(table.flags) ?? ""] : [];
    return {
      family,
      name,
      handle: toInt(table.handle),
      flags,
      chains: [...building.chains.values()].map(({ chain, rules }) => ({ ...chain, rules })),
      sets: building.sets,
    };
  });

// Parse `nft -j list ruleset` JSON.
export const parseNftJson = makeParser<NftTable[], RawNftJsonTable[]>({ name: "nft-json", raw: rawNftJson, process: processNftJson, empty: () => [] });
