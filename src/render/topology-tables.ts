// Tables of a topology as HTML (and plain text): interfaces, routes, NAT. Pure and deterministic.
import { endpoint, type NamespaceNode, type Topology } from "../topology/model.js";
import { display, escapeHtml, type MimeBundle } from "./display.js";

const defaults = {
  style: "border-collapse:collapse;font-size:12px;font-family:monospace",
  cell: "border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top",
} as const;

/** A table: header and rows of cells (text). */
export interface TextTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface TableOptions {
  /** Only these namespaces (ids `host`, `container:web`, `netns:x`, or container / namespace names). */
  readonly namespaces?: readonly string[];
}

// Namespaces selected by the options.
const selected = (topology: Topology, options: TableOptions): NamespaceNode[] => {
  if (!options.namespaces) return [...topology.namespaces];
  const wanted = new Set(options.namespaces);
  return topology.namespaces.filter((ns) => wanted.has(ns.id) || wanted.has(ns.name) || ns.containers.some((c) => wanted.has(c)));
};

/** Interfaces of each namespace: index, name, kind, the other end of its link, master, state, MAC, addresses. */
export const interfacesTable = (topology: Topology, options: TableOptions = {}): TextTable => {
  const other = new Map<string, string>();
  for (const link of topology.links) {
    if (link.kind === "bridge-port") continue;
    other.set(link.b, `${link.kind} ${link.a}`);
    other.set(link.a, `${link.kind} ${link.b}`);
  }
  const rows = selected(topology, options).flatMap((ns) =>
    ns.interfaces.map((i) => [
      ns.id,
      String(i.ifindex),
      i.name,
      i.kind ?? i.linkType,
      other.get(endpoint(ns.id, i.name)) ?? (i.peerIfindex !== null ? `@if${i.peerIfindex}` : ""),
      i.master ?? "",
      i.operstate,
      i.mac ?? "",
      i.addresses.map((a) => `${a.address}/${a.prefix}`).join(" "),
    ]),
  );
  return { title: "Interfaces", header: ["namespace", "ifindex", "name", "kind", "other end", "master", "state", "MAC", "addresses"], rows };
};

/** Routes of each namespace (main table). */
export const routesTable = (topology: Topology, options: TableOptions = {}): TextTable => ({
  title: "Routes",
  header: ["namespace", "destination", "gateway", "dev", "src", "protocol", "scope"],
  rows: selected(topology, options).flatMap((ns) => ns.routes.map((r) => [ns.id, r.dst, r.gateway ?? "", r.dev ?? "", r.src ?? "", r.protocol ?? "", r.scope])),
});

/** NAT and filtering: published ports with their rules, MASQUERADE per subnet, isolation rules, with counters. */
export const natTable = (topology: Topology): TextTable => {
  const nat = topology.nat;
  if (!nat) return { title: "NAT (iptables not read)", header: ["what"], rows: [] };
  const counted = (r: { packets: number } | null): string => (r ? String(r.packets) : "");
  return {
    title: `NAT and filtering (filter FORWARD policy ${nat.filter.forwardPolicy ?? "?"})`,
    header: ["what", "match", "to", "rule", "packets"],
    rows: [
      ...nat.published.map((p) => [
        "published port",
        `${p.protocol} ${p.hostIp}:${p.hostPort}`,
        `${p.container} ${p.containerIp}:${p.containerPort}`,
        [p.dnat?.text ?? (p.hostIp.includes(":") ? "(IPv6 binding: ip6tables not read)" : "(no DNAT rule)"), p.proxyPid ? `docker-proxy pid ${p.proxyPid}` : ""]
          .filter(Boolean)
          .join("\n"),
        counted(p.dnat),
      ]),
      ...nat.published
        .filter((p) => p.hairpin)
        .map((p) => ["hairpin", `${p.containerIp} -> ${p.containerIp}:${p.containerPort}`, "MASQUERADE", p.hairpin?.text ?? "", counted(p.hairpin)]),
      ...nat.masquerade.map((m) => [
        "masquerade",
        `from ${m.subnet}${m.exceptOut ? ` not out ${m.exceptOut}` : ""}`,
        m.network ?? "",
        m.rule.text,
        counted(m.rule),
      ]),
      ...nat.filter.isolation.map((r) => ["isolation", r.chain, r.target, r.text, counted(r)]),
    ],
  };
};

/** A table as HTML. */
export const tableHtml = (table: TextTable): string => {
  const head = table.header.map((h) => `<th style="${defaults.cell}">${escapeHtml(h)}</th>`).join("");
  const body = table.rows
    .map((row) => `<tr>${row.map((cell) => `<td style="${defaults.cell}">${escapeHtml(cell).replaceAll("\n", "<br>")}</td>`).join("")}</tr>`)
    .join("");
  return `<table class="dnl-table" style="${defaults.style}"><caption style="text-align:left;font-weight:bold">${escapeHtml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
};

/** A table as aligned text. */
export const tableText = (table: TextTable): string => {
  const cells = [table.header, ...table.rows].map((row) => row.map((cell) => cell.replaceAll("\n", " | ")));
  const widths = table.header.map((_, i) => Math.min(60, Math.max(...cells.map((row) => (row[i] ?? "").length))));
  return [
    table.title,
    ...cells.map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    ),
  ].join("\n");
};

/** MIME bundle of the three tables. */
export const tablesBundle = (topology: Topology, options: TableOptions = {}): MimeBundle => {
  const tables = [interfacesTable(topology, options), routesTable(topology, options), natTable(topology)];
  return { "text/plain": tables.map(tableText).join("\n\n"), "text/html": tables.map(tableHtml).join("<br>") };
};

/** Show the interface, route and NAT tables inline. */
export const showTables = (topology: Topology, options: TableOptions = {}): void => display(tablesBundle(topology, options));
