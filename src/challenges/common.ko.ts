// The challenges' shared Korean catalog: the brief's headings, the notebook's cells, the challenge runtime's and
// the CLI's lines, English -> Korean. Templates: {0}, {1}, … (src/i18n/catalog.ts).
import type { Catalog } from "../i18n/catalog.js";

export const ko: Catalog = {
  // src/challenges/brief.ts
  "# Challenge {0} · {1}": "# 챌린지 {0} · {1}",
  "**Difficulty:** {0} · **expected time:** about {1} minutes · builds on lab{2} {3}": "**난이도:** {0} · **예상 시간:** 약 {1}분 · 바탕이 되는 실습: {3}",
  "**Goal.** {0}": "**목표.** {0}",
  "**Constraints.**": "**제약 조건.**",
  "**Tools allowed.**": "**쓸 수 있는 도구.**",
  "**Your parameters** (the start cell prints their values for your session; `const p = await challenge.params()` gives them to your code):":
    "**내 매개변수** (시작 셀이 내 세션에서의 값을 출력합니다. 코드에서는 `const p = await challenge.params()`로 받습니다):",
  "No steps are given: decide how. `await challenge.check()` looks at the live state and says what is still missing; each failure shows one hint level more (the idea first, the exact command only at the end), and `await challenge.hint()` asks for the next one.":
    "단계는 주어지지 않습니다. 방법은 직접 정하세요. `await challenge.check()`는 실제 상태를 살펴보고 아직 빠진 것을 알려 줍니다. 실패할 때마다 힌트 단계(hint level)가 하나씩 더 보이고(먼저 개념, 정확한 명령은 맨 마지막), `await challenge.hint()`는 다음 단계를 요청합니다.",
  "Challenge {0} · {1} ({2}, about {3} min)": "챌린지 {0} · {1} ({2}, 약 {3}분)",
  "Goal: {0}": "목표: {0}",
  "Constraints:": "제약 조건:",
  "Tools:": "도구:",
  "Your parameters:": "내 매개변수:",
  "<b>Challenge {0} · {1}</b> ({2}, about {3} min) is ready.": "<b>챌린지 {0} · {1}</b> ({2}, 약 {3}분) 준비 완료.",
  "Goal.": "목표.",
  parameter: "매개변수",
  value: "값",
  "what it is": "설명",
  easy: "쉬움",
  medium: "보통",
  hard: "어려움",
  // src/challenges/notebook.ts
  "Builds the starting state in your session (safe to run again) and shows your parameters.":
    "내 세션에 시작 상태를 만들고(다시 실행해도 안전) 내 매개변수를 보여 줍니다.",
  "## Working area": "## 작업 공간",
  "Work below, in as many cells as you like. `await challenge.sh\\`…\\`` runs a command (`docker`, `ip`, `iptables`, `nsenter`…) and prints its output; each `${…}` is one argument, and `docker run` / `docker network create` get the challenge's labels. `p` holds your parameters (`p.{0}`…).":
    "아래에서 셀을 원하는 만큼 써서 작업하세요. `await challenge.sh\\`…\\``는 명령(`docker`, `ip`, `iptables`, `nsenter`…)을 실행하고 출력을 보여 줍니다. `${…}` 하나가 인자 하나이고, `docker run` / `docker network create`에는 챌린지의 레이블(label)이 붙습니다. `p`에는 내 매개변수가 들어 있습니다(`p.{0}`…).",
  "This challenge runs its own Docker engine: `await challenge.engine.sh\\`docker …\\`` talks to it, and `challenge.engine.restart({ … })` restarts it with new dockerd options.":
    "이 챌린지는 자기 Docker 엔진을 따로 띄웁니다. `await challenge.engine.sh\\`docker …\\``는 그 엔진과 통신하고, `challenge.engine.restart({ … })`는 새 dockerd 옵션으로 그 엔진을 재시작합니다.",
  "`await challenge.draw()` draws what is there, `await challenge.explain(from, to)` walks one packet hop by hop (`{ prove: true }` sends it), `await challenge.snapshot()` returns the whole picture as data.":
    "`await challenge.draw()`는 지금 있는 것을 그리고, `await challenge.explain(from, to)`는 패킷 하나의 경로를 홉(hop)마다 따라가며(`{ prove: true }`면 실제로 보냄), `await challenge.snapshot()`은 전체 그림을 데이터로 돌려줍니다.",
  "Your work here.": "여기에 작업하세요.",
  "## Check": "## 체크",
  "The check looks at the live state, never at your code. A failing check shows one hint level more each time it fails; the next cell asks for the next level of the first failing one. `await challenge.reset()` takes you back to the starting state.":
    "체크는 코드가 아니라 실제 상태를 봅니다. 실패한 체크는 실패할 때마다 힌트 단계를 하나씩 더 보여 주고, 다음 셀은 처음 실패한 체크의 다음 단계를 요청합니다. `await challenge.reset()`은 시작 상태로 되돌립니다.",
  "## Clean up": "## 정리",
  "Removes everything this challenge made in your session, and nothing else.":
    "이 챌린지가 내 세션에서 만든 것을 모두 지우고, 그 밖에는 아무것도 건드리지 않습니다.",
  // src/challenges/challenge.ts
  "Every check passes: no hint to give.": "모든 체크를 통과했습니다. 줄 힌트가 없습니다.",
  "challenge {0} is back at its starting state (session {1}).": "챌린지 {0}이(가) 시작 상태로 돌아왔습니다 (세션 {1}).",
  "teardown: removed {0} container(s), {1} network(s) and the challenge's own namespaces, links and rules of session {2}; nothing else was touched.":
    "정리(teardown): 세션 {2}의 컨테이너 {0}개, 네트워크 {1}개와 챌린지가 만든 네임스페이스, 링크, 규칙을 지웠습니다. 그 밖에는 아무것도 건드리지 않았습니다.",
  "Challenge {0} · {1} · {2}, about {3} min · session {4}": "챌린지 {0} · {1} · {2}, 약 {3}분 · 세션 {4}",
  // src/challenges/runtime.ts, judging.ts
  "{0} is not running.": "{0}이(가) 실행 중이 아닙니다.",
  "Start the challenge (start or reset).": "챌린지를 시작하세요 (start 또는 reset).",
  "Start the challenge (start or reset), then check again.": "챌린지를 시작한 다음(start 또는 reset) 다시 체크하세요.",
  "Unknown check id(s) for challenge {0}: {1}": "챌린지 {0}에 없는 체크 id: {1}",
  // src/cli/challenge.ts
  " min": "분",
  "removed {0} container(s), {1} network(s) and the challenge's kernel objects of session {2}":
    "세션 {2}의 컨테이너 {0}개, 네트워크 {1}개와 챌린지의 커널 객체를 지웠습니다",
  "({0} checks)": "(체크 {0}개)",
  "When you think it is done: docker-net-lab challenge check {0}": "다 됐다고 생각되면: docker-net-lab challenge check {0}",
  "Expected --default-address-pool to be BASE,SIZE (e.g. 10.99.0.0/16,24), got `{0}`.":
    "--default-address-pool은 BASE,SIZE 형식이어야 합니다(예: 10.99.0.0/16,24). 받은 값: `{0}`.",
  "Give the pool's base CIDR and the prefix length of each network, separated by a comma.":
    "풀의 기준 CIDR과 네트워크 하나하나의 프리픽스 길이를 쉼표로 구분해 주세요.",
  "Challenge {0} does not run on a private engine.": "챌린지 {0}은(는) 프라이빗 엔진에서 돌지 않습니다.",
  "Use docker and ip as the brief says.": "브리프에 적힌 대로 docker와 ip를 쓰세요.",
};
