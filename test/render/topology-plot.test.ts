// Topology pictures: deterministic SVG snapshots of recorded lab states and synthetic hosts (every network mode, 60
// containers, a diff, a packet's path), and readable layouts (no overlap, no label cut) from 1 to 60 containers.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sessionPicture } from "../../src/grade/picture.js";
import { diffBundle } from "../../src/render/topology-diff.js";
import { explanationBundle } from "../../src/render/explain-view.js";
import { explain } from "../../src/topology/explain.js";
import { layoutTopology, topologySvg, type DrawOptions } from "../../src/render/topology-plot.js";
import { interfacesTable, natTable, routesTable, tableHtml, tableText, tablesBundle } from "../../src/render/topology-tables.js";
import { diffTopology } from "../../src/topology/diff.js";
import type { Topology } from "../../src/topology/model.js";
import { bridgedHost, container, iface, ns, topologyOf } from "../topology/synthetic.js";
import { layoutProblems } from "./overlap.js";

const iptables = readFileSync(new URL("../topology/fixtures/iptables-20.10.txt", import.meta.url), "utf8");
const ports = { web: { "80/tcp": [{ hostIp: "0.0.0.0", hostPort: "8080" }] } };

/** A recorded topology: a lab's key state (test/render/fixtures, record-labs.mjs) or an engine's scene (test/topology/fixtures/snapshots). */
const recorded = (path: string): Topology => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as Topology;
const lab = (id: string): Topology => recorded(`./fixtures/lab${id}.json`);
/** What lab.draw() shows of a recorded lab: its containers and its namespaces. */
const labScope = (t: Topology): DrawOptions => ({
  containers: t.containers.map((c) => c.name),
  namespaces: t.namespaces.filter((n) => n.kind === "netns").map((n) => n.name),
});

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

