// 04-user-bridges-dns in Korean: every cell marker of 04-user-bridges-dns.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=7ad1f381
# 실습 04 · 사용자 정의 브리지와 DNS

시드 001은 "브리지 네트워크는 docker0이 아닌 사용자 정의 브리지를 새로 생성해 각 컨테이너에 연결하는 네트워크 구조입니다"라고 설명하고, 직접 브리지 네트워크를 만들어 컨테이너를 띄웁니다.

```
docker network create --driver bridge mybridge
docker run -i -t --name mynetwork_container --net mybridge ubuntu:14.04
```

사용자 정의 브리지는 두 번째 docker0입니다. 새 리눅스 브리지(`br-<id>`), 자기 서브넷, 자기 MASQUERADE 규칙이 생깁니다. 그리고 기본 브리지에는 없거나 다르게 동작하는 세 가지가 따라옵니다.

1. **127.0.0.11의 내장 DNS(embedded DNS)**: 컨테이너끼리 **이름으로** 찾습니다. 기본 브리지에서는 안 됩니다 (예전 방식인 `--link`만 `/etc/hosts`에 이름을 써 넣습니다).
2. **`--network-alias` (`--net-alias`)**: 컨테이너 여러 개에 이름 하나. DNS가 전부를 (라운드 로빈(round robin)으로) 답합니다.
3. **격리(isolation)**: 사용자 브리지 둘은 서로 통신하지 못합니다 (iptables DROP 규칙). 컨테이너 하나를 `docker network connect`로 양쪽에 연결하기 전까지는요.

다 마치면 다음을 할 수 있습니다.

- 자기 서브넷으로 사용자 정의 브리지를 만들고, 그 뒤의 리눅스 브리지 찾기
- 컨테이너 이름이 어디서 풀리고 어디서 안 풀리는지 보이기
- 별칭(alias)에 누가 답하는지 말하기
- 엔진이 두 브리지 사이의 패킷을 어디서 버리는지 찾고, 컨테이너 하나를 양쪽에 들이기
- `--link`가 실제로 무엇을 하는지 말하기
- 컨테이너가 왜 자기 별칭에 답하지 않는지 찾기

다른 실습처럼 **예측** 셀이 먼저 나오고(*언제* 예측했는지만 점수에 들어갑니다), 실패한 체크의 **힌트**는 실패할 때마다(또는 `await lab.hint("04.…")`로) 자세해집니다.

> **글의 설명**: `--net mybridge`와 `--net-alias`. **요즘** 옵션 이름은 `--network`와 `--network-alias`입니다 (예전 이름도 별칭으로 여전히 동작합니다).
>
> **The post says** `--net mybridge` and `--net-alias`. **Today** the options are `--network` and `--network-alias` (the old spellings still work as aliases).

안전 메모: 여기서 모든 컨테이너는 `--dns 127.0.0.1`로 돕니다. 내장 DNS는 컨테이너 이름에는 여전히 답하지만, 그 밖의 조회는 컨테이너 자신의 루프백으로 보내지고 거기에는 아무것도 없습니다. 어떤 조회도 이 머신 밖으로 나가지 않습니다.
*/

// %% code setup en=34865986
// 이 호스트에서 비어 있음을 확인함 (Docker 네트워크, 경로, 주소)

/* %% md ex1-md en=53e85e6e
## 1 · 서브넷을 지정한 사용자 정의 브리지

### 연습 1 · `netA`를 만들고 `a1`과 `a2`를 붙이기

호스트에 무엇이 생기는지 보이도록 연습 셀의 `lab.step` 안에서 하세요.

1. bridge 드라이버와 서브넷 `subnetA`(이 호스트에서 비어 있음을 확인해 둠)로 네트워크 `netA`
2. 거기에 `a1`과 `a2`, 각각 `sleeper`(toolbox 이미지와 `sleep 3600`)를 `--dns 127.0.0.1`로 실행
*/

// %% exercise ex1 type=build concepts=10 en=e8ce2bde
// 연습 1: subnetA로 netA를 만들고 거기서 a1, a2를 실행하세요 (lab.step 안에서).
// 여기에 명령을

// %% solution ex1 en=3dc36c15
// 연습 1: subnetA로 netA를 만들고 거기서 a1, a2를 실행하세요 (lab.step 안에서).

// %% code ex1-view concepts=10 en=a2b9755b
// Docker가 설명하는 새 네트워크와, 그 뒤의 리눅스 브리지.
// 연습 1을 마치기 전까지는 비어 있음

// %% check ex1-check 04.user-bridge en=e3b0c442

