// 03-nat-ports in Korean: every cell marker of 03-nat-ports.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=31673060
# 실습 03 · NAT와 포트 게시(port publishing)

시드 003(「Docker Network」)은 `docker run -d --name my-nginx -p 8080:80 nginx`를 실행하고 `curl http://127.0.0.1:8080`으로 접속을 확인한 다음, `iptables -t nat -L -n`을 읽습니다. 글의 설명은 이렇습니다. "들어온 요청은 Host에 구성된 NAT 테이블을 통해 HostIP:8080 -> ContainerIP:80으로 변환됩니다."

```
Chain POSTROUTING (policy ACCEPT)
MASQUERADE  all  --  172.17.0.0/16        0.0.0.0/0
MASQUERADE  tcp  --  172.17.0.2           172.17.0.2           tcp dpt:80
Chain DOCKER (2 references)
DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80
```

규칙 세 줄에 개념 세 가지가 들어 있습니다.

1. **MASQUERADE**(마스커레이드, 아웃바운드 NAT): 172.17.0.0/16에서 나와 호스트를 떠나는 패킷은 출발지가 호스트의 주소로 바뀝니다. 그래야 응답이 돌아올 길을 찾습니다.
2. **DNAT**(포트 게시): 호스트의 8080번 포트로 온 패킷은 목적지가 컨테이너의 주소와 포트로 바뀝니다. **FORWARD 허용(accept)** 규칙이 그 패킷을 통과시키고, iptables로 안 되는 경우(호스트 자신이 보내는 127.0.0.1 등)는 **docker-proxy** 프로세스가 맡습니다.
3. **헤어핀(hairpin) MASQUERADE**: 출발지와 목적지가 같은 컨테이너인 규칙으로, 컨테이너가 자기 게시 포트로 돌아올 때 쓰입니다.

다 마치면 다음을 할 수 있습니다.

- docker0의 MASQUERADE 규칙을 찾고, 그것이 나가는 컨테이너 패킷의 출발지를 바꾸는 것을 보기
- 포트를 게시하고, Docker가 추가하는 DNAT와 FORWARD 규칙을 읽고, 여러분의 엔진에서 `127.0.0.1`에 무엇이 답하는지 말하기
- 바깥에서 온 요청이 DNAT 경로를 타는 것을 보고, nat 카운터가 왜 연결마다 한 번만 느는지 말하기
- 자기 게시 포트로 돌아오는 컨테이너에 무엇이 필요한지(헤어핀) 보기
- 게시 포트에서 페이지가 오지 않는 이유 찾기
- 직접 만든 브리지와 네임스페이스에 대해 Docker가 하는 일을 손으로 하기: 포워딩, FORWARD 허용, MASQUERADE와 DNAT. 그리고 인터넷이 여러분의 규칙을 거쳐 서버에 닿는 것을 보기

다른 실습처럼 **예측** 셀이 먼저 나오고(*언제* 예측했는지만 점수에 들어갑니다), 실패한 체크의 **힌트**는 실패할 때마다(또는 `await lab.hint("03.…")`로) 자세해집니다.

이 엔진에서 세 규칙을 모두 보고, 실제로 동작하는 것을 지켜봅니다. 안전 규칙 두 가지가 실습의 모양을 정합니다. 여러분의 게시 포트는 **127.0.0.1에만** 묶이고(네트워크에서는 닿지 않음), **여러분의 세션을 위해 비어 있는 것으로 고릅니다**(누가 쓰고 있을지 모르는 8080이 아님). "인터넷"은 실습이 만든 네임스페이스이고, 주소는 TEST-NET(203.0.113.0/24, 문서용으로 예약된 대역)입니다. 이 머신 밖으로 나가는 패킷은 없습니다.
*/

// %% code setup en=6a487e99
// "인터넷" 네임스페이스를 만든 명령을 출력
// 이 호스트에서 비어 있는 것, 여러분의 세션용
// pub의 게시 포트, hostSide에 (연습 7)
// "인터넷" 네임스페이스
// nat 테이블, iptables-save -c에서 파싱 (카운터 포함):
// 8부, 손으로 하는 NAT: 여러분의 브리지, 서버의 네임스페이스와 그 veth의 호스트 쪽 끝, 그 서브넷, 게시할 포트, 규칙에 달 태그.
// 서버의 페이지와 /cgi-bin/ip, setup이 써 둠
// 여러분이 쓰는 모든 규칙에 붙는 comment

