// Lab 06 in Korean: the learner-visible strings of lab06-macvlan.ts (check titles, messages, hints, predictions, goals,
// troubleshooting), English -> Korean. Templates: each ${…} of the English is {0}, {1}, … (src/i18n/catalog.ts).

import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  // The lab
  "macvlan: containers with their own MACs on the LAN": "macvlan: LAN 위에서 자기 MAC을 가진 컨테이너",
  "create a macvlan network on a parent interface, with the LAN's subnet and router, and a range Docker may hand out away from the LAN's own addresses":
    "부모 인터페이스 위에 LAN의 서브넷과 라우터, 그리고 LAN이 쓰는 주소를 피해 도커가 나눠 줄 범위를 지정해 macvlan 네트워크를 만든다",
  "show that each child has its own MAC and a LAN address, and that the LAN sees it directly (no bridge, no NAT)":
    "자식마다 자기 MAC과 LAN 주소가 있고, LAN이 그 자식을 직접 본다는 것(브리지도 NAT도 없음)을 보인다",
  "predict and see that the host cannot reach its own macvlan children, and give it a shim":
    "호스트가 자기 macvlan 자식에 닿지 못한다는 것을 예측하고 확인한 다음, 호스트에 심을 준다",
  "find why a shim does not work (macvlan modes) and fix it": "심이 동작하지 않는 이유(macvlan 모드)를 찾아 고친다",

  // Predictions
  "m1 will hang off the uplink through macvlan. Which MAC address will m1's eth0 have?":
    "m1은 macvlan으로 uplink에 매달립니다. m1의 eth0은 어떤 MAC 주소를 가질까요?",
  "the uplink's MAC": "uplink의 MAC",
  "a MAC of its own": "자기만의 MAC",
  "none: macvlan carries IP only": "없음: macvlan은 IP만 나른다",
  "A macvlan child is a new Ethernet interface on the parent's cable, with a MAC of its own: to the LAN it looks like one more machine plugged in. The parent receives frames for every child's MAC and hands each to its owner.":
    "macvlan 자식은 부모의 케이블 위에 생긴 새 이더넷 인터페이스이고, 자기 MAC을 가집니다. LAN에서 보면 머신이 한 대 더 꽂힌 것과 같습니다. 부모는 자식들의 MAC으로 오는 프레임을 모두 받아 각각의 주인에게 넘깁니다.",
  "m1 pings the LAN router. Which source address does the router see (its neighbour table after the ping)?":
    "m1이 LAN 라우터에 ping을 보냅니다. 라우터는 어떤 출발지 주소를 보게 될까요(ping 뒤의 이웃 테이블)?",
  "m1's own address and MAC": "m1 자신의 주소와 MAC",
  "the host's uplink address (NAT)": "호스트 uplink의 주소(NAT)",
  "docker0's address": "docker0의 주소",
  "Nothing stands between m1 and the LAN: no bridge on the host, no MASQUERADE. The router learns m1's own address and MAC, as it would for any machine on the LAN.":
    "m1과 LAN 사이에는 아무것도 없습니다. 호스트의 브리지도, MASQUERADE도 없습니다. 라우터는 LAN의 여느 머신과 마찬가지로 m1 자신의 주소와 MAC을 알게 됩니다.",
  "The host has an address on this LAN (hostAddr, on the uplink). Will a ping from the host reach m1?":
    "호스트는 이 LAN에 주소(uplink의 hostAddr)를 가지고 있습니다. 호스트에서 보낸 ping이 m1에 닿을까요?",
  "The kernel never passes frames between a macvlan parent and its own children: a child's frames go to its siblings (in bridge mode) or out of the cable, never up to the parent's own stack, and the LAN's router does not send them back. The host needs a macvlan child of its own on the same parent: a shim.":
    "커널은 macvlan 부모와 그 자식 사이에 프레임을 절대 넘겨주지 않습니다. 자식의 프레임은 (bridge 모드라면) 형제에게 가거나 케이블 밖으로 나갈 뿐, 부모 자신의 네트워크 스택으로는 올라가지 않고, LAN의 라우터도 그 프레임을 되돌려 보내지 않습니다. 호스트에는 같은 부모 위의 자기 macvlan 자식, 즉 심이 필요합니다.",

  // Troubleshooting
  "{0} was made again: up, {1}, and the route to {2} through it.":
    "{0}을(를) 다시 만들었습니다. 인터페이스가 올라와 있고, 주소는 {1}이며, {2}(으)로 가는 라우트가 이 인터페이스를 지납니다.",
  "The shim was made again from scratch: it is up, has its address, and the containers' range is routed through it, yet the host cannot reach m1 any more.":
    "심을 처음부터 다시 만들었습니다. 인터페이스가 올라와 있고, 주소도 있고, 컨테이너 범위의 라우트도 심을 지나는데, 호스트가 더 이상 m1에 닿지 못합니다.",
  "the shim is down": "심이 내려가 있다(down)",
  "the containers' range is not routed through the shim": "컨테이너 범위로 가는 라우트가 심을 지나지 않는다",
  "the shim is in another macvlan mode than the containers, so they do not talk to each other": "심의 macvlan 모드가 컨테이너와 달라서 서로 통신하지 않는다",
  "the shim hangs off another interface than the containers' parent": "심이 컨테이너의 부모가 아닌 다른 인터페이스에 매달려 있다",
  "m1 is not running on the macvlan network.": "m1이 macvlan 네트워크에서 실행 중이 아닙니다.",
  "The host reaches m1 ({0}) through {1} again.": "호스트가 다시 {1}을(를) 거쳐 m1({0})에 닿습니다.",
  "The host still cannot ping m1 at {0}.": "호스트가 여전히 {0}의 m1에 ping을 보내지 못합니다.",
  "Check what the host would use to reach m1 (`ip route get`), then compare the shim's details with m1's eth0 (`ip -d link`, inside m1 with nsenter): kind, parent, mode.":
    "호스트가 m1에 닿으려고 무엇을 쓰는지 확인하고(`ip route get`), 심의 상세 정보를 m1의 eth0(nsenter로 m1 안에서 `ip -d link`)과 비교하세요. 종류(kind), 부모, 모드를 보면 됩니다.",
  "Macvlan children talk to each other only when both are in bridge mode; a mode can be changed in place.":
    "macvlan 자식들은 둘 다 bridge 모드일 때만 서로 통신합니다. 모드는 인터페이스를 지우지 않고 그 자리에서 바꿀 수 있습니다.",
  "You named why the remade shim did not work and fixed it": "다시 만든 심이 동작하지 않은 이유를 말하고 고쳤다",

  // Shared by several checks
  "The lab's LAN is not set up.": "실습의 LAN이 준비되어 있지 않습니다.",
  "{0} is one of exercise 2's two containers: the lab's image, on the macvlan network (by name), running httpd -f -p 80 -h /var/www.":
    "{0}은(는) 실습 2의 두 컨테이너 중 하나입니다. 실습 이미지로, macvlan 네트워크(이름으로 지정)에서, httpd -f -p 80 -h /var/www를 실행합니다.",
  "No container named {0}.": "{0}라는 이름의 컨테이너가 없습니다.",
  "{0} is {1}.": "{0}의 상태는 {1}입니다.",

  // 06.macvlan-network
  "A macvlan network on the lab's uplink (never the real one), with the LAN's subnet and a range away from the LAN's own addresses":
    "실습의 uplink(실제 인터페이스는 절대 아님) 위의 macvlan 네트워크: LAN의 서브넷, 그리고 LAN이 쓰는 주소를 피한 범위",
  "Remove the network (docker network rm) and create it again.": "네트워크를 지우고(docker network rm) 다시 만드세요.",
  "No Docker network named {0}.": "{0}라는 이름의 도커 네트워크가 없습니다.",
  "A macvlan network names its driver (-d), its parent interface (-o parent=…), and the LAN's own subnet and router, since its containers join that LAN.":
    "macvlan 네트워크에는 드라이버(-d), 부모 인터페이스(-o parent=…), 그리고 LAN 자체의 서브넷과 라우터를 지정합니다. 컨테이너가 그 LAN에 직접 들어가기 때문입니다.",
  "{0} uses the {1} driver.": "{0}은(는) {1} 드라이버를 씁니다.",
  "The driver is chosen at creation (-d).": "드라이버는 만들 때 정해집니다(-d).",
  "The network's parent is {0}, not the lab's uplink {1}.": "네트워크의 부모가 실습의 uplink {1}이(가) 아니라 {0}입니다.",
  "(not set)": "(지정 안 됨)",
  "The lab's veth plays the LAN cable: it is the parent. Never use the machine's real interface: its LAN is not yours to join.":
    "실습의 veth가 LAN 케이블 역할을 하므로 그것이 부모입니다. 머신의 실제 인터페이스는 절대 쓰지 마세요. 그 LAN은 여러분이 마음대로 들어갈 곳이 아닙니다.",
  "The network's subnet is {0}, but the LAN is {1}.": "네트워크의 서브넷은 {0}인데, LAN은 {1}입니다.",
  "macvlan children live on the LAN itself: the network's subnet is the LAN's.":
    "macvlan 자식은 LAN 위에 직접 삽니다. 네트워크의 서브넷이 곧 LAN의 서브넷입니다.",
  "The gateway is {0}, not the LAN router.": "게이트웨이가 LAN 라우터가 아니라 {0}입니다.",
  "The containers' gateway is the LAN's router (the lan namespace's address).": "컨테이너의 게이트웨이는 LAN의 라우터(lan 네임스페이스의 주소)입니다.",
  "The network has {0}.": "네트워크에 {0}.",
  "the range {0}, not inside {1}": "범위 {0}이(가) 있는데, {1} 안에 있지 않습니다",
  "no --ip-range": "--ip-range가 없습니다",
  "Docker runs no DHCP and asks nobody on the LAN: --ip-range tells it which part of the subnet it may hand out.":
    "도커는 DHCP를 돌리지도, LAN의 누구에게 묻지도 않습니다. 서브넷의 어느 부분을 나눠 줘도 되는지는 --ip-range가 알려 줍니다.",
  "The range {0} includes {1}, which the LAN already uses (router .1, host .2, shim .3).":
    "범위 {0}에 LAN이 이미 쓰는 {1}이(가) 들어 있습니다(라우터 .1, 호스트 .2, 심 .3).",
  "Keep the range away from the addresses the LAN uses: Docker would hand them out to containers.":
    "범위를 LAN이 쓰는 주소와 떨어뜨리세요. 그렇지 않으면 도커가 그 주소를 컨테이너에게 나눠 줍니다.",
  "{0} is a macvlan network on {1}, subnet {2}, gateway {3}, range {4}.": "{0}은(는) {1} 위의 macvlan 네트워크입니다. 서브넷 {2}, 게이트웨이 {3}, 범위 {4}.",

  // 06.own-macs
  "m1 and m2 are macvlan children of the uplink, each with its own MAC and a LAN address":
    "m1과 m2가 uplink의 macvlan 자식이고, 각자 자기 MAC과 LAN 주소를 가진다",
  "httpd -f keeps a container running; start it again (docker start).": "httpd -f가 컨테이너를 계속 떠 있게 합니다. 다시 시작하세요(docker start).",
  "{0} is not on {1}.": "{0}이(가) {1}에 없습니다.",
  "Remove it and run it again on the macvlan network.": "지우고 macvlan 네트워크에서 다시 실행하세요.",
  "{0}'s address {1} is not on the LAN {2}.": "{0}의 주소 {1}이(가) LAN {2}에 속하지 않습니다.",
  "Recreate the macvlan network with the LAN's subnet (see 06.macvlan-network).": "macvlan 네트워크를 LAN의 서브넷으로 다시 만드세요(06.macvlan-network 참고).",
  "{0}'s eth0 is a {1} interface, not macvlan.": "{0}의 eth0이 macvlan이 아니라 {1} 인터페이스입니다.",
  "It should be on {0} only (no other --network).": "{0}에만 있어야 합니다(다른 --network 없이).",
  "{0}'s eth0 hangs off interface {1}, not {2} ({3}).": "{0}의 eth0이 {2}({3})가 아니라 인터페이스 {1}에 매달려 있습니다.",
  "The network's parent must be the lab's uplink.": "네트워크의 부모는 실습의 uplink여야 합니다.",
  "Two of m1, m2 and the uplink share a MAC address.": "m1, m2, uplink 중 둘이 MAC 주소를 함께 씁니다.",
  "Each macvlan child gets its own MAC; recreate the containers.": "macvlan 자식은 각자 자기 MAC을 받습니다. 컨테이너를 다시 만드세요.",
  "m1 ({0}, {1}) and m2 ({2}, {3}) hang off {4} ({5}): three MACs on one cable.":
    "m1({0}, {1})과 m2({2}, {3})가 {4}({5})에 매달려 있습니다. 케이블 하나에 MAC이 셋입니다.",

  // 06.gateway-owner
  "You found where m1's gateway lives (the LAN namespace, not the host), and m1 reaches it":
    "m1의 게이트웨이가 있는 곳(호스트가 아니라 LAN 네임스페이스)을 찾았고, m1이 그곳에 닿는다",
  "m1 is not running.": "m1이 실행 중이 아닙니다.",
  "Join two facts: the gateway of m1's default route (inside m1), and which namespace holds that address: the host (`ip addr`) or the LAN namespace (`ip -n LAN addr`). Record \"host\" or the namespace's name.":
    '두 가지 사실을 엮으세요. m1 안의 기본 라우트가 가리키는 게이트웨이, 그리고 그 주소를 가진 네임스페이스(호스트(`ip addr`) 또는 LAN 네임스페이스(`ip -n LAN addr`))입니다. "host" 또는 그 네임스페이스 이름을 기록하세요.',
  "No answer recorded for m1-gateway-owner.": "m1-gateway-owner에 기록된 답이 없습니다.",
  "You recorded {0}, but m1's gateway {1} is held elsewhere.": "{0}을(를) 기록했는데, m1의 게이트웨이 {1}은(는) 다른 곳에 있습니다.",
  "m1 cannot ping its gateway {0}.": "m1이 게이트웨이 {0}에 ping을 보내지 못합니다.",
  "Is the LAN namespace still there? Run the setup cell again (it is safe to repeat).":
    "LAN 네임스페이스가 아직 있나요? setup 셀을 다시 실행하세요(여러 번 실행해도 안전합니다).",
  "m1's gateway {0} is held by {1}: m1 talks to the LAN's router straight over the cable, no bridge on the host, no NAT.":
    "m1의 게이트웨이 {0}은(는) {1}에 있습니다. m1은 호스트의 브리지도 NAT도 없이 케이블로 LAN의 라우터와 바로 이야기합니다.",

  // 06.host-shim
  "A macvlan shim on the host (parent = uplink, mode bridge) gives the host a path to m1":
    "호스트의 macvlan 심(부모 = uplink, mode bridge)이 호스트에 m1로 가는 길을 준다",
  "There is no {0} interface on the host.": "호스트에 {0} 인터페이스가 없습니다.",
  "The host needs a macvlan child of its own on the containers' parent (ip link add NAME link PARENT type macvlan mode …), in the mode the containers use.":
    "호스트에는 컨테이너의 부모 위에, 컨테이너와 같은 모드로 만든 자기 macvlan 자식이 필요합니다(ip link add NAME link PARENT type macvlan mode …).",
  "{0} is a {1} interface, not macvlan.": "{0}이(가) macvlan이 아니라 {1} 인터페이스입니다.",
  "Delete it and add it again as a macvlan child of the uplink.": "지우고 uplink의 macvlan 자식으로 다시 추가하세요.",
  "{0}'s parent is interface {1}, not {2}.": "{0}의 부모가 {2}이(가) 아니라 인터페이스 {1}입니다.",
  "It must sit on the same cable as the containers: its parent is the uplink.": "컨테이너와 같은 케이블 위에 있어야 합니다. 부모는 uplink입니다.",
  "{0} is in macvlan mode {1}.": "{0}이(가) macvlan 모드 {1}입니다.",
  "Docker's children are in bridge mode; only bridge-mode siblings talk to each other directly.":
    "도커의 자식들은 bridge 모드입니다. bridge 모드인 형제끼리만 서로 직접 통신합니다.",
  "{0} is down.": "{0}이(가) 내려가 있습니다(down).",
  "An interface carries nothing until it is up.": "인터페이스는 올라오기(up) 전에는 아무것도 나르지 않습니다.",
  "{0} has no address on the LAN {1} (has {2}).": "{0}에 LAN {1}의 주소가 없습니다(현재: {2}).",
  "Give it an address the LAN does not use (shimAddr: a /32, only that one address).": "LAN이 쓰지 않는 주소를 주세요(shimAddr: /32, 그 주소 하나만).",
  "The host has no route to m1 ({0}) through {1}.": "호스트에 {1}을(를) 거쳐 m1({0})로 가는 라우트가 없습니다.",
  "With a /32 address the shim reaches nothing by itself: route the containers' range (the network's ip-range) through it.":
    "/32 주소만으로는 심이 스스로 아무 데도 닿지 못합니다. 컨테이너 범위(네트워크의 ip-range)로 가는 라우트를 심으로 보내세요.",
  "Check that {0} is up and the route goes through it.": "{0}이(가) 올라와 있고 라우트가 그것을 지나는지 확인하세요.",
  "The host reaches m1 ({0}) through {1}, a macvlan sibling of the containers on {2}.":
    "호스트가 {2} 위에서 컨테이너들의 macvlan 형제인 {1}을(를) 거쳐 m1({0})에 닿습니다.",

  // 06.lan-reaches-child (hidden)
  "Hidden: the LAN namespace fetches m1's web page, like any other machine on the LAN":
    "숨은 체크: LAN의 다른 머신처럼, LAN 네임스페이스가 m1의 웹 페이지를 받아 온다",
  "m1 is not on the macvlan network.": "m1이 macvlan 네트워크에 없습니다.",
  "The LAN namespace is gone.": "LAN 네임스페이스가 없어졌습니다.",
  "The LAN namespace fetched http://{0}/.": "LAN 네임스페이스가 http://{0}/을 받아 왔습니다.",
  "Run m1 with `httpd -f -p 80 -h /var/www`.": "m1을 `httpd -f -p 80 -h /var/www`로 실행하세요.",
  "The LAN namespace could not fetch http://{0}/.": "LAN 네임스페이스가 http://{0}/을 받아 오지 못했습니다.",
  // The notebook's self-checks, steps and picture
  "{0} is a macvlan network": "{0}은(는) macvlan 네트워크다",
  "Run your exercise cell; `-d macvlan` picks the driver.": "실습 셀을 실행하세요. `-d macvlan`이 드라이버를 고릅니다.",
  "m1 and m2 join the LAN": "m1과 m2가 LAN에 들어간다",
  "Lab 06: macvlan children on the uplink": "실습 06: uplink 위의 macvlan 자식들",
  "the host gets a shim": "호스트가 심을 얻는다",
  "the host reaches m1 ({0}) through the shim": "호스트가 심을 거쳐 m1({0})에 닿는다",
  "fix the shim: bridge mode, like the containers": "심 고치기: 컨테이너와 같은 bridge 모드로",
  yes: "예",
  no: "아니요",
};
