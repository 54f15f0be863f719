// Lab 01 · docker0: the default bridge: the source of labs/01-docker0/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 01 · docker0: the default bridge

The posts you read (seeds 000, 001, 002, 004) open with the same picture: install Docker, run `ifconfig`, and a new interface called **docker0** is there. In this lab you look at it on a real engine. When you are done you can:

- show that docker0 is a Linux bridge, and which interfaces are plugged into it;
- say which address a new container gets, and who hands it out;
- find a container's gateway, inside the container, and the host interface that owns it;
- read `docker network inspect bridge` (IPAM, the Containers map, the Options);
- find out why a container does not answer, and fix it.

**How this lab works.** Every command is real: it runs on this machine's Docker engine. `lab.sh` runs a command and prints its output; the parsers turn that text into typed objects. Everything you create gets a name from `lab.name(...)` (e.g. `dnl-ab12-01-web1`) and the lab's labels, so the *Teardown* cell removes exactly what you made.

- **Prediction** cells come before a command runs: write your guess, run the cell, then run what follows. You see your guess next to what the host did, with the reason. Only *when* you predicted counts, never whether you were right.
- **Exercise** cells are yours. A *self-check* may follow, then a *graded check* (your instructor's grader runs it again, against the live host).
- A failed check gives a **hint**: the first one names the idea and where to look; the next failure gives more; `await lab.hint("01.…")` asks for the next level; the exact command comes last.

> **Docker Desktop (Mac, Windows)**: the engine runs in a small Linux VM. docker0, the veths and the iptables rules live inside that VM: `ip link` on your Mac or Windows host shows none of them, and container addresses do not answer from your host. Do these labs on a Linux host, or in this repository's devcontainer (it brings its own engine).
*/

// %% code setup
import { openLab, parseIpLink, parseIpAddr, parseIpRoute, parseNetworkInspect, parseBrctl, parseIfconfig, parseRoute, macOrigin, engineLabel } from "docker-net-lab";

const lab = await openLab("01");
await lab.setup();
const web1 = lab.name("web1");
const web2 = lab.name("web2");

/* %% md docker0-md
## 1 · docker0 is a bridge

Seed 000 shows docker0 in `ifconfig`. The seeds' commands still work, and so do their modern replacements; this lab shows both:

| the seeds | today | what it shows |
|---|---|---|
| `ifconfig` (net-tools) | `ip addr`, `ip -d link` (iproute2) | interfaces, addresses; `-d` adds the link **kind** |
| `brctl show docker0` (bridge-utils) | `ip link show master docker0`, `bridge link` | the ports of a bridge |
| `route` inside a container | `ip route` (or `route -n`: no name lookups) | the routing table |
| `docker inspect --type network bridge` | `docker network inspect bridge` | the same JSON |

`ip -d link` prints the link **kind**; `-j` prints JSON, which the parser turns into an object. What was printed is on the left, what it means on the right:
*/

// %% code docker0-link concepts=1
const linkOut = await lab.sh`ip -j -d link show docker0`;
const [docker0] = parseIpLink(linkOut.stdout).value;
lab.view(linkOut, { name: docker0.name, kind: docker0.kind, mtu: docker0.mtu, mac: docker0.mac, state: docker0.operstate }, "ip -j -d link show docker0");
const ifconfigOut = await lab.sh`busybox ifconfig docker0`;
lab.view(ifconfigOut, parseIfconfig(ifconfigOut.stdout).value.map((i) => ({ name: i.name, mac: i.mac, addresses: i.addresses, mtu: i.mtu })), "the seed's ifconfig (busybox's): no link kind");

/* %% md ex1-md
### Exercise 1 · the link behind Docker's default network

`ifconfig` cannot tell a bridge from a network card; `ip -d link` can. But is docker0 really the link Docker uses? Join two sources: Docker names the Linux bridge of its default network (`bridge`) in that network's Options (`docker network inspect bridge`, parsed with `parseNetworkInspect`: `options["com.docker.network.bridge.name"]`), and the kernel says what kind of link that is. Record that link's kind as `"docker0-kind"`.
*/

// %% exercise ex1 type=reason concepts=1
// Exercise 1: record the kind of the link Docker's default network uses, as "docker0-kind".
// %% solution ex1
// Exercise 1: record the kind of the link Docker's default network uses, as "docker0-kind".
const [defaultNet] = parseNetworkInspect((await lab.sh`docker network inspect bridge`).stdout).value;
const [defaultLink] = parseIpLink((await lab.sh`ip -j -d link show ${defaultNet.options["com.docker.network.bridge.name"]}`).stdout).value;
await lab.answer("docker0-kind", defaultLink.kind);

// %% check ex1-check 01.docker0-is-bridge

/* %% md uplink-md
A bridge is a virtual switch: interfaces plugged into it are its **ports**. Seed 001 says docker0 "binds each veth and connects them to the host's eth0". Before you look at docker0's ports, predict:
*/

// %% predict p-uplink uplink-on-docker0
await lab.predict("uplink-on-docker0", undefined);
// %% solution p-uplink
await lab.predict("uplink-on-docker0", "yes");

// %% code uplink-view concepts=1
await lab.sh`brctl show docker0`;
const ports = parseIpLink((await lab.sh`ip -j link show master docker0`).stdout).value.map((l) => l.name);
const uplink = parseIpRoute((await lab.sh`ip -j route show default`).stdout).value[0]?.dev ?? null;
await lab.observe("uplink-on-docker0", async () => (uplink !== null && ports.includes(uplink) ? "yes" : "no"));
({ uplink, portsOfDocker0: ports });

/* %% md uplink-box
> **The post says** docker0 connects the containers to the host's eth0. **On today's engines**, as on the old ones, docker0 is not bridged to the uplink: see the ports above. A container's packet reaches docker0, the host **routes** it to the uplink, and outbound NAT gives it the host's address (lab 03).
*/

/* %% md ex2-md
## 2 · Containers get addresses from docker0's subnet

Next you start two containers with **no** `--network` option: they land on the default bridge. Before that, predict:
*/

// %% predict p-web2 web2-address
await lab.predict("web2-address", undefined);
// %% solution p-web2
await lab.predict("web2-address", "172.17.0.3");

/* %% md ex2-task
### Exercise 2 · start `web1` and `web2` on the default bridge

Start two detached containers named by the variables `web1` and `web2`, from the lab's image `lab.image` (a 2 MB busybox with `ip`, `ping`, `httpd`…), with no network option. Each runs the web server `httpd -f -p 80 -h /var/www`: `-f` keeps it in the foreground, so the container keeps running.

Do it inside `lab.step(…)`: it shows what your commands changed on the host, in red.
*/

// %% exercise ex2 type=build concepts=2
// Exercise 2: start web1 and web2 on the default bridge, each running httpd -f -p 80 -h /var/www.
await lab.step("web1 and web2 start on the default bridge", async () => {
  // your two commands here
});
// %% solution ex2
// Exercise 2: start web1 and web2 on the default bridge, each running httpd -f -p 80 -h /var/www.
await lab.step("web1 and web2 start on the default bridge", async () => {
  await lab.sh`docker run -d --name ${web1} ${lab.image} httpd -f -p 80 -h /var/www`;
  await lab.sh`docker run -d --name ${web2} ${lab.image} httpd -f -p 80 -h /var/www`;
});

// %% code ex2-self
// Self-check: both containers are running.
const running = (await lab.sh`docker ps --filter label=io.docker-net-lab.session=${lab.session.session} --format {{.Names}}`).stdout.split("\n").filter(Boolean);
lab.expect("web1 and web2 are running", running.includes(web1) && running.includes(web2), "Run the exercise cell; if a name is taken, remove the old container (docker rm -f) first.");

// %% check ex2-check 01.two-containers

/* %% md web2-md
What did web2 get? Seed 004 greps `docker inspect $(docker ps -q)` for `IPAddress`. A Go template asks for exactly that field, per network (a container can be on several):
*/

// %% code web2-view concepts=2
await lab.observe("web2-address", async () => (await lab.sh`docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ${web2}`).stdout.trim());

/* %% md draw-md
The picture below is drawn from the live host: docker0 (a diamond), your containers (squares), and on each line the host end of the **veth pair** that plugs the container into the bridge (lab 02 looks at those).

> **The post says** (seed 002, 2015) docker0 is 172.17.42.1 and its container 172.17.0.1. **On today's engines** docker0 is 172.17.0.1 and the first container gets 172.17.0.2: the gateway takes the first address of the subnet.
*/

// %% code draw concepts=2
await lab.draw();

/* %% md inside-md
## 3 · Inside a container: `eth0`, `lo`, and the gateway

A container has its own network namespace: it sees only its own interfaces. Note `eth0@ifN`: N is the index of the other end of the veth pair, on the host (lab 02).

eth0's MAC address depends on the engine: up to Docker 27 it is `02:42` followed by the four bytes of the container's IPv4 address (172.17.0.2 → `02:42:ac:11:00:02`), from Docker 28 on it is random. The cell after the next one says which yours does.
*/

// %% code inside-addr concepts=3
const inside = await lab.sh`docker exec ${web1} ip addr`;
lab.view(inside, parseIpAddr(inside.stdout).value.map((i) => ({ name: i.name, peerIfindex: i.peerIfindex, mac: i.mac, addresses: i.addresses.map((a) => `${a.address}/${a.prefix}`) })), "docker exec web1 ip addr");

// %% code inside-mac concepts=3
// Where eth0's MAC comes from on this engine.
const eth0 = parseIpAddr(inside.stdout).value.find((i) => i.name === "eth0");
const eth0Ip = eth0?.addresses.find((a) => a.family === "inet")?.address ?? "";
const engineVersion = (await lab.exec(["docker", "version", "--format", "{{.Server.Version}}"], { quiet: true })).stdout.trim();
const origin = macOrigin(eth0?.mac ?? "", eth0Ip) === "from-ip" ? "02:42 followed by the four bytes of its address (what engines before Docker 28 do)" : "random (Docker 28 and later no longer derive it from the address)";
console.log(`${engineLabel(engineVersion)}: eth0 ${eth0Ip} has MAC ${eth0?.mac}: ${origin}.`);

/* %% md nsenter-box
> **The post says** (seed 004) open a shell in the container and `apt install iproute2` to see its interfaces. **Today** you need nothing inside the container: `nsenter -t PID -n` runs the host's own `ip` in the container's network namespace (PID is the container's main process, from `docker inspect`). That also works for images with no tools at all.
*/

// %% code nsenter concepts=3
const web1Pid = (await lab.sh`docker inspect -f {{.State.Pid}} ${web1}`).stdout.trim();
await lab.sh`nsenter -t ${web1Pid} -n ip -br addr`;

/* %% md gw-md
Where does web1 send a packet for an address outside its subnet? Predict, then look at its routing table (the seed's `route` and today's `ip route`, side by side):
*/

// %% predict p-gw web1-gateway
await lab.predict("web1-gateway", undefined);
// %% solution p-gw
await lab.predict("web1-gateway", "docker0's address");

// %% code gw-view concepts=3
const routeOut = await lab.sh`docker exec ${web1} route -n`;
lab.view(routeOut, parseRoute(routeOut.stdout).value.map((r) => ({ dst: r.dst, gateway: r.gateway, iface: r.iface, flags: r.flagNames })), "the seed's route -n, inside web1");
const web1Routes = parseIpRoute((await lab.sh`docker exec ${web1} ip route`).stdout).value;
const docker0Address = parseIpAddr((await lab.sh`ip -j addr show docker0`).stdout).value[0]?.addresses.find((a) => a.family === "inet")?.address;
await lab.observe("web1-gateway", async () => {
  const gw = web1Routes.find((r) => r.dst === "default")?.gateway;
  return !gw ? "no default route: only its own subnet" : gw === docker0Address ? "docker0's address" : "the host's uplink address";
});

/* %% md ex3-md
### Exercise 3 · who owns web1's gateway?

Join two facts: the gateway of web1's default route (read inside web1), and the host interface that holds that address (read on the host, with every interface and its addresses). Record that interface's name as `"gateway-owner"`.
*/

// %% exercise ex3 type=reason concepts=3
// Exercise 3: record the name of the host interface that holds web1's default gateway as "gateway-owner".
// %% solution ex3
// Exercise 3: record the name of the host interface that holds web1's default gateway as "gateway-owner".
const gatewayOfWeb1 = parseIpRoute((await lab.sh`docker exec ${web1} ip route`).stdout).value.find((r) => r.dst === "default")?.gateway;
const hostAddrs = parseIpAddr((await lab.sh`ip -j addr`).stdout).value;
await lab.answer("gateway-owner", hostAddrs.find((i) => i.addresses.some((a) => a.address === gatewayOfWeb1))?.name);

// %% check ex3-check 01.gateway-owner

/* %% md inspect-md
## 4 · The same facts from Docker's side: `docker network inspect bridge`

Seeds 001, 003 and 004 use `docker network ls` and `docker network inspect bridge` (seed 001: `docker inspect --type network bridge` prints the same). The parsed view keeps what matters: IPAM (subnet, gateway), the `Containers` map (every container on this network with its address), and the `Options` of the bridge driver.
*/

// %% code inspect concepts=4
await lab.sh`docker network ls --filter name=^bridge$`;
const inspectOut = await lab.sh`docker network inspect bridge`;
const [bridge] = parseNetworkInspect(inspectOut.stdout).value;
({ subnet: bridge.ipam.config[0]?.subnet, gateway: bridge.ipam.config[0]?.gateway, options: bridge.options, containers: Object.values(bridge.containers).filter((c) => c.name.startsWith(lab.name(""))) });

/* %% md ex4-md
### Exercise 4 · the subnet and web1's entry

From the parsed `bridge` network, record its IPAM subnet as `"bridge-subnet"`, and web1's `ipv4Address` from the Containers map (as printed, with its `/prefix`) as `"web1-inspect-address"`.
*/

// %% exercise ex4 type=record concepts=4
// Exercise 4: record "bridge-subnet" and "web1-inspect-address".
// %% solution ex4
// Exercise 4: record "bridge-subnet" and "web1-inspect-address".
await lab.answer("bridge-subnet", bridge.ipam.config[0]?.subnet);
await lab.answer("web1-inspect-address", Object.values(bridge.containers).find((c) => c.name === web1)?.ipv4Address);

// %% check ex4-check 01.inspect-bridge

/* %% md ex5-md
### Exercise 5 · which Option stops outbound NAT?

The Options configure the bridge driver: whether containers on it may talk to each other, which host address published ports bind to, the bridge's name, its MTU, and whether the host rewrites the source address of packets that leave (outbound NAT, lab 03). Choose the Option you would set to `false` so that containers' packets leave **without** NAT, and record its full name as `"nat-option"`.
*/

// %% exercise ex5 type=reason concepts=4
// Exercise 5: record the name of the Option that turns outbound NAT off as "nat-option".
// %% solution ex5
// Exercise 5: record the name of the Option that turns outbound NAT off as "nat-option".
await lab.answer("nat-option", "com.docker.network.bridge.enable_ip_masquerade");

// %% check ex5-check 01.nat-option

/* %% md trouble-md
## 5 · Troubleshooting: a container that does not answer

The next cell starts a third container, `web3`, and breaks something in it (only in your session). Find out what, with the tools of this lab: the parsed `ip` output inside the container (`docker exec` or `nsenter`), `docker network inspect bridge`, `lab.draw()`. Then name the cause and fix it.
*/

// %% code scenario concepts=2,3
await lab.scenario();

// %% exercise ex6 type=troubleshoot concepts=2,3,4
// Exercise 6: find out why web3 does not answer; name the cause; fix it.
// 1. Look: add cells as you like (web3's name is lab.name("web3")).
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it, inside a step to see what changed:
// await lab.step("fix web3", async () => { … });
// %% solution ex6
// Exercise 6: find out why web3 does not answer; name the cause; fix it.
const web3 = lab.name("web3");
const recorded = Object.values(parseNetworkInspect((await lab.sh`docker network inspect bridge`).stdout).value[0]!.containers).find((c) => c.name === web3)?.ipv4Address;
const held = parseIpAddr((await lab.sh`docker exec ${web3} ip addr show eth0`).stdout).value[0]?.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`);
const web3Routes = parseIpRoute((await lab.sh`docker exec ${web3} ip route`).stdout).value;
({ recorded, held, routes: web3Routes.map((r) => `${r.dst} ${r.gateway ?? ""}`) });   // same address, another prefix, and no routes at all
await lab.diagnose("wrong-prefix");
await lab.step("fix web3: restart it, Docker sets its address again", () => lab.sh`docker restart -t 0 ${web3}`);

// %% check ex6-check 01.web3-fixed

/* %% md ex7-md concepts=19
## 6 · Cleaning up safely

Seed 003 cleans up with `docker rm -f $(docker ps -aq)`. `docker ps -aq` lists **every** container on the machine, yours from other work included, and `rm -f` removes them all. A safe cleanup starts from a list of exactly what *this lab* made: everything the lab created carries two labels, `io.docker-net-lab.session` (your session, `lab.session.session`) and `io.docker-net-lab.lab` (`01`).

### Exercise 7 · list only this lab's containers

Build that list with `docker ps` and label filters (stopped containers count too), and record the names, sorted, as `"my-containers"`. It is what the *Teardown* cell removes.
*/

// %% exercise ex7 type=reason concepts=19
// Exercise 7: record the sorted names of this lab's containers (label filters, not `docker ps -aq`).
// %% solution ex7
// Exercise 7: record the sorted names of this lab's containers (label filters, not `docker ps -aq`).
const mine = (await lab.sh`docker ps -a --filter label=io.docker-net-lab.session=${lab.session.session} --filter label=io.docker-net-lab.lab=01 --format {{.Names}}`).stdout.split("\n").filter(Boolean).sort();
await lab.answer("my-containers", mine);

// %% check ex7-check 01.safe-cleanup

/* %% md all-md
## All checks

Your predictions (on time or not), then every check of this lab again. Your instructor's grader runs these too, plus a hidden one, against the live host: printing "pass" yourself does not count.
*/

// %% check predictions-check 01.predictions

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

The cell below removes exactly the objects carrying this lab's labels for your session (the list of exercise 7), and nothing else. Run it when you are done; running it twice is harmless.
*/

// %% teardown teardown concepts=19
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("01");
await finished.teardown();
