#!/usr/bin/env node
// Labs: each lab's headless run through the real kernel (`labs run NN --solutions`) against its floor, the same
// docker/ip commands as a plain script, in the same run: traced from the run itself (DNL_COMMAND_TRACE), and the
// older hand-written bash floors beside them. Writes test/bench/results/labs.json.
// The floor scripts use fixed private subnets and ports of their own and remove what they make.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "dist", "cli", "bin.js");
const session = () => `f${randomBytes(2).toString("hex").slice(0, 3)}`;

// Lab id -> the plain script doing what the lab's solutions do (session id s in names and labels).
const floors = {
  "02": (s) => `
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"
      for c in c1 c2 c3; do docker run -d $L --name dnl-${s}-02-$c docker-net-lab/toolbox:0.1.0 sleep 3600 >/dev/null; done
      for c in c1 c2 c3; do docker exec dnl-${s}-02-$c ip addr show eth0 >/dev/null; done
      ip -j link show >/dev/null; brctl show >/dev/null
      docker stop -t 1 dnl-${s}-02-c3 >/dev/null; docker network inspect bridge >/dev/null
      ip link add dnl${s}br type bridge; ip addr add 10.213.250.1/24 dev dnl${s}br; ip link set dnl${s}br up
      for x in a b; do ip netns add dnl${s}$x; ip link add dnl${s}v$x type veth peer name eth0 netns dnl${s}$x; ip link set dnl${s}v$x master dnl${s}br up; done
      ip -n dnl${s}a addr add 10.213.250.2/24 dev eth0; ip -n dnl${s}b addr add 10.213.250.3/24 dev eth0
      for x in a b; do ip -n dnl${s}$x link set eth0 up; ip -n dnl${s}$x route add default via 10.213.250.1; done
      iptables -I DOCKER-USER 1 -i dnl${s}br -o dnl${s}br -j ACCEPT
      ip netns exec dnl${s}a busybox ping -c1 -W2 10.213.250.3 >/dev/null
      iptables -D DOCKER-USER -i dnl${s}br -o dnl${s}br -j ACCEPT
      for x in a b; do ip netns delete dnl${s}$x; done; ip link delete dnl${s}br
      docker rm -f dnl-${s}-02-c1 dnl-${s}-02-c2 dnl-${s}-02-c3 >/dev/null
    `,
  "03": (s) => `
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"
      iptables-save -c -t nat >/dev/null
      D=$(mktemp -d); mkdir -p $D/cgi-bin; printf '#!/bin/sh\\nprintf "Content-Type: text/plain\\\\r\\\\n\\\\r\\\\n%%s\\\\n" "$REMOTE_ADDR"\\n' > $D/cgi-bin/ip; chmod +x $D/cgi-bin/ip
      ip netns add dnl${s}in; ip link add dnl${s}h type veth peer name eth0 netns dnl${s}in
      ip addr add 203.0.113.249/29 dev dnl${s}h; ip link set dnl${s}h up
      ip -n dnl${s}in addr add 203.0.113.250/29 dev eth0; ip -n dnl${s}in link set eth0 up; ip -n dnl${s}in link set lo up; ip -n dnl${s}in route add default via 203.0.113.249
      ip netns exec dnl${s}in busybox httpd -p 203.0.113.250:80 -h $D
      docker run -d $L --name dnl-${s}-03-web -p 127.0.0.1:29999:80 docker-net-lab/toolbox:0.1.0 httpd -f -p 80 -h /var/www >/dev/null
      docker port dnl-${s}-03-web >/dev/null; iptables -t nat -L DOCKER -n >/dev/null; iptables -L DOCKER -n >/dev/null
      for i in 1 2 3 4 5 6 7 8 9 10; do curl -sf http://127.0.0.1:29999/ >/dev/null && break; sleep 0.2; done
      pgrep -f "docker-proxy .*-host-port 29999 " >/dev/null
      iptables-save -c -t nat >/dev/null; docker exec dnl-${s}-03-web wget -qO- http://203.0.113.250/cgi-bin/ip >/dev/null; iptables-save -c -t nat >/dev/null
      docker inspect dnl-${s}-03-web >/dev/null
      kill $(ip netns pids dnl${s}in); sleep 0.2; ip netns delete dnl${s}in; ip link delete dnl${s}h 2>/dev/null || true; rm -rf $D
      docker rm -f dnl-${s}-03-web >/dev/null
    `,
  "04": (s) => `
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"; P=dnl-${s}-04; I=docker-net-lab/toolbox:0.1.0
      docker network create $L --driver bridge --subnet 10.213.252.0/24 $P-neta >/dev/null
      docker run -d $L --name $P-a1 --network $P-neta --dns 127.0.0.1 $I sleep 3600 >/dev/null
      docker run -d $L --name $P-a2 --network $P-neta --dns 127.0.0.1 $I sleep 3600 >/dev/null
      docker network inspect $P-neta >/dev/null
      docker exec $P-a1 cat /etc/resolv.conf >/dev/null; docker exec $P-a1 nslookup $P-a2 >/dev/null
      docker run -d $L --name $P-d1 --dns 127.0.0.1 $I sleep 3600 >/dev/null; docker exec $P-d1 nslookup $P-a1 >/dev/null 2>&1 || true
      for w in web1 web2; do docker run -d $L --name $P-$w --network $P-neta --network-alias search --dns 127.0.0.1 $I httpd -f -p 80 -h /var/www >/dev/null; done
      docker exec $P-a1 nslookup search >/dev/null
      docker network create $L --driver bridge --subnet 10.213.253.0/24 $P-netb >/dev/null
      docker run -d $L --name $P-b1 --network $P-netb --dns 127.0.0.1 $I sleep 3600 >/dev/null
      B1=$(docker inspect -f '{{(index .NetworkSettings.Networks "'$P-netb'").IPAddress}}' $P-b1)
      docker exec $P-a1 ping -c 1 -W 1 $B1 >/dev/null 2>&1 || true; iptables-save -t filter >/dev/null
      docker network connect $P-netb $P-a1; docker exec $P-a1 ping -c 1 -W 2 $P-b1 >/dev/null; docker network disconnect $P-netb $P-a1
      docker run -d $L --name $P-legacy --link $P-d1:db --dns 127.0.0.1 $I sleep 3600 >/dev/null; docker exec $P-legacy cat /etc/hosts >/dev/null
      docker rm -f $P-a1 $P-a2 $P-web1 $P-web2 $P-b1 $P-d1 $P-legacy >/dev/null; docker network rm $P-neta $P-netb >/dev/null
    `,
  "05": (s) => `
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"; P=dnl-${s}-05; I=docker-net-lab/toolbox:0.1.0
      docker run -d $L --name $P-nonec --network none $I sleep 3600 >/dev/null; docker exec $P-nonec ip addr >/dev/null
      docker run -d $L --name $P-hostc --network host $I httpd -f -p 127.0.0.1:29998 -h /var/www >/dev/null; docker exec $P-hostc ip link >/dev/null
      for i in 1 2 3 4 5 6 7 8 9 10; do curl -sf http://127.0.0.1:29998/ >/dev/null && break; sleep 0.2; done
      docker run -d $L --name $P-hostp --network host -p 127.0.0.1:29997:80 $I sleep 3600 >/dev/null 2>&1; docker port $P-hostp >/dev/null; iptables -t nat -L DOCKER -n >/dev/null
      docker run -d $L --name $P-app $I httpd -f -p 80 -h /var/www >/dev/null
      docker run -d $L --name $P-side --network container:$P-app $I sleep 3600 >/dev/null
      docker exec $P-side ip addr show eth0 >/dev/null; docker exec $P-side wget -qO- http://127.0.0.1/ >/dev/null; docker inspect $P-app >/dev/null
      docker rm -f $P-nonec $P-hostc $P-hostp $P-side $P-app >/dev/null
    `,
  "06": (s) => `
      L="--label io.docker-net-lab.owner=docker-net-lab --label io.docker-net-lab.session=${s}"
      N=10.216.251; I=docker-net-lab/toolbox:0.1.0
      ip netns add dnl${s}6lan; ip link add dnl${s}6up type veth peer name dnl${s}6pr; ip link set dnl${s}6pr netns dnl${s}6lan
      ip -n dnl${s}6lan addr add $N.1/24 dev dnl${s}6pr; ip -n dnl${s}6lan link set dnl${s}6pr up; ip addr add $N.2/24 dev dnl${s}6up; ip link set dnl${s}6up up
      docker network create $L -d macvlan --subnet $N.0/24 --gateway $N.1 --ip-range $N.64/26 -o parent=dnl${s}6up dnl-${s}-06-lan >/dev/null
      for c in m1 m2; do docker run -d $L --name dnl-${s}-06-$c --network dnl-${s}-06-lan $I httpd -f -p 80 -h /var/www >/dev/null; done
      docker exec dnl-${s}-06-m1 ip link show eth0 >/dev/null; docker exec dnl-${s}-06-m1 ip route >/dev/null
      docker exec dnl-${s}-06-m1 ping -c 2 -W 2 $N.1 >/dev/null
      ! busybox ping -c 1 -W 1 $N.64 >/dev/null
      ip link add dnl${s}6sh link dnl${s}6up type macvlan mode bridge; ip addr add $N.3/32 dev dnl${s}6sh; ip link set dnl${s}6sh up; ip route add $N.64/26 dev dnl${s}6sh
      busybox ping -c 1 -W 1 $N.64 >/dev/null
      ip netns exec dnl${s}6lan wget -q -O /dev/null -T 3 -t 1 http://$N.64/
      docker rm -f dnl-${s}-06-m1 dnl-${s}-06-m2 >/dev/null; docker network rm dnl-${s}-06-lan >/dev/null
      ip link del dnl${s}6sh; ip link del dnl${s}6up; ip netns delete dnl${s}6lan
    `,
  "07": (s) => `
      R=/run/dnl-${s}-07; D=/tmp/dnl-${s}-07; NS=dnl${s}e07; H="-H unix://$R/docker.sock"; I=docker-net-lab/toolbox:0.1.0
      mkdir -p $R $D; echo '{}' > $D/daemon.json; ip netns add $NS; ip -n $NS link set lo up
      start() { nsenter --net=/run/netns/$NS dockerd --config-file $D/daemon.json --data-root $D/data --exec-root $R/exec -H unix://$R/docker.sock --pidfile $R/docker.pid --shutdown-timeout 2 "$@" >>$D/log 2>&1 &
        for i in $(seq 1 200); do docker $H version >/dev/null 2>&1 && return; sleep 0.1; done; return 1; }
      stop() { P=$(cat $R/docker.pid); kill $P; while kill -0 $P 2>/dev/null; do sleep 0.1; done; }
      start; docker save -o $D/t.tar $I; docker $H load -i $D/t.tar >/dev/null
      ip -n $NS -j addr show docker0 >/dev/null; docker $H network inspect bridge >/dev/null
      stop; start --bip 10.217.250.1/24 --default-address-pool base=10.218.240.0/20,size=26
      docker $H network create p1 >/dev/null; docker $H network inspect p1 >/dev/null
      docker $H network create --subnet 10.219.250.0/24 --gateway 10.219.250.1 --ip-range 10.219.250.128/25 -o com.docker.network.driver.mtu=1400 -o com.docker.network.bridge.name=dnl${s}7br c1 >/dev/null
      docker $H run -d --name dyn --network c1 $I httpd -f -p 80 -h /var/www >/dev/null
      docker $H run -d --name fixed --network c1 --ip 10.219.250.10 $I httpd -f -p 80 -h /var/www >/dev/null
      docker $H exec dyn ip addr show eth0 >/dev/null; docker $H exec fixed ip addr show eth0 >/dev/null
      ip netns exec $NS wget -q -O /dev/null -T 3 -t 1 http://10.219.250.10/
      docker $H rm -f dyn fixed >/dev/null; stop
      awk '{print $5}' /proc/self/mountinfo | { grep -e "^$R" -e "^$D" || true; } | sort -r | xargs -r -n1 umount -l
      ip netns delete $NS; rm -rf $R $D
    `,
  "08": (s) => `
      R=/run/dnl-${s}-08; D=/tmp/dnl-${s}-08; NS=dnl${s}e08; H="-H unix://$R/docker.sock"; I=docker-net-lab/toolbox:0.1.0
      mkdir -p $R $D; echo '{}' > $D/daemon.json; ip netns add $NS; ip -n $NS link set lo up
      nsenter --net=/run/netns/$NS dockerd --config-file $D/daemon.json --data-root $D/data --exec-root $R/exec -H unix://$R/docker.sock --pidfile $R/docker.pid --shutdown-timeout 2 --bip 10.220.250.1/24 >>$D/log 2>&1 &
      for i in $(seq 1 200); do docker $H version >/dev/null 2>&1 && break; sleep 0.1; done
      docker save -o $D/t.tar $I; docker $H load -i $D/t.tar >/dev/null
      docker $H swarm init --advertise-addr 10.220.250.1 --default-addr-pool 10.221.240.0/20 --default-addr-pool-mask-length 24 >/dev/null
      docker $H network create -d overlay --attachable --subnet 10.222.250.0/24 ov >/dev/null
      for c in c1 c2; do docker $H run -d --name $c --network ov $I httpd -f -p 80 -h /var/www >/dev/null; done
      docker $H exec c1 ip addr >/dev/null; ID=$(docker $H network inspect -f '{{.Id}}' ov)
      nsenter --net=$R/exec/netns/1-\${ID:0:10} ip -j -d link show >/dev/null
      ip netns add dnl${s}8ipv; ip -n dnl${s}8ipv link add p0 type veth peer name p1
      ip -n dnl${s}8ipv link add iv0 link p0 type ipvlan mode l2 2>/dev/null || true; ip netns delete dnl${s}8ipv
      docker $H exec c1 ping -c 1 -W 2 c2 >/dev/null
      docker $H swarm leave --force >/dev/null; docker $H rm -f c1 c2 >/dev/null
      P=$(cat $R/docker.pid); kill $P; while kill -0 $P 2>/dev/null; do sleep 0.1; done
      awk '{print $5}' /proc/self/mountinfo | { grep -e "^$R" -e "^$D" || true; } | sort -r | xargs -r -n1 umount -l
      ip netns delete $NS; rm -rf $R $D
    `,
};

