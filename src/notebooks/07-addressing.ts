// Lab 07 · Addressing: docker0's address, address pools, subnets, `--ip-range`, static `--ip`, MTU: the source of labs/07-addressing/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 07 · Addressing: docker0's address, address pools, subnets, `--ip-range`, static `--ip`, MTU

Seed 002 notes that docker0 is set to **172.17.42.1/16** automatically (today **172.17.0.1/16**), that this subnet decides which addresses containers get, and that you can change it ("docker0 IP 및 CIDR 변경하기"). In this lab you change it, and every other addressing knob Docker has:

| where | knob | what it decides |
|---|---|---|
| engine (`dockerd`, or `daemon.json`) | `--bip 10.x.y.1/24` | docker0's own address **and** the default bridge's subnet |
| engine | `--default-address-pool base=…,size=…` | where `docker network create` takes a subnet when you give none |
| engine | `--mtu` | the MTU of the default bridge's containers |
| network | `--subnet`, `--gateway` | a user-defined network's addresses |
| network | `--ip-range` | the part of the subnet Docker hands out by itself |
| network | `-o com.docker.network.driver.mtu=…`, `-o com.docker.network.bridge.name=…` | MTU and bridge name of one network |
| container | `--ip` | a fixed address you choose |

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
## 1 · A fresh engine: docker0 is 172.17.0.1/16

Like a new install, the private engine picked **172.17.0.1/16** for its docker0 (its namespace is empty, so nothing clashed). Read it in the engine's namespace (`ip -n NETNS`) and from Docker's side:
*/

// %% code fresh concepts=17
const freshOut = await lab.sh`ip -n ${engine.netns} -j -d addr show docker0`;
const [fresh] = parseIpAddr(freshOut.stdout).value;
lab.view(freshOut, { name: fresh.name, kind: fresh.kind, addresses: fresh.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`) }, "ip -n NETNS -j -d addr show docker0");
const freshNet = await engine.sh`docker network inspect bridge`;
lab.view(freshNet, parseNetworkInspect(freshNet.stdout).value.map((n) => ({ name: n.name, ipam: n.ipam.config, bridge: n.options["com.docker.network.bridge.name"] })), "docker -H … network inspect bridge");

/* %% md ex1-md
### Exercise 1 · restart the engine with a new docker0 address and an address pool

Seed 002's recipe is to put `--bip` into the engine's options and restart it. Here that is one call:

```ts
await engine.restart({ bip: "10.x.y.1/24", defaultAddressPools: [{ base: "10.z.0.0/20", size: 26 }] });
```

`--bip` is docker0's **own address with its prefix** (…**.1**\/24), not the network address. The pool: every `docker network create` without `--subnet` gets the next free /26 (64 addresses) from `pool`. Use `bip` and `pool` from the setup cell. Watch the command line it prints: that is the real `dockerd` command.
*/

// %% exercise ex1 concepts=17
// Exercise 1: restart the private engine with bip and a default address pool (base pool, size 26).
// %% solution ex1
// Exercise 1: restart the private engine with bip and a default address pool (base pool, size 26).
await engine.restart({ bip: bip, defaultAddressPools: [{ base: pool, size: 26 }] });

// %% code ex1-self
// Self-check: docker0 now has the new address.
const [docker0] = parseIpAddr((await lab.sh`ip -n ${engine.netns} -j addr show docker0`).stdout).value;
const now = docker0?.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`) ?? [];
lab.expect(`docker0 is ${bip}`, now.includes(bip), "Run the exercise cell; the restart takes a few seconds.");

// %% check ex1-check 07.bip

/* %% md ex2-md
## 2 · Default address pools

### Exercise 2 · a network without `--subnet`

Create `pooled` on the private engine **without** `--subnet`, parse `docker network inspect`, and record its subnet as `"pooled-subnet"`. It should be a /26 at the start of `pool`.
*/

// %% exercise ex2 concepts=17
// Exercise 2: create `pooled` without --subnet on the private engine; record its subnet as "pooled-subnet".
// %% solution ex2
// Exercise 2: create `pooled` without --subnet on the private engine; record its subnet as "pooled-subnet".
await engine.sh`docker network create ${pooled}`;
const [pooledNet] = parseNetworkInspect((await engine.sh`docker network inspect ${pooled}`).stdout).value;
await lab.answer("pooled-subnet", pooledNet.ipam.config[0]?.subnet);

// %% check ex2-check 07.address-pool

/* %% md ex3-md
## 3 · A network you plan yourself

### Exercise 3 · subnet, gateway, `--ip-range`, MTU and bridge name

Create `custom` on the private engine with

- `--subnet subnet --gateway gateway`
- `--ip-range ipRange`: Docker hands out only the upper half (.128-.255) by itself, so the lower half is yours for fixed addresses;
- `-o com.docker.network.driver.mtu=1400` (seed 002's hosts had MTU 9001 on docker0: the MTU is per bridge);
- `-o com.docker.network.bridge.name=bridgeName` instead of a generated `br-<id>`.

Then run two containers on it with `httpd -f -p 80 -h /var/www`: `dyn` **without** an address, and `fixed` with `--ip staticIp`.
*/

// %% exercise ex3 concepts=17
// Exercise 3: create `custom`; run `dyn` (no --ip) and `fixed` (--ip staticIp) on it.
// %% solution ex3
// Exercise 3: create `custom`; run `dyn` (no --ip) and `fixed` (--ip staticIp) on it.
await engine.sh`docker network create --subnet ${subnet} --gateway ${gateway} --ip-range ${ipRange} -o com.docker.network.driver.mtu=1400 -o com.docker.network.bridge.name=${bridgeName} ${custom}`;
await engine.sh`docker run -d --name ${dyn} --network ${custom} ${lab.image} httpd -f -p 80 -h /var/www`;
await engine.sh`docker run -d --name ${fixed} --network ${custom} --ip ${staticIp} ${lab.image} httpd -f -p 80 -h /var/www`;

// %% code ex3-self
// Self-check: what each container sees on eth0 (busybox ip, parsed).
for (const name of [dyn, fixed]) {
  const out = await engine.exec(["docker", "exec", name, "ip", "addr", "show", "eth0"], { quiet: true }).catch(() => null);
  const [eth0] = out ? parseIpAddr(out.stdout).value : [];
  lab.expect(`${name}: eth0 ${eth0?.addresses[0]?.address ?? "?"} mtu ${eth0?.mtu ?? "?"}`, eth0?.mtu === 1400, "Create the network with -o com.docker.network.driver.mtu=1400 and run both containers on it.");
}

// %% check ex3-check 07.custom-network 07.static-and-range

/* %% md draw-md
The private engine's namespace drawn like a host: docker0 with its new address, your bridge `bridgeName`, and the containers under it with the veth that plugs each in. `ip -n NETNS link` confirms the MTU per bridge.
*/

// %% code draw concepts=17
await engine.draw("Lab 07: the private engine after your changes");
const linksOut = await lab.sh`ip -n ${engine.netns} -j -d link show type bridge`;
lab.view(linksOut, parseIpLink(linksOut.stdout).value.map((l) => ({ name: l.name, kind: l.kind, mtu: l.mtu, state: l.operstate })), "ip -n NETNS -j -d link show type bridge");

/* %% md all-md
## All checks

(The grader also runs a hidden check: `fixed` answers HTTP at its static address.)

A note on seed 002's "addresses may change": containers on a network **without** `--ip` get the next free address when they start, so a restart can give them another one. `--ip` pins it; keeping static addresses outside `--ip-range` means Docker never hands them to someone else.
*/

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