// An overlay network (lab 08's swarm): containers whose eth0 is a veth into the network's own namespace, and eth1 on
// docker_gwbridge. The overlay namespace is not in `ip netns`; the picture infers it from Docker's network.
const overlayHost = (): Topology => {
  const base = bridgedHost([
    ["o1", "user", 2],
    ["o2", "user", 3],
  ]);
  const overlay = {
    ...base.networks[0]!,
    id: "ddddddddddddd",
    name: "ov-net",
    driver: "overlay",
    scope: "swarm",
    options: { "com.docker.network.driver.overlay.vxlanid_list": "4097" },
  };
  const namespaces = base.namespaces.map((n) =>
    n.kind === "container" ? { ...n, interfaces: [...n.interfaces, iface(30, "eth1", { kind: "veth", ip: `10.0.1.${n.name === "o1" ? 3 : 4}/24` })] } : n,
  );
  const containers = base.containers.map((c) =>
    container(c.name, { "ov-net": `10.0.1.${c.name === "o1" ? 3 : 4}/24`, "user-net": c.name === "o1" ? "10.10.0.2/24" : "10.10.0.3/24" }),
  );
  return topologyOf(namespaces, [...base.networks, overlay], containers);
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

describe("pictures of the labs' recorded key states, one per network mode", () => {
  const cases: [string, string, (svg: string) => void][] = [
    ["01", "bridge mode: docker0 and its containers", (svg) => expect(svg).toMatch(/aria-label="bridge:docker0"/)],
    ["02", "hand-made namespaces on a hand-made bridge, and containers", (svg) => expect(svg).toContain("bridge (not Docker's)")],
    [
      "03",
      "NAT: published ports with their DNAT rule, MASQUERADE, the internet namespace",
      (svg) => {
        expect(svg).toContain("⇡ MASQUERADE 172.17.0.0/16");
        expect(svg).toContain("DNAT");
        expect(svg).toContain(">the internet<");
      },
    ],
    ["04", "user-defined bridges", (svg) => expect(svg.match(/aria-label="bridge:br-/g)?.length).toBeGreaterThanOrEqual(2)],
    [
      "05",
      "host, none and container modes",
      (svg) => {
        expect(svg).toMatch(/aria-label="host-mode:dnl-[a-z0-9]+-05-hostc"/);
        expect(svg).toContain("lo 127.0.0.1/8 only");
        expect(svg).toMatch(/\+ dnl-[a-z0-9]+-05-side/);
      },
    ],
    [
      "06",
      "macvlan children on their parent, the LAN, the host shim",
      (svg) => {
        expect(svg).toContain("macvlan parent");
        expect(svg).toContain("host shim");
        expect(svg).toContain(">the LAN<");
      },
    ],
  ];
  for (const [id, what, expectations] of cases)
    it(`topologySvg(lab ${id}) draws ${what}, readable, the same way every time`, async () => {
      const topology = lab(id);
      const options = { ...labScope(topology), title: `Lab ${id}: what Docker built` };
      expect(layoutProblems(layoutTopology(topology, options))).toEqual([]);
      const svg = topologySvg(topology, options);
      expect(topologySvg(topology, options)).toBe(svg);
      expectations(svg);
      await expect(svg).toMatchFileSnapshot(`./__snapshots__/lab${id}.svg`);
    });

  it("topologySvg(Docker 28.5's scene) marks the raw-table drops of newer engines on the containers they protect", async () => {
    const topology = recorded("../topology/fixtures/snapshots/docker-28.5.json");
    expect(layoutProblems(layoutTopology(topology))).toEqual([]);
    const svg = topologySvg(topology, { title: "Docker 28.5" });
    expect(svg).toContain("✕ raw DROP ! -i docker0");
    expect(topologySvg(recorded("../topology/fixtures/snapshots/docker-20.10.json"))).not.toContain("raw DROP");
    await expect(svg).toMatchFileSnapshot("./__snapshots__/docker-28.5.svg");
  });
});

describe("topologySvg on synthetic hosts", () => {
  it("topologySvg(allModes) boxes every namespace: bridges as bars, host mode in the root, none with lo only, container mode in one box", async () => {
    const svg = topologySvg(allModes(), { title: "every mode", highlight: ["web"] });
    expect(topologySvg(allModes(), { title: "every mode", highlight: ["web"] })).toBe(svg);
    for (const key of [
      "host",
      "bridge:docker0",
      "bridge:br-0123456789ab",
      "container:web",
      "host-mode:hostnet",
      "container:nonet",
      "container:mac1",
      "parent:dnl-up0",
      "netns:dnl-lan",
      "netns:dnl-inet",
    ])
      expect(svg).toContain(`aria-label="${key}"`);
    expect(svg).toContain("+ sidecar");
    expect(svg).toContain("0.0.0.0:8080→:80");
    expect(svg).toContain("#d62728");
    expect(layoutProblems(layoutTopology(allModes()))).toEqual([]);
    await expect(svg).toMatchFileSnapshot("./__snapshots__/allModes.svg");
  });

  it("topologySvg(overlay) draws the overlay network's namespace (br0 + vxlan0) the containers hang from", async () => {
    const svg = topologySvg(overlayHost(), { title: "overlay" });
    expect(svg).toContain('aria-label="overlay:overlay:ov-net"');
    expect(svg).toContain("br0 + vxlan0 (VNI 4097)");
    expect(layoutProblems(layoutTopology(overlayHost()))).toEqual([]);
    await expect(svg).toMatchFileSnapshot("./__snapshots__/overlay.svg");
  });

  it("topologySvg(…, {title}) is a standalone SVG document with its <title>, a title per element, themed by CSS variables", () => {
    const svg = topologySvg(allModes(), { title: "Lab 05 <modes> & more" });
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).not.toMatch(/<(figure|h2|div|p)[\s>]/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain("<title>Lab 05 &lt;modes&gt; &amp; more</title>");
    expect(svg).toMatch(/<text[^>]*>Lab 05 &lt;modes&gt; &amp; more<title>/);
    expect(svg).toContain("var(--jp-ui-font-color1, #222)");
    expect(svg).toContain("var(--jp-layout-color0, #fff)");
    expect(svg).not.toMatch(/fill="(black|white)"[^>]*>[^<]*<\/text>/);
    // Every drawn element says what it is on hover.
    expect(svg.match(/<(rect|circle|path)\b[^>]*[^/]>(?!<title>)/g) ?? []).toEqual([]);
    expect(svg.match(/<text\b[^>]*>[^<]*<(?!title>)/g) ?? []).toEqual([]);
    for (const [, value] of svg.matchAll(/="([^"]*)"/g)) expect(value).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;|#)/);
    expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
  });

  it("layoutTopology(60 containers) fits 900 px with no two boxes or labels overlapping and no label cut", async () => {
    const topology = big();
    const layout = layoutTopology(topology);
    expect(layout.boxes.filter((b) => b.kind === "container")).toHaveLength(60);
    expect(layout.width).toBeLessThanOrEqual(900);
    expect(layoutProblems(layout)).toEqual([]);
    await expect(topologySvg(topology, { title: "60 containers" })).toMatchFileSnapshot("./__snapshots__/sixty.svg");
  });
});

// A random host: n containers, each in one of the modes, with names of any length.
const modes = ["bridge", "user", "host", "none", "shared", "macvlan", "netns", "two-networks"] as const;
const randomHost = (specs: readonly { mode: (typeof modes)[number]; name: string; port: boolean }[]): Topology => {
  const named = specs.map((s, i) => ({ ...s, name: `${s.name}${i}` }));
  const bridged = named.filter((s) => s.mode === "bridge" || s.mode === "user" || s.mode === "shared" || s.mode === "two-networks");
  const base = bridgedHost(
    bridged.map((s, i) => [s.name, s.mode === "user" ? "user" : "bridge", 2 + i] as [string, "bridge" | "user", number]),
    {
      iptables,
      ports: Object.fromEntries(named.filter((s) => s.port).map((s, i) => [s.name, { "80/tcp": [{ hostIp: "127.0.0.1", hostPort: String(20000 + i) }] }])),
    },
  );
  const [host, ...rest] = base.namespaces;
  const hostMode = named.filter((s) => s.mode === "host").map((s) => s.name);
  const containerNs = rest.map((n) => {
    const spec = named.find((s) => s.name === n.name);
    if (spec?.mode === "shared") return { ...n, containers: [n.name, `${n.name}-side`] };
    if (spec?.mode === "two-networks") return { ...n, interfaces: [...n.interfaces, iface(40, "eth1", { kind: "veth", ip: "10.10.0.200/24" })] };
    return n;
  });
  const others = named.flatMap((s, i) =>
    s.mode === "none"
      ? [ns("container", s.name, [iface(1, "lo", { ip: "127.0.0.1/8" })])]
      : s.mode === "macvlan"
        ? [ns("container", s.name, [iface(1, "lo"), iface(9, "eth0", { kind: "macvlan", peerIfindex: 2, linkNetnsid: 0, ip: `192.168.1.${100 + i}/24` })])]
        : s.mode === "netns"
          ? [ns("netns", s.name, [iface(1, "lo"), iface(2, "eth0", { ip: `10.99.${i}.2/24` })])]
          : [],
  );
  const containers = [
    ...base.containers,
    ...named.filter((s) => s.mode === "shared").map((s) => container(`${s.name}-side`, {}, { mode: `container:${s.name}` })),
    ...named
      .filter((s) => s.mode === "host" || s.mode === "none" || s.mode === "macvlan")
      .map((s) => container(s.name, {}, { mode: s.mode === "macvlan" ? "macnet" : s.mode })),
  ];
  const networks = [...base.networks, { ...base.networks[0]!, id: "cccccccccccc", name: "macnet", driver: "macvlan", options: { parent: "eth0" } }];
  return topologyOf([{ ...host!, containers: hostMode }, ...containerNs, ...others], networks, containers, iptables);
};

describe("readable from 1 to 60 containers", () => {
  it("layoutTopology(any host of 1-60 containers in any modes, names of any length) has no overlap and no label cut", () => {
    const spec = fc.record({ mode: fc.constantFrom(...modes), name: fc.stringMatching(/^[a-z][a-z0-9-]{0,45}$/), port: fc.boolean() });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 60 }), (specs) => {
        const layout = layoutTopology(randomHost(specs), { title: "random host" });
        expect(layoutProblems(layout)).toEqual([]);
        expect(layout.width).toBeLessThanOrEqual(900);
      }),
      { numRuns: 40, seed: 18 },
    );
  });
});