/* %% md hooks-md en=ef07d360
## 0 · NAT가 일어나는 곳: 넷필터 훅(netfilter hook)

모든 패킷은 커널의 **넷필터 훅**을 지나고, iptables는 각 테이블의 체인(chain)을 이 훅에 매달아 둡니다.

```
 a packet arrives ─▶ PREROUTING ─▶ routing ─┬─▶ FORWARD ────────────▶ POSTROUTING ─▶ it leaves
                     raw, nat:DNAT          │   filter (ACCEPT/DROP)   nat: MASQUERADE / SNAT
                                            └─▶ INPUT ─▶ a local process (docker-proxy…) ─▶ OUTPUT ─┘
                                                filter                                    nat: DNAT for the host's own requests
```

아래 규칙을 읽으려면 세 가지를 알아야 합니다.

- **포워딩(IP forwarding)**이 켜져 있어야 합니다(`net.ipv4.ip_forward = 1`). 꺼져 있으면 호스트는 docker0와 다른 인터페이스 사이에서 아무것도 라우팅하지 않습니다. Docker가 시작할 때 켭니다.
- **연결 추적(conntrack)**이 모든 연결을 따라갑니다. **nat** 테이블은 연결의 **첫 패킷**만 봅니다. 이후 패킷에는 conntrack이 같은 변환을 적용하고, 응답에서는 그 변환을 되돌립니다.
- Docker의 규칙은 자기 체인(`DOCKER`, `DOCKER-USER`, `DOCKER-ISOLATION-…`, Docker 28에서는 **raw**에도 더)에 있고, 기본 체인에서 그리로 점프합니다.
*/

// %% code forwarding concepts=7 en=e3b0c442

/* %% md masq-md en=f9845959
## 1 · MASQUERADE: 아웃바운드 NAT

먼저 시드의 명령을, 다음에 `iptables-save -c -t nat`(같은 규칙을 iptables가 다시 읽는 형식으로, `[packets:bytes]` 카운터와 함께)를 객체로 파싱해 봅니다. POSTROUTING을 보세요.
*/

// %% code masq-view concepts=7 en=e3b0c442

/* %% md ex1-md en=c8def63e
### 연습 1 · docker0의 MASQUERADE 규칙

타깃이 `MASQUERADE`이고 `outInterface`가 `"!docker0"`인 POSTROUTING 규칙(`! -o docker0`: docker0 안에 머무는 트래픽은 바꾸지 않음)을 찾아, 그 `source`를 `"masquerade-source"`로 기록하세요.
*/

// %% exercise ex1 type=record concepts=7 en=6a5a40a5
// 연습 1: docker0의 MASQUERADE 규칙의 source를 "masquerade-source"로 기록하세요.

// %% solution ex1 en=6a5a40a5
// 연습 1: docker0의 MASQUERADE 규칙의 source를 "masquerade-source"로 기록하세요.

// %% check ex1-check 03.masquerade en=e3b0c442

/* %% md ex2-md en=e1ada580
## 2 · 포트 게시: `-p 127.0.0.1:PORT:80`

형식은 `-p HOST_IP:HOST_PORT:CONTAINER_PORT`입니다. 시드 003은 `-p 8080:80`이라고 쓰는데, 이렇게 하면 호스트의 **모든** 주소(0.0.0.0)에 묶입니다. 여기서는 여러분을 위해 고른 포트(변수 `port`)로 127.0.0.1에만 묶습니다.

### 연습 2 · 80번 포트를 게시한 `web` 실행하기

toolbox의 웹 서버(`httpd -f -p 80 -h /var/www`)를 `web`이라는 이름으로, 기본 브리지에서, `-p 127.0.0.1:${port}:80`으로 실행하세요. `lab.step("…", () => …)`으로 감싸면, 호스트에서 바뀐 것(컨테이너 하나, docker0의 veth 하나)이 빨간색으로 보입니다.
*/

// %% exercise ex2 type=build concepts=8 en=c1b1113a
// 연습 2: lab.step(...) 안에서 web을 -p 127.0.0.1:${port}:80으로 실행하세요.

// %% solution ex2 en=c1b1113a
// 연습 2: lab.step(...) 안에서 web을 -p 127.0.0.1:${port}:80으로 실행하세요.

// %% code ex2-self en=4eec6f28
// 자가 점검: docker port에 바인딩이 보이는가.

// %% check ex2-check 03.published en=e3b0c442

