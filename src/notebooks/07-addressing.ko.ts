// 07-addressing in Korean: every cell marker of 07-addressing.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=d7eab757
# 실습 07 · 주소 지정: docker0의 주소, 주소 풀, 서브넷, `--ip-range`, 고정 `--ip`, MTU

「Docker Network 구조(1) - docker0와 container network 구조」(시드 002)는 이렇게 씁니다. "docker0 의 IP는 자동으로 172.17.42.1로 설정되며, subnet mask는 255.255.0.0 즉, 172.17.0.0/16 으로 설정된다. 이 subnet 정보는 앞으로 container가 생성될때 마다 할당 받게 될 IP의 range를 결정하게 된다." 그리고 "만약 이 IP range를 변경하고 싶다면" 「docker0 IP 및 CIDR 변경하기」를 참조하라고 합니다(지금 엔진의 기본값은 **172.17.0.1/16**입니다). 이 실습에서는 그 주소를 실제로 바꾸고, 도커가 가진 나머지 주소 설정도 모두 다뤄 봅니다. 실습을 마치면 다음을 할 수 있습니다.

- 엔진의 docker0 주소와 기본 주소 풀(default address pool)을 바꾼다.
- `--subnet` 없이 만든 네트워크가 어떤 서브넷을 받을지 예측한다.
- 네트워크(서브넷, 게이트웨이, 도커가 나눠 줄 범위, MTU, 브리지 이름)를 직접 설계하고 컨테이너 주소를 고정한다.
- 도커가 절대 남에게 주지 않을 고정 주소를 고르고, 도커가 그 주소를 줘 버린 네트워크를 고친다.

다른 실습과 같이 **예측** 셀이 먼저 나옵니다(*언제* 예측했는지만 평가합니다). 체크가 실패할 때마다 **힌트**가 한 단계씩 자세해집니다(`await lab.hint("07.…")`로 다음 단계를 볼 수도 있습니다).

설정 항목:

| 어디서 | 설정 | 결정하는 것 |
|---|---|---|
| 엔진(`dockerd` 또는 `daemon.json`) | `--bip 10.x.y.1/24` | docker0 자신의 주소 **그리고** 기본 브리지의 서브넷 |
| 엔진 | `--default-address-pool base=…,size=…` | 서브넷을 주지 않았을 때 `docker network create`가 서브넷을 가져오는 곳 |
| 엔진 | `--mtu` | 기본 브리지 컨테이너의 MTU |
| 네트워크 | `--subnet`, `--gateway` | 사용자 정의 네트워크의 주소 |
| 네트워크 | `--ip-range` | 서브넷 중 도커가 스스로 나눠 주는 부분 |
| 네트워크 | `-o com.docker.network.driver.mtu=…`, `-o com.docker.network.bridge.name=…` | 네트워크 하나의 MTU와 브리지 이름 |
| 컨테이너 | `--ip` | 직접 고른 고정 주소 |

> **글에서는** docker0의 주소를 엔진의 시작 옵션에서 바꿉니다(시드 002 시절에는 `/etc/default/docker`의 `DOCKER_OPTS="--bip=…"`). **지금은** 같은 옵션이 `/etc/docker/daemon.json`에 들어가고(`"bip": "10.x.y.1/24"`, `"default-address-pools": [{"base": "…", "size": 26}]`, `"mtu": 1400`), 서비스가 (재)시작될 때 읽힙니다. 글의 호스트는 docker0의 MTU가 9001인데(클라우드 네트워크의 점보 프레임(jumbo frame)), 엔진은 따로 지정하지 않으면 1500을 씁니다.

**왜 프라이빗 엔진(private engine)일까요?** `--bip`를 바꾸려면 `dockerd`를 재시작해야 하고, 그러면 머신의 모든 컨테이너가 멈춥니다. 그래서 이 실습은 **자기만의** 엔진을 띄웁니다. 데이터 루트, exec 루트, 소켓, pid 파일을 따로 가진 `dockerd`가 자기 네트워크 네임스페이스(`engine.netns`) 안에서 돕니다. 그 안에 자기 docker0이 있으므로 여러분의 docker0과 부딪힐 일이 없습니다. 이 엔진과는 `docker -H unix:///run/dnl-…/docker.sock`로 이야기합니다. `engine.sh`가 그 `-H`를 붙여 주고 출력해 줍니다. **여러분의 엔진은 절대 건드리지 않습니다.**
*/

// %% code setup en=9aa36ff1
// 프라이빗 엔진을 띄우고(몇 초) toolbox 이미지를 그 안에 복사합니다
// 세션마다 고른 서브넷

/* %% md fresh-md en=5f4adc26
## 1 · 갓 띄운 엔진

프라이빗 엔진은 아무 옵션 없이, 빈 네임스페이스에서 시작했습니다. 예측한 다음, 엔진의 네임스페이스에서(`ip -n NETNS`) 그리고 도커 쪽에서 docker0을 읽어 보세요.
*/

