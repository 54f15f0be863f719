// Lab 05 in Korean: the learner-visible strings of lab05-modes.ts (check titles, messages, hints, predictions, goals,
// troubleshooting), English -> Korean. Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  // The lab
  "host, none and container network modes": "host, none, container 네트워크 모드",
  "predict and show what a container sees in none, host and container mode": "none, host, container 모드의 컨테이너가 무엇을 보는지 예측하고 보여 준다",
  "tell which namespaces a host-mode container shares with the host (the network one only)":
    "host 모드 컨테이너가 호스트와 어떤 네임스페이스를 공유하는지 구분한다(network 네임스페이스 하나뿐)",
  "explain why `-p` means nothing in host mode, and see the engine drop it":
    "host 모드에서 `-p`가 아무 의미가 없는 이유를 설명하고, 엔진이 그것을 버리는 것을 확인한다",
  "show that containers in container mode share one namespace: one eth0, one veth, one localhost":
    "container 모드의 컨테이너들이 네임스페이스 하나를 함께 쓴다는 것을 보인다: eth0 하나, veth 하나, localhost 하나",
  "find why a sidecar cannot reach its app on localhost, and fix it": "사이드카가 localhost로 앱에 닿지 못하는 이유를 찾아 고친다",

  // Predictions
  "A container runs with `--network none`. Which interfaces will `ip addr` list inside it?":
    "컨테이너를 `--network none`으로 실행합니다. 그 안에서 `ip addr`은 어떤 인터페이스를 보여 줄까요?",
  "lo only": "lo만",
  "lo and an eth0 without an address": "lo, 그리고 주소 없는 eth0",
  "lo and an eth0 with an address": "lo, 그리고 주소가 있는 eth0",
  "no interface at all": "인터페이스가 하나도 없음",
  "Every network namespace starts with a loopback interface, and Docker adds nothing in none mode: no veth, no address, no route. The container still has a namespace of its own; it is just empty.":
    "모든 네트워크 네임스페이스는 루프백 인터페이스 하나를 가지고 시작하고, none 모드에서 도커는 아무것도 더하지 않습니다. veth도, 주소도, 라우트도 없습니다. 컨테이너는 여전히 자기 네임스페이스를 가지고 있고, 그 안이 비어 있을 뿐입니다.",
  "A container in host mode is started with `-p 127.0.0.1:PORT:80`. How many bindings will `docker port` list for it?":
    "host 모드 컨테이너를 `-p 127.0.0.1:PORT:80`과 함께 시작합니다. `docker port`는 이 컨테이너의 바인딩을 몇 개 보여 줄까요?",
  "Publishing translates a host port to the container's address. In host mode there is no container address: the container's ports are the host's. The engine prints a warning, and keeps the request in HostConfig but publishes nothing: no binding, no DNAT rule, no docker-proxy.":
    "포트 게시는 호스트 포트를 컨테이너의 주소로 바꿔 주는 일입니다. host 모드에는 컨테이너 주소가 없습니다. 컨테이너의 포트가 곧 호스트의 포트입니다. 엔진은 경고를 출력하고, 요청은 HostConfig에 남겨 두지만 아무것도 게시하지 않습니다. 바인딩도, DNAT 규칙도, docker-proxy도 없습니다.",
  "side joins app's namespace with `--network container:app`. How many new ports will docker0 get?":
    "side가 `--network container:app`으로 app의 네임스페이스에 들어갑니다. docker0에는 새 포트가 몇 개 생길까요?",
  "A veth pair belongs to a network namespace, not to a container. side enters app's namespace, which already has its eth0 and its veth on docker0: nothing new on the host, and side shares app's address, MAC and localhost.":
    "veth 쌍은 컨테이너가 아니라 네트워크 네임스페이스에 속합니다. side는 이미 eth0과 docker0 위의 veth를 가진 app의 네임스페이스로 들어갑니다. 호스트에는 새로 생기는 것이 없고, side는 app의 주소, MAC, localhost를 함께 씁니다.",

  // Troubleshooting
  "probe ({0}) is running; it should watch app's web server at http://127.0.0.1/.":
    "probe({0})가 실행 중입니다. probe는 http://127.0.0.1/에서 app의 웹 서버를 지켜봐야 합니다.",
  "probe is meant to watch app's web server on localhost, like side does, but `wget http://127.0.0.1/` inside probe is refused.":
    "probe는 side처럼 localhost로 app의 웹 서버를 지켜봐야 하는데, probe 안에서 `wget http://127.0.0.1/`을 하면 연결이 거부됩니다.",
  "probe has a network namespace of its own, so 127.0.0.1 is probe's loopback, not app's":
    "probe가 자기만의 네트워크 네임스페이스를 가지고 있어서, 127.0.0.1이 app의 것이 아니라 probe의 루프백이다",
  "app's web server is not running": "app의 웹 서버가 돌고 있지 않다",
  "app's web server listens on another port than 80": "app의 웹 서버가 80이 아닌 다른 포트에서 listen한다",
  "an iptables rule drops the request": "iptables 규칙이 요청을 버린다",
  "app is not running.": "app이 실행 중이 아닙니다.",
  "Run the scenario cell again: it starts app if needed.": "시나리오 셀을 다시 실행하세요. 필요하면 app도 띄워 줍니다.",
  "localhost means \"this network namespace\". Compare probe's network with app's and side's: addresses, MACs, or /proc/PID/ns/net of their main processes (docker inspect gives the PID).":
    'localhost는 "이 네트워크 네임스페이스"라는 뜻입니다. probe의 네트워크를 app, side의 것과 비교해 보세요. 주소, MAC, 또는 각 메인 프로세스의 /proc/PID/ns/net(PID는 docker inspect로 알 수 있습니다)을 보면 됩니다.',
  "A container's network mode is fixed when it is created: to move probe, remove it and run it again with the right --network.":
    "컨테이너의 네트워크 모드는 만들 때 정해집니다. probe를 옮기려면 지우고, 알맞은 --network로 다시 실행하세요.",
  "probe is not running.": "probe가 실행 중이 아닙니다.",
  "wget http://127.0.0.1/ inside probe still gets no page.": "probe 안에서 wget http://127.0.0.1/을 해도 여전히 페이지를 받지 못합니다.",
  "probe reaches app's web server on 127.0.0.1: they share one network namespace ({0}).":
    "probe가 127.0.0.1로 app의 웹 서버에 닿습니다. 둘은 네트워크 네임스페이스 하나({0})를 함께 씁니다.",
  "You named why probe could not reach app on localhost and fixed it": "probe가 localhost로 app에 닿지 못한 이유를 말하고 고쳤다",

  // Shared by several checks
  "No container named {0}.": "{0}라는 이름의 컨테이너가 없습니다.",
  "{0} is {1}.": "{0}의 상태는 {1}입니다.",
  "{0} Remove the stopped one first (docker rm -f).": "{0} 멈춰 있는 컨테이너를 먼저 지우세요(docker rm -f).",

  // 05.none
  "nonec runs with --network none: a namespace with only lo, and no route": "nonec가 --network none으로 실행된다: lo만 있고 라우트는 없는 네임스페이스",
  "nonec is exercise 1's container: the lab's image, `sleep 3600` to keep it running, and the network mode none (`--network`).":
    "nonec는 실습 1의 컨테이너입니다. 실습 이미지로, 계속 떠 있도록 `sleep 3600`을 실행하고, 네트워크 모드는 none(`--network`)입니다.",
  "nonec's network mode is {0}.": "nonec의 네트워크 모드가 {0}입니다.",
  "The network mode is chosen when the container is created; remove nonec and create it again in mode none.":
    "네트워크 모드는 컨테이너를 만들 때 정해집니다. nonec를 지우고 none 모드로 다시 만드세요.",
  "nonec has {0} and {1} route(s).": "nonec에 {0}이(가) 있고 라우트가 {1}개 있습니다.",
  "Recreate nonec with --network none.": "nonec를 --network none으로 다시 만드세요.",
  "nonec has {0} and no route: a namespace of its own, with nothing but loopback.":
    "nonec에는 {0}만 있고 라우트가 없습니다. 루프백 말고는 아무것도 없는 자기만의 네임스페이스입니다.",

  // 05.host
  "hostc runs in host mode: it sees the host's interfaces and serves 127.0.0.1:port itself":
    "hostc가 host 모드로 실행된다: 호스트의 인터페이스를 보고, 127.0.0.1:port를 직접 서비스한다",
  "hostc is exercise 2's container: network mode host, and busybox's httpd listening on 127.0.0.1:hostPort (httpd -f -p ADDRESS:PORT -h /var/www).":
    "hostc는 실습 2의 컨테이너입니다. 네트워크 모드는 host이고, busybox의 httpd가 127.0.0.1:hostPort에서 listen합니다(httpd -f -p ADDRESS:PORT -h /var/www).",
  "hostc's network mode is {0}.": "hostc의 네트워크 모드가 {0}입니다.",
  "Remove hostc and create it again with the network mode host.": "hostc를 지우고 네트워크 모드 host로 다시 만드세요.",
  "Two observations: list the interfaces inside hostc (docker exec … ip link, parsed) and see whether docker0 is among them; then request http://127.0.0.1:hostPort/ from the notebook, which runs on the host, and keep the HTTP status.":
    "관찰할 것이 두 가지입니다. hostc 안의 인터페이스 목록(docker exec … ip link, 파싱한 결과)에 docker0이 있는지 보고, 호스트에서 실행되는 노트북에서 http://127.0.0.1:hostPort/에 요청을 보내 HTTP 상태 코드를 기록하세요.",
  "host-sees-docker0 is {0}, which is not what hostc sees.": "host-sees-docker0이 {0}인데, hostc가 실제로 보는 것과 다릅니다.",
  "host-mode-status is {0}; http://127.0.0.1:{1}/ answers {2} now.": "host-mode-status가 {0}입니다. 지금 http://127.0.0.1:{1}/은 {2}(으)로 응답합니다.",
  "http://127.0.0.1:{0}/ does not answer 200.": "http://127.0.0.1:{0}/이 200으로 응답하지 않습니다.",
  "Is httpd in hostc listening on 127.0.0.1:hostPort?": "hostc의 httpd가 127.0.0.1:hostPort에서 listen하고 있나요?",
  "hostc {0}; its server is a host process on 127.0.0.1:{1}: no DNAT, no docker-proxy.":
    "hostc는 {0}. 그 서버는 127.0.0.1:{1}의 호스트 프로세스입니다. DNAT도 docker-proxy도 없습니다.",
  "sees docker0 and every host interface": "docker0과 호스트의 모든 인터페이스를 봅니다",
  "sees the host's interfaces": "호스트의 인터페이스를 봅니다",

  // 05.host-namespaces
  "You found which namespaces hostc shares with the host (net only, not the others)": "hostc가 호스트와 공유하는 네임스페이스를 찾았다(net만, 나머지는 아님)",
  "hostc is not running.": "hostc가 실행 중이 아닙니다.",
  "Do exercise 2 first.": "실습 2를 먼저 하세요.",
  "Each namespace of a process is a link under /proc/PID/ns/ (net, pid, mnt, uts, ipc…): two processes share a namespace when the links are equal. Compare hostc's main process (PID from docker inspect) with a host process.":
    "프로세스의 네임스페이스는 각각 /proc/PID/ns/ 아래의 링크입니다(net, pid, mnt, uts, ipc…). 두 프로세스의 링크가 같으면 그 네임스페이스를 공유합니다. hostc의 메인 프로세스(PID는 docker inspect로)와 호스트 프로세스를 비교하세요.",
  "Read them with `readlink`, for hostc's PID and for the host (e.g. PID 1 or `self`), and record the kinds that are equal, out of net, pid, mnt, uts and ipc.":
    "hostc의 PID와 호스트(예: PID 1 또는 `self`)에 대해 `readlink`로 읽고, net, pid, mnt, uts, ipc 중 같은 종류를 기록하세요.",
  "No list recorded for hostc-shared-namespaces.": "hostc-shared-namespaces에 기록된 리스트가 없습니다.",
  "You recorded {0}; that is not what /proc says for hostc.": "{0}을(를) 기록했는데, /proc이 hostc에 대해 말하는 것과 다릅니다.",
  "hostc shares {0} with the host and keeps its own {1}: host mode shares the network namespace only.":
    "hostc는 호스트와 {0}을(를) 공유하고 {1}은(는) 자기 것을 가집니다. host 모드는 네트워크 네임스페이스만 공유합니다.",

  // 05.host-p
  "-p in host mode is discarded: no published port, no DNAT rule": "host 모드의 -p는 버려진다: 게시된 포트도, DNAT 규칙도 없다",
  "hostp is exercise 3's container: host mode, with a -p 127.0.0.1:ignoredPort:80 request, and sleep 3600.":
    "hostp는 실습 3의 컨테이너입니다. host 모드에, -p 127.0.0.1:ignoredPort:80 요청을 붙이고, sleep 3600을 실행합니다.",
  "hostp's network mode is {0}.": "hostp의 네트워크 모드가 {0}입니다.",
  "Recreate hostp in host mode.": "hostp를 host 모드로 다시 만드세요.",
  "hostp was run without -p.": "hostp를 -p 없이 실행했습니다.",
  "Run it with -p 127.0.0.1:ignoredPort:80, to see what the engine does with it.":
    "엔진이 그것을 어떻게 처리하는지 보려면 -p 127.0.0.1:ignoredPort:80을 붙여 실행하세요.",
  "Port {0} is published ({1} binding(s), {2} DNAT rule(s)).": "포트 {0}이(가) 게시되어 있습니다(바인딩 {1}개, DNAT 규칙 {2}개).",
  "hostp must run with --network host.": "hostp는 --network host로 실행해야 합니다.",
  "host-p-bindings is {0}; docker port lists {1} binding(s) for hostp.": "host-p-bindings가 {0}입니다. docker port는 hostp의 바인딩을 {1}개 보여 줍니다.",
  "`docker port NAME` lists a container's published ports, one line per binding: count them.":
    "`docker port NAME`은 컨테이너의 게시된 포트를 바인딩 하나당 한 줄로 보여 줍니다. 줄 수를 세세요.",
  "-p 127.0.0.1:{0}:80 was discarded: in host mode the container's ports are the host's ports, nothing to translate.":
    "-p 127.0.0.1:{0}:80은 버려졌습니다. host 모드에서는 컨테이너의 포트가 곧 호스트의 포트이므로 바꿀 것이 없습니다.",

  // 05.container-mode
  "side runs in app's network namespace (--network container:app)": "side가 app의 네트워크 네임스페이스에서 실행된다(--network container:app)",
  "app is started by the cell above exercise 4.": "app은 실습 4 위의 셀이 띄웁니다.",
  "side is exercise 4's container: sleep 3600, in the network namespace of app (the network mode container:NAME).":
    "side는 실습 4의 컨테이너입니다. app의 네트워크 네임스페이스에서(네트워크 모드 container:NAME) sleep 3600을 실행합니다.",
  "side's network mode is {0}.": "side의 네트워크 모드가 {0}입니다.",
  "The network mode is fixed at creation: remove side and create it again in app's namespace.":
    "네트워크 모드는 만들 때 정해집니다. side를 지우고 app의 네임스페이스에서 다시 만드세요.",
  "side's namespace {0} is not app's {1}.": "side의 네임스페이스 {0}은(는) app의 {1}이(가) 아닙니다.",
  "--network container:{0} (app must be running first).": "--network container:{0}(app이 먼저 실행 중이어야 합니다).",
  "side does not reach app's server on 127.0.0.1.": "side가 127.0.0.1로 app의 서버에 닿지 못합니다.",
  "Is app's httpd running on port 80?": "app의 httpd가 80번 포트에서 돌고 있나요?",
  "app and side share {0}: one eth0, and 127.0.0.1 in side is app's loopback.":
    "app과 side는 {0}을(를) 함께 씁니다. eth0은 하나이고, side의 127.0.0.1은 app의 루프백입니다.",

  // 05.side-veth
  "You found the host veth that carries side's traffic, by ifindex (it is app's)": "side의 트래픽이 지나는 호스트 veth를 ifindex로 찾았다(app의 것이다)",
  "side is not running.": "side가 실행 중이 아닙니다.",
  "Do exercise 4 first.": "실습 4를 먼저 하세요.",
  "The pairing rule of lab 02: eth0@ifN inside side names host link N. Which container's veth is it?":
    "실습 02의 짝 찾기 규칙: side 안의 eth0@ifN은 호스트의 링크 N을 가리킵니다. 그것은 어느 컨테이너의 veth일까요?",
  "No answer recorded for side-host-veth.": "side-host-veth에 기록된 답이 없습니다.",
  "{0} is not the host end of side's eth0.": "{0}은(는) side의 eth0에 대응하는 호스트 쪽 끝이 아닙니다.",
  "side's eth0 is app's eth0: its host end {0} is the one veth of their shared namespace.":
    "side의 eth0이 곧 app의 eth0입니다. 그 호스트 쪽 끝 {0}이(가) 두 컨테이너가 함께 쓰는 네임스페이스의 유일한 veth입니다.",

  // 05.live (hidden)
  "Hidden: side reaches app on localhost, nonec has no route out, hostc answers on its port":
    "숨은 체크: side가 localhost로 app에 닿고, nonec에는 밖으로 나가는 라우트가 없으며, hostc가 자기 포트에서 응답한다",
  "side cannot reach http://127.0.0.1/.": "side가 http://127.0.0.1/에 닿지 못합니다.",
  "Run app with httpd -f -p 80 and side with --network container:app.": "app은 httpd -f -p 80으로, side는 --network container:app으로 실행하세요.",
  "nonec has routes (or is not running).": "nonec에 라우트가 있습니다(또는 실행 중이 아닙니다).",
  "Run nonec with --network none.": "nonec를 --network none으로 실행하세요.",
  "localhost inside the shared namespace works; none has no routes; host mode serves the host's loopback.":
    "공유한 네임스페이스 안의 localhost가 동작하고, none에는 라우트가 없으며, host 모드는 호스트의 루프백에서 서비스합니다.",
  "127.0.0.1:{0} did not answer.": "127.0.0.1:{0}이 응답하지 않았습니다.",
  "Run hostc with --network host and httpd on 127.0.0.1:port.": "hostc를 --network host로, httpd를 127.0.0.1:port에서 실행하세요.",
  // The notebook's steps and picture
  "side joins app's namespace": "side가 app의 네임스페이스에 들어간다",
  "Lab 05: host, none and container modes": "실습 05: host, none, container 모드",
  "fix probe: recreate it in app's namespace": "probe 고치기: app의 네임스페이스에 다시 만든다",
  "lab.sh`docker rm -f {0}`, then lab.sh`{1}`": "lab.sh`docker rm -f {0}`, 그다음 lab.sh`{1}`",
};