/* %% md dns-md en=259d73a0
## 2 · 내장 DNS: 127.0.0.11

사용자 브리지의 컨테이너 안에서 `/etc/resolv.conf`는 **127.0.0.11**을 가리킵니다. 엔진이 컨테이너의 네임스페이스 안에서 돌리는 리졸버(resolver)로, 같은 네트워크의 모든 컨테이너를 이름으로 압니다. **기본** 브리지에서는 `/etc/resolv.conf`가 호스트 것의 사본입니다 (여기서는 `--dns` 때문에 127.0.0.1).

기본 브리지에 컨테이너 d1과 d2를 띄웁니다. 먼저 예측해 보세요.
*/

// %% predict p-names default-bridge-names en=e3b0c442

// %% solution p-names en=e3b0c442

/* %% md ex2-task en=171af4f0
### 연습 2 · 두 네트워크 비교하기

1. a1에서 `/etc/resolv.conf`를 읽고, nameserver 주소를 `"resolver"`로 기록하세요.
2. a1에서 `nslookup ${a2}`를 하고, 찾은 a2의 주소(서버의 것이 아니라 `Name:` 다음의 `Address` 줄)를 `"a2-from-a1"`로 기록하세요.
3. 기본 브리지에(`--network` 없이) `d1`과 `d2`를 띄우고, 각각 `sleeper`를 `--dns 127.0.0.1`로 실행하세요. d1에는 `--expose 80`도 주세요 (6부에서 씁니다).
4. d1에서 `nslookup ${d2}`를 하고(둘 다 기본 브리지), 됐는지 `true` 또는 `false`를 `"default-bridge-resolves"`로 기록하세요.
*/

// %% exercise ex2 type=observe concepts=11 en=27c21519
// 연습 2: "resolver", "a2-from-a1"을 기록한 다음, 기본 브리지에서 d1과 d2를 실행하고 "default-bridge-resolves"를 기록하세요.

// %% solution ex2 en=27c21519
// 연습 2: "resolver", "a2-from-a1"을 기록한 다음, 기본 브리지에서 d1과 d2를 실행하고 "default-bridge-resolves"를 기록하세요.

// %% code names-view concepts=11 en=e3b0c442

/* %% md dns-box en=64d3f225
> **글의 설명** (시드 001): "--link 옵션인데, 이는 컨테이너의 IP가 변경되도 별명으로 컨테이너를 찾을 수 있게 DNS에 의해 자동으로 관리됩니다." **DNS가 아닙니다**: `--link`는 새 컨테이너의 `/etc/hosts`에 줄을 써 넣고 환경 변수를 넣어 줍니다 (6부). 내장 DNS는 사용자 정의 네트워크에만 있습니다.
>
> **The post says** (seed 001) `--link` finds containers on the default bridge "by DNS". **It is not DNS**: `--link` writes lines into `/etc/hosts` and environment variables into the new container (part 6). The embedded DNS exists on user-defined networks only.
*/

// %% check ex2-check 04.dns en=e3b0c442

/* %% md alias-md en=91c44819
## 3 · `--network-alias`: 이름 하나, 컨테이너 여럿

시드 001의 `--net-alias`: "브리지 타입의 네트워크와 run 명령어의 --net-alias 옵션을 함께 쓰면 특정 호스트 이름으로 컨테이너 여러 개에 접근할 수 있습니다." 여러 컨테이너에 같은 별칭을 주면, 내장 DNS가 그 **모든** 주소를 돌아가는 순서(라운드 로빈)로 답합니다.

### 연습 3 · 이름 `search` 뒤의 웹 서버 두 대

netA에 `web1`과 `web2`를 띄우고, 각각 별칭 `search`(`--network-alias`), `--dns 127.0.0.1`, `httpd -f -p 80 -h /var/www`를 주세요. 그다음 a1에서 DNS에 물어보고(`nslookup search`), `search`에 **어떤 컨테이너가** 답하는지 알아내세요. 출력된 주소를 netA의 컨테이너와 맞춰 봅니다. 그 이름들을 정렬해 `"search-members"`로 기록하세요.
*/

// %% exercise ex3 type=reason concepts=11 en=6d1d4abc
// 연습 3: 별칭 search로 web1, web2를 실행하고, nslookup search가 답하는 컨테이너 이름을 "search-members"로 기록하세요.

// %% solution ex3 en=6d1d4abc
// 연습 3: 별칭 search로 web1, web2를 실행하고, nslookup search가 답하는 컨테이너 이름을 "search-members"로 기록하세요.

// %% code ex3-self en=4f7cb6a2
// 자가 점검: 이름 두 개가 기록되었는가.

// %% check ex3-check 04.alias en=e3b0c442

