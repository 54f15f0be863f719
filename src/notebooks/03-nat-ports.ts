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
- find why a published port gives no page.

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
({ web, port, internet, hostSide, internetServer, pub, pubPort, internetNs });

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

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again. Your instructor's grader runs these against the live host, plus a hidden one that sends its own packets.
*/

// %% check predictions-check 03.predictions

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

Removes web, pub and web2 (by label; the engine then deletes their DNAT, ACCEPT and hairpin rules and stops their docker-proxies), stops the internet namespace's web server, and deletes the namespace and its veth. Nothing else. Running it twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("03");
await finished.teardown();
