// Lab 07 · Addressing: docker0's address, address pools, subnets, `--ip-range`, static `--ip`, MTU: the source of labs/07-addressing/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 07 · Addressing: docker0's address, address pools, subnets, `--ip-range`, static `--ip`, MTU

Seed 002 notes that docker0 is set to **172.17.42.1/16** automatically (today **172.17.0.1/16**), that this subnet decides which addresses containers get, and that you can change it ("docker0 IP 및 CIDR 변경하기"). In this lab you change it, and every other addressing knob Docker has. When you are done you can:

- change docker0's address and the default address pools of an engine;
- predict which subnet a network without `--subnet` gets;
- plan a network (subnet, gateway, the range Docker hands out, MTU, bridge name) and pin a container's address;
- choose a static address Docker can never give away, and repair a network where it did.

As in the other labs: **prediction** cells first (only *when* you predict counts), a failed check's **hint** grows with each failure (or `await lab.hint("07.…")`).

The knobs:

| where | knob | what it decides |
|---|---|---|
| engine (`dockerd`, or `daemon.json`) | `--bip 10.x.y.1/24` | docker0's own address **and** the default bridge's subnet |
| engine | `--default-address-pool base=…,size=…` | where `docker network create` takes a subnet when you give none |
| engine | `--mtu` | the MTU of the default bridge's containers |
| network | `--subnet`, `--gateway` | a user-defined network's addresses |
| network | `--ip-range` | the part of the subnet Docker hands out by itself |
| network | `-o com.docker.network.driver.mtu=…`, `-o com.docker.network.bridge.name=…` | MTU and bridge name of one network |
| container | `--ip` | a fixed address you choose |

