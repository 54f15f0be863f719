// Record what each engine of the matrix builds for the same small scene, as fixtures for the pure tests of the
// version-aware facts (src/topology/nat.ts, src/topology/engine-facts.ts): iptables-save -c of every table, docker
// inspect of the containers and networks, the docker-proxy processes. Run with `DNL_RECORD=1 npx vitest run
// --config test/engines/vitest.config.ts` (DNL_ENGINES narrows it); it writes test/topology/fixtures/engines/<name>/.
//
// The scene: default bridge `web` publishing 127.0.0.1:18080->80; user bridges neta (a1 publishing 18081->80) and
// netb (b1); an --internal network (i1). Traffic: a request from the engine's namespace to 127.0.0.1:18080, a1 to
// its own published port on its gateway (hairpin), a1 pinging b1 (isolation drop). Everything stays inside the
// engine's network namespace, which has no way out. (busybox 1.35's wget segfaults with -T: `timeout` bounds it.)
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { repoRoot } from "../helpers/cli.js";
import { labProcessArgv, type MatrixEngine } from "./engine.js";

const scene = String.raw`
set -u
label="--label io.docker-net-lab.session=fixtures"
img=docker-net-lab/toolbox:0.1.0
docker network create $label --subnet 10.231.1.0/24 dnl-rec-neta >/dev/null
docker network create $label --subnet 10.231.2.0/24 dnl-rec-netb >/dev/null
docker network create $label --internal --subnet 10.231.3.0/24 dnl-rec-int >/dev/null
docker run -d $label --name dnl-rec-web -p 127.0.0.1:18080:80 $img httpd -f -p 80 -h /var/www >/dev/null
docker run -d $label --name dnl-rec-a1 --network dnl-rec-neta -p 18081:80 $img httpd -f -p 80 -h /var/www >/dev/null
docker run -d $label --name dnl-rec-b1 --network dnl-rec-netb $img sleep 600 >/dev/null
docker run -d $label --name dnl-rec-i1 --network dnl-rec-int $img sleep 600 >/dev/null
sleep 1
curl -s -o /dev/null -w 'loopback %{http_code}\n' --max-time 5 http://127.0.0.1:18080/ || echo "loopback failed"
docker exec dnl-rec-a1 timeout 5 wget -q -O /dev/null http://10.231.1.1:18081/ && echo "hairpin-a1 ok" || echo "hairpin-a1 failed"
b1=$(docker inspect -f '{{(index .NetworkSettings.Networks "dnl-rec-netb").IPAddress}}' dnl-rec-b1)
docker exec dnl-rec-a1 ping -c 1 -W 1 $b1 >/dev/null && echo "cross-bridge ping answered" || echo "cross-bridge ping dropped"
`;

const collect = String.raw`
set -u
out=$1
iptables-save -c > $out/iptables-save.txt
docker inspect dnl-rec-web dnl-rec-a1 dnl-rec-b1 dnl-rec-i1 > $out/container-inspect.json
docker network inspect bridge dnl-rec-neta dnl-rec-netb dnl-rec-int > $out/network-inspect.json
ps -eo pid=,args= | grep '[d]ocker-proxy' | sed 's/^ *//' > $out/proxies.txt || true
docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' > $out/version.txt
iptables --version > $out/iptables-version.txt
`;

const teardown = String.raw`
docker rm -f dnl-rec-web dnl-rec-a1 dnl-rec-b1 dnl-rec-i1 >/dev/null 2>&1
docker network rm dnl-rec-neta dnl-rec-netb dnl-rec-int >/dev/null 2>&1
true
`;

/** Build the scene on `engine`, record it under test/topology/fixtures/engines/`name`, remove the scene. */
export const recordScene = async (engine: MatrixEngine, name: string): Promise<string> => {
  const dir = join(repoRoot, "test", "topology", "fixtures", "engines", name);
  await mkdir(dir, { recursive: true });
  const sh = async (script: string, ...args: string[]) => {
    const argv = labProcessArgv(engine, ["sh", "-c", script, "sh", ...args], { checkout: repoRoot });
    const result = await execa(argv[0] as string, argv.slice(1), { reject: false, all: true, timeout: 300_000 });
    return String(result.all ?? "");
  };
  await sh("node dist/cli/bin.js setup --quiet");
  try {
    const seen = await sh(scene);
    await sh(collect, dir);
    const version = (await execa("cat", [join(dir, "version.txt")])).stdout.trim();
    const iptables = (await execa("cat", [join(dir, "iptables-version.txt")])).stdout.trim();
    const meta = {
      command:
        "iptables-save -c; docker inspect …; docker network inspect …; ps -eo pid=,args= | grep docker-proxy (scene and commands: test/engines/record.ts)",
      source: "recorded",
      host: `${engine.spec.distribution} root (test/helpers/rootfs.ts) with its own network namespace, on the Debian 12 host`,
      docker: `Docker Engine ${version}, ${engine.spec.distribution} docker.io${engine.options.userlandProxy === false ? ", dockerd --userland-proxy=false" : ""}`,
      iptables,
      date: new Date().toISOString().slice(0, 10),
      seen: seen.trim().split("\n"),
    };
    await writeFile(join(dir, "meta.json"), `${JSON.stringify(meta, null, 2)}\n`);
    return seen;
  } finally {
    await sh(teardown);
  }
};
