// Lab 06 · macvlan: containers with their own MAC on the LAN: the source of labs/06-macvlan/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 06 · macvlan: containers with their own MAC on the LAN

Seed 001 (§2.6) says: *MacVLAN virtualises the host's network card, so each container gets its own MAC address on the physical network and an address from the network equipment, instead of 172.17.x.x.* Seed 003 adds: use it when containers must *look like physical hosts on your network*.

When you are done you can:

- create a **macvlan** network on a *parent* interface (the "cable" to the LAN), with the LAN's subnet and router, and a range Docker may hand out;
- show that each container on it has **its own MAC** and a **LAN address**, with no bridge and no NAT in between;
- predict, and see, what the host itself can reach, and give it a **shim**;
- find why a shim does not work.

As in the other labs: **prediction** cells first (only *when* you predict counts), a failed check's **hint** grows with each failure (or `await lab.hint("06.…")`).

**Safety first.** A macvlan network on the machine's real uplink would put containers on a LAN that is not yours. So the lab builds its own LAN: a **veth pair** plays the cable. Its host end (`uplink` below) is the macvlan parent; its other end sits in a namespace (`lan`) that plays the LAN router. Every packet in this lab stays inside this machine.

```
  host ── uplink ═══ veth cable ═══ peer (router, in namespace "lan")
            ├─ m1 (macvlan child: own MAC, LAN address)
            ├─ m2 (macvlan child)
            └─ shim (exercise 4: the host's own macvlan child)
```

> **The post says** macvlan "virtualises the host's network card" (seed 001), i.e. `-o parent=eth0`. **Today** that still works on a wired LAN you own, but many Wi-Fi access points and cloud networks drop frames from MACs they did not assign: macvlan containers then reach nothing. Here the parent is a lab-made veth, so nothing leaves the machine.

> **Docker Desktop (Mac, Windows)**: macvlan hangs off the interfaces of Docker's Linux VM, not your computer's network card.
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
const [router, hostAddr, shimAddr] = [`${base}.1`, `${base}.2/24`, `${base}.3/32`];
({ m1, m2, net, lan, uplink, peer, shim, subnet, router, hostAddr, shimAddr });

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

A macvlan network (`docker network create -d macvlan`) names:

- its **parent** (`-o parent=IFACE`): the interface the children hang off; here `uplink`, **never** the machine's real interface;
- the LAN's own **subnet** and **gateway** (its router): the containers join the LAN itself;
- an **ip-range**: the part of the subnet Docker may hand out. Docker runs no DHCP and asks nobody on the LAN, so choose a range (a CIDR inside `subnet`) that keeps clear of the addresses the LAN already uses: the router `.1`, the host `.2` and the shim `.3` you will add later.

Create it, named `net`.
*/

// %% exercise ex1 type=build concepts=16
// Exercise 1: create the macvlan network `net` on `uplink` (the LAN's subnet and router, and an ip-range you choose).
// %% solution ex1
// Exercise 1: create the macvlan network `net` on `uplink` (the LAN's subnet and router, and an ip-range you choose).
const ipRange = `${base}.64/26`;
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

Next you run two containers on `net`. Each gets an interface of kind **macvlan** whose parent is `uplink`, and there is no veth and no bridge on the host (compare with lab 02). Predict first:
*/

// %% predict p-mac m1-mac
await lab.predict("m1-mac", undefined);
// %% solution p-mac
await lab.predict("m1-mac", "the uplink's MAC");

/* %% md ex2-task
### Exercise 2 · run m1 and m2 on the macvlan network

Both detached, from `lab.image`, on the network `net`, each running `httpd -f -p 80 -h /var/www`; inside the `lab.step` of the exercise cell.
*/

// %% exercise ex2 type=build concepts=16
// Exercise 2: run m1 and m2 on net, each with httpd -f -p 80 -h /var/www.
await lab.step("m1 and m2 join the LAN", async () => {
  // your commands here
});
// %% solution ex2
// Exercise 2: run m1 and m2 on net, each with httpd -f -p 80 -h /var/www.
await lab.step("m1 and m2 join the LAN", async () => {
  await lab.sh`docker run -d --name ${m1} --network ${net} ${lab.image} httpd -f -p 80 -h /var/www`;
  await lab.sh`docker run -d --name ${m2} --network ${net} ${lab.image} httpd -f -p 80 -h /var/www`;
});

// %% code mac-view concepts=16
const [m1eth0] = parseIpLink((await lab.sh`docker exec ${m1} ip link show eth0`).stdout).value;
await lab.observe("m1-mac", async () => (m1eth0?.mac === up.mac ? "the uplink's MAC" : m1eth0?.mac ? "a MAC of its own" : "none: macvlan carries IP only"));
({ m1: m1eth0?.mac, uplink: up.mac });

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

Docker gave the containers the LAN's router as default gateway. Where does that address live?

### Exercise 3 · where is m1's gateway?

Join two facts: the gateway of m1's default route (inside m1), and the namespace that holds that address: the host, or the LAN namespace `lan`. Record `"host"` or the namespace's name as `"m1-gateway-owner"`.
*/

// %% exercise ex3 type=reason concepts=16
// Exercise 3: record where m1's gateway address lives ("host" or the LAN namespace's name) as "m1-gateway-owner".
// %% solution ex3
// Exercise 3: record where m1's gateway address lives ("host" or the LAN namespace's name) as "m1-gateway-owner".
const m1gw = parseIpRoute((await lab.sh`docker exec ${m1} ip route`).stdout).value.find((r) => r.dst === "default")?.gateway;
const inLan = parseIpAddr((await lab.sh`ip -n ${lan} -j addr`).stdout).value.some((i) => i.addresses.some((a) => a.address === m1gw));
await lab.answer("m1-gateway-owner", inLan ? lan : "host");

