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

When you are done you can:

- find docker0's MASQUERADE rule and watch it rewrite a container's source on the way out;
- publish a port, read the DNAT and FORWARD rules Docker adds, and say what answers `127.0.0.1` on your engine;
- watch a request from outside take the DNAT path, and say why a nat counter grows once per connection;
- see what a container reaching its own published port needs (hairpin);
- find why a published port gives no page;
- do Docker's part yourself for a bridge and a namespace you build: forwarding, the FORWARD accepts, MASQUERADE and DNAT, and watch the internet reach your server through your own rule.

As in the other labs: **prediction** cells first (only *when* you predict counts), a failed check's **hint** grows with each failure (or `await lab.hint("03.…")`).

You will see all three on this engine, and watch them work. Two safety rules shape the lab: your published port is bound to **127.0.0.1 only** (not reachable from the network), and it is **chosen free for your session** (not 8080, which someone may use). The "internet" is a namespace the lab made, with a TEST-NET address (203.0.113.0/24, reserved for documentation): no packet leaves this machine.
*/

// %% code setup
import { openLab, parseIptablesSave, parseIptablesList, natTable, tableHtml, tableText, display } from "docker-net-lab";

const lab = await openLab("03");
await lab.setup();   // prints the commands that built the "internet" namespace
const web = lab.name("web");
const port = await lab.freePort("web-port");                 // free on this host, for your session
const internet = await lab.freeSubnet("internet", { pool: "203.0.113.0/24", prefix: 29 });
const base = internet.split("/")[0].split(".").slice(0, 3).join(".");
const last = Number(internet.split("/")[0].split(".")[3]);
const [hostSide, internetServer] = [`${base}.${last + 1}`, `${base}.${last + 2}`];
const pub = lab.name("pub");
const pubPort = await lab.freePort("pub-port");               // pub's published port, on hostSide (exercise 7)
const internetNs = lab.session.ifname("3in");                 // the "internet" namespace
// The nat table, parsed from iptables-save -c (counters included):
const natRules = async () => parseIptablesSave((await lab.exec(["iptables-save", "-c", "-t", "nat"], { quiet: true })).stdout).value.flatMap((t) => t.chains.flatMap((c) => c.rules));
// Part 8, NAT by hand: your bridge, the server's namespace and the host end of its veth, their subnet, the port you will publish, the tag on your rules.
const [handBridge, handNs, handVeth] = ["3br", "3sv", "3sh"].map((s) => lab.session.ifname(s));
const handSubnet = await lab.freeSubnet("hand-subnet");
const handPrefix = handSubnet.split("/")[1];
const handBase = handSubnet.split(".").slice(0, 3).join(".");
const [handGateway, handServer] = [`${handBase}.1`, `${handBase}.2`];
const handPort = await lab.freePort("hand-port");
const handWww = `${lab.session.dir}/hand-www`;   // the server's page and its /cgi-bin/ip, written by setup
const tag = lab.name("nat");                     // the comment every rule you write carries
({ web, port, internet, hostSide, internetServer, pub, pubPort, internetNs, handBridge, handNs, handVeth, handSubnet, handGateway, handServer, handPort, handWww, tag });

/* %% md hooks-md
## 0 · Where NAT happens: the netfilter hooks

Every packet crosses the kernel's **netfilter hooks**; iptables hangs its tables' chains on them:

```
 a packet arrives ─▶ PREROUTING ─▶ routing ─┬─▶ FORWARD ────────────▶ POSTROUTING ─▶ it leaves
                     raw, nat:DNAT          │   filter (ACCEPT/DROP)   nat: MASQUERADE / SNAT
                                            └─▶ INPUT ─▶ a local process (docker-proxy…) ─▶ OUTPUT ─┘
                                                filter                                    nat: DNAT for the host's own requests
```

Three things make the rules below readable:

- **Forwarding** must be on (`net.ipv4.ip_forward = 1`), or the host routes nothing between docker0 and the other interfaces. Docker turns it on when it starts.
- **conntrack** follows every connection. The **nat** table sees only a connection's **first packet**; conntrack applies the same rewrite to every later packet and undoes it for the replies.
- Docker's rules live in its own chains (`DOCKER`, `DOCKER-USER`, `DOCKER-ISOLATION-…`, and on Docker 28 more in **raw**), jumped to from the built-in ones.
*/

