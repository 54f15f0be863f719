// 01-docker0 in Korean: every cell marker of 01-docker0.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=54f615e1
# 실습 01 · docker0: 기본 브리지(bridge)

여러분이 읽은 글들(시드 000, 001, 002, 004)은 모두 같은 장면으로 시작합니다. 도커를 설치하고 `ifconfig`를 쳐 보면 **docker0**라는 새 인터페이스가 보입니다. 시드 000의 말로는 "Docker host를 설치한 후 host의 network interface를 보면, docker 0 이라는 interface를 볼 수 있다." 이 실습에서는 실제 엔진에서 그것을 직접 들여다봅니다. 다 마치면 다음을 할 수 있습니다.

- docker0가 리눅스 브리지라는 것, 그리고 어떤 인터페이스가 거기에 꽂혀 있는지 보이기
- 새 컨테이너가 어떤 주소를 받는지, 누가 그 주소를 나눠 주는지 말하기
- 컨테이너 안에서 게이트웨이(gateway)를 찾고, 그 주소를 가진 호스트 인터페이스 찾기
- `docker network inspect bridge` 읽기 (IPAM, Containers 맵, Options)
- 컨테이너가 왜 응답하지 않는지 알아내고 고치기

**이 실습의 진행 방식.** 모든 명령은 진짜입니다. 이 머신의 Docker 엔진에서 실행됩니다. `lab.sh`는 명령을 실행하고 그 출력을 보여 주며, 파서(parser)가 그 텍스트를 타입이 있는 객체로 바꿉니다. 여러분이 만드는 모든 것은 `lab.name(...)`에서 이름(예: `dnl-ab12-01-web1`)을 받고 실습의 레이블(label)이 붙으므로, *Teardown* 셀은 여러분이 만든 것만 정확히 지웁니다.

- **예측(Prediction)** 셀은 명령을 실행하기 전에 나옵니다. 추측을 쓰고 셀을 실행한 다음, 뒤따르는 셀을 실행하세요. 여러분의 추측이 호스트의 실제 결과 옆에 이유와 함께 나옵니다. 맞았는지가 아니라 *언제* 예측했는지만 점수에 들어갑니다.
- **연습(Exercise)** 셀은 여러분이 채웁니다. 그 뒤에 *자가 점검(self-check)*, 그다음 *채점 체크(graded check)*가 올 수 있습니다 (강사의 채점기가 실제 호스트를 대상으로 다시 실행합니다).
- 체크가 실패하면 **힌트**가 나옵니다. 첫 힌트는 개념과 볼 곳을 알려 주고, 다시 실패하면 더 자세해집니다. `await lab.hint("01.…")`로 다음 단계를 요청할 수 있고, 정확한 명령은 맨 마지막에 나옵니다.

> **Docker Desktop (Mac, Windows)**: 엔진이 작은 리눅스 VM 안에서 돕니다. docker0, veth, iptables 규칙은 모두 그 VM 안에 있어서, Mac이나 Windows 호스트에서 `ip link`를 쳐도 하나도 보이지 않고 컨테이너 주소도 호스트에서 응답하지 않습니다. 이 실습은 리눅스 호스트나 이 저장소의 devcontainer(자체 엔진을 가져옵니다)에서 하세요.
*/

// %% code setup en=e3b0c442

/* %% md docker0-md en=b3bbb084
## 1 · docker0는 브리지다

시드 000은 `ifconfig`로 docker0를 보여 주고, "이 docker0은 일반적은 interface가 아니고, virtual ethernet bridge이다"라고 설명합니다. 시드의 명령은 지금도 동작하고, 그것을 대신하는 요즘 명령도 있습니다. 이 실습은 둘 다 보여 줍니다.

| 시드의 명령 | 요즘 명령 | 보여 주는 것 |
|---|---|---|
| `ifconfig` (net-tools) | `ip addr`, `ip -d link` (iproute2) | 인터페이스와 주소. `-d`는 링크 **종류(kind)**를 더함 |
| `brctl show docker0` (bridge-utils) | `ip link show master docker0`, `bridge link` | 브리지의 포트(port) |
| 컨테이너 안의 `route` | `ip route` (또는 이름 조회를 안 하는 `route -n`) | 라우팅 테이블(routing table) |
| `docker inspect --type network bridge` | `docker network inspect bridge` | 같은 JSON |

`ip -d link`는 링크의 **종류**를 출력하고, `-j`는 JSON으로 출력하며 파서가 그것을 객체로 바꿉니다. 왼쪽이 출력된 그대로, 오른쪽이 그 의미입니다.
*/

