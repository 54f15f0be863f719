// Lab 02 in Korean: the learner-visible strings of lab02-veth.ts (check titles, messages, hints, predictions, goals,
// troubleshooting) and of its notebook's code (lab.expect, lab.step, lab.view titles), English -> Korean.
// Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "veth pairs and network namespaces": "veth 쌍과 네트워크 네임스페이스",
  '{0} is one of the three containers the "run" cell starts on the default bridge: run that cell again.':
    '{0}은(는) "run" 셀이 기본 브리지에 띄우는 컨테이너 세 개 중 하나입니다. 그 셀을 다시 실행하세요.',
  "A veth pair is two interfaces joined like a cable. Inside a namespace, busybox's `ip addr` prints `eth0@ifN`: N is the ifindex of the other end, counted in the host's namespace.":
    "veth 쌍은 케이블처럼 이어진 인터페이스 두 개입니다. 네임스페이스 안에서 busybox의 `ip addr`는 `eth0@ifN`을 출력하는데, N은 반대쪽 끝의 ifindex이며 호스트 네임스페이스 기준의 번호입니다.",
  "Read N inside the container (the parsed eth0's `peerIfindex`), then find the host link whose `ifindex` is N (ip -j link on the host). Names and order tell you nothing.":
    "컨테이너 안에서 N(파싱된 eth0의 `peerIfindex`)을 읽고, `ifindex`가 N인 호스트 링크를 찾으세요 (호스트에서 ip -j link). 이름이나 순서로는 알 수 없습니다.",
  "You will start three containers on the default bridge. How many new ports will docker0 have?":
    "기본 브리지에 컨테이너 세 개를 띄웁니다. docker0에는 포트가 몇 개 새로 생길까요?",
  "One veth pair per container: one end becomes eth0 inside the container's namespace, the other stays on the host as a port of docker0. (On a shared engine, other sessions' containers may come and go meanwhile.)":
    "컨테이너마다 veth 쌍이 하나씩 생깁니다. 한쪽 끝은 컨테이너 네임스페이스 안의 eth0가 되고, 다른 쪽은 호스트에 남아 docker0의 포트가 됩니다. (여러 사람이 쓰는 엔진에서는 그사이 다른 세션의 컨테이너가 생기거나 사라질 수 있습니다.)",
  "When c3 stops, what happens to the host end of its veth pair?": "c3가 멈추면 그 veth 쌍의 호스트 쪽 끝은 어떻게 될까요?",
  "it stays on docker0, down": "docker0에 남고 down 상태가 된다",
  "it leaves docker0 but stays on the host": "docker0에서 빠지지만 호스트에는 남는다",
  "it is deleted": "삭제된다",
  "The container's network namespace goes away with its last process, and eth0 with it; deleting one end of a veth pair deletes the other. `docker start` makes a new pair, with a new name.":
    "컨테이너의 네트워크 네임스페이스는 마지막 프로세스와 함께 사라지고, eth0도 같이 사라집니다. veth 쌍은 한쪽 끝을 지우면 다른 쪽도 지워집니다. `docker start`는 새 이름으로 새 쌍을 만듭니다.",
  "Inside your namespace B, `ip link` prints `eth0@ifN`. Which host link has ifindex N?":
    "여러분의 네임스페이스 B 안에서 `ip link`는 `eth0@ifN`을 출력합니다. ifindex가 N인 호스트 링크는 무엇일까요?",
  "vethB, B's host end": "vethB, B의 호스트 쪽 끝",
  "the bridge": "브리지",
  "B's own eth0": "B 자신의 eth0",
  "The same rule as for Docker's containers: N in eth0@ifN is the ifindex of the peer, counted in the host's namespace. Docker does nothing more than what you did by hand.":
    "Docker의 컨테이너와 같은 규칙입니다. eth0@ifN의 N은 상대(peer)의 ifindex이고, 호스트 네임스페이스 기준입니다. Docker가 하는 일은 여러분이 손으로 한 것과 다르지 않습니다.",
  "namespace {0} is built like {1}: eth0 {2}/{3}, default via {4}.": "네임스페이스 {0}을(를) {1}처럼 만들었습니다: eth0 {2}/{3}, default via {4}.",
  "Namespace C was built like A (a veth pair, an address in the bridge's subnet, a default route), but it cannot ping A, nor the bridge.":
    "네임스페이스 C는 A처럼(veth 쌍, 브리지 서브넷의 주소, 기본 경로) 만들었지만 A에도, 브리지에도 ping이 가지 않습니다.",
  "the host end of C's veth pair is not a port of the bridge": "C의 veth 쌍 중 호스트 쪽 끝이 브리지의 포트가 아니다",
  "one end of C's veth pair is down": "C의 veth 쌍 한쪽 끝이 down이다",
  "C's address is outside the bridge's subnet": "C의 주소가 브리지 서브넷 밖에 있다",
  "C has no default route": "C에 기본 경로가 없다",
  "There is no namespace {0}.": "네임스페이스 {0}이(가) 없습니다.",
  "Run the scenario cell (lab.scenario()): it builds namespace C.": "시나리오 셀(lab.scenario())을 실행하세요. 그 셀이 네임스페이스 C를 만듭니다.",
  "Follow C's cable: find the host end of C's eth0 (pair by ifindex, as in part 1), then ask what that host end is plugged into. Compare with A's host end.":
    "C의 케이블을 따라가세요. C의 eth0의 호스트 쪽 끝을 찾고(1부처럼 ifindex로 짝짓기), 그 끝이 어디에 꽂혀 있는지 물어보세요. A의 호스트 쪽 끝과 비교하세요.",
  "A port of a bridge has the bridge as its `master` (ip link), and `brctl show` lists it.":
    "브리지의 포트는 `master`가 그 브리지이고(ip link), `brctl show`에 나옵니다.",
  "{0} still cannot ping {1} (namespace A).": "{0}에서 아직 {1}(네임스페이스 A)로 ping이 가지 않습니다.",
  "{0} reaches A ({1}) through {2}.": "{0}이(가) {2}을(를) 거쳐 A({1})에 닿습니다.",
  "You paired c1 and c2 with their host veths by ifindex (eth0@ifN)": "c1과 c2를 ifindex(eth0@ifN)로 호스트 veth와 짝지었다",
  "{0} is not running.": "{0}이(가) 실행 중이 아닙니다.",
  "{0} has no eth0 with a peer on the host.": "{0}에 호스트 쪽 상대가 있는 eth0가 없습니다.",
  "Run it on the default bridge (no --network option).": "기본 브리지에서 실행하세요 (--network 옵션 없이).",
  "No answer recorded for host-veths.": "host-veths에 기록된 답이 없습니다.",
  "host-veths has no entry for {0}.": "host-veths에 {0} 항목이 없습니다.",
  "You paired {0} with {1}, but its eth0 is eth0@if{2}: host link {3} is another one.":
    "{0}을(를) {1}과(와) 짝지었지만, 그 eth0는 eth0@if{2}입니다. 호스트 링크 {3}은(는) 다른 것입니다.",
  "{0} is not plugged into docker0 (master {1}).": "{0}이(가) docker0에 꽂혀 있지 않습니다 (master {1}).",
  "Run the container on the default bridge.": "컨테이너를 기본 브리지에서 실행하세요.",
  "c1 ↔ {0} and c2 ↔ {1}, both ports of docker0.": "c1 ↔ {0}, c2 ↔ {1}, 둘 다 docker0의 포트입니다.",
  "Stopping c3 removed its veth from docker0": "c3를 멈추자 그 veth가 docker0에서 사라졌다",
  "No container named {0}.": "{0}라는 이름의 컨테이너가 없습니다.",
  "{0} is still running.": "{0}이(가) 아직 실행 중입니다.",
  "Exercise 2 stops c3 (stop, not remove). busybox's sleep as PID 1 ignores SIGTERM: a short timeout (-t 1) saves the 10 s wait.":
    "연습 2는 c3를 멈춥니다 (지우지 말고 stop). PID 1인 busybox의 sleep은 SIGTERM을 무시하므로, 짧은 타임아웃(-t 1)을 주면 10초를 기다리지 않아도 됩니다.",
  "host-veths has no entry for c3.": "host-veths에 c3 항목이 없습니다.",
  "Pair c3 too in exercise 1, while it runs: once it stops, its eth0 is gone and there is nothing to pair.":
    "연습 1에서 c3가 도는 동안 c3도 짝지으세요. 멈추고 나면 eth0가 사라져 짝지을 것이 없습니다.",
  "{0} still exists on the host.": "{0}이(가) 아직 호스트에 있습니다.",
  "Was that really c3's veth? Pair by ifindex while c3 runs.": "그것이 정말 c3의 veth였나요? c3가 도는 동안 ifindex로 짝지으세요.",
  "{0} is {1}; its veth {2} is gone from the host.": "{0}의 상태는 {1}이고, 그 veth {2}은(는) 호스트에서 사라졌습니다.",
  "Ports on docker0 = running containers on the default bridge": "docker0의 포트 수 = 기본 브리지에서 도는 컨테이너 수",
  "Two counts, taken right after c3 stops: the interfaces of docker0 (the bridge's port list), and the containers in the bridge network's Containers map (Docker lists only running ones there).":
    "c3가 멈춘 직후에 두 가지를 세세요. docker0의 인터페이스(브리지의 포트 목록)와, bridge 네트워크 Containers 맵의 컨테이너(Docker는 거기에 실행 중인 것만 적습니다)입니다.",
  "Parse `brctl show` (parseBrctl) and `docker network inspect bridge` (parseNetworkInspect).":
    "`brctl show`(parseBrctl)와 `docker network inspect bridge`(parseNetworkInspect)를 파싱하세요.",
  "docker0-ports and bridge-containers must both be numbers.": "docker0-ports와 bridge-containers는 둘 다 숫자여야 합니다.",
  "docker0 has {0} port(s) and the bridge network has {1} running container(s): one veth per container.":
    "docker0에는 포트가 {0}개, bridge 네트워크에는 실행 중인 컨테이너가 {1}개 있습니다. 컨테이너마다 veth 하나입니다.",
  "You counted {0} port(s) but {1} container(s).": "포트는 {0}개, 컨테이너는 {1}개로 셌습니다.",
  "Count only docker0's interfaces (not every bridge's) and only containers on the bridge network that run (not `docker ps -a`).":
    "docker0의 인터페이스만(모든 브리지의 것이 아니라), 그리고 bridge 네트워크에서 실행 중인 컨테이너만(`docker ps -a`가 아니라) 세세요.",
  "You counted {0} port(s) = {1} container(s); docker0 now has {2} = {3} (other sessions' containers came or went since): one veth per running container.":
    "포트 {0}개 = 컨테이너 {1}개로 셌고, 지금 docker0는 {2} = {3}입니다 (그사이 다른 세션의 컨테이너가 생기거나 사라졌습니다). 실행 중인 컨테이너마다 veth 하나입니다.",
  "You counted {0}, but docker0 now has {1} port(s) and {2} running container(s).":
    "{0}(으)로 셌지만, 지금 docker0에는 포트 {1}개와 실행 중인 컨테이너 {2}개가 있습니다.",
  "Count again after stopping c3 (other sessions' containers count too: count what is there, right now).":
    "c3를 멈춘 뒤 다시 세세요 (다른 세션의 컨테이너도 셉니다. 지금 거기 있는 것을 세세요).",
  "Namespace B is built by hand like a container: veth to the bridge, address, default route":
    "네임스페이스 B를 컨테이너처럼 손으로 만들었다: 브리지로 가는 veth, 주소, 기본 경로",
  "{0} has no eth0 (it has {1}).": "{0}에 eth0가 없습니다 (있는 것: {1}).",
  "eth0 in {0} is a {1} link, not a veth.": "{0}의 eth0는 veth가 아니라 {1} 링크입니다.",
  "Delete the namespace (ip netns delete) and start over with a veth pair.": "네임스페이스를 지우고(ip netns delete) veth 쌍으로 다시 시작하세요.",
  "The other end of eth0 is not on the host.": "eth0의 반대쪽 끝이 호스트에 없습니다.",
  "Keep the host end on the host; only the peer goes into the namespace.": "호스트 쪽 끝은 호스트에 두고, 상대쪽만 네임스페이스로 옮기세요.",
  "{0} is not plugged into {1} (master {2}).": "{0}이(가) {1}에 꽂혀 있지 않습니다 (master {2}).",
  "{0} is down.": "{0}이(가) down 상태입니다.",
  "eth0 in {0} has {1}; expected an address in {2} with the same /prefix.": "{0}의 eth0에 {1}이(가) 있습니다. 같은 /프리픽스로 {2}에 속하는 주소여야 합니다.",
  "eth0 in {0} is down.": "{0}의 eth0가 down 상태입니다.",
  "{0}'s default route is {1}; expected via {2} (the bridge's address, like docker0's 172.17.0.1).":
    "{0}의 기본 경로가 {1}입니다. {2}(docker0의 172.17.0.1처럼 브리지의 주소)를 거쳐야 합니다.",
  "{0}: eth0 {1}/{2}, peer {3} on {4}, default via {5}: the same shape as a container on docker0.":
    "{0}: eth0 {1}/{2}, 상대 {3}은(는) {4}에 있고, default via {5}. docker0에 붙은 컨테이너와 같은 모양입니다.",
  "You found the host end of namespace B's eth0 and the bridge it is plugged into, the same way as for a container":
    "컨테이너에서와 같은 방법으로 네임스페이스 B의 eth0의 호스트 쪽 끝과 그것이 꽂힌 브리지를 찾았다",
  "Build namespace B first (exercise 3).": "먼저 네임스페이스 B를 만드세요 (연습 3).",
  "The rule of part 1 works for your own namespaces: N in eth0@ifN (inside B) is the host link's ifindex; that link's `master` is the bridge it is plugged into.":
    "1부의 규칙은 여러분이 만든 네임스페이스에도 통합니다. (B 안의) eth0@ifN의 N은 호스트 링크의 ifindex이고, 그 링크의 `master`가 꽂혀 있는 브리지입니다.",
  "No answer recorded for hand-b-host-end.": "hand-b-host-end에 기록된 답이 없습니다.",
  "You recorded host end {0}, but host link {1} is another one.": "호스트 쪽 끝으로 {0}을(를) 기록했지만, 호스트 링크 {1}은(는) 다른 것입니다.",
  "{0} is plugged into another bridge than {1}.": "{0}이(가) {1}이(가) 아닌 다른 브리지에 꽂혀 있습니다.",
  "eth0@if{0} in {1} is {2} on the host, a port of {3}: the same pairing as eth0@ifN in a container.":
    "{1}의 eth0@if{0}은(는) 호스트의 {2}이며 {3}의 포트입니다. 컨테이너의 eth0@ifN과 같은 짝짓기입니다.",
  "You named why namespace C could not reach A and fixed it": "네임스페이스 C가 A에 닿지 못한 이유를 지정하고 고쳤다",
  "Hidden: namespace A reaches namespace B through the hand-made bridge, and B reaches the bridge":
    "숨은 체크: 네임스페이스 A가 손으로 만든 브리지를 거쳐 B에 닿고, B는 브리지에 닿는다",
  "Run the setup cell.": "셋업 셀을 실행하세요.",
  "Build namespace B (exercise 3).": "네임스페이스 B를 만드세요 (연습 3).",
  "Namespace B has no address.": "네임스페이스 B에 주소가 없습니다.",
  "Give eth0 in B an address in the lab's subnet.": "B의 eth0에 실습 서브넷의 주소를 주세요.",
  "{0} cannot ping {1}.": "{0}에서 {1}(으)로 ping이 가지 않습니다.",
  "Is B's eth0 up, its host end up and on the bridge, with an address in the same subnet?":
    "B의 eth0가 up인가요? 호스트 쪽 끝이 up이고 브리지에 꽂혀 있나요? 같은 서브넷의 주소가 있나요?",
  "{0} cannot ping the bridge at {1}.": "{0}에서 {1}의 브리지로 ping이 가지 않습니다.",
  "Check B's address and its link state.": "B의 주소와 링크 상태를 확인하세요.",
  "{0} → {1} and {2} → {3} both answer.": "{0} → {1}, {2} → {3} 모두 응답합니다.",
  "$ iptables -I {0} 1 {1}   # unless already there": "$ iptables -I {0} 1 {1}   # 이미 있으면 건너뜀",
  // goals
  "pair a container's `eth0@ifN` with its host `vethXXXX` by interface index, not by name or order":
    "컨테이너의 `eth0@ifN`을 호스트의 `vethXXXX`와 이름이나 순서가 아니라 인터페이스 인덱스로 짝짓는다",
  "predict and measure that docker0 has one port per running container, and that a stopped container's pair is deleted":
    "docker0에 실행 중인 컨테이너마다 포트가 하나씩 있고, 멈춘 컨테이너의 쌍은 삭제된다는 것을 예측하고 측정한다",
  "build a container-like network namespace by hand (`ip netns`, a veth pair, a bridge, an address, a default route)":
    "컨테이너 같은 네트워크 네임스페이스를 손으로 만든다 (`ip netns`, veth 쌍, 브리지, 주소, 기본 경로)",
  "follow a namespace's cable to find why it cannot reach its neighbours, and plug it in":
    "네임스페이스의 케이블을 따라가 이웃에 닿지 못하는 이유를 찾고, 제대로 꽂는다",
  // notebook code (02-veth-namespaces.ts)
  "c1, c2, c3 start on the default bridge": "c1, c2, c3가 기본 브리지에서 시작한다",
  "inside c1: docker exec c1 ip addr show eth0": "c1 안에서: docker exec c1 ip addr show eth0",
  "on the host: ip -j -d link show master docker0 (trimmed)": "호스트에서: ip -j -d link show master docker0 (일부)",
  "host-veths names a veth for c1, c2 and c3": "host-veths가 c1, c2, c3 각각의 veth를 적고 있다",
  "Record an object with keys c1, c2, c3 and host interface names as values.": "키가 c1, c2, c3이고 값이 호스트 인터페이스 이름인 객체를 기록하세요.",
  "Lab 02: one veth pair per container": "실습 02: 컨테이너마다 veth 쌍 하나",
  "c3 stops": "c3가 멈춘다",
  "docker0-ports ({0}) = bridge-containers ({1})": "docker0-ports ({0}) = bridge-containers ({1}): 포트 수 = 컨테이너 수",
  "Count docker0's interfaces only, and only containers in the bridge network's Containers map.":
    "docker0의 인터페이스만, 그리고 bridge 네트워크 Containers 맵의 컨테이너만 세세요.",
  "namespace B is built by hand": "네임스페이스 B를 손으로 만든다",
  "{0} pings {1}": "{0}에서 {1}(으)로 ping",
  "Check each step: is vethB on the bridge and up? Is eth0 in B up with addrB/prefix?":
    "단계마다 확인하세요. vethB가 브리지에 꽂혀 있고 up인가요? B의 eth0가 addrB/prefix를 갖고 up인가요?",
  "Docker's c1 (left) and your namespace B (right)": "Docker의 c1 (왼쪽)과 여러분의 네임스페이스 B (오른쪽)",
  "fix C: plug its host end into the bridge": "C 고치기: 호스트 쪽 끝을 브리지에 꽂는다",
  // Hint levels passed through the definition's own step(…) helper (found since the extractor follows local helpers)
  "Step 1: a container's network is a network namespace; `ip netns` makes named ones.":
    "1단계: 컨테이너의 네트워크는 네트워크 네임스페이스입니다. `ip netns`는 이름 붙은 네임스페이스를 만듭니다.",
  "Step 2: a veth pair, one end on the host (vethB), the other created directly inside B under the name eth0 (`ip link add … type veth peer name … netns …`).":
    "2단계: veth 쌍을 만듭니다. 한쪽 끝은 호스트에(vethB), 다른 쪽 끝은 B 안에 바로 eth0이라는 이름으로 만듭니다(`ip link add … type veth peer name … netns …`).",
  "Step 3: the host end is a port of the bridge, like vethXXXX on docker0: its `master` is the bridge.":
    "3단계: 호스트 쪽 끝은 docker0의 vethXXXX처럼 브리지의 포트입니다. 그 `master`가 브리지입니다.",
  "An interface carries nothing until it is up.": "인터페이스는 올라오기(up) 전에는 아무것도 나르지 않습니다.",
  "no IPv4 address": "IPv4 주소 없음",
  "Step 4: inside B (ip -n B …), eth0 gets addrB with the subnet's prefix, like a container's 172.17.0.x/16.":
    "4단계: B 안에서(ip -n B …) eth0에 서브넷의 프리픽스와 함께 addrB를 줍니다. 컨테이너의 172.17.0.x/16과 같습니다.",
  "Bring eth0 (and lo) up inside B.": "B 안에서 eth0(과 lo)을 올리세요(up).",
  "Last step: B's default route points to the bridge's address, as a container's points to docker0's.":
    "마지막 단계: 컨테이너의 기본 라우트가 docker0의 주소를 가리키듯, B의 기본 라우트는 브리지의 주소를 가리킵니다.",
};