/* %% md iso-md en=db454965
## 4 · 브리지 사이의 격리

시드 003의 inspect 출력에는 `enable_icc`가 보입니다 (**한** 브리지 안의 컨테이너끼리 통신해도 되는지). **두** 브리지 사이에서는 Docker가 패킷을 버리는데, 어디서 버리는지는 엔진에 따라 다릅니다.

| 엔진 | 한 브리지에서 다른 브리지로 가는 패킷이 죽는 곳 |
|---|---|
| Docker 20.10 ~ 27 | filter FORWARD → `DOCKER-ISOLATION-STAGE-1` (`-i A ! -o A`) → `DOCKER-ISOLATION-STAGE-2` (`-o B -j DROP`) |
| Docker 28 | 이미 **raw** 테이블에서: `PREROUTING -d B1 ! -i B -j DROP` (B1 자신의 브리지로 들어온 패킷만 닿을 수 있음), 어떤 filter 규칙보다도 먼저. 격리 체인은 `DOCKER-FORWARD` 뒤에 여전히 있음 |
| Docker 29 (nftables) | 격리 체인 없음: nftables 테이블 `docker-bridges` |

표를 믿기보다 커널에 물어보세요. 모든 규칙은 자기가 매치한 패킷 수를 세므로, ping이 실패할 때 카운터가 늘어나는 DROP 규칙이 바로 그 패킷을 버린 규칙입니다.

두 번째 네트워크를 만들고 건너편으로 ping합니다. 먼저 예측해 보세요.
*/

// %% predict p-cross cross-ping en=e3b0c442

// %% solution p-cross en=e3b0c442

/* %% md ex4-task en=ddf6cc76
### 연습 4 · 두 번째 브리지와, 건너편으로 ping

1. `netB`(bridge 드라이버, `subnetB`)를 만들고 거기서 `b1`을 실행하세요 (`--dns 127.0.0.1`, `sleeper`).
2. a1에서 b1의 **주소**로 한 번 ping하세요 (`ping -c 1 -W 1`. 다른 네트워크의 이름은 풀리지 않습니다). 응답했는지를 `"cross-ping"`(`true`/`false`)으로 기록하세요.
3. ping 전후로 모든 `DROP` 규칙을 카운터와 함께 읽으세요 (`iptables-save -c`, 모든 테이블, 파싱). `packets`가 늘었고 b1의 주소나 netB의 브리지(`br-` + netB id의 앞 12자)를 가리키는 규칙이 ping을 막은 것입니다. 그 규칙이 있는 곳, 곧 테이블과 체인을 `"isolation-drop"`으로 기록하세요. 예: `"filter SOME-CHAIN"`.
*/

// %% exercise ex4 type=observe concepts=12 en=05066680
// 연습 4: netB와 b1을 만들고 "cross-ping"과 "isolation-drop"을 기록하세요.

// %% solution ex4 en=f449c2b9
// 연습 4: netB와 b1을 만들고 "cross-ping"과 "isolation-drop"을 기록하세요.
// 모든 테이블의 모든 DROP 규칙과 패킷 카운터.

// %% code iso-view concepts=12 en=1fac0c87
// 시드의 iptables -L이 출력하는 격리 체인 (Docker 20.10~28), 그리고 raw 테이블의 DROP (28).
// 같은 패킷을 홉(hop)별로, 만나는 규칙과 함께 (b1의 주소는 netB의 Containers 맵에서):

// %% check ex4-check 04.isolation en=e3b0c442

/* %% md ex5-md en=0418e248
## 5 · connect와 disconnect

`docker network connect NET CONTAINER`는 돌고 있는 컨테이너에 다른 네트워크의 **두 번째** 인터페이스(eth1)를 줍니다. `disconnect`는 그것을 뗍니다.

### 연습 5 · a1을 netB에 연결하고, b1에 이름으로 ping하고, 끊기

a1에게 netB 쪽 다리를 주고(eth1이 생기는 것을 보려면 `lab.step` 안에서), a1에서 b1에 **이름으로** ping한 뒤 응답했는지를 `"ping-after-connect"`로 기록하고, a1을 netB에서 다시 떼세요.
*/

// %% exercise ex5 type=observe concepts=12 en=6b771943
// 연습 5: a1을 netB에 연결하고, "ping-after-connect"를 기록한 뒤, 연결을 끊으세요.

// %% solution ex5 en=6b771943
// 연습 5: a1을 netB에 연결하고, "ping-after-connect"를 기록한 뒤, 연결을 끊으세요.

// %% check ex5-check 04.connect en=e3b0c442

