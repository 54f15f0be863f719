// The nftables model both nft parsers produce (`nft list ruleset` text and `nft -j list ruleset` JSON), and the
// one function that writes a rule back as nft prints it. A rule is an ordered list of expressions (matches,
// counter, NAT, verdict map, verdict, other statements), so text and JSON of the same ruleset give one value.

/** `ip`, `ip6`, `inet`, `arp`, `bridge` or `netdev`. */
export type NftFamily = string;

/** A verdict: `accept`, `drop`, `reject [with ...]`, `return`, `continue`, `jump X`, `goto X`, `queue ...`. */
export interface NftVerdict {
  readonly kind: "accept" | "drop" | "reject" | "return" | "continue" | "jump" | "goto" | "queue";
  /** Chain of `jump` / `goto`, else null. */
  readonly target: string | null;
  /** `with tcp reset`, `with icmpx type admin-prohibited`, `num 1 bypass`; null when nft prints none. */
  readonly detail: string | null;
}

/** `SELECTOR [OP] VALUE`: `iifname != "docker0"`, `ip saddr 172.17.0.0/16`, `tcp dport { 80, 443 }`, `ip saddr @blocked`. */
export interface NftMatch {
  readonly kind: "match";
  /** What is compared, as nft prints it: `iifname`, `ip daddr`, `tcp dport`, `fib daddr type`, `ct state`, `meta l4proto`, `xt match`. */
  readonly selector: string;
  /** `==` (also nft's implicit equality and JSON's flag test `in`), `!=`, `<`, `>`, `<=`, `>=`. */
  readonly op: "==" | "!=" | "<" | ">" | "<=" | ">=";
  /** Values without quotes: `docker0`, `172.17.0.0/16`, `8080-8090`, `established` + `related`, `br-*`. Empty with `set`. */
  readonly values: readonly string[];
  /** True for an anonymous set `{ a, b }` (false for a flag list `established,related` and for one value). */
  readonly anonymousSet: boolean;
  /** Named set the value refers to (`@blocked` -> `blocked`), else null. */
  readonly set: string | null;
}

/** `counter packets N bytes M` (null numbers: a counter printed without its values). */
export interface NftCounter {
  readonly kind: "counter";
  readonly packets: number | null;
  readonly bytes: number | null;
}

/** `dnat to 192.0.2.2:80`, `snat ip to 10.0.0.1`, `masquerade`, `redirect to :8080`. */
export interface NftNat {
  readonly kind: "nat";
  readonly type: "dnat" | "snat" | "masquerade" | "redirect";
  /** `ip` / `ip6` when printed (`dnat ip to ...` in inet tables), else null. */
  readonly family: string | null;
  /** Address without brackets (`fd00:db8:1::2`), null when none (masquerade, redirect). */
  readonly address: string | null;
  /** Port or range as printed (`80`, `1024-65535`), null when none. */
  readonly port: string | null;
  /** `random`, `persistent`, `fully-random`. */
  readonly flags: readonly string[];
}

/** `oifname vmap @filter-forward-in-jumps` or an inline `vmap { "docker0" : jump X }`. */
export interface NftVmap {
  readonly kind: "vmap";
  readonly selector: string;
  /** Named map (`@name` -> `name`), null for an inline map. */
  readonly map: string | null;
  readonly elements: readonly NftMapElement[];
}

/** A verdict after the rule's matches. */
export interface NftVerdictExpr {
  readonly kind: "verdict";
  readonly verdict: NftVerdict;
}

/** Any other statement (`log prefix "ssh "`, `limit rate 10/second`, `meta mark set 0x00000001`, `notrack`), as nft prints it. */
export interface NftStatement {
  readonly kind: "statement";
  readonly text: string;
}

/** One expression of a rule, in order. */
export type NftExpr = NftMatch | NftCounter | NftNat | NftVmap | NftVerdictExpr | NftStatement;

/** One rule of a chain. */
export interface NftRule {
  /** 1-based position in its chain. */
  readonly position: number;
  /** `# handle N` (`nft -a`, always in JSON), null when not printed. */
  readonly handle: number | null;
  /** The rule as nft prints it (without `# handle`), written from `expr` and `comment` (the same for text and JSON). */
  readonly text: string;
  readonly expr: readonly NftExpr[];
  /** The rule's verdict (the last one in `expr`), null when it has none (the packet goes on). */
  readonly verdict: NftVerdict | null;
  /** The rule's counter, null without `counter`. */
  readonly counter: { readonly packets: number | null; readonly bytes: number | null } | null;
  readonly comment: string | null;
}

/** A base chain's hook: `type filter hook forward priority filter; policy accept;`. */
export interface NftHook {
  /** `filter`, `nat`, `route`. */
  readonly type: string;
  /** `prerouting`, `input`, `forward`, `output`, `postrouting`, `ingress`, `egress`. */
  readonly hook: string;
  /** Number (`raw` -300, `mangle` -150, `dstnat` -100, `filter` 0, `security` 50, `srcnat` 100; `filter - 1` -1). */
  readonly priority: number;
  /** `accept` / `drop`. */
  readonly policy: string;
  /** Device of an ingress/egress (netdev) chain, else null. */
  readonly device: string | null;
}

