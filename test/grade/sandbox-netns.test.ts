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

// The private engine a sandboxed notebook starts (labs 07, 08, c8) keeps its run folder in the kernel's own /run: the
// checker mirrors its socket (a link through the holder, each part checked), pid file and exec-root namespaces.
describe("mirroring the run folder of an engine a sandbox kernel started", () => {
  const started: ResultPromise[] = [];
  const runDir = `/run/dnl-${tag}-07`;
  const planted = `/run/dnl-${tag}-c8`;
  afterAll(async () => {
    for (const child of started) child.kill("SIGKILL");
    await execa("rmdir", [runDir, planted], { reject: false });
  });

  it("reaches the socket, reads the pid file, enters the exec root's namespace; follows no planted link; the host keeps only an empty mount point", async () => {
    const mountsBefore = await hostMounts();
    const serve = `import socket; s = socket.socket(socket.AF_UNIX); s.bind("${runDir}/docker.sock"); s.listen()\nwhile True:\n  c, _ = s.accept(); c.send(b"engine"); c.close()`;
    const kernel = execa(
      "unshare",
      [
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-c",
        [
          "mount -t tmpfs dnl-test /run",
          `mkdir -p ${runDir}/exec/netns /run/elsewhere`,
          `echo 4242 > ${runDir}/docker.pid`,
          `: > ${runDir}/exec/netns/1-abcdef`,
          `mount --bind /proc/self/ns/net ${runDir}/exec/netns/1-abcdef`,
          `ln -s /run/elsewhere ${planted}`,
          `exec python3 -c '${serve}'`,
        ].join(" && "),
      ],
      { reject: false },
    );
    started.push(kernel);
    const kernelPid = kernel.pid as number;
    await until(async () => (await execa("sh", ["-c", `test -S /proc/${kernelPid}/root${runDir}/docker.sock`], { reject: false })).exitCode === 0);
    const holder = execa("python3", [join(repoRoot, "kernel-setup", "hold-mounts.py"), String(kernelPid), "/run/dnl-test"], { reject: false });
    started.push(holder);
    const holderPid = holder.pid as number;
    const kernelNs = await readlink(`/proc/${kernelPid}/ns/mnt`);
    await until(async () => (await readlink(`/proc/${holderPid}/ns/mnt`).catch(() => "")) === kernelNs);

    const paths = (dir: string) => ({ runDir: dir, socket: `${dir}/docker.sock`, pidfile: `${dir}/docker.pid`, execRoot: `${dir}/exec` });
    const script = `import { mirrorEngineRun } from ${JSON.stringify(join(repoRoot, "dist", "grade", "sandbox-netns.js"))};
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
const engine = await mirrorEngineRun(${holderPid}, ${JSON.stringify(paths(runDir))});
const plantedResult = await mirrorEngineRun(${holderPid}, ${JSON.stringify(paths(planted))});
const said = await new Promise((resolve, reject) => { let got = ""; connect(${JSON.stringify(`${runDir}/docker.sock`)}).on("data", (d) => (got += d)).on("end", () => resolve(got)).on("error", reject); });
const entered = execFileSync("nsenter", [${JSON.stringify(`--net=${runDir}/exec/netns/1-abcdef`)}, "ip", "-o", "link", "show", "lo"], { encoding: "utf8" }).includes("lo:");
console.log(JSON.stringify({ mirrored: engine.mirrored.length, dropped: engine.dropped, planted: plantedResult, said, pid: readFileSync(${JSON.stringify(`${runDir}/docker.pid`)}, "utf8").trim(), entered }));`;
    const checker = await execa("unshare", ["--mount", "--propagation", "private", process.execPath, "--input-type=module", "-e", script]);
    const seen = JSON.parse(checker.stdout) as Record<string, unknown>;
    expect(seen).toMatchObject({ mirrored: 3, dropped: [], said: "engine", pid: "4242", entered: true });
    expect(seen.planted).toEqual({ mirrored: [], dropped: [`${planted} (not a folder in the sandbox's kernel)`] });

    // On the host: no new mount; the engine's run folder is an empty mount point (the sandbox's teardown removes it), the planted one absent.
    expect((await hostMounts()).filter((mount) => !mountsBefore.includes(mount) && mount.includes(tag))).toEqual([]);
    expect((await execa("ls", ["-A", runDir])).stdout).toBe("");
    expect((await execa("ls", ["-d", planted], { reject: false })).exitCode).not.toBe(0);
  }, 60_000);
});
