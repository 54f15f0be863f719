// Lab 06 · macvlan: containers with their own MAC on the LAN: the source of labs/06-macvlan/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 06 · macvlan: containers with their own MAC on the LAN

Seed 001 (§2.6) says: *MacVLAN virtualises the host's network card, so each container gets its own MAC address on the physical network and an address from the network equipment, instead of 172.17.x.x.* Seed 003 adds: use it when containers must *look like physical hosts on your network*.

In this lab you:

1. create a **macvlan** network whose *parent* is a network interface (the "cable" to the LAN);
2. run two containers on it and see that each has **its own MAC** and a **LAN address**, with no bridge and no NAT in between;
3. reach the LAN router from a container;
4. see the classic surprise: **the host cannot reach its own macvlan children**, and fix it with a **macvlan shim** on the host.

**Safety first.** A macvlan network on the machine's real uplink would put containers on a LAN that is not yours. So the lab builds its own LAN: a **veth pair** plays the cable. Its host end (`uplink` below) is the macvlan parent; its other end sits in a namespace (`lan`) that plays the LAN router. Every packet in this lab stays inside this machine.

```
  host ── uplink ═══ veth cable ═══ peer (router, in namespace "lan")
            ├─ m1 (macvlan child: own MAC, LAN address)
            ├─ m2 (macvlan child)
            └─ shim (exercise 4: the host's own macvlan child)
```
*/

// %% code setup
import { openLab, parseIpLink, parseIpAddr, parseIpRoute, parseNetworkInspect } from "docker-net-lab";

const lab = await openLab("06");
await lab.setup();   // prints the ip commands it ran: the LAN namespace, the veth "cable", the addresses
const [m1, m2, net] = [lab.name("m1"), lab.name("m2"), lab.name("lan")];
// Kernel names (at most 15 characters): the LAN namespace, the uplink (macvlan parent), its peer, the shim of exercise 4.
const [lan, uplink, peer, shim] = ["6lan", "6up", "6pr", "6sh"].map((s) => lab.session.ifname(s));
const subnet = String((await lab.params())["lan-subnet"]);   // chosen free on this host for your session
const base = subnet.split(".").slice(0, 3).join(".");
const [router, hostAddr, shimAddr, ipRange] = [`${base}.1`, `${base}.2/24`, `${base}.3/32`, `${base}.64/26`];
({ m1, m2, net, lan, uplink, peer, shim, subnet, router, hostAddr, shimAddr, ipRange });

/* %% md lan-md
## 1 · The LAN the lab built

The host end of the cable, `uplink`, has the address `hostAddr` (like a host's `eth0` on a real LAN); the other end lives in the `lan` namespace with the router address. `ip -d` shows the link **kind** (`veth`) and `@ifN`/`link_netnsid` show where the peer lives:
*/

// %% code lan-view
const upOut = await lab.sh`ip -j -d addr show dev ${uplink}`;
const [up] = parseIpAddr(upOut.stdout).value;
lab.view(upOut, { name: up.name, kind: up.kind, mac: up.mac, peerIfindex: up.peerIfindex, linkNetnsid: up.linkNetnsid, addresses: up.addresses.map((a) => `${a.address}/${a.prefix}`) }, `ip -j -d addr show dev ${uplink}`);
const lanOut = await lab.sh`ip -n ${lan} -j -d addr show`;
lab.view(lanOut, parseIpAddr(lanOut.stdout).value.map((i) => ({ name: i.name, kind: i.kind, mac: i.mac, addresses: i.addresses.map((a) => `${a.address}/${a.prefix}`) })), `ip -n ${lan} -j -d addr show`);

/* %% md ex1-md
### Exercise 1 · a macvlan network on the uplink

`docker network create -d macvlan` needs:

- `-o parent=IFACE`: the interface the children hang off (here `uplink`, **never** `eth0`);
- `--subnet` and `--gateway`: the LAN's own subnet and router, because the containers join the LAN itself;
- `--ip-range`: the part of the subnet Docker may hand out. Docker runs no DHCP and does not ask the LAN, so keep it away from addresses the LAN already uses (the router `.1`, the host `.2`, the shim `.3`): use `ipRange`.

Create the network named `net`.
*/

