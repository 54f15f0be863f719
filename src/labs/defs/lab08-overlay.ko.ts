// Lab 08 in Korean: the learner-visible strings of lab08-overlay.ts (check titles, messages, hints, predictions, goals,
// troubleshooting), English -> Korean. Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).

import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  // The lab
  "Overlay (single-node swarm on a private engine), VXLAN, plugin drivers and ipvlan":
    "오버레이(프라이빗 엔진의 단일 노드 스웜), VXLAN, 플러그인 드라이버와 ipvlan",
  "make a single-node swarm and an attachable overlay network (on a private engine, never your own)":
    "단일 노드 스웜과 attachable 오버레이 네트워크를 만든다(여러분의 엔진이 아니라 프라이빗 엔진에서)",
  "predict and read a container's two legs on an overlay (the overlay, docker_gwbridge) and the overlay's MTU":
    "오버레이 위 컨테이너의 두 다리(오버레이, docker_gwbridge)와 오버레이의 MTU를 예측하고 읽는다",
  "follow a container's overlay leg into the overlay's namespace: its veth peer, the bridge, the VXLAN id":
    "컨테이너의 오버레이 쪽 다리를 따라 오버레이의 네임스페이스로 들어간다: veth 상대편, 브리지, VXLAN id",
  "test whether the kernel has ipvlan instead of assuming it": "커널에 ipvlan이 있는지 짐작하지 않고 시험한다",
  "find why a container cannot reach another one across overlays, and connect it":
    "오버레이를 사이에 두고 컨테이너가 다른 컨테이너에 닿지 못하는 이유를 찾아 연결한다",

  // Predictions
  "c1 runs on the attachable overlay `ov` only. How many interfaces besides lo will it have?":
    "c1은 attachable 오버레이 `ov`에만 붙어 있습니다. lo 말고 인터페이스가 몇 개 있을까요?",
  "one: on the overlay": "하나: 오버레이에",
  "two: on the overlay and on docker_gwbridge": "둘: 오버레이와 docker_gwbridge에",
  "An overlay carries traffic between containers, across hosts; it has no way out of the swarm. So Docker gives each container a second leg on docker_gwbridge, a local bridge with outbound NAT, for everything else.":
    "오버레이는 호스트를 건너 컨테이너 사이의 트래픽을 나를 뿐, 스웜 밖으로 나가는 길은 없습니다. 그래서 도커는 나머지 모든 트래픽을 위해 컨테이너마다 두 번째 다리를 docker_gwbridge에 붙여 줍니다. 바깥으로 나가는 NAT가 걸린 로컬 브리지입니다.",
  "Which MTU will c1's interface on the overlay have?": "c1의 오버레이 쪽 인터페이스는 MTU가 얼마일까요?",
  "1500, as on a bridge": "1500, 브리지와 같이",
  "Every frame on an overlay travels inside a VXLAN packet (outer IP and UDP headers and the VXLAN header: 50 bytes), and the underlay carries 1500: so Docker leaves 1450 for the frame inside.":
    "오버레이의 프레임은 모두 VXLAN 패킷 안에 담겨 갑니다(바깥 IP, UDP 헤더와 VXLAN 헤더: 50바이트). 언더레이(underlay)는 1500을 나르므로, 도커는 안쪽 프레임에 1450을 남겨 둡니다.",
  "Docker lists ipvlan among this engine's network drivers. Will this kernel make an ipvlan link?":
    "도커는 이 엔진의 네트워크 드라이버 목록에 ipvlan을 보여 줍니다. 이 커널은 ipvlan 링크를 만들 수 있을까요?",
  "Docker's list says which drivers the engine has code for; the driver still needs the kernel's ipvlan module, which some kernels do not ship. Only trying tells.":
    "도커의 목록은 엔진에 어떤 드라이버의 코드가 들어 있는지를 말할 뿐입니다. 드라이버가 동작하려면 커널의 ipvlan 모듈이 있어야 하는데, 이 모듈이 없는 커널도 있습니다. 직접 해 봐야만 알 수 있습니다.",

  // Troubleshooting
  "The private engine is not a swarm yet: do exercise 1 (swarm init) first.": "프라이빗 엔진이 아직 스웜이 아닙니다. 실습 1(swarm init)을 먼저 하세요.",
  "Overlays need swarm mode: run exercise 1, then this cell again.": "오버레이에는 스웜 모드가 필요합니다. 실습 1을 실행한 다음 이 셀을 다시 실행하세요.",
  "c3 ({0}) is running on the private engine; it should reach c1 by name.": "c3({0})가 프라이빗 엔진에서 실행 중입니다. c3는 이름으로 c1에 닿아야 합니다.",
  "c3 runs on an overlay network of the private engine and should reach c1 by name, but `ping c1` from c3 fails (bad address).":
    "c3는 프라이빗 엔진의 오버레이 네트워크에서 돌고 이름으로 c1에 닿아야 하는데, c3에서 `ping c1`이 실패합니다(bad address).",
  "c3 is on another overlay network: another VXLAN segment, with its own names":
    "c3가 다른 오버레이 네트워크에 있다: 다른 VXLAN 세그먼트이고, 이름도 따로 관리된다",
  "the overlay does not accept containers started with docker run": "오버레이가 docker run으로 시작한 컨테이너를 받지 않는다",
  "the engine left swarm mode": "엔진이 스웜 모드를 떠났다",
  "the engine's embedded DNS is not running": "엔진의 내장 DNS가 돌고 있지 않다",
  "c3 is not running.": "c3가 실행 중이 아닙니다.",
  "Run the scenario cell again: it starts c3.": "시나리오 셀을 다시 실행하세요. c3를 띄워 줍니다.",
  "c3 reaches {0} by name.": "c3가 이름으로 {0}에 닿습니다.",
  "c3 still cannot ping {0} by name.": "c3가 여전히 이름으로 {0}에 ping을 보내지 못합니다.",
  "Compare c3 with c1 as Docker sees them: which networks each is on (docker inspect), and what each network is (docker network inspect: driver, subnet, the VXLAN id in its options).":
    "도커가 보는 대로 c3와 c1을 비교하세요. 각자 어느 네트워크에 붙어 있는지(docker inspect), 그리고 그 네트워크가 무엇인지(docker network inspect: 드라이버, 서브넷, 옵션의 VXLAN id)를 보면 됩니다.",
  "Names resolve, and frames travel, within one network: c3 needs a leg on c1's network. A running container can join one more network.":
    "이름 풀이도, 프레임 전달도 네트워크 하나 안에서만 됩니다. c3에는 c1의 네트워크로 가는 다리가 필요합니다. 실행 중인 컨테이너도 네트워크에 하나 더 붙을 수 있습니다.",
  "You named why c3 could not reach c1 and fixed it": "c3가 c1에 닿지 못한 이유를 말하고 고쳤다",
  "the private engine left its swarm": "프라이빗 엔진이 스웜을 떠났습니다",

  // Shared by several checks
  "The lab is not set up.": "실습이 준비되어 있지 않습니다.",
  "The private engine is not running.": "프라이빗 엔진이 실행 중이 아닙니다.",
  "{0} is {1}.": "{0}의 상태는 {1}입니다.",

  // 08.swarm
  "The private engine is a single-node swarm manager, advertising docker0's address":
    "프라이빗 엔진이 docker0의 주소를 알리는(advertise) 단일 노드 스웜 매니저다",
  "The engine's swarm state is {0}.": "엔진의 스웜 상태가 {0}입니다.",
  "Overlays need swarm mode: one node can be a swarm on its own (docker swarm init, on the private engine). It needs the address other nodes would reach it at, and a pool for swarm networks' subnets.":
    "오버레이에는 스웜 모드가 필요합니다. 노드 하나만으로도 스웜이 될 수 있습니다(프라이빗 엔진에서 docker swarm init). 다른 노드들이 이 노드에 닿을 주소, 그리고 스웜 네트워크의 서브넷을 가져올 풀이 필요합니다.",
  "The engine is in a swarm but not a manager.": "엔진이 스웜에 들어 있지만 매니저가 아닙니다.",
  "A single-node swarm made with `swarm init` is its own manager; leave and init again.":
    "`swarm init`으로 만든 단일 노드 스웜은 스스로 매니저입니다. 스웜을 떠났다가 다시 init하세요.",
  "The swarm advertises {0}, not {1}.": "스웜이 {1}이(가) 아니라 {0}을(를) 알리고 있습니다.",
  "Use --advertise-addr {0} (docker0 in the engine's namespace): an address that exists there.":
    "--advertise-addr {0}(엔진 네임스페이스의 docker0)을 쓰세요. 그 네임스페이스에 실제로 있는 주소입니다.",
  "Swarm active, this node is the manager, advertising {0}.": "스웜이 활성 상태이고, 이 노드가 매니저이며, {0}을(를) 알리고 있습니다.",

  // 08.overlay-network
  "An attachable overlay network with your subnet, swarm scope": "여러분의 서브넷을 가진 swarm 범위(scope)의 attachable 오버레이 네트워크",
  "The private engine has no network named {0}.": "프라이빗 엔진에 {0}라는 이름의 네트워크가 없습니다.",
  "Exercise 2's network uses the overlay driver, takes your subnet, and must accept containers started with plain docker run (the attachable flag), not only swarm services.":
    "실습 2의 네트워크는 overlay 드라이버를 쓰고, 여러분의 서브넷을 받으며, 스웜 서비스뿐 아니라 평범한 docker run으로 시작한 컨테이너도 받아야 합니다(attachable 플래그).",
  "{0} uses the {1} driver.": "{0}은(는) {1} 드라이버를 씁니다.",
  "Remove it and run {0}.": "지우고 {0}을(를) 실행하세요.",
  "{0} is not attachable: plain `docker run` containers cannot join it, only swarm services.":
    "{0}은(는) attachable이 아닙니다. 스웜 서비스만 붙을 수 있고, 평범한 `docker run` 컨테이너는 붙을 수 없습니다.",
  "Remove it (engine.sh`docker network rm {0}`) and create it again with --attachable.":
    "지우고(engine.sh`docker network rm {0}`) --attachable로 다시 만드세요.",
  "{0}'s subnet is {1}, not {2}.": "{0}의 서브넷이 {2}이(가) 아니라 {1}입니다.",
  "Recreate it with --subnet {0}.": "--subnet {0}으로 다시 만드세요.",
  "{0}: overlay, scope {1}, attachable, {2}.": "{0}: overlay, 범위(scope) {1}, attachable, {2}.",

  // 08.overlay-containers
  "c1 and c2 run on the overlay with addresses from its subnet and the VXLAN-sized MTU (1450)":
    "c1과 c2가 오버레이에서 그 서브넷의 주소와 VXLAN에 맞춘 MTU(1450)로 돈다",
  "The private engine has no container named {0}.": "프라이빗 엔진에 {0}라는 이름의 컨테이너가 없습니다.",
  "{0} runs on the overlay (by name), from the lab's image, with httpd -f -p 80 -h /var/www, on the private engine (engine.sh).":
    "{0}은(는) 프라이빗 엔진(engine.sh)에서 실습 이미지로, 오버레이(이름으로 지정) 위에서 httpd -f -p 80 -h /var/www를 실행합니다.",
  "Start it: engine.sh`docker start {0}`.": "시작하세요: engine.sh`docker start {0}`.",
  "{0} has no address on {1} ({2}).": "{0}에 {1}의 주소가 없습니다({2}).",
  "Remove it and run: {0}.": "지우고 다음을 실행하세요: {0}.",
  "{0}'s overlay interface has MTU {1}.": "{0}의 오버레이 쪽 인터페이스 MTU가 {1}입니다.",
  "On an overlay, Docker sets 1450: 50 bytes less than the underlay, for the VXLAN header. Did you set another MTU option?":
    "오버레이에서 도커는 1450을 씁니다. VXLAN 헤더 몫으로 언더레이보다 50바이트 작습니다. 다른 MTU 옵션을 줬나요?",
  "c1 is {0} and c2 is {1} on {2}, MTU 1450 (1500 - 50 bytes of VXLAN).": "{2}에서 c1은 {0}, c2는 {1}이고, MTU는 1450입니다(1500 - VXLAN 50바이트).",

  // 08.vxlan
  "You followed c1's overlay leg into the overlay's namespace: its veth peer, the bridge it is on, and the VXLAN id on that bridge":
    "c1의 오버레이 쪽 다리를 따라 오버레이의 네임스페이스로 들어갔다: veth 상대편, 그것이 꽂힌 브리지, 그 브리지의 VXLAN id",
  "c1 is not running on the overlay, or the overlay's namespace is not there yet.":
    "c1이 오버레이에서 실행 중이 아니거나, 오버레이의 네임스페이스가 아직 없습니다.",
  "Do exercise 2 first: Docker makes the overlay's namespace when the first container joins.":
    "실습 2를 먼저 하세요. 도커는 첫 컨테이너가 붙을 때 오버레이의 네임스페이스를 만듭니다.",
  "No veth peer or vxlan interface in {0}.": "{0}에 veth 상대편이나 vxlan 인터페이스가 없습니다.",
  "Is c1 attached to the overlay?": "c1이 오버레이에 붙어 있나요?",
  "Pairing across namespaces, as in lab 02: c1's overlay interface says @ifN; N is an ifindex in the overlay's namespace (a file under {0}/netns, entered with nsenter --net=FILE), not on the host. There, read that link's master, and the vxlan link's id (its VNI).":
    "실습 02처럼 네임스페이스를 건너 짝을 찾습니다. c1의 오버레이 쪽 인터페이스에는 @ifN이 붙어 있는데, N은 호스트가 아니라 오버레이 네임스페이스(nsenter --net=FILE로 들어가는 {0}/netns 아래의 파일) 안의 ifindex입니다. 그 안에서 그 링크의 master와 vxlan 링크의 id(VNI)를 읽으세요.",
  "In the overlay's namespace, `ip -j -d link show` (parsed) lists every link with ifindex, master, kind and kindData.":
    "오버레이의 네임스페이스 안에서 `ip -j -d link show`(파싱한 결과)는 모든 링크를 ifindex, master, kind, kindData와 함께 보여 줍니다.",
  "No answer recorded for c1-overlay-path.": "c1-overlay-path에 기록된 답이 없습니다.",
  "{0} is not the peer of c1's overlay interface (@if{1}).": "{0}은(는) c1 오버레이 쪽 인터페이스(@if{1})의 상대편이 아닙니다.",
  "{0} is plugged into another bridge than {1}.": "{0}은(는) {1}이(가) 아닌 다른 브리지에 꽂혀 있습니다.",
  "{0} is not the VXLAN id of {1}.": "{0}은(는) {1}의 VXLAN id가 아닙니다.",
  "c1 → {0} on {1}, beside {2} (VNI {3}, dstport {4}) in {5}; docker network inspect lists vxlanid_list={6}.":
    "c1 → {5} 안에서 {1}에 꽂힌 {0}, 그 옆의 {2}(VNI {3}, dstport {4}). docker network inspect는 vxlanid_list={6}을(를) 보여 줍니다.",

  // 08.ipvlan-detected
  "You tested whether this kernel can make ipvlan links, and recorded the truth": "이 커널이 ipvlan 링크를 만들 수 있는지 시험하고, 사실대로 기록했다",
  "No answer recorded for ipvlan-available (true or false).": "ipvlan-available에 기록된 답(true 또는 false)이 없습니다.",
  "Try it: in a scratch namespace, make a veth pair and hang an ipvlan link off one end; record whether the kernel accepted it.":
    "직접 해 보세요. 임시 네임스페이스에 veth 쌍을 만들고 한쪽 끝에 ipvlan 링크를 달아 본 다음, 커널이 받아들였는지를 기록하세요.",
  "You recorded {0}, but on this kernel ipvlan is {1}.": "{0}을(를) 기록했는데, 이 커널의 ipvlan은 다릅니다: {1}.",
  "not available ({0})": "쓸 수 없습니다({0})",
  "Run the test again and record whether `ip link add … type ipvlan` succeeded.": "시험을 다시 실행하고 `ip link add … type ipvlan`이 성공했는지를 기록하세요.",
  "ipvlan works on this kernel, as you recorded.": "기록한 대로, 이 커널에서 ipvlan이 동작합니다.",
  "ipvlan is not available on this kernel ({0}), as you recorded: Docker's ipvlan driver would fail here.":
    "기록한 대로, 이 커널에서는 ipvlan을 쓸 수 없습니다({0}). 여기서는 도커의 ipvlan 드라이버가 실패합니다.",

  // 08.c1-reaches-c2 (hidden)
  "Hidden: c1 reaches c2 by name across the overlay": "숨은 체크: c1이 오버레이를 건너 이름으로 c2에 닿는다",
  "c1 pinged {0} by name over the overlay.": "c1이 오버레이를 건너 이름으로 {0}에 ping을 보냈습니다.",
  "c1 could not ping {0} by name.": "c1이 이름으로 {0}에 ping을 보내지 못했습니다.",
  "Both must be on the overlay network (exercise 2).": "둘 다 오버레이 네트워크에 있어야 합니다(실습 2).",
  // The notebook's self-check
  "the swarm is active": "스웜이 활성 상태다",
  "Run the exercise cell.": "실습 셀을 실행하세요.",
  three: "셋",
  yes: "예",
  no: "아니요",
};
