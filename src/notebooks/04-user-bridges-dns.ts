// Lab 04 · User-defined bridges and DNS: the source of labs/04-user-bridges-dns/lab.ipynb and of its answer key.
// Cells start at `// %%` lines (src/labs/source/README.md); `npm run labs:build` writes the notebook, and a test
// fails when the committed notebook differs from this file or a code cell does not type-check.

/* %% md intro
# Lab 04 · User-defined bridges and DNS

Seed 001 creates its own bridge network and runs a container on it:

```
docker network create --driver bridge mybridge
docker run -i -t --name mynetwork_container --net mybridge ubuntu:14.04
```

A user-defined bridge is a second docker0: a new Linux bridge (`br-<id>`), its own subnet, its own MASQUERADE rule. It also brings three things the default bridge lacks or does differently:

1. **Embedded DNS at 127.0.0.11**: containers find each other **by name**. On the default bridge they cannot (only the legacy `--link` writes names into `/etc/hosts`).
2. **`--network-alias` (`--net-alias`)**: one name for several containers; DNS answers with all of them (round robin).
3. **Isolation**: two user bridges cannot talk to each other (iptables DROP rules), until you `docker network connect` a container to both.

When you are done you can:

- make a user-defined bridge with your own subnet, and find the Linux bridge behind it;
- show where container names resolve, and where they do not;
- tell who answers for an alias;
- find where the engine drops a packet between two bridges, and let a container into both;
- say what `--link` really does;
- find why a container does not answer for its alias.

As in the other labs: **prediction** cells first (only *when* you predict counts), a failed check's **hint** grows with each failure (or `await lab.hint("04.…")`).

> **The post says** `--net mybridge` and `--net-alias`. **Today** the options are `--network` and `--network-alias` (the old spellings still work as aliases).

Safety note: every container here runs with `--dns 127.0.0.1`. The embedded DNS still answers container names, but anything else it would forward goes to the container's own loopback, where nothing listens: no lookup ever leaves this machine.
*/

// %% code setup
import { openLab, parseNetworkInspect, parseIptablesSave } from "docker-net-lab";

const lab = await openLab("04");
await lab.setup();
const [netA, netB] = [lab.name("neta"), lab.name("netb")];
const [a1, a2, web1, web2, b1, d1, d2, legacy] = ["a1", "a2", "web1", "web2", "b1", "d1", "d2", "legacy"].map((s) => lab.name(s));
const subnetA = await lab.freeSubnet("net-a");   // checked free on this host (Docker networks, routes, addresses)
const subnetB = await lab.freeSubnet("net-b");
const sleeper = [lab.image, "sleep", "3600"];
({ netA, subnetA, netB, subnetB });

/* %% md ex1-md
## 1 · A user-defined bridge with a custom subnet

### Exercise 1 · create `netA` and put `a1` and `a2` on it

Inside the `lab.step` of the exercise cell, so you see what appears on the host:

1. a network `netA` with the bridge driver and the subnet `subnetA` (checked free on this host for you);
2. `a1` and `a2` on it, each running `sleeper` (the toolbox image and `sleep 3600`) with `--dns 127.0.0.1`.
*/

// %% exercise ex1 type=build concepts=10
// Exercise 1: create netA with subnetA and run a1, a2 on it (inside lab.step).
await lab.step("a user-defined bridge with two containers", async () => {
  // your commands here
});
// %% solution ex1
// Exercise 1: create netA with subnetA and run a1, a2 on it (inside lab.step).
await lab.step("a user-defined bridge with two containers", async () => {
  await lab.sh`docker network create --driver bridge --subnet ${subnetA} ${netA}`;
  await lab.sh`docker run -d --name ${a1} --network ${netA} --dns 127.0.0.1 ${sleeper}`;
  await lab.sh`docker run -d --name ${a2} --network ${netA} --dns 127.0.0.1 ${sleeper}`;
});

// %% code ex1-view concepts=10
// The new network as Docker describes it, and the Linux bridge behind it.
const inspectA = await lab.sh`docker network inspect ${netA}`.catch(() => ({ stdout: "[]" }));   // empty until exercise 1 is done
const [parsedA] = parseNetworkInspect(inspectA.stdout).value;
lab.view(inspectA.stdout, { name: parsedA?.name, driver: parsedA?.driver, subnet: parsedA?.ipam.config[0]?.subnet, gateway: parsedA?.ipam.config[0]?.gateway, bridge: `br-${parsedA?.id.slice(0, 12)}`, containers: Object.values(parsedA?.containers ?? {}).map((c) => `${c.name} ${c.ipv4Address}`) }, "docker network inspect netA");
await lab.sh`brctl show`;

