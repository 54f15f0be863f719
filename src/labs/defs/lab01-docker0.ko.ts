// Lab 01 in Korean: the learner-visible strings of lab01-docker0.ts (check titles, messages, hints, predictions, goals,
// troubleshooting) and of its notebook's code (lab.expect, lab.step, lab.view titles), English -> Korean.
// Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "docker0: the default bridge": "docker0: 기본 브리지",
  // hints for web1/web2
  "{0} is one of the two web containers of exercise 2: it runs from the lab's image (lab.image), with no network option, so it lands on the default bridge.":
    "{0}은(는) 연습 2의 웹 컨테이너 두 개 중 하나입니다. 실습 이미지(lab.image)로, 네트워크 옵션 없이 실행하므로 기본 브리지에 붙습니다.",
  "Keep a process in the foreground, or the container exits at once: busybox's httpd with -f.":
    "프로세스를 포그라운드에 두어야 합니다. 그러지 않으면 컨테이너가 바로 종료됩니다: busybox의 httpd에 -f를 주세요.",
  // predictions
  "You will start web1, then web2, on the default bridge. Which IPv4 address will web2 get?":
    "기본 브리지에 web1, 그다음 web2를 띄웁니다. web2는 어떤 IPv4 주소를 받을까요?",
  "Docker's own IPAM (not DHCP) hands out the lowest free address of the bridge's subnet, in order: .1 is docker0 itself, so on a fresh engine web1 gets 172.17.0.2 and web2 172.17.0.3. On a shared engine other containers already hold some, and a container that restarts may get another one.":
    "DHCP가 아니라 Docker 자체의 IPAM이 브리지 서브넷에서 비어 있는 가장 낮은 주소를 차례로 나눠 줍니다. .1은 docker0 자신이므로, 새 엔진에서는 web1이 172.17.0.2, web2가 172.17.0.3을 받습니다. 여러 사람이 쓰는 엔진에서는 다른 컨테이너가 이미 몇 개를 쥐고 있고, 재시작한 컨테이너는 다른 주소를 받을 수도 있습니다.",
  "Seed 001 says docker0 ties the containers' veths to the host's eth0. Is the host's uplink (the interface of its default route) a port of docker0?":
    "시드 001은 docker0가 컨테이너들의 veth를 호스트의 eth0에 묶어 준다고 합니다. 호스트의 업링크(기본 경로의 인터페이스)는 docker0의 포트일까요?",
  yes: "예",
  no: "아니요",
  "A port of a bridge is listed by `brctl show` / `ip link show master docker0`: there you find the containers' vethXXXX ends, and the uplink only if someone plugged it in. Docker never does: traffic from a container leaves by routing (the host forwards from docker0 to its uplink) and outbound NAT rewrites its source (lab 03).":
    "브리지의 포트는 `brctl show` / `ip link show master docker0`에 나옵니다. 거기에는 컨테이너들의 vethXXXX 쪽 끝이 있고, 업링크는 누군가 직접 꽂았을 때만 있습니다. Docker는 절대 꽂지 않습니다. 컨테이너의 트래픽은 라우팅으로 나가고(호스트가 docker0에서 업링크로 포워딩), 아웃바운드 NAT가 출발지 주소를 바꿉니다(실습 03).",
  "Inside web1, where does the default route point?": "web1 안에서 기본 경로(default route)는 어디를 가리킬까요?",
  "docker0's address": "docker0의 주소",
  "the host's uplink address": "호스트 업링크의 주소",
  "no default route: only its own subnet": "기본 경로 없음: 자기 서브넷뿐",
  "a DHCP server's address": "DHCP 서버의 주소",
  "The engine wrote `default via <docker0's address>` into web1's namespace when it connected web1: docker0 is the router of every container on the default bridge, and the host routes (and NATs) from there.":
    "엔진이 web1을 연결할 때 web1의 네임스페이스에 `default via <docker0의 주소>`를 써 넣었습니다. docker0는 기본 브리지에 있는 모든 컨테이너의 라우터이고, 호스트가 거기서부터 라우팅(과 NAT)을 합니다.",
  // troubleshooting
  "web3 ({0}) did not start on the default bridge.": "web3({0})가 기본 브리지에서 시작되지 않았습니다.",
  "Run this cell again; if it fails again, run `npx docker-net-lab doctor`.": "이 셀을 다시 실행하세요. 또 실패하면 `npx docker-net-lab doctor`를 실행하세요.",
  "web3 ({0}) is running; Docker lists it at {1}/{2}.": "web3({0})가 실행 중입니다. Docker의 기록으로는 {1}/{2}입니다.",
  "web3 runs and Docker lists it on the default bridge with an address, but its web server does not answer the host at that address (web1's does).":
    "web3는 실행 중이고 Docker는 기본 브리지에서 주소를 가진 것으로 보여 주지만, 그 주소로 호스트가 접속하면 웹 서버가 응답하지 않습니다 (web1은 응답합니다).",
  "httpd is not running inside web3": "web3 안에서 httpd가 돌고 있지 않다",
  "eth0 holds Docker's address with another prefix than Docker assigned, so web3 has no route back to its subnet":
    "eth0가 Docker가 준 주소를 갖고 있지만 프리픽스가 Docker가 정한 것과 달라서, web3에 자기 서브넷으로 돌아가는 경로가 없다",
  "only web3's default route is missing": "web3의 기본 경로만 빠져 있다",
  "web3's host veth is not a port of docker0": "web3의 호스트 쪽 veth가 docker0의 포트가 아니다",
  "There is no container {0}.": "{0} 컨테이너가 없습니다.",
  "Run the scenario cell (lab.scenario()) first: it starts web3.": "먼저 시나리오 셀(lab.scenario())을 실행하세요. 그 셀이 web3를 띄웁니다.",
  "web3 is {0}.": "web3의 상태가 {0}입니다.",
  "Start web3 again (docker start), then look at it.": "web3를 다시 시작(docker start)한 다음 살펴보세요.",
  "web3 is not on the default bridge any more.": "web3가 더 이상 기본 브리지에 없습니다.",
  "Run the scenario cell again to start over.": "처음부터 다시 하려면 시나리오 셀을 다시 실행하세요.",
  "Docker keeps a record of what it gave web3 (the Containers map of `docker network inspect bridge`); the kernel has what web3 really holds (`ip addr` and `ip route` inside web3). Compare them, field by field.":
    "Docker는 web3에게 준 것을 기록해 둡니다(`docker network inspect bridge`의 Containers 맵). 커널에는 web3가 실제로 가진 것이 있습니다(web3 안의 `ip addr`와 `ip route`). 둘을 항목별로 비교하세요.",
  "Docker writes web3's address, prefix and routes into its namespace each time the container starts.":
    "Docker는 컨테이너가 시작할 때마다 web3의 주소, 프리픽스, 경로를 그 네임스페이스에 써 넣습니다.",
  "http://{0}/ (web3 in Docker's records) does not answer from the host.": "http://{0}/ (Docker 기록상의 web3)가 호스트에서 응답하지 않습니다.",
  "web3 answers the host now, but has no default route via {0} (web1 has one): it could not reach anything beyond its subnet.":
    "이제 web3가 호스트에 응답하지만 {0}을(를) 거치는 기본 경로가 없습니다 (web1에는 있습니다). 이대로는 자기 서브넷 너머로는 아무 데도 갈 수 없습니다.",
  "web3 holds {0}/{1} with a default route via {2}, and answers HTTP.": "web3는 {0}/{1}을(를) 갖고 {2}을(를) 거치는 기본 경로가 있으며, HTTP에 응답합니다.",
  // 01.docker0-is-bridge
  "You found that the link behind Docker's default network (docker0) is a Linux bridge": "Docker 기본 네트워크 뒤의 링크(docker0)가 리눅스 브리지임을 찾았다",
  "There is no {0} interface on this host.": "이 호스트에 {0} 인터페이스가 없습니다.",
  "Is the engine running with its default bridge? Run `npx docker-net-lab doctor`.":
    "엔진이 기본 브리지와 함께 돌고 있나요? `npx docker-net-lab doctor`를 실행하세요.",
  "Two sources: the Options of Docker's network `bridge` name its Linux bridge; the kernel's link details (`ip -d link`, parsed: `kind`) say what kind of link that is (bridge, veth, macvlan…).":
    "두 출처를 보세요. Docker 네트워크 `bridge`의 Options가 그 리눅스 브리지의 이름을 알려 주고, 커널의 링크 상세 정보(`ip -d link`, 파싱 결과의 `kind`)가 그것이 어떤 종류의 링크인지(bridge, veth, macvlan…) 알려 줍니다.",
  "No answer recorded for docker0-kind.": "docker0-kind에 기록된 답이 없습니다.",
  'You recorded "{0}", but {1}\'s link kind is something else.': '"{0}"을(를) 기록했지만 {1}의 링크 종류는 다른 것입니다.',
  "Look at the `kind` field of the parsed link (from linkinfo.info_kind), not at its name.":
    "이름이 아니라 파싱된 링크의 `kind` 필드(linkinfo.info_kind에서 옴)를 보세요.",
  "{0} is a {1}, as you recorded.": "기록한 대로 {0}은(는) {1}입니다.",
  // 01.two-containers
  "web1 and web2 run on the default bridge with addresses from its subnet": "web1과 web2가 기본 브리지에서 그 서브넷의 주소로 돌고 있다",
  "No container named {0}.": "{0}라는 이름의 컨테이너가 없습니다.",
  "{0} exists but is {1}.": "{0}이(가) 있지만 상태가 {1}입니다.",
  "A container runs as long as its main process: httpd -f stays in the foreground, a shell without a terminal exits at once.":
    "컨테이너는 메인 프로세스가 살아 있는 동안만 돕니다. httpd -f는 포그라운드에 머물지만, 터미널 없는 셸은 바로 종료됩니다.",
  "lab.sh`docker rm -f {0}`, then start it again": "lab.sh`docker rm -f {0}` 후 다시 시작하세요",
  "{0} is not on the default bridge (networks: {1}).": "{0}이(가) 기본 브리지에 없습니다 (네트워크: {1}).",
  "Without a --network option, docker run puts a container on the default bridge network (docker0).":
    "--network 옵션이 없으면 docker run은 컨테이너를 기본 브리지 네트워크(docker0)에 붙입니다.",
  "lab.sh`docker rm -f {0}`, then run it again without --network": "lab.sh`docker rm -f {0}` 후 --network 없이 다시 실행하세요",
  "{0}'s address {1} is not in {2}.": "{0}의 주소 {1}이(가) {2}에 속하지 않습니다.",
  "Containers on the default bridge get addresses from docker0's subnet; recreate the container.":
    "기본 브리지의 컨테이너는 docker0 서브넷에서 주소를 받습니다. 컨테이너를 다시 만드세요.",
  "web1 and web2 share an address.": "web1과 web2가 같은 주소를 쓰고 있습니다.",
  "Recreate them: each container gets its own address.": "둘 다 다시 만드세요. 컨테이너마다 자기 주소를 받습니다.",
  "web1 is {0} and web2 is {1}, both in {2}.": "web1은 {0}, web2는 {1}이며, 둘 다 {2}에 속합니다.",
  // 01.gateway-owner
  "You found which host interface owns web1's default gateway (read inside web1, matched on the host)":
    "web1의 기본 게이트웨이를 가진 호스트 인터페이스를 찾았다 (web1 안에서 읽고 호스트에서 맞춰 봄)",
  "web1 is not running.": "web1이 실행 중이 아닙니다.",
  "web1 has no default route.": "web1에 기본 경로가 없습니다.",
  "web1 should run on the default bridge (exercise 2).": "web1은 기본 브리지에서 돌아야 합니다 (연습 2).",
  "Two facts to join: the gateway of web1's default route (inside web1: its routing table), and the host interface that holds that address (on the host: every interface with its addresses).":
    "두 사실을 이어 붙이세요. web1 기본 경로의 게이트웨이(web1 안: 라우팅 테이블)와, 그 주소를 가진 호스트 인터페이스(호스트: 모든 인터페이스와 주소)입니다.",
  "Parse `ip route` inside web1 and `ip -j addr` on the host; find the host interface whose addresses include the gateway.":
    "web1 안의 `ip route`와 호스트의 `ip -j addr`를 파싱하고, 주소 목록에 게이트웨이가 들어 있는 호스트 인터페이스를 찾으세요.",
  "No answer recorded for gateway-owner.": "gateway-owner에 기록된 답이 없습니다.",
  "You recorded {0}, but that host interface does not hold web1's gateway.":
    "{0}을(를) 기록했지만, 그 호스트 인터페이스는 web1의 게이트웨이 주소를 갖고 있지 않습니다.",
  "web1's default route goes via {0}, the address of {1} on the host: the bridge is the containers' router.":
    "web1의 기본 경로는 호스트의 {1} 주소인 {0}을(를) 거칩니다. 브리지가 컨테이너들의 라우터입니다.",
  // 01.inspect-bridge
  "You read the subnet and web1's entry from `docker network inspect bridge`": "`docker network inspect bridge`에서 서브넷과 web1 항목을 읽었다",
  "bridge-subnet is {0}, expected the IPAM subnet.": "bridge-subnet이 {0}입니다. IPAM 서브넷이어야 합니다.",
  "IPAM (IP address management) is where Docker keeps a network's subnet and gateway: the parsed network's `ipam.config`.":
    "IPAM(IP 주소 관리)은 Docker가 네트워크의 서브넷과 게이트웨이를 보관하는 곳입니다: 파싱된 네트워크의 `ipam.config`.",
  "web1 is not in the Containers map of the bridge network.": "web1이 bridge 네트워크의 Containers 맵에 없습니다.",
  "Is web1 running on the default bridge? (See 01.two-containers.)": "web1이 기본 브리지에서 돌고 있나요? (01.two-containers를 보세요.)",
  "web1-inspect-address is {0}, but the Containers map says {1}.": "web1-inspect-address가 {0}이지만 Containers 맵에는 {1}(으)로 나옵니다.",
  "The Containers map of the parsed network lists every container on it, by id, with its name and ipv4Address (as printed, with the /prefix).":
    "파싱된 네트워크의 Containers 맵은 그 네트워크의 모든 컨테이너를 id별로, 이름과 ipv4Address(출력 그대로, /프리픽스 포함)와 함께 보여 줍니다.",
  "The bridge network's subnet is {0}; web1 is listed as {1}.": "bridge 네트워크의 서브넷은 {0}이고, web1은 {1}(으)로 나옵니다.",
  // 01.nat-option
  "You chose the Option of the bridge network that turns outbound NAT off": "bridge 네트워크에서 아웃바운드 NAT를 끄는 Option을 골랐다",
  "Outbound NAT (the host rewriting a container's source address on the way out) is called IP masquerading; one of the bridge network's `options` switches it.":
    "아웃바운드 NAT(나가는 패킷의 출발지 주소를 호스트가 바꿔 쓰는 것)를 IP 마스커레이딩(masquerading)이라고 합니다. bridge 네트워크의 `options` 중 하나가 그것을 켜고 끕니다.",
  "No answer recorded for nat-option.": "nat-option에 기록된 답이 없습니다.",
  '"{0}" is not one of the bridge network\'s Options ({1} of them on this engine).':
    '"{0}"은(는) bridge 네트워크의 Options에 없습니다 (이 엔진에는 {1}개가 있습니다).',
  '"{0}" = {1} does something else.': '"{0}" = {1}은(는) 다른 일을 합니다.',
  "{0} is {1} on this engine: containers' packets leave with the host's address (lab 03 shows the MASQUERADE rule it makes).":
    "이 엔진에서 {0}은(는) {1}입니다. 컨테이너의 패킷은 호스트의 주소를 달고 나갑니다 (그 결과 생기는 MASQUERADE 규칙은 실습 03에서 봅니다).",
  // 01.safe-cleanup
  "You listed exactly this lab's containers with a label filter (what a safe cleanup removes)":
    "레이블 필터로 이 실습의 컨테이너만 정확히 나열했다 (안전한 정리가 지우는 대상)",
  "Everything this lab made carries two labels: io.docker-net-lab.session and io.docker-net-lab.lab. `docker ps` can filter by label, and -a includes stopped containers.":
    "이 실습이 만든 모든 것에는 레이블 두 개가 붙어 있습니다: io.docker-net-lab.session과 io.docker-net-lab.lab. `docker ps`는 레이블로 거를 수 있고, -a는 멈춘 컨테이너도 포함합니다.",
  "No answer recorded for my-containers.": "my-containers에 기록된 답이 없습니다.",
  "Your list names {0} container(s) this lab did not make ({1}).": "목록에 이 실습이 만들지 않은 컨테이너가 {0}개 있습니다 ({1}).",
  "That is what `docker ps -aq` does: it lists every container on the machine, and `rm -f` on it would destroy other work. Filter by both of the lab's labels.":
    "`docker ps -aq`가 바로 그렇게 합니다. 머신의 모든 컨테이너를 나열하므로, 거기에 `rm -f`를 하면 다른 작업까지 날아갑니다. 실습의 레이블 두 개로 모두 거르세요.",
  "Your list misses {0}.": "목록에 {0}이(가) 빠졌습니다.",
  "Stopped containers count too (docker ps -a); use both label filters.": "멈춘 컨테이너도 포함됩니다 (docker ps -a). 레이블 필터 두 개를 모두 쓰세요.",
  "This lab has no containers yet.": "이 실습에는 아직 컨테이너가 없습니다.",
  "Do exercise 2 first, then list them.": "먼저 연습 2를 한 다음 나열하세요.",
  "Your list is exactly the lab's {0} container(s): {1}.": "목록이 정확히 이 실습의 컨테이너 {0}개입니다: {1}.",
  "You named why web3 did not answer and fixed it": "web3가 응답하지 않은 이유를 지정하고 고쳤다",
  "Hidden: web1 answers HTTP on its bridge address from the host": "숨은 체크: 호스트에서 web1의 브리지 주소로 HTTP 응답이 온다",
  "web1 has no address on the default bridge.": "web1에 기본 브리지 주소가 없습니다.",
  "http://{0}/ answered from the host.": "호스트에서 http://{0}/가 응답했습니다.",
  "http://{0}/ did not answer.": "http://{0}/가 응답하지 않았습니다.",
  "Start web1 with `httpd -f -p 80` so it serves /var/www.": "/var/www를 서비스하도록 web1을 `httpd -f -p 80`으로 시작하세요.",
  // goals
  "show that docker0 is a Linux bridge, and which interfaces are its ports (and that the uplink is not one)":
    "docker0가 리눅스 브리지임을, 그리고 어떤 인터페이스가 그 포트인지(업링크는 포트가 아님을) 보인다",
  "say which address a new container gets, from where (Docker's IPAM, not DHCP), and that it can change":
    "새 컨테이너가 어떤 주소를 어디서(DHCP가 아니라 Docker의 IPAM) 받는지, 그리고 그 주소가 바뀔 수 있음을 말한다",
  "find a container's gateway inside it and the host interface that owns it": "컨테이너 안에서 게이트웨이를 찾고, 그 주소를 가진 호스트 인터페이스를 찾는다",
  "read `docker network inspect bridge`: IPAM, the Containers map, the Options (which one stops NAT)":
    "`docker network inspect bridge`를 읽는다: IPAM, Containers 맵, Options (어느 것이 NAT를 끄는지)",
  "compare Docker's record of a container with what its namespace really holds, and fix a container that does not answer":
    "컨테이너에 대한 Docker의 기록과 네임스페이스가 실제로 가진 것을 비교하고, 응답하지 않는 컨테이너를 고친다",
  "list exactly what a lab made (label filters), never `docker ps -aq`": "실습이 만든 것만 정확히 나열한다 (레이블 필터). `docker ps -aq`는 절대 쓰지 않는다",
  // notebook code (01-docker0.ts): lab.view, lab.step, lab.expect
  "the seed's ifconfig (busybox's): no link kind": "시드의 ifconfig (busybox 판): 링크 종류가 없음",
  "web1 and web2 start on the default bridge": "web1과 web2가 기본 브리지에서 시작한다",
  "web1 and web2 are running": "web1과 web2가 실행 중이다",
  "Run the exercise cell; if a name is taken, remove the old container (docker rm -f) first.":
    "연습 셀을 실행하세요. 이름이 이미 쓰이고 있으면 먼저 예전 컨테이너를 지우세요 (docker rm -f).",
  "the seed's route -n, inside web1": "시드의 route -n, web1 안에서",
  "fix web3: restart it, Docker sets its address again": "web3 고치기: 재시작하면 Docker가 주소를 다시 설정한다",
};
