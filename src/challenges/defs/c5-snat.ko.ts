// Challenge c5 in Korean: the learner-visible strings of c5-snat.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{name}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "A fixed source address for one container": "컨테이너 하나의 고정 출발지 주소",
  "`{app}` and `{other}` run on the network `{egress}`. The internet server `{server}` (in the namespace `{inetNs}`, `http://{server}/cgi-bin/ip` prints the source address it sees) now sees both coming from the host's `{inetHost}` (MASQUERADE). Make it see `{app}` as `{fixed}`, an address the host owns on that link, while `{other}` keeps appearing as `{inetHost}`.":
    "`{app}`과 `{other}`가 네트워크 `{egress}`에서 돕니다. 인터넷 서버 `{server}`(네임스페이스 `{inetNs}` 안에 있고, `http://{server}/cgi-bin/ip`는 자기가 보는 출발지 주소를 출력함)는 지금 둘 다 호스트의 `{inetHost}`에서 온다고 봅니다(MASQUERADE). 서버가 `{app}`은(는) 호스트가 그 링크에 가진 주소 `{fixed}`로 보고, `{other}`는 계속 `{inetHost}`로 보게 하세요.",
  "Keep both containers and the network as they are (no recreating, no network options).":
    "두 컨테이너와 네트워크는 그대로 두세요(다시 만들기 없음, 네트워크 옵션 없음).",
  "Tag every rule you add with the comment `{ruleTag}` (`-m comment --comment {ruleTag}`): teardown removes rules by that tag.":
    "추가하는 규칙마다 주석 `{ruleTag}`를 붙이세요(`-m comment --comment {ruleTag}`). teardown은 그 태그로 규칙을 지웁니다.",
  "`iptables -t nat` (-S, -L -n -v, -I, -D)": "`iptables -t nat` (-S, -L -n -v, -I, -D)",
  "the host's curl inside a container's namespace: `nsenter -t PID -n curl -s http://{server}/cgi-bin/ip` (PID from `docker inspect -f '{{.State.Pid}}'`; the image's busybox wget crashes on user-defined networks)":
    "컨테이너 네임스페이스 안에서 호스트의 curl: `nsenter -t PID -n curl -s http://{server}/cgi-bin/ip` (PID는 `docker inspect -f '{{.State.Pid}}'`로. 이미지의 busybox wget은 사용자 정의 네트워크에서 죽습니다)",
  "`challenge.explain`": "`challenge.explain`",
  "the container that needs the fixed address": "고정 주소가 필요한 컨테이너",
  "app's address on egress": "egress에서 app의 주소",
  "a container that keeps MASQUERADE": "MASQUERADE를 그대로 쓰는 컨테이너",
  "their network": "두 컨테이너의 네트워크",
  "its subnet": "그 서브넷",
  "the internet server": "인터넷 서버",
  "the host's main address on the internet link": "인터넷 링크에서 호스트의 주 주소",
  "the host's second address on that link: app's fixed source": "그 링크에서 호스트의 두 번째 주소: app의 고정 출발지",
  "the host's end of the internet link": "인터넷 링크의 호스트 쪽 끝",
  "the comment your rules carry": "여러분의 규칙에 붙는 주석",
  "The internet server sees app's requests coming from the fixed address": "인터넷 서버가 app의 요청을 고정 주소에서 온 것으로 본다",
  "{app} is not running.": "{app}이(가) 실행 중이 아닙니다.",
  "Reset the challenge to get it back.": "챌린지를 reset해서 되살리세요.",
  "The server saw {app} as {fixed}.": "서버가 {app}을(를) {fixed}로 봤습니다.",
  "The server saw {app} as {seen}.": "서버가 {app}을(를) {seen}으로 봤습니다.",
  "The source address a server sees is rewritten on the way out, in nat POSTROUTING: MASQUERADE takes the outgoing interface's (first) address, SNAT writes the one you give. The first matching nat rule wins, and Docker's MASQUERADE for the network is already there.":
    "서버가 보는 출발지 주소는 나가는 길에 nat POSTROUTING에서 바뀝니다. MASQUERADE는 나가는 인터페이스의 (첫) 주소를 쓰고, SNAT는 지정한 주소를 씁니다. 처음 맞는 nat 규칙이 이기고, 네트워크에 대한 Docker의 MASQUERADE는 이미 거기 있습니다.",
  "Insert a rule at the top of nat POSTROUTING that matches app's source address and the internet link, with the SNAT target and the fixed address; tag it.":
    "nat POSTROUTING 맨 위에 app의 출발지 주소와 인터넷 링크에 맞고, SNAT 타깃과 고정 주소를 쓰는 규칙을 넣으세요. 태그도 붙이세요.",
  "The internet server still sees other as the host's main address (MASQUERADE), while app answers":
    "app이 응답을 받는 동안, 인터넷 서버는 other를 여전히 호스트의 주 주소로 본다 (MASQUERADE)",
  "{other} is not running.": "{other}이(가) 실행 중이 아닙니다.",
  "{app} gets no answer from the server.": "{app}이(가) 서버에서 응답을 받지 못합니다.",
  "Make app's requests reach the server first (c5.app-fixed).": "먼저 app의 요청이 서버에 닿게 하세요 (c5.app-fixed).",
  "The server saw {other} as {inetHost}: MASQUERADE, as before.": "서버가 {other}을(를) {inetHost}로 봤습니다: 전과 같은 MASQUERADE.",
  "The server saw {other} as {fixed} too.": "서버가 {other}도 {fixed}로 봤습니다.",
  "Your rule matches more than app: its source match covers other's address as well. Match app's address alone (a /32), and leave the network's MASQUERADE for the rest.":
    "규칙이 app보다 많이 잡습니다. 출발지 조건이 other의 주소까지 덮습니다. app의 주소 하나만(/32) 잡고, 나머지는 네트워크의 MASQUERADE에 맡기세요.",
  "The server saw {other} as {seen}.": "서버가 {other}을(를) {seen}으로 봤습니다.",
  "Do c5.app-fixed first, touching nothing else.": "다른 것은 건드리지 말고 c5.app-fixed를 먼저 하세요.",
  "The SNAT rule carries the challenge's comment, so teardown finds it": "SNAT 규칙에 챌린지의 주석이 붙어 있어 teardown이 찾을 수 있다",
  "Tagged: {0}.": "태그 있음: {0}.",
  "No SNAT rule in nat POSTROUTING carries the comment {ruleTag}.": "nat POSTROUTING의 SNAT 규칙 중 주석 {ruleTag}가 붙은 것이 없습니다.",
  "iptables' comment match (-m comment --comment TEXT) labels a rule; this challenge's teardown (and `docker-net-lab clean`) removes the rules labelled with its tag, and nothing else.":
    "iptables의 comment 매치(-m comment --comment TEXT)는 규칙에 표시를 붙입니다. 이 챌린지의 teardown(과 `docker-net-lab clean`)은 자기 태그가 붙은 규칙만 지우고 그 밖에는 아무것도 지우지 않습니다.",
};