const time = (run) => {
  const started = performance.now();
  run();
  return Math.round(performance.now() - started);
};

const labs = JSON.parse(execFileSync(process.execPath, [bin, "labs", "list", "--json"], { encoding: "utf8" })).map((lab) => lab.id);
const only = process.argv.slice(2);
const chosen = only.filter((arg) => !arg.startsWith("--"));
const rows = [];
const traceDir = mkdtempSync(join(tmpdir(), "dnl-bench-trace-"));
for (const id of labs.filter((lab) => chosen.length === 0 || chosen.includes(lab))) {
  // The lab's floor, measured in the same run: the commands it ran that a plain script would run too (cells, setup,
  // scenario, teardown; not the kit's snapshots, checks and probes), each with its wall time (src/exec/trace.ts).
  // Two runs: the first after a build finds the compile cache cold for this lab (its cells compile, the kernel builds
  // TypeScript's program: what a lab's very first run and a grader's first submission pay); the second is every later
  // run (a learner's next kernel, the other submissions). Both are reported; the ratios use the second.
  const trace = join(traceDir, `lab${id}.jsonl`);
  let report = null;
  // Both runs share a compile cache of their own, empty before the first.
  const cache = join(traceDir, `compile-cache-${id}`);
  const runLab = () =>
    time(() => {
      rmSync(trace, { force: true });
      const out = execFileSync(process.execPath, [bin, "labs", "run", id, "--solutions", "--json"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, DNL_COMMAND_TRACE: trace, DNL_COMPILE_CACHE: cache },
      });
      report = JSON.parse(out)[0];
    });
  const coldWallMs = runLab();
  const wallMs = runLab();
  const traced = existsSync(trace)
    ? readFileSync(trace, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  // The time covered by at least one command: commands that ran at once (teardown's removals) count once.
  const spans = traced.map((entry) => [entry.end - entry.ms, entry.end]).sort((a, b) => a[0] - b[0]);
  let commandsMs = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [start, end] of spans) {
    if (end > reach) commandsMs += end - Math.max(start, reach);
    reach = Math.max(reach, end);
  }
  const floor = floors[id];
  const scriptFloorMs = floor
    ? time(() => execFileSync("bash", ["-euo", "pipefail", "-c", floor(session())], { stdio: ["ignore", "ignore", "inherit"] }))
    : null;
  const ratio = (a, b) => (b ? Math.round((a / b) * 10) / 10 : null);
  const slowest = report.notebook.cells
    .filter((cell) => cell.ms !== null)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((cell) => ({ cell: cell.id, ms: cell.ms }));
  rows.push({
    lab: id,
    passed: report.passed,
    wallMs,
    coldWallMs,
    notebookMs: report.notebook.durationMs,
    kernelMs: report.notebook.kernelMs,
    floorMs: commandsMs,
    commands: traced.length,
    ratio: ratio(wallMs, commandsMs),
    scriptFloorMs,
    scriptRatio: ratio(wallMs, scriptFloorMs),
    slowest,
  });
  process.stderr.write(
    `lab ${id}: headless ${wallMs} ms (first run after a build ${coldWallMs ?? "-"} ms; notebook ${report.notebook.durationMs} ms), floor ${commandsMs} ms (${traced.length} commands), old script floor ${scriptFloorMs ?? "-"} ms\n`,
  );
}
rmSync(traceDir, { recursive: true, force: true });
mkdirSync(join(root, "test", "bench", "results"), { recursive: true });
// Labs 02-08 together against the sum of their floors (the target: at most 2x, none above 3x).
const floored = rows.filter((row) => row.lab !== "01" && row.floorMs);
const sum = (key) => floored.reduce((total, row) => total + row[key], 0);
const together = floored.length
  ? {
      labs: floored.map((row) => row.lab),
      wallMs: sum("wallMs"),
      floorMs: sum("floorMs"),
      ratio: Math.round((sum("wallMs") / sum("floorMs")) * 10) / 10,
      maxRatio: Math.max(...floored.map((row) => row.ratio)),
      scriptFloorMs: sum("scriptFloorMs"),
      scriptRatio: Math.round((sum("wallMs") / sum("scriptFloorMs")) * 10) / 10,
    }
  : null;
writeFileSync(
  join(root, "test", "bench", "results", "labs.json"),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      loadAverage: loadavg(),
      notes: [
        "wallMs: `labs run NN --solutions` as a process (kernel start, every cell, the final checks, teardown), its second run in a row; coldWallMs: the first, with an empty compile cache (DNL_COMPILE_CACHE=<a new folder>), as the first run after a build.",
        "floorMs: the same run's own commands that a plain script doing the lab would run (cells, setup, scenario, teardown, a private engine's start and stop), summed from DNL_COMMAND_TRACE; not the kit's snapshots, checks and probes.",
        "scriptFloorMs: the hand-written bash floors below (written for the labs of 2026-12-02; the labs have grown since, so they understate the work).",
      ],
      rows,
      together,
    },
    null,
    2,
  )}\n`,
);
