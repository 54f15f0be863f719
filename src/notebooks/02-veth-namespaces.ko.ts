// 02-veth-namespaces in Korean: every cell marker of 02-veth-namespaces.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=f4053506
# 실습 02 · veth 쌍과 네트워크 네임스페이스(network namespace)

시드 000, 001, 002, 004는 한결같이 말합니다. 실행 중인 컨테이너마다 가상 인터페이스 **한 쌍**, 곧 *veth 쌍(veth pair)*이 생깁니다. 시드 002의 말로는 "container가 생성되면, 이 pair interface 의 한 쪽은 container 내부 namespace에 할당되며 우리에게 친숙한 이름인 eth0 라는 이름으로 할당된다. 그리고 나머지 하나는 vethXXXX 라는 이름으로 docker0 bridge에 binding되는 형태이다." 시드 000은 두 끝이 "마치 direct로 연결한 두 대의 PC처럼 packet을 주고받는다"고 합니다. 다 마치면 다음을 할 수 있습니다.

- 컨테이너의 `eth0`를 호스트의 `vethXXXX`와 이름이나 순서가 아니라 인터페이스 인덱스(`eth0@ifN`)로 짝짓기
- docker0에 실행 중인 컨테이너마다 포트가 하나씩 있다는 것을 예측하고 측정하기
- 같은 것을 `ip netns`로 **손으로** 만들기 (시드 004의 *네임스페이스*, 시드 002의 *mininet* 발상): Docker가 하는 일은 이보다 더 마법 같지 않습니다
- 손으로 만든 네임스페이스가 왜 이웃에 닿지 못하는지 찾기

실습 01처럼 **예측** 셀이 먼저 나오고(*언제* 예측했는지만 점수에 들어갑니다), **연습** 셀은 여러분이 채우며, 실패한 체크의 **힌트**는 실패할 때마다(또는 `await lab.hint("02.…")`로) 자세해지고, 정확한 명령은 맨 마지막에 나옵니다.

이름: 컨테이너는 `lab.name("c1")` 등이고, 커널 객체(네임스페이스, 호스트 인터페이스, 브리지)는 15자 이하이며 `dnl<세션>`으로 시작합니다. *Teardown* 셀이 이것들을 모두 지우고, 그 밖에는 아무것도 지우지 않습니다.

> **Docker Desktop (Mac, Windows)**: veth는 호스트가 아니라 Docker의 리눅스 VM 안에 있습니다. 리눅스 호스트나 devcontainer를 쓰세요.
*/

// %% code setup concepts=6 en=7878d880
// 손으로 만드는 3부에 쓸 것을 준비하며 실행한 명령을 보여 줍니다
// 3부에서 쓸 커널 이름 (네임스페이스 A, B, C, 브리지, veth의 호스트 쪽 끝):
// 이 호스트에서 여러분의 세션을 위해 비어 있는 것을 고름

/* %% md run-md en=f1524fd4
## 1 · 컨테이너마다 veth 하나

다음 셀은 기본 브리지에 컨테이너 세 개를 띄웁니다 (`--network` 옵션 없음, `sleep 3600`이 각각을 계속 돌게 함). `lab.step` 안에서 띄우므로 무엇이 생겼는지 보입니다. 실행하기 전에 예측해 보세요.
*/

// %% predict p-three veths-for-three en=e3b0c442

// %% solution p-three en=e3b0c442

// %% code run concepts=5 en=249dd4d1
// 이미 있음: 이 셀을 두 번 실행해도 괜찮다

/* %% md run-box en=73abacb7
> **글의 설명** (시드 002): "위 brctl의 예에서는 vethXX 가 두개인걸 보니, 현재 두개의 container가 running 중임을 유추 할 수 있다." **요즘 엔진에서는** 이것이 기본 브리지에서만 맞습니다. 사용자 정의 네트워크의 컨테이너는 그 네트워크 자신의 브리지(`br-…`, 실습 04)에 꽂히고, host, none, container 모드의 컨테이너는 자기 veth가 없습니다(실습 05). `bridge link`(iproute2)는 모든 브리지 포트를 master와 함께 나열하고, `brctl show`(bridge-utils, 사용 중단 예정)는 브리지별로 나열합니다.
>
> **The post says** (seed 002) "two veths on docker0, so two containers are running". **On today's engines** that holds for the default bridge only: containers on a user-defined network plug into its own bridge (`br-…`, lab 04), and host-, none- and container-mode containers have no veth of their own (lab 05).
*/