/* %% md dnat-md en=da812270
시드 003은 게시 포트를 `docker ps`의 PORTS 열(`0.0.0.0:8080->80/tcp`)에서 찾습니다. 여러분의 것은 `127.0.0.1:PORT->80/tcp`입니다. Docker는 `web`을 위해 규칙도 추가했습니다. **nat** 테이블의 `DOCKER` 체인(로컬 주소로 가는 패킷이 PREROUTING과 OUTPUT에서 들어옴)에는 여러분의 포트에 대한 **DNAT** 규칙이, **filter** 테이블의 `DOCKER` 체인(docker0로 나가는 패킷이 FORWARD에서 들어옴)에는 web의 주소와 80번 포트에 대한 **ACCEPT**가 있습니다. 이 허용 규칙이 없으면 FORWARD 정책(DROP)이 변환된 패킷을 버립니다.
*/

// %% code dnat-view concepts=8 en=e3b0c442

/* %% md ex3-md en=a30d7ee5
### 연습 3 · 여러분 포트의 DNAT 규칙

`natRules()`에서 체인이 `DOCKER`, 타깃이 `DNAT`이고 `--dport`가 여러분의 포트인 규칙을 찾으세요(파서는 매치 옵션을 `rule.matches[i].options`에 넣습니다. 예: `{ dport: "…" }`). 그 `targetOptions["to-destination"]`을 `"dnat-to"`로 기록하세요.
*/

// %% exercise ex3 type=record concepts=8 en=4a7afcdb
// 연습 3: 여러분 포트의 DNAT 규칙의 --to-destination을 "dnat-to"로 기록하세요.

// %% solution ex3 en=4a7afcdb
// 연습 3: 여러분 포트의 DNAT 규칙의 --to-destination을 "dnat-to"로 기록하세요.

// %% check ex3-check 03.dnat en=e3b0c442

/* %% md proxy-md en=d0bd4b78
## 3 · 호스트에서: 127.0.0.1

시드 003은 호스트에서 `http://127.0.0.1:8080`을 엽니다("브라우저에서 http://127.0.0.1:8080 입력시 어떤 과정으로 컨테이너 안으로 접속했는지에 대해 알아봅시다"). 위 규칙에서 nat OUTPUT(호스트 자신이 보내는 패킷)을 다시 보세요. 호스트에서 여러분의 포트에 요청하기 전에 예측해 보세요.
*/

// %% predict p-loopback loopback-path en=e3b0c442

// %% solution p-loopback en=e3b0c442

/* %% md ex4-md en=d54cd107
### 연습 4 · 호스트에서 게시 포트에 요청하고, 무엇이 답했는지 찾기

1. 노트북에서 `http://127.0.0.1:${port}/`에 요청하고(노트북은 호스트에서 돌므로 `fetch`가 됩니다), 응답의 `status`를 `"loopback-status"`로 기록하세요.
2. **docker-proxy**는 엔진이 게시 포트마다 띄울 수 있는 작은 프로세스이고, 그 명령줄에 호스트 포트가 나옵니다(`-host-port PORT`). 여러분 포트의 것을 찾아(`pgrep -f`나 `ps ax`) 그 pid(숫자)를 `"proxy-pid"`로 기록하세요. 없으면 `null`을 기록합니다.
*/

// %% exercise ex4 type=observe concepts=8 en=c2bd8d3d
// 연습 4: "loopback-status"(http://127.0.0.1:port/의 HTTP 상태)와 "proxy-pid"를 기록하세요.

// %% solution ex4 en=c2bd8d3d
// 연습 4: "loopback-status"(http://127.0.0.1:port/의 HTTP 상태)와 "proxy-pid"를 기록하세요.

// %% code loopback-view concepts=8 en=e3b0c442

// %% check ex4-check 03.loopback en=e3b0c442

/* %% md snat-md en=17741d38
## 4 · 아웃바운드: "인터넷"이 보는 것

setup 셀이 `internetServer`(TEST-NET) 주소를 가진 네임스페이스를 만들었고, veth로 호스트와 이었습니다. 호스트 쪽 끝의 주소가 `hostSide`입니다. 거기서 도는 작은 웹 서버는 `/cgi-bin/ip`에 **자기가 본 출발지 주소**로 답합니다. web(172.17.0.x)이 여기에 요청을 보냅니다. 먼저 예측해 보세요.
*/

// %% predict p-internet internet-sees en=e3b0c442

// %% solution p-internet en=e3b0c442

