// snapshot() vs the loop a learner would write (`docker inspect` + `docker exec … ip addr` per container),
// both in the same run on this engine, plus how snapshot() grows from 10 to 50 to 100 containers.
// Usage: node test/bench/snapshot.mjs [--max 100] [--runs 5]   (needs dist/ built; DNL_DIST=dir to use another build)
// Writes test/bench/results/snapshot.json. Creates labelled dnl-<sid>-* containers/networks and removes them at the end.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = process.env.DNL_DIST ?? join(root, "dist");
const arg = (flag, fallback) => (process.argv.includes(flag) ? Number(process.argv[process.argv.indexOf(flag) + 1]) : fallback);
const max = arg("--max", 100);
const runs = arg("--runs", 5);
const { snapshot } = await import(join(dist, "topology", "snapshot.js"));
const { listContainers, listNetworks } = await import(join(dist, "docker", "adapter.js"));
const { ipBatchInNamespaces } = await import(join(dist, "exec", "netns-batch.js"));
const { readDockerProxies, readIptables } = await import(join(dist, "topology", "collect.js"));

const sid = `b5${randomBytes(2).toString("hex")}`;
const image = "docker-net-lab/toolbox:0.1.0";
const labels = ["--label", "io.docker-net-lab.owner=docker-net-lab", "--label", `io.docker-net-lab.session=${sid}`];
const networks = [0, 1, 2].map((i) => `dnl-${sid}-net${i}`);
const names = Array.from({ length: max }, (_, i) => `dnl-${sid}-c${String(i).padStart(3, "0")}`);
const docker = async (...args) => (await exec("docker", args, { maxBuffer: 64 << 20 })).stdout;
const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

// Time fn `times` times (after one warm-up), return {median, min, max} in ms.
const timeIt = async (fn, times) => {
  await fn();
  const samples = [];
  for (let i = 0; i < times; i++) {
    const start = now();
    await fn();
    samples.push(now() - start);
  }
  return { median: round(median(samples)), min: round(Math.min(...samples)), max: round(Math.max(...samples)) };
};

// Start containers, 4 at a time, round-robin over the 3 networks.
const start = async (from, to) => {
  for (let i = from; i < to; i += 4) {
    await Promise.all(
      names
        .slice(i, Math.min(i + 4, to))
        .map((name, k) => docker("run", "-d", ...labels, "--network", networks[(i + k) % 3], "--name", name, image, "sleep", "3600")),
    );
  }
};

// The learner's loop: for each container, docker inspect it and docker exec ip addr inside it.
const naiveLoop = async (count) => {
  for (const name of names.slice(0, count)) {
    JSON.parse(await docker("inspect", name));
    await docker("exec", name, "ip", "addr");
  }
};

const cleanup = async () => {
  for (let i = 0; i < names.length; i += 20) await exec("docker", ["rm", "-f", ...names.slice(i, i + 20)]).catch(() => undefined);
  for (const net of networks) await exec("docker", ["network", "rm", net]).catch(() => undefined);
};

// The machine is shared: the load average says how much the figures were disturbed.
const result = {
  machine: {
    cores: cpus().length,
    kernel: release(),
    engine: (await docker("version", "--format", "{{.Server.Version}}")).trim(),
    loadAverageAtStart: loadavg().map(round),
  },
  runs,
  scaling: [],
  naive: null,
  phases: null,
};
try {
  for (const [i, net] of networks.entries()) {
    let created = false;
    for (let k = 0; k < 40 && !created; k++) {
      const subnet = `10.${240 + i}.${(Number.parseInt(sid.slice(2), 16) + k) % 250}.0/24`;
      created = await docker("network", "create", ...labels, "--subnet", subnet, net).then(
        () => true,
        () => false,
      );
    }
    if (!created) throw new Error(`no free subnet for ${net}`);
  }
  let running = 0;
  for (const count of [10, 50, 100].filter((c) => c <= max)) {
    await start(running, count);
    running = count;
    const total = (await docker("ps", "-q")).trim().split("\n").filter(Boolean).length;
    const topology = await snapshot();
    const ours = topology.namespaces.filter((ns) => ns.containers.some((c) => c.startsWith(`dnl-${sid}-`))).length;
    if (ours !== count) throw new Error(`snapshot saw ${ours} of our ${count} namespaces`);
    const timing = await timeIt(() => snapshot(), runs);
    process.stderr.write(`snapshot with ${count} bench containers (${total} running in all): median ${timing.median} ms\n`);
    result.scaling.push({ benchContainers: count, runningContainers: total, namespaces: topology.namespaces.length, snapshotMs: timing });
    if (count === 50) {
      const naiveStart = now();
      await naiveLoop(50);
      const naiveMs = round(now() - naiveStart);
      result.naive = { containers: 50, ms: naiveMs, perContainerMs: round(naiveMs / 50), snapshotMs: timing.median, speedup: round(naiveMs / timing.median) };
      process.stderr.write(`naive loop over 50 containers: ${naiveMs} ms -> snapshot is ${result.naive.speedup}x faster\n`);
      // Where snapshot() spends its time (each phase alone; snapshot runs them in parallel).
      const pids = topology.namespaces.filter((ns) => ns.pid).map((ns) => ({ kind: "pid", pid: ns.pid }));
      result.phases = {
        engineMs: (await timeIt(() => Promise.all([listContainers({ all: true }), listNetworks()]), 3)).median,
        namespacesMs: (await timeIt(() => ipBatchInNamespaces([{ kind: "host" }, ...pids], ["addr show", "route show"], 2), 3)).median,
        iptablesMs: (await timeIt(() => readIptables([]), 3)).median,
        dockerProxiesMs: (await timeIt(() => readDockerProxies(), 3)).median,
      };
    }
  }
  result.machine.loadAverageAtEnd = loadavg().map(round);
  const fifty = result.scaling.find((s) => s.benchContainers === 50);
  result.targets = { speedupAtLeast20: (result.naive?.speedup ?? 0) >= 20, under300msAt50: (fifty?.snapshotMs.median ?? Infinity) < 300 };
} finally {
  await cleanup();
}
mkdirSync(join(root, "test", "bench", "results"), { recursive: true });
writeFileSync(join(root, "test", "bench", "results", "snapshot.json"), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
