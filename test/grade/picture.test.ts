import { describe, expect, it } from "vitest";
import { sessionView } from "../../src/grade/picture.js";
import type { Topology } from "../../src/topology/model.js";

const container = (name: string, session: string) => ({ name, labels: { "io.docker-net-lab.owner": "docker-net-lab", "io.docker-net-lab.session": session } });
const ns = (id: string, kind: string, name: string, containers: string[] = []) => ({ id, kind, name, containers, interfaces: [], routes: [] });
const topology = {
  engineVersion: "20.10",
  networks: [],
  warnings: [],
  containers: [container("dnl-ab12-01-web1", "ab12"), container("dnl-zz99-01-web1", "zz99"), container("someone", "")],
  namespaces: [
    ns("host", "host", "host"),
    ns("container:dnl-ab12-01-web1", "container", "dnl-ab12-01-web1", ["dnl-ab12-01-web1"]),
    ns("container:dnl-zz99-01-web1", "container", "dnl-zz99-01-web1", ["dnl-zz99-01-web1"]),
    ns("netns:dnl-ab12-02-ns", "netns", "dnl-ab12-02-ns"),
    ns("netns:dnl-parse-ns", "netns", "dnl-parse-ns"),
  ],
  links: [
    { kind: "veth", a: "host:veth1", b: "container:dnl-ab12-01-web1:eth0" },
    { kind: "veth", a: "host:veth2", b: "container:dnl-zz99-01-web1:eth0" },
    { kind: "veth", a: "host:dnl-pv0", b: "netns:dnl-parse-ns:eth0" },
  ],
} as unknown as Topology;

describe("sessionView(topology, session)", () => {
  it("keeps the host, this session's containers and prefixed namespaces, and only links between them", () => {
    const view = sessionView(topology, "ab12");
    expect(view.containers.map((c) => c.name)).toEqual(["dnl-ab12-01-web1"]);
    expect(view.namespaces.map((n) => n.id)).toEqual(["host", "container:dnl-ab12-01-web1", "netns:dnl-ab12-02-ns"]);
    expect(view.links).toEqual([{ kind: "veth", a: "host:veth1", b: "container:dnl-ab12-01-web1:eth0" }]);
  });
});