// %% code forwarding concepts=7
await lab.sh`sysctl net.ipv4.ip_forward`;

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

// %% exercise ex1 type=record concepts=7
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

// %% exercise ex2 type=build concepts=8
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
Seed 003 finds the published port in the PORTS column of `docker ps` (`0.0.0.0:8080->80/tcp`); yours says `127.0.0.1:PORT->80/tcp`. Docker also added rules for `web`. In the **nat** table, chain `DOCKER` (reached from PREROUTING and OUTPUT for packets to a local address): a **DNAT** rule for your port. In the **filter** table, chain `DOCKER` (reached from FORWARD for packets going out to docker0): an **ACCEPT** for web's address and port 80. Without that accept, the FORWARD policy (DROP) would drop the rewritten packets.
*/

// %% code dnat-view concepts=8
await lab.sh`docker ps --filter name=^${web}$ --format ${"table {{.Names}}\t{{.Ports}}"}`;
const dockerNat = await lab.sh`iptables -t nat -L DOCKER -n`;
lab.view(dockerNat, parseIptablesList(dockerNat.stdout).value, "iptables -t nat -L DOCKER -n: printed vs parsed");
await lab.sh`iptables -L DOCKER -n`;

/* %% md ex3-md
### Exercise 3 · the DNAT rule for your port

In `natRules()`, find the rule in chain `DOCKER` with target `DNAT` whose `--dport` is your port (the parser puts match options in `rule.matches[i].options`, e.g. `{ dport: "…" }`). Record its `targetOptions["to-destination"]` as `"dnat-to"`.
*/

// %% exercise ex3 type=record concepts=8
// Exercise 3: record the --to-destination of the DNAT rule for your port as "dnat-to".
// %% solution ex3
// Exercise 3: record the --to-destination of the DNAT rule for your port as "dnat-to".
const dnat = (await natRules()).find((r) => r.chain === "DOCKER" && r.target === "DNAT" && r.matches.some((m) => m.options["dport"] === String(port)));
await lab.answer("dnat-to", dnat?.targetOptions["to-destination"]);

// %% check ex3-check 03.dnat

/* %% md proxy-md
## 3 · From the host: 127.0.0.1

Seed 003 opens `http://127.0.0.1:8080` on the host. Look again at nat OUTPUT (packets the host itself sends) in the rules above. Before you request your port from the host, predict:
*/

// %% predict p-loopback loopback-path
await lab.predict("loopback-path", undefined);
// %% solution p-loopback
await lab.predict("loopback-path", "a DNAT rule in the kernel");

/* %% md ex4-md
### Exercise 4 · request the published port from the host, and find what answered

1. Request `http://127.0.0.1:${port}/` from the notebook (it runs on the host, so `fetch` works) and record the response's `status` as `"loopback-status"`.
2. **docker-proxy** is a small process the engine may start for each published port; its command line names the host port (`-host-port PORT`). Find the one for your port (`pgrep -f` or `ps ax`), and record its pid (a number) as `"proxy-pid"`, or `null` when there is none.
*/

// %% exercise ex4 type=observe concepts=8
// Exercise 4: record "loopback-status" (HTTP status of http://127.0.0.1:port/) and "proxy-pid".
// %% solution ex4
// Exercise 4: record "loopback-status" (HTTP status of http://127.0.0.1:port/) and "proxy-pid".
const response = await fetch(`http://127.0.0.1:${port}/`);
await lab.answer("loopback-status", response.status);
const pgrep = await lab.sh`pgrep -f ${"docker-proxy .*-host-port " + port + " "}`.catch(() => null);
await lab.answer("proxy-pid", pgrep ? Number(pgrep.stdout.trim().split("\n")[0]) : null);

// %% code loopback-view concepts=8
const proxyPid = (await lab.session.answers())["proxy-pid"];
await lab.observe("loopback-path", async () => (typeof proxyPid === "number" ? "docker-proxy, a process of the engine" : proxyPid === null ? "a DNAT rule in the kernel" : "(not measured yet)"));

// %% check ex4-check 03.loopback