// %% check ex1-check 04.user-bridge

/* %% md dns-md
## 2 · Embedded DNS: 127.0.0.11

Inside a container on a user bridge, `/etc/resolv.conf` points at **127.0.0.11**: a resolver the engine runs inside the container's namespace. It knows every container on the same network by name. On the **default** bridge, `/etc/resolv.conf` is a copy of the host's (here: 127.0.0.1, because of `--dns`).

You will start two containers on the default bridge, d1 and d2. Predict first:
*/

// %% predict p-names default-bridge-names
await lab.predict("default-bridge-names", undefined);
// %% solution p-names
await lab.predict("default-bridge-names", "yes");

/* %% md ex2-task
### Exercise 2 · compare the two networks

1. In a1, read `/etc/resolv.conf`; record the nameserver address as `"resolver"`.
2. In a1, `nslookup ${a2}`; record the address it found for a2 (the `Address` line after `Name:`, not the server's) as `"a2-from-a1"`.
3. Run `d1` and `d2` on the default bridge (no `--network`), each running `sleeper` with `--dns 127.0.0.1`; give d1 `--expose 80` too (part 6 needs it).
4. In d1, `nslookup ${d2}` (both on the default bridge); record whether it worked, `true` or `false`, as `"default-bridge-resolves"`.
*/

// %% exercise ex2 type=observe concepts=11
// Exercise 2: record "resolver", "a2-from-a1", then run d1 and d2 on the default bridge and record "default-bridge-resolves".
// %% solution ex2
// Exercise 2: record "resolver", "a2-from-a1", then run d1 and d2 on the default bridge and record "default-bridge-resolves".
const resolv = (await lab.sh`docker exec ${a1} cat /etc/resolv.conf`).stdout;
await lab.answer("resolver", resolv.split("\n").find((l) => l.startsWith("nameserver"))?.split(" ")[1]?.trim());
const lookup = (await lab.sh`docker exec ${a1} nslookup ${a2}`).stdout;
const addressLines = lookup.split("\n").filter((l) => l.startsWith("Address:") && !l.includes("127.0.0.11"));
await lab.answer("a2-from-a1", addressLines[0]?.split("Address:")[1]?.trim());
await lab.sh`docker run -d --name ${d1} --expose 80 --dns 127.0.0.1 ${sleeper}`;
await lab.sh`docker run -d --name ${d2} --dns 127.0.0.1 ${sleeper}`;
await lab.answer("default-bridge-resolves", await lab.sh`docker exec ${d1} nslookup ${d2}`.then(() => true, () => false));

// %% code names-view concepts=11
const resolves = (await lab.session.answers())["default-bridge-resolves"];
await lab.observe("default-bridge-names", async () => (resolves === true ? "yes" : resolves === false ? "no" : "(not measured yet)"));

/* %% md dns-box
> **The post says** (seed 001) `--link` finds containers on the default bridge "by DNS". **It is not DNS**: `--link` writes lines into `/etc/hosts` and environment variables into the new container (part 6). The embedded DNS exists on user-defined networks only.
*/

// %% check ex2-check 04.dns

/* %% md alias-md
## 3 · `--network-alias`: one name, several containers

Seed 001's `--net-alias`: give several containers the same alias, and the embedded DNS answers with **all** their addresses, in rotating order (round robin).

### Exercise 3 · two web servers behind the name `search`

Run `web1` and `web2` on netA, each with the alias `search` (`--network-alias`), `--dns 127.0.0.1` and `httpd -f -p 80 -h /var/www`. Then ask the DNS from a1 (`nslookup search`) and find out **which containers** answer for `search`: match the addresses it printed with the containers on netA. Record their names, sorted, as `"search-members"`.
*/