/* %% md ex5-md en=1c7fbfc2
### 연습 5 · web에서 요청을 보내고 NAT가 일하는 것을 보기

1. MASQUERADE 규칙의 `packets` 카운터를 읽으세요(`natRules()`에서) → `"masq-before"`.
2. web 안에서 `http://${internetServer}/cgi-bin/ip`에 요청하고(busybox `wget -qO-`가 페이지를 출력), 출력된 주소를 (trim해서) `"internet-saw"`로 기록하세요.
3. 카운터를 다시 읽으세요 → `"masq-after"`.
*/

// %% exercise ex5 type=observe concepts=7 en=ccb7eac6
// 연습 5: "masq-before", "internet-saw", "masq-after"를 기록하세요.

// %% solution ex5 en=ccb7eac6
// 연습 5: "masq-before", "internet-saw", "masq-after"를 기록하세요.

// %% code ex5-self en=7e93c644
// 인터넷이 본 것을 여러분의 예측 옆에; 그다음 그런 패킷의 경로를 홉마다, 만나는 규칙과 함께.

// %% check ex5-check 03.snat 03.counters en=e3b0c442

/* %% md routed-md concepts=7 en=6f71dbbc
### 게이트웨이 모드(gateway mode, Docker 28)

MASQUERADE는 기본값일 뿐 법칙이 아닙니다. Docker 28에서는 브리지 네트워크가 자기 **게이트웨이 모드**를 고를 수 있습니다(`-o com.docker.network.bridge.gateway_mode_ipv4=…`).

| 모드 | 나가는 패킷의 출발지 | 바깥에서 컨테이너로 직접 오는 패킷 |
|---|---|---|
| `nat` (기본값) | 호스트의 주소(MASQUERADE) | 버림(raw PREROUTING). DNAT를 거치는 게시 포트만 예외 |
| `nat-unprotected` | 호스트의 주소 | 바깥에 그 서브넷으로 가는 경로가 있으면 어느 포트든 |
| `routed` | 컨테이너 **자신의** 주소: MASQUERADE 없음 | 게시 포트만, 컨테이너의 주소로 |

예전 엔진은 이 옵션을 받아들이지만 무시합니다(계속 MASQUERADE합니다). 실습의 인터넷 네임스페이스에는 이 호스트로 돌아오는 경로가 있으므로 컨테이너 자신의 주소로도 응답할 수 있습니다.

### 연습 5b · routed 네트워크

1. IPv4 게이트웨이 모드가 `routed`(위의 드라이버 옵션)이고 서브넷이 `await lab.freeSubnet("routed")`인 브리지 네트워크 `netr`(`lab.name("netr")`)를 만들고, 거기서 `r1`을 실행하세요(`${lab.image} sleep 3600`).
2. r1에서 인터넷 서버의 `/cgi-bin/ip`에 요청하고, 서버가 본 주소를 (trim해서) `"routed-saw"`로 기록하세요. 체크가 여러분의 엔진이 이 모드로 무엇을 했는지 알려 줍니다.
*/

// %% exercise ex5b type=build concepts=7 en=a23341ce
// 연습 5b: netr(게이트웨이 모드 routed)와 r1을 만들고 "routed-saw"를 기록하세요.

// %% solution ex5b en=a23341ce
// 연습 5b: netr(게이트웨이 모드 routed)와 r1을 만들고 "routed-saw"를 기록하세요.

// %% check ex5b-check 03.routed en=e3b0c442

/* %% md inbound-md concepts=8 en=fe1385c3
## 5 · 인바운드: 인터넷이 게시 포트에 닿기

web은 127.0.0.1에만 게시되어 있어서 인터넷에서는 닿지 않습니다. 두 번째 컨테이너를 **인터넷 링크 쪽** 호스트 주소(`hostSide`, 인터넷 네임스페이스만 닿는, 실습이 만든 주소)에 게시하세요. 그러면 인터넷에서 온 요청이 그 링크로 도착해 nat PREROUTING을 만나고, 시드 003의 "HostIP:8080 -> ContainerIP:80" 이야기대로 실제로 DNAT 경로를 탑니다.

### 연습 7 · `pub`을 hostSide에 게시하고, DNAT가 보는 것을 세기

1. `pub`(같은 웹 서버, `httpd -f -p 80 -h /var/www`)을 80번 포트를 `hostSide`의 `pubPort`에 게시해 실행하세요.
2. `pubPort`에 대한 DNAT 규칙의 packets 카운터를 읽으세요(연습 3처럼) → `"dnat-before"`.
3. 인터넷 네임스페이스 `internetNs`에서 `http://${hostSide}:${pubPort}/`로 **세 번** 요청하세요(`ip netns exec … busybox wget -qO- URL`).
4. 카운터를 다시 읽으세요 → `"dnat-after"`.

실행하기 전에 예측해 보세요.
*/