/* %% md snat-md
## 4 · Outbound: what the "internet" sees

The setup cell made a namespace with address `internetServer` (TEST-NET), joined to the host by a veth whose host end has `hostSide`. A tiny web server there answers `/cgi-bin/ip` with **the source address it saw**. web (172.17.0.x) will send it a request. Predict first:
*/

// %% predict p-internet internet-sees
await lab.predict("internet-sees", undefined);
// %% solution p-internet
await lab.predict("internet-sees", "web's own 172.17.0.x");

/* %% md ex5-md
### Exercise 5 · send a request from web and watch NAT work

1. Read the MASQUERADE rule's `packets` counter (from `natRules()`) → `"masq-before"`.
2. From inside web, request `http://${internetServer}/cgi-bin/ip` (busybox `wget -qO-` prints the page); record the printed address (trimmed) as `"internet-saw"`.
3. Read the counter again → `"masq-after"`.
*/

// %% exercise ex5 type=observe concepts=7
// Exercise 5: record "masq-before", "internet-saw", "masq-after".
// %% solution ex5
// Exercise 5: record "masq-before", "internet-saw", "masq-after".
const masqPackets = async () => (await natRules()).find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.outInterface === "!docker0")?.packets;
await lab.answer("masq-before", await masqPackets());
const seen = await lab.sh`docker exec ${web} wget -qO- http://${internetServer}/cgi-bin/ip`;
await lab.answer("internet-saw", seen.stdout.trim());
await lab.answer("masq-after", await masqPackets());

// %% code ex5-self
// What the internet saw, beside your prediction; then the path of such a packet, hop by hop, with the rules it meets.
const saw = String((await lab.session.answers())["internet-saw"] ?? "");
await lab.observe("internet-sees", async () => (saw === hostSide ? "the host's address on the internet link (hostSide)" : saw.startsWith("172.17.0.1") && saw === "172.17.0.1" ? "docker0's 172.17.0.1" : saw ? "web's own 172.17.0.x" : "(not measured yet)"));
await lab.explain(web, internetServer);

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

1. Create a bridge network `netr` (`lab.name("netr")`) whose IPv4 gateway mode is `routed` (the driver option above) with a subnet from `await lab.freeSubnet("routed")`, and run `r1` on it (`${lab.image} sleep 3600`).
2. From r1, request the internet server's `/cgi-bin/ip` and record the address it saw (trimmed) as `"routed-saw"`. The check tells what your engine did with the mode.
*/

// %% exercise ex5b type=build concepts=7
// Exercise 5b: create netr (gateway mode routed) and r1; record "routed-saw".
// %% solution ex5b
// Exercise 5b: create netr (gateway mode routed) and r1; record "routed-saw".
const [netr, r1] = [lab.name("netr"), lab.name("r1")];
await lab.sh`docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed --subnet ${await lab.freeSubnet("routed")} ${netr}`;
await lab.sh`docker run -d --name ${r1} --network ${netr} ${lab.image} sleep 3600`;
await lab.answer("routed-saw", (await lab.sh`docker exec ${r1} wget -qO- http://${internetServer}/cgi-bin/ip`).stdout.trim());

// %% check ex5b-check 03.routed

/* %% md inbound-md concepts=8
## 5 · Inbound: the internet reaches a published port

web is published on 127.0.0.1 only, which the internet cannot reach. Publish a second container on the host's address **of the internet link** (`hostSide`, a lab-made address only the internet namespace reaches): then a request from the internet arrives on that link, meets nat PREROUTING, and really takes the DNAT path, as seed 003's `host:8080 → 172.17.0.2:80` story says.

### Exercise 7 · publish `pub` on hostSide, and count what DNAT sees

1. Run `pub` (the same web server, `httpd -f -p 80 -h /var/www`) with its port 80 published on `hostSide`, port `pubPort`.
2. Read the packets counter of the DNAT rule for `pubPort` (as in exercise 3) → `"dnat-before"`.
3. Make **three** requests from the internet namespace `internetNs` (`ip netns exec … busybox wget -qO- URL`) to `http://${hostSide}:${pubPort}/`.
4. Read the counter again → `"dnat-after"`.

Predict before you run it:
*/

// %% predict p-dnat dnat-first-packet
await lab.predict("dnat-first-packet", undefined);
// %% solution p-dnat
await lab.predict("dnat-first-packet", 12);

