// Challenge c7 in Korean: the learner-visible strings of c7-name-diagnosis.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{name}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "Why can't the client find api?": "클라이언트는 왜 api를 못 찾을까?",
  "`{client}` should get `http://api/`, the page of `{api}`, by the name `api`. It gets nothing. Its team also reports that, once it did, large pings between the two (1472 bytes of data) got no answer while small ones did. Diagnose from the picture and the snapshot (`challenge.draw()`, `challenge.snapshot()`, `docker network inspect`) what stands between them, and fix it.":
    "`{client}`는 이름 `api`로 `{api}`의 페이지 `http://api/`를 받아야 하는데 아무것도 받지 못합니다. 팀은 또, 한번 받았을 때는 둘 사이의 큰 ping(데이터 1472바이트)은 응답이 없고 작은 ping은 응답이 있었다고 보고합니다. 그림과 스냅숏(`challenge.draw()`, `challenge.snapshot()`, `docker network inspect`)으로 둘 사이를 막는 것이 무엇인지 진단하고 고치세요.",
  "Fix the containers in place: do not remove or recreate `{client}` or `{api}` (they hold state).":
    "컨테이너는 그 자리에서 고치세요. `{client}`나 `{api}`를 지우거나 다시 만들지 마세요(상태를 갖고 있습니다).",
  "`{api}` keeps its name `apl` on `{netA}`: other clients use it there.":
    "`{api}`는 `{netA}`에서 이름 `apl`을 유지합니다. 다른 클라이언트들이 거기서 그 이름을 씁니다.",
  "No published ports, no --link, no /etc/hosts edits: the name must come from Docker's DNS.":
    "게시 포트 없음, --link 없음, /etc/hosts 편집 없음: 이름은 Docker의 DNS에서 와야 합니다.",
  "`challenge.draw()`, `challenge.snapshot()`, `challenge.explain`": "`challenge.draw()`, `challenge.snapshot()`, `challenge.explain`",
  "`docker inspect`, `docker network inspect`, `docker network connect`/`disconnect`":
    "`docker inspect`, `docker network inspect`, `docker network connect`/`disconnect`",
  "`ip link`, `nsenter -t PID -n` (a container's network namespace, from the host), `ping -s SIZE`":
    "`ip link`, `nsenter -t PID -n` (호스트에서 컨테이너의 네트워크 네임스페이스로), `ping -s SIZE`",
  "the container that asks": "묻는 컨테이너",
  "the container that should answer as api": "api로서 답해야 하는 컨테이너",
  "a network of the challenge": "챌린지의 네트워크 하나",
  "another network of the challenge": "챌린지의 다른 네트워크 하나",
  "Fixed in place: client and api are the containers the challenge started, still running":
    "그 자리에서 고쳤다: client와 api가 챌린지가 시작한 그 컨테이너이고, 아직 돌고 있다",
  "client and api must both run.": "client와 api가 둘 다 돌아야 합니다.",
  "Reset the challenge to get them back.": "챌린지를 reset해서 되살리세요.",
  "A container was recreated: the fix had to keep them.": "컨테이너를 다시 만들었습니다. 고칠 때 컨테이너는 유지해야 했습니다.",
  "Networks and aliases of a running container can be changed without recreating it. Reset the challenge and fix them in place.":
    "실행 중인 컨테이너의 네트워크와 별칭은 다시 만들지 않고 바꿀 수 있습니다. 챌린지를 reset하고 그 자리에서 고치세요.",
  "api no longer answers as apl on {netA}: its other clients lose it.": "api가 더는 {netA}에서 apl로 답하지 않습니다. 다른 클라이언트들이 api를 잃습니다.",
  "Leave api's endpoint on its first network as it was. A container can carry other names on another network, each endpoint its own.":
    "첫 번째 네트워크에 있는 api의 엔드포인트는 그대로 두세요. 컨테이너는 다른 네트워크에서 다른 이름을 가질 수 있고, 엔드포인트마다 따로입니다.",
  "Not fixed yet: the client cannot find api.": "아직 고쳐지지 않았습니다: 클라이언트가 api를 찾지 못합니다.",
  "This check confirms the fix kept the containers; do the others first.": "이 체크는 고칠 때 컨테이너를 유지했는지 확인합니다. 다른 체크를 먼저 하세요.",
  "{client} and {api} are the original containers; api is still apl on {netA}.": "{client}와 {api}는 원래 컨테이너이고, api는 {netA}에서 여전히 apl입니다.",
  "client and api share a user-defined network": "client와 api가 사용자 정의 네트워크를 함께 쓴다",
  "They share {0}.": "둘은 {0}을(를) 함께 씁니다.",
  "client and api share no user-defined network.": "client와 api가 함께 쓰는 사용자 정의 네트워크가 없습니다.",
  "Docker's DNS answers a container only for containers on the networks it is on, and packets cross between two bridges only through a router. Draw the challenge: which network is each one on?":
    "Docker의 DNS는 컨테이너가 속한 네트워크에 있는 컨테이너들에 대해서만 답하고, 두 브리지 사이를 패킷이 건너려면 라우터가 있어야 합니다. 챌린지를 그려 보세요: 각각은 어느 네트워크에 있나요?",
  "A running container joins another network without being recreated; api must keep its endpoint on its first network as it is.":
    "실행 중인 컨테이너는 다시 만들지 않고도 다른 네트워크에 들어갑니다. api는 첫 번째 네트워크의 엔드포인트를 그대로 유지해야 합니다.",
  "The name api resolves to api's address from the client (a container name or alias on the shared network)":
    "클라이언트에서 이름 api가 api의 주소로 풀린다 (함께 쓰는 네트워크에서의 컨테이너 이름이나 별칭)",
  "api → {0} for the client.": "클라이언트에게 api → {0}.",
  "The name api does not resolve for the client.": "클라이언트에게 이름 api가 풀리지 않습니다.",
  "On a shared user-defined network Docker's DNS answers for a container's name and for its aliases on that network, nothing else. What names does api carry there (docker network inspect, docker inspect: Aliases)?":
    "함께 쓰는 사용자 정의 네트워크에서 Docker의 DNS는 그 네트워크에서의 컨테이너 이름과 별칭에만 답하고, 그 밖에는 답하지 않습니다. api는 거기서 어떤 이름들을 갖고 있나요(docker network inspect, docker inspect: Aliases)?",
  "An endpoint's aliases are set when the container joins the network, each network its own: api can join the client's network under the name it needs (and keep apl where it is).":
    "엔드포인트의 별칭은 컨테이너가 네트워크에 들어갈 때 정해지고, 네트워크마다 따로입니다. api는 필요한 이름으로 클라이언트의 네트워크에 들어갈 수 있습니다(apl은 있던 곳에 그대로 두고).",
  "The client gets api's page at the address api resolves to": "클라이언트가 api가 풀리는 주소에서 api의 페이지를 받는다",
  "api does not resolve yet.": "api가 아직 풀리지 않습니다.",
  "Do c7.resolves first.": "c7.resolves를 먼저 하세요.",
  "http://api/ ({0}) answers the client.": "http://api/ ({0})가 클라이언트에게 응답합니다.",
  "Nothing answers at {0}.": "{0}에서 아무것도 응답하지 않습니다.",
  "Is api's web server still running? docker ps, and docker logs.": "api의 웹 서버가 아직 돌고 있나요? docker ps와 docker logs를 보세요.",
  "Packets as large as either end sends cross between client and api, both ways (every MTU on the path agrees)":
    "양 끝이 보내는 만큼 큰 패킷이 client와 api 사이를 양방향으로 건넌다 (경로의 모든 MTU가 일치)",
  "Echoes of {0} bytes of data cross both ways.": "데이터 {0}바이트의 에코가 양방향으로 건넙니다.",
  "Echoes of {0} bytes of data ({1}-byte packets, as large as an end sends) get no answer {2}{3}.":
    "데이터 {0}바이트의 에코({1}바이트 패킷, 한쪽 끝이 보내는 최대 크기)가 {2} 방향으로 응답을 받지 못합니다{3}.",
  "; the page (small packets) comes through": "; 페이지(작은 패킷)는 통과합니다",
  "Small packets cross and large ones do not: a frame larger than the MTU of the device that receives it is dropped, and nothing tells the sender. Compare the MTU of every interface between the client and api, both ends of each veth pair (the picture and the snapshot show each interface's MTU).":
    "작은 패킷은 건너고 큰 패킷은 건너지 못합니다. 받는 장치의 MTU보다 큰 프레임은 버려지고, 보낸 쪽에는 아무것도 알려 주지 않습니다. client와 api 사이의 모든 인터페이스, 각 veth 쌍의 양 끝의 MTU를 비교해 보세요(그림과 스냅숏이 인터페이스마다 MTU를 보여 줍니다).",
  "One interface disagrees with the rest of its network: both ends of a veth pair, and every port of a bridge, must carry the same MTU as the network (docker network inspect: an MTU option, else 1500). A container cannot change its own interfaces (no NET_ADMIN), but the host can, inside the container's network namespace (nsenter -n, with the container's pid from docker inspect).":
    "인터페이스 하나가 자기 네트워크의 나머지와 다릅니다. veth 쌍의 양 끝과 브리지의 모든 포트는 네트워크와 같은 MTU여야 합니다(docker network inspect: MTU 옵션, 없으면 1500). 컨테이너는 자기 인터페이스를 바꿀 수 없지만(NET_ADMIN 없음), 호스트는 컨테이너의 네트워크 네임스페이스 안에서 바꿀 수 있습니다(nsenter -n, 컨테이너의 pid는 docker inspect로).",
};
