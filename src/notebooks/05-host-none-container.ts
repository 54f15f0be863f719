// Lab 05 · host, none and container network modes: the source of labs/05-host-none-container/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 05 · host, none and container network modes

Seeds 001 and 003 list the other ways to give a container a network, besides a bridge: `none`, `host` and `container:NAME`. You will run one container of each kind, predict what it sees, and look. When you are done you can:

- say what a container sees in none, host and container mode, and why;
- tell which namespaces a host-mode container shares with the host;
- explain why `-p` means nothing in host mode;
- show that containers in container mode share one network namespace;
- find why a sidecar cannot reach its app on `localhost`.

As in labs 01 and 02: **prediction** cells first (only *when* you predict counts), a failed check's **hint** grows with each failure (or `await lab.hint("05.…")`).

In host mode a server binds the host's ports directly, so it listens on **127.0.0.1** and on a **port chosen free for your session** (never a fixed port, which another program may use).

> **The post says** `--net host`, `--net container:NAME` (seed 001). **Today** the option is `--network`; `--net` still works as an old alias. `docker network ls` lists `host` and `none` as networks of their own drivers.

> **Docker Desktop (Mac, Windows)**: "the host" of host mode is Docker's Linux VM, not your computer: a host-mode server is on the VM's loopback.
*/

// %% code setup
import { openLab, parseIpAddr, parseIpLink, parseBrctl } from "docker-net-lab";

const lab = await openLab("05");
await lab.setup();
const [nonec, hostc, hostp, app, side] = ["nonec", "hostc", "hostp", "app", "side"].map((s) => lab.name(s));
const hostPort = await lab.freePort("host-port");        // hostc's server listens here, on 127.0.0.1
const ignoredPort = await lab.freePort("ignored-port");  // what you will try to publish in host mode
({ hostPort, ignoredPort });

/* %% md ex1-md
## 1 · none: a namespace with nothing in it

You will run a container with `--network none`. Predict first:
*/

// %% predict p-none none-interfaces
await lab.predict("none-interfaces", undefined);
// %% solution p-none
await lab.predict("none-interfaces", "lo and an eth0 without an address");

/* %% md ex1-task
### Exercise 1 · run `nonec` with no network

A detached container named by `nonec`, from `lab.image`, running `sleep 3600`, in the network mode `none`.
*/

// %% exercise ex1 type=build concepts=14
// Exercise 1: run nonec with the network mode none.
// %% solution ex1
// Exercise 1: run nonec with the network mode none.
await lab.sh`docker run -d --name ${nonec} --network none ${lab.image} sleep 3600`;

// %% code none-view concepts=14
const noneAddr = await lab.sh`docker exec ${nonec} ip addr`;
const noneIfaces = parseIpAddr(noneAddr.stdout).value;
lab.view(noneAddr, noneIfaces.map((i) => ({ name: i.name, addresses: i.addresses.map((a) => `${a.address}/${a.prefix}`) })), "docker exec nonec ip addr");
await lab.observe("none-interfaces", async () => {
  const eth0 = noneIfaces.find((i) => i.name === "eth0");
  return noneIfaces.length === 0 ? "no interface at all" : !eth0 ? "lo only" : eth0.addresses.some((a) => a.family === "inet") ? "lo and an eth0 with an address" : "lo and an eth0 without an address";
});
await lab.sh`docker exec ${nonec} ip route`;

// %% check ex1-check 05.none

/* %% md ex2-md
## 2 · host: the host's network namespace

A host-mode container does not get a network namespace of its own: it uses the host's. A server inside binds the host's ports directly (seed 001: "as if the application ran on the host").

### Exercise 2 · run `hostc` in host mode, and look from both sides

1. Run `hostc` detached, in the network mode `host`, with busybox's web server on the host's loopback: `httpd -f -p 127.0.0.1:${hostPort} -h /var/www`.
2. List the interfaces inside hostc (`docker exec … ip link`, busybox text, `parseIpLink`): record whether docker0 is among them as `"host-sees-docker0"` (true or false).
3. From the notebook (which runs on the host), request `http://127.0.0.1:${hostPort}/` and record the HTTP status as `"host-mode-status"`. httpd may need a moment to start: try a few times.
*/

