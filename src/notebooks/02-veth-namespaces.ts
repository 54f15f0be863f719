// Lab 02 · veth pairs and network namespaces: the source of labs/02-veth-namespaces/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 02 · veth pairs and network namespaces

Seeds 000, 001, 002 and 004 say: every running container gets a **pair** of virtual interfaces, a *veth pair*. One end is `eth0` inside the container; the other end is a `vethXXXX` on the host, plugged into docker0 (`brctl show docker0` lists them). The two ends behave like two PCs joined by a cable.

In this lab you:

1. pair each container's `eth0` with its host `vethXXXX` **by interface index** (`eth0@ifN` inside means "my peer is interface N on the host");
2. stop a container and watch its veth vanish: the number of veths on docker0 equals the number of running containers on the bridge;
3. build the same thing **by hand**, with `ip netns` (seed 004's *namespace*, seed 002's *mininet* idea): two namespaces, veth pairs, a Linux bridge, addresses and a default route. Docker does nothing more magic than this.

Names: containers are `lab.name("c1")` etc.; kernel objects (namespaces, host interfaces, the bridge) have at most 15 characters and start with `dnl<session>`. The *Teardown* cell removes all of them, and nothing else.
*/

// %% code setup concepts=6
import { openLab, parseIpLink, parseIpAddr, parseIpRoute, parseBrctl, parseNetworkInspect } from "docker-net-lab";

const lab = await openLab("02");
await lab.setup();   // prints the commands it ran for the hand-made half (part 2)
const [c1, c2, c3] = [lab.name("c1"), lab.name("c2"), lab.name("c3")];
// Kernel names for part 2 (namespaces A and B, the bridge, the host ends of the veths):
const [nsA, nsB, bridge, vethA, vethB] = ["2a", "2b", "2br", "2va", "2vb"].map((s) => lab.session.ifname(s));
const subnet = await lab.freeSubnet("hand-subnet");            // chosen free on this host for your session
const [prefix, base] = [subnet.split("/")[1], subnet.split(".").slice(0, 3).join(".")];
const [gateway, addrA, addrB] = [`${base}.1`, `${base}.2`, `${base}.3`];
({ c1, c2, c3, nsA, nsB, bridge, vethA, vethB, subnet, gateway, addrA, addrB });

/* %% md run-md
## 1 · One veth per container

Start three containers on the default bridge (no `--network` option). `sleep 3600` keeps each one running. Watch `brctl show docker0` before and after: three new `vethXXXX` interfaces appear.
*/

// %% code run concepts=5
await lab.sh`brctl show docker0`;
for (const name of [c1, c2, c3]) {
  if ((await lab.sh`docker ps -aq --filter name=^${name}$`).stdout.trim()) continue;   // already there: running this cell twice is fine
  await lab.sh`docker run -d --name ${name} ${lab.image} sleep 3600`;
}
await lab.sh`brctl show docker0`;

/* %% md pair-md
Inside a container, busybox `ip addr` prints `eth0@if40`: the **40** is the `ifindex` of the other end of the pair, *in the host's namespace*. On the host, `ip -j link` lists every link with its `ifindex`; the veths on docker0 have `master: docker0`, and their own `@ifN` points back to the container's eth0 (its index inside the container).
*/

// %% code pair-view concepts=5
const inC1 = await lab.sh`docker exec ${c1} ip addr show eth0`;
lab.view(inC1, parseIpAddr(inC1.stdout).value.map((i) => ({ name: i.name, ifindex: i.ifindex, peerIfindex: i.peerIfindex, mac: i.mac })), "inside c1: docker exec c1 ip addr show eth0");
const onDocker0 = await lab.sh`ip -j -d link show master docker0`;
lab.view(JSON.stringify(JSON.parse(onDocker0.stdout).map((l: any) => ({ ifindex: l.ifindex, ifname: l.ifname, link_index: l.link_index, master: l.master, kind: l.linkinfo?.info_kind }))), parseIpLink(onDocker0.stdout).value.map((l) => ({ ifindex: l.ifindex, name: l.name, peerIfindex: l.peerIfindex, master: l.master, kind: l.kind })), "on the host: ip -j -d link show master docker0 (trimmed)");

/* %% md ex1-md
### Exercise 1 · pair each container with its host veth

For `c1`, `c2` and `c3`: read `eth0`'s `peerIfindex` inside the container (`docker exec … ip addr show eth0`, parsed with `parseIpAddr`), then find the **host** link whose `ifindex` equals it (`ip -j link show`, parsed with `parseIpLink`). Record an object `{ c1: "veth…", c2: "veth…", c3: "veth…" }` as `"host-veths"`.

Don't pair by order or by guessing from names: indexes are the only reliable link between the two ends.
*/