// %% exercise ex3 type=reason concepts=11
// Exercise 3: run web1, web2 with the alias search; record the names of the containers nslookup search answers with, as "search-members".
// %% solution ex3
// Exercise 3: run web1, web2 with the alias search; record the names of the containers nslookup search answers with, as "search-members".
for (const web of [web1, web2]) await lab.sh`docker run -d --name ${web} --network ${netA} --network-alias search --dns 127.0.0.1 ${lab.image} httpd -f -p 80 -h /var/www`;
const searchOut = (await lab.sh`docker exec ${a1} nslookup search`).stdout;
const searchAddresses = searchOut.split("\n").filter((l) => l.startsWith("Address:") && !l.includes("127.0.0.11")).map((l) => l.split("Address:")[1]?.trim());
const [netAinfo] = parseNetworkInspect((await lab.sh`docker network inspect ${netA}`).stdout).value;
await lab.answer("search-members", Object.values(netAinfo.containers).filter((c) => searchAddresses.includes(c.ipv4Address.split("/")[0])).map((c) => c.name).sort());

// %% code ex3-self
// Self-check: two names recorded.
const recordedSearch = (await lab.session.answers())["search-members"];
lab.expect("search-members has two names", Array.isArray(recordedSearch) && recordedSearch.length === 2, "Both web containers need the alias, on netA.");

// %% check ex3-check 04.alias

/* %% md iso-md
## 4 · Isolation between bridges

Seed 003's inspect output shows `enable_icc` (containers on **one** bridge may talk). Between **two** bridges, Docker drops the packets, and where it does depends on the engine:

| engine | where a packet from one bridge to another dies |
|---|---|
| Docker 20.10 to 27 | filter FORWARD → `DOCKER-ISOLATION-STAGE-1` (`-i A ! -o A`) → `DOCKER-ISOLATION-STAGE-2` (`-o B -j DROP`) |
| Docker 28 | already in the **raw** table: `PREROUTING -d B1 ! -i B -j DROP` (only packets coming in through B1's own bridge may reach it), before any filter rule; the isolation chains are still there, behind `DOCKER-FORWARD` |
| Docker 29 (nftables) | no isolation chains: the `docker-bridges` nftables tables |

Rather than trust a table, ask the kernel: every rule counts the packets it matched, so the DROP rule whose counter grows when your ping fails is the one that dropped it.

You will make a second network and ping across. Predict first:
*/

// %% predict p-cross cross-ping
await lab.predict("cross-ping", undefined);
// %% solution p-cross
await lab.predict("cross-ping", "yes");

/* %% md ex4-task
### Exercise 4 · a second bridge, and a ping across

1. Create `netB` (bridge driver, `subnetB`), and run `b1` on it (`--dns 127.0.0.1`, `sleeper`).
2. From a1, ping b1's **address** once (`ping -c 1 -W 1`; names of other networks don't resolve); record whether it answered as `"cross-ping"` (`true`/`false`).
3. Around the ping, read every `DROP` rule with its counters (`iptables-save -c`, all tables, parsed). The rule whose `packets` grew, and which names b1's address or netB's bridge (`br-` + the first 12 characters of netB's id), stopped your ping: record where it sits as `"isolation-drop"`, its table and chain, e.g. `"filter SOME-CHAIN"`.
*/

// %% exercise ex4 type=observe concepts=12
// Exercise 4: create netB and b1; record "cross-ping" and "isolation-drop".
// %% solution ex4
// Exercise 4: create netB and b1; record "cross-ping" and "isolation-drop".
await lab.sh`docker network create --driver bridge --subnet ${subnetB} ${netB}`;
await lab.sh`docker run -d --name ${b1} --network ${netB} --dns 127.0.0.1 ${sleeper}`;
const [parsedB] = parseNetworkInspect((await lab.sh`docker network inspect ${netB}`).stdout).value;
const b1Address = Object.values(parsedB?.containers ?? {}).find((c) => c.name === b1)?.ipv4Address.split("/")[0];
const bridgeB = `br-${parsedB?.id.slice(0, 12)}`;
// Every DROP rule of every table, with its packet counter.
const drops = async () =>
  parseIptablesSave((await lab.exec(["iptables-save", "-c"], { quiet: true })).stdout).value.flatMap((t) =>
    t.chains.flatMap((c) => c.rules.filter((r) => r.target === "DROP").map((r) => ({ where: `${t.name} ${r.chain}`, rule: `-A ${r.chain} ${r.spec}`, packets: r.packets ?? 0 }))),
  );
