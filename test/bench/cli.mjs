// Whole processes, as a user starts them, each paired with its yardstick in the same run (A B A B …: the ratio is
// taken pair by pair, so a machine that speeds up or slows down during the run moves both):
//   --help                          vs a bare `node -e 0`
//   parse iptables-list, small file vs jc --iptables on the same file (a 26-line real `iptables -t nat -L -n -v`)
//   parse iptables-list, 5,000 lines vs jc --iptables (the K/M layout jc reads)
//   snapshot --json, 50 containers on 3 networks vs the naive loop as a script (docker inspect + docker exec ip addr each)
// Wall clock (what the user waits for) and CPU time of the children (user + system, less sensitive to a loaded machine).
// Usage: node test/bench/cli.mjs [--runs N] [--skip-snapshot]   (needs dist/ built; DNL_DIST=dir to time another build)
// Writes test/bench/results/cli.json.
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { iptablesList } from "./lib/inputs.mjs";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = process.env.DNL_DIST ?? join(root, "dist");
const bin = join(dist, "cli", "bin.js");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const node = process.execPath;
const tmp = mkdtempSync(join(tmpdir(), "dnl-bench-cli-"));
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// One process: wall seconds and the CPU seconds of the children it waited for (getrusage deltas).
const once = ([file, ...args]) => {
  const cpuBefore = childCpu();
  const started = performance.now();
  const result = spawnSync(file, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 << 20 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${[file, ...args].join(" ")} exited ${result.status}: ${String(result.stderr).slice(0, 300)}`);
  return { wall, cpu: childCpu() - cpuBefore };
};
// CPU seconds of the children waited for so far: cutime + cstime of /proc/self/stat (clock ticks, 100 a second).
const childCpu = () => {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
};

// A and B in turn, after one warm-up each; medians and the median of the pairwise ratios.
const paired = (name, a, b, n = runs) => {
  once(a);
  once(b);
  const pairs = [];
  for (let i = 0; i < n; i++) pairs.push([once(a), once(b)]);
  const row = {
    name,
    a: a.join(" ").replace(root, "").replace(tmp, "$TMP"),
    b: b.join(" ").replace(root, "").replace(tmp, "$TMP"),
    runs: n,
    a_wall_s: round(median(pairs.map(([x]) => x.wall))),
    b_wall_s: round(median(pairs.map(([, y]) => y.wall))),
    a_cpu_s: round(median(pairs.map(([x]) => x.cpu))),
    b_cpu_s: round(median(pairs.map(([, y]) => y.cpu))),
    wall_ratio_a_over_b: round(median(pairs.map(([x, y]) => x.wall / y.wall))),
    cpu_ratio_a_over_b: round(median(pairs.map(([x, y]) => (y.cpu > 0 ? x.cpu / y.cpu : Number.NaN)))),
  };
  process.stderr.write(`${JSON.stringify(row)}\n`);
  return row;
};

const result = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, load_average_at_start: round(loadavg()[0], 2), rows: [] };
const small = join(root, "test/fixtures/parse/iptables-list/nat-nv--docker-26.1.txt");
const large = join(tmp, "iptables-5000.txt");
writeFileSync(large, `${iptablesList(5_000, false)}\n`);
const sh = (command) => ["/bin/sh", "-c", command];
const hasJc = spawnSync("jc", ["--version"]).status === 0;

try {
  result.rows.push(paired("--help vs node -e 0 (target: at most 2x)", [node, bin, "--help"], [node, "-e", "0"]));
  if (hasJc) {
    result.rows.push(
      paired(
        "parse iptables-list, 26-line file, vs jc (target: at most 1x)",
        sh(`exec ${node} ${bin} parse iptables-list ${small} >/dev/null`),
        sh(`exec jc --iptables <${small} >/dev/null`),
      ),
    );
    result.rows.push(
      paired(
        "parse iptables-list, 5,000 lines, vs jc (target: at most 0.2x)",
        sh(`exec ${node} ${bin} parse iptables-list ${large} >/dev/null`),
        sh(`exec jc --iptables <${large} >/dev/null`),
      ),
    );
  } else result.jc = "jc not installed: the parse rows are missing";
  if (!process.argv.includes("--skip-snapshot")) result.rows.push(await snapshotRow());
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
result.load_average_at_end = round(loadavg()[0], 2);
mkdirSync(join(root, "test", "bench", "results"), { recursive: true });
writeFileSync(join(root, "test", "bench", "results", "cli.json"), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

// 50 labelled containers on 3 networks of a bench session, `snapshot --json` against the learner's loop, removed after.
async function snapshotRow() {
  const sid = `b6${randomBytes(2).toString("hex")}`;
  const labels = ["--label", "io.docker-net-lab.owner=docker-net-lab", "--label", `io.docker-net-lab.session=${sid}`];
  const networks = [0, 1, 2].map((i) => `dnl-${sid}-net${i}`);
  const names = Array.from({ length: 50 }, (_, i) => `dnl-${sid}-c${String(i).padStart(2, "0")}`);
  const docker = async (...args) => (await exec("docker", args, { maxBuffer: 64 << 20 })).stdout;
  try {
    for (const [i, net] of networks.entries()) {
      let created = false;
      for (let k = 0; k < 40 && !created; k++) {
        const subnet = `10.${243 + i}.${(Number.parseInt(sid.slice(2), 16) + k) % 250}.0/24`;
        created = await docker("network", "create", ...labels, "--subnet", subnet, net).then(
          () => true,
          () => false,
        );
      }
      if (!created) throw new Error(`no free subnet for ${net}`);
    }
    for (let i = 0; i < names.length; i += 4)
      await Promise.all(
        names
          .slice(i, i + 4)
          .map((name, k) =>
            docker("run", "-d", ...labels, "--network", networks[(i + k) % 3], "--name", name, "docker-net-lab/toolbox:0.1.0", "sleep", "3600"),
          ),
      );
    const loop = join(tmp, "naive-loop.sh");
    writeFileSync(loop, `for c in ${names.join(" ")}; do docker inspect "$c" >/dev/null; docker exec "$c" ip addr >/dev/null; done\n`);
    return paired(
      "snapshot --json, 50 containers on 3 networks, vs the naive loop (target: at most 1/15)",
      sh(`exec ${node} ${bin} snapshot --json >/dev/null`),
      ["/bin/sh", loop],
      Math.min(runs, 5),
    );
  } finally {
    for (let i = 0; i < names.length; i += 25) await exec("docker", ["rm", "-f", ...names.slice(i, i + 25)]).catch(() => undefined);
    for (const net of networks) await exec("docker", ["network", "rm", net]).catch(() => undefined);
  }
}
