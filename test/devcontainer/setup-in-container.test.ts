// The devcontainer's set-up command, run for real inside a container built here (no image registry needed): Debian 12
// from debootstrap + Node 20 + Debian's docker.io (standing in for typescript-node:20-bookworm + docker-in-docker),
// privileged, with no network at all, its own Docker engine inside, and this repository copied in as the workspace.
// Slow (about 3.5 min to build the image once, then about 3 min per run). Opt out with DNL_DEVCONTAINER_TEST=0.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { join, relative } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { expectNoResidueOfSession, randomSession } from "../browser/residue.js";
import { randomToken } from "../browser/jupyter.js";
import { stepTimer } from "../helpers/timing.js";

const optedOut = process.env.DNL_DEVCONTAINER_TEST === "0";
const here = join(repoRoot, "test", "devcontainer");
const imageRepository = "dnl-devcontainer-test";
const workspace = "/workspaces/docker-net-lab";
const session = randomSession();
const name = `dnl-${session}-devcontainer`;
const config = JSON.parse(readFileSync(join(repoRoot, "devcontainer.json"), "utf8")) as { postCreateCommand: string };

const timings: Record<string, number> = {};
const timed = stepTimer(timings, "s");

// Linux capability names by bit number (capability.h), to drop those this host cannot grant.
const capabilities = [
  "CHOWN",
  "DAC_OVERRIDE",
  "DAC_READ_SEARCH",
  "FOWNER",
  "FSETID",
  "KILL",
  "SETGID",
  "SETUID",
  "SETPCAP",
  "LINUX_IMMUTABLE",
  "NET_BIND_SERVICE",
  "NET_BROADCAST",
  "NET_ADMIN",
  "NET_RAW",
  "IPC_LOCK",
  "IPC_OWNER",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_CHROOT",
  "SYS_PTRACE",
  "SYS_PACCT",
  "SYS_ADMIN",
  "SYS_BOOT",
  "SYS_NICE",
  "SYS_RESOURCE",
  "SYS_TIME",
  "SYS_TTY_CONFIG",
  "MKNOD",
  "LEASE",
  "AUDIT_WRITE",
  "AUDIT_CONTROL",
  "SETFCAP",
  "MAC_OVERRIDE",
  "MAC_ADMIN",
  "SYSLOG",
  "WAKE_ALARM",
  "BLOCK_SUSPEND",
  "AUDIT_READ",
  "PERFMON",
  "BPF",
  "CHECKPOINT_RESTORE",
];
const missingCapabilities = (): string[] => {
  const line =
    readFileSync("/proc/self/status", "utf8")
      .split("\n")
      .find((l) => l.startsWith("CapBnd:")) ?? "CapBnd:\t0";
  const bounding = BigInt(`0x${line.split(/\s+/)[1] ?? "0"}`);
  return capabilities.filter((_, bit) => (bounding & (1n << BigInt(bit))) === 0n);
};

// The image is cached under a tag derived from its recipe and the Node it copies in.
const imageTag = (): string => {
  const recipe = readFileSync(join(here, "build-image.sh"), "utf8");
  return `${imageRepository}:${createHash("sha256").update(`${recipe}\n${process.version}`).digest("hex").slice(0, 12)}`;
};

const ensureImage = async (tag: string): Promise<void> => {
  if ((await execa("docker", ["image", "inspect", tag], { reject: false })).exitCode === 0) return;
  if (!existsSync("/usr/sbin/debootstrap")) {
    const installed = await execa("apt-get", ["install", "-y", "debootstrap"], { reject: false, timeout: 600_000, env: { DEBIAN_FRONTEND: "noninteractive" } });
    if (installed.exitCode !== 0) throw new Error(`debootstrap is missing and could not be installed: ${String(installed.stderr)}`);
  }
  const built = await execa("bash", [join(here, "build-image.sh"), tag], { reject: false, timeout: 1_200_000, all: true });
  if (built.exitCode !== 0) throw new Error(`building ${tag} failed:\n${String(built.all)}`);
  // Older recipes' images are this test's cache only: drop them.
  const old = String(
    (await execa("docker", ["images", "--filter", "label=io.docker-net-lab.purpose=devcontainer-test", "--format", "{{.Repository}}:{{.Tag}}"])).stdout,
  )
    .split("\n")
    .filter((t) => t && t !== tag);
  for (const stale of old) await execa("docker", ["rmi", stale], { reject: false });
};