// %% code docker0-link concepts=1 en=e3b0c442

/* %% md ex1-md en=a6edfc35
### 연습 1 · Docker 기본 네트워크 뒤의 링크

`ifconfig`로는 브리지와 랜카드를 구별할 수 없지만 `ip -d link`로는 구별할 수 있습니다. 그런데 docker0가 정말 Docker가 쓰는 링크일까요? 두 출처를 이어 붙이세요. Docker는 기본 네트워크(`bridge`)의 리눅스 브리지 이름을 그 네트워크의 Options에 적어 둡니다 (`docker network inspect bridge`를 `parseNetworkInspect`로 파싱: `options["com.docker.network.bridge.name"]`). 그리고 커널은 그것이 어떤 종류의 링크인지 알려 줍니다. 그 링크의 종류를 `"docker0-kind"`로 기록하세요.
*/

// %% exercise ex1 type=reason concepts=1 en=b40b7ff9
// 연습 1: Docker 기본 네트워크가 쓰는 링크의 종류를 "docker0-kind"로 기록하세요.

// %% solution ex1 en=b40b7ff9
// 연습 1: Docker 기본 네트워크가 쓰는 링크의 종류를 "docker0-kind"로 기록하세요.

// %% check ex1-check 01.docker0-is-bridge en=e3b0c442

/* %% md uplink-md en=29a7eede
브리지는 가상 스위치입니다. 거기에 꽂힌 인터페이스가 브리지의 **포트**입니다. 시드 001은 "docker0 브리지는 각 veth인터페이스와 바인딩되 호스트의 eth0 인터페이스와 이어주는 역할을 합니다"라고 말합니다. docker0의 포트를 보기 전에 예측해 보세요.
*/

// %% predict p-uplink uplink-on-docker0 en=e3b0c442

// %% solution p-uplink en=e3b0c442

// %% code uplink-view concepts=1 en=e3b0c442

/* %% md uplink-box en=f9bc77e2
> **글의 설명**: docker0가 컨테이너들을 호스트의 eth0에 이어 준다. **요즘 엔진에서는** (예전 엔진도 마찬가지로) docker0가 업링크(uplink)와 브리지로 묶여 있지 않습니다. 위의 포트 목록을 보세요. 컨테이너의 패킷은 docker0에 도착하고, 호스트가 그것을 업링크로 **라우팅**하며, 아웃바운드 NAT가 호스트의 주소를 붙여 줍니다(실습 03).
>
> **The post says** docker0 connects the containers to the host's eth0. **On today's engines**, as on the old ones, docker0 is not bridged to the uplink: the host routes a container's packet from docker0 to the uplink, and outbound NAT gives it the host's address (lab 03).
*/

/* %% md ex2-md en=72841142
## 2 · 컨테이너는 docker0 서브넷에서 주소를 받는다

이제 `--network` 옵션 **없이** 컨테이너 두 개를 띄웁니다. 그러면 기본 브리지에 붙습니다. 시드 001의 말대로 "도커는 컨테이너에 내부 IP를 순차적으로 할당하며, 이 IP는 컨테이너를 재시작할 때마다 변경될 수 있습니다." 띄우기 전에 예측해 보세요.
*/

// %% predict p-web2 web2-address en=e3b0c442

// %% solution p-web2 en=e3b0c442

/* %% md ex2-task en=e3eaf084
### 연습 2 · 기본 브리지에 `web1`과 `web2` 띄우기

변수 `web1`과 `web2`의 이름으로, 실습 이미지 `lab.image`(`ip`, `ping`, `httpd` 등이 든 2 MB짜리 busybox)에서, 네트워크 옵션 없이 백그라운드(detached) 컨테이너 두 개를 띄우세요. 각각 웹 서버 `httpd -f -p 80 -h /var/www`를 실행합니다. `-f`는 포그라운드에 머물게 하므로 컨테이너가 계속 돕니다.

`lab.step(…)` 안에서 하세요. 여러분의 명령이 호스트에서 무엇을 바꿨는지 빨간색으로 보여 줍니다.
*/

