// Lab 03 · NAT and port publishing: the source of labs/03-nat-ports/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 03 · NAT and port publishing

Seed 003 runs `docker run -d --name my-nginx -p 8080:80 nginx`, opens `http://127.0.0.1:8080`, and then reads `iptables -t nat -L -n`:

```
Chain POSTROUTING (policy ACCEPT)
MASQUERADE  all  --  172.17.0.0/16        0.0.0.0/0
MASQUERADE  tcp  --  172.17.0.2           172.17.0.2           tcp dpt:80
Chain DOCKER (2 references)
DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80
```

Three rules, three ideas:

1. **MASQUERADE** (outbound NAT): packets from 172.17.0.0/16 that leave the host get the host's address as source, so replies can find their way back.
2. **DNAT** (port publishing): packets to the host's port 8080 are rewritten to the container's address and port. A **FORWARD accept** rule lets them through, and a **docker-proxy** process serves the cases iptables cannot (like 127.0.0.1 from the host itself).
3. **Hairpin MASQUERADE**: the rule whose source and destination are the same container, for a container that reaches its own published port.

You will see all three on this engine, and watch them work. Two safety rules shape the lab: your published port is bound to **127.0.0.1 only** (not reachable from the network), and it is **chosen free for your session** (not 8080, which someone may use). The "internet" is a namespace the lab made, with a TEST-NET address (203.0.113.0/24, reserved for documentation): no packet leaves this machine.
*/

// %% code setup
import { openLab, parseIptablesSave, parseIptablesList } from "docker-net-lab";

const lab = await openLab("03");
await lab.setup();   // prints the commands that built the "internet" namespace
const web = lab.name("web");
const port = await lab.freePort("web-port");                 // free on this host, for your session
const internet = await lab.freeSubnet("internet", { pool: "203.0.113.0/24", prefix: 29 });
const base = internet.split("/")[0].split(".").slice(0, 3).join(".");
const last = Number(internet.split("/")[0].split(".")[3]);
const [hostSide, internetServer] = [`${base}.${last + 1}`, `${base}.${last + 2}`];
// The nat table, parsed from iptables-save -c (counters included):
const natRules = async () => parseIptablesSave((await lab.exec(["iptables-save", "-c", "-t", "nat"], { quiet: true })).stdout).value.flatMap((t) => t.chains.flatMap((c) => c.rules));
({ web, port, internet, hostSide, internetServer });

/* %% md masq-md
## 1 · MASQUERADE: outbound NAT

First the seed's command, then `iptables-save -c -t nat` (the same rules in the form iptables reads back, with `[packets:bytes]` counters) parsed into objects. Look at POSTROUTING.
*/

// %% code masq-view concepts=7
await lab.sh`iptables -t nat -L POSTROUTING -n`;
const saved = await lab.sh`iptables-save -c -t nat`;
lab.view(saved.stdout.split("\n").filter((l) => l.includes("POSTROUTING")).join("\n"), (await natRules()).filter((r) => r.chain === "POSTROUTING").map((r) => ({ source: r.source, destination: r.destination, outInterface: r.outInterface, target: r.target, packets: r.packets })), "nat POSTROUTING: printed vs parsed");

/* %% md ex1-md
### Exercise 1 · the MASQUERADE rule for docker0

Find the POSTROUTING rule with target `MASQUERADE` and `outInterface` `"!docker0"` (`! -o docker0`: traffic that stays on docker0 is not rewritten) and record its `source` as `"masquerade-source"`.
*/

// %% exercise ex1 concepts=7
// Exercise 1: record the source of docker0's MASQUERADE rule as "masquerade-source".
// %% solution ex1
// Exercise 1: record the source of docker0's MASQUERADE rule as "masquerade-source".
const masq = (await natRules()).find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.outInterface === "!docker0");
await lab.answer("masquerade-source", masq?.source);

// %% check ex1-check 03.masquerade

/* %% md ex2-md
## 2 · Publishing a port: `-p 127.0.0.1:PORT:80`

`-p HOST_IP:HOST_PORT:CONTAINER_PORT`. Seed 003 writes `-p 8080:80`, which binds **every** address of the host (0.0.0.0). Here you bind 127.0.0.1 only, on the port chosen for you (variable `port`).

### Exercise 2 · run `web` with its port 80 published

Run the toolbox's web server (`httpd -f -p 80 -h /var/www`) as `web`, on the default bridge, with `-p 127.0.0.1:${port}:80`. Wrap it in `lab.step("…", () => …)`: the step shows what changed on the host (a container, a veth on docker0) in red.
*/

// %% exercise ex2 concepts=8
// Exercise 2: run web with -p 127.0.0.1:${port}:80, inside lab.step(...).
// %% solution ex2
// Exercise 2: run web with -p 127.0.0.1:${port}:80, inside lab.step(...).
await lab.step("publish web's port 80 on 127.0.0.1", () => lab.sh`docker run -d --name ${web} -p 127.0.0.1:${port}:80 ${lab.image} httpd -f -p 80 -h /var/www`);

