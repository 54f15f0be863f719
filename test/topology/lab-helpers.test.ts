// The notebook helpers on the real engine: lab.step shows what one command changed, lab.explain the path.
import { randomBytes } from "node:crypto";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requireEngine } from "../helpers/host-state.js";
import { openLab, type Lab } from "../../src/labs/lab.js";

const session = `t5${randomBytes(1).toString("hex")}`;
const other = `u5${randomBytes(1).toString("hex")}`;
const foreign = `dnl-${other}-01-x`;
let lab: Lab;

describe("lab.step and lab.explain", () => {
  beforeAll(async () => {
    await requireEngine();
    process.env.DNL_SESSION = session;
    lab = await openLab("01");
  });

  afterAll(async () => {
    await lab.teardown();
    await execa("docker", ["rm", "-f", foreign], { reject: false });
    delete process.env.DNL_SESSION;
    const left = await execa("docker", ["ps", "-a", "-q", "--filter", `label=io.docker-net-lab.session=${session}`]);
    expect(String(left.stdout).trim()).toBe("");
  });

  it("lab.step(title, work) returns and prints the diff of one `docker run`: the container, its veth on docker0", async () => {
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
    try {
      const web = lab.name("web");
      // Meanwhile another session starts a container on the same engine: the step must not list it.
      const diff = await lab.step("start web", async () => {
        await lab.sh`docker run -d --name ${web} ${lab.image} httpd -f -p 80 -h /`;
        await execa("docker", [
          "run",
          "-d",
          "--label",
          "io.docker-net-lab.owner=docker-net-lab",
          "--label",
          `io.docker-net-lab.session=${other}`,
          "--name",
          foreign,
          lab.image,
          "sleep",
          "3600",
        ]);
      });
      expect(diff.changes.filter((c) => c.names.includes(foreign) || c.detail.includes(foreign)).map((c) => c.detail)).toEqual([]);
      // Its veth on docker0 is someone else's too: only one new bridge port (web's) is listed.
      expect(diff.changes.filter((c) => c.change === "added" && c.subject === "link" && c.key.startsWith("bridge-port host:docker0"))).toHaveLength(1);
      expect(diff.changes.some((c) => c.change === "added" && c.subject === "container" && c.key === web)).toBe(true);
      expect(diff.changes.some((c) => c.change === "added" && c.subject === "link" && c.key.startsWith("bridge-port host:docker0 host:veth"))).toBe(true);
      expect(printed.join("")).toContain(`+ container: container ${web}`);
    } finally {
      spy.mockRestore();
    }
  });

  it("lab.explain(host, web:80) walks docker0 to the container; with {prove: true} the probe answers", async () => {
    const web = lab.name("web");
    const spy = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const path = await lab.explain("host", `${web}:80`);
      expect(path.verdict).toBe("delivered");
      expect(path.reached).toBe(`container:${web}`);
      const proved = await lab.explain("host", `${web}:80`, { prove: true });
      expect(proved.verdict).toBe("delivered");
    } finally {
      spy.mockRestore();
    }
  });
});