// %% exercise ex7 type=build concepts=8
// Exercise 7: publish pub on hostSide:pubPort; record "dnat-before", make three requests from the internet namespace, record "dnat-after".
// %% solution ex7
// Exercise 7: publish pub on hostSide:pubPort; record "dnat-before", make three requests from the internet namespace, record "dnat-after".
await lab.sh`docker run -d --name ${pub} -p ${hostSide}:${pubPort}:80 ${lab.image} httpd -f -p 80 -h /var/www`;
const dnatPackets = async () => (await natRules()).find((r) => r.chain === "DOCKER" && r.target === "DNAT" && r.matches.some((m) => m.options["dport"] === String(pubPort)))?.packets;
await lab.answer("dnat-before", await dnatPackets());
for (let i = 0; i < 3; i++) await lab.sh`ip netns exec ${internetNs} busybox wget -qO- http://${hostSide}:${pubPort}/`;
await lab.answer("dnat-after", await dnatPackets());

// %% code inbound-view concepts=8
const dnatAnswers = await lab.session.answers();
await lab.observe("dnat-first-packet", async () => (typeof dnatAnswers["dnat-after"] === "number" && typeof dnatAnswers["dnat-before"] === "number" ? dnatAnswers["dnat-after"] - dnatAnswers["dnat-before"] : "(not measured yet)"));
// One more packet from the internet to pub's published port, explained hop by hop; `prove` sends it and shows the counters that moved:
await lab.explain(internetNs, `${hostSide}:${pubPort}`, { prove: true });

// %% check ex7-check 03.dnat-path

/* %% md hairpin-md concepts=9
## 6 · Hairpin

Back in POSTROUTING there may be one more rule per published port: `MASQUERADE tcp -- X X tcp dpt:80` (seed 003's second MASQUERADE line), with X the container's own address. It matters when a container reaches **its own** published port through the host: the DNAT sends the packet straight back to it, and without the rewrite it would see a reply from itself and drop it.

Whether it is there depends on your engine. Docker 20.10 to 27 add it for every published port, although with the default userland proxy nat DOCKER leaves packets coming from docker0 alone (`-i docker0 -j RETURN`), so a container reaching a published port goes through docker-proxy and the rule stays at 0 packets. Docker 28 adds it only when the engine runs with `--userland-proxy=false`, where the kernel does the whole hairpin. The check names what your engine did.

### Exercise 6 · pub reaches its own published port

1. From inside pub, request pub's own published address (`http://${hostSide}:${pubPort}/`) and record whether a page came back (`true` or `false`) as `"hairpin-reached"`.
2. Find the POSTROUTING `MASQUERADE` rule whose `source` and `destination` are both pub's address (`/32`) and record its `source` as `"hairpin-source"`, or `null` when your engine has no such rule.
*/

// %% exercise ex6 type=observe concepts=9
// Exercise 6: record "hairpin-reached" (did pub get its own page through its published port?) and "hairpin-source".
// %% solution ex6
// Exercise 6: record "hairpin-reached" (did pub get its own page through its published port?) and "hairpin-source".
await lab.answer("hairpin-reached", await lab.sh`docker exec ${pub} wget -qO- http://${hostSide}:${pubPort}/`.then(() => true, () => false));
const pubIp = JSON.parse((await lab.sh`docker inspect ${pub}`).stdout)[0].NetworkSettings.Networks.bridge.IPAddress;
const hairpin = (await natRules()).find((r) => r.chain === "POSTROUTING" && r.target === "MASQUERADE" && r.source === `${pubIp}/32` && r.destination === `${pubIp}/32`);
await lab.answer("hairpin-source", hairpin?.source ?? null);

// %% check ex6-check 03.hairpin

/* %% md draw-md
## The whole path

docker0, web and pub (with their veths). The rules you read decide what happens to packets crossing the host: DNAT on the way in, MASQUERADE on the way out. The NAT table view lists the same rules, by what they do:
*/

