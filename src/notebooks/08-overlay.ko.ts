// 08-overlay in Korean: every cell marker of 08-overlay.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=faa5100f
# 실습 08 · 오버레이(overlay) 네트워크, VXLAN, 그리고 다른 드라이버들

「Docker Network」(시드 003)의 *Network driver summary*를 정리하면 이렇습니다.

| 드라이버 | 이럴 때 알맞다 | 이 과정에서 다루는 곳 |
|---|---|---|
| `bridge` | 컨테이너들이 **한** 호스트 안에서 통신할 때 | 실습 01-04, 07 |
| `host` | 호스트와 네트워크를 격리하지 않을 때 | 실습 05 |
| `none` | 네트워크가 아예 없을 때(`lo`만) | 실습 05 |
| `overlay` | **서로 다른 도커 호스트**의 컨테이너가 통신할 때, 스웜(swarm) 서비스 | **이 실습** |
| `macvlan` | 컨테이너가 LAN 위의 물리 머신처럼, 각자 자기 MAC을 가지고 보여야 할 때 | 실습 06 |
| `ipvlan` | macvlan과 비슷하지만 자식들이 모두 부모의 MAC을 함께 쓸 때 | **이 실습**(커널이 지원하면) |
| 서드파티 플러그인 | 특수한 네트워크 스택(Weave, Calico, …) | **이 실습**(확인하는 방법) |

실습을 마치면 다음을 할 수 있습니다.

- 단일 노드 스웜과 attachable 오버레이 네트워크를 만든다.
- 오버레이 위 컨테이너의 두 다리(leg)와 오버레이의 MTU를 예측하고 읽는다.
- 컨테이너의 오버레이 쪽 다리를 따라 오버레이의 네임스페이스로 들어가 VXLAN id까지 찾는다.
- 커널에 ipvlan이 있는지 짐작하지 않고 직접 시험한다.
- 오버레이를 사이에 두고 한 컨테이너가 다른 컨테이너에 닿지 못하는 이유를 찾는다.

다른 실습과 같이 **예측** 셀이 먼저 나옵니다(*언제* 예측했는지만 평가합니다). 체크가 실패할 때마다 **힌트**가 한 단계씩 자세해집니다(`await lab.hint("08.…")`로 다음 단계를 볼 수도 있습니다).

**오버레이** 네트워크는 여러 호스트에 걸쳐 있습니다. 호스트마다 오버레이 하나당 작은 네임스페이스를 두고, 그 안에 리눅스 브리지(`br0`)와 **VXLAN** 인터페이스가 있습니다. VXLAN 인터페이스는 이더넷 프레임을 하나하나 UDP(포트 4789)로 감싸 다른 호스트로 보냅니다. 오버레이에는 노드가 하나뿐이어도 **스웜 모드(swarm mode)**가 필요합니다. `--attachable`을 주면 스웜 서비스뿐 아니라 평범한 `docker run` 컨테이너도 붙을 수 있습니다.

> **글에서는** 오버레이 네트워크가 서로 다른 호스트의 컨테이너를 잇는다고 합니다(「Docker Network」: "Overlay networks are best when you need containers running on different Docker hosts to communicate"). **지금의 엔진에서는** 노드가 하나여도 스웜 모드가 필요합니다(Docker 1.12부터. 그 전 엔진은 Consul이나 etcd 같은 외부 키-값 저장소가 필요했습니다).

**이번에도 프라이빗 엔진입니다.** `docker swarm init`은 (스웜을 떠나기 전까지) 엔진을 영구히 바꿉니다. 그래서 실습 07처럼 이 실습도 자기 네트워크 네임스페이스에서 **자기만의 엔진**을 띄우고, 여러분은 `engine.sh`(= `docker -H unix:///run/dnl-…/docker.sock`)로 그 엔진과 이야기합니다. 여러분의 엔진은 어떤 스웜에도 들어가지 않으며, 정리(teardown) 단계에서 프라이빗 엔진이 스웜을 떠나고 지워집니다.
*/

// %% code setup en=d16adc82
// 프라이빗 엔진을 띄우고 toolbox 이미지를 그 안에 복사합니다
// 엔진 네임스페이스 안의 docker0

/* %% md ex1-md en=e59f5ba5
## 1 · 단일 노드 스웜

### 실습 1 · 프라이빗 엔진에서 `docker swarm init`

프라이빗 엔진(`engine.sh`)을 노드 하나짜리 스웜으로 만드세요. `docker swarm init`에는 다른 노드들이 이 노드에 닿을 주소(`--advertise-addr`: 엔진 네임스페이스 안의 docker0 주소인 `advertise`를 쓰세요)와, 서브넷 없이 만든 스웜 네트워크가 서브넷을 가져갈 풀(`--default-addr-pool swarmPool`, /24 조각으로: `--default-addr-pool-mask-length`)을 줍니다.
*/

