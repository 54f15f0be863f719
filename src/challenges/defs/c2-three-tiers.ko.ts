// Challenge c2 in Korean: the learner-visible strings of c2-three-tiers.ts (brief, check titles, messages, hint levels),
// English -> Korean. `{name}`… are the challenge's parameters, as in the English; commands are not translated.
import type { Catalog } from "../../i18n/catalog.js";

export const ko: Catalog = {
  "Three tiers": "세 계층(three tiers)",
  "Three web servers play an application: `{front}` (frontend), `{back}` (backend) and `{db}` (database). The host gets the frontend's page at 127.0.0.1:`{port}`; the frontend reaches the backend by its name (`http://{back}/`); the backend reaches the database by its name (`http://{db}/`); the frontend cannot reach the database at all, by name or by address. Prove each path and each refusal with `challenge.explain` before you check.":
    "웹 서버 세 개가 애플리케이션 역할을 합니다: `{front}`(프런트엔드), `{back}`(백엔드), `{db}`(데이터베이스). 호스트는 127.0.0.1:`{port}`에서 프런트엔드의 페이지를 받고, 프런트엔드는 이름으로 백엔드에 닿으며(`http://{back}/`), 백엔드는 이름으로 데이터베이스에 닿습니다(`http://{db}/`). 프런트엔드는 이름으로도 주소로도 데이터베이스에 전혀 닿지 못합니다. 체크하기 전에 경로 하나하나와 거부 하나하나를 `challenge.explain`으로 증명하세요.",
  "Keep the three names and the web server inside each (`httpd -f -p 80 -h /var/www`, the image `{image}`).":
    "세 이름과 각각의 웹 서버(`httpd -f -p 80 -h /var/www`, 이미지 `{image}`)는 그대로 두세요.",
  "Publish only the frontend, and only on 127.0.0.1.": "프런트엔드만, 그리고 127.0.0.1에만 게시(publish)하세요.",
  "`docker network create`/`connect`, `docker run`/`rm`, `docker inspect`": "`docker network create`/`connect`, `docker run`/`rm`, `docker inspect`",
  "`challenge.explain(from, to)` and `challenge.draw()`": "`challenge.explain(from, to)`와 `challenge.draw()`",
  "the frontend container": "프런트엔드 컨테이너",
  "the backend container": "백엔드 컨테이너",
  "the database container": "데이터베이스 컨테이너",
  "the host port of the frontend (on 127.0.0.1)": "프런트엔드의 호스트 포트 (127.0.0.1에서)",
  "a name you may use for the frontend's network": "프런트엔드 네트워크에 쓸 수 있는 이름",
  "a name you may use for the backend's network": "백엔드 네트워크에 쓸 수 있는 이름",
  "Not running: {0}.": "실행 중이 아님: {0}.",
  "Each tier is one container of the challenge's image running the web server; run the missing ones again with their names.":
    "계층 하나는 웹 서버를 돌리는 챌린지 이미지의 컨테이너 하나입니다. 빠진 것을 그 이름으로 다시 실행하세요.",
  "The host gets the frontend's page at 127.0.0.1:port, and the frontend is published on loopback only":
    "호스트가 127.0.0.1:port에서 프런트엔드의 페이지를 받고, 프런트엔드는 루프백에만 게시되어 있다",
  "127.0.0.1:{port} gets no page.": "127.0.0.1:{port}에서 페이지를 받지 못합니다.",
  "A port is published when the container is created (-p HOST_IP:HOST_PORT:CONTAINER_PORT); the frontend has to be created again for that.":
    "포트는 컨테이너를 만들 때 게시됩니다(-p HOST_IP:HOST_PORT:CONTAINER_PORT). 그러려면 프런트엔드를 다시 만들어야 합니다.",
  "The frontend is published on {0}: more than loopback.": "프런트엔드가 {0}에 게시되어 있습니다. 루프백보다 넓습니다.",
  "Name 127.0.0.1 as the host address in -p.": "-p에 호스트 주소로 127.0.0.1을 적으세요.",
  "127.0.0.1:{port} serves the frontend.": "127.0.0.1:{port}가 프런트엔드를 제공합니다.",
  "The frontend gets the backend's page by the backend's name": "프런트엔드가 백엔드의 이름으로 백엔드의 페이지를 받는다",
  "{front} → http://{back}/ answers.": "{front} → http://{back}/ 응답합니다.",
  "{front} gets no page from http://{back}/.": "{front}이(가) http://{back}/에서 페이지를 받지 못합니다.",
  "Container names are answered by Docker's embedded DNS (127.0.0.11), and only on user-defined networks, between containers that share one. Which network are the frontend and the backend on now?":
    "컨테이너 이름에는 Docker의 내장 DNS(127.0.0.11)가 답하는데, 사용자 정의 네트워크에서만, 그 네트워크를 함께 쓰는 컨테이너 사이에서만 답합니다. 프런트엔드와 백엔드는 지금 어느 네트워크에 있나요?",
  "Create a user-defined bridge network for the frontend and the backend, and put both on it (a running container joins one with docker network connect).":
    "프런트엔드와 백엔드를 위한 사용자 정의 브리지 네트워크를 만들고 둘 다 거기에 넣으세요(실행 중인 컨테이너는 docker network connect로 네트워크에 들어갑니다).",
  "The backend gets the database's page by the database's name": "백엔드가 데이터베이스의 이름으로 데이터베이스의 페이지를 받는다",
  "{back} → http://{db}/ answers.": "{back} → http://{db}/ 응답합니다.",
  "{back} gets no page from http://{db}/.": "{back}이(가) http://{db}/에서 페이지를 받지 못합니다.",
  "Names resolve only between containers on a shared user-defined network. The backend and the database need one the frontend is not on.":
    "이름은 사용자 정의 네트워크를 함께 쓰는 컨테이너 사이에서만 풀립니다. 백엔드와 데이터베이스에는 프런트엔드가 없는 네트워크가 하나 필요합니다.",
  "A container can be on several networks: the backend joins a second one where the database is.":
    "컨테이너는 여러 네트워크에 있을 수 있습니다. 백엔드가 데이터베이스가 있는 두 번째 네트워크에 들어가면 됩니다.",
  "The frontend reaches the database neither by name nor by any of its addresses, while the backend does":
    "백엔드는 닿는 동안, 프런트엔드는 이름으로도 어느 주소로도 데이터베이스에 닿지 못한다",
  "The backend does not reach the database yet: cutting everyone off is not the goal.":
    "백엔드가 아직 데이터베이스에 닿지 못합니다. 모두를 끊는 것이 목표는 아닙니다.",
  "Do c2.back-to-db first.": "c2.back-to-db를 먼저 하세요.",
  "The frontend gets nothing from the database, by name or by address.": "프런트엔드는 이름으로도 주소로도 데이터베이스에서 아무것도 받지 못합니다.",
  "The frontend still reaches the database at {0}.": "프런트엔드가 아직 {0}에서 데이터베이스에 닿습니다.",
  "Two containers on the same network reach each other (by address on any bridge, by name on a user-defined one). A network the frontend and the database share, even the default bridge, lets the frontend in: look at which networks each one is on.":
    "같은 네트워크에 있는 두 컨테이너는 서로 닿습니다(어느 브리지에서든 주소로, 사용자 정의 브리지에서는 이름으로도). 프런트엔드와 데이터베이스가 함께 쓰는 네트워크가 있으면, 기본 브리지라도, 프런트엔드가 들어옵니다. 각각이 어느 네트워크에 있는지 보세요.",
  "Leave the database only on the backend's network (docker network disconnect takes it off the others).":
    "데이터베이스는 백엔드의 네트워크에만 두세요(docker network disconnect로 다른 네트워크에서 뺍니다).",
  "Neither the backend nor the database publishes a port": "백엔드도 데이터베이스도 포트를 게시하지 않는다",
  "Publish the frontend first (c2.front-published).": "먼저 프런트엔드를 게시하세요 (c2.front-published).",
  "Only the frontend faces the host.": "호스트를 마주하는 것은 프런트엔드뿐입니다.",
  "Published: {0}.": "게시됨: {0}.",
  "The inner tiers are reached over Docker networks, never through the host: create them without -p.":
    "안쪽 계층에는 호스트를 거치지 않고 Docker 네트워크로 닿습니다. -p 없이 만드세요.",
};
