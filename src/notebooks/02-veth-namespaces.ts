// Lab 02 · veth pairs and network namespaces: the source of labs/02-veth-namespaces/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 02 · veth pairs and network namespaces

Seeds 000, 001, 002 and 004 say: every running container gets a **pair** of virtual interfaces, a *veth pair*. One end is `eth0` inside the container; the other end is a `vethXXXX` on the host, plugged into docker0. The two ends behave like two PCs joined by a cable. When you are done you can:

- pair a container's `eth0` with its host `vethXXXX` by interface index (`eth0@ifN`), not by name or order;
- predict and measure that docker0 has one port per running container;
- build the same thing **by hand** with `ip netns` (seed 004's *namespace*, seed 002's *mininet* idea): Docker does nothing more magic than this;
- find why a hand-made namespace cannot reach its neighbours.

As in lab 01: **prediction** cells first (only *when* you predict counts), **exercise** cells are yours, a failed check's **hint** grows with each failure (or with `await lab.hint("02.…")`), the exact command comes last.

Names: containers are `lab.name("c1")` etc.; kernel objects (namespaces, host interfaces, the bridge) have at most 15 characters and start with `dnl<session>`. The *Teardown* cell removes all of them, and nothing else.

> **Docker Desktop (Mac, Windows)**: the veths live in Docker's Linux VM, not on your host. Use a Linux host or the devcontainer.
*/

// %% code setup concepts=6
import { openLab, parseIpLink, parseIpAddr, parseIpRoute, parseBrctl, parseNetworkInspect } from "docker-net-lab";

const lab = await openLab("02");
await lab.setup();   // prints the commands it ran for the hand-made half (part 3)
const [c1, c2, c3] = [lab.name("c1"), lab.name("c2"), lab.name("c3")];
// Kernel names for part 3 (namespaces A, B and C, the bridge, the host ends of the veths):
const [nsA, nsB, nsC, bridge, vethA, vethB] = ["2a", "2b", "2c", "2br", "2va", "2vb"].map((s) => lab.session.ifname(s));
const subnet = await lab.freeSubnet("hand-subnet");            // chosen free on this host for your session
const [prefix, base] = [subnet.split("/")[1], subnet.split(".").slice(0, 3).join(".")];
const [gateway, addrA, addrB] = [`${base}.1`, `${base}.2`, `${base}.3`];
({ c1, c2, c3, nsA, nsB, bridge, vethA, vethB, subnet, gateway, addrA, addrB });

/* %% md run-md
## 1 · One veth per container

The next cell starts three containers on the default bridge (no `--network` option; `sleep 3600` keeps each one running), inside `lab.step` so you see what appeared. Before it runs, predict:
*/

// %% predict p-three veths-for-three
await lab.predict("veths-for-three", undefined);
// %% solution p-three
await lab.predict("veths-for-three", 3);

// %% code run concepts=5
const portsOf = async () => parseBrctl((await lab.sh`brctl show docker0`).stdout).value.find((b) => b.name === "docker0")?.interfaces ?? [];
const portsBefore = await portsOf();
await lab.step("c1, c2, c3 start on the default bridge", async () => {
  for (const name of [c1, c2, c3]) {
    if ((await lab.sh`docker ps -aq --filter name=^${name}$`).stdout.trim()) continue;   // already there: running this cell twice is fine
    await lab.sh`docker run -d --name ${name} ${lab.image} sleep 3600`;
  }
});
await lab.observe("veths-for-three", async () => (await portsOf()).filter((port) => !portsBefore.includes(port)).length);

/* %% md run-box
> **The post says** (seed 002) "two veths on docker0, so two containers are running". **On today's engines** that holds for the default bridge only: containers on a user-defined network plug into its own bridge (`br-…`, lab 04), and host-, none- and container-mode containers have no veth of their own (lab 05). `bridge link` (iproute2) lists every bridge port with its master, where `brctl show` (bridge-utils, deprecated) lists them per bridge.
*/

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

For `c1`, `c2` and `c3`, find the host end of the container's eth0, **by index**: the peer index read inside the container, matched against the host's links. Record an object `{ c1: "veth…", c2: "veth…", c3: "veth…" }` as `"host-veths"`.

Don't pair by order or by guessing from names: indexes are the only reliable link between the two ends.
*/

// %% exercise ex1 type=reason concepts=5
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

Next you stop `c3`. Predict first:
*/

// %% predict p-stop stopped-veth
await lab.predict("stopped-veth", undefined);
// %% solution p-stop
await lab.predict("stopped-veth", "it stays on docker0, down");

// %% code stop-before concepts=5
const portsBeforeStop = await portsOf();   // docker0's ports now, to compare after the stop