// %% exercise ex2 type=build concepts=2 en=25a25ace
// 연습 2: 기본 브리지에 web1과 web2를 띄우고, 각각 httpd -f -p 80 -h /var/www를 실행하세요.
// 여기에 명령 두 개

// %% solution ex2 en=52638400
// 연습 2: 기본 브리지에 web1과 web2를 띄우고, 각각 httpd -f -p 80 -h /var/www를 실행하세요.

// %% code ex2-self en=5b23b575
// 자가 점검: 두 컨테이너가 모두 실행 중인가.

// %% check ex2-check 01.two-containers en=e3b0c442

/* %% md web2-md en=dbe5ce00
web2는 무엇을 받았을까요? 시드 004는 `docker inspect $(docker ps -q)`를 `IPAddress`로 grep합니다. Go 템플릿을 쓰면 바로 그 필드만, 네트워크별로 물어볼 수 있습니다 (컨테이너는 여러 네트워크에 붙을 수 있습니다).
*/

// %% code web2-view concepts=2 en=e3b0c442

/* %% md draw-md en=a2c28853
아래 그림은 실제 호스트에서 그린 것입니다. docker0(마름모), 여러분의 컨테이너(사각형), 그리고 각 선 위에는 컨테이너를 브리지에 꽂는 **veth 쌍(veth pair)**의 호스트 쪽 끝이 있습니다 (실습 02에서 자세히 봅니다).

> **글의 설명** (시드 002, 2015년): "IP 는 자동으로 172.17.42.1 로 설정 되며 16 bit netmask(255.255.0.0) 로 설정된다." 그리고 그 컨테이너는 172.17.0.1입니다. **요즘 엔진에서는** docker0가 172.17.0.1이고 첫 컨테이너가 172.17.0.2를 받습니다. 게이트웨이가 서브넷의 첫 주소를 가져갑니다.
>
> **The post says** (seed 002, 2015) docker0 is 172.17.42.1 and its container 172.17.0.1. **On today's engines** docker0 is 172.17.0.1 and the first container gets 172.17.0.2: the gateway takes the first address of the subnet.
*/

// %% code draw concepts=2 en=e3b0c442

/* %% md inside-md en=c145e45d
## 3 · 컨테이너 안: `eth0`, `lo`, 그리고 게이트웨이

컨테이너는 자기만의 네트워크 네임스페이스(network namespace)를 가지므로 자기 인터페이스만 봅니다. 시드 001도 "컨테이너 내부에서 ifconfig를 입력해 컨테이너의 네트워크 인터페이스에 eth0과 lo 네트워크 인터페이스가 있는 것을 확인했습니다"라고 씁니다. `eth0@ifN`에 주목하세요. N은 호스트에 있는 veth 쌍 반대쪽 끝의 인덱스입니다 (실습 02).

eth0의 MAC 주소는 엔진에 따라 다릅니다. Docker 27까지는 `02:42` 뒤에 컨테이너 IPv4 주소의 네 바이트가 붙고(172.17.0.2 → `02:42:ac:11:00:02`), Docker 28부터는 무작위입니다. 다음다음 셀이 여러분의 엔진은 어느 쪽인지 알려 줍니다.
*/

// %% code inside-addr concepts=3 en=e3b0c442

// %% code inside-mac concepts=3 en=7e7db910
// 이 엔진에서 eth0의 MAC이 어디서 오는가.

/* %% md nsenter-box en=629a041b
> **글의 설명** (시드 004): 컨테이너 안에서 셸을 열고 `apt install iproute2`를 해야 인터페이스를 볼 수 있다. **요즘은** 컨테이너 안에 아무것도 설치할 필요가 없습니다. `nsenter -t PID -n`은 호스트의 `ip`를 컨테이너의 네트워크 네임스페이스 안에서 실행합니다 (PID는 `docker inspect`로 얻는 컨테이너의 메인 프로세스). 도구가 하나도 없는 이미지에서도 됩니다.
>
> **The post says** (seed 004) open a shell in the container and `apt install iproute2`. **Today** you need nothing inside the container: `nsenter -t PID -n` runs the host's own `ip` in the container's network namespace, also for images with no tools at all.
*/