// %% predict p-fresh fresh-docker0 en=e3b0c442

// %% solution p-fresh en=e3b0c442

// %% code fresh concepts=17 en=e3b0c442

/* %% md ex1-md en=c5df8ee9
### 실습 1 · 새 docker0 주소와 주소 풀로 엔진 재시작하기

시드 002의 방법은 엔진 옵션을 바꾸고 재시작하는 것입니다. 여기서는 `engine.restart(options)`가 그 일을 합니다. 프라이빗 `dockerd`를 멈추고, 여러분이 준 옵션으로 `daemon.json`처럼 다시 띄웁니다(`bip`, `defaultAddressPools`: `{ base, size }`의 리스트, `mtu`…). 실제 `dockerd` 명령줄도 출력합니다.

docker0이 주소 `bip`(네트워크 주소가 아니라 docker0 **자신의 주소와 프리픽스(prefix)**, …**.1**\/24)를 받고, `--subnet` 없이 만든 새 네트워크가 `pool`에서 주소 64개짜리 조각으로 서브넷을 받도록 재시작하세요. `engine.step(…)` 안에서 하세요. `lab.step`처럼, 엔진의 네임스페이스에서 바뀐 것을 빨간색으로 보여 줍니다.
*/

// %% exercise ex1 type=build concepts=17 en=63cd7b79
// 실습 1: 프라이빗 엔진을 bip와 기본 주소 풀(base: pool, 주소 64개짜리 조각)로 재시작합니다.
// 여기에 재시작을 쓰세요

// %% solution ex1 en=3464167e
// 실습 1: 프라이빗 엔진을 bip와 기본 주소 풀(base: pool, 주소 64개짜리 조각)로 재시작합니다.

// %% code ex1-self en=68c58ddf
// 셀프 체크: 이제 docker0이 새 주소를 가집니다.

// %% check ex1-check 07.bip en=e3b0c442

/* %% md ex2-md en=04edd91a
## 2 · 기본 주소 풀

이제 프라이빗 엔진에 `--subnet` **없이** 네트워크를 만듭니다. 먼저 예측해 보세요.
*/

// %% predict p-pooled pooled-subnet en=e3b0c442

// %% solution p-pooled en=e3b0c442

/* %% md ex2-task en=65ce6142
### 실습 2 · `--subnet` 없는 네트워크

프라이빗 엔진에(`engine.sh`) `--subnet` 없이 `pooled`를 만들고, 도커가 고른 서브넷을 읽어 `"pooled-subnet"`으로 기록하세요.
*/

// %% exercise ex2 type=observe concepts=17 en=d7a85591
// 실습 2: 프라이빗 엔진에 --subnet 없이 `pooled`를 만들고, 그 서브넷을 "pooled-subnet"으로 기록합니다.

// %% solution ex2 en=d7a85591
// 실습 2: 프라이빗 엔진에 --subnet 없이 `pooled`를 만들고, 그 서브넷을 "pooled-subnet"으로 기록합니다.

// %% code pooled-view concepts=17 en=e3b0c442

// %% check ex2-check 07.address-pool en=e3b0c442

/* %% md ex3-md en=74ab889f
## 3 · 직접 설계한 네트워크

### 실습 3 · 서브넷, 게이트웨이, `--ip-range`, MTU, 브리지 이름

프라이빗 엔진에 다음과 같이 `custom`을 만드세요.

- 서브넷 `subnet`, 게이트웨이 `gateway`
- 도커가 스스로 나눠 주는 부분으로 범위 `ipRange`(위쪽 절반, .128-.255). 그러면 아래쪽 절반은 여러분이 고정 주소로 쓸 수 있습니다.
- 드라이버 옵션(`-o`) `com.docker.network.driver.mtu` = 1400, `com.docker.network.bridge.name` = `bridgeName`(자동으로 만들어지는 `br-<id>` 대신)

그다음 그 위에 `httpd -f -p 80 -h /var/www`를 실행하는 컨테이너 두 개를 띄우세요. 주소를 주지 않은 `dyn`, 그리고 고정 주소 `staticIp`의 `fixed`입니다. 모두 실습 셀의 `engine.step` 안에서 하세요.
*/

// %% exercise ex3 type=build concepts=17 en=992f4af1
// 실습 3: `custom`을 만들고, 그 위에 `dyn`(주소 지정 없음)과 `fixed`(staticIp)를 띄웁니다.
// 여기에 명령을 쓰세요

// %% solution ex3 en=f96f0004
// 실습 3: `custom`을 만들고, 그 위에 `dyn`(주소 지정 없음)과 `fixed`(staticIp)를 띄웁니다.

/* %% md mtu-md en=00823984
이제 dyn의 eth0은 MTU가 얼마일까요? 예측한 다음, 두 컨테이너 안을 들여다보세요.
*/

// %% predict p-mtu dyn-mtu en=e3b0c442