// %% exercise ex1 concepts=5
// Exercise 1: record { c1: hostVethName, c2: …, c3: … } as "host-veths".
// %% solution ex1
// Exercise 1: record { c1: hostVethName, c2: …, c3: … } as "host-veths".
const hostLinks = parseIpLink((await lab.sh`ip -j link show`).stdout).value;
const pairs: Record<string, string | undefined> = {};
for (const [short, name] of [["c1", c1], ["c2", c2], ["c3", c3]]) {
  const [eth0] = parseIpAddr((await lab.sh`docker exec ${name} ip addr show eth0`).stdout).value;
  pairs[short] = hostLinks.find((link) => link.ifindex === eth0?.peerIfindex)?.name;
}
await lab.answer("host-veths", pairs);

// %% code ex1-self
// Self-check: three host veth names are recorded.
const recorded = ((await lab.session.answers())["host-veths"] ?? {}) as Record<string, unknown>;
lab.expect("host-veths names a veth for c1, c2 and c3", ["c1", "c2", "c3"].every((k) => typeof recorded[k] === "string" && String(recorded[k]).startsWith("veth")), "Record an object with keys c1, c2, c3 and host interface names as values.");

// %% check ex1-check 02.veth-pairs

/* %% md draw-md
The picture, drawn from the live host: docker0 (diamond), your containers (squares); each line carries the name of the host end of that container's veth pair. Compare with your answer.
*/

// %% code draw concepts=5
await lab.draw({ title: "Lab 02: one veth pair per container" });

/* %% md ex2-md
## 2 · veths on docker0 = running containers

A veth pair lives exactly as long as the container's network namespace: **stop** a container and its pair is deleted (seed 002: "two veths, so two containers are running").

### Exercise 2 · stop c3, then count

1. Stop `c3` (use `docker stop -t 1 …`: busybox `sleep` as PID 1 ignores SIGTERM, so the default 10 s wait would be wasted).
2. Count the interfaces of docker0 in `brctl show` (parse with `parseBrctl`) → `"docker0-ports"`.
3. Count the running containers on the bridge network, the `containers` map of `docker network inspect bridge` (parse with `parseNetworkInspect`) → `"bridge-containers"`.

Other sessions' containers count too: count what is on this host right now.
*/

// %% exercise ex2 concepts=5
// Exercise 2: stop c3; record "docker0-ports" and "bridge-containers".
// %% solution ex2
// Exercise 2: stop c3; record "docker0-ports" and "bridge-containers".
await lab.sh`docker stop -t 1 ${c3}`;
const docker0Ports = parseBrctl((await lab.sh`brctl show`).stdout).value.find((b) => b.name === "docker0")?.interfaces.length;
const [bridgeNet] = parseNetworkInspect((await lab.sh`docker network inspect bridge`).stdout).value;
await lab.answer("docker0-ports", docker0Ports);
await lab.answer("bridge-containers", Object.keys(bridgeNet?.containers ?? {}).length);

// %% code ex2-self
// Self-check: the two counts agree.
const counts = await lab.session.answers();
lab.expect(`docker0-ports (${counts["docker0-ports"]}) = bridge-containers (${counts["bridge-containers"]})`, typeof counts["docker0-ports"] === "number" && counts["docker0-ports"] === counts["bridge-containers"], "Count docker0's interfaces only, and only containers in the bridge network's containers map.");

// %% check ex2-check 02.stop-removes-veth 02.veth-count

/* %% md hand-md
## 3 · The same, by hand

A container's network is a **network namespace**: its own interfaces, addresses, routes and iptables. `ip netns` makes namespaces without Docker. The setup cell already built half of a Docker-like network for you, and printed each command:

| Docker built | you have (by hand) |
|---|---|
| bridge `docker0`, address 172.17.0.1/16 | bridge `bridge` (see the setup cell), address `gateway` |
| container namespace | namespace `nsA` |
| `eth0` inside ↔ `vethXXXX` on docker0 | `eth0` inside `nsA` ↔ `vethA` on `bridge` |
| `default via 172.17.0.1` inside | `default via gateway` inside `nsA` |
| `-A FORWARD -i docker0 -o docker0 -j ACCEPT` | `-I DOCKER-USER -i bridge -o bridge -j ACCEPT` |

The last row matters: Docker sets the FORWARD policy to DROP, and on this host bridged frames pass through iptables (`br_netfilter`). Docker accepts traffic on docker0 explicitly; so must we for our bridge (lab 03 looks at these rules).

Look at namespace A from inside, and at the bridge from the host:
*/

// %% code hand-view concepts=6
const aAddr = await lab.sh`ip -n ${nsA} addr show eth0`;
lab.view(aAddr, parseIpAddr(aAddr.stdout).value.map((i) => ({ name: i.name, peerIfindex: i.peerIfindex, kind: i.kind, addresses: i.addresses.map((a) => `${a.address}/${a.prefix}`) })), `ip -n ${nsA} addr show eth0`);
const aRoute = await lab.sh`ip -n ${nsA} route`;
lab.view(aRoute, parseIpRoute(aRoute.stdout).value.map((r) => ({ dst: r.dst, gateway: r.gateway, dev: r.dev })), `ip -n ${nsA} route`);
await lab.sh`brctl show ${bridge}`;

