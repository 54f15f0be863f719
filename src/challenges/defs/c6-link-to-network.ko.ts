// Challenge c6 in Korean: the learner-visible strings of c6-link-to-network.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{name}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "From --link to a network, without downtime": "--link에서 네트워크로, 중단 없이",
  "The client `{client}` asks for `http://backend/` twice a second and logs who answered (`{logDir}/answers` on the host; `FAIL` when nobody did). Today `backend` is `{api}`, through the legacy `--link`. Move the app to a user-defined network `{appnet}` where two replicas, `{api1}` and `{api2}`, answer for the name `backend` in turn (round robin), with the client resolving it through Docker's DNS, no `--link` left, and the client never going without an answer while you do it.":
    "클라이언트 `{client}`는 1초에 두 번 `http://backend/`에 요청하고 누가 답했는지 기록합니다(호스트의 `{logDir}/answers`, 아무도 답하지 않으면 `FAIL`). 지금 `backend`는 레거시 `--link`를 거친 `{api}`입니다. 앱을 사용자 정의 네트워크 `{appnet}`로 옮기세요. 거기서는 복제본 두 개 `{api1}`과 `{api2}`가 이름 `backend`에 번갈아(라운드 로빈) 답하고, 클라이언트는 Docker의 DNS로 그 이름을 풀며, `--link`는 하나도 남지 않고, 옮기는 동안 클라이언트가 응답을 못 받는 일이 없어야 합니다.",
  "The replicas serve what `{api}` serves, the same way (see how `{api}` runs: `docker inspect`).":
    "복제본은 `{api}`가 제공하는 것을 같은 방식으로 제공합니다(`{api}`가 어떻게 도는지 보세요: `docker inspect`).",
  "The client keeps its command and its `/log` mount (`docker inspect {client}` shows both); you may recreate it.":
    "클라이언트는 자기 명령과 `/log` 마운트를 유지합니다(`docker inspect {client}`가 둘 다 보여 줍니다). 다시 만들어도 됩니다.",
  "Run every container you start with `--dns 127.0.0.1`: on this machine no container may ask an outside resolver.":
    "시작하는 컨테이너는 모두 `--dns 127.0.0.1`로 실행하세요. 이 머신에서는 어떤 컨테이너도 바깥 리졸버에 물어서는 안 됩니다.",
  "`docker inspect`, `docker network create`/`connect`, `docker run --network-alias`, `docker rm`":
    "`docker inspect`, `docker network create`/`connect`, `docker run --network-alias`, `docker rm`",
  "`tail {logDir}/answers`": "`tail {logDir}/answers`",
  "the client": "클라이언트",
  "the app today (behind --link)": "지금의 앱 (--link 뒤에 있음)",
  "the first replica you run": "여러분이 실행하는 첫 번째 복제본",
  "the second replica": "두 번째 복제본",
  "the user-defined network to create": "만들 사용자 정의 네트워크",
  "the client's log folder on the host (mounted at /log)": "호스트에 있는 클라이언트의 로그 폴더 (/log에 마운트됨)",
  "the app's web folder on the host (mounted at /www)": "호스트에 있는 앱의 웹 폴더 (/www에 마운트됨)",
  "The client runs with no --link and no /etc/hosts entry for backend, asking no outside resolver":
    "클라이언트가 --link 없이, backend에 대한 /etc/hosts 항목 없이, 바깥 리졸버에 묻지 않고 돈다",
  "{client} is not running.": "{client}이(가) 실행 중이 아닙니다.",
  "The client must keep running: recreate it with its command and its /log mount.":
    "클라이언트는 계속 돌아야 합니다. 자기 명령과 /log 마운트를 그대로 두고 다시 만드세요.",
  "The client still reaches backend through --link ({0}).": "클라이언트가 아직 --link로 backend에 닿습니다 ({0}).",
  "A legacy link is fixed when the client is created: it writes backend into the client's /etc/hosts (on the default bridge) or a private alias (on a user network), and names one container only. Docker's DNS on a user-defined network answers for a network alias instead, for every container that carries it.":
    "레거시 링크는 클라이언트를 만들 때 정해집니다. 클라이언트의 /etc/hosts에 backend를 써 넣거나(기본 브리지에서) 전용 별칭을 만들고(사용자 네트워크에서), 컨테이너 하나만 가리킵니다. 사용자 정의 네트워크의 Docker DNS는 대신 네트워크 별칭(network alias)에 답하고, 그 별칭을 가진 모든 컨테이너를 답합니다.",
  "Create the client again, on the new network, without --link.": "클라이언트를 새 네트워크에, --link 없이 다시 만드세요.",
  "The client runs without --dns 127.0.0.1.": "클라이언트가 --dns 127.0.0.1 없이 돕니다.",
  "On this machine a container must not ask an outside resolver: give it --dns 127.0.0.1 (the embedded DNS still answers container names).":
    "이 머신에서는 컨테이너가 바깥 리졸버에 물어서는 안 됩니다. --dns 127.0.0.1을 주세요(내장 DNS는 그래도 컨테이너 이름에 답합니다).",
  "No link: the client resolves backend through the embedded DNS.": "링크 없음: 클라이언트가 내장 DNS로 backend를 풉니다.",
  "Two replicas answer for backend on a user-defined network, and the client's recent answers come from both":
    "사용자 정의 네트워크에서 복제본 두 개가 backend에 답하고, 클라이언트의 최근 응답이 둘 모두에게서 온다",
  "Answering for backend on the client's networks: {0}.": "클라이언트의 네트워크에서 backend에 답하는 것: {0}.",
  "A network alias is a name Docker's DNS answers for on one user-defined network; several containers may carry the same alias, and the answers then rotate. The client has to be on that network too.":
    "네트워크 별칭은 Docker DNS가 사용자 정의 네트워크 하나에서 답해 주는 이름입니다. 여러 컨테이너가 같은 별칭을 가질 수 있고, 그러면 답이 돌아가며 나옵니다. 클라이언트도 그 네트워크에 있어야 합니다.",
  "Run the replicas on the new network, each with the alias backend, serving the app's folder the way the app does.":
    "복제본들을 새 네트워크에서 각각 별칭 backend로 실행하고, 앱과 같은 방식으로 앱의 폴더를 제공하세요.",
  "The client's last answers came from {0}.": "클라이언트의 마지막 응답들은 {0}에게서 왔습니다.",
  "none of the replicas": "복제본 중 어느 것도 아님",
  "Is the client on the replicas' network, without the link, and do both replicas serve the app's page? Give it a few seconds: it asks twice a second.":
    "클라이언트가 링크 없이 복제본들의 네트워크에 있나요? 두 복제본 모두 앱의 페이지를 제공하나요? 몇 초 기다려 보세요. 클라이언트는 1초에 두 번 묻습니다.",
  "Round robin: the client heard {0}.": "라운드 로빈: 클라이언트가 {0}의 답을 받았습니다.",
  "The client's log shows at most two failed requests in all, and none of the last three, once the move is done":
    "옮기기가 끝난 뒤 클라이언트의 로그에 실패한 요청이 모두 합쳐 두 개 이하이고, 마지막 세 개에는 없다",
  "The move is not done yet.": "아직 옮기기가 끝나지 않았습니다.",
  "Finish c6.no-link and c6.round-robin; this check then reads the whole log.":
    "c6.no-link와 c6.round-robin을 마치세요. 그러면 이 체크가 로그 전체를 읽습니다.",
  "{0} failed request(s) during the move.": "옮기는 동안 실패한 요청 {0}개.",
  "The client logged {0} failed requests{1}.": "클라이언트가 실패한 요청 {0}개를 기록했습니다{1}.",
  ", some of them just now": ", 그중 일부는 방금 실패했습니다",
  "Order matters: start what will answer before you stop what answers now. The replicas can run (and answer for backend on the new network) while the old app and the old client still work; only then swap the client, and remove the old app last. Reset the challenge to try again.":
    "순서가 중요합니다. 지금 답하는 것을 멈추기 전에 답할 것을 먼저 시작하세요. 옛 앱과 옛 클라이언트가 아직 동작하는 동안 복제본을 띄울 수 있습니다(새 네트워크에서 backend에 답함). 그다음에야 클라이언트를 바꾸고, 옛 앱은 맨 마지막에 지우세요. 다시 해 보려면 챌린지를 reset하세요.",
};