// %% exercise ex1 concepts=16
// Exercise 1: create the macvlan network `net` on `uplink` (subnet, gateway = router, ip-range = ipRange).
// %% solution ex1
// Exercise 1: create the macvlan network `net` on `uplink` (subnet, gateway = router, ip-range = ipRange).
await lab.sh`docker network create -d macvlan --subnet ${subnet} --gateway ${router} --ip-range ${ipRange} -o parent=${uplink} ${net}`;

// %% code ex1-self
// Self-check: the network exists and uses the macvlan driver.
const netOut = await lab.exec(["docker", "network", "inspect", net], { quiet: true }).catch(() => null);
const [macnet] = netOut ? parseNetworkInspect(netOut.stdout).value : [];
if (macnet) lab.view(netOut!, { driver: macnet.driver, options: macnet.options, ipam: macnet.ipam.config }, `docker network inspect ${net}`);
lab.expect(`${net} is a macvlan network`, macnet?.driver === "macvlan", "Run your exercise cell; `-d macvlan` picks the driver.");

// %% check ex1-check 06.macvlan-network

/* %% md ex2-md
## 2 · Children with their own MAC

Run two containers on `net`. Each gets an interface of kind **macvlan** whose parent is `uplink`: it has its **own MAC address**, and its frames leave through the cable as if a new machine were plugged into the LAN. There is no veth and no bridge on the host (compare with lab 02).

### Exercise 2 · run m1 and m2, record m1's MAC

Run `m1` and `m2` on `net` with `httpd -f -p 80 -h /var/www`. Then read eth0 **inside m1** (`docker exec … ip link show eth0`, parsed with `parseIpLink`) and record its MAC as `"m1-mac"`.
*/

// %% exercise ex2 concepts=16
// Exercise 2: run m1 and m2 on net; record m1's eth0 MAC as "m1-mac".
// %% solution ex2
// Exercise 2: run m1 and m2 on net; record m1's eth0 MAC as "m1-mac".
await lab.sh`docker run -d --name ${m1} --network ${net} ${lab.image} httpd -f -p 80 -h /var/www`;
await lab.sh`docker run -d --name ${m2} --network ${net} ${lab.image} httpd -f -p 80 -h /var/www`;
const [m1eth0] = parseIpLink((await lab.sh`docker exec ${m1} ip link show eth0`).stdout).value;
await lab.answer("m1-mac", m1eth0.mac);

// %% code ex2-self
// Self-check: m1's recorded MAC is not the uplink's MAC.
const m1mac = String((await lab.session.answers())["m1-mac"] ?? "");
lab.expect("m1-mac is recorded and differs from the uplink's MAC", m1mac !== "" && m1mac !== up.mac, "Record the MAC of eth0 inside m1 (not of the uplink).");

// %% check ex2-check 06.own-macs

/* %% md kind-md
The container's busybox `ip` cannot print link kinds, but the host's iproute2 can, run **inside m1's namespace** with `nsenter` (the namespace of m1's main process). `kind: macvlan`, `mode: bridge`, and `@ifN` is the uplink's index, on the host. Then the picture: three MACs on one cable.
*/

// %% code kind concepts=16
const pid = (await lab.exec(["docker", "inspect", "-f", "{{.State.Pid}}", m1], { quiet: true })).stdout.trim();
const kindOut = await lab.sh`nsenter -t ${pid} -n ip -j -d link show eth0`;
const [inner] = parseIpLink(kindOut.stdout).value;
lab.view(kindOut, { name: inner.name, kind: inner.kind, mode: inner.kindData?.mode, mac: inner.mac, parentIfindex: inner.peerIfindex, uplinkIfindex: up.ifindex }, "nsenter -t PID -n ip -j -d link show eth0");
await lab.draw({ title: "Lab 06: macvlan children on the uplink" });