// %% predict p-dnat dnat-first-packet en=e3b0c442

// %% solution p-dnat en=e3b0c442

// %% exercise ex7 type=build concepts=8 en=58239e08
// 연습 7: pub을 hostSide:pubPort에 게시하고, "dnat-before"를 기록하고, 인터넷 네임스페이스에서 세 번 요청한 다음 "dnat-after"를 기록하세요.

// %% solution ex7 en=58239e08
// 연습 7: pub을 hostSide:pubPort에 게시하고, "dnat-before"를 기록하고, 인터넷 네임스페이스에서 세 번 요청한 다음 "dnat-after"를 기록하세요.

// %% code inbound-view concepts=8 en=6e8fe8bb
// 인터넷에서 pub의 게시 포트로 가는 패킷 하나를 더, 홉마다 설명; `prove`는 실제로 보내고 움직인 카운터를 보여 줌:

// %% check ex7-check 03.dnat-path en=e3b0c442

/* %% md hairpin-md concepts=9 en=ecfc3937
## 6 · 헤어핀(hairpin)

POSTROUTING에는 게시 포트마다 규칙이 하나 더 있을 수 있습니다. `MASQUERADE tcp -- X X tcp dpt:80`(시드 003의 두 번째 MASQUERADE 줄)이고, X는 컨테이너 자신의 주소입니다. 컨테이너가 호스트를 거쳐 **자기 자신의** 게시 포트에 닿을 때 필요합니다. DNAT가 패킷을 그 컨테이너로 곧장 되돌려 보내는데, 출발지를 바꾸지 않으면 컨테이너는 자기 자신에게서 온 응답을 보고 버립니다.

이 규칙이 있는지는 엔진에 따라 다릅니다. Docker 20.10부터 27까지는 게시 포트마다 추가하지만, 기본값인 유저랜드 프록시(userland proxy)를 쓰면 nat DOCKER가 docker0에서 온 패킷을 건드리지 않으므로(`-i docker0 -j RETURN`), 게시 포트로 가는 컨테이너는 docker-proxy를 거치고 이 규칙은 0패킷에 머뭅니다. Docker 28은 엔진이 `--userland-proxy=false`로 돌 때만 추가하고, 그때는 커널이 헤어핀 전체를 처리합니다. 체크가 여러분의 엔진이 무엇을 했는지 알려 줍니다.

> **글의 설명** (시드 003): `iptables -t nat -L -n`에 `MASQUERADE tcp -- 172.17.0.2 172.17.0.2 tcp dpt:80`이 보인다. **요즘 엔진에서는** Docker 28부터 이 줄이 `--userland-proxy=false`일 때만 있습니다. 기본 설정에서는 docker-proxy가 헤어핀을 맡습니다.
>
> **The post shows** (seed 003) a per-container `MASQUERADE tcp -- 172.17.0.2 172.17.0.2 tcp dpt:80`. **On today's engines** (Docker 28+) that line exists only with `--userland-proxy=false`; by default docker-proxy serves the hairpin.

### 연습 6 · pub이 자기 게시 포트에 닿기

1. pub 안에서 pub 자신의 게시 주소(`http://${hostSide}:${pubPort}/`)에 요청하고, 페이지가 돌아왔는지(`true` 또는 `false`)를 `"hairpin-reached"`로 기록하세요.
2. `source`와 `destination`이 모두 pub의 주소(`/32`)인 POSTROUTING `MASQUERADE` 규칙을 찾아 그 `source`를 `"hairpin-source"`로 기록하세요. 여러분의 엔진에 그런 규칙이 없으면 `null`을 기록합니다.
*/

// %% exercise ex6 type=observe concepts=9 en=720b2ae5
// 연습 6: "hairpin-reached"(pub이 자기 게시 포트로 자기 페이지를 받았나?)와 "hairpin-source"를 기록하세요.

// %% solution ex6 en=720b2ae5
// 연습 6: "hairpin-reached"(pub이 자기 게시 포트로 자기 페이지를 받았나?)와 "hairpin-source"를 기록하세요.

// %% check ex6-check 03.hairpin en=e3b0c442

