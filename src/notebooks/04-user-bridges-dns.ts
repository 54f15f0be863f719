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

Safety note: every container here runs with `--dns 127.0.0.1`. The embedded DNS still answers container names, but anything else it would forward goes to the container's own loopback, where nothing listens: no lookup ever leaves this machine.
*/

// %% code setup
import { openLab, parseNetworkInspect, parseIptablesSave } from "docker-net-lab";

const lab = await openLab("04");
await lab.setup();
const [netA, netB] = [lab.name("neta"), lab.name("netb")];
const [a1, a2, web1, web2, b1, d1, legacy] = ["a1", "a2", "web1", "web2", "b1", "d1", "legacy"].map((s) => lab.name(s));
const subnetA = await lab.freeSubnet("net-a");   // checked free on this host (Docker networks, routes, addresses)
const subnetB = await lab.freeSubnet("net-b");
const sleeper = [lab.image, "sleep", "3600"];
({ netA, subnetA, netB, subnetB });

/* %% md ex1-md
## 1 · A user-defined bridge with a custom subnet

### Exercise 1 · create `netA` and put `a1` and `a2` on it

Inside `lab.step(…)`, so you see what appears on the host:

1. `docker network create --driver bridge --subnet ${subnetA} ${netA}`
2. run `a1` and `a2` with `--network ${netA} --dns 127.0.0.1`, running `${sleeper}` (the toolbox image and `sleep 3600`).
*/

// %% exercise ex1 concepts=10
// Exercise 1: create netA with subnetA and run a1, a2 on it (inside lab.step).
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

Inside a container on a user bridge, `/etc/resolv.conf` points at **127.0.0.11**: a resolver the engine runs inside the container's namespace. It knows every container on the same network by name.

On the **default** bridge there is no such resolver: `/etc/resolv.conf` is a copy of the host's (here: 127.0.0.1, because of `--dns`), and container names do not resolve.

### Exercise 2 · compare the two

1. `cat /etc/resolv.conf` in a1; record the nameserver address as `"resolver"`.
2. `nslookup ${a2}` in a1; record the address it found for a2 (the `Address:` line after `Name:`, not the server's) as `"a2-from-a1"`.
3. Run `d1` on the default bridge (`--dns 127.0.0.1`, no `--network`), then try `nslookup ${a1}` in d1. It fails: record `"default-bridge-resolves"` as `true` or `false`.
*/

// %% exercise ex2 concepts=11
// Exercise 2: record "resolver", "a2-from-a1", "default-bridge-resolves".
// %% solution ex2
// Exercise 2: record "resolver", "a2-from-a1", "default-bridge-resolves".
const resolv = (await lab.sh`docker exec ${a1} cat /etc/resolv.conf`).stdout;
await lab.answer("resolver", resolv.split("\n").find((l) => l.startsWith("nameserver"))?.split(" ")[1]?.trim());
const lookup = (await lab.sh`docker exec ${a1} nslookup ${a2}`).stdout;
const addressLines = lookup.split("\n").filter((l) => l.startsWith("Address:") && !l.includes("127.0.0.11"));
await lab.answer("a2-from-a1", addressLines[0]?.split("Address:")[1]?.trim());
await lab.sh`docker run -d --name ${d1} --dns 127.0.0.1 ${sleeper}`;
const fromDefault = await lab.sh`docker exec ${d1} nslookup ${a1}`.then(() => true, () => false);
await lab.answer("default-bridge-resolves", fromDefault);

// %% check ex2-check 04.dns

/* %% md alias-md
## 3 · `--network-alias`: one name, several containers

Seed 001's `--net-alias`: give several containers the same alias, and the embedded DNS answers with **all** their addresses, in rotating order (round robin).

### Exercise 3 · two web servers behind the name `search`

Run `web1` and `web2` on netA with `--network-alias search` (and `--dns 127.0.0.1`), then `nslookup search` in a1 and record every address it printed (not the server's) as an array, `"search-addresses"`.
*/

// %% exercise ex3 concepts=11
// Exercise 3: run web1, web2 with --network-alias search; record "search-addresses".
// %% solution ex3
// Exercise 3: run web1, web2 with --network-alias search; record "search-addresses".
for (const web of [web1, web2]) await lab.sh`docker run -d --name ${web} --network ${netA} --network-alias search --dns 127.0.0.1 ${lab.image} httpd -f -p 80 -h /var/www`;
const searchOut = (await lab.sh`docker exec ${a1} nslookup search`).stdout;
await lab.answer("search-addresses", searchOut.split("\n").filter((l) => l.startsWith("Address:") && !l.includes("127.0.0.11")).map((l) => l.split("Address:")[1]?.trim()));

// %% code ex3-self
// Self-check: two addresses recorded.
const recordedSearch = (await lab.session.answers())["search-addresses"];
lab.expect("search-addresses has two addresses", Array.isArray(recordedSearch) && recordedSearch.length === 2, "Both web containers need the alias, on netA.");

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

### Exercise 4 · a second bridge, and a ping that fails

1. Create `netB` with `subnetB`, run `b1` on it (`--dns 127.0.0.1`, `${sleeper}`).
2. From a1, `ping -c 1 -W 1` b1's **address** (names of other networks don't resolve); record whether it answered as `"cross-ping"` (`true`/`false`).
3. Around the ping, read every `DROP` rule with its counters (`iptables-save -c`, all tables, parsed). The rule whose `packets` grew, and which names b1's address or netB's bridge (`br-` + the first 12 characters of netB's id), dropped your ping: record where it sits as `"isolation-drop"`, its table and chain, e.g. `"filter DOCKER-ISOLATION-STAGE-2"`.
*/

// %% exercise ex4 concepts=12
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

// %% check ex4-check 04.isolation

/* %% md ex5-md
## 5 · connect and disconnect

`docker network connect NET CONTAINER` gives a running container a **second** interface (eth1) on another network; `disconnect` takes it away.

### Exercise 5 · connect a1 to netB, ping b1 by name, disconnect

Record whether `ping -c 1 -W 2 ${b1}` from a1 answered while connected as `"ping-after-connect"`; then disconnect.
*/

// %% exercise ex5 concepts=12
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

Before user networks, seed 001's `--link` was how containers on the default bridge found each other: `--link d1:db` writes `db` (and d1's name) into the new container's `/etc/hosts`. No DNS is involved; if d1 restarts with a new address, the entry goes stale.

### Exercise 6 · run `legacy` linked to d1 as `db`

Run `legacy` on the default bridge with `--link ${d1}:db --dns 127.0.0.1`, read its `/etc/hosts`, and record db's address as `"db-address"`.
*/

// %% exercise ex6 concepts=11
// Exercise 6: run legacy with --link d1:db; record "db-address" from its /etc/hosts.
// %% solution ex6
// Exercise 6: run legacy with --link d1:db; record "db-address" from its /etc/hosts.
await lab.sh`docker run -d --name ${legacy} --link ${d1}:db --dns 127.0.0.1 ${sleeper}`;
const hosts = (await lab.sh`docker exec ${legacy} cat /etc/hosts`).stdout;
const dbLine = hosts.split("\n").map((l) => l.replaceAll("\t", " ").split(" ").filter(Boolean)).find((words) => words.includes("db"));
await lab.answer("db-address", dbLine?.[0]);

// %% check ex6-check 04.link

/* %% md draw-md
## The picture

Three bridges now: docker0 (d1, legacy), netA (a1, a2, web1, web2) and netB (b1), each a diamond with its containers below.
*/

// %% code draw
await lab.draw({ title: "Lab 04: three bridges" });

/* %% md all-md
## All checks
*/

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