/* %% md ex2-task
### Exercise 2 · stop c3, then count

1. Stop `c3`, inside the `lab.step` of the exercise cell (use a 1 s timeout: busybox `sleep` as PID 1 ignores SIGTERM, so the default 10 s wait would be wasted).
2. Count the interfaces of docker0 (its port list) → `"docker0-ports"`.
3. Count the containers on the bridge network (the Containers map of its inspect output: Docker lists running ones only) → `"bridge-containers"`.

Other sessions' containers count too: count what is on this host right now.
*/

// %% exercise ex2 type=observe concepts=5
// Exercise 2: stop c3; record "docker0-ports" and "bridge-containers".
await lab.step("c3 stops", async () => {
  // stop c3 here
});
// %% solution ex2
// Exercise 2: stop c3; record "docker0-ports" and "bridge-containers".
await lab.step("c3 stops", async () => {
  await lab.sh`docker stop -t 1 ${c3}`;
});
const docker0Ports = parseBrctl((await lab.sh`brctl show`).stdout).value.find((b) => b.name === "docker0")?.interfaces.length;
const [bridgeNet] = parseNetworkInspect((await lab.sh`docker network inspect bridge`).stdout).value;
await lab.answer("docker0-ports", docker0Ports);
await lab.answer("bridge-containers", Object.keys(bridgeNet?.containers ?? {}).length);

// %% code stop-view concepts=5
const portsOfNow = await portsOf();
const gone = portsBeforeStop.filter((port) => !portsOfNow.includes(port));
const hostNames = parseIpLink((await lab.sh`ip -j link show`).stdout).value.map((l) => l.name);
await lab.observe("stopped-veth", async () => (gone.length === 0 ? "it stays on docker0, down" : gone.some((port) => hostNames.includes(port)) ? "it leaves docker0 but stays on the host" : "it is deleted"));
({ leftDocker0: gone });

// %% code ex2-self
// Self-check: the two counts agree.
const counts = await lab.session.answers();
lab.expect(`docker0-ports (${counts["docker0-ports"]}) = bridge-containers (${counts["bridge-containers"]})`, typeof counts["docker0-ports"] === "number" && counts["docker0-ports"] === counts["bridge-containers"], "Count docker0's interfaces only, and only containers in the bridge network's Containers map.");

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

Do for namespace B what setup did for A (the setup cell printed every command), inside the `lab.step` of the exercise cell:

1. a namespace named `nsB`;
2. a veth pair: host end `vethB`, the other end created **inside** `nsB` under the name `eth0`;
3. `vethB` plugged into `bridge`, and up;
4. inside B (`ip -n nsB …`): `addrB/prefix` on eth0, eth0 and lo up, a default route via `gateway`.

If something goes wrong halfway, start over by deleting namespace B (its veth pair goes with it).
*/

// %% exercise ex3 type=build concepts=6
// Exercise 3: build namespace B (nsB, vethB, addrB, prefix, gateway, bridge are defined in the setup cell).
await lab.step("namespace B is built by hand", async () => {
  // your commands here
});
// %% solution ex3
// Exercise 3: build namespace B (nsB, vethB, addrB, prefix, gateway, bridge are defined in the setup cell).
await lab.step("namespace B is built by hand", async () => {
  await lab.sh`ip netns add ${nsB}`;
  await lab.sh`ip link add ${vethB} type veth peer name eth0 netns ${nsB}`;
  await lab.sh`ip link set ${vethB} master ${bridge} up`;
  await lab.sh`ip -n ${nsB} addr add ${addrB}/${prefix} dev eth0`;
  await lab.sh`ip -n ${nsB} link set eth0 up`;
  await lab.sh`ip -n ${nsB} link set lo up`;
  await lab.sh`ip -n ${nsB} route add default via ${gateway}`;
});

// %% code ex3-self
// Self-check: namespace A can ping namespace B through your bridge.
const pingOk = await lab.exec(["ip", "netns", "exec", nsA, "busybox", "ping", "-c", "1", "-W", "2", addrB]).then(() => true, () => false);
lab.expect(`${nsA} pings ${addrB}`, pingOk, "Check each step: is vethB on the bridge and up? Is eth0 in B up with addrB/prefix?");

// %% check ex3-check 02.hand-built

/* %% md ex4-md
### Exercise 4 · follow B's cable, as for a container

Inside B, `ip link` prints `eth0@ifN` too. Predict which host link N is, then find it.
*/

// %% predict p-peer hand-peer-index
await lab.predict("hand-peer-index", undefined);
// %% solution p-peer
await lab.predict("hand-peer-index", "vethB, B's host end");

// %% code peer-view concepts=6
const bLinks = parseIpLink((await lab.sh`ip -j -n ${nsB} link show eth0`).stdout).value;
const hostNow = parseIpLink((await lab.sh`ip -j -d link show`).stdout).value;
await lab.observe("hand-peer-index", async () => {
  const peer = hostNow.find((l) => l.ifindex === bLinks[0]?.peerIfindex);
  return peer?.name === vethB ? "vethB, B's host end" : peer?.name === bridge ? "the bridge" : "B's own eth0";
});