/* %% md ex6-md en=8a869007
## 6 · 예전 방식: `--link`

사용자 네트워크가 생기기 전에는 시드 001의 `--link`로 기본 브리지의 컨테이너끼리 서로를 찾았습니다. `--link d1:db`는 새 컨테이너의 `/etc/hosts`에 `db`(와 d1의 이름)를 써 넣고, d1이 노출(expose)하는 포트마다 그 프로세스들에게 `DB_PORT_80_TCP_ADDR` 같은 환경 변수를 줍니다. DNS는 전혀 관여하지 않습니다.

다음 셀은 d1에 `db`로 링크된 `legacy`를 띄우고, d1이 **다른 주소로** 재시작하게 만듭니다 (d1을 멈추고, 자리 채움 컨테이너들이 빈 주소를 차지하다가 하나가 d1의 주소를 갖게 한 다음, d1을 다시 시작합니다). 먼저 예측해 보세요.
*/

// %% predict p-link link-after-restart en=e3b0c442

// %% solution p-link en=e3b0c442

// %% code link-run concepts=11 en=4392fd9c
// 기본 브리지는 비어 있는 가장 낮은 주소를 나눠 준다: 자리 채움 컨테이너들이 빈 주소를 차지하다가 하나가 d1의 주소를 갖게 된다.

/* %% md ex6-task en=f3b78bbf
### 연습 6 · 서로 다른 db의 두 기록

legacy 안에서 `--link`가 d1의 주소를 남긴 두 곳을 모두 읽으세요. `/etc/hosts`의 `db` 줄 → `"db-address"`, 그리고 legacy **메인 프로세스**의 환경에 있는 `DB_PORT_80_TCP_ADDR`(`/proc/1/environ`: 변수들이 NUL 문자로 구분됨) → `"db-env-address"`. 재시작 전부터 돌고 있던 프로그램은 어느 쪽을 믿을 수 있을까요? (새 `docker exec … env`는 새 값을 받습니다. 해 보고, 왜 그것이 문제를 가리는지 확인하세요.)
*/

// %% exercise ex6 type=reason concepts=11 en=a208dac8
// 연습 6: "db-address"(legacy의 /etc/hosts)와 "db-env-address"(legacy의 DB_PORT_80_TCP_ADDR)를 기록하세요.

// %% solution ex6 en=a208dac8
// 연습 6: "db-address"(legacy의 /etc/hosts)와 "db-env-address"(legacy의 DB_PORT_80_TCP_ADDR)를 기록하세요.

// %% check ex6-check 04.link en=e3b0c442

/* %% md draw-md en=176d5c43
## 그림

이제 브리지가 셋입니다. docker0(d1, d2, legacy, 자리 채움 컨테이너들), netA(a1, a2, web1, web2), netB(b1). 각각 마름모이고 그 아래에 컨테이너들이 있습니다.
*/

// %% code draw en=e3b0c442

/* %% md trouble-md en=25c0a525
## 7 · 트러블슈팅: 자기 이름에 답하지 않는 서버

다음 셀은 이름 `search`의 몫을 나눠 받도록 netA에 `web3`를 추가합니다 (여러분의 세션 안에서만). 그런데 답하지 않습니다. a1 안의 `nslookup`, `docker network inspect`, `docker inspect`(그 네트워크의 Aliases, Docker 25 이상에서는 DNSNames)로 이유를 알아내고, 원인을 지정하고, 고치세요.
*/

// %% code scenario concepts=11 en=e3b0c442

// %% exercise ex7 type=troubleshoot concepts=11 en=f536bd5f
// 연습 7: web3(lab.name("web3"))가 왜 search에 답하지 않는지 알아내고, 원인을 지정하고, 고치세요.
// 1. 살펴보기: 셀은 마음대로 추가하세요.
// 2. 원인 지정: await lab.diagnose("…");   (위에 나온 원인 중 하나)
// 3. 고치세요.

// %% solution ex7 en=0e7ae73a
// 연습 7: web3(lab.name("web3"))가 왜 search에 답하지 않는지 알아내고, 원인을 지정하고, 고치세요.
// Aliases: serach

// %% check ex7-check 04.web3-fixed en=e3b0c442

/* %% md all-md en=a2fc8ffe
## 모든 체크

여러분의 예측(제때 했는지), 그리고 모든 체크를 다시 실행합니다. 채점기도 실제 호스트를 대상으로 이것들과 숨은 체크 하나를 실행합니다.
*/

// %% check predictions-check 04.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=215c9fb9
## 정리(Teardown): 만든 것만, 그것만 지우기

여러분 세션의 컨테이너를 지운 다음 netA와 netB를 (레이블로) 지웁니다. 엔진이 그 브리지와 iptables 규칙도 함께 지웁니다. 두 번 실행해도 괜찮습니다.
*/

// %% teardown teardown en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작합니다: 실습의 객체는 레이블로 찾습니다.