/* %% md ex3-md
## 3 · From a container to the LAN

Docker gave the containers the router as default gateway. A ping from m1 to the router leaves through m1's macvlan interface, crosses the cable and arrives in the `lan` namespace: no NAT, so the router sees m1's own address and MAC.

### Exercise 3 · m1's gateway

Run `ip route` inside m1, parse it, and record the default route's gateway as `"m1-gateway"`. Then ping the router from m1 (2 packets).
*/

// %% exercise ex3 concepts=16
// Exercise 3: record m1's default gateway as "m1-gateway"; ping the router from m1.
// %% solution ex3
// Exercise 3: record m1's default gateway as "m1-gateway"; ping the router from m1.
const m1routes = parseIpRoute((await lab.sh`docker exec ${m1} ip route`).stdout).value;
await lab.answer("m1-gateway", m1routes.find((r) => r.dst === "default")?.gateway);
await lab.sh`docker exec ${m1} ping -c 2 -W 2 ${router}`;

// %% check ex3-check 06.reach-lan

/* %% md host-md
## 4 · The host cannot reach its own children

Now try the host → m1. The host has an address on the LAN (`hostAddr` on `uplink`), and m1 is on the same LAN, yet the ping fails. This is how macvlan is built: the kernel **never passes frames between a parent interface and its macvlan children**. Children in *bridge* mode talk to each other, and to the outside cable, but not to the parent. (A real switch would not send the frame back down the port it came from either.)
*/

// %% code host-before concepts=16
const m1addr = (await lab.exec(["docker", "inspect", "-f", `{{(index .NetworkSettings.Networks "${net}").IPAddress}}`, m1], { quiet: true }).catch(() => null))?.stdout.trim() ?? "";
const before = m1addr ? await lab.sh`busybox ping -c 1 -W 1 ${m1addr}`.then(() => true, () => false) : false;
lab.expect(`the host cannot reach m1 (${m1addr || "m1 not running"}) before the shim`, !before, "Did you already add the shim? Then this is expected to succeed.");

/* %% md ex4-md
### Exercise 4 · a macvlan shim on the host

The fix is to give the host its own macvlan child on the same parent, in bridge mode: a **shim**. Then host and containers are siblings.

1. `ip link add SHIM link UPLINK type macvlan mode bridge`
2. give it an address the LAN does not use: `shimAddr` (a /32: only this one address)
3. bring it up
4. route the containers' range (`ipRange`) through it: `ip route add … dev SHIM`

Use the names `shim`, `uplink`, `shimAddr` and `ipRange`.
*/

// %% exercise ex4 concepts=16
// Exercise 4: add the macvlan shim on the host and route ipRange through it.
// %% solution ex4
// Exercise 4: add the macvlan shim on the host and route ipRange through it.
await lab.sh`ip link add ${shim} link ${uplink} type macvlan mode bridge`;
await lab.sh`ip addr replace ${shimAddr} dev ${shim}`;
await lab.sh`ip link set ${shim} up`;
await lab.sh`ip route replace ${ipRange} dev ${shim}`;

// %% code ex4-self
// Self-check: now the host reaches m1.
const after = m1addr ? await lab.sh`busybox ping -c 1 -W 1 ${m1addr}`.then(() => true, () => false) : false;
lab.expect(`the host reaches m1 (${m1addr}) through the shim`, after, "Check the shim is up, has its address, and `ip route get` for m1 says `dev` shim.");
const routeOut = await lab.sh`ip -j route get ${m1addr || router}`;
lab.view(routeOut, parseIpRoute(routeOut.stdout).value.map((r) => ({ dst: r.dst, dev: r.dev, src: r.src })), "ip -j route get m1");

// %% check ex4-check 06.host-shim

/* %% md all-md
## All checks

Run every check of this lab again (the grader also runs a hidden one: the LAN namespace fetches m1's web page, as any machine on a LAN would).
*/

// %% check all-checks

/* %% md teardown-md
## Teardown

Removes your containers and the macvlan network (by the lab's labels), then the shim, the veth cable and the LAN namespace (by their `dnl<session>` names). Nothing else on the machine is touched; running it twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("06");
await finished.teardown();