/* %% md draw-md en=549375e2
## 전체 경로

docker0, web과 pub(그리고 그 veth들)입니다. 여러분이 읽은 규칙들이 호스트를 지나는 패킷의 운명을 정합니다. 들어올 때는 DNAT, 나갈 때는 MASQUERADE입니다. NAT 테이블 뷰는 같은 규칙을 하는 일별로 나열합니다.
*/

// %% code draw en=e3b0c442

/* %% md trouble-md en=fe3502af
## 7 · 트러블슈팅: 페이지가 오지 않는 게시 포트

다음 셀은 (여러분의 세션에서만) 127.0.0.1에 포트를 게시한 `web2`를 띄웁니다. 거기에 요청하면 페이지가 오지 않습니다. 이 실습에서 본 것(`docker ps`의 PORTS 열, `docker port`, DNAT 규칙, 컨테이너 안에서 듣고 있는 것: busybox `netstat -ltn`)으로 이유를 찾고, 원인을 짚고, 고치세요.
*/

// %% code scenario concepts=8 en=e3b0c442

// %% exercise ex8 type=troubleshoot concepts=8 en=7957c5eb
// 연습 8: http://127.0.0.1:web2Port/에서 왜 페이지가 오지 않는지 찾고, 원인을 짚고, 고치세요.
// 1. 살펴보기: 셀은 마음대로 추가하세요 (web2의 이름은 lab.name("web2")).
// 2. 원인 짚기: await lab.diagnose("…");   (위에 나열된 원인 중 하나)
// 3. 고치기, 무엇이 바뀌었는지 보이도록 step 안에서:
// await lab.step("fix web2", async () => { … });

// %% solution ex8 en=9eb82f33
// 연습 8: http://127.0.0.1:web2Port/에서 왜 페이지가 오지 않는지 찾고, 원인을 짚고, 고치세요.
// 127.0.0.1:PORT->8080/tcp
// httpd는 :80에서 듣는다

// %% check ex8-check 03.web2-fixed en=e3b0c442

/* %% md hand-md concepts=6,7,8,19 en=9272338f
## 8 · 마법은 없다: Docker의 NAT를 손으로

실습 02에서는 컨테이너의 네트워크를 Docker 없이 브리지까지 만들었습니다. 1부터 5까지는 Docker가 그 위에 docker0를 위해 더하는 것, 곧 포워딩, FORWARD 허용, MASQUERADE, DNAT를 보았습니다. 이제 여러분이 만든 네트워크를 위해 그것들을 직접 씁니다.

| Docker가 docker0와 pub을 위해 | 여러분이 여러분의 네트워크를 위해 |
|---|---|
| 브리지 `docker0`, 172.17.0.1/16 | 브리지 `handBridge`, 주소 `handGateway` |
| httpd를 돌리는 컨테이너 | 호스트의 busybox httpd를 돌리는 네임스페이스 `handNs`(`handServer`) |
| dockerd가 시작할 때 설정하는 `net.ipv4.ip_forward = 1` | 확인하고, 필요하면 켠다 |
| docker0와 pub의 포트에 대한 filter FORWARD 허용 | 여러분의 허용 규칙, `DOCKER-USER` 맨 위에 |
| nat POSTROUTING `-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE` | `handSubnet`과 `handBridge`에 대해 같은 것 |
| nat DOCKER: DNAT `hostSide:pubPort` → pub:80 | nat PREROUTING: DNAT `hostSide:handPort` → `handServer:80` |

여럿이 함께 쓰는 이 호스트의 규칙 세 가지:

- **모든 규칙에 태그를 다세요**: `-m comment --comment ${tag}`(변수 `tag`, 여러분 세션의 이름). teardown과 `npx docker-net-lab clean`은 정확히 그 태그가 붙은 규칙만 지우고, 다른 사람의 것은 건드리지 않습니다. 여러분의 브리지와 네임스페이스도 세션의 이름을 가지므로 같은 방식으로 찾습니다.
- **포워딩을 절대 끄지 마세요**(`net.ipv4.ip_forward=0`): 이 호스트의 모든 컨테이너가, 여러분의 것도 다른 사람의 것도, 나갈 길을 잃고 Docker는 그것을 알아차리지 못합니다. 이미 1일 때 1로 설정하는 것은 아무것도 바꾸지 않습니다.
- "인터넷"은 여전히 TEST-NET 네임스페이스 `internetNs`입니다. 이 머신 밖으로는 아무것도 나가지 않습니다.

### 연습 9 · 서버의 네트워크 만들기

연습 셀의 `lab.step` 안에서, 실습 02에서 네임스페이스 B를 만든 방식대로:

1. 브리지 `handBridge`에 `handGateway/handPrefix`를 주고 up;
2. 네임스페이스 `handNs`를 veth 쌍으로 브리지에 잇기: 호스트 쪽 끝 `handVeth`는 브리지에 꽂고 up, 다른 쪽 끝은 네임스페이스 안에 `eth0`로 만들기;
3. 안에서: eth0에 `handServer/handPrefix`, eth0와 lo up, `handGateway`로 가는 기본 경로;
4. 서버: 호스트의 busybox `httpd`를 네임스페이스 안에서(`ip netns exec`) 실행해, `handServer`의 80번 포트에서 듣고 `handWww` 폴더를 서비스하게 하기(setup이 페이지와, 자기가 본 출발지 주소를 출력하는 `/cgi-bin/ip`를 써 두었습니다). 스스로 백그라운드로 가고, teardown이 멈춥니다.
*/

