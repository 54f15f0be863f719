// Lab 08 · Overlay networks, VXLAN, and the other drivers: the source of labs/08-overlay/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 08 · Overlay networks, VXLAN, and the other drivers

Seed 003's *network driver summary*:

| driver | best when | where in this course |
|---|---|---|
| `bridge` | containers talk on **one** host | labs 01-04, 07 |
| `host` | no network isolation from the host | lab 05 |
| `none` | no network at all (only `lo`) | lab 05 |
| `overlay` | containers on **different Docker hosts** talk; swarm services | **this lab** |
| `macvlan` | containers must look like physical machines on the LAN, each with its own MAC | lab 06 |
| `ipvlan` | like macvlan, but all children share the parent's MAC | **this lab** (if the kernel has it) |
| third-party plugins | special network stacks (Weave, Calico, …) | **this lab** (how to see them) |

An **overlay** network spans hosts: each host keeps a small namespace per overlay with a Linux bridge (`br0`) and a **VXLAN** interface that wraps every Ethernet frame in UDP (port 4789) and sends it to the other hosts. Overlays need **swarm mode**, even with a single node. `--attachable` lets plain `docker run` containers join, not only swarm services.

**A private engine again.** `docker swarm init` changes the engine for good (until you leave the swarm). So, as in lab 07, the lab starts **its own engine** in its own network namespace, and you talk to it with `engine.sh` (= `docker -H unix:///run/dnl-…/docker.sock`). Your engine does not join any swarm; the teardown makes the private engine leave its swarm and removes it.
*/

// %% code setup
import { openLab, privateEngine, parseIpLink, parseIpAddr, parseNetworkInspect } from "docker-net-lab";

const lab = await openLab("08");
await lab.setup();                     // starts the private engine and copies the toolbox image into it
const engine = privateEngine(lab);
const [ov, c1, c2, scratch] = [lab.name("ov"), lab.name("c1"), lab.name("c2"), lab.session.ifname("8ipv")];
const params = await lab.params();
const advertise = String(params["bip-subnet"]).replace(/\.0\/24$/, ".1");   // docker0 in the engine's namespace
const swarmPool = String(params["swarm-pool"]);
const overlaySubnet = String(params["overlay-subnet"]);
({ host: engine.host, netns: engine.netns, advertise, swarmPool, overlaySubnet, ov, c1, c2 });

/* %% md ex1-md
## 1 · A single-node swarm

### Exercise 1 · `docker swarm init` on the private engine

```
docker swarm init --advertise-addr ADDRESS --default-addr-pool POOL --default-addr-pool-mask-length 24
```

`--advertise-addr` is the address other nodes would use to reach this one: use `advertise` (docker0's address inside the engine's namespace). The address pool is where swarm-scoped networks take subnets when you give none (`swarmPool`).
*/

// %% exercise ex1 concepts=18
// Exercise 1: initialise a single-node swarm on the private engine.
// %% solution ex1
// Exercise 1: initialise a single-node swarm on the private engine.
await engine.sh`docker swarm init --advertise-addr ${advertise} --default-addr-pool ${swarmPool} --default-addr-pool-mask-length 24`;

// %% code ex1-self
// Self-check: the swarm section of `docker info`.
const swarmOut = await engine.exec(["docker", "info", "--format", "{{json .Swarm}}"], { quiet: true });
const swarm = JSON.parse(swarmOut.stdout);
lab.view(swarmOut, { state: swarm.LocalNodeState, manager: swarm.ControlAvailable, address: swarm.NodeAddr }, "docker -H … info --format '{{json .Swarm}}'");
lab.expect("the swarm is active", swarm.LocalNodeState === "active", "Run the exercise cell.");

// %% check ex1-check 08.swarm

/* %% md ex2-md
## 2 · An attachable overlay network

### Exercise 2 · create `ov` and run c1 and c2 on it

1. `docker network create -d overlay --attachable --subnet overlaySubnet ov`
2. run `c1` and `c2` on it, each with `httpd -f -p 80 -h /var/www`.

Each container gets **two** interfaces: `eth0` on the overlay (MTU **1450**: the VXLAN header takes 50 bytes of the usual 1500) and `eth1` on `docker_gwbridge`, a local bridge for traffic leaving the host.
*/

// %% exercise ex2 concepts=18
// Exercise 2: create the attachable overlay `ov`; run c1 and c2 on it.
// %% solution ex2
// Exercise 2: create the attachable overlay `ov`; run c1 and c2 on it.
await engine.sh`docker network create -d overlay --attachable --subnet ${overlaySubnet} ${ov}`;
await engine.sh`docker run -d --name ${c1} --network ${ov} ${lab.image} httpd -f -p 80 -h /var/www`;
await engine.sh`docker run -d --name ${c2} --network ${ov} ${lab.image} httpd -f -p 80 -h /var/www`;

// %% code ex2-self
// Self-check: c1's interfaces (busybox ip, parsed): eth0 on the overlay, eth1 on docker_gwbridge.
const c1Out = await engine.exec(["docker", "exec", c1, "ip", "addr"], { quiet: true }).catch(() => null);
const c1If = c1Out ? parseIpAddr(c1Out.stdout).value : [];
if (c1Out) lab.view(c1Out, c1If.map((i) => ({ name: i.name, mtu: i.mtu, addresses: i.addresses.map((a) => `${a.address}/${a.prefix}`) })), "docker -H … exec c1 ip addr");
lab.expect("c1 has an interface with MTU 1450", c1If.some((i) => i.mtu === 1450), "Run c1 on the overlay network (exercise 2).");

