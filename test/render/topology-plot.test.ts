// Topology pictures: deterministic SVG snapshots of synthetic hosts, and no overlap at 60 containers.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffBundle } from "../../src/render/topology-diff.js";
import { explanationBundle } from "../../src/render/explain-view.js";
import { explain, pathNames } from "../../src/topology/explain.js";
import { layoutTopology, topologySvg } from "../../src/render/topology-plot.js";
import { interfacesTable, natTable, routesTable, tableHtml, tableText, tablesBundle } from "../../src/render/topology-tables.js";
import { diffTopology } from "../../src/topology/diff.js";
import type { Topology } from "../../src/topology/model.js";
import { bridgedHost, container, iface, ns, topologyOf } from "../topology/synthetic.js";

const iptables = readFileSync(new URL("../topology/fixtures/iptables-20.10.txt", import.meta.url), "utf8");
const ports = { web: { "80/tcp": [{ hostIp: "0.0.0.0", hostPort: "8080" }] } };

// Every mode of the curriculum on one host: bridge, user bridge, host, none, container mode, macvlan, a hand-made netns.
const allModes = (): Topology => {
  const base = bridgedHost(
    [
      ["web", "bridge", 2],
      ["client", "bridge", 3],
      ["api", "user", 2],
    ],
    { iptables, ports },
  );
  const [host, ...rest] = base.namespaces;
  const hostNs = {
    ...host!,
    containers: ["hostnet"],
    interfaces: [
      ...host!.interfaces,
      iface(60, "dnl-up0", { kind: "veth", peerIfindex: 2, linkNetnsid: 7 }),
      iface(61, "dnl-h0", { kind: "veth", peerIfindex: 2, linkNetnsid: 8, ip: "203.0.113.1/24" }),
    ],
  };
  const withSidecar = rest.map((n) => (n.name === "web" ? { ...n, containers: ["web", "sidecar"] } : n));
  const lan = ns("netns", "dnl-lan", [iface(1, "lo"), iface(2, "eth0", { kind: "veth", peerIfindex: 60, linkNetnsid: 0, ip: "192.0.2.1/24" })]);
  const inet = ns("netns", "dnl-inet", [iface(1, "lo"), iface(2, "eth0", { kind: "veth", peerIfindex: 61, linkNetnsid: 0, ip: "203.0.113.7/24" })]);
  const mac = ns("container", "mac1", [iface(1, "lo"), iface(9, "eth0", { kind: "macvlan", peerIfindex: 60, linkNetnsid: 0, ip: "192.0.2.10/24" })]);
  const none = ns("container", "nonet", [iface(1, "lo", { ip: "127.0.0.1/8" })]);
  const containers = [
    ...base.containers,
    container("sidecar", {}, { mode: "container:web" }),
    container("hostnet", {}, { mode: "host" }),
    container("mac1", { macnet: "192.0.2.10/24" }),
    container("nonet", {}, { mode: "none" }),
  ];
  const networks = [...base.networks, { ...base.networks[0]!, id: "cccccccccccc", name: "macnet", driver: "macvlan", options: { parent: "dnl-up0" } }];
  return topologyOf([hostNs, ...withSidecar, mac, none, lan, inet], networks, containers, iptables);
};

// 60 containers: 30 on docker0, 20 on the user bridge, 10 with 2 networks.
const big = (): Topology =>
  bridgedHost(
    Array.from(
      { length: 60 },
      (_, i) =>
        [`dnl-s1-bench-${String(i).padStart(2, "0")}`, i % 3 === 2 ? "user" : "bridge", 2 + Math.floor(i / 3) * 2 + (i % 3 === 2 ? 0 : i % 3)] as [
          string,
          "bridge" | "user",
          number,
        ],
    ),
  );