// %% exercise ex9 type=build concepts=6 en=86594323
// 연습 9: handBridge, veth handVeth를 가진 네임스페이스 handNs(handServer)를 만들고, 그 안에서 busybox httpd를 띄우세요.
// 여기에 명령을 쓰세요

// %% solution ex9 en=1bef5343
// 연습 9: handBridge, veth handVeth를 가진 네임스페이스 handNs(handServer)를 만들고, 그 안에서 busybox httpd를 띄우세요.

// %% code ex9-self en=c6abe8a1
// 자가 점검: 호스트가 서버의 페이지를 받는가 (브리지에 직접 닿으므로 이 경로에는 포워딩도 NAT도 없음).

// %% check ex9-check 03.hand-net en=e3b0c442

/* %% md hand-before-md concepts=7 en=4dd0d2b1
먼저 포워딩을 보세요 (다음 셀은 읽기만 합니다).
*/

// %% code hand-forwarding concepts=7 en=e3b0c442

/* %% md hand-predict-md en=94ce173a
이제 인터넷 네임스페이스가 `http://hostSide:handPort/`에 요청합니다. 여러분이 서버를 게시할 곳입니다. 아직 여러분의 규칙은 없습니다. 예측해 보세요.
*/

// %% predict p-hand-before hand-before-dnat en=e3b0c442

// %% solution p-hand-before en=e3b0c442

// %% code hand-before concepts=8 en=eaddd9db
// 여러분의 규칙이 없을 때의 요청 (최대 5초; 여기의 busybox wget에는 제대로 동작하는 timeout 옵션이 없음), 그다음 그런 패킷이 가는 경로를 홉마다.

/* %% md ex10-md en=5ae34ae9
### 연습 10 · 포워딩, FORWARD 허용, MASQUERADE, DNAT

연습 셀의 `lab.step` 안에서(추가한 규칙이 보입니다), **모든** 규칙에 `-m comment --comment ${tag}`를 달고:

1. 포워딩이 켜져 있는지 확인하세요. 읽어 보고, 꺼져 있을 때만 씁니다(`sysctl -w`, 1로만).
2. **filter**: Docker 호스트에서 FORWARD 정책은 DROP입니다. Docker가 docker0를 위해 쓴 허용 규칙을 읽고(`iptables -S FORWARD`, `iptables -S DOCKER`; Docker 28에서는 `DOCKER-FORWARD`와 `DOCKER-CT`도) 여러분의 브리지를 위해 같은 세 규칙을 `DOCKER-USER` 맨 위에 넣으세요(FORWARD는 먼저 그리로 점프합니다. 덧붙이지(append) 말고 끼워 넣으세요(insert). 어떤 엔진에서는 체인이 RETURN으로 끝납니다). 여러분의 브리지에서 들어와 다른 곳으로 가는 패킷, 여러분의 브리지로 나가는 패킷 중 conntrack이 아는 연결에 속한 것(`-m conntrack --ctstate RELATED,ESTABLISHED`), 여러분의 브리지를 거쳐 서버의 tcp 80번 포트로 가는 새 연결입니다.
3. **nat POSTROUTING**: `handSubnet`에 대한 MASQUERADE. `handBridge` 안에 머무는 것은 제외합니다.
4. **nat PREROUTING**: `hostSide`의 `handPort`로 가는 tcp 패킷을 `handServer:80`으로 보내는 DNAT.

그다음 체크가 실제 호스트에 묻습니다. 서버의 네임스페이스가 인터넷의 `/cgi-bin/ip`를 가져오고(인터넷은 어느 주소를 보았을까요?), 인터넷 네임스페이스가 `http://hostSide:handPort/`를 가져옵니다.
*/