// %% solution p-mtu en=e3b0c442

// %% code ex3-self en=d71ccbb1
// 각 컨테이너가 eth0에서 보는 것(busybox ip, 파싱한 결과).

// %% check ex3-check 07.custom-network 07.static-and-range en=e3b0c442

/* %% md ex4-md en=6c362e08
### 실습 4 · 아무도 가져갈 수 없는 고정 주소

다른 컨테이너 `cache`도 `custom`에서 고정 주소가 필요합니다. `--ip` 없이 시작한 컨테이너에게 도커가 절대 줄 수 없고, 게이트웨이가 아니며, 아직 아무도 쓰지 않는 주소를 골라 `"safe-static"`으로 기록하세요(IPv4 주소). 필요한 정보는 네트워크의 IPAM 설정과 Containers 맵에 있습니다.
*/

// %% exercise ex4 type=reason concepts=17 en=dc0267be
// 실습 4: custom에서 도커가 절대 남에게 주지 않을 `cache`의 고정 주소를 "safe-static"으로 기록합니다.

// %% solution ex4 en=dc0267be
// 실습 4: custom에서 도커가 절대 남에게 주지 않을 `cache`의 고정 주소를 "safe-static"으로 기록합니다.

// %% check ex4-check 07.safe-static en=e3b0c442

/* %% md draw-md en=b1c384d2
프라이빗 엔진의 네임스페이스를 호스트처럼 그립니다. 새 주소를 받은 docker0, 여러분의 브리지 `bridgeName`, 그리고 그 아래에 각자를 꽂은 veth와 함께 컨테이너들이 보입니다. `ip -n NETNS link`로 브리지마다 MTU를 확인합니다.
*/

// %% code draw concepts=17 en=e3b0c442

/* %% md trouble-md en=af92dc22
## 4 · 트러블슈팅: 이미 누가 쓰고 있는 고정 주소

다음 셀은 프라이빗 엔진에 네트워크 `team`과 그 위의 컨테이너 `worker`를 만들고, 다른 머신들이 기대하는 주소로 `db`를 띄우려고 합니다(여러분의 세션 안에서만). db가 뜨지 않습니다. 프라이빗 엔진의(`engine.sh`) `docker network inspect`와 `docker inspect`로 이유를 찾고, 원인을 말한 다음, 다시는 같은 일이 생기지 않도록 고치세요.
*/

// %% code scenario concepts=17 en=e3b0c442

// %% exercise ex5 type=troubleshoot concepts=17 en=99578a90
// 실습 5: db(lab.name("db"))가 team에서 계획한 주소로 뜨지 못하는 이유를 찾고, 원인을 말하고, 다시 생기지 않게 고칩니다.
// 1. 살펴보기: 필요한 만큼 셀을 추가하세요(team 네트워크는 lab.name("team"), 서브넷은 params["team-subnet"]).
// 2. 원인 말하기: await lab.diagnose("…");   (위에 나온 원인 중 하나)
// 3. 고치기.

// %% solution ex5 en=18993c5f
// 실습 5: db(lab.name("db"))가 team에서 계획한 주소로 뜨지 못하는 이유를 찾고, 원인을 말하고, 다시 생기지 않게 고칩니다.
// worker가 .2를 가지고 있고, ip-range가 없습니다

// %% check ex5-check 07.team-fixed en=e3b0c442

/* %% md all-md en=6133ff73
## 전체 체크

예측(제때 했는지)을 먼저 보고, 모든 체크를 다시 실행합니다(채점기는 숨은 체크도 하나 돌립니다. `fixed`가 고정 주소에서 HTTP로 응답하는지 봅니다).

「1. 도커 네트워크 구조」의 "이 IP는 컨테이너를 재시작할 때마다 변경될 수 있습니다"에 대해 한마디: `--ip` **없이** 네트워크에 붙은 컨테이너는 시작할 때 다음 빈 주소를 받으므로, 재시작하면 다른 주소를 받을 수 있습니다. `--ip`는 주소를 고정합니다. 그리고 고정 주소를 `--ip-range` 밖에 두면 도커가 그 주소를 다른 컨테이너에게 주는 일이 없습니다.
*/

// %% check predictions-check 07.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=25c1af49
## 정리(teardown)

프라이빗 엔진을(pid 파일로 찾아) containerd, 컨테이너와 함께 멈추고, 엔진이 마운트한 것을 해제하고, 엔진의 네트워크 네임스페이스(그 안의 docker0, 브리지, veth도 함께 사라집니다)와 디렉터리를 지웁니다. 여러분의 엔진은 한 번도 건드리지 않았습니다. 두 번 실행해도 문제없고, `npx docker-net-lab clean`도 상태 디렉터리에 남긴 표시 파일로 남아 있는 프라이빗 엔진을 찾아냅니다.
*/

// %% teardown teardown en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작합니다. 실습이 만든 객체는 레이블로 찾습니다.