// %% exercise ex1 type=build concepts=18 en=4e5fa624
// 실습 1: 프라이빗 엔진에서 단일 노드 스웜을 초기화합니다.

// %% solution ex1 en=4e5fa624
// 실습 1: 프라이빗 엔진에서 단일 노드 스웜을 초기화합니다.

// %% code ex1-self en=22b0831c
// 셀프 체크: `docker info`의 스웜 항목.

// %% check ex1-check 08.swarm en=e3b0c442

/* %% md ex2-md en=6a2c0816
## 2 · attachable 오버레이 네트워크

이제 오버레이 네트워크를 만들고 그 위에 c1을 띄웁니다. 먼저 예측해 보세요.
*/

// %% predict p-legs c1-legs en=e3b0c442

// %% solution p-legs en=e3b0c442

// %% predict p-mtu overlay-mtu en=e3b0c442

// %% solution p-mtu en=e3b0c442

/* %% md ex2-task en=61b5d014
### 실습 2 · `ov`를 만들고 그 위에 c1과 c2 띄우기

프라이빗 엔진에서, `ov`라는 이름에 서브넷이 `overlaySubnet`이고, 평범한 `docker run`으로 시작한 컨테이너도 붙을 수 있는(스웜 서비스만이 아니라: *attachable* 플래그) 오버레이 네트워크를 만드세요. 그다음 그 위에 `c1`과 `c2`를 각각 `httpd -f -p 80 -h /var/www`로 띄우세요. 실습 셀의 `engine.step` 안에서 하세요. 엔진의 네임스페이스에 무엇이 생겼는지 보여 줍니다(docker_gwbridge를 찾아보세요).
*/

// %% exercise ex2 type=build concepts=18 en=bd1069d3
// 실습 2: attachable 오버레이 `ov`를 만들고, 그 위에 c1과 c2를 띄웁니다.
// 여기에 명령을 쓰세요

// %% solution ex2 en=d1c4d42d
// 실습 2: attachable 오버레이 `ov`를 만들고, 그 위에 c1과 c2를 띄웁니다.

// %% code ex2-self en=5f09be84
// 셀프 체크: c1의 인터페이스(busybox ip, 파싱한 결과): 오버레이 쪽 eth0, docker_gwbridge 쪽 eth1.

// %% check ex2-check 08.overlay-network 08.overlay-containers en=e3b0c442

/* %% md ex3-md en=c90fa664
## 3 · VXLAN 인터페이스와 그 네임스페이스

도커는 호스트마다 오버레이 네트워크 하나당 네임스페이스 하나를 두고, 엔진의 exec 루트 아래에 파일로 남깁니다: `EXECROOT/netns/1-<네트워크 id의 앞 10글자>`(여러분의 엔진이라면 `/var/run/docker/netns/1-…`). `nsenter --net=FILE`로 그 안에서 명령을 실행할 수 있습니다. 그 안에는 브리지 하나, 로컬 컨테이너마다 veth 하나, 그리고 이 네트워크의 프레임에 선(wire) 위에서 붙는 꼬리표인 **VNI**(VXLAN id)를 가진 **vxlan** 링크가 있습니다.

### 실습 3 · c1의 오버레이 쪽 다리 따라가기

c1의 오버레이 쪽 인터페이스에는 `@ifN`이 붙어 있습니다. 여기서 N은 호스트가 아니라 **오버레이의 네임스페이스 안의** ifindex입니다. 그 안에서 그 링크를 찾고, 그 링크가 꽂힌 브리지(`master`), 그리고 vxlan 링크의 VXLAN id(`kindData.id`)를 찾으세요. `{ peer, bridge, vni }`를 `"c1-overlay-path"`로 기록하세요.
*/

// %% exercise ex3 type=reason concepts=18 en=ac2be0f2
// 실습 3: 오버레이 네임스페이스 안에서 본 c1의 오버레이 쪽 다리를 "c1-overlay-path"로 기록합니다: { peer, bridge, vni }.

// %% solution ex3 en=ac2be0f2
// 실습 3: 오버레이 네임스페이스 안에서 본 c1의 오버레이 쪽 다리를 "c1-overlay-path"로 기록합니다: { peer, bridge, vni }.

// %% check ex3-check 08.vxlan en=e3b0c442

/* %% md draw-md en=c5d6c477
프라이빗 엔진의 네임스페이스를 호스트처럼 그립니다. 오버레이 네트워크는 그 네임스페이스의 리눅스 브리지가 아니므로(그 `br0`은 위에서 본 오버레이 자신의 네임스페이스에 있습니다), 그림에는 컨테이너의 **두 번째** 다리인 `docker_gwbridge`가 나옵니다.
*/

