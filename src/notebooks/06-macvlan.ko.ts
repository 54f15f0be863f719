// 06-macvlan in Korean: every cell marker of 06-macvlan.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=33b15227
# 실습 06 · 맥브이랜(macvlan): LAN 위에서 자기 MAC을 가진 컨테이너

「1. 도커 네트워크 구조」(시드 001, 2.6절)는 이렇게 말합니다. "MacVLAN은 호스트의 네트워크 인터페이스 카드를 가상화해 물리 네트워크 환경을 컨테이너에게 동일하게 제공합니다. 따라서 MacVLAN을 사용하면 컨테이너는 물리 네트워크상에서 가상의 맥(MAC) 주소를 가지며, 해당 네트워크에 연결된 다른 장치와의 통신이 가능해집니다." 「Docker Network」(시드 003)는 컨테이너가 *네트워크 위의 물리 호스트처럼 보여야 할 때* 쓰라고 덧붙입니다.

실습을 마치면 다음을 할 수 있습니다.

- *부모(parent)* 인터페이스(LAN으로 가는 "케이블") 위에 LAN의 서브넷(subnet)과 라우터, 그리고 도커가 나눠 줄 범위를 지정해 **macvlan** 네트워크를 만든다.
- 그 네트워크의 컨테이너마다 **자기 MAC**과 **LAN 주소**가 있고, 중간에 브리지도 NAT도 없다는 것을 보인다.
- 호스트 자신은 어디에 닿을 수 있는지 예측하고 확인한 다음, 호스트에 **심(shim)** 인터페이스를 준다.
- 심이 동작하지 않는 이유를 찾는다.

다른 실습과 같이 **예측(prediction)** 셀이 먼저 나옵니다(*언제* 예측했는지만 평가합니다). 체크가 실패할 때마다 **힌트**가 한 단계씩 자세해집니다(`await lab.hint("06.…")`로 다음 단계를 볼 수도 있습니다).

**안전이 먼저입니다.** 머신의 실제 업링크(uplink) 위에 macvlan 네트워크를 만들면 컨테이너가 여러분 것이 아닌 LAN에 올라가게 됩니다. 그래서 이 실습은 LAN을 직접 만듭니다. **veth 쌍(veth pair)**이 케이블 역할을 합니다. 호스트 쪽 끝(아래의 `uplink`)이 macvlan의 부모이고, 다른 쪽 끝은 LAN 라우터 역할을 하는 네임스페이스(`lan`) 안에 있습니다. 이 실습의 패킷은 모두 이 머신 안에만 머뭅니다.

```
  host ── uplink ═══ veth cable ═══ peer (router, in namespace "lan")
            ├─ m1 (macvlan child: own MAC, LAN address)
            ├─ m2 (macvlan child)
            └─ shim (exercise 4: the host's own macvlan child)
```

> **글에서는** macvlan이 "호스트의 네트워크 인터페이스 카드를 가상화"한다고 합니다(「1. 도커 네트워크 구조」). 즉 `-o parent=eth0`입니다. **지금도** 직접 관리하는 유선 LAN에서는 그대로 동작하지만, 많은 Wi-Fi AP와 클라우드 네트워크는 자신이 할당하지 않은 MAC에서 온 프레임을 버립니다. 그러면 macvlan 컨테이너는 아무 데도 닿지 못합니다. 여기서는 부모가 실습이 만든 veth이므로 어떤 패킷도 머신 밖으로 나가지 않습니다.

> **Docker Desktop(Mac, Windows)**: macvlan은 여러분 컴퓨터의 네트워크 카드가 아니라 도커 리눅스 VM의 인터페이스에 붙습니다.
*/

// %% code setup en=1bf252c8
// 실행한 ip 명령을 출력합니다: LAN 네임스페이스, veth "케이블", 주소
// 커널 이름(최대 15자): LAN 네임스페이스, uplink(macvlan 부모), 그 상대편(peer), 실습 4의 심(shim).
// 세션마다 이 호스트에서 비어 있는 대역을 고릅니다

/* %% md lan-md en=0fdacc87
## 1 · 실습이 만든 LAN

케이블의 호스트 쪽 끝인 `uplink`는 `hostAddr` 주소를 가집니다(실제 LAN에서 호스트의 `eth0`과 같습니다). 다른 쪽 끝은 `lan` 네임스페이스 안에서 라우터 주소를 가집니다. `ip -d`는 링크의 **종류(kind)**(`veth`)를 보여 주고, `@ifN`과 `link_netnsid`는 상대편이 어디에 있는지 알려 줍니다.
*/

// %% code lan-view en=e3b0c442

