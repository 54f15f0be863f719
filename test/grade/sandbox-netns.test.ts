// The checker's view of a sandbox's named network namespaces, without an engine (root only): a stand-in "kernel" in a
// private mount namespace with its own /run adds two namespaces there; kernel-setup/hold-mounts.py joins that mount
// namespace; the kernel is killed; the namespaces live on through the holder only; a checker-like process in a private
// mount namespace of its own mirrors them (src/grade/sandbox-netns.ts) and uses them with `ip -n`. The host never sees
// them: not in its /run/netns, no new mount; killing the holder frees them.
import { execa, type ResultPromise } from "execa";
import { readFile, readlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tag = `dnlt${process.pid.toString(36).slice(-4)}`;
const names = [`${tag}a`, `${tag}b`];
const hostNetns = async () => (await execa("ip", ["netns", "list"])).stdout.split("\n").map((line) => line.split(" ")[0] ?? "");
const hostMounts = async () => (await readFile("/proc/self/mountinfo", "utf8")).split("\n").map((line) => line.split(" ").slice(3, 5).join(" "));
const until = async (what: () => Promise<boolean>, ms = 10_000): Promise<void> => {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await what()) return;
  throw new Error("timed out");
};

describe("mirroring a sandbox kernel's named network namespaces", () => {
  const started: ResultPromise[] = [];
  afterAll(async () => {
    for (const child of started) child.kill("SIGKILL");
  });

  it("outlive the kernel through the holder, are seen (and used) by the checker's private mount namespace, never by the host", async () => {
    const mountsBefore = await hostMounts();
    const kernel = execa(
      "unshare",
      [
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-c",
        `mount -t tmpfs dnl-test /run && ${names.map((n) => `ip netns add ${n}`).join(" && ")} && exec sleep 600`,
      ],
      { reject: false },
    );
    started.push(kernel);
    const kernelPid = kernel.pid as number;
    await until(async () => (await readFile(`/proc/${kernelPid}/mountinfo`, "utf8").catch(() => "")).includes(`/run/netns/${names[1]}`));
    const holder = execa("python3", [join(repoRoot, "kernel-setup", "hold-mounts.py"), String(kernelPid), "/run/dnl-test"], { reject: false });
    started.push(holder);
    const holderPid = holder.pid as number;
    const kernelNs = await readlink(`/proc/${kernelPid}/ns/mnt`);
    await until(async () => (await readlink(`/proc/${holderPid}/ns/mnt`).catch(() => "")) === kernelNs);
    kernel.kill("SIGKILL");
    await kernel;

    // A checker-like process: the sandbox's namespaces mirrored onto its own /run/netns, then used.
    const script = `import { mirrorSandboxNetns } from ${JSON.stringify(join(repoRoot, "dist", "grade", "sandbox-netns.js"))};
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
const result = await mirrorSandboxNetns(${holderPid});
const lo = execFileSync("ip", ["-n", ${JSON.stringify(names[0])}, "-o", "link", "show", "lo"], { encoding: "utf8" });
console.log(JSON.stringify({ ...result, listed: readdirSync("/run/netns").sort(), lo: lo.includes("lo:") }));`;
    const checker = await execa("unshare", ["--mount", "--propagation", "private", process.execPath, "--input-type=module", "-e", script]);
    expect(JSON.parse(checker.stdout)).toEqual({ mirrored: names, dropped: [], listed: names, lo: true });

    // The host never had them, nor any new mount of them or of its /run/netns.
    expect((await hostNetns()).filter((name) => name.startsWith(tag))).toEqual([]);
    expect((await hostMounts()).filter((mount) => !mountsBefore.includes(mount) && (mount.includes(tag) || /\/run\/netns$/.test(mount)))).toEqual([]);
    // Killing the holder frees them: nothing holds the mount namespace any more.
    holder.kill("SIGKILL");
    await holder;
    const leftover = await execa("sh", ["-c", `grep -l ${tag} /proc/[0-9]*/mountinfo 2>/dev/null || true`]);
    expect(leftover.stdout.trim()).toBe("");
  }, 60_000);
});