describe("tables, diff pictures and packet paths", () => {
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

  it("diffBundle(diff, after, {}, before) draws added green, removed red and dashed, changed amber, with a legend", async () => {
    const before = bridgedHost([
      ["client", "bridge", 3],
      ["old", "bridge", 4],
    ]);
    const after = bridgedHost([
      ["client", "bridge", 5],
      ["web", "bridge", 2],
    ]);
    const bundle = diffBundle(diffTopology(before, after), after, { title: "one step" }, before);
    expect(bundle["text/plain"]).toContain("+ container: container web");
    const html = String(bundle["text/html"]);
    expect(html).toMatch(/<b>[^<]*added container web[^<]*<\/b>/);
    const svg = html.slice(html.indexOf("<svg"));
    expect(svg).toMatch(/aria-label="container:web"[^>]*|stroke="#2ca02c"/);
    expect(svg).toContain('aria-label="container:old"');
    for (const word of ["added", "removed (dashed)", "changed"]) expect(svg).toContain(`>${word}<title>`);
    expect(svg).toMatch(/stroke-dasharray="5,3"/);
    const layout = layoutTopology(after, { marks: new Map([["web", "added"]]) });
    expect(layout.boxes.find((b) => b.key === "container:web")?.mark).toBe("added");
    await expect(svg).toMatchFileSnapshot("./__snapshots__/diff.svg");
  });

  it("explanationBundle(explain(web -> the internet), lab 03) draws the hops over the picture, each with its chain and rule", async () => {
    const topology = lab("03");
    const web = topology.containers.find((c) => c.name.endsWith("-03-web"))!.name;
    const internet = topology.namespaces.find((n) => n.kind === "netns" && n.name.endsWith("3in"))!.name;
    const e = explain(topology, web, internet);
    expect(e.verdict).toBe("delivered");
    const layout = layoutTopology(topology, { ...labScope(topology), explanation: e });
    expect(layout.path?.points.length).toBeGreaterThanOrEqual(5);
    expect(layout.path?.markers.length).toBeGreaterThanOrEqual(4);
    const masquerade = e.hops.findIndex((h) => h.kind === "nat");
    expect(layout.labels.some((l) => l.text.startsWith(`${String(masquerade + 1).padStart(2)}. [host] nat POSTROUTING`))).toBe(true);
    expect(layoutProblems(layout)).toEqual([]);
    // With a proof, the counters that moved.
    const rule = e.hops[masquerade]!.rule!;
    const proved = layoutTopology(topology, { ...labScope(topology), explanation: e, moved: new Map([[`${rule.table} ${rule.text}`, 1]]) });
    expect(proved.labels.some((l) => l.text.includes("✔ +1 moved"))).toBe(true);
    const bundle = explanationBundle(e, topology, labScope(topology));
    expect(String(bundle["text/html"])).toContain("✔ delivered");
    await expect(String(bundle["text/html"]).slice(String(bundle["text/html"]).indexOf("<svg"))).toMatchFileSnapshot("./__snapshots__/lab03-explain.svg");
  });

  it("explanationBundle(explain(api -> web)) ends dropped and marks the drop on the path", () => {
    const topology = allModes();
    const e = explain(topology, "api", "web");
    const bundle = explanationBundle(e, topology);
    expect(bundle["text/plain"]).toMatch(/=> dropped$/);
    expect(String(bundle["text/html"])).toContain("✘ dropped");
    expect(layoutTopology(topology, { explanation: e }).path?.markers.some((m) => m.drop)).toBe(true);
  });
});

describe("the same picture in grading feedback", () => {
  it("sessionPicture(lab 03 recorded, its session) draws that session's boxes the way lab.draw() does", () => {
    const topology = lab("03");
    const session = topology.containers[0]!.labels["io.docker-net-lab.session"]!;
    const svg = sessionPicture(topology, session, "Lab 03 at grading time");
    for (const c of topology.containers.filter((x) => x.networkSettings && topology.namespaces.some((n) => n.containers.includes(x.name))))
      expect(svg).toContain(`${c.name}`);
    expect(svg).toContain(">the internet<");
    expect(svg).toContain("<title>Lab 03 at grading time</title>");
    expect(sessionPicture(topology, "zzzz", "nobody")).not.toContain("-03-web");
  });
});