let before: HostState;
let work = "";
let mode: "privileged" | "emulated" = "privileged";

/** Run a shell command in the container's workspace. */
const inside = async (command: string, timeout = 600_000): Promise<{ exitCode: number; output: string }> => {
  const result = await execa("docker", ["exec", "-w", workspace, name, "bash", "-c", command], { reject: false, timeout, all: true });
  return { exitCode: result.exitCode ?? -1, output: String(result.all) };
};

// The container: privileged like the devcontainer (docker-in-docker needs it), no network, /var/lib/docker on tmpfs.
const startContainer = async (tag: string): Promise<void> => {
  const common = [
    "--name",
    name,
    "--label",
    "io.docker-net-lab.owner=docker-net-lab",
    "--label",
    `io.docker-net-lab.session=${session}`,
    "--network",
    "none",
    "--tmpfs",
    "/var/lib/docker:exec",
    "-v",
    `${join(work, "workspace")}:${workspace}`,
    "-v",
    `${join(work, "npm")}:/root/.npm`,
    "-e",
    "npm_config_offline=true",
    "-e",
    "npm_config_update_notifier=false",
  ];
  const privileged = await execa("docker", ["run", "-d", "--privileged", ...common, tag], { reject: false });
  if (privileged.exitCode === 0) return;
  if (!/apply caps|operation not permitted/.test(String(privileged.stderr))) throw new Error(`docker run --privileged failed: ${String(privileged.stderr)}`);
  // This host cannot grant every capability (so --privileged fails): give all it can, and make cgroups writable inside.
  await execa("docker", ["rm", "-f", name], { reject: false });
  mode = "emulated";
  const drop = missingCapabilities().flatMap((cap) => ["--cap-drop", cap]);
  const emulated = [
    "--cap-add",
    "ALL",
    ...drop,
    "--security-opt",
    "seccomp=unconfined",
    "--security-opt",
    "apparmor=unconfined",
    "--security-opt",
    "systempaths=unconfined",
    "--device-cgroup-rule",
    "a *:* rwm",
    "--cgroupns",
    "private",
  ];
  await execa("docker", ["run", "-d", ...emulated, ...common, tag]);
  const prepared = await execa("docker", ["exec", "-i", name, "bash"], {
    input: await readFile(join(here, "emulate-privileged.sh"), "utf8"),
    reject: false,
    all: true,
  });
  if (prepared.exitCode !== 0) throw new Error(`could not emulate --privileged:\n${String(prepared.all)}`);
};