// %% code draw
await lab.draw({ title: "Lab 03: web and pub behind NAT" });
const now = await lab.snapshot();
const ours = now.containers.filter((c) => c.name.startsWith(lab.name(""))).flatMap((c) => [c.name, ...Object.values(c.networkSettings.networks).map((n) => n.ipAddress)]);
const natView = natTable(now);
const mine = { ...natView, rows: natView.rows.filter((row) => row.some((cell) => ours.some((o) => o && cell.includes(o)) || cell.includes("from 172.17.0.0/16"))) };
display({ "text/plain": tableText(mine), "text/html": tableHtml(mine) });

/* %% md trouble-md
## 7 · Troubleshooting: a published port that gives no page

The next cell starts `web2` (only in your session) with a published port on 127.0.0.1. Requests to it get no page. Find out why with what this lab showed you (the PORTS column of `docker ps`, `docker port`, the DNAT rule, what listens inside the container: busybox `netstat -ltn`), name the cause, and fix it.
*/

// %% code scenario concepts=8
await lab.scenario();
const web2Port = Number((await lab.params())["web2-port"]);
await lab.sh`curl -sS --max-time 3 http://127.0.0.1:${web2Port}/`.catch(() => console.log(`(no page from 127.0.0.1:${web2Port})`));

// %% exercise ex8 type=troubleshoot concepts=8
// Exercise 8: find out why http://127.0.0.1:web2Port/ gives no page; name the cause; fix it.
// 1. Look: add cells as you like (web2's name is lab.name("web2")).
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it, inside a step to see what changed:
// await lab.step("fix web2", async () => { … });
// %% solution ex8
// Exercise 8: find out why http://127.0.0.1:web2Port/ gives no page; name the cause; fix it.
const web2 = lab.name("web2");
await lab.sh`docker ps --filter name=^${web2}$ --format ${"{{.Names}} {{.Ports}}"}`;   // 127.0.0.1:PORT->8080/tcp
await lab.sh`docker exec ${web2} netstat -ltn`;                                         // httpd listens on :80
await lab.diagnose("wrong-container-port");
await lab.step("fix web2: publish its port 80", async () => {
  await lab.sh`docker rm -f ${web2}`;
  await lab.sh`docker run -d --name ${web2} -p 127.0.0.1:${web2Port}:80 ${lab.image} httpd -f -p 80 -h /var/www`;
});

// %% check ex8-check 03.web2-fixed

/* %% md hand-md concepts=6,7,8,19
## 8 · No magic: Docker's NAT, by hand

Lab 02 built a container's network without Docker, up to the bridge. Sections 1 to 5 showed what Docker adds on top for docker0: forwarding, FORWARD accepts, MASQUERADE, DNAT. Now you write those yourself, for a network you build:

| Docker, for docker0 and pub | you, for your network |
|---|---|
| bridge `docker0`, 172.17.0.1/16 | bridge `handBridge`, address `handGateway` |
| a container running httpd | namespace `handNs` (`handServer`) running the host's busybox httpd |
| `net.ipv4.ip_forward = 1`, set when dockerd starts | you check it, and turn it on if needed |
| filter FORWARD accepts for docker0 and for pub's port | your accepts, at the top of `DOCKER-USER` |
| nat POSTROUTING `-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` | the same for `handSubnet` and `handBridge` |
| nat DOCKER: DNAT `hostSide:pubPort` → pub:80 | nat PREROUTING: DNAT `hostSide:handPort` → `handServer:80` |

Three rules of this shared host:

- **Tag every rule** with `-m comment --comment ${tag}` (the variable `tag`, a name of your session): teardown and `npx docker-net-lab clean` remove exactly the rules that carry it, nobody else's. Your bridge and namespace have your session's names, so they are found the same way.
- **Never turn forwarding off** (`net.ipv4.ip_forward=0`): every container on this host, yours and other people's, would lose its way out, and Docker would not notice. Setting it to 1 when it is 1 already changes nothing.
- The "internet" is still the TEST-NET namespace `internetNs`: nothing leaves this machine.

### Exercise 9 · build the server's network

Inside the `lab.step` of the exercise cell, the way you built namespace B in lab 02:

1. the bridge `handBridge` with `handGateway/handPrefix`, up;
2. the namespace `handNs`, joined to the bridge by a veth pair: host end `handVeth`, plugged into the bridge and up; the other end created inside the namespace as `eth0`;
3. inside: `handServer/handPrefix` on eth0, eth0 and lo up, a default route via `handGateway`;
4. the server: the host's busybox `httpd`, run inside the namespace (`ip netns exec`), listening on `handServer` port 80 and serving the folder `handWww` (setup wrote a page and a `/cgi-bin/ip` that prints the source address it saw). It goes to the background by itself; teardown stops it.
*/

