// Challenge c1 in Korean: the learner-visible strings of c1-lan-only.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{web}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  // brief
  "LAN only": "LAN 전용",
  "The web server `{web}` answers on port `{port}` of the host's LAN address `{lanHost}` and nowhere else: the LAN namespace `{lanNs}` gets its page, the internet namespace `{inetNs}` (which reaches the host at `{inetHost}`) and the host's own loopback (127.0.0.1) get nothing.":
    "웹 서버 `{web}`은(는) 호스트의 LAN 주소 `{lanHost}`의 포트 `{port}`에서만 응답하고 다른 곳에서는 응답하지 않습니다. LAN 네임스페이스 `{lanNs}`는 페이지를 받고, 인터넷 네임스페이스 `{inetNs}`(호스트에 `{inetHost}`로 닿음)와 호스트 자신의 루프백(127.0.0.1)은 아무것도 받지 못합니다.",
  "Keep the web server on port 80 inside the container, and the name `{web}`.": "컨테이너 안의 웹 서버는 포트 80 그대로, 이름도 `{web}` 그대로 두세요.",
  "Change nothing in the namespaces or the host's firewall: Docker alone decides where a port is published.":
    "네임스페이스나 호스트의 방화벽은 아무것도 바꾸지 마세요. 포트를 어디에 게시(publish)할지는 Docker만으로 정합니다.",
  "`docker ps`, `docker port`, `docker inspect`, `docker run`/`rm`": "`docker ps`, `docker port`, `docker inspect`, `docker run`/`rm`",
  "`ip addr` (which host address is on which link)": "`ip addr` (호스트의 어느 주소가 어느 링크에 있는지)",
  "`challenge.explain`, `challenge.snapshot`": "`challenge.explain`, `challenge.snapshot`",
  "the web container (busybox httpd on port 80)": "웹 컨테이너 (포트 80의 busybox httpd)",
  "the host port to publish": "게시할 호스트 포트",
  "the host's address on the LAN cable": "LAN 케이블 쪽 호스트 주소",
  "the LAN namespace (a machine of the office LAN)": "LAN 네임스페이스 (사무실 LAN의 머신 한 대)",
  "the host's address on the internet cable": "인터넷 케이블 쪽 호스트 주소",
  "the internet namespace": "인터넷 네임스페이스",
  // checks
  "The LAN namespace gets web's page from the host's LAN address and port": "LAN 네임스페이스가 호스트의 LAN 주소와 포트에서 web의 페이지를 받는다",
  "The internet namespace gets nothing from the host at that port, while the LAN does":
    "LAN은 받는 동안, 인터넷 네임스페이스는 그 포트에서 호스트로부터 아무것도 받지 못한다",
  "The host's loopback gets nothing at that port, while the LAN does": "LAN은 받는 동안, 호스트의 루프백은 그 포트에서 아무것도 받지 못한다",
  "`{web}` is not running.": "`{web}`이(가) 실행 중이 아닙니다.",
  "The challenge needs its web container: start it again (or reset the challenge).":
    "챌린지에는 웹 컨테이너가 필요합니다. 다시 시작하세요(또는 챌린지를 reset하세요).",
  "The LAN namespace got web's page at {lanHost}:{port}.": "LAN 네임스페이스가 {lanHost}:{port}에서 web의 페이지를 받았습니다.",
  "The LAN namespace gets no page from {lanHost}:{port}.": "LAN 네임스페이스가 {lanHost}:{port}에서 페이지를 받지 못합니다.",
  "A published port listens on the host addresses it names (-p takes an optional host address before the host port). Which of the host's addresses sits on the LAN cable, and is web published there at the challenge's port?":
    "게시된 포트는 지정한 호스트 주소에서 리슨합니다(-p는 호스트 포트 앞에 호스트 주소를 선택적으로 받습니다). 호스트의 주소 중 어느 것이 LAN 케이블 쪽에 있고, web은 거기에 챌린지의 포트로 게시되어 있나요?",
  "Docker fixes a container's published ports when the container is created: to change them, create web again with the same image and command.":
    "Docker는 컨테이너를 만들 때 게시 포트를 정해 버립니다. 바꾸려면 같은 이미지와 명령으로 web을 다시 만드세요.",
  "The LAN does not get the page yet: refusing everyone is not the goal.": "LAN이 아직 페이지를 받지 못합니다. 모두를 거부하는 것이 목표는 아닙니다.",
  "Make the LAN reach web first (c1.lan-reaches).": "먼저 LAN이 web에 닿게 하세요 (c1.lan-reaches).",
  "The internet namespace gets nothing at {inetHost}:{port}.": "인터넷 네임스페이스는 {inetHost}:{port}에서 아무것도 받지 못합니다.",
  "The internet namespace got web's page at {inetHost}:{port}.": "인터넷 네임스페이스가 {inetHost}:{port}에서 web의 페이지를 받았습니다.",
  "A port published without a host address listens on every address of the host (0.0.0.0), the internet link's too. Look at the published bindings (docker port, docker ps) and ask which addresses they cover.":
    "호스트 주소 없이 게시한 포트는 호스트의 모든 주소(0.0.0.0)에서 리슨합니다. 인터넷 링크의 주소도 마찬가지입니다. 게시된 바인딩(binding)을 보고(docker port, docker ps) 그것이 어느 주소들을 덮는지 따져 보세요.",
  "Name the LAN address ({lanHost}) in the -p option, so nothing listens on the others.":
    "-p 옵션에 LAN 주소({lanHost})를 적어, 다른 주소에서는 아무것도 리슨하지 않게 하세요.",
  "127.0.0.1:{port} gets nothing.": "127.0.0.1:{port}는 아무것도 받지 못합니다.",
  "The host got web's page at 127.0.0.1:{port}.": "호스트가 127.0.0.1:{port}에서 web의 페이지를 받았습니다.",
  "Loopback is one of the host's addresses too: a binding on every address (0.0.0.0) or on 127.0.0.1 serves it. Publish on the LAN address alone.":
    "루프백도 호스트의 주소 중 하나입니다. 모든 주소(0.0.0.0)나 127.0.0.1에 대한 바인딩은 루프백에도 응답합니다. LAN 주소에만 게시하세요.",
};