> **The post says** change docker0's address in the engine's start options (seed 002's era: `DOCKER_OPTS="--bip=…"` in `/etc/default/docker`). **Today** the same options live in `/etc/docker/daemon.json` (`"bip": "10.x.y.1/24"`, `"default-address-pools": [{"base": "…", "size": 26}]`, `"mtu": 1400`), read when the service (re)starts. The post's host shows MTU 9001 on docker0 (jumbo frames on its cloud network); an engine uses 1500 unless told otherwise.

**Why a private engine?** Changing `--bip` means restarting `dockerd`, which would stop every container on the machine. So this lab starts **its own** engine: its own `dockerd` with its own data root, exec root, socket and pid file, running inside its own network namespace (`engine.netns`). It has its own docker0 there, which cannot clash with yours. You talk to it with `docker -H unix:///run/dnl-…/docker.sock`: `engine.sh` adds that `-H` for you and prints it. **Your own engine is never touched.**
*/

// %% code setup
import { openLab, privateEngine, parseIpAddr, parseIpLink, parseNetworkInspect, parseContainerInspect } from "docker-net-lab";

const lab = await openLab("07");
await lab.setup();                    // starts the private engine (a few seconds) and copies the toolbox image into it
const engine = privateEngine(lab);
const [pooled, custom, dyn, fixed] = ["pooled", "custom", "dyn", "fixed"].map((s) => lab.name(s));
const params = await lab.params();    // subnets chosen for your session
const at = (cidr: string, n: number) => cidr.split(".").slice(0, 3).join(".") + "." + n;
const bip = `${at(String(params["bip-subnet"]), 1)}/24`;
const pool = String(params["pool"]);
const subnet = String(params["custom-subnet"]);
const [gateway, ipRange, staticIp, bridgeName] = [at(subnet, 1), `${at(subnet, 128)}/25`, at(subnet, 10), lab.session.ifname("7br")];
({ host: engine.host, netns: engine.netns, bip, pool, subnet, gateway, ipRange, staticIp, bridgeName });

/* %% md fresh-md
## 1 · A fresh engine

The private engine started with no options at all, in an empty namespace. Predict, then read its docker0 in the engine's namespace (`ip -n NETNS`) and from Docker's side:
*/

// %% predict p-fresh fresh-docker0
await lab.predict("fresh-docker0", undefined);
// %% solution p-fresh
await lab.predict("fresh-docker0", "172.17.42.1/16");

// %% code fresh concepts=17
const freshOut = await lab.sh`ip -n ${engine.netns} -j -d addr show docker0`;
const [fresh] = parseIpAddr(freshOut.stdout).value;
lab.view(freshOut, { name: fresh.name, kind: fresh.kind, addresses: fresh.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`) }, "ip -n NETNS -j -d addr show docker0");
const freshNet = await engine.sh`docker network inspect bridge`;
lab.view(freshNet, parseNetworkInspect(freshNet.stdout).value.map((n) => ({ name: n.name, ipam: n.ipam.config, bridge: n.options["com.docker.network.bridge.name"] })), "docker -H … network inspect bridge");
await lab.observe("fresh-docker0", async () => fresh.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`)[0]);

/* %% md ex1-md
### Exercise 1 · restart the engine with a new docker0 address and an address pool

Seed 002's recipe is to change the engine's options and restart it. Here `engine.restart(options)` does that: it stops the private `dockerd` and starts it again with the options you give, as `daemon.json` would (`bip`, `defaultAddressPools`: a list of `{ base, size }`, `mtu`…). It prints the real `dockerd` command line.

Restart it so that docker0 gets the address `bip` (docker0's **own address with its prefix**, …**.1**\/24, not the network address), and new networks without `--subnet` come from `pool` in pieces of 64 addresses. Do it inside `engine.step(…)`: like `lab.step`, it shows what changed in the engine's namespace, in red.
*/

// %% exercise ex1 type=build concepts=17
// Exercise 1: restart the private engine with bip and a default address pool (base: pool, pieces of 64 addresses).
await engine.step("the engine restarts with a new docker0 address", async () => {
  // your restart here
});
// %% solution ex1
// Exercise 1: restart the private engine with bip and a default address pool (base: pool, pieces of 64 addresses).
await engine.step("the engine restarts with a new docker0 address", async () => {
  await engine.restart({ bip: bip, defaultAddressPools: [{ base: pool, size: 26 }] });
});

// %% code ex1-self
// Self-check: docker0 now has the new address.
const [docker0] = parseIpAddr((await lab.sh`ip -n ${engine.netns} -j addr show docker0`).stdout).value;
const now = docker0?.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`) ?? [];
lab.expect(`docker0 is ${bip}`, now.includes(bip), "Run the exercise cell; the restart takes a few seconds.");

// %% check ex1-check 07.bip

/* %% md ex2-md
## 2 · Default address pools

Next you create a network on the private engine **without** `--subnet`. Predict first:
*/

// %% predict p-pooled pooled-subnet
await lab.predict("pooled-subnet", undefined);
// %% solution p-pooled
await lab.predict("pooled-subnet", bip.replace(/\.1\/24$/, ".0/24"));

/* %% md ex2-task
### Exercise 2 · a network without `--subnet`

Create `pooled` on the private engine (`engine.sh`) without `--subnet`, read the subnet Docker chose, and record it as `"pooled-subnet"`.
*/

// %% exercise ex2 type=observe concepts=17
// Exercise 2: create `pooled` without --subnet on the private engine; record its subnet as "pooled-subnet".
// %% solution ex2
// Exercise 2: create `pooled` without --subnet on the private engine; record its subnet as "pooled-subnet".
await engine.sh`docker network create ${pooled}`;
const [pooledNet] = parseNetworkInspect((await engine.sh`docker network inspect ${pooled}`).stdout).value;
await lab.answer("pooled-subnet", pooledNet.ipam.config[0]?.subnet);

// %% code pooled-view concepts=17
await lab.observe("pooled-subnet", async () => (await engine.network(pooled))?.ipam.config[0]?.subnet ?? "(no network)");

// %% check ex2-check 07.address-pool

/* %% md ex3-md
## 3 · A network you plan yourself

### Exercise 3 · subnet, gateway, `--ip-range`, MTU and bridge name

Create `custom` on the private engine with

- the subnet `subnet` and the gateway `gateway`;
- the range `ipRange` as the part Docker hands out by itself (the upper half, .128-.255), so the lower half is yours for fixed addresses;
- the driver options (`-o`) `com.docker.network.driver.mtu` = 1400 and `com.docker.network.bridge.name` = `bridgeName` (instead of a generated `br-<id>`).

Then run two containers on it with `httpd -f -p 80 -h /var/www`: `dyn` with no address of yours, and `fixed` at the static address `staticIp`. All of it inside the `engine.step` of the exercise cell.
*/

// %% exercise ex3 type=build concepts=17
// Exercise 3: create `custom`; run `dyn` (no address of yours) and `fixed` (at staticIp) on it.
await engine.step("custom, dyn and fixed", async () => {
  // your commands here
});
// %% solution ex3
// Exercise 3: create `custom`; run `dyn` (no address of yours) and `fixed` (at staticIp) on it.
await engine.step("custom, dyn and fixed", async () => {
  await engine.sh`docker network create --subnet ${subnet} --gateway ${gateway} --ip-range ${ipRange} -o com.docker.network.driver.mtu=1400 -o com.docker.network.bridge.name=${bridgeName} ${custom}`;
  await engine.sh`docker run -d --name ${dyn} --network ${custom} ${lab.image} httpd -f -p 80 -h /var/www`;
  await engine.sh`docker run -d --name ${fixed} --network ${custom} --ip ${staticIp} ${lab.image} httpd -f -p 80 -h /var/www`;
});

/* %% md mtu-md
What MTU does dyn's eth0 have now? Predict, then look inside both containers:
*/

// %% predict p-mtu dyn-mtu
await lab.predict("dyn-mtu", undefined);
// %% solution p-mtu
await lab.predict("dyn-mtu", "1500, the default");

// %% code ex3-self
// What each container sees on eth0 (busybox ip, parsed).
const mtus: Record<string, number | null> = {};
for (const name of [dyn, fixed]) {
  const out = await engine.exec(["docker", "exec", name, "ip", "addr", "show", "eth0"], { quiet: true }).catch(() => null);
  const [eth0] = out ? parseIpAddr(out.stdout).value : [];
  mtus[name] = eth0?.mtu ?? null;
  console.log(`${name}: eth0 ${eth0?.addresses[0]?.address ?? "?"} mtu ${eth0?.mtu ?? "?"}`);
}
await lab.observe("dyn-mtu", async () => (mtus[dyn] === 1400 ? "1400, the network's option" : mtus[dyn] === 1500 ? "1500, the default" : "the MTU of the engine's docker0"));

// %% check ex3-check 07.custom-network 07.static-and-range

/* %% md ex4-md
### Exercise 4 · a static address nobody else can get

Another container, `cache`, will need a fixed address on `custom` too. Choose one that Docker can never hand to a container started without `--ip`, that is not the gateway, and that nobody holds yet; record it as `"safe-static"` (an IPv4 address). The network's IPAM config and its Containers map have what you need.
*/

// %% exercise ex4 type=reason concepts=17
// Exercise 4: record a static address for `cache` on custom that Docker can never give away, as "safe-static".
// %% solution ex4
// Exercise 4: record a static address for `cache` on custom that Docker can never give away, as "safe-static".
await lab.answer("safe-static", at(subnet, 20));

// %% check ex4-check 07.safe-static

/* %% md draw-md
The private engine's namespace drawn like a host: docker0 with its new address, your bridge `bridgeName`, and the containers under it with the veth that plugs each in. `ip -n NETNS link` confirms the MTU per bridge.
*/

// %% code draw concepts=17
await engine.draw("Lab 07: the private engine after your changes");
const linksOut = await lab.sh`ip -n ${engine.netns} -j -d link show type bridge`;
lab.view(linksOut, parseIpLink(linksOut.stdout).value.map((l) => ({ name: l.name, kind: l.kind, mtu: l.mtu, state: l.operstate })), "ip -n NETNS -j -d link show type bridge");

/* %% md trouble-md
## 4 · Troubleshooting: a static address that is taken

The next cell sets up a network `team` on the private engine, a container `worker` on it, and tries to start `db` at the address other machines expect it at (only in your session). db does not start. Find out why with `docker network inspect` and `docker inspect` on the private engine (`engine.sh`), name the cause, and fix it so that it cannot happen again.
*/

// %% code scenario concepts=17
await lab.scenario();

// %% exercise ex5 type=troubleshoot concepts=17
// Exercise 5: find out why db (lab.name("db")) cannot start at its planned address on team; name the cause; fix it for good.
// 1. Look: add cells as you like (the team network is lab.name("team"), its subnet params["team-subnet"]).
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it.
// %% solution ex5
// Exercise 5: find out why db (lab.name("db")) cannot start at its planned address on team; name the cause; fix it for good.
const [team, worker, db] = [lab.name("team"), lab.name("worker"), lab.name("db")];
const teamSubnet = String(params["team-subnet"]);
const [teamNet] = parseNetworkInspect((await engine.sh`docker network inspect ${team}`).stdout).value;
({ ipam: teamNet.ipam.config, containers: Object.values(teamNet.containers).map((c) => `${c.name} ${c.ipv4Address}`) });   // worker holds .2; no ip-range
await lab.diagnose("static-in-range");
await engine.sh`docker rm -f ${db} ${worker}`;
await engine.sh`docker network rm ${team}`;
await engine.sh`docker network create --subnet ${teamSubnet} --ip-range ${at(teamSubnet, 128)}/25 ${team}`;
await engine.sh`docker run -d --name ${worker} --network ${team} ${lab.image} sleep 3600`;
await engine.sh`docker run -d --name ${db} --network ${team} --ip ${at(teamSubnet, 2)} ${lab.image} httpd -f -p 80 -h /var/www`;

// %% check ex5-check 07.team-fixed

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again. (The grader also runs a hidden check: `fixed` answers HTTP at its static address.)

A note on seed 001's "addresses may change" ("이 IP는 컨테이너를 재시작할 때마다 변경될 수 있습니다"): containers on a network **without** `--ip` get the next free address when they start, so a restart can give them another one. `--ip` pins it; keeping static addresses outside `--ip-range` means Docker never hands them to someone else.
*/

// %% check predictions-check 07.predictions

// %% check all-checks

/* %% md teardown-md
## Teardown

Stops the private engine (by its pid file) with its containerd and containers, unmounts what it mounted, deletes its network namespace (its docker0, bridges and veths go with it) and its directories. Your own engine was never touched. Running it twice is harmless; `npx docker-net-lab clean` also finds a leftover private engine by the marker file it keeps in the state directory.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("07");
await finished.teardown();