// %% exercise ex10 type=build concepts=7,8,19 en=8a0b7c44
// 연습 10: 포워딩 켜기; DOCKER-USER에 허용 규칙 셋, MASQUERADE 하나, DNAT 하나, 모두 -m comment --comment ${tag}와 함께.
// 여기에 명령을 쓰세요

// %% solution ex10 en=4c385577
// 연습 10: 포워딩 켜기; DOCKER-USER에 허용 규칙 셋, MASQUERADE 하나, DNAT 하나, 모두 -m comment --comment ${tag}와 함께.
// 켜기만, 그리고 꺼져 있을 때만

// %% check ex10-check 03.hand-masquerade 03.hand-dnat en=e3b0c442

/* %% md compare-md concepts=7,8 en=f046b00e
docker0와 pub에 대한 Docker의 규칙과 여러분의 규칙을, 하는 일별로 나란히 놓았습니다(`iptables-save`에서 읽음. 여러분의 태그가 붙은 것이 여러분의 규칙입니다).
*/

// %% code compare concepts=7,8 en=e3b0c442

/* %% md hand-dnat-md en=cfffa280
### 연습 11 · 여러분의 DNAT를 거쳐서, 그리고 세기

인터넷 네임스페이스가 `hostSide:handPort`를 거쳐 서버의 `/cgi-bin/ip`를 요청합니다. 먼저 예측해 보세요.
*/

// %% predict p-hand-source hand-source-seen en=e3b0c442

// %% solution p-hand-source en=e3b0c442

/* %% md ex11-md en=6d6b7cf2
1. `natRules()`에서 comment로(`rule.comment === tag`) 여러분의 DNAT 규칙을 찾아 `packets`를 기록하세요 → `"hand-dnat-before"`.
2. 인터넷 네임스페이스에서(위 셀의 `tryHand`처럼) `http://${hostSide}:${handPort}/cgi-bin/ip`로 두 번 요청하고, 두 번째에 서버가 출력한 것을 (trim해서) `"hand-saw"`로 기록하세요.
3. 카운터를 다시 읽으세요 → `"hand-dnat-after"`.
*/

// %% exercise ex11 type=observe concepts=8 en=97c5e810
// 연습 11: "hand-dnat-before"를 기록하고, DNAT를 거쳐 두 번 요청해 "hand-saw"를, 그다음 "hand-dnat-after"를 기록하세요.

// %% solution ex11 en=97c5e810
// 연습 11: "hand-dnat-before"를 기록하고, DNAT를 거쳐 두 번 요청해 "hand-saw"를, 그다음 "hand-dnat-after"를 기록하세요.

// %% code hand-after concepts=7,8 en=6547a2d7
// 서버가 본 것을 여러분의 예측 옆에; 지금의 경로 (패킷 하나 더, 움직인 카운터와 함께); 그리고 여러분의 MASQUERADE를 거쳐 나가는 길.

// %% check ex11-check 03.hand-counters en=e3b0c442

/* %% md all-md en=a687929e
## 모든 체크

여러분의 예측(제때 했는지)과, 모든 체크를 다시 한 번. 강사의 채점기는 이 체크들을 실제 호스트에서 돌리고, 자기 패킷을 보내는 숨은 체크도 하나 더 돌립니다.
*/

// %% check predictions-check 03.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=668f0bc8
## 정리(teardown): 만든 것만, 정확히 지우기

web, pub, web2, netr, r1을 (레이블로) 지웁니다. 그러면 엔진이 그것들의 DNAT, ACCEPT, 헤어핀 규칙을 지우고 docker-proxy를 멈춥니다. 인터넷 네임스페이스와 서버 네임스페이스 안의 웹 서버를 멈추고, 두 네임스페이스와 그 veth, 여러분의 브리지를 지웁니다. 여러분의 태그가 붙은 iptables 규칙(그리고 여러분의 브리지, 서브넷, 서버를 가리키는 규칙)을 지웁니다. `net.ipv4.ip_forward`는 그대로 둡니다. Docker에 필요하기 때문입니다. 그 밖에는 아무것도 지우지 않습니다. 두 번 실행해도 괜찮습니다.
*/

// %% teardown teardown en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작함: 실습의 객체는 레이블로 찾는다.
