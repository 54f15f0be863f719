// The shared Korean catalog: what the lab runtime (src/labs), the checks (src/checks), the reports (src/render),
// the grader's feedback (src/grade) and the CLI print, English -> Korean. Templates: {0}, {1}, … (catalog.ts).
import type { Catalog } from "./catalog.js";

export const ko: Catalog = {
  // src/labs/lab.ts
  session: "세션",
  "Lab {0} is ready (session {1}).": "실습 {0} 준비 완료 (세션 {1}).",
  "Lab <b>{0}</b> is ready: session <code>{1}</code>, names start with <code>{2}</code>.":
    "실습 <b>{0}</b> 준비 완료: 세션 <code>{1}</code>, 이름은 <code>{2}</code>로 시작합니다.",
  "recorded answer {0} = {1}": "답을 기록했습니다: {0} = {1}",
  "recorded prediction {0} = {1} (before its observation)": "예측을 기록했습니다: {0} = {1} (관찰 전)",
  "No prediction yet for {0}: write your answer in place of undefined, then run this cell again, before the next ones.":
    "{0}에 대한 예측이 아직 없습니다. undefined 자리에 답을 쓰고, 다음 셀보다 먼저 이 셀을 다시 실행하세요.",
  "Lab {0} has no troubleshooting exercise.": "실습 {0}에는 트러블슈팅 연습이 없습니다.",
  "Only labs with a Troubleshooting section have a scenario.": "트러블슈팅 절이 있는 실습에만 시나리오가 있습니다.",
  "Something is broken:": "무언가 고장 났습니다:",
  "Possible causes (name one with lab.diagnose):": "가능한 원인 (lab.diagnose로 하나를 지정하세요):",
  "Possible causes (name one with <code>lab.diagnose(…)</code>):": "가능한 원인 (<code>lab.diagnose(…)</code>로 하나를 지정하세요):",
  'recorded diagnosis "{0}": fix it, then run the troubleshooting check.': '진단 "{0}"을(를) 기록했습니다. 고친 다음 트러블슈팅 체크를 실행하세요.',
  hint: "힌트",
  "Unknown check id(s) for lab {0}: {1}": "실습 {0}에 없는 체크 id: {1}",
  "Known: {0}": "있는 것: {0}",
  "Lab {0}: what Docker built": "실습 {0}: Docker가 만든 것",
  "teardown: removed {0} container(s), {1} network(s), {2} volume(s) of session {3}; nothing else was touched.":
    "정리(teardown): 세션 {3}의 컨테이너 {0}개, 네트워크 {1}개, 볼륨 {2}개를 지웠습니다. 그 밖에는 아무것도 건드리지 않았습니다.",

  // src/labs/preconditions.ts
  "The lab's setup has not run in this session.": "이 세션에서 실습의 setup이 실행되지 않았습니다.",
  "Run the setup cell at the top of the notebook.": "노트북 맨 위의 setup 셀을 실행하세요.",
  "Run the setup cell at the top of the notebook first.": "노트북 맨 위의 setup 셀을 먼저 실행하세요.",

  // src/labs/predictions.ts
  "Lab {0} has no prediction `{1}`.": "실습 {0}에는 예측 `{1}`이(가) 없습니다.",
  "Known: {0}.": "있는 것: {0}.",
  "Lab {0} has no predictions.": "실습 {0}에는 예측이 없습니다.",
  'The observation of "{0}" already ran (at {1} UTC): a prediction recorded after seeing the result is refused.':
    '"{0}"의 관찰은 이미 실행되었습니다 ({1} UTC). 결과를 본 뒤에 기록한 예측은 받지 않습니다.',
  "Your prediction from before, {0}, stays recorded. Go on with the lab.": "앞서 한 예측 {0}은(는) 그대로 기록되어 있습니다. 실습을 계속하세요.",
  "Go on: the next predictions count when you make them before their observation cells. To start the lab over, run its Teardown cell, then the notebook from the top.":
    "계속 진행하세요. 다음 예측들은 관찰 셀보다 먼저 하면 인정됩니다. 실습을 처음부터 다시 하려면 Teardown 셀을 실행한 뒤 노트북을 맨 위부터 실행하세요.",
  '"{0}" is not one of the answers of "{1}".': '"{0}"은(는) "{1}"의 보기 중 하나가 아닙니다.',
  "Choose one of {0}.": "다음 중 하나를 고르세요: {0}.",
  "You made the lab's {0} predictions before running what they predict (graded for being on time, not for being right)":
    "실습의 예측 {0}개를, 예측한 것을 실행하기 전에 했습니다 (맞았는지가 아니라 제때 했는지를 채점합니다)",
  "Each prediction cell comes before the cell that observes what it predicts: write your answer in place of `undefined`, run it, then run the observation.":
    "예측 셀은 그것을 관찰하는 셀보다 앞에 있습니다. `undefined` 자리에 답을 쓰고 실행한 다음, 관찰 셀을 실행하세요.",
  'The observation of "{0}" has not run yet ({1}).': '"{0}"의 관찰이 아직 실행되지 않았습니다 ({1}).',
  "Run the notebook in order: the prediction cell, then the cell that observes it.": "노트북을 순서대로 실행하세요. 예측 셀, 그다음 그것을 관찰하는 셀입니다.",
  'No prediction of "{0}" was recorded before its observation ran ({1}).': '"{0}"의 관찰이 실행되기 전에 기록된 예측이 없습니다 ({1}).',
  'The prediction of "{0}" was recorded after its observation.': '"{0}"의 예측이 관찰 뒤에 기록되었습니다.',
  "All {0} predictions came before their observations; {1} matched what the host did.":
    "예측 {0}개 모두 관찰보다 먼저 했고, 그중 {1}개가 호스트의 실제 결과와 같았습니다.",

  // src/labs/troubleshoot.ts
  "lab.diagnose is for the labs whose setup breaks something on purpose.": "lab.diagnose는 셋업이 일부러 무언가를 고장 내는 실습에서 씁니다.",
  '"{0}" is not one of the causes of lab {1}\'s troubleshooting exercise.': '"{0}"은(는) 실습 {1} 트러블슈팅 연습의 원인 목록에 없습니다.',
  "Choose one of: {0}.": "다음 중 하나를 고르세요: {0}.",
  "{0} Still broken: {1}": "{0} 아직 고장 난 상태입니다: {1}",
  "Diagnose first, with the tools of this lab; then {0}{1}": "먼저 이 실습의 도구로 진단하세요. 그다음 {1}",
  // The second half of "Name the cause with …" after its first letter was lowered (troubleshoot.ts builds it so).
  "ame the cause with lab.diagnose(…), one of: {0}.": "lab.diagnose(…)로 원인을 지정하세요. 보기: {0}.",
  "Name the cause with lab.diagnose(…), one of: {0}.": "lab.diagnose(…)로 원인을 지정하세요. 보기: {0}.",
  "Fixed ({0}), but the cause was not named.": "고쳐졌지만({0}) 원인을 지정하지 않았습니다.",
  'You named "{0}" ({1}); the evidence on this host does not fit it.': '"{0}"({1})을(를) 원인으로 지정했지만, 이 호스트의 증거와 맞지 않습니다.',
  "What would you see if that were the cause? Look for exactly that, and for what each of the other causes would show. {0}":
    "그것이 원인이라면 무엇이 보여야 할까요? 바로 그것을 찾아보고, 다른 원인들이라면 각각 무엇이 보일지도 찾아보세요. {0}",
  'You named the cause ("{0}"), but it is not fixed yet: {1}': '원인("{0}")은 맞게 지정했지만 아직 고쳐지지 않았습니다: {1}',
  'Cause named ("{0}") and fixed: {1}': '원인("{0}")을 지정했고 고쳤습니다: {1}',
  "Fix it, then run this check again.": "고친 다음 이 체크를 다시 실행하세요.",

  // src/labs/preconditions.ts
  "Not checked: the Docker engine runs in {0} ({1}). This lab's checks read the host side (bridges, veths, iptables/nftables, published ports), and from here that is not the engine's.":
    "검사하지 않음: Docker 엔진이 {0}에서 돌고 있습니다 ({1}). 이 실습의 체크는 호스트 쪽(브리지, veth, iptables/nftables, 게시된 포트)을 읽는데, 여기서 보이는 것은 엔진의 것이 아닙니다.",
  "another machine or VM": "다른 머신이나 VM",
  "another network namespace": "다른 네트워크 네임스페이스",
  "{0}{1}. `npx docker-net-lab doctor` shows what works from here.": "{0}{1}. `npx docker-net-lab doctor`가 여기서 되는 것을 보여 줍니다.",

  // src/checks/check.ts
  "The check could not look at the host: {0}": "체크가 호스트를 살펴보지 못했습니다: {0}",
  "Run the cells above this check in order, then run the check again.": "이 체크 위의 셀들을 순서대로 실행한 다음 체크를 다시 실행하세요.",
  "Compare your commands with the explanation above.": "여러분의 명령을 위의 설명과 비교해 보세요.",

  // src/render/check-report.ts
  "hint {0} of {1}": "힌트 {0}/{1}",
  "next hint: await lab.hint({0})": "다음 힌트: await lab.hint({0})",
  "✔ PASS": "✔ 통과",
  "✘ FAIL": "✘ 실패",
  "{0} passed, {1} failed  ({2}/{3} points)": "통과 {0}, 실패 {1}  ({2}/{3}점)",
  "✔ pass": "✔ 통과",
  "✘ fail": "✘ 실패",
  check: "체크",
  "what it confirms": "확인하는 것",
  points: "점수",
  "{0} passed, {1} failed": "통과 {0}, 실패 {1}",
  "({0}/{1} points)": "({0}/{1}점)",

  // src/render/prediction-view.ts
  "no prediction was recorded before this ran": "이 셀이 실행되기 전에 기록된 예측이 없습니다",
  "your prediction came after this ran": "예측이 이 셀보다 늦게 기록되었습니다",
  "as you predicted": "예측한 대로입니다",
  "not what you predicted: read why": "예측과 다릅니다: 이유를 읽어 보세요",
  "(nothing)": "(없음)",
  Prediction: "예측",
  "you predicted :": "내 예측      :",
  "the host did  :": "호스트의 결과 :",
  "why           :": "이유          :",
  prediction: "예측",
  "you predicted": "내 예측",
  "the host did": "호스트의 결과",
  why: "이유",

  // src/labs/source/build.ts (the generated comments of prediction and check cells)
  "// Prediction: {0}": "// 예측: {0}",
  "// Choose one of: {0}.": "// 다음 중 하나를 고르세요: {0}.",
  "// Run this cell before the next ones: a prediction recorded after its observation is refused (it is graded for being on time, not for being right).":
    "// 다음 셀들보다 먼저 이 셀을 실행하세요. 관찰 뒤에 기록한 예측은 받지 않습니다 (맞았는지가 아니라 제때 했는지를 채점합니다).",
  "// All graded checks of this lab (your instructor's grader runs them again, with hidden ones).":
    "// 이 실습의 채점 체크 전부 (강사의 채점기가 숨은 체크와 함께 다시 실행합니다).",
  "// Graded check {0}.": "// 채점 체크 {0}.",
  "// Graded checks:": "// 채점 체크:",

  // src/grade/feedback.ts and grade-one.ts
  lab: "실습",
  Lab: "실습",
  "Cells that raised errors": "오류를 낸 셀",
  hidden: "숨은 체크",
  "A hidden check, run by the grader only: its result shows as points.": "채점기만 실행하는 숨은 체크입니다. 결과는 점수로만 보입니다.",
  "More hints in your notebook:": "노트북에서 힌트를 더 볼 수 있습니다:",
  "Hint:": "힌트:",
  "Note:": "참고:",
  "the notebook itself displayed {0} point(s); grades come only from the grader's own checks against the live state.":
    "노트북이 스스로 {0}점을 표시했습니다. 점수는 채점기가 실제 상태를 직접 검사한 결과로만 매겨집니다.",
  "Checks (run by the grader against the live state; hidden checks included)": "체크 (채점기가 실제 상태에 대해 실행, 숨은 체크 포함)",
  "What was running at grading time": "채점 시점에 돌고 있던 것",
  "Feedback:": "피드백:",
  unknown: "알 수 없음",
  status: "상태",
  "Your notebook ran to the end.": "노트북이 끝까지 실행되었습니다.",
  "Your notebook ran to the end, but some cells raised errors (listed below).": "노트북이 끝까지 실행되었지만, 일부 셀에서 오류가 났습니다 (아래 목록).",
  "A cell (or the whole notebook) ran longer than allowed and was stopped; what was live at that moment was graded.":
    "셀(또는 노트북 전체)이 허용된 시간보다 오래 실행되어 중단되었습니다. 그 순간의 실제 상태로 채점했습니다.",
  "The kernel exited while running your notebook (for example `process.exit`); what was live at that moment was graded.":
    "노트북을 실행하는 도중 커널이 종료되었습니다 (예: `process.exit`). 그 순간의 실제 상태로 채점했습니다.",
  "The file is not a notebook (not even JSON), so nothing could run.": "이 파일은 노트북이 아닙니다 (JSON도 아닙니다). 그래서 아무것도 실행할 수 없었습니다.",
  "The file is JSON but not a valid Jupyter notebook, so nothing could run.": "JSON이지만 올바른 Jupyter 노트북이 아니어서 아무것도 실행할 수 없었습니다.",
  "This notebook belongs to another lab than the one being graded.": "이 노트북은 채점 중인 실습이 아닌 다른 실습의 것입니다.",
  "The grader could not tell which lab this notebook is.": "채점기가 이 노트북이 어느 실습인지 알 수 없었습니다.",
  "The grader could not run this notebook; ask your instructor.": "채점기가 이 노트북을 실행하지 못했습니다. 강사에게 문의하세요.",
  "Grading stopped because the grading machine failed; this is not your fault and will be re-run.":
    "채점 머신에 문제가 생겨 채점이 멈췄습니다. 여러분의 잘못이 아니며 다시 채점합니다.",
  "Not graded yet: grading stopped before this submission; it will be re-run.": "아직 채점되지 않음: 이 제출물 전에 채점이 멈췄습니다. 다시 채점합니다.",
  "Not graded: {0}.": "채점되지 않음: {0}.",
  "Not graded: {0}": "채점되지 않음: {0}",
  "Not graded: the environment failed.": "채점되지 않음: 채점 환경에 문제가 생겼습니다.",
  "Hand in the lab's notebook (.ipynb) as saved by Jupyter.": "Jupyter가 저장한 그대로의 실습 노트북(.ipynb)을 제출하세요.",
  "{0} cell(s) raised an error": "셀 {0}개에서 오류가 났습니다",
  "Grading stopped at {0}: {1}": "{0}에서 채점이 멈췄습니다: {1}",
  "Run `npx docker-net-lab doctor`, fix what it reports, then run grade again.":
    "`npx docker-net-lab doctor`를 실행해 보고된 문제를 고친 다음 grade를 다시 실행하세요.",
  "the Docker engine stopped answering ({0})": "Docker 엔진이 응답하지 않습니다 ({0})",
  "Start the engine again (`npx docker-net-lab doctor` shows how), run `npx docker-net-lab clean --all-sessions`, then run grade again.":
    "엔진을 다시 시작하고(방법은 `npx docker-net-lab doctor`가 알려 줍니다) `npx docker-net-lab clean --all-sessions`를 실행한 다음 grade를 다시 실행하세요.",
  "Lab {0} at grading time: {1}": "채점 시점의 실습 {0}: {1}",

  // src/cli/labs.ts
  "Use --lang ko or --lang en (or set DNL_LANG).": "--lang ko 또는 --lang en을 쓰세요 (또는 DNL_LANG을 설정하세요).",
  "Lab {0} (session {1}{2}): notebook {3} in {4} s": "실습 {0} (세션 {1}{2}): 노트북 {3}, {4}초",
  ", reference solutions": ", 모범 답안",
  'Lab {0} has no notebook in language "{1}" yet ({2}).': '실습 {0}에는 아직 "{1}" 언어의 노트북이 없습니다 ({2}).',
  "Use --lang en, or translate it (src/labs/source/README.md).": "--lang en을 쓰거나 번역하세요 (src/labs/source/README.md).",
};