describe("topologySvg", () => {
  it("topologySvg(allModes) draws bridges, host mode, none, container mode, macvlan and netns the same way every time", async () => {
    const svg = topologySvg(allModes(), { title: "every mode", highlight: ["web"] });
    expect(topologySvg(allModes(), { title: "every mode", highlight: ["web"] })).toBe(svg);
    for (const key of [
      "host",
      "bridge:docker0",
      "bridge:br-0123456789ab",
      "container:web",
      "container:hostnet",
      "container:nonet",
      "container:mac1",
      "parent:dnl-up0",
      "netns:dnl-lan",
      "netns:dnl-inet",
    ])
      expect(svg).toContain(`aria-label="${key}"`);
    expect(svg).toContain("+ sidecar (shared netns)");
    expect(svg).toContain("8080→80/tcp");
    await expect(svg).toMatchFileSnapshot("./__snapshots__/allModes.svg");
  });

  it("topologySvg(bridgedHost, {containers}) draws only the chosen containers, keeping docker0 (lab 01's picture)", async () => {
    const svg = topologySvg(
      bridgedHost([
        ["a", "bridge", 2],
        ["b", "bridge", 3],
        ["c", "user", 2],
      ]),
      { containers: ["a", "b"], title: "Lab 01" },
    );
    expect(svg).toContain('aria-label="container:a"');
    expect(svg).not.toContain('aria-label="container:c"');
    expect(svg).not.toContain("br-0123456789ab");
    await expect(svg).toMatchFileSnapshot("./__snapshots__/lab01.svg");
  });

  it("topologySvg(…, {title}) is a standalone SVG document with the title inside, as JupyterLab's <img> needs", () => {
    const svg = topologySvg(allModes(), { title: "Lab 05 <modes> & more" });
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).not.toMatch(/<(figure|h2|div|p)[\s>]/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain("<title>Lab 05 &lt;modes&gt; &amp; more</title>");
    // Drawn, not only announced: the heading is SVG text above the drawing, in the (taller) view box.
    expect(svg).toMatch(/<text[^>]*>Lab 05 &lt;modes&gt; &amp; more<\/text>/);
    expect(svg).toMatch(/viewBox="0 -30 \d+ \d+"/);
    // Well-formed XML: no raw "<" or "&" inside an attribute value, one root element.
    for (const [, value] of svg.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;|#)/);
    expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
    // Untitled: no band, no heading.
    expect(topologySvg(allModes())).toMatch(/viewBox="0 0 \d+ \d+"/);
  });

  it("layoutTopology(60 containers) gives every node its own cell: no two labels overlap and all fit inside the picture", async () => {
    const topology = big();
    const { nodes, width, height } = layoutTopology(topology);
    expect(nodes.filter((n) => n.kind === "container")).toHaveLength(60);
    const cellW = 170;
    for (const [i, a] of nodes.entries()) {
      expect(a.label.length).toBeLessThanOrEqual(24);
      for (const line of a.detail.split("\n")) expect(line.length).toBeLessThanOrEqual(30);
      expect(a.x - cellW / 2).toBeGreaterThanOrEqual(0);
      expect(a.x + cellW / 2).toBeLessThanOrEqual(width);
      expect(a.y + 60).toBeLessThanOrEqual(height);
      for (const b of nodes.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= cellW - 0.5 || Math.abs(a.y - b.y) >= 90;
        if (!apart) throw new Error(`${a.key} (${a.x},${a.y}) overlaps ${b.key} (${b.x},${b.y})`);
      }
    }
    expect(width).toBeLessThanOrEqual(12 * cellW);
    await expect(topologySvg(topology, { title: "60 containers" })).toMatchFileSnapshot("./__snapshots__/sixty.svg");
  });
});

describe("tables and diff pictures", () => {
  it("interfacesTable / routesTable / natTable list each namespace's interfaces with the other end, routes and NAT with counters", () => {
    const topology = allModes();
    const interfaces = interfacesTable(topology, { namespaces: ["web"] });
    expect(interfaces.rows).toContainEqual(["container:web", "2", "eth0", "veth", "veth host:veth0000ab", "", "UP", "02:42:00:00:00:02", "172.17.0.2/16"]);
    expect(routesTable(topology, { namespaces: ["host"] }).rows[0]).toEqual(["host", "default", "192.168.1.1", "eth0", "", "dhcp", "global"]);
    const nat = natTable(topology);
    expect(nat.rows[0]).toEqual([
      "published port",
      "tcp 0.0.0.0:8080",
      "web 172.17.0.2:80",
      "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80",
      "2",
    ]);
    expect(tableHtml(nat)).toContain("<caption");
    expect(tableText(routesTable(topology)).split("\n")[0]).toBe("Routes");
    expect(tablesBundle(topology)["text/html"]).toContain("Interfaces");
  });

  it("diffBundle(diff, after) lists the changes and draws the new container in red", () => {
    const before = bridgedHost([["client", "bridge", 3]]);
    const after = bridgedHost([
      ["client", "bridge", 3],
      ["web", "bridge", 2],
    ]);
    const bundle = diffBundle(diffTopology(before, after), after);
    expect(bundle["text/plain"]).toContain("+ container: container web");
    expect(String(bundle["text/html"])).toMatch(/<b>added container web[^<]*<\/b>/);
    expect(String(bundle["text/html"])).toContain("#d62728");
  });

  it("explanationBundle(explain(other -> web), topology) numbers the hops, ends dropped and draws the path in red", () => {
    const topology = allModes();
    const e = explain(topology, "api", "web");
    expect(pathNames(topology, e)).toEqual(expect.arrayContaining(["api", "veth0002ab", "br-0123456789ab"]));
    const bundle = explanationBundle(e, topology);
    expect(bundle["text/plain"]).toMatch(/=> dropped$/);
    expect(String(bundle["text/html"])).toContain("✘ dropped");
    expect(String(bundle["text/html"])).toMatch(/aria-label="container:api"[^>]*stroke="#d62728"|stroke="#d62728"[^>]*aria-label="container:api"/);
  });
});