// %% check ex2-check 08.overlay-network 08.overlay-containers

/* %% md ex3-md
## 3 · The VXLAN interface and its namespace

Docker keeps one namespace per overlay network on each host, as a file under the engine's exec root: `EXECROOT/netns/1-<first 10 characters of the network id>` (for your own engine that is `/var/run/docker/netns/1-…`). `nsenter --net=FILE` runs a command inside it. There you find `br0` (a bridge), one `veth` per local container, and `vxlan0`, whose **VNI** (VXLAN id) tags this network's frames on the wire.

### Exercise 3 · record the VNI and the bridge vxlan0 is plugged into

List the files in `${engine.paths.execRoot}/netns`, then the links in the overlay's namespace (`ip -j -d link show`, parsed). Find the link whose `kind` is `vxlan`; record its `kindData.id` as `"vxlan-id"` and its `master` as `"vxlan-master"`.
*/

// %% exercise ex3 concepts=18
// Exercise 3: find vxlan0 in the overlay's namespace; record "vxlan-id" and "vxlan-master".
// %% solution ex3
// Exercise 3: find vxlan0 in the overlay's namespace; record "vxlan-id" and "vxlan-master".
await lab.sh`ls ${engine.paths.execRoot}/netns`;
const [ovNet] = parseNetworkInspect((await engine.sh`docker network inspect ${ov}`).stdout).value;
const ovNs = `${engine.paths.execRoot}/netns/1-${ovNet.id.slice(0, 10)}`;
const ovLinks = parseIpLink((await lab.sh`nsenter --net=${ovNs} ip -j -d link show`).stdout).value;
const vxlan = ovLinks.find((l) => l.kind === "vxlan");
await lab.answer("vxlan-id", vxlan?.kindData?.id);
await lab.answer("vxlan-master", vxlan?.master);

// %% check ex3-check 08.vxlan

/* %% md draw-md
The private engine's namespace drawn like a host. Overlay networks are not Linux bridges in that namespace (their `br0` lives in the overlay's own namespace, above), so the picture shows the containers' **second** leg: `docker_gwbridge`.
*/

// %% code draw
await engine.draw("Lab 08: the private engine (c1 and c2 via docker_gwbridge)");

/* %% md ex4-md
## 4 · Plugin drivers and ipvlan

`docker info` lists the network drivers this engine knows. Third-party drivers arrive as **plugins** (`docker plugin install …`, listed by `docker plugin ls`); none are installed here, and this machine has no registry to fetch one from.
*/

// %% code drivers concepts=18
const driversOut = await engine.exec(["docker", "info", "--format", "{{json .Plugins.Network}}"], { quiet: true });
lab.view(driversOut, JSON.parse(driversOut.stdout), "docker info --format '{{json .Plugins.Network}}'");
await engine.sh`docker plugin ls`;

/* %% md ex4b-md
Docker lists `ipvlan`, but the driver needs the **kernel's** ipvlan module, and not every kernel has it. Don't assume: test it. In a scratch namespace (`scratch`), make a veth pair and try to hang an ipvlan link off one end:

```
ip netns add SCRATCH
ip -n SCRATCH link add p0 type veth peer name p1
ip -n SCRATCH link add iv0 link p0 type ipvlan mode l2     # works only if the kernel has ipvlan
ip netns delete SCRATCH
```

### Exercise 4 · is ipvlan available here?

Run the test (catch the failure of the third command), delete the scratch namespace in any case, and record `true` or `false` as `"ipvlan-available"`.
*/

// %% exercise ex4 concepts=18
// Exercise 4: test ipvlan in the scratch namespace; record "ipvlan-available" (true/false).
// %% solution ex4
// Exercise 4: test ipvlan in the scratch namespace; record "ipvlan-available" (true/false).
await lab.sh`ip netns add ${scratch}`;
let ipvlanOk = false;
try {
  await lab.sh`ip -n ${scratch} link add p0 type veth peer name p1`;
  ipvlanOk = await lab.sh`ip -n ${scratch} link add iv0 link p0 type ipvlan mode l2`.then(() => true, () => false);
} finally {
  await lab.sh`ip netns delete ${scratch}`;
}
await lab.answer("ipvlan-available", ipvlanOk);

// %% code ex4-self
// Self-check: what you found.
const ipvlan = (await lab.session.answers())["ipvlan-available"];
lab.expect(ipvlan === true ? "ipvlan is available on this kernel" : ipvlan === false ? "ipvlan is NOT available on this kernel: `docker network create -d ipvlan` would fail here" : "no answer yet", typeof ipvlan === "boolean", "Run the exercise cell.");

// %% check ex4-check 08.ipvlan-detected

/* %% md all-md
## All checks

(The grader also runs a hidden check: c1 reaches c2 **by name** across the overlay, through the embedded DNS.)
*/

// %% check all-checks

/* %% md teardown-md
## Teardown

The private engine leaves its swarm (`docker swarm leave --force`), then stops; its namespaces (the engine's, the overlay's, the containers'), mounts and directories are removed, and the scratch namespace too if it is still there. Your own engine was never in a swarm. Running it twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("08");
await finished.teardown();