// %% exercise ex9 type=build concepts=6
// Exercise 9: build handBridge, the namespace handNs (handServer) with its veth handVeth, and start busybox httpd inside it.
await lab.step("the server's network, by hand", async () => {
  // your commands here
});
// %% solution ex9
// Exercise 9: build handBridge, the namespace handNs (handServer) with its veth handVeth, and start busybox httpd inside it.
await lab.step("the server's network, by hand", async () => {
  await lab.sh`ip link add ${handBridge} type bridge`;
  await lab.sh`ip addr add ${handGateway}/${handPrefix} dev ${handBridge}`;
  await lab.sh`ip link set ${handBridge} up`;
  await lab.sh`ip netns add ${handNs}`;
  await lab.sh`ip link add ${handVeth} type veth peer name eth0 netns ${handNs}`;
  await lab.sh`ip link set ${handVeth} master ${handBridge} up`;
  await lab.sh`ip -n ${handNs} addr add ${handServer}/${handPrefix} dev eth0`;
  await lab.sh`ip -n ${handNs} link set eth0 up`;
  await lab.sh`ip -n ${handNs} link set lo up`;
  await lab.sh`ip -n ${handNs} route add default via ${handGateway}`;
  await lab.sh`ip netns exec ${handNs} busybox httpd -p ${handServer}:80 -h ${handWww}`;
});

// %% code ex9-self
// Self-check: the host gets the server's page (it reaches the bridge directly: no forwarding, no NAT on this path).
const handPageOk = await lab.exec(["curl", "-sS", "--max-time", "3", `http://${handServer}/`], { quiet: true }).then((r) => r.stdout.includes("hand-made"), () => false);
lab.expect(`the host gets http://${handServer}/`, handPageOk, "Check each step of exercise 9; is httpd running inside the namespace (ip netns pids)?");

// %% check ex9-check 03.hand-net

/* %% md hand-before-md concepts=7
Forwarding first: look at it (the next cell only reads it).
*/

// %% code hand-forwarding concepts=7
await lab.sh`sysctl net.ipv4.ip_forward`;

/* %% md hand-predict-md
The internet namespace will now ask for `http://hostSide:handPort/`, where you are going to publish your server. There is no rule of yours yet. Predict:
*/

// %% predict p-hand-before hand-before-dnat
await lab.predict("hand-before-dnat", undefined);
// %% solution p-hand-before
await lab.predict("hand-before-dnat", "the server's page: the host forwards it to the namespace");

// %% code hand-before concepts=8
// The request before your rules (5 s at most; busybox wget has no working timeout option here), then the path such a packet takes, hop by hop.
const tryHand = (path: string) => lab.exec(["ip", "netns", "exec", internetNs, "busybox", "wget", "-q", "-O", "-", `http://${hostSide}:${handPort}${path}`], { quiet: true, timeout: 5_000 }).then((r) => r.stdout.trim(), (e: any) => `failed: ${String(e.stderr || e.message).trim()}`);
const handBefore = await tryHand("/");
console.log(handBefore);
await lab.observe("hand-before-dnat", async () => (handBefore.includes("hand-made") ? "the server's page: the host forwards it to the namespace" : /refused/i.test(handBefore) ? "refused: nothing on the host listens on that port" : "no answer: the FORWARD chain drops it"));
await lab.explain(internetNs, `${hostSide}:${handPort}`);

