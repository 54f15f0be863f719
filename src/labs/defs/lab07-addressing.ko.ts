// Lab 07 in Korean: the learner-visible strings of lab07-addressing.ts (check titles, messages, hints, predictions,
// goals, troubleshooting), English -> Korean. Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).

import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  // The lab
  "Addressing: --bip, address pools, subnets, --ip-range, static --ip, MTU (on a private engine)":
    "주소 지정: --bip, 주소 풀, 서브넷, --ip-range, 고정 --ip, MTU(프라이빗 엔진에서)",
  "change docker0's address and the default address pools of an engine (on a private one, never your own)":
    "엔진의 docker0 주소와 기본 주소 풀을 바꾼다(여러분의 엔진이 아니라 프라이빗 엔진에서)",
  "predict which subnet a network without --subnet gets, and read it": "--subnet 없이 만든 네트워크가 받을 서브넷을 예측하고 읽는다",
  "plan a network: subnet, gateway, the range Docker hands out, MTU, bridge name; pin a container with --ip":
    "네트워크를 설계한다: 서브넷, 게이트웨이, 도커가 나눠 줄 범위, MTU, 브리지 이름; --ip로 컨테이너 주소를 고정한다",
  "choose a static address Docker can never hand to someone else, and repair a network where it did":
    "도커가 절대 남에게 주지 않을 고정 주소를 고르고, 도커가 그 주소를 줘 버린 네트워크를 고친다",

  // Predictions
  "The private engine starts with no options, in an empty network namespace. Which address (with prefix) will its docker0 get?":
    "프라이빗 엔진이 옵션 없이, 빈 네트워크 네임스페이스에서 시작합니다. 그 docker0은 어떤 주소(프리픽스 포함)를 받을까요?",
  "With no --bip, Docker takes docker0's subnet from its built-in list, 172.17.0.0/16 first (when no route on the host already covers it), and gives docker0 the first address: 172.17.0.1/16, as on a fresh install.":
    "--bip가 없으면 도커는 내장 목록에서 docker0의 서브넷을 가져옵니다. 첫 번째는 172.17.0.0/16이고(호스트의 어떤 라우트도 그 대역을 덮고 있지 않을 때), docker0에는 첫 주소를 줍니다. 새로 설치했을 때와 같은 172.17.0.1/16입니다.",
  "The engine now runs with the default address pool `pool` in /26 pieces. Which subnet will a network created without --subnet get?":
    "이제 엔진은 기본 주소 풀 `pool`을 /26 조각으로 나눠 씁니다. --subnet 없이 만든 네트워크는 어떤 서브넷을 받을까요?",
  "A network created without --subnet gets the first /26 of the pool that no other network of this engine uses; here none does yet, so it starts at the pool's base. The default bridge comes from --bip, not from the pool.":
    "--subnet 없이 만든 네트워크는 이 엔진의 다른 네트워크가 쓰지 않는 풀의 첫 /26을 받습니다. 여기서는 아직 아무도 쓰지 않으므로 풀의 시작 주소(base)부터입니다. 기본 브리지는 풀이 아니라 --bip에서 옵니다.",
  "The network custom is created with `-o com.docker.network.driver.mtu=1400`. Which MTU will eth0 have inside dyn?":
    "네트워크 custom을 `-o com.docker.network.driver.mtu=1400`으로 만듭니다. dyn 안의 eth0은 MTU가 얼마일까요?",
  "1500, the default": "1500, 기본값",
  "1400, the network's option": "1400, 네트워크의 옵션",
  "the MTU of the engine's docker0": "엔진 docker0의 MTU",
  "The MTU is a property of each network: Docker gives its bridge and every veth on it (both ends) the network's MTU. The engine-wide --mtu only sets the default bridge's.":
    "MTU는 네트워크마다의 속성입니다. 도커는 그 네트워크의 브리지와 그 위의 모든 veth(양쪽 끝 모두)에 네트워크의 MTU를 줍니다. 엔진 전체의 --mtu는 기본 브리지의 MTU만 정합니다.",

  // Troubleshooting
  "The private engine is not running.": "프라이빗 엔진이 실행 중이 아닙니다.",
  "db must run at the second address of the team network (other machines' configuration names it), but `docker run --ip …` fails and db does not start.":
    "db는 team 네트워크의 두 번째 주소에서 돌아야 하는데(다른 머신들의 설정이 그 주소를 가리킵니다), `docker run --ip …`이 실패하고 db가 뜨지 않습니다.",
  "db's static address lies in the part of the subnet Docker hands out by itself, and a container without --ip took it first":
    "db의 고정 주소가 서브넷 중 도커가 스스로 나눠 주는 부분에 있어서, --ip 없는 컨테이너가 먼저 가져갔다",
  "db's address is outside the team network's subnet": "db의 주소가 team 네트워크의 서브넷 밖에 있다",
  "db's address is the network's gateway": "db의 주소가 네트워크의 게이트웨이다",
  "the engine's default address pool has no free subnet left": "엔진의 기본 주소 풀에 남은 빈 서브넷이 없다",
  "Read the team network as Docker sees it (`docker network inspect`: IPAM.Config and the Containers map): who holds db's planned address, and why could Docker give it away?":
    "도커가 보는 대로 team 네트워크를 읽어 보세요(`docker network inspect`: IPAM.Config와 Containers 맵). db가 쓰기로 한 주소를 누가 가지고 있고, 도커는 왜 그 주소를 남에게 줄 수 있었을까요?",
  "A network cannot be changed in place: remove its containers and the network, create it again so that the part Docker hands out (--ip-range) leaves db's address out, then start worker and db.":
    "네트워크는 그 자리에서 바꿀 수 없습니다. 컨테이너들과 네트워크를 지우고, 도커가 나눠 주는 부분(--ip-range)에서 db의 주소가 빠지도록 다시 만든 다음, worker와 db를 띄우세요.",
  "team ({0}) has worker; db, planned at {1}, {2}.": "team({0})에는 worker가 있습니다. {1}(으)로 계획한 db: {2}.",
  "did not start": "시작하지 못했습니다",
  "engine.sh`docker rm -f {0} {1}`; engine.sh`docker network rm {2}`; engine.sh`docker network create --subnet {3} --ip-range {4}/25 {5}`; then worker (no --ip) and db with --ip {6}":
    "engine.sh`docker rm -f {0} {1}`; engine.sh`docker network rm {2}`; engine.sh`docker network create --subnet {3} --ip-range {4}/25 {5}`; 그다음 worker(--ip 없이)와 --ip {6}의 db",
  "db is not running at {0} on team.": "db가 team의 {0}에서 실행 중이 아닙니다.",
  "worker is not running any more.": "worker가 더 이상 실행 중이 아닙니다.",
  "db runs at {0}, but the team network {1}: the next restart can lose it again.":
    "db는 {0}에서 돌지만, team 네트워크는 {1}. 다음 재시작 때 다시 주소를 잃을 수 있습니다.",
  "still hands out {0}, which includes it": "여전히 그 주소가 든 {0}을(를) 나눠 줍니다",
  "hands out its whole subnet": "서브넷 전체를 나눠 줍니다",
  "db runs at {0}; team hands out only {1}, so no container without --ip can take it again.":
    "db가 {0}에서 돕니다. team은 {1}만 나눠 주므로, --ip 없는 어떤 컨테이너도 그 주소를 다시 가져갈 수 없습니다.",
  "You named why db could not start at its planned address and fixed the team network": "db가 계획한 주소로 뜨지 못한 이유를 말하고 team 네트워크를 고쳤다",

  // Shared by several checks
  "The lab is not set up.": "실습이 준비되어 있지 않습니다.",
  "{0} is {1}.": "{0}의 상태는 {1}입니다.",

  // 07.bip
  "The private engine runs with the new docker0 address (--bip) and your default address pool":
    "프라이빗 엔진이 새 docker0 주소(--bip)와 여러분의 기본 주소 풀로 돈다",
  "dockerd's options are fixed while it runs: restart the private engine with two of them, docker0's address (bip) and a default address pool (a base and a size).":
    "dockerd의 옵션은 도는 동안에는 바뀌지 않습니다. 두 가지 옵션, docker0의 주소(bip)와 기본 주소 풀(base와 size)을 주고 프라이빗 엔진을 재시작하세요.",
  "--bip takes docker0's own address with the prefix (…1/24), not the network address; the pool is the setup cell's `pool`, in /26 pieces.":
    "--bip에는 네트워크 주소가 아니라 docker0 자신의 주소를 프리픽스와 함께(…1/24) 줍니다. 풀은 setup 셀의 `pool`이고, /26 조각입니다.",
  "docker0 (in the engine's namespace) is {0}, not {1}.": "(엔진 네임스페이스의) docker0이 {1}이(가) 아니라 {0}입니다.",
  "without an address": "주소 없음",
  "The bridge network's subnet is {0}, expected {1}.": "bridge 네트워크의 서브넷이 {0}입니다. {1}이어야 합니다.",
  "Docker derives the default bridge's subnet from --bip; restart the engine with the bip above.":
    "도커는 기본 브리지의 서브넷을 --bip에서 정합니다. 위의 bip로 엔진을 재시작하세요.",
  "The engine's default address pools are {0}.": "엔진의 기본 주소 풀이 {0}입니다.",
  "docker0 is {0}; the default bridge network is {1} (gateway {2}); new networks come from {3} in /{4} pieces.":
    "docker0은 {0}, 기본 bridge 네트워크는 {1}(게이트웨이 {2})이고, 새 네트워크는 {3}에서 /{4} 조각으로 받습니다.",

  // 07.address-pool
  "A network created without --subnet got a /26 from your default address pool": "--subnet 없이 만든 네트워크가 여러분의 기본 주소 풀에서 /26을 받았다",
  "The private engine has no network named {0}.": "프라이빗 엔진에 {0}라는 이름의 네트워크가 없습니다.",
  "Exercise 2 creates a network on the private engine (engine.sh) and gives it no subnet: Docker picks one.":
    "실습 2는 프라이빗 엔진(engine.sh)에 서브넷을 주지 않고 네트워크를 만듭니다. 서브넷은 도커가 고릅니다.",
  "{0}'s subnet is {1}, not a /{2} of {3}.": "{0}의 서브넷이 {1}입니다. {3}의 /{2}가 아닙니다.",
  "Did you pass --subnet? Remove the network and create it without one, after restarting the engine with the pool (07.bip).":
    "--subnet을 줬나요? 풀로 엔진을 재시작한 뒤(07.bip), 네트워크를 지우고 --subnet 없이 다시 만드세요.",
  "No answer recorded for pooled-subnet.": "pooled-subnet에 기록된 답이 없습니다.",
  "The subnet Docker chose is in the network's IPAM config (docker network inspect, on the private engine).":
    "도커가 고른 서브넷은 네트워크의 IPAM 설정에 있습니다(프라이빗 엔진에서 docker network inspect).",
  "You recorded {0}, but {1}'s subnet is {2}.": "{0}을(를) 기록했는데, {1}의 서브넷은 {2}입니다.",
  "Record the subnet as Docker prints it in IPAM.Config.": "도커가 IPAM.Config에 출력하는 그대로 서브넷을 기록하세요.",
  "{0} got {1}: the first free /{2} of {3}.": "{0}은(는) {1}을(를) 받았습니다. {3}에서 처음으로 비어 있는 /{2}입니다.",

  // 07.custom-network
  "The custom network has your subnet, gateway, --ip-range, MTU option and bridge name":
    "custom 네트워크가 여러분이 정한 서브넷, 게이트웨이, --ip-range, MTU 옵션, 브리지 이름을 가진다",
  "Exercise 3's network is planned by you: subnet and gateway, the part Docker hands out (--ip-range), and two driver options (-o): the MTU and the bridge's name.":
    "실습 3의 네트워크는 여러분이 설계합니다. 서브넷과 게이트웨이, 도커가 나눠 주는 부분(--ip-range), 그리고 드라이버 옵션(-o) 두 가지: MTU와 브리지 이름입니다.",
  "{0} has the wrong {1}.": "{0}의 설정이 틀렸습니다: {1}.",
  "Networks cannot be changed in place: remove its containers and the network, then create it again.":
    "네트워크는 그 자리에서 바꿀 수 없습니다. 컨테이너들과 네트워크를 지운 다음 다시 만드세요.",
  "There is no bridge {0} in the engine's namespace.": "엔진의 네임스페이스에 브리지 {0}이(가) 없습니다.",
  "Docker creates the bridge when the network is created; recreate the network.": "도커는 네트워크를 만들 때 브리지를 만듭니다. 네트워크를 다시 만드세요.",
  "{0}: {1}, gateway {2} on bridge {3}, dynamic addresses from {4}, MTU {5}.": "{0}: {1}, 브리지 {3}의 게이트웨이 {2}, {4}에서 나눠 주는 동적 주소, MTU {5}.",

  // 07.static-and-range
  "dyn got its address from the --ip-range, fixed has the static --ip, and eth0's MTU is 1400 inside":
    "dyn은 --ip-range에서 주소를 받았고, fixed는 고정 --ip를 가지며, 안에서 본 eth0의 MTU는 1400이다",
  "The private engine has no container named {0}.": "프라이빗 엔진에 {0}라는 이름의 컨테이너가 없습니다.",
  "{0} runs on the custom network with busybox's httpd; {1}.": "{0}은(는) custom 네트워크에서 busybox의 httpd를 실행합니다. {1}.",
  "it gets the static address you chose (--ip)": "여러분이 고른 고정 주소(--ip)를 받습니다",
  "it gets no address from you: Docker picks one": "여러분이 주소를 주지 않으므로 도커가 고릅니다",
  "Start it: engine.sh`docker start {0}`.": "시작하세요: engine.sh`docker start {0}`.",
  "{0} is not on {1}.": "{0}이(가) {1}에 없습니다.",
  "Remove it and run: {0}.": "지우고 다음을 실행하세요: {0}.",
  "dyn has {0}, outside the ip-range {1}.": "dyn의 주소 {0}이(가) ip-range {1} 밖에 있습니다.",
  "Did you give dyn an --ip? Leave it out: Docker then picks from the ip-range.": "dyn에 --ip를 줬나요? 빼세요. 그러면 도커가 ip-range에서 고릅니다.",
  "eth0 inside dyn has MTU {0}, not {1}.": "dyn 안의 eth0 MTU가 {1}이(가) 아니라 {0}입니다.",
  "Create the network with -o com.docker.network.driver.mtu=1400 (07.custom-network).":
    "네트워크를 -o com.docker.network.driver.mtu=1400으로 만드세요(07.custom-network).",
  "fixed has {0}, not the static address {1}.": "fixed의 주소가 고정 주소 {1}이(가) 아니라 {0}입니다.",
  "Remove it and run it again with --ip {0}.": "지우고 --ip {0}으로 다시 실행하세요.",
  "dyn got {0} (from {1}), fixed kept {2} (outside the range, so Docker never hands it to anyone else).":
    "dyn은 {0}을(를) 받았고({1}에서), fixed는 {2}을(를) 지켰습니다(범위 밖이므로 도커가 절대 남에게 주지 않습니다).",

  // 07.safe-static
  "You chose a static address on custom that Docker can never hand to another container":
    "custom에서 도커가 절대 다른 컨테이너에게 줄 수 없는 고정 주소를 골랐다",
  "The custom network of exercise 3 is missing.": "실습 3의 custom 네트워크가 없습니다.",
  "Do exercise 3 first.": "실습 3을 먼저 하세요.",
  "Three things an address must not be: outside the subnet, the gateway or one a container already holds, and inside the part Docker hands out by itself (the ip-range).":
    "주소가 피해야 할 것이 세 가지 있습니다. 서브넷 밖의 주소, 게이트웨이나 이미 컨테이너가 가진 주소, 그리고 도커가 스스로 나눠 주는 부분(ip-range) 안의 주소입니다.",
  "No IPv4 address recorded for safe-static.": "safe-static에 기록된 IPv4 주소가 없습니다.",
  "{0} is outside {1}.": "{0}은(는) {1} 밖에 있습니다.",
  "{0} is the network's {1}.": "{0}은(는) 네트워크의 {1}입니다.",
  "own network address": "네트워크 주소 자체",
  "{0} is already held by a container on custom.": "{0}은(는) 이미 custom의 컨테이너가 가지고 있습니다.",
  "{0} is inside the ip-range {1}: a container without --ip may get it first.":
    "{0}은(는) ip-range {1} 안에 있습니다. --ip 없는 컨테이너가 먼저 가져갈 수 있습니다.",
  "{0} is in {1}, outside the range Docker hands out ({2}), and free.": "{0}은(는) {1} 안에, 도커가 나눠 주는 범위({2}) 밖에 있고, 비어 있습니다.",

  // 07.static-serves (hidden)
  "Hidden: fixed answers HTTP at its static address inside the engine's namespace": "숨은 체크: fixed가 엔진의 네임스페이스 안에서 고정 주소로 HTTP에 응답한다",
  "http://{0}/ answered.": "http://{0}/이 응답했습니다.",
  "http://{0}/ did not answer.": "http://{0}/이 응답하지 않았습니다.",
  "Run fixed with `httpd -f -p 80 -h /var/www` and --ip.": "fixed를 `httpd -f -p 80 -h /var/www`와 --ip로 실행하세요.",
  // The notebook's self-check
  "docker0 is {0}": "docker0이 {0}이다",
  "Run the exercise cell; the restart takes a few seconds.": "실습 셀을 실행하세요. 재시작에는 몇 초 걸립니다.",
};