const dropsBefore = new Map((await drops()).map((d) => [`${d.where} ${d.rule}`, d.packets]));
await lab.answer("cross-ping", await lab.sh`docker exec ${a1} ping -c 1 -W 1 ${b1Address}`.then(() => true, () => false));
const grew = (await drops()).filter((d) => d.packets > (dropsBefore.get(`${d.where} ${d.rule}`) ?? 0) && (d.rule.includes(`${b1Address}/`) || d.rule.includes(bridgeB)));
console.log(grew.map((d) => `${d.where}: ${d.rule} (+${d.packets - (dropsBefore.get(`${d.where} ${d.rule}`) ?? 0)})`).join("\n"));
await lab.answer("isolation-drop", grew[0]?.where);

// %% code iso-view concepts=12
// The isolation chains, as the seed's iptables -L prints them (Docker 20.10 to 28), and the raw table's drops (28).
await lab.sh`iptables -L DOCKER-ISOLATION-STAGE-1 -n -v`.catch(() => undefined);
await lab.sh`iptables -L DOCKER-ISOLATION-STAGE-2 -n -v`.catch(() => undefined);
await lab.sh`iptables -t raw -L PREROUTING -n -v`;
const crossed = (await lab.session.answers())["cross-ping"];
await lab.observe("cross-ping", async () => (crossed === true ? "yes" : crossed === false ? "no" : "(not measured yet)"));
// The same packet, hop by hop, with the rules it meets (b1's address from the Containers map of netB):
const [netBinfo] = parseNetworkInspect((await lab.sh`docker network inspect ${netB}`.catch(() => ({ stdout: "[]" }))).stdout).value;
const b1Ip = Object.values(netBinfo?.containers ?? {}).find((c) => c.name === b1)?.ipv4Address.split("/")[0];
if (b1Ip) await lab.explain(a1, b1Ip);

// %% check ex4-check 04.isolation

/* %% md ex5-md
## 5 · connect and disconnect

`docker network connect NET CONTAINER` gives a running container a **second** interface (eth1) on another network; `disconnect` takes it away.

### Exercise 5 · connect a1 to netB, ping b1 by name, disconnect

Give a1 a leg on netB (inside `lab.step`, to see eth1 appear), ping b1 **by name** from a1, record whether it answered as `"ping-after-connect"`, then disconnect a1 from netB again.
*/

// %% exercise ex5 type=observe concepts=12
// Exercise 5: connect a1 to netB, record "ping-after-connect", disconnect.
// %% solution ex5
// Exercise 5: connect a1 to netB, record "ping-after-connect", disconnect.
await lab.step("connect a1 to netB", () => lab.sh`docker network connect ${netB} ${a1}`);
await lab.sh`docker exec ${a1} ip addr`;
await lab.answer("ping-after-connect", await lab.sh`docker exec ${a1} ping -c 1 -W 2 ${b1}`.then(() => true, () => false));
await lab.sh`docker network disconnect ${netB} ${a1}`;

// %% check ex5-check 04.connect

/* %% md ex6-md
## 6 · The legacy way: `--link`

Before user networks, seed 001's `--link` was how containers on the default bridge found each other: `--link d1:db` writes `db` (and d1's name) into the new container's `/etc/hosts`, and, for each port d1 exposes, environment variables such as `DB_PORT_80_TCP_ADDR` for its processes. No DNS is involved.

The next cell runs `legacy` linked to d1 as `db`, then makes d1 restart **with another address** (it stops d1, lets placeholder containers take free addresses until one holds d1's, and starts d1 again). Predict first:
*/

// %% predict p-link link-after-restart
await lab.predict("link-after-restart", undefined);
// %% solution p-link
await lab.predict("link-after-restart", "it keeps d1's old address (stale)");

// %% code link-run concepts=11
if (!(await lab.sh`docker ps -aq --filter name=^${legacy}$`).stdout.trim()) await lab.sh`docker run -d --name ${legacy} --link ${d1}:db --dns 127.0.0.1 ${sleeper}`;
const d1Before = (await lab.sh`docker inspect -f {{.NetworkSettings.Networks.bridge.IPAddress}} ${d1}`).stdout.trim();
await lab.sh`docker stop -t 1 ${d1}`;
// The default bridge hands out the lowest free address: placeholders take free addresses until one holds d1's.
for (let i = 1; i <= 4; i++) {
  const holder = lab.name(`hold${i}`);
  if (!(await lab.sh`docker ps -aq --filter name=^${holder}$`).stdout.trim()) await lab.sh`docker run -d --name ${holder} --dns 127.0.0.1 ${sleeper}`;
  if ((await lab.sh`docker inspect -f {{.NetworkSettings.Networks.bridge.IPAddress}} ${holder}`).stdout.trim() === d1Before) break;
}
await lab.sh`docker start ${d1}`;
const d1After = (await lab.sh`docker inspect -f {{.NetworkSettings.Networks.bridge.IPAddress}} ${d1}`).stdout.trim();
const dbInHosts = (await lab.sh`docker exec ${legacy} cat /etc/hosts`).stdout.split("\n").find((l) => l.split(/\s+/).includes("db"))?.split(/\s+/)[0];
await lab.observe("link-after-restart", async () => (!dbInHosts ? "it disappears" : dbInHosts === d1After ? "Docker rewrites it with d1's new address" : "it keeps d1's old address (stale)"));
({ d1Before, d1After, dbInHosts });

