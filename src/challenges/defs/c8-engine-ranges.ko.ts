// Challenge c8 in Korean: the learner-visible strings of c8-engine-ranges.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{name}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "Two subnets that must never collide": "절대 겹치면 안 되는 두 서브넷",
  "This challenge runs its own Docker engine (`challenge.engine`, or `docker -H {engineHost}` from a terminal). Its docker0 sits on `172.17.0.0/16`, which is also the office network `{office}` the machine must reach. And on its network `{team}` (`{teamSubnet}`), the block `{staticBlock}` is reserved for static addresses (`--ip`), yet Docker hands addresses out of it: `{worker}` took `{dbIp}`, the database's. Make docker0 overlap neither `{office}` nor `{teamSubnet}`, make `{team}` hand out addresses only outside `{staticBlock}`, and run `{db}` at `{dbIp}` and `{worker}` with an address Docker picks.":
    "이 챌린지는 자기 Docker 엔진을 따로 띄웁니다(`challenge.engine`, 터미널에서는 `docker -H {engineHost}`). 그 엔진의 docker0는 `172.17.0.0/16`에 있는데, 이 머신이 닿아야 하는 사무실 네트워크 `{office}`도 거기입니다. 또 그 엔진의 네트워크 `{team}`(`{teamSubnet}`)에서 블록 `{staticBlock}`은 고정 주소(`--ip`)용으로 예약되어 있는데도 Docker가 거기서 주소를 나눠 줍니다: `{worker}`가 데이터베이스의 주소 `{dbIp}`를 가져갔습니다. docker0가 `{office}`와도 `{teamSubnet}`과도 겹치지 않게 하고, `{team}`이 `{staticBlock}` 밖에서만 주소를 나눠 주게 하고, `{db}`를 `{dbIp}`에서, `{worker}`를 Docker가 고른 주소로 실행하세요.",
  "Change the engine with its options (docker0's address), never the host's engine.":
    "엔진은 엔진 옵션(docker0의 주소)으로 바꾸고, 호스트의 엔진은 절대 건드리지 마세요.",
  "Keep `{team}`'s subnet `{teamSubnet}`.": "`{team}`의 서브넷 `{teamSubnet}`은 그대로 두세요.",
  "`challenge.engine.restart({ bip, defaultAddressPools })` in a notebook, `docker-net-lab challenge engine c8 --bip …` from a terminal":
    "노트북에서는 `challenge.engine.restart({ bip, defaultAddressPools })`, 터미널에서는 `docker-net-lab challenge engine c8 --bip …`",
  "`challenge.engine.sh` / `docker -H {engineHost}`: `network inspect`, `network create --subnet --ip-range`, `run --ip`":
    "`challenge.engine.sh` / `docker -H {engineHost}`: `network inspect`, `network create --subnet --ip-range`, `run --ip`",
  "the private engine's socket": "프라이빗 엔진의 소켓",
  "the office network docker0 must leave alone": "docker0가 건드리면 안 되는 사무실 네트워크",
  "the user network": "사용자 네트워크",
  "its subnet (keep it)": "그 서브넷 (그대로 둘 것)",
  "the block reserved for static addresses": "고정 주소용으로 예약된 블록",
  "the database container (static address)": "데이터베이스 컨테이너 (고정 주소)",
  "its address": "그 주소",
  "a container with a dynamic address": "동적 주소를 받는 컨테이너",
  "private engine of challenge c8: docker -H {0}; {1} took {2}": "챌린지 c8의 프라이빗 엔진: docker -H {0}; {1}이(가) {2}를 가져감",
  "The private engine's docker0 overlaps neither the office network nor the team network":
    "프라이빗 엔진의 docker0가 사무실 네트워크와도 팀 네트워크와도 겹치지 않는다",
  "The private engine does not answer.": "프라이빗 엔진이 응답하지 않습니다.",
  "Start the challenge again (start or reset): it starts the engine.": "챌린지를 다시 시작하세요(start 또는 reset). 그러면 엔진이 시작됩니다.",
  "docker0 is on {0}.": "docker0가 {0}에 있습니다.",
  "docker0 is on {0}, which overlaps {1}.": "docker0가 {0}에 있고, {1}과(와) 겹칩니다.",
  "docker0's address and prefix are an option of the engine, not of a network: they are set when dockerd starts (DOCKER_OPTS or daemon.json's bip), so the engine has to be restarted with a new one. Choose a range that overlaps neither given subnet.":
    "docker0의 주소와 프리픽스는 네트워크가 아니라 엔진의 옵션입니다. dockerd가 시작할 때 정해지므로(DOCKER_OPTS 또는 daemon.json의 bip) 새 값으로 엔진을 재시작해야 합니다. 주어진 두 서브넷 어느 쪽과도 겹치지 않는 범위를 고르세요.",
  "The option is --bip, docker0's own address with its prefix (e.g. x.y.z.1/24).":
    "옵션은 --bip, 곧 프리픽스를 붙인 docker0 자신의 주소입니다(예: x.y.z.1/24).",
  "The team network keeps its subnet and hands out addresses only outside the static block":
    "팀 네트워크가 서브넷을 유지하고 고정 블록 밖에서만 주소를 나눠 준다",
  "There is no network {team} on the private engine.": "프라이빗 엔진에 네트워크 {team}이(가) 없습니다.",
  "Create it again on the private engine, with its subnet.": "프라이빗 엔진에서 그 서브넷으로 다시 만드세요.",
  "{0} is on {1}, not {2}.": "{0}은(는) {2}가 아니라 {1}에 있습니다.",
  "Keep the team network's subnet.": "팀 네트워크의 서브넷은 그대로 두세요.",
  "{0}: subnet {1}, Docker hands out {2} only.": "{0}: 서브넷 {1}, Docker는 {2}에서만 나눠 줍니다.",
  "{0} hands out {1}, which overlaps the static block {2}.": "{0}이(가) {1}에서 나눠 주는데, 이는 고정 블록 {2}와 겹칩니다.",
  "{0} hands out its whole subnet: Docker may give away {1}.": "{0}이(가) 서브넷 전체에서 나눠 줍니다. Docker가 {1}을(를) 내줄 수 있습니다.",
  "A network's IPAM has a subnet and, optionally, a smaller range Docker picks dynamic addresses from; static addresses (--ip) may sit anywhere in the subnet. Keep the dynamic range and the static block apart.":
    "네트워크의 IPAM에는 서브넷이 있고, 선택적으로 Docker가 동적 주소를 고르는 더 작은 범위가 있습니다. 고정 주소(--ip)는 서브넷 안 어디에나 둘 수 있습니다. 동적 범위와 고정 블록을 떼어 놓으세요.",
  "The range is given when the network is created (--ip-range): the network has to be removed (its containers first) and created again.":
    "범위는 네트워크를 만들 때 줍니다(--ip-range). 네트워크를 지우고(그 컨테이너들부터) 다시 만들어야 합니다.",
  "db runs at its static address and worker at an address Docker picked from the range": "db가 고정 주소에서, worker가 Docker가 범위에서 고른 주소로 돈다",
  "{db} is not running at {dbIp} on {team}.": "{db}이(가) {team}에서 {dbIp}로 돌고 있지 않습니다.",
  "A static address is asked for with --ip when the container is started on the network (a subnet given with --subnet is needed).":
    "고정 주소는 컨테이너를 그 네트워크에서 시작할 때 --ip로 요청합니다(--subnet으로 준 서브넷이 있어야 합니다).",
  "{worker} does not run with an address from the team network's range.": "{worker}이(가) 팀 네트워크 범위의 주소로 돌고 있지 않습니다.",
  "Start worker on the team network without --ip, after the range is in place.": "범위를 정한 다음, worker를 --ip 없이 팀 네트워크에서 시작하세요.",
  "{0} at {1}, {2} at {3} (from {4}).": "{0}은(는) {1}, {2}은(는) {3}에 있습니다 ({4}에서).",
};
