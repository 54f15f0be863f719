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

When you are done you can:

- make a single-node swarm and an attachable overlay network;
- predict and read a container's two legs on an overlay, and the overlay's MTU;
- follow a container's overlay leg into the overlay's namespace, down to the VXLAN id;
- test whether the kernel has ipvlan, instead of assuming it;
- find why a container cannot reach another one across overlays.

As in the other labs: **prediction** cells first (only *when* you predict counts), a failed check's **hint** grows with each failure (or `await lab.hint("08.…")`).

An **overlay** network spans hosts: each host keeps a small namespace per overlay with a Linux bridge (`br0`) and a **VXLAN** interface that wraps every Ethernet frame in UDP (port 4789) and sends it to the other hosts. Overlays need **swarm mode**, even with a single node. `--attachable` lets plain `docker run` containers join, not only swarm services.

> **The post says** overlay networks connect containers on different hosts (seed 003). **On today's engines** they need swarm mode (since Docker 1.12; older engines needed an external key-value store such as Consul or etcd), even for a single node.

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

Make the private engine (`engine.sh`) a swarm of one node. `docker swarm init` wants the address other nodes would reach this one at (`--advertise-addr`: use `advertise`, docker0's address inside the engine's namespace), and a pool for the subnets of swarm networks created without one (`--default-addr-pool swarmPool`, in /24 pieces: `--default-addr-pool-mask-length`).
*/

// %% exercise ex1 type=build concepts=18
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

Next you create an overlay network and run c1 on it. Predict first:
*/

// %% predict p-legs c1-legs
await lab.predict("c1-legs", undefined);
// %% solution p-legs
await lab.predict("c1-legs", "one: on the overlay");

// %% predict p-mtu overlay-mtu
await lab.predict("overlay-mtu", undefined);
// %% solution p-mtu
await lab.predict("overlay-mtu", "1500, as on a bridge");

/* %% md ex2-task
### Exercise 2 · create `ov` and run c1 and c2 on it

On the private engine: an overlay network named by `ov`, with the subnet `overlaySubnet`, that containers started with plain `docker run` may join (not only swarm services: the *attachable* flag). Then `c1` and `c2` on it, each with `httpd -f -p 80 -h /var/www`. Inside the `engine.step` of the exercise cell: it shows what appeared in the engine's namespace (look for docker_gwbridge).
*/

// %% exercise ex2 type=build concepts=18
// Exercise 2: create the attachable overlay `ov`; run c1 and c2 on it.
await engine.step("the overlay ov, c1 and c2", async () => {
  // your commands here
});
// %% solution ex2
// Exercise 2: create the attachable overlay `ov`; run c1 and c2 on it.
await engine.step("the overlay ov, c1 and c2", async () => {
  await engine.sh`docker network create -d overlay --attachable --subnet ${overlaySubnet} ${ov}`;
  await engine.sh`docker run -d --name ${c1} --network ${ov} ${lab.image} httpd -f -p 80 -h /var/www`;
  await engine.sh`docker run -d --name ${c2} --network ${ov} ${lab.image} httpd -f -p 80 -h /var/www`;
});

// %% code ex2-self
// Self-check: c1's interfaces (busybox ip, parsed): eth0 on the overlay, eth1 on docker_gwbridge.
const c1Out = await engine.exec(["docker", "exec", c1, "ip", "addr"], { quiet: true }).catch(() => null);
const c1If = c1Out ? parseIpAddr(c1Out.stdout).value : [];
if (c1Out) lab.view(c1Out, c1If.map((i) => ({ name: i.name, mtu: i.mtu, addresses: i.addresses.map((a) => `${a.address}/${a.prefix}`) })), "docker -H … exec c1 ip addr");
const legs = c1If.filter((i) => i.name !== "lo");
await lab.observe("c1-legs", async () => (legs.length === 1 ? "one: on the overlay" : legs.length === 2 ? "two: on the overlay and on docker_gwbridge" : "three"));
const onOverlay = legs.find((i) => i.addresses.some((a) => a.address.startsWith(overlaySubnet.split(".").slice(0, 3).join(".") + ".")));
await lab.observe("overlay-mtu", async () => (onOverlay?.mtu === 1450 ? "1450" : onOverlay?.mtu === 9000 ? "9000" : "1500, as on a bridge"));

// %% check ex2-check 08.overlay-network 08.overlay-containers