// %% code nsenter concepts=3 en=e3b0c442

/* %% md gw-md en=ed3b6239
web1은 자기 서브넷 밖의 주소로 가는 패킷을 어디로 보낼까요? 시드 000은 "이 container의 gateway는 docker0에 설정된 ip인 172.17.0.1로 되어져 있다"고 말합니다. 예측한 다음 라우팅 테이블을 보세요 (시드의 `route`와 요즘의 `ip route`를 나란히).
*/

// %% predict p-gw web1-gateway en=e3b0c442

// %% solution p-gw en=e3b0c442

// %% code gw-view concepts=3 en=e3b0c442

/* %% md ex3-md en=f8d0778d
### 연습 3 · web1의 게이트웨이는 누구 것인가?

두 사실을 이어 붙이세요. web1 기본 경로(default route)의 게이트웨이(web1 안에서 읽음)와, 그 주소를 가진 호스트 인터페이스(호스트에서 모든 인터페이스와 주소를 읽음)입니다. 그 인터페이스의 이름을 `"gateway-owner"`로 기록하세요.
*/

// %% exercise ex3 type=reason concepts=3 en=17378800
// 연습 3: web1의 기본 게이트웨이 주소를 가진 호스트 인터페이스의 이름을 "gateway-owner"로 기록하세요.

// %% solution ex3 en=17378800
// 연습 3: web1의 기본 게이트웨이 주소를 가진 호스트 인터페이스의 이름을 "gateway-owner"로 기록하세요.

// %% check ex3-check 01.gateway-owner en=e3b0c442

/* %% md inspect-md en=7e4db8fb
## 4 · 같은 사실을 Docker 쪽에서: `docker network inspect bridge`

시드 001, 003, 004는 `docker network ls`와 `docker network inspect bridge`를 씁니다 (시드 001: "docker inspect --type network를 사용해도 동일한 출력 결과를 볼 수 있습니다"). 파싱된 결과는 중요한 것만 남깁니다. IPAM(서브넷, 게이트웨이), `Containers` 맵(이 네트워크의 모든 컨테이너와 주소), 그리고 브리지 드라이버의 `Options`입니다.
*/

// %% code inspect concepts=4 en=e3b0c442

/* %% md ex4-md en=8121e38a
### 연습 4 · 서브넷과 web1 항목

파싱된 `bridge` 네트워크에서 IPAM 서브넷을 `"bridge-subnet"`으로, Containers 맵에 있는 web1의 `ipv4Address`(출력 그대로, `/프리픽스` 포함)를 `"web1-inspect-address"`로 기록하세요.
*/

// %% exercise ex4 type=record concepts=4 en=9bdb95c7
// 연습 4: "bridge-subnet"과 "web1-inspect-address"를 기록하세요.

// %% solution ex4 en=9bdb95c7
// 연습 4: "bridge-subnet"과 "web1-inspect-address"를 기록하세요.

// %% check ex4-check 01.inspect-bridge en=e3b0c442

/* %% md ex5-md en=ff094f26
### 연습 5 · 아웃바운드 NAT를 끄는 Option은?

Options는 브리지 드라이버를 설정합니다. 거기 붙은 컨테이너끼리 통신해도 되는지, 게시된 포트가 어느 호스트 주소에 바인딩되는지, 브리지의 이름, MTU, 그리고 나가는 패킷의 출발지 주소를 호스트가 바꿔 쓸지(아웃바운드 NAT, 실습 03)입니다. 컨테이너의 패킷이 NAT **없이** 나가게 하려면 `false`로 둘 Option을 골라, 그 전체 이름을 `"nat-option"`으로 기록하세요.
*/

// %% exercise ex5 type=reason concepts=4 en=7f47bf5c
// 연습 5: 아웃바운드 NAT를 끄는 Option의 이름을 "nat-option"으로 기록하세요.

// %% solution ex5 en=7f47bf5c
// 연습 5: 아웃바운드 NAT를 끄는 Option의 이름을 "nat-option"으로 기록하세요.

// %% check ex5-check 01.nat-option en=e3b0c442