// %% code draw en=e3b0c442

/* %% md ex4-md en=8eae03ec
## 4 · 플러그인 드라이버와 ipvlan

`docker info`는 이 엔진이 아는 네트워크 드라이버 목록을 보여 줍니다. 서드파티 드라이버는 **플러그인(plugin)**으로 들어옵니다(`docker plugin install …`, 목록은 `docker plugin ls`). 여기에는 설치된 플러그인이 없고, 이 머신에는 플러그인을 받아 올 레지스트리(registry)도 없습니다.
*/

// %% code drivers concepts=18 en=e3b0c442

/* %% md ex4b-md en=2b838be1
도커는 드라이버 목록에 `ipvlan`을 보여 줍니다. 예측해 보세요.
*/

// %% predict p-ipvlan ipvlan-kernel en=e3b0c442

// %% solution p-ipvlan en=e3b0c442

/* %% md ex4-task en=b84303e2
### 실습 4 · 여기서 ipvlan을 쓸 수 있을까?

짐작하지 말고 시험해 보세요. 임시 네임스페이스(`scratch`)에 veth 쌍을 만들고, 한쪽 끝에 `ipvlan` 종류(모드 `l2`)의 링크를 달아 보세요. 그 명령 하나의 실패만 잡아내고, 결과와 상관없이 임시 네임스페이스를 지운 다음, 성공했는지(`true` 또는 `false`)를 `"ipvlan-available"`로 기록하세요.
*/

// %% exercise ex4 type=observe concepts=18 en=02ac52ec
// 실습 4: 임시 네임스페이스에서 ipvlan을 시험하고 "ipvlan-available"(true/false)을 기록합니다.

// %% solution ex4 en=02ac52ec
// 실습 4: 임시 네임스페이스에서 ipvlan을 시험하고 "ipvlan-available"(true/false)을 기록합니다.

// %% code ex4-self en=5299b26f
// 알아낸 것을 예측과 나란히 봅니다.

// %% check ex4-check 08.ipvlan-detected en=e3b0c442

/* %% md trouble-md en=a1f06eaa
## 5 · 트러블슈팅: c1에 닿지 못하는 컨테이너

다음 셀은 프라이빗 엔진에 `c3`를 띄웁니다(여러분의 세션 안에서만). c3는 이름으로 c1에 닿아야 하는데, 닿지 못합니다. 프라이빗 엔진의(`engine.sh`) `docker inspect`, `docker network inspect`, 그리고 오버레이 네임스페이스에 대해 배운 것으로 이유를 찾고, 원인을 말한 다음 고치세요.
*/

// %% code scenario concepts=18 en=ce08d0bb
// 내장 DNS가 모르는 이름은 포워더가 타임아웃되어야 실패합니다(Docker 20.10에서 10초): 2초 뒤에 멈춥니다.

// %% exercise ex5 type=troubleshoot concepts=18 en=eb97145a
// 실습 5: c3(lab.name("c3"))가 이름으로 c1에 닿지 못하는 이유를 찾고, 원인을 말하고, 고칩니다.
// 1. 살펴보기: 필요한 만큼 셀을 추가하세요.
// 2. 원인 말하기: await lab.diagnose("…");   (위에 나온 원인 중 하나)
// 3. 고치기.

// %% solution ex5 en=2d063363
// 실습 5: c3(lab.name("c3"))가 이름으로 c1에 닿지 못하는 이유를 찾고, 원인을 말하고, 고칩니다.
// c3는 다른 오버레이에 있습니다

// %% check ex5-check 08.c3-fixed en=e3b0c442

/* %% md all-md en=4fdea21f
## 전체 체크

예측(제때 했는지)을 먼저 보고, 모든 체크를 다시 실행합니다(채점기는 숨은 체크도 하나 돌립니다. c1이 오버레이를 건너 내장 DNS(embedded DNS)로 c2에 **이름으로** 닿는지 봅니다).
*/

// %% check predictions-check 08.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=5b23332e
## 정리(teardown)

프라이빗 엔진이 스웜을 떠나고(`docker swarm leave --force`) 멈춥니다. 엔진의 네임스페이스(엔진, 오버레이, 컨테이너의 것), 마운트, 디렉터리를 지우고, 임시 네임스페이스가 남아 있으면 그것도 지웁니다. 여러분의 엔진은 한 번도 스웜에 들어간 적이 없습니다. 두 번 실행해도 문제없습니다.
*/

// %% teardown teardown en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작합니다. 실습이 만든 객체는 레이블로 찾습니다.