// %% code ex2-self
// Self-check: docker port shows the binding.
const shown = await lab.exec(["docker", "port", web], { quiet: true }).then((r) => r.stdout, () => "");
lab.expect(`docker port ${web} shows 127.0.0.1:${port}`, shown.includes(`127.0.0.1:${port}`), "Run web with -p 127.0.0.1:${port}:80 (see the exercise).");

// %% check ex2-check 03.published

/* %% md dnat-md
Docker added rules for `web`. In the **nat** table, chain `DOCKER` (reached from PREROUTING and OUTPUT for packets to a local address): a **DNAT** rule for your port. In the **filter** table, chain `DOCKER` (reached from FORWARD for packets going out to docker0): an **ACCEPT** for web's address and port 80. Without that accept, the FORWARD policy (DROP) would drop the rewritten packets.
*/

// %% code dnat-view concepts=8
const dockerNat = await lab.sh`iptables -t nat -L DOCKER -n`;
lab.view(dockerNat, parseIptablesList(dockerNat.stdout).value, "iptables -t nat -L DOCKER -n: printed vs parsed");
await lab.sh`iptables -L DOCKER -n`;

/* %% md ex3-md
### Exercise 3 · the DNAT rule for your port

In `natRules()`, find the rule in chain `DOCKER` with target `DNAT` whose `--dport` is your port (the parser puts match options in `rule.matches[i].options`, e.g. `{ dport: "…" }`). Record its `targetOptions["to-destination"]` as `"dnat-to"`.
*/

// %% exercise ex3 concepts=8
// Exercise 3: record the --to-destination of the DNAT rule for your port as "dnat-to".
// %% solution ex3
// Exercise 3: record the --to-destination of the DNAT rule for your port as "dnat-to".
const dnat = (await natRules()).find((r) => r.chain === "DOCKER" && r.target === "DNAT" && r.matches.some((m) => m.options["dport"] === String(port)));
await lab.answer("dnat-to", dnat?.targetOptions["to-destination"]);

// %% check ex3-check 03.dnat

/* %% md proxy-md
## 3 · From the host: 127.0.0.1 and docker-proxy

Look again at nat OUTPUT (packets the host itself sends): `DOCKER all -- 0.0.0.0/0 !127.0.0.0/8 ADDRTYPE match dst-type LOCAL`. The `!127.0.0.0/8` means requests to **127.0.0.1** are *not* DNATed. They are answered by **docker-proxy**, a small process the engine starts for each published port, which listens on 127.0.0.1:PORT and copies bytes to web:80 (seed 003's `curl http://127.0.0.1:8080` works this way).

An engine started with `--userland-proxy=false` (an option in `daemon.json`) starts no docker-proxy at all: its nat OUTPUT rule has no `!127.0.0.0/8`, so the kernel DNATs 127.0.0.1 too (Docker sets `route_localnet` on the bridge for it). The check says which one your engine does, and its version.

### Exercise 4 · request the published port from the host, and find its proxy

1. `fetch("http://127.0.0.1:" + port + "/")` (the notebook runs on the host) and record the response's `status` as `"loopback-status"`.
2. Find the docker-proxy process for your port: lab.sh`pgrep -f ${"docker-proxy .*-host-port " + port + " "}` prints its pid; record it (a number) as `"proxy-pid"`, or `null` when there is none (`pgrep` then fails: the engine runs without the userland proxy). (`ps ax | grep docker-proxy` shows its whole command line.)
*/

// %% exercise ex4 concepts=8
// Exercise 4: record "loopback-status" (HTTP status of http://127.0.0.1:port/) and "proxy-pid".
// %% solution ex4
// Exercise 4: record "loopback-status" (HTTP status of http://127.0.0.1:port/) and "proxy-pid".
const response = await fetch(`http://127.0.0.1:${port}/`);
await lab.answer("loopback-status", response.status);
const pgrep = await lab.sh`pgrep -f ${"docker-proxy .*-host-port " + port + " "}`.catch(() => null);
await lab.answer("proxy-pid", pgrep ? Number(pgrep.stdout.trim().split("\n")[0]) : null);

// %% check ex4-check 03.loopback

/* %% md snat-md
## 4 · Outbound: what the "internet" sees

The setup cell made a namespace with address `internetServer` (TEST-NET), joined to the host by a veth whose host end has `hostSide`. A tiny web server there answers `/cgi-bin/ip` with **the source address it saw**.

`web` (172.17.0.x) sends a request; it leaves docker0, the host routes it to the internet namespace, and on the way out POSTROUTING's MASQUERADE rewrites the source to the outgoing interface's address.

### Exercise 5 · send a request from web and watch NAT work

1. Read the MASQUERADE rule's `packets` counter (from `natRules()`) → `"masq-before"`.
2. From inside web: lab.sh`docker exec ${web} wget -qO- http://${internetServer}/cgi-bin/ip`; record the printed address (trimmed) as `"internet-saw"`.
3. Read the counter again → `"masq-after"`.
*/