/* %% md trouble-md en=f8db258a
## 5 · 트러블슈팅: 응답하지 않는 컨테이너

다음 셀은 세 번째 컨테이너 `web3`를 띄우고, 그 안의 무언가를 고장 냅니다 (여러분의 세션 안에서만). 이 실습의 도구로 무엇이 고장 났는지 알아내세요. 컨테이너 안의 `ip` 출력을 파싱한 결과(`docker exec`나 `nsenter`), `docker network inspect bridge`, `lab.draw()`가 있습니다. 그다음 원인을 지정하고 고치세요.
*/

// %% code scenario concepts=2,3 en=e3b0c442

// %% exercise ex6 type=troubleshoot concepts=2,3,4 en=ee4ba06e
// 연습 6: web3가 왜 응답하지 않는지 알아내고, 원인을 지정하고, 고치세요.
// 1. 살펴보기: 셀은 마음대로 추가하세요 (web3의 이름은 lab.name("web3")).
// 2. 원인 지정: await lab.diagnose("…");   (위에 나온 원인 중 하나)
// 3. 고치기, 무엇이 바뀌었는지 보려면 step 안에서:
// await lab.step("fix web3", async () => { … });

// %% solution ex6 en=b1a9987f
// 연습 6: web3가 왜 응답하지 않는지 알아내고, 원인을 지정하고, 고치세요.
// 주소는 같고 프리픽스가 다르며, 경로는 하나도 없다

// %% check ex6-check 01.web3-fixed en=e3b0c442

/* %% md ex7-md concepts=19 en=84bfa35f
## 6 · 안전하게 정리하기

시드 003은 `docker rm -f $(docker ps -aq)`로 정리합니다. 그런데 `docker ps -aq`는 머신의 **모든** 컨테이너를, 여러분이 다른 일로 만든 것까지 나열하고, `rm -f`는 그것을 전부 지웁니다. 안전한 정리는 *이 실습*이 만든 것만 정확히 담은 목록에서 시작합니다. 실습이 만든 모든 것에는 레이블 두 개가 붙어 있습니다: `io.docker-net-lab.session`(여러분의 세션, `lab.session.session`)과 `io.docker-net-lab.lab`(`01`).

> **글의 설명** (시드 003): `docker rm -f $(docker ps -aq)`. **요즘**, 다른 컨테이너와 함께 쓰는 머신에서는 레이블 필터로 자기 것만 고르세요.
>
> **The post says** (seed 003) `docker rm -f $(docker ps -aq)`. **Today**, on a machine shared with other containers, pick only your own with label filters.

### 연습 7 · 이 실습의 컨테이너만 나열하기

`docker ps`와 레이블 필터로 그 목록을 만들고(멈춘 컨테이너도 포함), 이름을 정렬해 `"my-containers"`로 기록하세요. *Teardown* 셀이 지우는 것이 바로 이 목록입니다.
*/

// %% exercise ex7 type=reason concepts=19 en=fd30b7bd
// 연습 7: 이 실습의 컨테이너 이름을 정렬해 기록하세요 (`docker ps -aq`가 아니라 레이블 필터로).

// %% solution ex7 en=fd30b7bd
// 연습 7: 이 실습의 컨테이너 이름을 정렬해 기록하세요 (`docker ps -aq`가 아니라 레이블 필터로).

// %% check ex7-check 01.safe-cleanup en=e3b0c442

/* %% md all-md en=9249568c
## 모든 체크

여러분의 예측(제때 했는지), 그리고 이 실습의 모든 체크를 다시 실행합니다. 강사의 채점기도 실제 호스트를 대상으로 이것들과 숨은 체크 하나를 실행합니다. 스스로 "통과"를 출력해도 점수가 되지 않습니다.
*/

// %% check predictions-check 01.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=6cd53278
## 정리(Teardown): 만든 것만, 그것만 지우기

아래 셀은 여러분의 세션에서 이 실습의 레이블이 붙은 객체(연습 7의 목록)만 정확히 지우고, 그 밖에는 아무것도 건드리지 않습니다. 다 마치면 실행하세요. 두 번 실행해도 괜찮습니다.
*/

// %% teardown teardown concepts=19 en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작합니다: 실습의 객체는 레이블로 찾습니다.