/** A chain; base chains have a hook. */
export interface NftChain {
  readonly name: string;
  readonly handle: number | null;
  readonly hook: NftHook | null;
  readonly comment: string | null;
  readonly rules: readonly NftRule[];
}

/** One element of a set (`203.0.113.0/24`) or map (`"docker0" : jump X`). */
export interface NftMapElement {
  readonly key: string;
  /** Verdict of a verdict map's element, else null. */
  readonly verdict: NftVerdict | null;
  /** Data of a data map's element (`10.0.0.1`), else null. */
  readonly value: string | null;
}

/** A named set or map. */
export interface NftSet {
  readonly kind: "set" | "map";
  readonly name: string;
  readonly handle: number | null;
  /** Key type: `ifname`, `ipv4_addr`, `inet_service`, `ipv4_addr . inet_service`, or `typeof ...`. */
  readonly type: string;
  /** Data type of a map: `verdict`, `ipv4_addr`...; null for a set. */
  readonly mapType: string | null;
  readonly flags: readonly string[];
  readonly elements: readonly NftMapElement[];
}

/** A table with its chains, sets and maps. */
export interface NftTable {
  readonly family: NftFamily;
  readonly name: string;
  readonly handle: number | null;
  readonly flags: readonly string[];
  readonly chains: readonly NftChain[];
  readonly sets: readonly NftSet[];
}

/** Standard priority names, per nft(8) "Standard priority names" (the bridge family uses others). */
export const priorityNames: Readonly<Record<string, number>> = {
  raw: -300,
  mangle: -150,
  dstnat: -100,
  filter: 0,
  security: 50,
  srcnat: 100,
  out: 100,
  in: -200,
};

/** Selectors nft prints without the `meta` keyword. */
export const unqualifiedMeta: ReadonlySet<string> = new Set(["iifname", "oifname", "iif", "oif", "iifgroup", "oifgroup"]);

// Selectors whose values are strings nft prints in quotes.
const quoted = (selector: string): boolean =>
  /(^|\s)(iifname|oifname|iif|oif|ibrname|obrname|ibriport|obriport)$/.test(selector) || selector === "xt match" || selector === "xt target";

// A value as nft prints it.
const valueText = (selector: string, value: string): string => (quoted(selector) ? `"${value}"` : value);

/** A verdict as nft prints it. */
export const verdictText = (v: NftVerdict): string => [v.kind, v.target, v.detail].filter((part) => part !== null && part !== "").join(" ");

// One expression as nft prints it.
const exprText = (e: NftExpr): string => {
  switch (e.kind) {
    case "match": {
      const value =
        e.set !== null
          ? `@${e.set}`
          : e.anonymousSet
            ? `{ ${e.values.map((v) => valueText(e.selector, v)).join(", ")} }`
            : e.values.map((v) => valueText(e.selector, v)).join(",");
      return `${e.selector} ${e.op === "==" ? "" : `${e.op} `}${value}`;
    }
    case "counter":
      return e.packets === null ? "counter" : `counter packets ${e.packets} bytes ${e.bytes ?? 0}`;
    case "nat": {
      const address = e.address === null ? "" : e.address.includes(":") && e.port !== null ? `[${e.address}]` : e.address;
      const to = address !== "" || e.port !== null ? ` to ${address}${e.port !== null ? `:${e.port}` : ""}` : "";
      return [`${e.type}${e.family !== null ? ` ${e.family}` : ""}${to}`, ...e.flags].join(" ");
    }
    case "vmap":
      return `${e.selector} vmap ${e.map !== null ? `@${e.map}` : `{ ${e.elements.map((el) => `${valueText(e.selector, el.key)} : ${el.verdict ? verdictText(el.verdict) : (el.value ?? "")}`).join(", ")} }`}`;
    case "verdict":
      return verdictText(e.verdict);
    case "statement":
      return e.text;
  }
};

/** A rule as nft prints it (without `# handle`). */
export const ruleText = (expr: readonly NftExpr[], comment: string | null): string =>
  [...expr.map(exprText), ...(comment !== null ? [`comment "${comment}"`] : [])].join(" ");

/** Build a rule from its expressions: verdict and counter picked out, text written. */
export const makeRule = (position: number, handle: number | null, expr: readonly NftExpr[], comment: string | null): NftRule => {
  const verdicts = expr.filter((e): e is NftVerdictExpr => e.kind === "verdict");
  const counter = expr.find((e): e is NftCounter => e.kind === "counter");
  return {
    position,
    handle,
    text: ruleText(expr, comment),
    expr,
    verdict: verdicts.at(-1)?.verdict ?? null,
    counter: counter ? { packets: counter.packets, bytes: counter.bytes } : null,
    comment,
  };
};

/** `-300`, `raw`, `filter - 1`, `dstnat + 10` -> a number; null when it is neither a number nor a known name. */
export const priorityValue = (text: string): number | null => {
  const m = /^\s*(-?\d+|[a-z]+)\s*(?:([+-])\s*(\d+))?\s*$/.exec(text);
  if (m === null) return null;
  const base = /^-?\d+$/.test(m[1] ?? "") ? Number(m[1]) : priorityNames[m[1] ?? ""];
  if (base === undefined) return null;
  const offset = m[3] === undefined ? 0 : Number(m[3]) * (m[2] === "-" ? -1 : 1);
  return base + offset;
};