// %% exercise ex2 type=observe concepts=13
// Exercise 2: run hostc; record "host-sees-docker0" and "host-mode-status".
// %% solution ex2
// Exercise 2: run hostc; record "host-sees-docker0" and "host-mode-status".
await lab.sh`docker run -d --name ${hostc} --network host ${lab.image} httpd -f -p 127.0.0.1:${hostPort} -h /var/www`;
const hostLinks = parseIpLink((await lab.sh`docker exec ${hostc} ip link`).stdout).value;
await lab.answer("host-sees-docker0", hostLinks.some((l) => l.name === "docker0"));
let hostStatus = 0;
for (let i = 0; i < 20 && hostStatus !== 200; i++) {
  hostStatus = await fetch(`http://127.0.0.1:${hostPort}/`).then((r) => r.status, () => 0);
  if (hostStatus !== 200) await new Promise((r) => setTimeout(r, 200));   // give httpd a moment to start
}
await lab.answer("host-mode-status", hostStatus);

// %% check ex2-check 05.host

/* %% md ns-md
### Exercise 3 · which namespaces does hostc share with the host?

A container is a process in several namespaces: network, PID, mount, hostname (uts), IPC… Host mode is about the **network** one. Each namespace of a process is a link under `/proc/PID/ns/` (`readlink /proc/PID/ns/net` prints e.g. `net:[4026531840]`); two processes share a namespace when the links are equal.

Compare hostc's main process (its PID is `{{.State.Pid}}` in `docker inspect`) with a host process (`/proc/self` of a command the notebook runs), for the kinds `net`, `pid`, `mnt`, `uts` and `ipc`. Record the kinds they share, as a list, as `"hostc-shared-namespaces"`.
*/

// %% exercise ex3 type=reason concepts=13
// Exercise 3: record the namespace kinds (of net, pid, mnt, uts, ipc) hostc shares with the host as "hostc-shared-namespaces".
// %% solution ex3
// Exercise 3: record the namespace kinds (of net, pid, mnt, uts, ipc) hostc shares with the host as "hostc-shared-namespaces".
const pid = (await lab.sh`docker inspect -f {{.State.Pid}} ${hostc}`).stdout.trim();
const shared: string[] = [];
for (const kind of ["net", "pid", "mnt", "uts", "ipc"]) {
  if ((await lab.sh`readlink /proc/${pid}/ns/${kind}`).stdout === (await lab.sh`readlink /proc/self/ns/${kind}`).stdout) shared.push(kind);
}
await lab.answer("hostc-shared-namespaces", shared);

// %% check ex3-check 05.host-namespaces

/* %% md ex4-md
## 3 · `-p` in host mode

Publishing translates *host port → container address:port* (lab 03). You will start a host-mode container with `-p 127.0.0.1:${ignoredPort}:80`. Predict first:
*/

// %% predict p-hostp host-p-bindings
await lab.predict("host-p-bindings", undefined);
// %% solution p-hostp
await lab.predict("host-p-bindings", 1);

/* %% md ex4-task
### Exercise 4 · try it

Run `hostp` detached, in host mode, with `-p 127.0.0.1:${ignoredPort}:80`, running `sleep 3600`; read what the engine printed (the result of `lab.sh` has its `stderr`). Then count the bindings `docker port hostp` lists and record the number as `"host-p-bindings"`.
*/

// %% exercise ex4 type=observe concepts=13
// Exercise 4: run hostp in host mode with -p; record "host-p-bindings".
// %% solution ex4
// Exercise 4: run hostp in host mode with -p; record "host-p-bindings".
const hostpRun = await lab.sh`docker run -d --name ${hostp} --network host -p 127.0.0.1:${ignoredPort}:80 ${lab.image} sleep 3600`;
const portOut = (await lab.sh`docker port ${hostp}`).stdout;
await lab.answer("host-p-bindings", portOut.split("\n").filter((l) => l.trim() !== "").length);

// %% code hostp-view concepts=13
await lab.observe("host-p-bindings", async () => (await lab.sh`docker port ${hostp}`).stdout.split("\n").filter((l) => l.trim() !== "").length);
// No DNAT rule for ignoredPort either (lab 03 reads this table):
await lab.sh`iptables -t nat -L DOCKER -n`;

// %% check ex4-check 05.host-p

/* %% md ex5-md
## 4 · container mode: two containers, one namespace

`--network container:app` puts a new container into **app's** network namespace (seed 001: "the internal IP and the MAC address are shared; no new IP, no new veth on the host"). Two such containers are as close as two processes on one machine: `127.0.0.1` in one is `127.0.0.1` in the other (Kubernetes pods work this way).

The next cell starts `app` on the default bridge, with a web server. Then you add `side` to its namespace. Predict first:
*/

// %% predict p-side side-veths
await lab.predict("side-veths", undefined);
// %% solution p-side
await lab.predict("side-veths", 1);

