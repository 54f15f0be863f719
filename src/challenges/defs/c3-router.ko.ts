// Challenge c3 in Korean: the learner-visible strings of c3-router.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{name}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "A router between two bridges": "두 브리지 사이의 라우터",
  "`{a1}` lives on network `{netA}` ({subnetA}), `{b1}` on `{netB}` ({subnetB}) with a web server at `{b1Ip}`. Make `{a1}` get `http://{b1Ip}/` through a router container `{router}` that has one leg on each network (`{routerA}` and `{routerB}`) and forwards packets between them. Docker isolates two bridges from each other; your router, not the host, joins them.":
    "`{a1}`은(는) 네트워크 `{netA}`({subnetA})에, `{b1}`은(는) `{netB}`({subnetB})에 있고 `{b1Ip}`에서 웹 서버를 돌립니다. 각 네트워크에 다리를 하나씩(`{routerA}`와 `{routerB}`) 두고 둘 사이에서 패킷을 포워딩하는 라우터 컨테이너 `{router}`를 거쳐, `{a1}`이(가) `http://{b1Ip}/`를 받게 하세요. Docker는 두 브리지를 서로 격리합니다. 둘을 잇는 것은 호스트가 아니라 여러분의 라우터입니다.",
  "Keep `{a1}` and `{b1}` (do not recreate them or connect them to the other network).":
    "`{a1}`과 `{b1}`은 그대로 두세요(다시 만들거나 다른 네트워크에 연결하지 마세요).",
  "The router is a container of the image `{image}`; give it the addresses `{routerA}` and `{routerB}`.":
    "라우터는 이미지 `{image}`의 컨테이너입니다. 주소 `{routerA}`와 `{routerB}`를 주세요.",
  "`docker run` (`--ip`, `--sysctl`), `docker network connect`": "`docker run` (`--ip`, `--sysctl`), `docker network connect`",
  "`docker exec … ip route` (a1 and b1 have NET_ADMIN)": "`docker exec … ip route` (a1과 b1에는 NET_ADMIN이 있음)",
  "`challenge.explain`, `challenge.draw`": "`challenge.explain`, `challenge.draw`",
  "the client, on netA (NET_ADMIN: it may change its routes)": "클라이언트, netA에 있음 (NET_ADMIN: 자기 라우트를 바꿀 수 있음)",
  "the web server, on netB (NET_ADMIN)": "웹 서버, netB에 있음 (NET_ADMIN)",
  "b1's address on netB": "netB에서 b1의 주소",
  "network A": "네트워크 A",
  "network B": "네트워크 B",
  "network A's subnet": "네트워크 A의 서브넷",
  "network B's subnet": "네트워크 B의 서브넷",
  "the router container you create": "여러분이 만드는 라우터 컨테이너",
  "the router's address on netA": "netA에서 라우터의 주소",
  "the router's address on netB": "netB에서 라우터의 주소",
  "The router container runs with one leg on each network, at the planned addresses":
    "라우터 컨테이너가 계획한 주소로, 각 네트워크에 다리를 하나씩 두고 실행 중이다",
  "There is no running container {router}.": "실행 중인 컨테이너 {router}이(가) 없습니다.",
  "A router here is an ordinary container with an interface on each network: it starts on one network and joins the other, each time with the planned address.":
    "여기서 라우터는 네트워크마다 인터페이스를 하나씩 가진 평범한 컨테이너입니다. 한 네트워크에서 시작해 다른 네트워크에 들어가며, 매번 계획한 주소를 씁니다.",
  "The router is on {0}: it needs a leg on both.": "라우터가 {0}에 있습니다. 두 네트워크 모두에 다리가 있어야 합니다.",
  "neither network": "어느 네트워크에도 없음",
  "A running container joins another network with docker network connect (which takes --ip too).":
    "실행 중인 컨테이너는 docker network connect로 다른 네트워크에 들어갑니다(--ip도 받습니다).",
  "The router's address on {0} is not the planned one.": "{0}에서 라우터의 주소가 계획한 주소가 아닙니다.",
  "The other containers route through the planned addresses: give them with --ip (docker run, docker network connect).":
    "다른 컨테이너들은 계획한 주소를 거쳐 라우팅합니다. --ip로 주소를 주세요(docker run, docker network connect).",
  "{router} is at {routerA} on {netA} and at {routerB} on {netB}.": "{router}은(는) {netA}에서 {routerA}, {netB}에서 {routerB}에 있습니다.",
  "The router forwards IPv4 packets (net.ipv4.ip_forward = 1 in its namespace)":
    "라우터가 IPv4 패킷을 포워딩한다 (자기 네임스페이스에서 net.ipv4.ip_forward = 1)",
  "There is no router yet.": "아직 라우터가 없습니다.",
  "Create the router first (c3.router-legs).": "먼저 라우터를 만드세요 (c3.router-legs).",
  "ip_forward is 1 in the router's namespace.": "라우터의 네임스페이스에서 ip_forward가 1입니다.",
  "ip_forward is {0} in the router's namespace.": "라우터의 네임스페이스에서 ip_forward가 {0}입니다.",
  "A Linux box forwards packets between its interfaces only when net.ipv4.ip_forward is 1, and that setting belongs to each network namespace: the host's says nothing about the router's. Docker sets namespaced sysctls of a container when it is created.":
    "리눅스 머신은 net.ipv4.ip_forward가 1일 때만 인터페이스 사이에서 패킷을 포워딩하고, 이 설정은 네트워크 네임스페이스마다 따로 있습니다. 호스트의 값은 라우터의 값과 상관없습니다. Docker는 컨테이너를 만들 때 네임스페이스 단위 sysctl을 설정합니다.",
  "a1 gets b1's page at b1's netB address, routed through the router's netA leg":
    "a1이 b1의 netB 주소에서 b1의 페이지를 받고, 그 경로는 라우터의 netA 다리를 거친다",
  "a1 and b1 must both run.": "a1과 b1이 둘 다 실행 중이어야 합니다.",
  "Reset the challenge to get them back.": "챌린지를 reset해서 되살리세요.",
  "a1 and b1 share a network now: that is no router.": "a1과 b1이 이제 네트워크를 함께 씁니다. 그것은 라우터가 아닙니다.",
  "Keep a1 on netA and b1 on netB only (docker network disconnect), and let the router carry the packets.":
    "a1은 netA에만, b1은 netB에만 두고(docker network disconnect) 패킷은 라우터가 나르게 하세요.",
  "a1 → {b1Ip} answers, via {routerA}.": "a1 → {b1Ip} 응답합니다. {routerA}를 거칩니다.",
  "a1's route to {b1Ip} is `{route}`: not through the router.": "{b1Ip}로 가는 a1의 라우트는 `{route}`입니다. 라우터를 거치지 않습니다.",
  "a1 sends packets for other subnets to its default gateway, the bridge of netA on the host, and Docker's isolation drops them there. a1 needs a route for netB's subnet through the router's netA address; and b1 needs the way back.":
    "a1은 다른 서브넷으로 가는 패킷을 기본 게이트웨이, 곧 호스트에 있는 netA의 브리지로 보내고, Docker의 격리가 거기서 패킷을 버립니다. a1에는 라우터의 netA 주소를 거쳐 netB의 서브넷으로 가는 라우트가 필요하고, b1에는 돌아오는 길이 필요합니다.",
  "Routes are per namespace: add them inside a1 and inside b1 (both have NET_ADMIN) with ip route.":
    "라우트는 네임스페이스마다 있습니다. a1 안과 b1 안에서(둘 다 NET_ADMIN이 있음) ip route로 추가하세요.",
  "a1's packets for {b1Ip} go to the router, but no page comes back.": "{b1Ip}로 가는 a1의 패킷이 라우터로 가지만 페이지가 돌아오지 않습니다.",
  "Follow the packet: a1 → router (forwarding on?) → b1; then the reply: b1 → ? Its default route points at netB's bridge on the host, not at the router.":
    "패킷을 따라가 보세요: a1 → 라우터(포워딩이 켜져 있나?) → b1. 그다음 응답: b1 → ? b1의 기본 라우트는 라우터가 아니라 호스트에 있는 netB의 브리지를 가리킵니다.",
  "b1 needs a route back to netA's subnet through the router's netB address.":
    "b1에는 라우터의 netB 주소를 거쳐 netA의 서브넷으로 돌아가는 라우트가 필요합니다.",
};
