// Lab 01 · docker0: the default bridge: the source of labs/01-docker0/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 01 · docker0: the default bridge

The posts you read (seeds 000, 001, 002, 004) open with the same picture: install Docker, run `ifconfig`, and a new interface called **docker0** is there. In this lab you look at it on a real engine, and confirm four things:

1. **docker0 is a virtual Linux bridge** the engine created (`ip link`, `ifconfig`, `brctl show`).
2. **Its address is 172.17.0.1/16** on a default install (very old engines used 172.17.42.1); containers get addresses from that subnet, handed out by Docker's own IPAM, **not by DHCP**. A container's address can change when it restarts.
3. **Inside a container you see `eth0` and `lo`**, and the default route points to docker0's address.
4. **`docker network inspect bridge`** shows the same facts from Docker's side: the IPAM subnet and gateway, the `Containers` map, and the bridge `Options`.

**How this lab works.** Every command is real: it runs on this machine's Docker engine. `lab.sh` runs a command and prints what it printed; the parsers turn that text into typed objects. Everything you create gets a name from `lab.name(...)` (e.g. `dnl-ab12-01-web1`) and the lab's labels, so the *Teardown* cell at the end removes exactly what you made and nothing else.

Cells marked **Exercise** are yours to fill in. Each is followed by a *self-check* (runs right away) and a *graded check* (what your instructor's grader also runs, against the live host).
*/

// %% code setup
import { openLab, parseIpLink, parseIpAddr, parseIpRoute, parseNetworkInspect, parseBrctl, macOrigin, engineLabel } from "docker-net-lab";

const lab = await openLab("01");
await lab.setup();
const web1 = lab.name("web1");
const web2 = lab.name("web2");

/* %% md docker0-md
## 1 · docker0 is a bridge

Seed 000 shows docker0 in `ifconfig`. `ip -d link` says more: the `-d` (details) flag prints the link **kind**, and `-j` prints JSON, which the parser turns into an object. Compare what was printed (left) with what it means (right):
*/

// %% code docker0-link concepts=1
const linkOut = await lab.sh`ip -j -d link show docker0`;
const [docker0] = parseIpLink(linkOut.stdout).value;
lab.view(linkOut, { name: docker0.name, kind: docker0.kind, mtu: docker0.mtu, mac: docker0.mac, state: docker0.operstate }, "ip -j -d link show docker0");

/* %% md brctl-md
`brctl show` (seed 002) lists every Linux bridge and the interfaces plugged into it. Right now docker0 may have no interfaces: nothing runs on it yet (or only other sessions' containers).
*/

// %% code brctl concepts=1
const brctlOut = await lab.sh`brctl show`;
parseBrctl(brctlOut.stdout).value;

/* %% md ex1-md
### Exercise 1 · record docker0's link kind

Use the parsed `docker0` object above and record its kind with `await lab.answer("docker0-kind", …)`.
*/

// %% exercise ex1 concepts=1
// Exercise 1: record docker0's link kind.
// await lab.answer("docker0-kind", ...);
// %% solution ex1
// Exercise 1: record docker0's link kind.
await lab.answer("docker0-kind", docker0.kind);

// %% code ex1-self
// Self-check: an answer is recorded.
lab.expect("docker0-kind is recorded", (await lab.session.answers())["docker0-kind"] !== undefined, "Run your exercise cell above.");

// %% check ex1-check 01.docker0-is-bridge

/* %% md ex2-md
## 2 · Containers get addresses from docker0's subnet

Run two containers **without** any `--network` option: they land on the default bridge. Use the lab's toolbox image (`lab.image`, a 2 MB busybox with `ip`, `ping`, `httpd`, `nslookup`…) and keep a web server in the foreground so the container keeps running:

```ts
await lab.sh`docker run -d --name ${web1} ${lab.image} httpd -f -p 80 -h /var/www`;
```

### Exercise 2 · start `web1` and `web2` on the default bridge
*/

// %% exercise ex2 concepts=2
// Exercise 2: start web1 and web2 (names in the variables web1 and web2), each running httpd -f -p 80 -h /var/www.
// %% solution ex2
// Exercise 2: start web1 and web2 (names in the variables web1 and web2), each running httpd -f -p 80 -h /var/www.
await lab.sh`docker run -d --name ${web1} ${lab.image} httpd -f -p 80 -h /var/www`;
await lab.sh`docker run -d --name ${web2} ${lab.image} httpd -f -p 80 -h /var/www`;

// %% code ex2-self
// Self-check: both containers are running.
const running = (await lab.sh`docker ps --filter label=io.docker-net-lab.session=${lab.session.session} --format {{.Names}}`).stdout.split("\n").filter(Boolean);
lab.expect("web1 and web2 are running", running.includes(web1) && running.includes(web2), "Run the exercise cell; if a name is taken, remove the old container with lab.sh`docker rm -f ${web1}` first.");

// %% check ex2-check 01.two-containers

/* %% md draw-md
Here is what Docker built, drawn from the live host: docker0 (a diamond), your two containers (squares), and on each line the name of the **host end of the veth pair** that plugs the container into the bridge (lab 02 looks at those veths closely). Addresses come in order: the first container to start takes the lowest free one (172.17.0.2 on a fresh engine: .1 is docker0 itself).
*/

// %% code draw concepts=2
await lab.draw();

/* %% md inside-md
## 3 · Inside a container: `eth0`, `lo`, and the gateway

A container has its own network namespace: it sees only its own interfaces. The toolbox's busybox `ip` prints text (not JSON); the same parser reads it. Note `eth0@ifN`: N is the index of the other end of the veth pair, on the host.

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

/* %% md ex3-md
### Exercise 3 · web1's default gateway

Run `ip route` **inside web1**, parse it with `parseIpRoute`, find the route whose `dst` is `"default"`, and record its `gateway` as `"web1-gateway"`. (Seed 000 does this with `route` inside the container: same table, older tool.)
*/

// %% exercise ex3 concepts=3
// Exercise 3: record web1's default gateway, as seen inside web1.
// await lab.answer("web1-gateway", ...);
// %% solution ex3
// Exercise 3: record web1's default gateway, as seen inside web1.
const routesInWeb1 = parseIpRoute((await lab.sh`docker exec ${web1} ip route`).stdout).value;
await lab.answer("web1-gateway", routesInWeb1.find((r) => r.dst === "default")?.gateway);

// %% code ex3-self
// Self-check: the recorded gateway looks like an IPv4 address.
lab.expect("web1-gateway is an IPv4 address", /^\d+\.\d+\.\d+\.\d+$/.test(String((await lab.session.answers())["web1-gateway"])), "Record the `gateway` field of the default route.");

// %% check ex3-check 01.gateway-is-docker0

/* %% md inspect-md
## 4 · The same facts from Docker's side: `docker network inspect bridge`

Seeds 001, 003 and 004 use `docker network ls` and `docker network inspect bridge`. The parsed view keeps the parts that matter: IPAM (subnet, gateway), the `Containers` map (every container on this network with its address), and the `Options`: `default_bridge`, `enable_icc` (containers may talk to each other), `enable_ip_masquerade` (outbound NAT, lab 03), `host_binding_ipv4`, `bridge.name` (docker0) and `driver.mtu`.
*/

// %% code inspect concepts=4
await lab.sh`docker network ls --filter name=^bridge$`;
const inspectOut = await lab.sh`docker network inspect bridge`;
const [bridge] = parseNetworkInspect(inspectOut.stdout).value;
({ subnet: bridge.ipam.config[0]?.subnet, gateway: bridge.ipam.config[0]?.gateway, options: bridge.options, containers: Object.values(bridge.containers).filter((c) => c.name.startsWith(lab.name(""))) });

/* %% md ex4-md
### Exercise 4 · read the subnet and web1's entry

From the parsed `bridge` network, record its IPAM subnet as `"bridge-subnet"` and web1's `ipv4Address` from the `containers` map (as printed, with its `/prefix`) as `"web1-inspect-address"`.
*/

// %% exercise ex4 concepts=4
// Exercise 4: record "bridge-subnet" and "web1-inspect-address".
// %% solution ex4
// Exercise 4: record "bridge-subnet" and "web1-inspect-address".
await lab.answer("bridge-subnet", bridge.ipam.config[0]?.subnet);
await lab.answer("web1-inspect-address", Object.values(bridge.containers).find((c) => c.name === web1)?.ipv4Address);

// %% check ex4-check 01.inspect-bridge

/* %% md ex5-md concepts=19
## 5 · Cleaning up safely

Seed 003 cleans up with `docker rm -f $(docker ps -aq)`. `docker ps -aq` lists **every** container on the machine, yours from other work included, and `rm -f` removes them all. Safe cleanup starts from a list of exactly what *this lab* made: everything the lab created carries its labels, so a label filter finds it:

```
docker ps -a --filter label=io.docker-net-lab.session=<session> --filter label=io.docker-net-lab.lab=01
```

### Exercise 5 · list only this lab's containers

Run that filter (with `--format {{.Names}}`), and record the names, sorted, as `"my-containers"`. This is the list the *Teardown* cell removes.
*/

// %% exercise ex5 concepts=19
// Exercise 5: record the sorted names of this lab's containers (a label filter, not `docker ps -aq`).
// %% solution ex5
// Exercise 5: record the sorted names of this lab's containers (a label filter, not `docker ps -aq`).
const mine = (await lab.sh`docker ps -a --filter label=io.docker-net-lab.session=${lab.session.session} --filter label=io.docker-net-lab.lab=01 --format {{.Names}}`).stdout.split("\n").filter(Boolean).sort();
await lab.answer("my-containers", mine);

// %% check ex5-check 01.safe-cleanup

/* %% md all-md
## All checks

Run every check of this lab again (your instructor's grader runs these too, plus a hidden one, against the live host: printing "pass" yourself does not count).
*/

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

The cell below removes exactly the objects carrying this lab's labels for your session (the list of exercise 5), and nothing else. Run it when you are done; running it twice is harmless.
*/

// %% teardown teardown concepts=19
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("01");
await finished.teardown();