/* %% md pair-md en=8b758c7e
컨테이너 안에서 busybox의 `ip addr`는 `eth0@if40`을 출력합니다. **40**은 쌍의 반대쪽 끝의 `ifindex`이며, *호스트 네임스페이스 기준*입니다. 호스트에서 `ip -j link`는 모든 링크를 `ifindex`와 함께 나열합니다. docker0에 꽂힌 veth는 `master: docker0`이고, 그 자신의 `@ifN`은 컨테이너의 eth0(컨테이너 안에서의 인덱스)를 가리킵니다.
*/

// %% code pair-view concepts=5 en=e3b0c442

/* %% md ex1-md en=5c0eb65d
### 연습 1 · 각 컨테이너를 호스트 veth와 짝짓기

`c1`, `c2`, `c3` 각각에 대해 컨테이너 eth0의 호스트 쪽 끝을 **인덱스로** 찾으세요. 컨테이너 안에서 읽은 상대 인덱스를 호스트의 링크와 맞춰 봅니다. 객체 `{ c1: "veth…", c2: "veth…", c3: "veth…" }`를 `"host-veths"`로 기록하세요.

순서나 이름으로 짐작해서 짝짓지 마세요. 두 끝을 확실히 이어 주는 것은 인덱스뿐입니다.
*/

// %% exercise ex1 type=reason concepts=5 en=cebc9c10
// 연습 1: { c1: 호스트veth이름, c2: …, c3: … }를 "host-veths"로 기록하세요.

// %% solution ex1 en=cebc9c10
// 연습 1: { c1: 호스트veth이름, c2: …, c3: … }를 "host-veths"로 기록하세요.

// %% code ex1-self en=c9a92473
// 자가 점검: 호스트 veth 이름 세 개가 기록되었는가.

// %% check ex1-check 02.veth-pairs en=e3b0c442

/* %% md draw-md en=84854e78
실제 호스트에서 그린 그림입니다. docker0(마름모), 여러분의 컨테이너(사각형), 그리고 각 선에는 그 컨테이너 veth 쌍의 호스트 쪽 끝 이름이 적혀 있습니다. 여러분의 답과 비교해 보세요.
*/

// %% code draw concepts=5 en=e3b0c442

/* %% md ex2-md en=4dc102d1
## 2 · docker0의 veth 수 = 실행 중인 컨테이너 수

다음으로 `c3`를 멈춥니다. 먼저 예측해 보세요.
*/

// %% predict p-stop stopped-veth en=e3b0c442

// %% solution p-stop en=e3b0c442

// %% code stop-before concepts=5 en=056564ed
// 지금의 docker0 포트, 멈춘 뒤와 비교하려고

/* %% md ex2-task en=df435e43
### 연습 2 · c3를 멈추고 세기

1. 연습 셀의 `lab.step` 안에서 `c3`를 멈추세요 (타임아웃 1초: PID 1인 busybox `sleep`은 SIGTERM을 무시하므로 기본값 10초를 기다리는 것은 낭비입니다).
2. docker0의 인터페이스(포트 목록)를 세어 → `"docker0-ports"`.
3. bridge 네트워크의 컨테이너(inspect 출력의 Containers 맵: Docker는 실행 중인 것만 적습니다)를 세어 → `"bridge-containers"`.

다른 세션의 컨테이너도 셉니다. 지금 이 호스트에 있는 것을 세세요.
*/

// %% exercise ex2 type=observe concepts=5 en=40c4b151
// 연습 2: c3를 멈추고 "docker0-ports"와 "bridge-containers"를 기록하세요.
// 여기서 c3를 멈추세요

