// nftables parsers: text and JSON of the same moment give one value, rules read back as nft printed them,
// and the odd shapes nft prints (priority names, flag lists, inline maps, blocks the model does not read).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNft, parseNftJson, priorityValue, type NftTable } from "../../src/parse/index.js";

const fixture = (format: "nft" | "nft-json", name: string): string => readFileSync(new URL(`../fixtures/parse/${format}/${name}.txt`, import.meta.url), "utf8");
const rules = (tables: readonly NftTable[]) =>
  tables.flatMap((t) => t.chains.flatMap((c) => c.rules.map((r) => ({ where: `${t.family} ${t.name} ${c.name}`, rule: r }))));

// Recorded with nft 1.0.6 (Debian 12) and nft 1.1.7 (Debian sid root), the same layouts (test/fixtures/nft-layouts).
const versions = ["1.0.6", "1.1.7"] as const;

describe.each(versions)("nft %s: text and nft -j JSON of the same moment", (v) => {
  it("parseNft(nft -a list ruleset) equals parseNftJson(nft -j list ruleset) for Docker's docker-bridges tables, handles included", () => {
    const text = parseNft(fixture("nft", `docker-bridges-handles--nft-${v}`));
    const json = parseNftJson(fixture("nft-json", `docker-bridges-counters--nft-${v}`));
    expect(text.problems).toEqual([]);
    expect(json.problems).toEqual([]);
    expect(text.value).toEqual(json.value);
  });

  it("beside iptables-nft, the two differ only where nft's JSON names an xtables extension that its text shows translated", () => {
    const text = rules(parseNft(fixture("nft", `mixed-iptables-nft-handles--nft-${v}`)).value);
    const json = rules(parseNftJson(fixture("nft-json", `mixed-iptables-nft--nft-${v}`)).value);
    expect(json.map((r) => r.where)).toEqual(text.map((r) => r.where));
    const differing = json.filter((r, i) => JSON.stringify(r.rule) !== JSON.stringify(text[i]?.rule));
    // iptables-nft 1.8.13 (sid) puts the address match first in its translations, 1.8.9 (Debian 12) the interface.
    const masquerade = (subnet: string, bridge: string) =>
      v === "1.0.6" ? `oifname != "${bridge}" ip saddr ${subnet}` : `ip saddr ${subnet} oifname != "${bridge}"`;
    expect(differing.map((r) => r.rule.text)).toEqual([
      'xt match "addrtype" counter packets 7 bytes 420 jump DOCKER',
      'ip daddr != 127.0.0.0/8 xt match "addrtype" counter packets 1 bytes 60 jump DOCKER',
      `${masquerade("10.10.0.0/24", "br-0123456789ab")} counter packets 3 bytes 180 xt target "MASQUERADE"`,
      `${masquerade("172.17.0.0/16", "docker0")} counter packets 4 bytes 240 xt target "MASQUERADE"`,
      'iifname != "docker0" tcp dport 8080 counter packets 2 bytes 120 xt target "DNAT"',
      'oifname "br-0123456789ab" xt match "conntrack" counter packets 5 bytes 300 accept',
      'oifname "docker0" xt match "conntrack" counter packets 5 bytes 300 accept',
    ]);
    expect(text.find((r) => r.where === "ip nat DOCKER")?.rule.text).toBe(
      'iifname != "docker0" tcp dport 8080 counter packets 2 bytes 120 dnat to 172.17.0.2:80',
    );
  });

  it("a limit's default burst is printed as that nft version prints it (1.0 omits it, 1.1 prints it) in text and JSON alike", () => {
    const limit = rules(parseNftJson(fixture("nft-json", `mixed-iptables-nft--nft-${v}`)).value).find((r) => r.rule.text.includes("limit"));
    expect(limit?.rule.text).toBe(
      v === "1.0.6" ? "icmp type echo-request limit rate 10/second accept" : "icmp type echo-request limit rate 10/second burst 5 packets accept",
    );
  });
});