/* %% md ex3-md
### Exercise 3 · build namespace B

Do for namespace B what setup did for A, with `lab.sh`:

1. `ip netns add` the namespace `nsB`;
2. create a veth pair: host end `vethB`, the other end named `eth0` **inside** `nsB` (`ip link add … type veth peer name eth0 netns …`);
3. plug `vethB` into `bridge` and bring it up (`ip link set … master … up`);
4. inside B (`ip -n nsB …`): address `addrB/prefix` on eth0, eth0 and lo up, default route via `gateway`.

If something goes wrong halfway, start over with lab.sh`ip netns delete ${nsB}` (the veth pair goes with it).
*/

// %% exercise ex3 concepts=6
// Exercise 3: build namespace B (nsB, vethB, addrB, prefix, gateway, bridge are defined in the setup cell).
// %% solution ex3
// Exercise 3: build namespace B (nsB, vethB, addrB, prefix, gateway, bridge are defined in the setup cell).
await lab.sh`ip netns add ${nsB}`;
await lab.sh`ip link add ${vethB} type veth peer name eth0 netns ${nsB}`;
await lab.sh`ip link set ${vethB} master ${bridge} up`;
await lab.sh`ip -n ${nsB} addr add ${addrB}/${prefix} dev eth0`;
await lab.sh`ip -n ${nsB} link set eth0 up`;
await lab.sh`ip -n ${nsB} link set lo up`;
await lab.sh`ip -n ${nsB} route add default via ${gateway}`;

// %% code ex3-self
// Self-check: namespace A can ping namespace B through your bridge.
const pingOk = await lab.exec(["ip", "netns", "exec", nsA, "busybox", "ping", "-c", "1", "-W", "2", addrB]).then(() => true, () => false);
lab.expect(`${nsA} pings ${addrB}`, pingOk, "Check each step: is vethB on the bridge and up? Is eth0 in B up with addrB/prefix?");

// %% check ex3-check 02.hand-built

/* %% md ex4-md
### Exercise 4 · pair B's eth0 with its host end, as for a container

Inside B, `ip -n nsB link show eth0` prints `eth0@ifN` too. Find host link N and record its name as `"hand-b-host-end"`. (It should be `vethB`: the same rule you used for Docker's containers works for your own namespaces.)
*/

// %% exercise ex4 concepts=6
// Exercise 4: record the host end of B's eth0 as "hand-b-host-end", found by ifindex.
// %% solution ex4
// Exercise 4: record the host end of B's eth0 as "hand-b-host-end", found by ifindex.
const [bEth0] = parseIpLink((await lab.sh`ip -j -n ${nsB} link show eth0`).stdout).value;
const bHostEnd = parseIpLink((await lab.sh`ip -j link show`).stdout).value.find((l) => l.ifindex === bEth0?.peerIfindex);
await lab.answer("hand-b-host-end", bHostEnd?.name);

// %% check ex4-check 02.hand-pairing

/* %% md compare-md
## 4 · Side by side: Docker's container and your namespace

Same kind of link, same pairing rule, same place on a bridge, same kind of default route. The only differences are names and numbers.
*/

// %% code compare concepts=6
const hostNow = parseIpLink((await lab.sh`ip -j -d link show`).stdout).value;
const summarize = (ipText: string, routeText: string) => {
  const eth0 = parseIpAddr(ipText).value.find((i) => i.name === "eth0");
  const peer = hostNow.find((l) => l.ifindex === eth0?.peerIfindex);
  return { inside: `eth0@if${eth0?.peerIfindex}`, address: eth0?.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`).join(" "), hostEnd: peer?.name, hostEndKind: peer?.kind, bridge: peer?.master, defaultVia: parseIpRoute(routeText).value.find((r) => r.dst === "default")?.gateway };
};
const dockerSide = summarize((await lab.sh`docker exec ${c1} ip addr`).stdout, (await lab.sh`docker exec ${c1} ip route`).stdout);
// (Empty on the right until you have built namespace B in exercise 3.)
const handSide = summarize((await lab.sh`ip -n ${nsB} addr`.catch(() => ({ stdout: "" }))).stdout, (await lab.sh`ip -n ${nsB} route`.catch(() => ({ stdout: "" }))).stdout);
lab.view(JSON.stringify({ [c1]: dockerSide }, null, 2), { [nsB]: handSide }, "Docker's c1 (left) and your namespace B (right)");

/* %% md all-md
## All checks

Your instructor's grader runs these again against the live host, plus a hidden one.
*/

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

This removes your session's containers (by label), the namespaces `nsA` and `nsB` (their veth pairs go with them), the bridge, and the one iptables rule setup added; nothing else. Seed 003's `docker rm -f $(docker ps -aq)` would remove *everyone's* containers: never use it on a shared machine. Running this twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("02");
await finished.teardown();