// %% solution ex2 en=bcd46685
// 연습 2: c3를 멈추고 "docker0-ports"와 "bridge-containers"를 기록하세요.

// %% code stop-view concepts=5 en=e3b0c442

// %% code ex2-self en=bd00a4f4
// 자가 점검: 두 개수가 같은가.

// %% check ex2-check 02.stop-removes-veth 02.veth-count en=e3b0c442

/* %% md hand-md en=718fe23e
## 3 · 같은 것을 손으로

컨테이너의 네트워크는 **네트워크 네임스페이스**입니다. 자기만의 인터페이스, 주소, 경로, iptables를 가집니다. 시드 004의 정의로는 "veth란? pair의 가상 네트워크 인터페이스 (두개의 namespace를 연결시킨다)". `ip netns`는 Docker 없이 네임스페이스를 만듭니다. 셋업 셀이 Docker 같은 네트워크의 절반을 이미 만들어 두었고, 명령을 하나하나 출력했습니다.

| Docker가 만든 것 | 여러분이 (손으로) 가진 것 |
|---|---|
| 브리지 `docker0`, 주소 172.17.0.1/16 | 브리지 `bridge` (셋업 셀 참고), 주소 `gateway` |
| 컨테이너 네임스페이스 | 네임스페이스 `nsA` |
| 안쪽 `eth0` ↔ docker0의 `vethXXXX` | `nsA` 안의 `eth0` ↔ `bridge`의 `vethA` |
| 안쪽 `default via 172.17.0.1` | `nsA` 안의 `default via gateway` |
| `-A FORWARD -i docker0 -o docker0 -j ACCEPT` | `-I DOCKER-USER -i bridge -o bridge -j ACCEPT` |

마지막 줄이 중요합니다. Docker는 FORWARD 정책을 DROP으로 두고, 이 호스트에서는 브리지를 지나는 프레임도 iptables를 거칩니다(`br_netfilter`). Docker는 docker0의 트래픽을 명시적으로 허용하므로, 우리 브리지도 그래야 합니다 (이 규칙들은 실습 03에서 봅니다).

네임스페이스 A를 안에서, 브리지를 호스트에서 보세요.
*/

// %% code hand-view concepts=6 en=e3b0c442

/* %% md ex3-md en=073be9cb
### 연습 3 · 네임스페이스 B 만들기

셋업이 A에게 한 것을 네임스페이스 B에게 하세요 (셋업 셀이 명령을 모두 출력했습니다). 연습 셀의 `lab.step` 안에서 합니다.

1. 이름이 `nsB`인 네임스페이스
2. veth 쌍: 호스트 쪽 끝은 `vethB`, 다른 쪽 끝은 `nsB` **안에서** `eth0`라는 이름으로 만들기
3. `vethB`를 `bridge`에 꽂고 up
4. B 안에서(`ip -n nsB …`): eth0에 `addrB/prefix`, eth0와 lo를 up, `gateway`를 거치는 기본 경로

중간에 잘못되면 네임스페이스 B를 지우고 다시 시작하세요 (veth 쌍도 함께 사라집니다).
*/

// %% exercise ex3 type=build concepts=6 en=4fc2b47e
// 연습 3: 네임스페이스 B를 만드세요 (nsB, vethB, addrB, prefix, gateway, bridge는 셋업 셀에 정의되어 있습니다).
// 여기에 명령을

// %% solution ex3 en=03223d08
// 연습 3: 네임스페이스 B를 만드세요 (nsB, vethB, addrB, prefix, gateway, bridge는 셋업 셀에 정의되어 있습니다).

// %% code ex3-self en=a89a808c
// 자가 점검: 네임스페이스 A가 여러분의 브리지를 거쳐 B로 ping할 수 있는가.

// %% check ex3-check 02.hand-built en=e3b0c442

/* %% md ex4-md en=9f4549bd
### 연습 4 · 컨테이너처럼 B의 케이블 따라가기

B 안에서도 `ip link`는 `eth0@ifN`을 출력합니다. N이 어느 호스트 링크인지 예측한 다음 찾아보세요.
*/