/* %% md ex4-task
Now record, for B's eth0, the name of its host end and the bridge that host end is plugged into, as `"hand-b-host-end"`: `{ hostEnd: "…", bridge: "…" }`. Use the indexes and the host link's `master`, not the names you typed.
*/

// %% exercise ex4 type=reason concepts=6
// Exercise 4: record { hostEnd, bridge } for B's eth0 as "hand-b-host-end", found by ifindex.
// %% solution ex4
// Exercise 4: record { hostEnd, bridge } for B's eth0 as "hand-b-host-end", found by ifindex.
const [bEth0] = parseIpLink((await lab.sh`ip -j -n ${nsB} link show eth0`).stdout).value;
const bHostEnd = parseIpLink((await lab.sh`ip -j link show`).stdout).value.find((l) => l.ifindex === bEth0?.peerIfindex);
await lab.answer("hand-b-host-end", { hostEnd: bHostEnd?.name, bridge: bHostEnd?.master });

// %% check ex4-check 02.hand-pairing

/* %% md compare-md
## 4 · Side by side: Docker's container and your namespace

Same kind of link, same pairing rule, same place on a bridge, same kind of default route. The only differences are names and numbers.
*/

// %% code compare concepts=6
const summarize = (ipText: string, routeText: string) => {
  const eth0 = parseIpAddr(ipText).value.find((i) => i.name === "eth0");
  const peer = hostNow.find((l) => l.ifindex === eth0?.peerIfindex);
  return { inside: `eth0@if${eth0?.peerIfindex}`, address: eth0?.addresses.filter((a) => a.family === "inet").map((a) => `${a.address}/${a.prefix}`).join(" "), hostEnd: peer?.name, hostEndKind: peer?.kind, bridge: peer?.master, defaultVia: parseIpRoute(routeText).value.find((r) => r.dst === "default")?.gateway };
};
const dockerSide = summarize((await lab.sh`docker exec ${c1} ip addr`).stdout, (await lab.sh`docker exec ${c1} ip route`).stdout);
// (Empty on the right until you have built namespace B in exercise 3.)
const handSide = summarize((await lab.sh`ip -n ${nsB} addr`.catch(() => ({ stdout: "" }))).stdout, (await lab.sh`ip -n ${nsB} route`.catch(() => ({ stdout: "" }))).stdout);
lab.view(JSON.stringify({ [c1]: dockerSide }, null, 2), { [nsB]: handSide }, "Docker's c1 (left) and your namespace B (right)");

/* %% md trouble-md
## 5 · Troubleshooting: a namespace that reaches no one

The next cell builds a third namespace, C, "like A", and gets something wrong (only in your session). Find out what with the tools of this lab: `ip -n … addr` / `route` inside, the host's links with their `master`, `brctl show`, `lab.draw()`. Then name the cause and fix it.
*/

// %% code scenario concepts=6
await lab.scenario();
await lab.exec(["ip", "netns", "exec", nsC, "busybox", "ping", "-c", "1", "-W", "1", addrA]).catch(() => console.log(`(${nsC} cannot ping ${addrA})`));

// %% exercise ex5 type=troubleshoot concepts=5,6
// Exercise 5: find out why namespace C (name in nsC) reaches no one; name the cause; fix it.
// 1. Look: add cells as you like.
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it, inside a step to see what changed:
// await lab.step("fix C", async () => { … });
// %% solution ex5
// Exercise 5: find out why namespace C (name in nsC) reaches no one; name the cause; fix it.
const [cEth0] = parseIpLink((await lab.sh`ip -j -n ${nsC} link show eth0`).stdout).value;
const cHostEnd = parseIpLink((await lab.sh`ip -j link show`).stdout).value.find((l) => l.ifindex === cEth0?.peerIfindex);
({ cEth0: { state: cEth0?.operstate, peer: cEth0?.peerIfindex }, hostEnd: cHostEnd?.name, master: cHostEnd?.master ?? "(none: not a port of any bridge)" });
await lab.diagnose("unplugged");
await lab.step("fix C: plug its host end into the bridge", () => lab.sh`ip link set ${cHostEnd!.name} master ${bridge}`);

// %% check ex5-check 02.c-fixed

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again. Your instructor's grader runs these against the live host, plus a hidden one.
*/

// %% check predictions-check 02.predictions

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

This removes your session's containers (by label), the namespaces `nsA`, `nsB` and `nsC` (their veth pairs go with them), the bridge, and the one iptables rule setup added; nothing else. Seed 003's `docker rm -f $(docker ps -aq)` would remove *everyone's* containers: never use it on a shared machine. Running this twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("02");
await finished.teardown();
