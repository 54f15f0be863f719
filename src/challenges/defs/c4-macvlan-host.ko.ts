// Challenge c4 in Korean: the learner-visible strings of c4-macvlan-host.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{name}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "The host and its macvlan children": "호스트와 그 macvlan 자식들",
  "`{m1}` is a web server on the macvlan network `{lan}` (parent `{uplink}`, the host's cable to the LAN namespace `{lanNs}`), at `{m1Ip}`. The LAN reaches it; the host does not, although someone made the host a shim, `{shim}` (`{shimIp}`). Find out why and make the host get `http://{m1Ip}/` through that shim, while the LAN keeps reaching `{m1}`.":
    "`{m1}`은(는) macvlan 네트워크 `{lan}`(부모 `{uplink}`: LAN 네임스페이스 `{lanNs}`로 가는 호스트의 케이블)에 있는 웹 서버이고 주소는 `{m1Ip}`입니다. LAN은 m1에 닿지만 호스트는 닿지 못합니다. 누군가 호스트에 심(shim) `{shim}`(`{shimIp}`)을 만들어 두었는데도 그렇습니다. 이유를 찾아, LAN이 계속 `{m1}`에 닿는 채로 호스트가 그 심을 거쳐 `http://{m1Ip}/`를 받게 하세요.",
  "Keep `{m1}`, the network `{lan}` and the cable as they are.": "`{m1}`, 네트워크 `{lan}`, 케이블은 그대로 두세요.",
  "Use the shim `{shim}` (so that teardown finds it): fix it, or make it again under that name.":
    "심 `{shim}`을 쓰세요(teardown이 찾을 수 있도록): 고치거나, 같은 이름으로 다시 만드세요.",
  "`ip -d link`, `ip addr`, `ip route get`": "`ip -d link`, `ip addr`, `ip route get`",
  "`ip link set … type macvlan …`, `ip route`": "`ip link set … type macvlan …`, `ip route`",
  "`challenge.explain`, `challenge.draw`": "`challenge.explain`, `challenge.draw`",
  "the macvlan container": "macvlan 컨테이너",
  "m1's address on the LAN": "LAN에서 m1의 주소",
  "the macvlan network": "macvlan 네트워크",
  "the parent: the host's end of the LAN cable": "부모 인터페이스: LAN 케이블의 호스트 쪽 끝",
  "the LAN namespace (the LAN's router)": "LAN 네임스페이스 (LAN의 라우터)",
  "the host's macvlan shim": "호스트의 macvlan 심",
  "the shim's address": "심의 주소",
  "the range Docker hands out on the LAN": "Docker가 LAN에서 나눠 주는 주소 범위",
  "The shim is a macvlan child of the parent, up, addressed, in the containers' mode (bridge)":
    "심이 부모의 macvlan 자식이고, 켜져(UP) 있고, 주소가 있고, 컨테이너들과 같은 모드(bridge)이다",
  "There is no macvlan shim {shim} on {uplink}.": "{uplink}에 macvlan 심 {shim}이(가) 없습니다.",
  "The host reaches macvlan children only through a macvlan child of its own on the same parent.":
    "호스트는 같은 부모 위에 있는 자기 macvlan 자식을 거쳐서만 macvlan 자식들에 닿습니다.",
  "{shim} is down or has no address.": "{shim}이(가) 꺼져(DOWN) 있거나 주소가 없습니다.",
  "A shim is an interface like any other: it needs to be up, with an address.": "심도 다른 인터페이스와 똑같습니다. 켜져 있고 주소가 있어야 합니다.",
  "{shim} is a macvlan child of {uplink}, but m1 still cannot hear it.": "{shim}은(는) {uplink}의 macvlan 자식이지만 m1은 여전히 심의 말을 듣지 못합니다.",
  "Macvlan children of one parent talk to each other only in some modes. Compare the shim's details with m1's eth0 (ip -d link, inside m1's namespace): kind, parent, and the mode.":
    "한 부모의 macvlan 자식들은 일부 모드에서만 서로 통신합니다. 심의 세부 정보를 m1의 eth0과(m1의 네임스페이스 안에서 ip -d link) 비교해 보세요: 종류, 부모, 그리고 모드.",
  "Docker makes its children in bridge mode; a macvlan's mode can be changed in place.":
    "Docker는 자식을 bridge 모드로 만듭니다. macvlan의 모드는 그 자리에서 바꿀 수 있습니다.",
  "{shim}: macvlan on {uplink}, bridge mode, up, {addresses}.": "{shim}: {uplink} 위의 macvlan, bridge 모드, 켜짐(UP), {addresses}.",
  "The host sends packets for m1 out of the shim, not out of the parent": "호스트가 m1로 가는 패킷을 부모가 아니라 심으로 내보낸다",
  "ip route get {m1Ip}: dev {shim}.": "ip route get {m1Ip}: dev {shim} (심으로 나갑니다).",
  "The host sends packets for {m1Ip} out of {dev}.": "호스트가 {m1Ip}로 가는 패킷을 {dev}로 내보냅니다.",
  "Which interface does the host pick for m1's address (ip route get)? The parent carries a route for the whole LAN, and the kernel never hands a parent's own packets to its macvlan children. The shim needs a more specific route for the children's addresses.":
    "호스트는 m1의 주소에 어느 인터페이스를 고르나요(ip route get)? 부모에는 LAN 전체로 가는 라우트가 있고, 커널은 부모 자신의 패킷을 그 macvlan 자식들에게 절대 넘기지 않습니다. 심에는 자식들의 주소로 가는 더 구체적인 라우트가 필요합니다.",
  "The host gets m1's page, and the LAN namespace still does": "호스트가 m1의 페이지를 받고, LAN 네임스페이스도 여전히 받는다",
  "{m1} is not running.": "{m1}이(가) 실행 중이 아닙니다.",
  "Reset the challenge to get it back.": "챌린지를 reset해서 되살리세요.",
  "The host gets no page from http://{m1Ip}/.": "호스트가 http://{m1Ip}/에서 페이지를 받지 못합니다.",
  "Both halves are needed: a shim m1 can hear (c4.shim-bridge) and a route through it (c4.route-via-shim).":
    "둘 다 필요합니다: m1이 들을 수 있는 심(c4.shim-bridge)과 그 심을 거치는 라우트(c4.route-via-shim).",
  "The host reaches m1, but the LAN namespace does not any more.": "호스트는 m1에 닿지만, LAN 네임스페이스가 이제 닿지 못합니다.",
  "m1 is the LAN's: leave its network and the cable as they were.": "m1은 LAN의 것입니다. 그 네트워크와 케이블은 원래대로 두세요.",
  "The host and the LAN both get http://{m1Ip}/.": "호스트와 LAN 모두 http://{m1Ip}/를 받습니다.",
};