describe.skipIf(optedOut)("the devcontainer's set-up command, in a locally built Debian 12 container with its own Docker engine", () => {
  beforeAll(async () => {
    await requireEngine();
    if (process.getuid?.() !== 0)
      throw new Error("This test builds a root filesystem with debootstrap and needs root (or opt out with DNL_DEVCONTAINER_TEST=0).");
    before = await hostState();
    const tag = imageTag();
    await timed("image (cached after the first build)", () => ensureImage(tag));
    work = await mkdtemp("/var/tmp/dnl-devcontainer-test-");
    await timed("copy workspace and npm cache", async () => {
      const skip = ["node_modules", "dist", ".git", "test/artifacts"];
      await cp(repoRoot, join(work, "workspace"), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !skip.some((dir) => relative(repoRoot, source) === dir || relative(repoRoot, source).startsWith(`${dir}/`)),
      });
      // `npm ci` runs offline from a copy of this machine's npm cache (the container has no network).
      await cp(join(homedir(), ".npm", "_cacache"), join(work, "npm", "_cacache"), { recursive: true });
    });
    await timed("start container", () => startContainer(tag));
  }, 1_800_000);

  afterAll(async () => {
    await execa("docker", ["rm", "-f", name], { reject: false });
    if (work) await rm(work, { recursive: true, force: true });
    console.log(`devcontainer test (${mode}) timings, s: ${JSON.stringify(timings)}`);
  });

  it("runs devcontainer.json's postCreateCommand to the end: npm ci, its own engine, Jupyter, the kernel, the image", async () => {
    const result = await timed("postCreateCommand", () => inside(config.postCreateCommand, 1_200_000));
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toMatch(/starting dockerd in the background/);
    expect(result.output).toMatch(/installing Debian's Jupyter/);
    expect(result.output).toMatch(/\[devcontainer-setup\] done in \d+ s/);
  }, 1_200_000);

  it("lists the project kernel in `jupyter kernelspec list`", async () => {
    const result = await inside("python3 -m jupyter_client.kernelspecapp list --json 2>/dev/null");
    expect(result.exitCode, result.output).toBe(0);
    const specs = JSON.parse(result.output) as { kernelspecs: Record<string, { spec: { display_name: string; language: string } }> };
    expect(specs.kernelspecs["docker-net-lab"]?.spec).toMatchObject({ display_name: "TypeScript (docker-net-lab)", language: "typescript" });
  });

  it("`docker-net-lab doctor --json` reports everything ok", async () => {
    const result = await inside("node dist/cli/bin.js doctor --json");
    expect(result.exitCode, result.output).toBe(0);
  });

  it("runs lab 01 with the reference solutions on the container's own engine", async () => {
    const result = await timed("labs run 01 --solutions", () => inside("node dist/cli/bin.js labs run 01 --solutions --json 2>/dev/null"));
    expect(result.exitCode, result.output).toBe(0);
    const [run] = JSON.parse(result.output) as { passed: boolean; checks: { passed: boolean }[] }[];
    expect(run?.passed).toBe(true);
    expect(run?.checks.length).toBeGreaterThanOrEqual(4);
  });

  it("`npm start` serves Jupyter on port 8888 (the forwarded port) and prints the URL to open", async () => {
    const token = randomToken();
    const script = [
      `npm start -- --no-browser --port 8888 --token ${token} >/tmp/start.log 2>&1 & pid=$!`,
      "for i in $(seq 1 120); do",
      `  curl -fsS -o /dev/null -H 'Authorization: token ${token}' http://127.0.0.1:8888/api/status && ok=1 && break`,
      "  sleep 1",
      "done",
      'kill $pid; sleep 3; cat /tmp/start.log; test -n "$ok"',
    ].join("\n");
    const result = await timed("npm start until Jupyter answers", () => inside(script, 300_000));
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain(`http://127.0.0.1:8888/tree?token=${token}`);
  });

  it("as a non-root user with passwordless sudo (remoteUser changed), sets up with sudo and installs that user's kernel", async () => {
    // What the docker-in-docker feature does for a non-root remoteUser: a docker group member with sudo.
    const prepare = [
      "useradd -m -s /bin/bash -G docker learner",
      "echo 'learner ALL=(ALL) NOPASSWD:ALL' >/etc/sudoers.d/learner",
      "mkdir -p /home/learner/ws && tar -C /workspaces/docker-net-lab --exclude=./node_modules --exclude=./dist -cf - . | tar -C /home/learner/ws -xf -",
      "cp -a /root/.npm /home/learner/.npm",
      // Where setup's `apt-get download busybox-static` (network) would put it, as build-image.sh does for root.
      "mkdir -p /home/learner/.local/state/docker-net-lab/cache && cp -a /root/.local/state/docker-net-lab/cache/busybox-static /home/learner/.local/state/docker-net-lab/cache/",
      "chown -R learner:learner /home/learner",
    ].join(" && ");
    expect((await inside(prepare)).exitCode).toBe(0);
    const result = await timed("postCreateCommand as non-root", () =>
      inside(`cd /home/learner/ws && su learner -c 'npm_config_offline=true ${config.postCreateCommand}'`, 1_200_000),
    );
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toMatch(/not root: the engine, Debian packages and image are set up with sudo/);
    const kernel = await inside("su learner -c 'python3 -m jupyter_client.kernelspecapp list --json 2>/dev/null'");
    const specs = JSON.parse(kernel.output) as { kernelspecs: Record<string, { resource_dir: string }> };
    expect(specs.kernelspecs["docker-net-lab"]?.resource_dir).toBe("/home/learner/.local/share/jupyter/kernels/docker-net-lab");
  }, 1_200_000);

  it("left nothing on the host's engine", async () => {
    await execa("docker", ["rm", "-f", name], { reject: false });
    await expectNoResidueOfSession(session, before);
  });
});
