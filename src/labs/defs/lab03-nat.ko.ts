// Lab 03 in Korean: the learner-visible strings of lab03-nat.ts (check titles, messages, hints, predictions, goals,
// troubleshooting) and of its notebook's code (lab.expect, lab.step, lab.view titles), English -> Korean.
// Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "web is exercise 2's container: the lab's web server (httpd -f -p 80 -h /var/www) on the default bridge, its port 80 published on the host's loopback only, at the port chosen for you (-p HOST_IP:HOST_PORT:CONTAINER_PORT).":
    "web은 연습 2의 컨테이너입니다. 실습의 웹 서버(httpd -f -p 80 -h /var/www)를 기본 브리지에서 돌리고, 그 80번 포트를 호스트의 루프백에만, 여러분을 위해 고른 포트로 게시합니다(-p HOST_IP:HOST_PORT:CONTAINER_PORT).",
  "pub is exercise 7's container: the same web server, published on the host's address of the internet link ({0}), not on 127.0.0.1, at pubPort.":
    "pub은 연습 7의 컨테이너입니다. 같은 웹 서버를 127.0.0.1이 아니라 인터넷 링크 쪽 호스트 주소({0})에, pubPort로 게시합니다.",
  "The notebook (on the host) requests http://127.0.0.1:port/, web's published port. What answers the request first?":
    "노트북(호스트에서 실행)이 web의 게시 포트인 http://127.0.0.1:port/에 요청합니다. 이 요청에 가장 먼저 응답하는 것은 무엇일까요?",
  "a DNAT rule in the kernel": "커널의 DNAT 규칙",
  "docker-proxy, a process of the engine": "엔진의 프로세스인 docker-proxy",
  "nothing: 127.0.0.1 cannot reach a container": "아무것도 아니다: 127.0.0.1로는 컨테이너에 닿을 수 없다",
  "It depends on the engine's userland proxy. With it (the default), nat OUTPUT leaves 127.0.0.0/8 alone and docker-proxy, listening on 127.0.0.1:port, copies the bytes to web:80. Without it (--userland-proxy=false), nat OUTPUT sends 127.0.0.1 through the DNAT rule too.":
    "엔진의 유저랜드 프록시(userland proxy) 설정에 따라 다릅니다. 켜져 있으면(기본값) nat OUTPUT은 127.0.0.0/8을 건드리지 않고, 127.0.0.1:port에서 듣고 있는 docker-proxy가 바이트를 web:80으로 옮겨 줍니다. 꺼져 있으면(--userland-proxy=false) nat OUTPUT이 127.0.0.1도 DNAT 규칙으로 보냅니다.",
  "web (172.17.0.x) requests the internet server. Which source address will the server see?":
    "web(172.17.0.x)이 인터넷 서버에 요청합니다. 서버가 보는 출발지 주소는 무엇일까요?",
  "web's own 172.17.0.x": "web 자신의 172.17.0.x",
  "the host's address on the internet link (hostSide)": "인터넷 링크 쪽 호스트 주소(hostSide)",
  "docker0's 172.17.0.1": "docker0의 172.17.0.1",
  "The request leaves docker0, the host routes it to the internet link, and on the way out nat POSTROUTING's MASQUERADE rewrites its source to the outgoing interface's address. conntrack remembers the rewrite and undoes it for the replies.":
    "요청은 docker0를 떠나고, 호스트가 그것을 인터넷 링크로 라우팅하며, 나가는 길에 nat POSTROUTING의 MASQUERADE가 출발지를 나가는 인터페이스의 주소로 바꿉니다. 연결 추적(conntrack)이 이 변환을 기억했다가 응답에서는 되돌립니다.",
  "The internet namespace makes three requests (three TCP connections) to pub's published port. By how many packets will that port's DNAT rule counter grow?":
    "인터넷 네임스페이스가 pub의 게시 포트로 요청을 세 번(TCP 연결 세 개) 보냅니다. 그 포트의 DNAT 규칙 카운터는 패킷 몇 개만큼 늘어날까요?",
  "A nat rule sees only the first packet of a connection (the SYN): conntrack records the translation and applies it to every later packet and to the replies without asking the nat table again. Three connections, three packets, however many bytes follow.":
    "nat 규칙은 연결의 첫 패킷(SYN)만 봅니다. conntrack이 변환을 기록해 두고, nat 테이블에 다시 묻지 않은 채 이후의 모든 패킷과 응답에 적용합니다. 연결 세 개면 패킷 세 개입니다. 뒤따르는 바이트가 얼마든 상관없습니다.",
  "Your namespace's server runs, forwarding is on, but there is no DNAT rule yet. The internet namespace requests http://hostSide:handPort/. What happens?":
    "여러분 네임스페이스의 서버는 돌고 있고 포워딩도 켜져 있지만, DNAT 규칙은 아직 없습니다. 인터넷 네임스페이스가 http://hostSide:handPort/에 요청합니다. 어떻게 될까요?",
  "the server's page: the host forwards it to the namespace": "서버의 페이지: 호스트가 네임스페이스로 포워딩한다",
  "refused: nothing on the host listens on that port": "거부(refused): 호스트에서 그 포트를 듣는 것이 없다",
  "no answer: the FORWARD chain drops it": "응답 없음: FORWARD 체인이 버린다",
  "hostSide is the host's own address, so without DNAT the packet is for the host itself: PREROUTING leaves it alone, routing delivers it locally (INPUT), no process listens on handPort, and the kernel answers the SYN with a reset. Forwarding never comes into it: a packet is forwarded only when its destination is another machine's address, which only DNAT can make it.":
    "hostSide는 호스트 자신의 주소이므로, DNAT가 없으면 패킷은 호스트 자신에게 온 것입니다. PREROUTING은 그대로 두고, 라우팅은 로컬로 전달하며(INPUT), handPort를 듣는 프로세스가 없으니 커널이 SYN에 reset으로 답합니다. 포워딩은 끼어들 일이 없습니다. 패킷은 목적지가 다른 머신의 주소일 때만 포워딩되고, 그렇게 만들 수 있는 것은 DNAT뿐입니다.",
  "Through your DNAT rule, the internet namespace requests the server's /cgi-bin/ip. Which source address will the server see?":
    "여러분의 DNAT 규칙을 거쳐 인터넷 네임스페이스가 서버의 /cgi-bin/ip를 요청합니다. 서버가 보는 출발지 주소는 무엇일까요?",
  "the internet namespace's own address (internetServer)": "인터넷 네임스페이스 자신의 주소(internetServer)",
  "the hand-made bridge's gateway address": "손으로 만든 브리지의 게이트웨이 주소",
  "DNAT rewrites the destination only. The source stays the internet's own address, and the server's reply goes to it through its default route (the bridge's gateway, the host), where conntrack undoes the DNAT: the reply's source becomes hostSide:handPort again. That is why a published container sees its real clients' addresses; a MASQUERADE would hide them, and it is not applied here because the packet leaves by your bridge, which your MASQUERADE rule excludes (! -o).":
    "DNAT는 목적지만 바꿉니다. 출발지는 인터넷 자신의 주소 그대로이고, 서버의 응답은 기본 경로(브리지의 게이트웨이, 곧 호스트)를 거쳐 그 주소로 가며, 거기서 conntrack이 DNAT를 되돌립니다. 응답의 출발지는 다시 hostSide:handPort가 됩니다. 그래서 게시된 컨테이너는 실제 클라이언트의 주소를 봅니다. MASQUERADE라면 그것을 가렸겠지만, 여기서는 패킷이 여러분의 브리지로 나가고 여러분의 MASQUERADE 규칙은 그 경우를 제외하므로(! -o) 적용되지 않습니다.",
  "web2 ({0}) is running its web server; Docker lists 127.0.0.1:{1} for it.": "web2({0})는 웹 서버를 돌리고 있고, Docker는 web2에 127.0.0.1:{1}을 표시합니다.",
  "web2 runs its web server and Docker lists a published port for it (127.0.0.1:web2Port), but a request to that port gets no page.":
    "web2는 웹 서버를 돌리고 있고 Docker도 게시 포트(127.0.0.1:web2Port)를 표시하지만, 그 포트에 요청하면 페이지가 오지 않습니다.",
  "the published port leads to a container port nothing listens on": "게시 포트가 아무것도 듣고 있지 않은 컨테이너 포트로 이어진다",
  "the port is published on another host address than the one requested": "요청한 것과 다른 호스트 주소에 포트가 게시되어 있다",
  "the FORWARD chain drops the rewritten packets": "FORWARD 체인이 변환된 패킷을 버린다",
  "web2's web server is not running": "web2의 웹 서버가 돌고 있지 않다",
  "web2 is not running.": "web2가 실행 중이 아닙니다.",
  "Run the scenario cell again: it starts web2.": "시나리오 셀을 다시 실행하세요. 그 셀이 web2를 띄웁니다.",
  "http://127.0.0.1:{0}/ answers.": "http://127.0.0.1:{0}/이 응답합니다.",
  "http://127.0.0.1:{0}/ still gets no page.": "http://127.0.0.1:{0}/에서 아직 페이지가 오지 않습니다.",
  "Follow the request: which host address and port are published, to which container port (the PORTS column of `docker ps`, `docker port`, the DNAT rule's --to-destination), and on which port the server inside really listens (`netstat -ltn` inside web2).":
    "요청을 따라가 보세요. 어느 호스트 주소와 포트가 어느 컨테이너 포트로 게시되어 있는지(`docker ps`의 PORTS 열, `docker port`, DNAT 규칙의 --to-destination), 그리고 안의 서버가 실제로 어느 포트에서 듣는지(web2 안에서 `netstat -ltn`).",
  "A published port's mapping is fixed when the container is created: remove web2 and run it again with the right -p.":
    "게시 포트의 매핑은 컨테이너를 만들 때 정해집니다. web2를 지우고 올바른 -p로 다시 실행하세요.",
  "You found the MASQUERADE rule for docker0's subnet in nat POSTROUTING": "nat POSTROUTING에서 docker0 서브넷의 MASQUERADE 규칙을 찾았다",
  "There is no MASQUERADE rule for docker0 on this host.": "이 호스트에는 docker0의 MASQUERADE 규칙이 없습니다.",
  "Is the engine running with ip masquerade enabled? Run `npx docker-net-lab doctor`.":
    "엔진이 ip masquerade를 켠 채로 돌고 있나요? `npx docker-net-lab doctor`를 실행하세요.",
  "No answer recorded for masquerade-source.": "masquerade-source에 기록된 답이 없습니다.",
  'Outbound NAT is done in nat POSTROUTING: the rule whose target is MASQUERADE and that leaves traffic staying on docker0 alone (outInterface "!docker0"). Its source (-s) says whose packets it rewrites.':
    '아웃바운드 NAT는 nat POSTROUTING에서 일어납니다. 타깃이 MASQUERADE이고, docker0 안에 머무는 트래픽은 건드리지 않는(outInterface "!docker0") 규칙입니다. 그 source(-s)가 누구의 패킷을 바꾸는지 말해 줍니다.',
  "You recorded {0}, but the rule's source is {1}.": "{0}을(를) 기록했지만, 규칙의 source는 {1}입니다.",
  "Take the `source` field (-s) of the rule with `! -o docker0`, not of a per-container (hairpin) rule.":
    "컨테이너별(헤어핀) 규칙이 아니라 `! -o docker0`가 있는 규칙의 `source` 필드(-s)를 쓰세요.",
  "Packets from {0} leaving by any interface but docker0 get the outgoing interface's address.":
    "{0}에서 나와 docker0가 아닌 인터페이스로 나가는 패킷은 나가는 인터페이스의 주소를 받습니다.",
  "web publishes container port 80 on 127.0.0.1 at the lab's port": "web이 컨테이너 포트 80을 127.0.0.1의 실습 포트에 게시한다",
  "No container named {0}.": "{0}라는 이름의 컨테이너가 없습니다.",
  "web exists but is {0}.": "web은 있지만 {0} 상태입니다.",
  "web's port 80 is not published.": "web의 80번 포트가 게시되어 있지 않습니다.",
  "web is published on {0}:{1}: that is reachable from outside this machine.": "web이 {0}:{1}에 게시되어 있습니다. 이 머신 밖에서 닿을 수 있는 주소입니다.",
  "Publish on loopback only: -p 127.0.0.1:{0}:80 (remove web and run it again).": "루프백에만 게시하세요: -p 127.0.0.1:{0}:80 (web을 지우고 다시 실행).",
  "web is published on port {0}, not {1}.": "web은 {1}이 아니라 {0}번 포트에 게시되어 있습니다.",
  "Use the variable port ({0}): it was chosen free for your session.": "변수 port({0})를 쓰세요. 여러분의 세션을 위해 비어 있는 것을 골라 둔 포트입니다.",
  "127.0.0.1:{0} → web:80.": "127.0.0.1:{0} → web:80으로 이어집니다.",
  "You read the DNAT rule Docker added to the nat DOCKER chain for your port": "Docker가 여러분의 포트를 위해 nat DOCKER 체인에 추가한 DNAT 규칙을 읽었다",
  "web is not running on the default bridge.": "web이 기본 브리지에서 실행 중이 아닙니다.",
  "There is no DNAT rule for port {0} in nat DOCKER.": "nat DOCKER에 포트 {0}의 DNAT 규칙이 없습니다.",
  "Publish web's port first (03.published).": "먼저 web의 포트를 게시하세요(03.published).",
  "No answer recorded for dnat-to.": "dnat-to에 기록된 답이 없습니다.",
  "Port publishing is a DNAT rule in the nat table's DOCKER chain: the one whose --dport is your port. Its --to-destination says where the packet goes instead.":
    "포트 게시는 nat 테이블 DOCKER 체인의 DNAT 규칙입니다. --dport가 여러분의 포트인 규칙이고, 그 --to-destination이 패킷이 대신 갈 곳입니다.",
  "You recorded {0}, but the rule rewrites to {1}.": "{0}을(를) 기록했지만, 규칙은 {1}(으)로 바꿉니다.",
  "Read --to-destination of the DNAT rule whose --dport is your port (other sessions publish other ports).":
    "--dport가 여러분의 포트인 DNAT 규칙의 --to-destination을 읽으세요 (다른 세션은 다른 포트를 게시합니다).",
  "The DNAT target {0} is not web's {1}:80.": "DNAT 타깃 {0}은(는) web의 {1}:80이 아닙니다.",
  "Recreate web.": "web을 다시 만드세요.",
  "dport {0} → {1}: web's bridge address and port.": "dport {0} → {1}: web의 브리지 주소와 포트.",
  "A request to 127.0.0.1:port from the host reaches web: through docker-proxy, or through DNAT when the engine runs without it":
    "호스트에서 127.0.0.1:port로 보낸 요청이 web에 닿는다: docker-proxy를 거치거나, 엔진이 프록시 없이 돌 때는 DNAT를 거쳐",
  "web does not publish port 80 on {0}.": "web이 포트 80을 {0}에 게시하지 않습니다.",
  "Publish web's port (03.published).": "web의 포트를 게시하세요(03.published).",
  "loopback-status is {0}, expected 200.": "loopback-status가 {0}입니다. 200이어야 합니다.",
  "The notebook runs on the host: request http://127.0.0.1:port/ from it (fetch) and keep the HTTP status.":
    "노트북은 호스트에서 돕니다. 노트북에서 http://127.0.0.1:port/에 요청하고(fetch) HTTP 상태를 기록하세요.",
  "{0}: no docker-proxy serves port {1} and no nat OUTPUT rule rewrites 127.0.0.1:{2}.":
    "{0}: 포트 {1}을(를) 맡는 docker-proxy도 없고, 127.0.0.1:{2}를 바꾸는 nat OUTPUT 규칙도 없습니다.",
  "Publish web's port (03.published); is the engine's iptables management on? Run `npx docker-net-lab doctor`.":
    "web의 포트를 게시하세요(03.published). 엔진의 iptables 관리가 켜져 있나요? `npx docker-net-lab doctor`를 실행하세요.",
  "proxy-pid is {0}, but {1} runs without the userland proxy: no docker-proxy serves port {2}.":
    "proxy-pid가 {0}이지만, {1}은(는) 유저랜드 프록시 없이 돕니다. 포트 {2}를 맡는 docker-proxy는 없습니다.",
  'pgrep finds no docker-proxy here: record null (await lab.answer("proxy-pid", null)). The kernel itself answers 127.0.0.1:{0}: nat OUTPUT sends it to the DOCKER chain, whose DNAT rule rewrites it to web.':
    '여기서는 pgrep이 docker-proxy를 찾지 못합니다. null을 기록하세요(await lab.answer("proxy-pid", null)). 127.0.0.1:{0}에는 커널이 직접 답합니다. nat OUTPUT이 그것을 DOCKER 체인으로 보내고, 거기의 DNAT 규칙이 web으로 바꿉니다.',
  "{0} (--userland-proxy=false): 127.0.0.1:{1} answered 200 without docker-proxy; nat OUTPUT → {2} rewrote it to web.":
    "{0}(--userland-proxy=false): 127.0.0.1:{1}이 docker-proxy 없이 200으로 응답했습니다. nat OUTPUT → {2}가 web으로 바꿨습니다.",
  "proxy-pid is {0}, but docker-proxy for port {1} is pid {2}.": "proxy-pid가 {0}이지만, 포트 {1}의 docker-proxy는 pid {2}입니다.",
  "docker-proxy is a process of the engine, one per published port; its command line names the host port (-host-port). pgrep -f or ps finds it.":
    "docker-proxy는 엔진의 프로세스로, 게시 포트마다 하나씩 뜹니다. 그 명령줄에 호스트 포트가 나옵니다(-host-port). pgrep -f나 ps로 찾을 수 있습니다.",
  "{0}: 127.0.0.1:{1} answered 200, served by docker-proxy pid {2} (nat OUTPUT skips 127.0.0.0/8, so the userland proxy answers).":
    "{0}: 127.0.0.1:{1}이 200으로 응답했고, docker-proxy pid {2}가 맡았습니다 (nat OUTPUT이 127.0.0.0/8을 건너뛰므로 유저랜드 프록시가 답합니다).",
  "The 'internet' saw web's request coming from the host's address, not 172.17.x":
    "'인터넷'은 web의 요청이 172.17.x가 아니라 호스트의 주소에서 온 것으로 보았다",
  "No answer recorded for internet-saw.": "internet-saw에 기록된 답이 없습니다.",
  "The internet server's /cgi-bin/ip prints the source address it saw. Request it from inside web (busybox wget -qO- prints the page), and record what it printed.":
    "인터넷 서버의 /cgi-bin/ip는 자기가 본 출발지 주소를 출력합니다. web 안에서 요청하고(busybox wget -qO-가 페이지를 출력), 출력된 것을 기록하세요.",
  "You recorded {0}: a container address. That is what web sends, not what the internet sees.":
    "{0}을(를) 기록했습니다. 컨테이너 주소입니다. 그것은 web이 보내는 주소이지, 인터넷이 보는 주소가 아닙니다.",
  "Record the output of the request (the server prints the source address it saw).": "요청의 출력을 기록하세요 (서버가 자기가 본 출발지 주소를 출력합니다).",
  "You recorded {0}; the internet namespace sees requests from {1}.": "{0}을(를) 기록했지만, 인터넷 네임스페이스는 요청이 {1}에서 온 것으로 봅니다.",
  'Trim the output: await lab.answer("internet-saw", out.stdout.trim()).': '출력을 trim하세요: await lab.answer("internet-saw", out.stdout.trim()).',
  "The internet namespace saw {0}, the host's address on that link: MASQUERADE rewrote the source.":
    "인터넷 네임스페이스는 {0}, 곧 그 링크 쪽 호스트 주소를 보았습니다. MASQUERADE가 출발지를 바꿨습니다.",
  "The MASQUERADE counter moved when web talked to the internet": "web이 인터넷과 통신할 때 MASQUERADE 카운터가 움직였다",
  "masq-before and masq-after must be numbers.": "masq-before와 masq-after는 숫자여야 합니다.",
  "Read the packets counter of the MASQUERADE rule (iptables-save -c) before and after the request.":
    "요청 전과 후에 MASQUERADE 규칙의 packets 카운터(iptables-save -c)를 읽으세요.",
  "The counter did not move ({0} → {1}).": "카운터가 움직이지 않았습니다({0} → {1}).",
  "Read it once before the request and once after; nat rules count the first packet of each new connection.":
    "요청 전에 한 번, 후에 한 번 읽으세요. nat 규칙은 새 연결마다 첫 패킷을 셉니다.",
  "masq-after ({0}) is higher than the live counter ({1}).": "masq-after({0})가 지금의 카운터({1})보다 큽니다.",
  "Record the packets field of the parsed rule, not bytes.": "bytes가 아니라 파싱된 규칙의 packets 필드를 기록하세요.",
  "MASQUERADE packets {0} → {1} (now {2}).": "MASQUERADE 패킷 {0} → {1} (지금 {2}).",
  "On a network in gateway mode routed, the 'internet' saw r1's own address where the engine honours the mode, the host's where it does not":
    "게이트웨이 모드가 routed인 네트워크에서, 엔진이 그 모드를 따르면 '인터넷'은 r1 자신의 주소를, 따르지 않으면 호스트의 주소를 보았다",
  "There is no network {0}.": "네트워크 {0}이(가) 없습니다.",
  'Exercise 5b\'s network is a bridge network with a driver option (-o) that sets its IPv4 gateway mode to routed, and a subnet from lab.freeSubnet("routed").':
    '연습 5b의 네트워크는 IPv4 게이트웨이 모드를 routed로 정하는 드라이버 옵션(-o)과 lab.freeSubnet("routed")의 서브넷을 가진 bridge 네트워크입니다.',
  "{0}'s gateway mode is {1}.": "{0}의 게이트웨이 모드는 {1}입니다.",
  "nat (the default)": "nat(기본값)",
  "Remove it and create it again with -o com.docker.network.bridge.gateway_mode_ipv4=routed.":
    "지우고 -o com.docker.network.bridge.gateway_mode_ipv4=routed로 다시 만드세요.",
  "{0} is not running on {1}.": "{0}이(가) {1}에서 실행 중이 아닙니다.",
  "r1 runs sleep 3600 on the routed network.": "r1은 routed 네트워크에서 sleep 3600을 돌립니다.",
  "No answer recorded for routed-saw.": "routed-saw에 기록된 답이 없습니다.",
  "As in exercise 5, but from r1: the internet server prints the source address it saw.":
    "연습 5와 같지만 r1에서 요청합니다. 인터넷 서버가 자기가 본 출발지 주소를 출력합니다.",
  "You recorded {0}; the internet namespace sees r1's requests from {1}.": "{0}을(를) 기록했지만, 인터넷 네임스페이스는 r1의 요청이 {1}에서 온 것으로 봅니다.",
  "This engine still masquerades that subnet: look at nat POSTROUTING.": "이 엔진은 여전히 그 서브넷을 MASQUERADE합니다. nat POSTROUTING을 보세요.",
  "This engine does not masquerade the routed network: the source stays r1's own address.":
    "이 엔진은 routed 네트워크를 MASQUERADE하지 않습니다. 출발지는 r1 자신의 주소 그대로입니다.",
  "{0} ignores gateway_mode_ipv4 (gateway modes came with Docker 27 and 28): it still masquerades {1} ({2}), so the internet saw the host's {3}.":
    "{0}은(는) gateway_mode_ipv4를 무시합니다(게이트웨이 모드는 Docker 27과 28에서 생겼습니다). 여전히 {1}을(를) MASQUERADE하므로({2}), 인터넷은 호스트의 {3}을(를) 보았습니다.",
  "{0} honours gateway_mode_ipv4=routed: no MASQUERADE for {1}, the internet saw r1's own {2} and answers it through its route back to this host.":
    "{0}은(는) gateway_mode_ipv4=routed를 따릅니다. {1}에 MASQUERADE가 없고, 인터넷은 r1 자신의 {2}를 보았으며 이 호스트로 돌아오는 경로로 응답합니다.",
  "pub is published on the internet link's host address, the internet namespace fetched it through DNAT, and the DNAT counter moved":
    "pub이 인터넷 링크 쪽 호스트 주소에 게시되었고, 인터넷 네임스페이스가 DNAT를 거쳐 가져왔으며, DNAT 카운터가 움직였다",
  "{0} is not running.": "{0}이(가) 실행 중이 아닙니다.",
  "pub is published on {0}, not {1}:{2}.": "pub은 {1}:{2}가 아니라 {0}에 게시되어 있습니다.",
  "There is no DNAT rule for port {0}.": "포트 {0}의 DNAT 규칙이 없습니다.",
  "Read the packets counter of the DNAT rule for pubPort (natRules(), as in exercise 3) before and after requesting http://{0}:pubPort/ from the internet namespace (ip netns exec … busybox wget), three times.":
    "인터넷 네임스페이스에서 http://{0}:pubPort/를 세 번 요청하기(ip netns exec … busybox wget) 전과 후에, pubPort의 DNAT 규칙 packets 카운터를 읽으세요(연습 3처럼 natRules()).",
  "dnat-before and dnat-after must be numbers.": "dnat-before와 dnat-after는 숫자여야 합니다.",
  "The DNAT counter did not move ({0} → {1}).": "DNAT 카운터가 움직이지 않았습니다({0} → {1}).",
  "dnat-after ({0}) is higher than the live counter ({1}).": "dnat-after({0})가 지금의 카운터({1})보다 큽니다.",
  "The internet namespace gets no page from http://{0}:{1}/ now.": "지금 인터넷 네임스페이스가 http://{0}:{1}/에서 페이지를 받지 못합니다.",
  "Is pub still running, published on that address?": "pub이 아직 돌고 있고, 그 주소에 게시되어 있나요?",
  "The internet namespace reached pub through {0}: its counter went {1} → {2} (one packet per connection: the first).":
    "인터넷 네임스페이스가 {0}을(를) 거쳐 pub에 닿았습니다. 카운터는 {1} → {2}(연결마다 첫 패킷 하나).",
  "pub reached its own published port, and you recorded its hairpin MASQUERADE rule (source = destination = pub, dport 80), or null where this engine adds none":
    "pub이 자기 게시 포트에 닿았고, 그 헤어핀 MASQUERADE 규칙(source = destination = pub, dport 80)을, 이 엔진이 규칙을 추가하지 않으면 null을 기록했다",
  "pub is not running on the default bridge.": "pub이 기본 브리지에서 실행 중이 아닙니다.",
  "Run pub (exercise 7).": "pub을 실행하세요(연습 7).",
  "hairpin-reached is {0}, which is not what happens when pub requests {1} now.":
    "hairpin-reached가 {0}이지만, 지금 pub이 {1}에 요청하면 그렇게 되지 않습니다.",
  "From inside pub, request pub's own published address (the host's address on the internet link, and pubPort), and record whether a page came back (true or false).":
    "pub 안에서 pub 자신의 게시 주소(인터넷 링크 쪽 호스트 주소와 pubPort)에 요청하고, 페이지가 돌아왔는지(true 또는 false)를 기록하세요.",
  "No answer recorded for hairpin-source.": "hairpin-source에 기록된 답이 없습니다.",
  "In nat POSTROUTING, the per-port hairpin rule is a MASQUERADE whose source and destination are both the container's address (/32), for its port 80; record its source, or null when this engine adds none.":
    "nat POSTROUTING에서 포트별 헤어핀 규칙은 source와 destination이 모두 컨테이너의 주소(/32)이고 포트 80에 대한 MASQUERADE입니다. 그 source를 기록하거나, 이 엔진이 규칙을 추가하지 않으면 null을 기록하세요.",
  "hairpin-source is {0}, but {1} has no hairpin MASQUERADE rule for pub.": "hairpin-source가 {0}이지만, {1}에는 pub의 헤어핀 MASQUERADE 규칙이 없습니다.",
  "Read nat POSTROUTING again: when no rule has pub's address as both source and destination, record null.":
    "nat POSTROUTING을 다시 읽으세요. pub의 주소가 source이자 destination인 규칙이 없으면 null을 기록합니다.",
  "{0}{1} adds no per-port hairpin MASQUERADE: a container reaching a published port goes through docker-proxy (nat DOCKER leaves packets from docker0 alone). Docker 28 adds the rule only with --userland-proxy=false.":
    "{0}{1}은(는) 포트별 헤어핀 MASQUERADE를 추가하지 않습니다. 게시 포트로 가는 컨테이너는 docker-proxy를 거칩니다(nat DOCKER는 docker0에서 온 패킷을 건드리지 않습니다). Docker 28은 --userland-proxy=false일 때만 이 규칙을 추가합니다.",
  " with the userland proxy": " (유저랜드 프록시 사용)",
  "hairpin-source is {0}, expected the source of the rule whose source and destination are both pub.":
    "hairpin-source가 {0}입니다. source와 destination이 모두 pub인 규칙의 source여야 합니다.",
  "Look in POSTROUTING for MASQUERADE with -s X -d X --dport 80 where X is pub's address.":
    "POSTROUTING에서 X가 pub의 주소인 -s X -d X --dport 80의 MASQUERADE를 찾으세요.",
  "with the userland proxy on, nat DOCKER returns early for packets from docker0, so a container reaching a published port goes through docker-proxy and this rule stays at 0 packets: it serves the kernel's hairpin path (--userland-proxy=false)":
    "유저랜드 프록시가 켜져 있으면 nat DOCKER가 docker0에서 온 패킷을 일찍 돌려보내므로, 게시 포트로 가는 컨테이너는 docker-proxy를 거치고 이 규칙은 0패킷에 머뭅니다. 이 규칙은 커널의 헤어핀 경로(--userland-proxy=false)를 위한 것입니다",
  "without the userland proxy the kernel does the hairpin: DNAT in PREROUTING sends the packet back into docker0, and this rule rewrites its source so the reply comes back through the host":
    "유저랜드 프록시가 없으면 커널이 헤어핀을 처리합니다. PREROUTING의 DNAT가 패킷을 docker0로 되돌려 보내고, 이 규칙이 출발지를 바꿔 응답이 호스트를 거쳐 돌아오게 합니다",
  "pub {0} its own published port. {1}: {2}; {3}.": "pub은 자기 게시 포트에 {0}. {1}: {2}; {3}.",
  reached: "닿았습니다",
  "did not reach": "닿지 못했습니다",
  "You named why web2's published port gave no page and fixed it": "web2의 게시 포트에서 페이지가 오지 않은 이유를 짚고 고쳤다",
  "You built a bridge and a namespace by hand, and the web server you started inside it answers on the bridge":
    "브리지와 네임스페이스를 손으로 만들었고, 그 안에서 띄운 웹 서버가 브리지에서 응답한다",
  "Lab 02's recipe, for one namespace: a bridge with the gateway's address, up; a namespace; a veth pair with one end inside the namespace as eth0 and the other a port of the bridge, up; inside, the server's address, eth0 and lo up, a default route via the gateway; then a web server started inside the namespace (ip netns exec).":
    "네임스페이스 하나에 대한 실습 02의 방법입니다. 게이트웨이 주소를 가진 브리지를 올리고, 네임스페이스를 만들고, 한쪽 끝은 네임스페이스 안의 eth0, 다른 쪽은 브리지의 포트인 veth 쌍을 올립니다. 안에서는 서버의 주소, eth0와 lo up, 게이트웨이로 가는 기본 경로를 설정합니다. 그다음 네임스페이스 안에서 웹 서버를 띄웁니다(ip netns exec).",
  "The names and addresses are in the setup cell (handBridge, handNs, handVeth, handGateway, handServer, handPrefix). The server is the host's busybox httpd, on handServer port 80, serving the folder handWww; it goes to the background by itself.":
    "이름과 주소는 setup 셀에 있습니다(handBridge, handNs, handVeth, handGateway, handServer, handPrefix). 서버는 호스트의 busybox httpd로, handServer의 80번 포트에서 handWww 폴더를 서비스합니다. 스스로 백그라운드로 갑니다.",
  "There is no bridge {0} on the host.": "호스트에 브리지 {0}이(가) 없습니다.",
  "{0} has no address {1}: the namespace's default route needs the gateway on the bridge.":
    "{0}에 주소 {1}이(가) 없습니다. 네임스페이스의 기본 경로에는 브리지에 있는 게이트웨이가 필요합니다.",
  "There is no namespace {0}.": "네임스페이스 {0}이(가) 없습니다.",
  "eth0 in {0} does not have the address {1}.": "{0} 안의 eth0에 주소 {1}이(가) 없습니다.",
  "The other end of {0}'s eth0 ({1}) is not plugged into {2}.": "{0}의 eth0 반대쪽 끝({1})이 {2}에 꽂혀 있지 않습니다.",
  "The host gets no page from http://{0}/ ({1}).": "호스트가 http://{0}/에서 페이지를 받지 못합니다({1}).",
  "{0} ({1}) on {2} ({3}) serves its page; pid(s) {4} run inside it.": "{2}({3})의 {0}({1})이(가) 페이지를 서비스합니다. 그 안에서 pid {4}가 돕니다.",
  "Forwarding is on, and your tagged MASQUERADE rule makes the hand-made namespace's requests reach the internet from the host's address":
    "포워딩이 켜져 있고, 태그를 단 MASQUERADE 규칙 덕분에 손으로 만든 네임스페이스의 요청이 호스트의 주소로 인터넷에 닿는다",
  "Build it first (exercise 9).": "먼저 만드세요(연습 9).",
  "net.ipv4.ip_forward is {0}: this host routes nothing between its interfaces.":
    "net.ipv4.ip_forward가 {0}입니다. 이 호스트는 인터페이스 사이에서 아무것도 라우팅하지 않습니다.",
  "Forwarding is a kernel setting (sysctl net.ipv4.ip_forward). Turn it on; never off: Docker's containers need it.":
    "포워딩은 커널 설정(sysctl net.ipv4.ip_forward)입니다. 켜세요. 절대 끄지 마세요: Docker의 컨테이너들에 필요합니다.",
  "Two things, like Docker's for docker0: outbound NAT is a MASQUERADE rule in nat POSTROUTING for the subnet, leaving traffic that stays on its own bridge alone (exercise 1); and the filter FORWARD chain (policy DROP on a Docker host) must accept what leaves the bridge and the replies coming back. Every rule you add carries the comment tag.":
    "docker0에 대한 Docker의 규칙처럼 두 가지입니다. 아웃바운드 NAT는 그 서브넷에 대한 nat POSTROUTING의 MASQUERADE 규칙으로, 자기 브리지 안에 머무는 트래픽은 건드리지 않습니다(연습 1). 그리고 filter FORWARD 체인(Docker 호스트에서는 정책이 DROP)이 브리지에서 나가는 것과 돌아오는 응답을 허용해야 합니다. 여러분이 추가하는 모든 규칙에는 태그 comment가 붙습니다.",
  "Put the accept rules at the top of DOCKER-USER (-I, not -A: on some engines the chain ends with RETURN): one for packets in from your bridge going elsewhere, one for packets out to it that belong to a known connection (conntrack RELATED,ESTABLISHED). The MASQUERADE rule: -s handSubnet, ! -o handBridge.":
    "허용 규칙은 DOCKER-USER 맨 위에 넣으세요(-A가 아니라 -I: 어떤 엔진에서는 체인이 RETURN으로 끝납니다). 하나는 여러분의 브리지에서 들어와 다른 곳으로 가는 패킷, 하나는 그 브리지로 나가는 패킷 중 이미 아는 연결에 속한 것(conntrack RELATED,ESTABLISHED)입니다. MASQUERADE 규칙: -s handSubnet, ! -o handBridge.",
  "{0} gets no answer from the internet server {1} ({2}): the host does not forward its packets, or not the replies.":
    "{0}이(가) 인터넷 서버 {1}에서 응답을 받지 못합니다({2}). 호스트가 그 패킷이나 응답을 포워딩하지 않습니다.",
  "The internet saw {0}, the namespace's own address: the host forwarded the request without rewriting its source.":
    "인터넷은 네임스페이스 자신의 주소인 {0}을(를) 보았습니다. 호스트가 출발지를 바꾸지 않고 요청을 포워딩했습니다.",
  "The internet saw {0}, not the host's {1}.": "인터넷은 호스트의 {1}이 아니라 {0}을(를) 보았습니다.",
  "The internet saw {0}, but no MASQUERADE rule for {1} carries the comment {2}: teardown removes only tagged rules, so an untagged one would stay.":
    "인터넷은 {0}을(를) 보았지만, {1}에 대한 MASQUERADE 규칙 중 comment {2}를 단 것이 없습니다. teardown은 태그가 있는 규칙만 지우므로, 태그 없는 규칙은 남게 됩니다.",
  "Every rule you write carries -m comment --comment with the tag (the variable tag); delete the untagged one (iptables -D with the same rule) and add it again, tagged.":
    "여러분이 쓰는 모든 규칙에는 태그(변수 tag)를 단 -m comment --comment가 붙습니다. 태그 없는 규칙을 지우고(같은 규칙으로 iptables -D) 태그를 달아 다시 추가하세요.",
  "forwarding on; {0} → {1} seen as {2}: your {3} rewrote the source.":
    "포워딩 켜짐; {0} → {1}이(가) {2}(으)로 보였습니다: 여러분의 {3}이(가) 출발지를 바꿨습니다.",
  "Your tagged DNAT rule publishes the hand-made server on hostSide:handPort, and the internet namespace gets its page":
    "태그를 단 DNAT 규칙이 손으로 만든 서버를 hostSide:handPort에 게시하고, 인터넷 네임스페이스가 그 페이지를 받는다",
  "Port publishing by hand is what Docker's DNAT in nat DOCKER does (exercise 3): a DNAT rule where packets from outside arrive (nat PREROUTING), for the host address and port, rewriting the destination to the server's address and port 80; then FORWARD must accept the rewritten packet on its way into your bridge. The rule carries the comment tag.":
    "손으로 하는 포트 게시는 nat DOCKER에 있는 Docker의 DNAT(연습 3)가 하는 일과 같습니다. 밖에서 온 패킷이 도착하는 곳(nat PREROUTING)에, 호스트 주소와 포트에 대해 목적지를 서버의 주소와 포트 80으로 바꾸는 DNAT 규칙을 두고, FORWARD가 브리지로 들어가는 변환된 패킷을 허용해야 합니다. 규칙에는 태그 comment가 붙습니다.",
  "Match -d hostSide -p tcp --dport handPort; target DNAT --to-destination handServer:80. In DOCKER-USER, accept packets out to handBridge for handServer's tcp port 80 (Docker's own accept for pub is in filter DOCKER).":
    "-d hostSide -p tcp --dport handPort에 맞추고, 타깃은 DNAT --to-destination handServer:80입니다. DOCKER-USER에서는 handBridge로 나가는, handServer의 tcp 80번 포트로 가는 패킷을 허용하세요(pub에 대한 Docker 자신의 허용 규칙은 filter DOCKER에 있습니다).",
  "The internet namespace gets no page from {0} ({1}).": "인터넷 네임스페이스가 {0}에서 페이지를 받지 못합니다({1}).",
  "{0} answers, but no DNAT rule for port {1} carries the comment {2}: teardown removes only tagged rules.":
    "{0}이(가) 응답하지만, 포트 {1}의 DNAT 규칙 중 comment {2}를 단 것이 없습니다. teardown은 태그가 있는 규칙만 지웁니다.",
  "Every rule you write carries -m comment --comment with the tag (the variable tag); delete the untagged one and add it again, tagged.":
    "여러분이 쓰는 모든 규칙에는 태그(변수 tag)를 단 -m comment --comment가 붙습니다. 태그 없는 규칙을 지우고 태그를 달아 다시 추가하세요.",
  "The internet namespace got the hand-made server's page through {0}.": "인터넷 네임스페이스가 {0}을(를) 거쳐 손으로 만든 서버의 페이지를 받았습니다.",
  "Your DNAT rule's counter moved once per connection, and the server saw the internet's own address":
    "여러분의 DNAT 규칙 카운터가 연결마다 한 번씩 움직였고, 서버는 인터넷 자신의 주소를 보았다",
  "Find your DNAT rule in the parsed nat table by its comment (rule.comment is the tag), read its packets counter, make requests from the internet namespace to hostSide:handPort, read it again; the server's /cgi-bin/ip prints the source address it saw.":
    "파싱한 nat 테이블에서 comment로 여러분의 DNAT 규칙을 찾고(rule.comment가 tag), packets 카운터를 읽은 다음, 인터넷 네임스페이스에서 hostSide:handPort로 요청하고 다시 읽으세요. 서버의 /cgi-bin/ip는 자기가 본 출발지 주소를 출력합니다.",
  "hand-dnat-before and hand-dnat-after must be numbers.": "hand-dnat-before와 hand-dnat-after는 숫자여야 합니다.",
  "Your DNAT counter did not move ({0} → {1}).": "여러분의 DNAT 카운터가 움직이지 않았습니다({0} → {1}).",
  "There is no DNAT rule tagged {0} for port {1} now.": "지금 포트 {1}에 대해 {0} 태그를 단 DNAT 규칙이 없습니다.",
  "hand-dnat-after ({0}) is higher than the live counter ({1}).": "hand-dnat-after({0})가 지금의 카운터({1})보다 큽니다.",
  "No answer recorded for hand-saw.": "hand-saw에 기록된 답이 없습니다.",
  "You recorded hand-saw = {0}; a request from the internet namespace through your DNAT rule reaches the server from {1}.":
    "hand-saw = {0}을(를) 기록했지만, 인터넷 네임스페이스가 여러분의 DNAT 규칙을 거쳐 보낸 요청은 {1}에서 서버에 닿습니다.",
  "Record what the server's /cgi-bin/ip printed (trimmed) for a request the internet namespace made to hostSide:handPort/cgi-bin/ip.":
    "인터넷 네임스페이스가 hostSide:handPort/cgi-bin/ip로 보낸 요청에 대해 서버의 /cgi-bin/ip가 출력한 것을 (trim해서) 기록하세요.",
  "DNAT packets {0} → {1} (now {2}): one per connection; the server saw {3}, the client's own address (DNAT rewrites the destination only).":
    "DNAT 패킷 {0} → {1} (지금 {2}): 연결마다 하나. 서버는 클라이언트 자신의 주소인 {3}을(를) 보았습니다 (DNAT는 목적지만 바꿉니다).",
  "Hidden: web still reaches the internet namespace through NAT, and 127.0.0.1:port still answers":
    "숨은 체크: web이 여전히 NAT를 거쳐 인터넷 네임스페이스에 닿고, 127.0.0.1:port도 여전히 응답한다",
  "web's request to the internet namespace returned {0}.": "web이 인터넷 네임스페이스에 보낸 요청의 결과: {0}.",
  "Is web running on the default bridge? Did you remove the MASQUERADE rule or the internet namespace?":
    "web이 기본 브리지에서 돌고 있나요? MASQUERADE 규칙이나 인터넷 네임스페이스를 지우지 않았나요?",
  "web → internet seen as {0}; 127.0.0.1:{1} answers.": "web → 인터넷에서 {0}(으)로 보임; 127.0.0.1:{1}이 응답합니다.",
  "127.0.0.1:{0} did not answer.": "127.0.0.1:{0}이 응답하지 않았습니다.",
  "NAT and port publishing": "NAT와 포트 게시",
  "find docker0's MASQUERADE rule and watch it rewrite a container's source on the way out (and its counter move)":
    "docker0의 MASQUERADE 규칙을 찾고, 그것이 나가는 컨테이너 패킷의 출발지를 바꾸는 것(과 카운터가 움직이는 것)을 보기",
  "publish a port on one host address, read the DNAT rule and the FORWARD accept Docker adds, and say what answers 127.0.0.1 on your engine":
    "호스트 주소 하나에 포트를 게시하고, Docker가 추가하는 DNAT 규칙과 FORWARD 허용 규칙을 읽고, 여러분의 엔진에서 127.0.0.1에 무엇이 답하는지 말하기",
  "watch a request from the lab's internet take the DNAT path, and explain why the nat counter grows by one per connection (conntrack)":
    "실습의 인터넷에서 온 요청이 DNAT 경로를 타는 것을 보고, nat 카운터가 왜 연결마다 하나씩 느는지(conntrack) 설명하기",
  "see what a container reaching its own published port needs (hairpin)": "자기 게시 포트로 돌아오는 컨테이너에 무엇이 필요한지(헤어핀) 보기",
  "find why a published port gives no page (the PORTS column, the DNAT target, what listens inside) and fix it":
    "게시 포트에서 페이지가 오지 않는 이유(PORTS 열, DNAT 타깃, 안에서 듣는 것)를 찾아 고치기",
  "do Docker's part by hand for a bridge and a namespace you build: forwarding, FORWARD accepts, MASQUERADE and DNAT, each rule tagged so teardown removes exactly yours, and watch the internet reach your server through your DNAT":
    "직접 만든 브리지와 네임스페이스에 대해 Docker가 하는 일을 손으로 하기: 포워딩, FORWARD 허용, MASQUERADE, DNAT. 규칙마다 태그를 달아 teardown이 정확히 여러분의 것만 지우게 하고, 인터넷이 여러분의 DNAT를 거쳐 서버에 닿는 것을 보기",
  "removed iptables rule ({0})": "iptables 규칙을 지웠습니다({0})",
  "removed untagged iptables rule ({0}: -A {1} {2})": "태그 없는 iptables 규칙을 지웠습니다({0}: -A {1} {2})",
  "nat POSTROUTING: printed vs parsed": "nat POSTROUTING: 출력과 파싱 결과",
  "publish web's port 80 on 127.0.0.1": "web의 80번 포트를 127.0.0.1에 게시",
  "docker port {0} shows 127.0.0.1:{1}": "docker port {0}에 127.0.0.1:{1}이 보인다",
  "Run web with -p 127.0.0.1:${port}:80 (see the exercise).": "web을 -p 127.0.0.1:${port}:80으로 실행하세요 (연습 참고).",
  "Lab 03: web and pub behind NAT": "실습 03: NAT 뒤의 web과 pub",
  "fix web2: publish its port 80": "web2 고치기: 80번 포트를 게시",
  "the server's network, by hand": "서버의 네트워크, 손으로",
  "the host gets http://{0}/": "호스트가 http://{0}/을 받는다",
  "Check each step of exercise 9; is httpd running inside the namespace (ip netns pids)?":
    "연습 9의 단계를 하나씩 확인하세요. httpd가 네임스페이스 안에서 돌고 있나요(ip netns pids)?",
  "forwarding and NAT for the hand-made network": "손으로 만든 네트워크의 포워딩과 NAT",
  "Docker's rules (docker0, pub) and yours (handBridge, your server)": "Docker의 규칙(docker0, pub)과 여러분의 규칙(handBridge, 여러분의 서버)",
};