// %% check ex3-check 06.gateway-owner

/* %% md router-md
m1 now pings its gateway. What does the router learn about the sender? Predict, then read the router's neighbour table (`ip neigh`: address → MAC of the machines it heard from):
*/

// %% predict p-router router-sees
await lab.predict("router-sees", undefined);
// %% solution p-router
await lab.predict("router-sees", "the host's uplink address (NAT)");

// %% code router-view concepts=16
await lab.sh`docker exec ${m1} ping -c 2 -W 2 ${router}`;
const neigh = await lab.sh`ip -n ${lan} neigh`;
const m1addr = (await lab.exec(["docker", "inspect", "-f", `{{(index .NetworkSettings.Networks "${net}").IPAddress}}`, m1], { quiet: true }).catch(() => null))?.stdout.trim() ?? "";
await lab.observe("router-sees", async () => {
  const line = neigh.stdout.split("\n").find((l) => l.startsWith(`${m1addr} `));
  return line && m1eth0?.mac && line.includes(m1eth0.mac) ? "m1's own address and MAC" : neigh.stdout.includes(hostAddr.split("/")[0]!) ? "the host's uplink address (NAT)" : "docker0's address";
});

/* %% md host-md
## 4 · The host and its own children

The host has an address on this LAN (`hostAddr` on `uplink`), and m1 is on the same LAN. Predict:
*/

// %% predict p-host host-reaches-m1
await lab.predict("host-reaches-m1", undefined);
// %% solution p-host
await lab.predict("host-reaches-m1", "yes");

// %% code host-before concepts=16
const before = m1addr ? await lab.sh`busybox ping -c 1 -W 1 ${m1addr}`.then(() => true, () => false) : false;
await lab.observe("host-reaches-m1", async () => (before ? "yes" : "no"));
// The path a packet from the host to m1 takes, hop by hop, with the rules it meets:
if (m1addr) await lab.explain("host", m1addr);

/* %% md ex4-md
### Exercise 4 · a macvlan shim on the host

Give the host a macvlan child of its own on the same parent, in the mode Docker uses for its children (`bridge`): a **shim**. Then host and containers are siblings. Inside the `lab.step` of the exercise cell:

1. the shim, named `shim`, a macvlan child of `uplink` in bridge mode;
2. its address: `shimAddr` (a /32: only this one address, so it claims no part of the LAN);
3. up;
4. a route for the containers' range (the ip-range you chose in exercise 1) through the shim.
*/

// %% exercise ex4 type=build concepts=16
// Exercise 4: add the macvlan shim on the host and route the containers' range through it.
await lab.step("the host gets a shim", async () => {
  // your commands here
});
// %% solution ex4
// Exercise 4: add the macvlan shim on the host and route the containers' range through it.
await lab.step("the host gets a shim", async () => {
  await lab.sh`ip link add ${shim} link ${uplink} type macvlan mode bridge`;
  await lab.sh`ip addr replace ${shimAddr} dev ${shim}`;
  await lab.sh`ip link set ${shim} up`;
  await lab.sh`ip route replace ${ipRange} dev ${shim}`;
});

// %% code ex4-self
// Self-check: now the host reaches m1.
const after = m1addr ? await lab.sh`busybox ping -c 1 -W 1 ${m1addr}`.then(() => true, () => false) : false;
lab.expect(`the host reaches m1 (${m1addr}) through the shim`, after, "Check the shim is up, has its address, and `ip route get` for m1 says `dev` shim.");
const routeOut = await lab.sh`ip -j route get ${m1addr || router}`;
lab.view(routeOut, parseIpRoute(routeOut.stdout).value.map((r) => ({ dst: r.dst, dev: r.dev, src: r.src })), "ip -j route get m1");
// The same packet as before the shim, now:
if (m1addr) await lab.explain("host", m1addr);

// %% check ex4-check 06.host-shim

/* %% md trouble-md
## 5 · Troubleshooting: a shim that does not work

The next cell deletes your shim and makes it again, up, with its address and its route (only in your session). Yet the host cannot reach m1. Find out why with the tools of this lab: `ip -d link` on the host and, with `nsenter`, inside m1; `ip route get`; `lab.draw()`. Name the cause, and fix it.
*/

// %% code scenario concepts=16
await lab.scenario();
await lab.sh`busybox ping -c 1 -W 1 ${m1addr || router}`.catch(() => console.log("(the host cannot ping m1)"));

// %% exercise ex5 type=troubleshoot concepts=16
// Exercise 5: find out why the host cannot reach m1 through the remade shim; name the cause; fix it.
// 1. Look: add cells as you like.
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it, inside a step to see what changed:
// await lab.step("fix the shim", async () => { … });
// %% solution ex5
// Exercise 5: find out why the host cannot reach m1 through the remade shim; name the cause; fix it.
const [shimLink] = parseIpLink((await lab.sh`ip -j -d link show ${shim}`).stdout).value;
({ shimMode: shimLink?.kindData?.["mode"], m1Mode: inner.kindData?.["mode"] });   // private vs bridge
await lab.diagnose("wrong-mode");
await lab.step("fix the shim: bridge mode, like the containers", () => lab.sh`ip link set ${shim} type macvlan mode bridge`);

// %% check ex5-check 06.shim-fixed

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again (the grader also runs a hidden one: the LAN namespace fetches m1's web page, as any machine on a LAN would).
*/

// %% check predictions-check 06.predictions

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