// %% predict p-peer hand-peer-index en=e3b0c442

// %% solution p-peer en=e3b0c442

// %% code peer-view concepts=6 en=e3b0c442

/* %% md ex4-task en=51d9d216
이제 B의 eth0에 대해, 그 호스트 쪽 끝의 이름과 그 끝이 꽂힌 브리지를 `"hand-b-host-end"`로 기록하세요: `{ hostEnd: "…", bridge: "…" }`. 여러분이 입력한 이름이 아니라 인덱스와 호스트 링크의 `master`를 쓰세요.
*/

// %% exercise ex4 type=reason concepts=6 en=a4080a82
// 연습 4: B의 eth0에 대해 ifindex로 찾은 { hostEnd, bridge }를 "hand-b-host-end"로 기록하세요.

// %% solution ex4 en=a4080a82
// 연습 4: B의 eth0에 대해 ifindex로 찾은 { hostEnd, bridge }를 "hand-b-host-end"로 기록하세요.

// %% check ex4-check 02.hand-pairing en=e3b0c442

/* %% md compare-md en=92b00c6e
## 4 · 나란히: Docker의 컨테이너와 여러분의 네임스페이스

같은 종류의 링크, 같은 짝짓기 규칙, 브리지 위의 같은 자리, 같은 종류의 기본 경로. 다른 것은 이름과 숫자뿐입니다.
*/

// %% code compare concepts=6 en=3836655f
// (연습 3에서 네임스페이스 B를 만들기 전까지 오른쪽은 비어 있습니다.)

/* %% md trouble-md en=8c8ec37a
## 5 · 트러블슈팅: 아무에게도 닿지 않는 네임스페이스

다음 셀은 세 번째 네임스페이스 C를 "A처럼" 만들면서 무언가를 잘못합니다 (여러분의 세션 안에서만). 이 실습의 도구로 무엇이 잘못됐는지 알아내세요. 안에서 `ip -n … addr` / `route`, 호스트의 링크와 그 `master`, `brctl show`, `lab.draw()`가 있습니다. 그다음 원인을 지정하고 고치세요.
*/

// %% code scenario concepts=6 en=e3b0c442

// %% exercise ex5 type=troubleshoot concepts=5,6 en=91c25427
// 연습 5: 네임스페이스 C(이름은 nsC)가 왜 아무에게도 닿지 않는지 알아내고, 원인을 지정하고, 고치세요.
// 1. 살펴보기: 셀은 마음대로 추가하세요.
// 2. 원인 지정: await lab.diagnose("…");   (위에 나온 원인 중 하나)
// 3. 고치기, 무엇이 바뀌었는지 보려면 step 안에서:
// await lab.step("fix C", async () => { … });

// %% solution ex5 en=31f0b9e1
// 연습 5: 네임스페이스 C(이름은 nsC)가 왜 아무에게도 닿지 않는지 알아내고, 원인을 지정하고, 고치세요.

// %% check ex5-check 02.c-fixed en=e3b0c442

/* %% md all-md en=d2c9e1aa
## 모든 체크

여러분의 예측(제때 했는지), 그리고 모든 체크를 다시 실행합니다. 강사의 채점기도 실제 호스트를 대상으로 이것들과 숨은 체크 하나를 실행합니다.
*/

// %% check predictions-check 02.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=1fdb9b6d
## 정리(Teardown): 만든 것만, 그것만 지우기

여러분 세션의 컨테이너(레이블로), 네임스페이스 `nsA`, `nsB`, `nsC`(veth 쌍도 함께), 브리지, 그리고 셋업이 추가한 iptables 규칙 하나를 지웁니다. 그 밖에는 아무것도 지우지 않습니다. 시드 003의 `docker rm -f $(docker ps -aq)`는 *모든 사람의* 컨테이너를 지웁니다. 함께 쓰는 머신에서는 절대 쓰지 마세요. 두 번 실행해도 괜찮습니다.
*/

// %% teardown teardown en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작합니다: 실습의 객체는 레이블로 찾습니다.