describe("parseNft reads every recorded rule back exactly as nft printed it", () => {
  for (const v of versions) {
    for (const name of ["docker-bridges-counters", "docker-bridges-handles", "docker-bridges-noproxy-internal", "mixed-iptables-nft"]) {
      it(`every rule's text in ${name}--nft-${v} is its printed line`, () => {
        const input = fixture("nft", `${name}--nft-${v}`);
        const printed = new Set(input.split("\n").map((line) => line.replace(/ # handle \d+$/, "").trim()));
        const read = rules(parseNft(input).value);
        expect(read.length).toBeGreaterThan(10);
        expect(read.filter((r) => !printed.has(r.rule.text)).map((r) => r.rule.text)).toEqual([]);
      });
    }
  }
  it("nft 1.1 names the nat output priority `dstnat` where 1.0 printed -100: both read as -100", () => {
    const hooks = versions.map(
      (v) => parseNft(fixture("nft", `docker-bridges-counters--nft-${v}`)).value[0]?.chains.find((c) => c.name === "nat-OUTPUT")?.hook?.priority,
    );
    expect(hooks).toEqual([-100, -100]);
    expect(fixture("nft", "docker-bridges-counters--nft-1.1.7")).toContain("type nat hook output priority dstnat;");
  });
});

describe("parseNft on Docker's layout", () => {
  const [ip, ip6] = parseNft(fixture("nft", "docker-bridges-counters--nft-1.0.6")).value;

  it("finds both docker-bridges tables and the base chains with their hooks and numeric priorities", () => {
    expect([ip?.family, ip?.name, ip6?.family, ip6?.name]).toEqual(["ip", "docker-bridges", "ip6", "docker-bridges"]);
    const hooks = Object.fromEntries(
      (ip?.chains ?? []).filter((c) => c.hook).map((c) => [c.name, `${c.hook?.type} ${c.hook?.hook} ${c.hook?.priority} ${c.hook?.policy}`]),
    );
    expect(hooks).toEqual({
      "filter-FORWARD": "filter forward 0 accept",
      "nat-OUTPUT": "nat output -100 accept",
      "nat-POSTROUTING": "nat postrouting 100 accept",
      "nat-PREROUTING": "nat prerouting -100 accept",
      "raw-PREROUTING": "filter prerouting -300 accept",
    });
    expect(ip6?.chains.find((c) => c.name === "filter-FORWARD")?.hook?.policy).toBe("drop");
  });

  it("reads the raw-PREROUTING drop with its counter, the DNAT target and the verdict maps' elements", () => {
    const raw = ip?.chains.find((c) => c.name === "raw-PREROUTING")?.rules[0];
    expect(raw?.verdict).toEqual({ kind: "drop", target: null, detail: null });
    expect(raw?.counter).toEqual({ packets: 3, bytes: 204 });
    expect(raw?.expr.filter((e) => e.kind === "match")).toEqual([
      { kind: "match", selector: "ip daddr", op: "==", values: ["192.0.2.2"], anonymousSet: false, set: null },
      { kind: "match", selector: "iifname", op: "!=", values: ["bridge1"], anonymousSet: false, set: null },
    ]);
    const dnat = ip?.chains.find((c) => c.name === "nat-prerouting-and-output")?.rules[0];
    expect(dnat?.expr.find((e) => e.kind === "nat")).toEqual({ kind: "nat", type: "dnat", family: null, address: "192.0.2.2", port: "80", flags: [] });
    expect(ip?.sets.find((s) => s.name === "filter-forward-in-jumps")?.elements).toEqual([
      { key: "docker0", verdict: { kind: "jump", target: "filter-forward-in__docker0", detail: null }, value: null },
      { key: "bridge1", verdict: { kind: "jump", target: "filter-forward-in__bridge1", detail: null }, value: null },
    ]);
  });

  it("reads an IPv6 DNAT target in brackets and a ct state flag list", () => {
    const mixed6 = parseNft(fixture("nft", "mixed-iptables-nft--nft-1.0.6")).value.find((t) => t.family === "ip6");
    const dnat = mixed6?.chains.find((c) => c.name === "nat-prerouting-and-output")?.rules[0];
    expect(dnat?.expr.find((e) => e.kind === "nat")).toMatchObject({ address: "fd00:db8:1::2", port: "80" });
    expect(dnat?.text).toContain("dnat to [fd00:db8:1::2]:80");
    const ct = mixed6?.chains[0]?.rules[0]?.expr[0];
    expect(ct).toEqual({ kind: "match", selector: "ct state", op: "==", values: ["established", "related"], anonymousSet: false, set: null });
  });
});

describe("nft odd shapes (inline regressions)", () => {
  it("priorityValue reads numbers, names and `name +/- n`", () => {
    expect([
      priorityValue("-300"),
      priorityValue("raw"),
      priorityValue("filter - 1"),
      priorityValue("dstnat"),
      priorityValue("srcnat + 10"),
      priorityValue("loud"),
    ]).toEqual([-300, -300, -1, -100, 110, null]);
  });

  it("an inline vmap, a named set, a concatenation and `reject with icmpx type ...` are read and printed back", () => {
    const text = [
      "table inet t {",
      "\tchain c {",
      '\t\tiifname vmap { "eth0" : accept, "eth1" : jump other }',
      "\t\tip saddr . tcp dport { 10.0.0.1 . 22, 10.0.0.2 . 80 } accept",
      "\t\tct original saddr 10.0.0.0/8 reject with icmpx type admin-prohibited",
      "\t}",
      "\tchain other {",
      "\t}",
      "}",
    ].join("\n");
    const { value, problems } = parseNft(text);
    expect(problems).toEqual([]);
    const [vmap, concat, reject] = value[0]?.chains[0]?.rules ?? [];
    expect(vmap?.expr[0]).toEqual({
      kind: "vmap",
      selector: "iifname",
      map: null,
      elements: [
        { key: "eth0", verdict: { kind: "accept", target: null, detail: null }, value: null },
        { key: "eth1", verdict: { kind: "jump", target: "other", detail: null }, value: null },
      ],
    });
    expect(vmap?.text).toBe('iifname vmap { "eth0" : accept, "eth1" : jump other }');
    expect(concat?.expr[0]).toMatchObject({ selector: "ip saddr . tcp dport", values: ["10.0.0.1 . 22", "10.0.0.2 . 80"], anonymousSet: true });
    expect(reject?.verdict).toEqual({ kind: "reject", target: null, detail: "with icmpx type admin-prohibited" });
    expect(reject?.text).toBe("ct original saddr 10.0.0.0/8 reject with icmpx type admin-prohibited");
  });

  it("a flowtable is reported once at its first line, a statement it cannot read is kept as text and reported, a cut table is reported", () => {
    const text = [
      "table inet t {",
      "\tflowtable f {",
      "\t\thook ingress priority filter",
      '\t\tdevices = { "eth0" }',
      "\t}",
      "\tchain c {",
      "\t\tip saddr 10.0.0.1 frobnicate 3 accept",
      "\t}",
    ].join("\n");
    const { value, problems } = parseNft(text);
    expect(problems.map((p) => [p.line, p.message.split(":")[0]])).toEqual([
      [2, "flowtable f"],
      [7, "not understood from `frobnicate` on (kept as text)"],
      [8, "table inet t is not closed with `}` (truncated output?)"],
    ]);
    expect(value[0]?.chains[0]?.rules[0]?.expr.at(-1)).toEqual({ kind: "statement", text: "frobnicate 3 accept" });
  });

  it("parseNftJson reports an object kind it does not read and a rule for an unlisted chain, and keeps the rest", () => {
    const json = JSON.stringify({
      nftables: [
        { metainfo: { version: "1.1.3", json_schema_version: 1 } },
        { table: { family: "ip", name: "t", handle: 1 } },
        { flowtable: { family: "ip", table: "t", name: "f" } },
        { rule: { family: "ip", table: "t", chain: "c", handle: 4, expr: [{ accept: null }] } },
      ],
    });
    const { value, problems } = parseNftJson(json);
    expect(problems.map((p) => p.message)).toEqual([
      "table ip t: flowtable objects are not read (only chains, sets, maps and rules)",
      "table ip t: rule for chain c, which was not listed before it",
    ]);
    expect(value[0]?.chains[0]?.rules[0]?.text).toBe("accept");
  });

  it("parseNftJson says what it expected when given another tool's JSON", () => {
    expect(parseNftJson('{"ifname": "eth0"}').problems.map((p) => p.message)).toEqual(['expected `{"nftables": [...]}` (the output of `nft -j list ruleset`)']);
  });
});
