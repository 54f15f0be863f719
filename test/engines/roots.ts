// The Debian roots of the engine matrix: one per Docker version, each from its distribution's docker.io package.
import { hostTools } from "../../src/setup/doctor.js";
import { jupyterPackagesFor } from "../../src/setup/jupyter.js";
import type { Suite } from "../helpers/rootfs.js";

export interface EngineRoot {
  /** Short name used in namespace and directory names. */
  readonly id: "d20" | "d26" | "d28";
  readonly suite: Suite;
  /** The Docker version the distribution ships (major.minor), as the matrix names it. */
  readonly docker: string;
  readonly distribution: string;
  readonly packages: readonly string[];
}

// What a private engine and the lab process need inside the root: the engine (docker.io pulls containerd, runc,
// tini, iptables), pgrep (procps) and modprobe (kmod), and everything `setup` would install: the host tools doctor
// checks (ip, iptables, nsenter, brctl, curl, busybox-static for the toolbox image) and the Jupyter packages (the
// headless notebook runner needs nbclient). So `docker-net-lab setup` inside the root installs nothing (the root is
// read-only and its network namespace has no way out).
const packages = [...new Set(["docker.io", "procps", "kmod", ...Object.values(hostTools), ...jupyterPackagesFor("notebook")])];

// From Debian 13 on, the docker command is a package of its own (docker.io only recommends docker-cli).
export const engineRoots: readonly EngineRoot[] = [
  { id: "d20", suite: "bookworm", docker: "20.10", distribution: "Debian 12 (bookworm)", packages },
  { id: "d26", suite: "trixie", docker: "26.1", distribution: "Debian 13 (trixie)", packages: [...packages, "docker-cli"] },
  { id: "d28", suite: "sid", docker: "28.5", distribution: "Debian sid", packages: [...packages, "docker-cli"] },
];