/* %% md ex1-md en=a0876cfe
### 실습 1 · uplink 위의 macvlan 네트워크

macvlan 네트워크(`docker network create -d macvlan`)에는 다음을 지정합니다.

- **부모**(`-o parent=IFACE`): 자식 인터페이스들이 매달릴 인터페이스입니다. 여기서는 `uplink`이고, 머신의 실제 인터페이스는 **절대** 쓰지 않습니다.
- LAN 자체의 **서브넷**과 **게이트웨이(gateway)**(라우터): 컨테이너가 LAN에 직접 들어갑니다.
- **ip-range**: 서브넷 중 도커가 나눠 줄 수 있는 부분입니다. 도커는 DHCP를 돌리지도, LAN의 누구에게 묻지도 않으므로, LAN이 이미 쓰는 주소(라우터 `.1`, 호스트 `.2`, 나중에 추가할 심 `.3`)를 피하는 범위(`subnet` 안의 CIDR)를 직접 고르세요.

이 네트워크를 `net`이라는 이름으로 만드세요.
*/

// %% exercise ex1 type=build concepts=16 en=1da64d61
// 실습 1: `uplink` 위에 macvlan 네트워크 `net`을 만듭니다(LAN의 서브넷과 라우터, 그리고 직접 고른 ip-range).

// %% solution ex1 en=1da64d61
// 실습 1: `uplink` 위에 macvlan 네트워크 `net`을 만듭니다(LAN의 서브넷과 라우터, 그리고 직접 고른 ip-range).

// %% code ex1-self en=c3434d04
// 셀프 체크: 네트워크가 있고 macvlan 드라이버를 씁니다.

// %% check ex1-check 06.macvlan-network en=e3b0c442

/* %% md ex2-md en=ff6c3f7f
## 2 · 자기 MAC을 가진 자식들

이제 `net`에 컨테이너 두 개를 띄웁니다. 각 컨테이너는 부모가 `uplink`인 **macvlan** 종류의 인터페이스를 받고, 호스트에는 veth도 브리지도 생기지 않습니다(실습 02와 비교해 보세요). 먼저 예측해 보세요.
*/

// %% predict p-mac m1-mac en=e3b0c442

// %% solution p-mac en=e3b0c442

/* %% md ex2-task en=a30e2d95
### 실습 2 · macvlan 네트워크에 m1과 m2 띄우기

둘 다 `lab.image`로, 백그라운드로, 네트워크 `net`에서, 각각 `httpd -f -p 80 -h /var/www`를 실행하도록 띄우세요. 실습 셀의 `lab.step` 안에서 하세요.
*/

// %% exercise ex2 type=build concepts=16 en=d9f68a8a
// 실습 2: net에 m1과 m2를 띄웁니다. 각각 httpd -f -p 80 -h /var/www를 실행합니다.
// 여기에 명령을 쓰세요

// %% solution ex2 en=fdf5e2fc
// 실습 2: net에 m1과 m2를 띄웁니다. 각각 httpd -f -p 80 -h /var/www를 실행합니다.

// %% code mac-view concepts=16 en=e3b0c442

// %% check ex2-check 06.own-macs en=e3b0c442

/* %% md kind-md en=e2b5cd24
컨테이너 안의 busybox `ip`는 링크 종류를 출력하지 못하지만, 호스트의 iproute2는 할 수 있습니다. `nsenter`로 **m1의 네임스페이스 안에서**(m1 메인 프로세스의 네임스페이스) 실행하면 됩니다. `kind: macvlan`, `mode: bridge`가 보이고, `@ifN`은 호스트에 있는 uplink의 인덱스입니다. 이어서 그림을 봅니다. 케이블 하나에 MAC이 셋입니다.
*/

// %% code kind concepts=16 en=e3b0c442

/* %% md ex3-md en=2891e375
## 3 · 컨테이너에서 LAN으로

도커는 컨테이너의 기본 게이트웨이(default gateway)로 LAN의 라우터를 줬습니다. 그 주소는 어디에 있을까요?

### 실습 3 · m1의 게이트웨이는 어디에 있을까?

두 가지 사실을 엮으세요. m1 안의 기본 라우트(default route)가 가리키는 게이트웨이, 그리고 그 주소를 가진 네임스페이스(호스트, 또는 LAN 네임스페이스 `lan`)입니다. `"host"` 또는 그 네임스페이스 이름을 `"m1-gateway-owner"`로 기록하세요.
*/

// %% exercise ex3 type=reason concepts=16 en=323ab92f
// 실습 3: m1의 게이트웨이 주소가 있는 곳("host" 또는 LAN 네임스페이스 이름)을 "m1-gateway-owner"로 기록합니다.

// %% solution ex3 en=323ab92f
// 실습 3: m1의 게이트웨이 주소가 있는 곳("host" 또는 LAN 네임스페이스 이름)을 "m1-gateway-owner"로 기록합니다.

// %% check ex3-check 06.gateway-owner en=e3b0c442