/* %% md ex10-md
### Exercise 10 · forwarding, FORWARD accepts, MASQUERADE, DNAT

Inside the `lab.step` of the exercise cell (it shows the rules you added), with `-m comment --comment ${tag}` on **every** rule:

1. Make sure forwarding is on: read it, and write it (`sysctl -w`, to 1 only) only if it is off.
2. **filter**: the FORWARD policy is DROP on a Docker host. Read the accepts Docker wrote for docker0 (`iptables -S FORWARD`, `iptables -S DOCKER`; on Docker 28 also `DOCKER-FORWARD` and `DOCKER-CT`) and write the same three for your bridge, inserted at the top of `DOCKER-USER` (FORWARD jumps there first; insert, do not append: on some engines the chain ends with a RETURN): packets coming in from your bridge and going elsewhere; packets going out to your bridge that belong to a connection conntrack knows (`-m conntrack --ctstate RELATED,ESTABLISHED`); new connections to your server's tcp port 80 through your bridge.
3. **nat POSTROUTING**: the MASQUERADE for `handSubnet`, except what stays on `handBridge`.
4. **nat PREROUTING**: a DNAT for tcp packets to `hostSide`, port `handPort`, to `handServer:80`.

The checks then ask the live host: your server's namespace fetches the internet's `/cgi-bin/ip` (which address did the internet see?), and the internet namespace fetches `http://hostSide:handPort/`.
*/

// %% exercise ex10 type=build concepts=7,8,19
// Exercise 10: forwarding on; three accepts in DOCKER-USER, a MASQUERADE and a DNAT, each with -m comment --comment ${tag}.
await lab.step("forwarding and NAT for the hand-made network", async () => {
  // your commands here
});
// %% solution ex10
// Exercise 10: forwarding on; three accepts in DOCKER-USER, a MASQUERADE and a DNAT, each with -m comment --comment ${tag}.
await lab.step("forwarding and NAT for the hand-made network", async () => {
  if ((await lab.sh`sysctl -n net.ipv4.ip_forward`).stdout.trim() !== "1") await lab.sh`sysctl -w net.ipv4.ip_forward=1`;   // on only, and only when off
  await lab.sh`iptables -I DOCKER-USER -i ${handBridge} ! -o ${handBridge} -m comment --comment ${tag} -j ACCEPT`;
  await lab.sh`iptables -I DOCKER-USER -o ${handBridge} -m conntrack --ctstate RELATED,ESTABLISHED -m comment --comment ${tag} -j ACCEPT`;
  await lab.sh`iptables -I DOCKER-USER -o ${handBridge} -d ${handServer} -p tcp --dport 80 -m comment --comment ${tag} -j ACCEPT`;
  await lab.sh`iptables -t nat -A POSTROUTING -s ${handSubnet} ! -o ${handBridge} -m comment --comment ${tag} -j MASQUERADE`;
  await lab.sh`iptables -t nat -A PREROUTING -d ${hostSide} -p tcp --dport ${handPort} -m comment --comment ${tag} -j DNAT --to-destination ${handServer}:80`;
});

// %% check ex10-check 03.hand-masquerade 03.hand-dnat

/* %% md compare-md concepts=7,8
Docker's rules for docker0 and pub, beside yours, by what they do (from `iptables-save`; yours are the ones with your tag):
*/

// %% code compare concepts=7,8
const everyRule = parseIptablesSave((await lab.exec(["iptables-save"], { quiet: true })).stdout).value.flatMap((t) => t.chains.flatMap((c) => c.rules.map((r) => ({ ...r, table: t.name }))));
const pubAddress = await lab.exec(["docker", "inspect", "-f", "{{.NetworkSettings.IPAddress}}", pub], { quiet: true }).then((r) => r.stdout.trim(), () => "");
const tracked = (r: any) => r.matches.some((m: any) => m.name === "conntrack" || m.name === "state");
const dportOf = (r: any) => r.matches.map((m: any) => m.options["dport"]).find(Boolean);
const roles = (bridgeName: string, hostPort: number, server: string): [string, (r: any) => boolean][] => [
  ["forwarding", () => false],
  ["out of the bridge (filter)", (r) => r.table === "filter" && r.target === "ACCEPT" && r.inInterface === bridgeName && r.outInterface !== bridgeName && !tracked(r)],
  ["replies back in (filter)", (r) => r.table === "filter" && r.target === "ACCEPT" && r.outInterface === bridgeName && tracked(r)],
  ["to the published server (filter)", (r) => r.table === "filter" && r.target === "ACCEPT" && r.outInterface === bridgeName && r.destination === `${server}/32`],
  ["outbound NAT (nat)", (r) => r.table === "nat" && r.target === "MASQUERADE" && r.outInterface === `!${bridgeName}`],
  ["publish a port (nat)", (r) => r.table === "nat" && r.target === "DNAT" && dportOf(r) === String(hostPort)],
];
const show = (r: any) => (r ? `-t ${r.table} -A ${r.chain} ${r.spec}` : "(none)");
const forwardingNow = (await lab.exec(["sysctl", "-n", "net.ipv4.ip_forward"], { quiet: true })).stdout.trim();
const rows = roles("docker0", pubPort, pubAddress).map(([what, isDocker], i) => {
  const isMine = roles(handBridge, handPort, handServer)[i]![1];
  if (what === "forwarding") return [what, `net.ipv4.ip_forward = ${forwardingNow} (dockerd)`, `net.ipv4.ip_forward = ${forwardingNow} (you checked it)`];
  return [what, show(everyRule.find((r) => r.comment === null && isDocker(r))), show(everyRule.find((r) => r.comment === tag && isMine(r)))];
});
const compare = { title: "Docker's rules (docker0, pub) and yours (handBridge, your server)", header: ["what it does", "Docker", "you"], rows };
display({ "text/plain": tableText(compare), "text/html": tableHtml(compare) });

