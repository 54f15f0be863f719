// Lab 05 · host, none and container network modes: the source of labs/05-host-none-container/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 05 · host, none and container network modes

Seeds 001 and 003 list the other ways to give a container a network, besides a bridge:

| mode | `docker run …` | the container's network namespace |
|---|---|---|
| **none** | `--network none` | its own, with **only `lo`** |
| **host** | `--network host` | **the host's own**: no veth, sees docker0 and every host interface; `-p` means nothing |
| **container** | `--network container:NAME` | **NAME's**: same IP, same MAC, no veth of its own; `localhost` reaches NAME |

You will run one container of each kind and look inside. In host mode a server binds the host's ports directly, so it listens on **127.0.0.1** and on a **port chosen free for your session** (never a fixed port, which another program may use).
*/

// %% code setup
import { openLab, parseIpAddr, parseIpLink } from "docker-net-lab";

const lab = await openLab("05");
await lab.setup();
const [nonec, hostc, hostp, app, side] = ["nonec", "hostc", "hostp", "app", "side"].map((s) => lab.name(s));
const hostPort = await lab.freePort("host-port");        // hostc's server listens here, on 127.0.0.1
const ignoredPort = await lab.freePort("ignored-port");  // what you will try to publish in host mode
({ hostPort, ignoredPort });

/* %% md ex1-md
## 1 · none: only loopback

### Exercise 1 · run `nonec` with `--network none` and list its interfaces

Run it with `sleep 3600`, then parse `docker exec nonec ip addr` with `parseIpAddr` and record the interface names as an array, `"none-interfaces"`.
*/

// %% exercise ex1 concepts=14
// Exercise 1: run nonec (--network none); record "none-interfaces".
// %% solution ex1
// Exercise 1: run nonec (--network none); record "none-interfaces".
await lab.sh`docker run -d --name ${nonec} --network none ${lab.image} sleep 3600`;
const noneAddr = await lab.sh`docker exec ${nonec} ip addr`;
lab.view(noneAddr, parseIpAddr(noneAddr.stdout).value.map((i) => ({ name: i.name, addresses: i.addresses.map((a) => `${a.address}/${a.prefix}`) })), "docker exec nonec ip addr");
await lab.answer("none-interfaces", parseIpAddr(noneAddr.stdout).value.map((i) => i.name));

// %% check ex1-check 05.none

/* %% md ex2-md
## 2 · host: the host's own namespace

A host-mode container gets **no** namespace of its own: `ip link` inside prints the host's interfaces (docker0, eth0, every vethXXXX), and a server inside binds the host's ports directly (seed 001: "as if the application ran on the host").

### Exercise 2 · run `hostc` in host mode with a web server on 127.0.0.1:hostPort

1. `docker run -d --name ${hostc} --network host ${lab.image} httpd -f -p 127.0.0.1:${hostPort} -h /var/www`
2. Parse `docker exec hostc ip link` (busybox text, `parseIpLink`) and record whether docker0 is in it as `"host-sees-docker0"`.
3. `fetch` `http://127.0.0.1:${hostPort}/` from the notebook (the host) and record `response.status` as `"host-mode-status"`. No DNAT, no docker-proxy: the server *is* on the host's loopback.
*/

// %% exercise ex2 concepts=13
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

/* %% md ex3-md
## 3 · Why `-p` means nothing in host mode

Publishing translates *host port → container address:port*. In host mode there is no container address: the container's ports **are** the host's ports. The engine says so and drops the option.

### Exercise 3 · try it

Run `hostp` with `--network host -p 127.0.0.1:${ignoredPort}:80 … sleep 3600`. The result of `lab.sh` has the engine's `stderr`: record whether it contains a warning about published ports being discarded as `"host-p-warning"` (true/false). Then count the bindings `docker port hostp` prints and record it as `"host-p-bindings"`.
*/

// %% exercise ex3 concepts=13
// Exercise 3: run hostp with -p in host mode; record "host-p-warning" and "host-p-bindings".
// %% solution ex3
// Exercise 3: run hostp with -p in host mode; record "host-p-warning" and "host-p-bindings".
const hostpRun = await lab.sh`docker run -d --name ${hostp} --network host -p 127.0.0.1:${ignoredPort}:80 ${lab.image} sleep 3600`;
await lab.answer("host-p-warning", hostpRun.stderr.includes("discarded"));
const portOut = (await lab.sh`docker port ${hostp}`).stdout;
await lab.answer("host-p-bindings", portOut.split("\n").filter((l) => l.trim() !== "").length);

// %% code ex3-view concepts=13
// No DNAT rule for ignoredPort either:
await lab.sh`iptables -t nat -L DOCKER -n`;

// %% check ex3-check 05.host-p

/* %% md ex4-md
## 4 · container mode: two containers, one namespace

`--network container:app` puts a new container into **app's** namespace (seed 001: "the internal IP and the MAC address are shared; no new IP, no new veth on the host"). The two containers are as close as two processes on one machine: `127.0.0.1` in one is `127.0.0.1` in the other. (Kubernetes pods work this way.)

### Exercise 4 · run `app` and `side` and compare

1. Run `app` on the default bridge: `httpd -f -p 80 -h /var/www`.
2. Inside `lab.step("…", …)`, run `side` with `--network container:${app}` and `sleep 3600`; the picture shows **no** new veth.
3. Inside side, parse `ip addr show eth0`: record its IPv4 address as `"side-ip"` and its MAC as `"side-mac"` (compare with `docker inspect app`).
4. From side, `wget -qO- http://127.0.0.1/` reaches app's web server: record whether it worked as `"side-localhost"`.
*/

// %% exercise ex4 concepts=15
// Exercise 4: run app and side (container mode); record "side-ip", "side-mac", "side-localhost".
// %% solution ex4
// Exercise 4: run app and side (container mode); record "side-ip", "side-mac", "side-localhost".
await lab.sh`docker run -d --name ${app} ${lab.image} httpd -f -p 80 -h /var/www`;
await lab.step("side joins app's namespace", () => lab.sh`docker run -d --name ${side} --network container:${app} ${lab.image} sleep 3600`);
const [sideEth0] = parseIpAddr((await lab.sh`docker exec ${side} ip addr show eth0`).stdout).value;
await lab.answer("side-ip", sideEth0?.addresses.find((a) => a.family === "inet")?.address);
await lab.answer("side-mac", sideEth0?.mac);
await lab.answer("side-localhost", await lab.sh`docker exec ${side} wget -qO- http://127.0.0.1/`.then(() => true, () => false));

// %% code ex4-self
// Self-check: side has the address docker inspect gives for app.
const appInspect = await lab.exec(["docker", "inspect", app], { quiet: true }).then((r) => r.stdout, () => "[]");
const appIp = JSON.parse(appInspect)[0]?.NetworkSettings?.Networks?.bridge?.IPAddress;
lab.expect(`side's eth0 has app's address ${appIp}`, (await lab.session.answers())["side-ip"] === appIp, "Read eth0 inside side, not inside another container.");

// %% check ex4-check 05.container-mode

/* %% md draw-md
## The picture

app has one veth on docker0; side has none (it lives in app's namespace); hostc and hostp live in the host's namespace; nonec has nothing to draw but its `lo`.
*/

// %% code draw concepts=15
await lab.draw({ title: "Lab 05: host, none and container modes" });

/* %% md all-md
## All checks
*/

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