/* %% md router-md en=63e20add
이제 m1이 게이트웨이에 ping을 보냅니다. 라우터는 보낸 쪽에 대해 무엇을 알게 될까요? 예측한 다음, 라우터의 이웃 테이블(neighbour table)(`ip neigh`: 라우터가 패킷을 받은 머신들의 주소 → MAC)을 읽어 보세요.
*/

// %% predict p-router router-sees en=e3b0c442

// %% solution p-router en=e3b0c442

// %% code router-view concepts=16 en=e3b0c442

/* %% md host-md en=a99bde01
## 4 · 호스트와 호스트 자신의 자식

호스트는 이 LAN에 주소(`uplink`의 `hostAddr`)를 가지고 있고, m1도 같은 LAN에 있습니다. 예측해 보세요.
*/

// %% predict p-host host-reaches-m1 en=e3b0c442

// %% solution p-host en=e3b0c442

// %% code host-before concepts=16 en=fef80a19
// 호스트에서 m1로 가는 패킷의 경로를 홉(hop)마다, 만나는 규칙과 함께 봅니다:

/* %% md ex4-md en=d5ffb2ba
### 실습 4 · 호스트의 macvlan 심(shim)

같은 부모 위에, 도커가 자식들에게 쓰는 모드(`bridge`)로 호스트만의 macvlan 자식을 하나 만드세요. 이것이 **심**입니다. 그러면 호스트와 컨테이너가 형제가 됩니다. 실습 셀의 `lab.step` 안에서 다음을 하세요.

1. `shim`이라는 이름으로, bridge 모드의 `uplink` macvlan 자식을 만든다.
2. 주소 `shimAddr`를 준다(/32: 이 주소 하나만이므로 LAN의 어떤 부분도 차지하지 않습니다).
3. 인터페이스를 올린다(up).
4. 컨테이너 범위(실습 1에서 고른 ip-range)로 가는 라우트를 심으로 보낸다.
*/

// %% exercise ex4 type=build concepts=16 en=b3dce93f
// 실습 4: 호스트에 macvlan 심을 추가하고, 컨테이너 범위의 라우트를 심으로 보냅니다.
// 여기에 명령을 쓰세요

// %% solution ex4 en=aab0e712
// 실습 4: 호스트에 macvlan 심을 추가하고, 컨테이너 범위의 라우트를 심으로 보냅니다.

// %% code ex4-self en=c7eaf575
// 셀프 체크: 이제 호스트가 m1에 닿습니다.
// 심을 만들기 전과 같은 패킷을 지금 다시 봅니다:

// %% check ex4-check 06.host-shim en=e3b0c442

/* %% md trouble-md en=b2f9efdc
## 5 · 트러블슈팅: 동작하지 않는 심

다음 셀은 여러분의 심을 지우고 다시 만듭니다. 인터페이스는 올라와 있고 주소와 라우트도 그대로입니다(여러분의 세션 안에서만). 그런데 호스트가 m1에 닿지 못합니다. 이 실습의 도구(호스트의 `ip -d link`, 그리고 `nsenter`로 m1 안에서 실행한 같은 명령, `ip route get`, `lab.draw()`)로 이유를 찾고, 원인을 말한 다음 고치세요.
*/

// %% code scenario concepts=16 en=e3b0c442

// %% exercise ex5 type=troubleshoot concepts=16 en=b67cf53f
// 실습 5: 다시 만든 심으로 호스트가 m1에 닿지 못하는 이유를 찾고, 원인을 말하고, 고칩니다.
// 1. 살펴보기: 필요한 만큼 셀을 추가하세요.
// 2. 원인 말하기: await lab.diagnose("…");   (위에 나온 원인 중 하나)
// 3. 고치기: 무엇이 바뀌었는지 보려면 step 안에서 하세요.
// await lab.step("fix the shim", async () => { … });

// %% solution ex5 en=838dea99
// 실습 5: 다시 만든 심으로 호스트가 m1에 닿지 못하는 이유를 찾고, 원인을 말하고, 고칩니다.
// private 대 bridge

// %% check ex5-check 06.shim-fixed en=e3b0c442

/* %% md all-md en=c8472878
## 전체 체크

예측(제때 했는지)을 먼저 보고, 모든 체크를 다시 실행합니다(채점기는 숨은 체크도 하나 돌립니다. LAN의 다른 머신이 그러듯이, LAN 네임스페이스가 m1의 웹 페이지를 받아 옵니다).
*/

// %% check predictions-check 06.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=bb3bf2d9
## 정리(teardown)

컨테이너와 macvlan 네트워크를 실습의 레이블로 찾아 지우고, 이어서 심, veth 케이블, LAN 네임스페이스를 `dnl<session>` 이름으로 찾아 지웁니다. 머신의 다른 것은 건드리지 않으며, 두 번 실행해도 문제없습니다.
*/

// %% teardown teardown en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작합니다. 실습이 만든 객체는 레이블로 찾습니다.