// %% code app-run concepts=15
const docker0Ports = async () => parseBrctl((await lab.sh`brctl show docker0`).stdout).value.find((b) => b.name === "docker0")?.interfaces ?? [];
if (!(await lab.sh`docker ps -q --filter name=^${app}$`).stdout.trim()) await lab.sh`docker run -d --name ${app} ${lab.image} httpd -f -p 80 -h /var/www`;
const portsBeforeSide = await docker0Ports();

/* %% md ex5-task
### Exercise 5 · run `side` in app's namespace

Inside the `lab.step` of the exercise cell, run `side` detached with `sleep 3600`, in the network mode that joins app's namespace.
*/

// %% exercise ex5 type=build concepts=15
// Exercise 5: run side in app's network namespace.
await lab.step("side joins app's namespace", async () => {
  // your command here
});
// %% solution ex5
// Exercise 5: run side in app's network namespace.
await lab.step("side joins app's namespace", async () => {
  await lab.sh`docker run -d --name ${side} --network container:${app} ${lab.image} sleep 3600`;
});

// %% code side-view concepts=15
await lab.observe("side-veths", async () => (await docker0Ports()).filter((port) => !portsBeforeSide.includes(port)).length);
// Inside side, 127.0.0.1 is app's loopback:
await lab.sh`docker exec ${side} wget -qO- http://127.0.0.1/`.catch(() => console.log("(side got no page from 127.0.0.1)"));

// %% check ex5-check 05.container-mode

/* %% md ex6-md
### Exercise 6 · whose veth carries side's traffic?

With the pairing rule of lab 02, find the host end of side's eth0, by index, and record its name as `"side-host-veth"`. Whose veth is it?
*/

// %% exercise ex6 type=reason concepts=15
// Exercise 6: record the host end of side's eth0 as "side-host-veth", found by ifindex.
// %% solution ex6
// Exercise 6: record the host end of side's eth0 as "side-host-veth", found by ifindex.
const [sideEth0] = parseIpAddr((await lab.sh`docker exec ${side} ip addr show eth0`).stdout).value;
await lab.answer("side-host-veth", parseIpLink((await lab.sh`ip -j link show`).stdout).value.find((l) => l.ifindex === sideEth0?.peerIfindex)?.name);

// %% check ex6-check 05.side-veth

/* %% md draw-md
## The picture

app has one veth on docker0, side has none of its own (it lives in app's namespace), hostc and hostp live in the host's network namespace, nonec has nothing to draw but its `lo`.
*/

// %% code draw concepts=15
await lab.draw({ title: "Lab 05: host, none and container modes" });

/* %% md trouble-md
## 5 · Troubleshooting: a sidecar that cannot reach its app

The next cell starts `probe`, a sidecar that should watch app's web server on `localhost`, the way side can. It cannot. Find out why with what you used in this lab (addresses and MACs inside each container, `/proc/PID/ns/net`, `docker inspect`'s `HostConfig.NetworkMode`, `lab.draw()`), name the cause, and fix it.
*/

// %% code scenario concepts=15
await lab.scenario();
// From inside probe, ask 127.0.0.1:
await lab.sh`docker exec ${lab.name("probe")} wget -qO- http://127.0.0.1/`.catch(() => console.log("(probe got no page from 127.0.0.1)"));

// %% exercise ex7 type=troubleshoot concepts=15
// Exercise 7: find out why probe (lab.name("probe")) cannot reach app on 127.0.0.1; name the cause; fix it.
// 1. Look: add cells as you like.
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it, inside a step to see what changed:
// await lab.step("fix probe", async () => { … });
// %% solution ex7
// Exercise 7: find out why probe (lab.name("probe")) cannot reach app on 127.0.0.1; name the cause; fix it.
const probe = lab.name("probe");
const netOf = async (name: string) => (await lab.sh`readlink /proc/${(await lab.sh`docker inspect -f {{.State.Pid}} ${name}`).stdout.trim()}/ns/net`).stdout.trim();
({ app: await netOf(app), side: await netOf(side), probe: await netOf(probe) });   // probe's namespace is not app's
await lab.diagnose("own-namespace");
await lab.step("fix probe: recreate it in app's namespace", async () => {
  await lab.sh`docker rm -f ${probe}`;
  await lab.sh`docker run -d --name ${probe} --network container:${app} ${lab.image} sleep 3600`;
});

// %% check ex7-check 05.probe-fixed

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again; the grader runs them against the live host, plus a hidden one.
*/

// %% check predictions-check 05.predictions

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

Removes your session's containers (by label). hostc's server goes with its container, so hostPort is free again. Running it twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("05");
await finished.teardown();