/* %% md ex6-task
### Exercise 6 · two records of db that disagree

Inside legacy, read both places `--link` left d1's address: the `db` line of `/etc/hosts` → `"db-address"`, and `DB_PORT_80_TCP_ADDR` in the environment of legacy's **main process** (`/proc/1/environ`: variables separated by NUL characters) → `"db-env-address"`. Which one can a program that has been running since before the restart trust? (A fresh `docker exec … env` gets new values: try it, and see why it hides the problem.)
*/

// %% exercise ex6 type=reason concepts=11
// Exercise 6: record "db-address" (legacy's /etc/hosts) and "db-env-address" (legacy's DB_PORT_80_TCP_ADDR).
// %% solution ex6
// Exercise 6: record "db-address" (legacy's /etc/hosts) and "db-env-address" (legacy's DB_PORT_80_TCP_ADDR).
const hosts = (await lab.sh`docker exec ${legacy} cat /etc/hosts`).stdout;
const dbLine = hosts.split("\n").map((l) => l.replaceAll("\t", " ").split(" ").filter(Boolean)).find((words) => words.includes("db"));
await lab.answer("db-address", dbLine?.[0]);
const environ = (await lab.sh`docker exec ${legacy} cat /proc/1/environ`).stdout;
await lab.answer("db-env-address", environ.split("\0").find((v) => v.startsWith("DB_PORT_80_TCP_ADDR="))?.split("=")[1]?.trim() ?? null);

// %% check ex6-check 04.link

/* %% md draw-md
## The picture

Three bridges now: docker0 (d1, d2, legacy, the placeholders), netA (a1, a2, web1, web2) and netB (b1), each a diamond with its containers below.
*/

// %% code draw
await lab.draw({ title: "Lab 04: three bridges" });

/* %% md trouble-md
## 7 · Troubleshooting: a server that does not answer for its name

The next cell adds `web3` on netA, to take its share of the name `search` (only in your session). It does not. Find out why with `nslookup` inside a1, `docker network inspect` and `docker inspect` (the network's Aliases; DNSNames on Docker 25+), name the cause, and fix it.
*/

// %% code scenario concepts=11
await lab.scenario();
await lab.sh`docker exec ${a1} nslookup search`.catch(() => undefined);

// %% exercise ex7 type=troubleshoot concepts=11
// Exercise 7: find out why web3 (lab.name("web3")) does not answer for search; name the cause; fix it.
// 1. Look: add cells as you like.
// 2. Name the cause: await lab.diagnose("…");   (one of the causes listed above)
// 3. Fix it.
// %% solution ex7
// Exercise 7: find out why web3 (lab.name("web3")) does not answer for search; name the cause; fix it.
const web3 = lab.name("web3");
await lab.sh`docker inspect -f ${"{{json .NetworkSettings.Networks}}"} ${web3}`;   // Aliases: serach
await lab.diagnose("wrong-alias");
await lab.sh`docker network disconnect ${netA} ${web3}`;
await lab.sh`docker network connect --alias search ${netA} ${web3}`;

// %% check ex7-check 04.web3-fixed

/* %% md all-md
## All checks

Your predictions (on time or not), then every check again; the grader runs them against the live host, plus a hidden one.
*/

// %% check predictions-check 04.predictions

// %% check all-checks

/* %% md teardown-md
## Teardown: remove what you made, and only that

Removes your session's containers, then netA and netB (by label); the engine deletes their bridges and iptables rules with them. Running it twice is harmless.
*/

// %% teardown teardown
import { openLab } from "docker-net-lab";
// Also works after a failed setup cell or a kernel restart: the lab's objects are found by their labels.
const finished = await openLab("04");
await finished.teardown();