/* %% md ex3-md
## 3 · The VXLAN interface and its namespace

Docker keeps one namespace per overlay network on each host, as a file under the engine's exec root: `EXECROOT/netns/1-<first 10 characters of the network id>` (for your own engine that is `/var/run/docker/netns/1-…`). `nsenter --net=FILE` runs a command inside it. There you find a bridge, one veth per local container, and a **vxlan** link whose **VNI** (VXLAN id) tags this network's frames on the wire.

### Exercise 3 · follow c1's overlay leg

c1's interface on the overlay says `@ifN`. Here N is an ifindex **in the overlay's namespace**, not on the host: find that link there, the bridge it is plugged into (its `master`), and the VXLAN id of the vxlan link (`kindData.id`). Record `{ peer, bridge, vni }` as `"c1-overlay-path"`.
*/

// %% exercise ex3 type=reason concepts=18
// Exercise 3: record c1's overlay leg in the overlay's namespace as "c1-overlay-path": { peer, bridge, vni }.
// %% solution ex3
// Exercise 3: record c1's overlay leg in the overlay's namespace as "c1-overlay-path": { peer, bridge, vni }.
await lab.sh`ls ${engine.paths.execRoot}/netns`;
const [ovNet] = parseNetworkInspect((await engine.sh`docker network inspect ${ov}`).stdout).value;
const ovNs = `${engine.paths.execRoot}/netns/1-${ovNet.id.slice(0, 10)}`;
const ovLinks = parseIpLink((await lab.sh`nsenter --net=${ovNs} ip -j -d link show`).stdout).value;
const peer = ovLinks.find((l) => l.ifindex === onOverlay?.peerIfindex);
await lab.answer("c1-overlay-path", { peer: peer?.name, bridge: peer?.master, vni: ovLinks.find((l) => l.kind === "vxlan")?.kindData?.id });

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
Docker lists `ipvlan` among its drivers. Predict:
*/

// %% predict p-ipvlan ipvlan-kernel
await lab.predict("ipvlan-kernel", undefined);
// %% solution p-ipvlan
await lab.predict("ipvlan-kernel", "yes");

/* %% md ex4-task
### Exercise 4 · is ipvlan available here?

Don't assume: test it. In a scratch namespace (`scratch`), make a veth pair and try to hang a link of type `ipvlan` (mode `l2`) off one end. Catch the failure of that one command, delete the scratch namespace in any case, and record whether it worked (`true` or `false`) as `"ipvlan-available"`.
*/

// %% exercise ex4 type=observe concepts=18
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
// What you found, beside your prediction.
const ipvlan = (await lab.session.answers())["ipvlan-available"];
await lab.observe("ipvlan-kernel", async () => (ipvlan === true ? "yes" : ipvlan === false ? "no" : "(not tested yet)"));

// %% check ex4-check 08.ipvlan-detected

/* %% md trouble-md
## 5 · Troubleshooting: a container that cannot reach c1

The next cell starts `c3` on the private engine (only in your session); it should reach c1 by name, and cannot. Find out why with `docker inspect` and `docker network inspect` on the private engine (`engine.sh`) and what you learnt about overlays' namespaces, name the cause, and fix it.
*/

// %% code scenario concepts=18
await lab.scenario();
// A name the embedded DNS does not know fails only when its forwarder times out (10 s on Docker 20.10): stop after 2 s.
await engine.sh`docker exec ${lab.name("c3")} timeout 2 ping -c 1 -W 1 ${c1}`.catch(() => console.log("(c3 cannot ping c1 by name)"));

// %% exercise ex5 type=troubleshoot concepts=18
// Exercise 5: find out why c3 (lab.name("c3")) cannot reach c1 by name; name the cause; fix it.
// 1. Look: add cells as you like.
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it.
// %% solution ex5
// Exercise 5: find out why c3 (lab.name("c3")) cannot reach c1 by name; name the cause; fix it.
const c3 = lab.name("c3");
const networksOf = async (name: string) => Object.keys(JSON.parse((await engine.exec(["docker", "inspect", "-f", "{{json .NetworkSettings.Networks}}", name], { quiet: true })).stdout));
({ c1: await networksOf(c1), c3: await networksOf(c3) });   // c3 is on another overlay
await lab.diagnose("other-overlay");
await engine.sh`docker network connect ${ov} ${c3}`;

// %% check ex5-check 08.c3-fixed

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again. (The grader also runs a hidden check: c1 reaches c2 **by name** across the overlay, through the embedded DNS.)
*/

// %% check predictions-check 08.predictions

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
