// Lab 04 in Korean: the learner-visible strings of lab04-user-bridges.ts (check titles, messages, hints, predictions,
// goals, troubleshooting) and of its notebook's code (lab.expect, lab.step, lab.view titles), English -> Korean.
// Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "User-defined bridges and DNS": "사용자 정의 브리지와 DNS",
  "{0} runs sleep 3600 from the lab's image on {1}, with --dns 127.0.0.1 (no lookup may leave this machine){2}.":
    "{0}은(는) 실습 이미지로 {1}에서 sleep 3600을 실행하며, --dns 127.0.0.1을 줍니다 (어떤 조회도 이 머신 밖으로 나가면 안 됩니다){2}.",
  "the default bridge": "기본 브리지",
  "the network {0}": "네트워크 {0}",
  " and {0}": ", 그리고 {0}",
  "d1 and d2 both run on the default bridge. Will `nslookup d2` inside d1 find d2?":
    "d1과 d2는 둘 다 기본 브리지에서 돕니다. d1 안에서 `nslookup d2`를 하면 d2를 찾을까요?",
  yes: "예",
  no: "아니요",
  "The embedded DNS (127.0.0.11) serves user-defined networks only. On the default bridge a container's /etc/resolv.conf is a copy of the host's (here 127.0.0.1, from --dns), which knows no container names: names on the default bridge need the legacy --link.":
    "내장 DNS(127.0.0.11)는 사용자 정의 네트워크에서만 동작합니다. 기본 브리지에서 컨테이너의 /etc/resolv.conf는 호스트 것의 사본(여기서는 --dns로 준 127.0.0.1)이고, 거기에는 컨테이너 이름이 없습니다. 기본 브리지에서 이름을 쓰려면 예전 방식인 --link가 필요합니다.",
  "a1 (on netA) pings b1's address on netB. Will it answer?": "(netA의) a1이 netB에 있는 b1의 주소로 ping합니다. 응답이 올까요?",
  "The host could route between the two bridges, but Docker isolates its networks from each other: a DROP rule stops the packet (where depends on the engine: the filter isolation chains up to Docker 27, the raw table on 28). Connect a container to both networks to let it talk to both.":
    "호스트는 두 브리지 사이를 라우팅할 수 있지만, Docker는 네트워크끼리 격리합니다. DROP 규칙이 패킷을 막습니다 (어디서 막는지는 엔진에 따라 다릅니다: Docker 27까지는 filter 테이블의 격리 체인, 28에서는 raw 테이블). 컨테이너 하나를 두 네트워크에 모두 연결하면 양쪽과 통신할 수 있습니다.",
  "d1 restarts and gets another address. What happens to db, d1's --link alias, in legacy's /etc/hosts?":
    "d1이 재시작해서 다른 주소를 받습니다. legacy의 /etc/hosts에 있는 db(d1의 --link 별칭)는 어떻게 될까요?",
  "Docker rewrites it with d1's new address": "Docker가 d1의 새 주소로 고쳐 쓴다",
  "it keeps d1's old address (stale)": "d1의 예전 주소가 그대로 남는다 (낡은 값)",
  "it disappears": "사라진다",
  "Docker keeps a linked container's /etc/hosts entry up to date when the source restarts. What goes stale are the environment variables --link gave legacy's processes when they started (DB_PORT_80_TCP_ADDR and friends, in /proc/1/environ): a running process keeps its environment. (A new `docker exec` gets fresh values, which hides the problem.)":
    "Docker는 원본 컨테이너가 재시작하면 링크된 컨테이너의 /etc/hosts 항목을 최신으로 고칩니다. 낡는 것은 --link가 legacy의 프로세스가 시작할 때 넣어 준 환경 변수입니다 (/proc/1/environ의 DB_PORT_80_TCP_ADDR 등). 돌고 있는 프로세스는 자기 환경을 그대로 갖고 있습니다. (새 `docker exec`는 새 값을 받으므로 문제가 가려집니다.)",
  "netA does not exist yet: do exercise 1 first (web3 joins netA).": "netA가 아직 없습니다. 먼저 연습 1을 하세요 (web3는 netA에 붙습니다).",
  "Run exercise 1, then this cell again.": "연습 1을 실행한 다음 이 셀을 다시 실행하세요.",
  "web3 ({0}) is running on netA; it should take its share of the name search.": "web3({0})가 netA에서 실행 중입니다. 이름 search의 몫을 나눠 받아야 합니다.",
  "web3 was added on netA as a third server behind the name `search`, but `nslookup search` still answers with web1 and web2 only.":
    "web3를 이름 `search` 뒤의 세 번째 서버로 netA에 추가했지만, `nslookup search`는 여전히 web1과 web2만 답합니다.",
  "web3 joined netA under another alias than search": "web3가 search가 아닌 다른 별칭으로 netA에 붙었다",
  "web3 runs on another network than netA": "web3가 netA가 아닌 다른 네트워크에서 돈다",
  "web3's embedded DNS is not running": "web3의 내장 DNS가 돌고 있지 않다",
  "web3's web server is not running": "web3의 웹 서버가 돌고 있지 않다",
  "web3 is not running.": "web3가 실행 중이 아닙니다.",
  "Run the scenario cell again: it starts web3.": "시나리오 셀을 다시 실행하세요. 그 셀이 web3를 띄웁니다.",
  "Compare what the embedded DNS answers for search (nslookup in a1) with what Docker recorded for each web container on netA (docker inspect: the network's Aliases, or DNSNames on Docker 25+).":
    "내장 DNS가 search에 대해 답하는 것(a1에서 nslookup)과, Docker가 netA의 각 웹 컨테이너에 대해 기록한 것(docker inspect: 그 네트워크의 Aliases, Docker 25 이상에서는 DNSNames)을 비교하세요.",
  "A running container's aliases on a network are set when it joins the network: leave it and join again with the right alias.":
    "돌고 있는 컨테이너의 네트워크 별칭은 그 네트워크에 붙을 때 정해집니다. 네트워크에서 떼었다가 올바른 별칭으로 다시 붙이세요.",
  "web3 is not on netA.": "web3가 netA에 없습니다.",
  "nslookup search in a1 does not answer with web3 ({0}).": "a1에서 nslookup search가 web3({0})를 답하지 않습니다.",
  "search answers with web3 ({0}) too.": "search가 web3({0})도 답합니다.",
  "neta is a user-defined bridge on the lab's subnet, with a1 and a2 on it": "neta는 실습 서브넷의 사용자 정의 브리지이고, a1과 a2가 붙어 있다",
  "There is no network {0}.": "네트워크 {0}이(가) 없습니다.",
  "Exercise 1's network is a user-defined bridge (the bridge driver) with the subnet chosen for you, subnetA.":
    "연습 1의 네트워크는 여러분을 위해 고른 서브넷 subnetA를 쓰는 사용자 정의 브리지(bridge 드라이버)입니다.",
  "{0} uses the {1} driver.": "{0}이(가) {1} 드라이버를 씁니다.",
  "Remove it and create it again with --driver bridge.": "지우고 --driver bridge로 다시 만드세요.",
  "{0}'s subnet is {1}, not {2}.": "{0}의 서브넷이 {2}이(가) 아니라 {1}입니다.",
  "Remove the network and create it again with subnetA ({0}): that subnet was checked free on this host for you.":
    "네트워크를 지우고 subnetA({0})로 다시 만드세요. 그 서브넷은 이 호스트에서 비어 있음을 확인해 둔 것입니다.",
  "{0} is not running on {1}.": "{0}이(가) {1}에서 실행 중이 아닙니다.",
  "{0}'s address {1} is not in {2}.": "{0}의 주소 {1}이(가) {2}에 속하지 않습니다.",
  "Recreate it on the network.": "그 네트워크에서 다시 만드세요.",
  "{0}: bridge {1}, subnet {2}, a1 and a2 attached.": "{0}: 브리지 {1}, 서브넷 {2}, a1과 a2가 붙어 있습니다.",
  "Names resolve through 127.0.0.11 on the user bridge, and not between two containers of the default bridge":
    "사용자 브리지에서는 127.0.0.11로 이름이 풀리고, 기본 브리지의 두 컨테이너 사이에서는 풀리지 않는다",
  "a1 is not running.": "a1이 실행 중이 아닙니다.",
  "Do exercise 1 first.": "먼저 연습 1을 하세요.",
  "A container's resolver is the nameserver line of its /etc/resolv.conf (docker exec … cat).":
    "컨테이너의 리졸버(resolver)는 /etc/resolv.conf의 nameserver 줄입니다 (docker exec … cat).",
  "resolver is {0}, not what a1's /etc/resolv.conf says.": "resolver가 {0}인데, a1의 /etc/resolv.conf 내용과 다릅니다.",
  "a1 cannot resolve {0}.": "a1이 {0}을(를) 풀지 못합니다.",
  "Are a1 and a2 on the same user-defined network?": "a1과 a2가 같은 사용자 정의 네트워크에 있나요?",
  "a2-from-a1 is {0}, not a2's address on neta.": "a2-from-a1이 {0}입니다. neta에서의 a2 주소가 아닙니다.",
  "Record the Address line nslookup printed for a2 (not the server's 127.0.0.11).":
    "nslookup이 a2에 대해 출력한 Address 줄을 기록하세요 (서버의 127.0.0.11이 아니라).",
  "{0} is not running on the default bridge.": "{0}이(가) 기본 브리지에서 실행 중이 아닙니다.",
  "default-bridge-resolves is {0}, which is not what happens when d1 looks up d2 now.":
    "default-bridge-resolves가 {0}인데, 지금 d1이 d2를 조회할 때 일어나는 일과 다릅니다.",
  "From d1, look up d2 (both on the default bridge) and record whether it worked (true or false).":
    "d1에서 d2를 조회하고(둘 다 기본 브리지), 됐는지(true 또는 false) 기록하세요.",
  "On neta, 127.0.0.11 answers container names; on the default bridge d1 {0} d2 by name: no embedded DNS there.":
    "neta에서는 127.0.0.11이 컨테이너 이름에 답합니다. 기본 브리지에서 d1의 이름 조회 결과: d2를 {0}. 거기에는 내장 DNS가 없습니다.",
  found: "찾음",
  "cannot find": "찾지 못함",
  "The alias `search` answers with both web containers (round robin), and you named them from its answers":
    "별칭 `search`가 웹 컨테이너 둘을 모두 답하고(라운드 로빈), 그 답에서 둘의 이름을 찾았다",
  '{0} has no alias "search" on {1} (aliases: {2}).': '{0}에 {1}에서의 별칭 "search"가 없습니다 (별칭: {2}).',
  "Aliases are given when a container joins a network (--network-alias): remove it and run it again.":
    "별칭은 컨테이너가 네트워크에 붙을 때 주어집니다 (--network-alias). 지우고 다시 실행하세요.",
  "Join two facts: the addresses nslookup search prints (inside a1), and which container holds each address on netA (the Containers map of docker network inspect).":
    "두 사실을 이어 붙이세요. (a1 안에서) nslookup search가 출력하는 주소들과, netA에서 각 주소를 가진 컨테이너(docker network inspect의 Containers 맵)입니다.",
  "search-members is not a list of container names.": "search-members가 컨테이너 이름 목록이 아닙니다.",
  "You recorded {0}; that is not who answers for search now.": "{0}을(를) 기록했지만, 지금 search에 답하는 것은 그들이 아닙니다.",
  "search → {0}: one name, several containers.": "search → {0}: 이름 하나, 컨테이너 여럿.",
  "neta and netb are isolated: the ping failed, and you found where the engine dropped it":
    "neta와 netb는 격리되어 있다: ping이 실패했고, 엔진이 어디서 버렸는지 찾았다",
  "Create netb (exercise 4) with its subnet.": "netb를 그 서브넷으로 만드세요 (연습 4).",
  "b1 is not running on netb.": "b1이 netb에서 실행 중이 아닙니다.",
  "cross-ping is {0}, which is not what a ping from a1 to b1's address does.": "cross-ping이 {0}인데, a1에서 b1의 주소로 ping할 때 일어나는 일과 다릅니다.",
  "Ping b1's address from a1 (ping -c 1 -W 1) and record whether it answered (true or false).":
    "a1에서 b1의 주소로 ping하고(ping -c 1 -W 1), 응답했는지(true 또는 false) 기록하세요.",
  "{0}: a packet from {1} to {2} is not dropped by any rule ({3}).": "{0}: {1}에서 {2}(으)로 가는 패킷을 어떤 규칙도 버리지 않습니다 ({3}).",
  "Is the engine's iptables management on (and enable_icc untouched)? Run `npx docker-net-lab doctor`.":
    "엔진의 iptables 관리가 켜져 있나요 (그리고 enable_icc는 건드리지 않았나요)? `npx docker-net-lab doctor`를 실행하세요.",
  'isolation-drop is {0}; record where your ping was dropped, as "table chain".':
    'isolation-drop이 {0}입니다. ping이 버려진 곳을 "테이블 체인" 형식으로 기록하세요.',
  "That is netb's bridge, not where the packet died: several DROP rules name it. Compare the DROP rules' packet counters (iptables-save -c, every table) before and after the ping; the one that grew dropped it.":
    "그것은 netb의 브리지이지 패킷이 죽은 곳이 아닙니다. 여러 DROP 규칙이 그 이름을 씁니다. ping 전후로 DROP 규칙들의 패킷 카운터(iptables-save -c, 모든 테이블)를 비교하세요. 늘어난 규칙이 버린 것입니다.",
  'Read every DROP rule with its counters (iptables-save -c, all tables, raw included) before and after the ping from a1 to b1; the rule whose packets grew by one dropped it. Record its table and chain, e.g. "filter DOCKER-ISOLATION-STAGE-2".':
    'a1에서 b1로 ping하기 전후에 모든 DROP 규칙을 카운터와 함께 읽으세요 (iptables-save -c, raw를 포함한 모든 테이블). 패킷 수가 하나 늘어난 규칙이 버린 것입니다. 그 테이블과 체인을 기록하세요. 예: "filter DOCKER-ISOLATION-STAGE-2".',
  "{0}: the ping from {1} to {2} is dropped {3}: {4}.": "{0}: {1}에서 {2}(으)로 가는 ping은 {3} 버려집니다: {4}.",
  "in the raw table's PREROUTING, before any filter rule: only packets that come in through b1's own bridge may reach b1":
    "raw 테이블의 PREROUTING에서, 어떤 filter 규칙보다도 먼저 (b1 자신의 브리지로 들어온 패킷만 b1에 닿을 수 있습니다)",
  "in the filter table: in from one Docker bridge, out to another": "filter 테이블에서 (한 Docker 브리지로 들어와 다른 브리지로 나가는 패킷)",
  "docker network connect let a1 reach b1; disconnect took it back": "docker network connect로 a1이 b1에 닿았고, disconnect로 되돌렸다",
  "ping-after-connect is {0}.": "ping-after-connect가 {0}입니다.",
  "Give a1 a second leg on netB (docker network connect), ping b1 by name from a1, record whether it answered, then take the leg away (disconnect).":
    "a1에게 netB 쪽 두 번째 다리를 주고(docker network connect), a1에서 b1의 이름으로 ping한 뒤 응답했는지 기록하고, 그 다리를 다시 떼세요(disconnect).",
  "a1 is still connected to netb.": "a1이 아직 netb에 연결되어 있습니다.",
  "Take a1's leg on netB away again (docker network disconnect).": "a1의 netB 쪽 다리를 다시 떼세요 (docker network disconnect).",
  "a1 reached b1 while connected; now a1 is on {0} only.": "연결되어 있는 동안 a1이 b1에 닿았고, 지금 a1은 {0}에만 있습니다.",
  "legacy reaches d1 by the --link alias db: its /etc/hosts follows d1's address, its environment variables do not":
    "legacy가 --link 별칭 db로 d1에 닿는다: /etc/hosts는 d1의 주소를 따라가지만 환경 변수는 그렇지 않다",
  "{0} is not running.": "{0}이(가) 실행 중이 아닙니다.",
  "legacy runs on the default bridge, linked to d1 under the alias db (--link NAME:ALIAS), with --dns 127.0.0.1 and sleep 3600.":
    "legacy는 기본 브리지에서 d1에 별칭 db로 링크되어(--link 이름:별칭) --dns 127.0.0.1과 sleep 3600으로 돕니다.",
  "legacy has no link to {0} as db (links: {1}).": "legacy에 {0}을(를) db로 잇는 링크가 없습니다 (링크: {1}).",
  "Remove it and run it again, linked to {0} as db.": "지우고 {0}을(를) db로 링크해서 다시 실행하세요.",
  "Two places where --link left d1's address in legacy: its /etc/hosts (the db line) and the environment of its main process (DB_PORT_80_TCP_ADDR in /proc/1/environ, NUL-separated; not `docker exec … env`, which gets fresh values). Read both after d1's restart.":
    "--link가 legacy에 d1의 주소를 남긴 곳은 두 군데입니다. /etc/hosts(db 줄)와 메인 프로세스의 환경(/proc/1/environ의 DB_PORT_80_TCP_ADDR, NUL로 구분. 새 값을 받는 `docker exec … env`가 아니라)입니다. d1이 재시작한 뒤 둘 다 읽으세요.",
  "db-address is {0}, but d1 is {1} and legacy's /etc/hosts says so.": "db-address가 {0}이지만, d1은 {1}이고 legacy의 /etc/hosts에도 그렇게 나옵니다.",
  "db-env-address is {0}, not what legacy's environment says.": "db-env-address가 {0}인데, legacy의 환경에 있는 값과 다릅니다.",
  "legacy's /etc/hosts and environment both say db is {0} (d1 kept its address).":
    "legacy의 /etc/hosts와 환경 모두 db가 {0}이라고 합니다 (d1이 주소를 그대로 유지했습니다).",
  "legacy's /etc/hosts follows d1 ({0}); its main process's DB_PORT_80_TCP_ADDR still says {1}: --link's environment goes stale, its hosts entry does not.":
    "legacy의 /etc/hosts는 d1({0})을 따라가지만, 메인 프로세스의 DB_PORT_80_TCP_ADDR은 아직 {1}입니다. --link의 환경 변수는 낡지만 hosts 항목은 낡지 않습니다.",
  "You named why web3 did not answer for search and fixed it": "web3가 search에 답하지 않은 이유를 지정하고 고쳤다",
  "Hidden: a1 pings `search` by name and cannot reach b1 across bridges": "숨은 체크: a1이 이름 `search`로 ping하고, 브리지 너머의 b1에는 닿지 못한다",
  "a1 cannot ping search.": "a1에서 search로 ping이 가지 않습니다.",
  "Run web1 and web2 with --network-alias search on neta.": "neta에서 web1과 web2를 --network-alias search로 실행하세요.",
  "b1 is not on netb.": "b1이 netb에 없습니다.",
  "Create netb and b1 (exercise 4).": "netb와 b1을 만드세요 (연습 4).",
  "a1 reaches b1 at {0}.": "a1이 {0}의 b1에 닿습니다.",
  "Disconnect a1 from netb.": "a1을 netb에서 떼세요.",
  "search answers; {0} on netb is out of reach from a1.": "search가 답하고, netb의 {0}은(는) a1에서 닿지 않습니다.",
  // goals
  "make a user-defined bridge with your own subnet and see the Linux bridge behind it":
    "자기 서브넷으로 사용자 정의 브리지를 만들고, 그 뒤의 리눅스 브리지를 본다",
  "show that names resolve through 127.0.0.11 on a user network and not between containers of the default bridge":
    "사용자 네트워크에서는 127.0.0.11로 이름이 풀리고, 기본 브리지의 컨테이너끼리는 풀리지 않음을 보인다",
  "tell who answers for a --network-alias, from DNS answers and Docker's records": "DNS 응답과 Docker의 기록으로 --network-alias에 누가 답하는지 말한다",
  "find where the engine drops a packet between two bridges (by the counter that grew), and let one container into both":
    "엔진이 두 브리지 사이의 패킷을 어디서 버리는지 (늘어난 카운터로) 찾고, 컨테이너 하나를 양쪽에 들인다",
  "say what --link really does (/etc/hosts kept up to date, environment variables that go stale)":
    "--link가 실제로 하는 일을 말한다 (최신으로 유지되는 /etc/hosts, 낡는 환경 변수)",
  "find why a container does not answer for its alias, and fix it": "컨테이너가 자기 별칭에 답하지 않는 이유를 찾고 고친다",
  // notebook code (04-user-bridges-dns.ts)
  "a user-defined bridge with two containers": "컨테이너 두 개가 붙은 사용자 정의 브리지",
  "search-members has two names": "search-members에 이름이 두 개 있다",
  "Both web containers need the alias, on netA.": "두 웹 컨테이너 모두 netA에서 그 별칭이 있어야 합니다.",
  "connect a1 to netB": "a1을 netB에 연결한다",
  "Lab 04: three bridges": "실습 04: 브리지 세 개",
  // Placeholder values (after ??) the drift test finds since it follows them
  "chosen by Docker": "도커가 고른 것",
  "no bridges": "브리지 없음",
};