/* %% md hand-dnat-md
### Exercise 11 · through your DNAT, and count

The internet namespace will request your server's `/cgi-bin/ip` through `hostSide:handPort`. Predict first:
*/

// %% predict p-hand-source hand-source-seen
await lab.predict("hand-source-seen", undefined);
// %% solution p-hand-source
await lab.predict("hand-source-seen", "the host's address on the internet link (hostSide)");

/* %% md ex11-md
1. Find your DNAT rule in `natRules()` by its comment (`rule.comment === tag`) and record its `packets` → `"hand-dnat-before"`.
2. From the internet namespace (as `tryHand` does in the cell above), request `http://${hostSide}:${handPort}/cgi-bin/ip` twice; record what the server printed the second time (trimmed) as `"hand-saw"`.
3. Read the counter again → `"hand-dnat-after"`.
*/

// %% exercise ex11 type=observe concepts=8
// Exercise 11: record "hand-dnat-before", two requests through your DNAT with "hand-saw", then "hand-dnat-after".
// %% solution ex11
// Exercise 11: record "hand-dnat-before", two requests through your DNAT with "hand-saw", then "hand-dnat-after".
const myDnatPackets = async () => (await natRules()).find((r) => r.target === "DNAT" && r.comment === tag)?.packets;
await lab.answer("hand-dnat-before", await myDnatPackets());
await tryHand("/cgi-bin/ip");
await lab.answer("hand-saw", await tryHand("/cgi-bin/ip"));
await lab.answer("hand-dnat-after", await myDnatPackets());

// %% code hand-after concepts=7,8
// What your server saw, beside your prediction; the path now (one more packet, with the counters that moved); and the way out, through your MASQUERADE.
const handSaw = String((await lab.session.answers())["hand-saw"] ?? "");
await lab.observe("hand-source-seen", async () => (handSaw === internetServer ? "the internet namespace's own address (internetServer)" : handSaw === hostSide ? "the host's address on the internet link (hostSide)" : handSaw === handGateway ? "the hand-made bridge's gateway address" : "(not measured yet)"));
await lab.explain(internetNs, `${hostSide}:${handPort}`, { prove: true }).catch((e) => console.log(`(no proof: ${e.message})`));
await lab.sh`ip netns exec ${handNs} busybox wget -qO- http://${internetServer}/cgi-bin/ip`.catch(() => console.log("(your server's namespace gets no answer from the internet yet)"));
await lab.explain(handNs, internetServer).catch((e) => console.log(`(no path: ${e.message})`));

// %% check ex11-check 03.hand-counters

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again. Your instructor's grader runs these against the live host, plus a hidden one that sends its own packets.
*/

// %% check predictions-check 03.predictions

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

Removes web, pub, web2, netr and r1 (by label; the engine then deletes their DNAT, ACCEPT and hairpin rules and stops their docker-proxies); stops the web servers inside the internet namespace and your server's namespace, and deletes both namespaces, their veths and your bridge; deletes the iptables rules that carry your tag (and any rule that names your bridge, subnet or server). It leaves `net.ipv4.ip_forward` as it is: Docker needs it on. Nothing else. Running it twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("03");
await finished.teardown();