// %% exercise ex5 concepts=7
// Exercise 5: record "masq-before", "internet-saw", "masq-after".
// %% solution ex5
// Exercise 5: record "masq-before", "internet-saw", "masq-after".
const masqPackets = async () => (await natRules()).find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.outInterface === "!docker0")?.packets;
await lab.answer("masq-before", await masqPackets());
const seen = await lab.sh`docker exec ${web} wget -qO- http://${internetServer}/cgi-bin/ip`;
await lab.answer("internet-saw", seen.stdout.trim());
await lab.answer("masq-after", await masqPackets());

// %% code ex5-self
// Self-check: the internet did not see a 172.17.x address.
const saw = String((await lab.session.answers())["internet-saw"] ?? "");
lab.expect(`the internet saw ${saw || "(nothing)"}, not web's own address`, saw !== "" && !saw.startsWith("172."), "Run the exercise; the server prints the source address it saw.");

// %% check ex5-check 03.snat 03.counters

/* %% md routed-md concepts=7
### Gateway modes (Docker 28)

MASQUERADE is the default, not a law. Docker 28 lets a bridge network choose its **gateway mode** (`-o com.docker.network.bridge.gateway_mode_ipv4=…`):

| mode | outbound source | the outside reaching a container directly |
|---|---|---|
| `nat` (default) | the host's address (MASQUERADE) | dropped (raw PREROUTING), except published ports through DNAT |
| `nat-unprotected` | the host's address | any port, if the outside has a route to the subnet |
| `routed` | the container's **own** address: no MASQUERADE | published ports only, at the container's address |

Older engines accept the option and ignore it (they keep masquerading). Our internet namespace has a route back to this host, so it can answer a container's own address.

### Exercise 5b · a routed network

1. Create `netr` (`lab.name("netr")`) with `-o com.docker.network.bridge.gateway_mode_ipv4=routed` and a subnet from `await lab.freeSubnet("routed")`, and run `r1` on it (`${lab.image} sleep 3600`).
2. From r1, fetch `http://${internetServer}/cgi-bin/ip` and record the address the internet saw (trimmed) as `"routed-saw"`. The check tells what your engine did with the mode.
*/

// %% exercise ex5b concepts=7
// Exercise 5b: create netr (gateway mode routed) and r1; record "routed-saw".
// %% solution ex5b
// Exercise 5b: create netr (gateway mode routed) and r1; record "routed-saw".
const [netr, r1] = [lab.name("netr"), lab.name("r1")];
await lab.sh`docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed --subnet ${await lab.freeSubnet("routed")} ${netr}`;
await lab.sh`docker run -d --name ${r1} --network ${netr} ${lab.image} sleep 3600`;
await lab.answer("routed-saw", (await lab.sh`docker exec ${r1} wget -qO- http://${internetServer}/cgi-bin/ip`).stdout.trim());

// %% check ex5b-check 03.routed

/* %% md hairpin-md concepts=9
## 5 · Hairpin

Back in POSTROUTING there may be one more rule for web: `MASQUERADE tcp -- WEB WEB tcp dpt:80` (seed 003's second MASQUERADE line). It matters when web reaches **its own** published port through the host: the DNAT sends the packet straight back to web, and without the rewrite web would see a reply from itself and drop it.

Whether it is there depends on your engine. Docker 20.10 to 27 add it for every published port, although with the default userland proxy nat DOCKER leaves packets coming from docker0 alone (`-i docker0 -j RETURN`), so a container reaching a published port goes through docker-proxy and the rule stays at 0 packets. Docker 28 adds it only when the engine runs with `--userland-proxy=false`, where the kernel does the whole hairpin. The check names what your engine did.

### Exercise 6 · record the hairpin rule's source

Find the POSTROUTING `MASQUERADE` rule whose `source` and `destination` are both web's address (`/32`) and record its `source` as `"hairpin-source"`, or `null` when your engine has no such rule.
*/

// %% exercise ex6 concepts=9
// Exercise 6: record the source of web's hairpin MASQUERADE rule as "hairpin-source".
// %% solution ex6
// Exercise 6: record the source of web's hairpin MASQUERADE rule as "hairpin-source".
const webIp = JSON.parse((await lab.sh`docker inspect ${web}`).stdout)[0].NetworkSettings.Networks.bridge.IPAddress;
const hairpin = (await natRules()).find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.source === `${webIp}/32` && r.destination === `${webIp}/32`);
await lab.answer("hairpin-source", hairpin?.source ?? null);

// %% check ex6-check 03.hairpin

/* %% md draw-md
## The whole path

docker0 and web (with its veth). The rules you read decide what happens to packets crossing the host: DNAT on the way in, MASQUERADE on the way out.
*/

// %% code draw
await lab.draw({ title: "Lab 03: web behind NAT" });

/* %% md all-md
## All checks

Your instructor's grader runs these again against the live host, plus a hidden one that sends its own packets.
*/

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

Removes web (by label; the engine then deletes its DNAT, ACCEPT and hairpin rules and stops its docker-proxy), stops the internet namespace's web server, and deletes the namespace and its veth. Nothing else. Running it twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("03");
await finished.teardown();
