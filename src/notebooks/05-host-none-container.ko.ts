// 05-host-none-container in Korean: every cell marker of 05-host-none-container.ts with en= (8 hex digits of a sha256: of the English
// markdown, or of a code cell's comments), then the Korean. Markdown in Korean; a code cell holds only its comments,
// translated, one for each English comment and in order (the code is the English cell's). Format:
// src/labs/source/README.md. After the English changed: npm run labs:ko -- --ko-refresh NN.

/* %% md intro en=9f27b76b
# 실습 05 · host, none, container 네트워크 모드

브리지(bridge) 말고도 컨테이너에 네트워크를 주는 방법이 더 있습니다. 「1. 도커 네트워크 구조」(시드 001)는 도커가 제공하는 네트워크 드라이버로 브리지, 호스트(host), 논(none), 컨테이너(container), 오버레이(overlay)를 꼽고, 「Docker Network」(시드 003)도 host와 none을 따로 설명합니다. 이 실습에서는 `none`, `host`, `container:NAME` 모드로 컨테이너를 하나씩 띄우고, 각 컨테이너가 무엇을 보게 될지 먼저 예측한 다음 직접 확인합니다. 실습을 마치면 다음을 할 수 있습니다.

- none, host, container 모드의 컨테이너가 각각 무엇을 보는지, 그리고 그 이유를 설명한다.
- host 모드 컨테이너가 호스트와 어떤 네임스페이스(namespace)를 공유하는지 구분한다.
- host 모드에서 `-p`가 아무 의미가 없는 이유를 설명한다.
- container 모드의 컨테이너들이 네트워크 네임스페이스(network namespace) 하나를 함께 쓴다는 것을 보인다.
- 사이드카(sidecar)가 `localhost`로 앱에 닿지 못하는 이유를 찾는다.

실습 01, 02와 같이 **예측(prediction)** 셀이 먼저 나옵니다(맞았는지가 아니라 *언제* 예측했는지만 평가합니다). 체크(check)가 실패할 때마다 **힌트(hint)**가 한 단계씩 자세해집니다(`await lab.hint("05.…")`로 다음 단계를 직접 볼 수도 있습니다).

host 모드에서는 서버가 호스트의 포트에 직접 바인딩하므로, 이 실습의 서버는 **127.0.0.1**의 **세션마다 비어 있는 포트로 고른 번호**에서 listen합니다(다른 프로그램이 쓰고 있을지 모르는 고정 포트는 쓰지 않습니다).

> **글에서는** `--net host`, `--net container:NAME`이라고 씁니다(「1. 도커 네트워크 구조」: "--net 옵션으로 container를 입력하면 다른 컨테이너의 네트워크 네임스페이스 환경을 공유할 수 있습니다."). **지금은** 옵션 이름이 `--network`이고, `--net`은 예전 별칭으로 여전히 동작합니다. `docker network ls`를 보면 `host`와 `none`은 각자 자기 드라이버를 가진 네트워크로 나옵니다.

> **Docker Desktop(Mac, Windows)**: host 모드의 "호스트"는 여러분의 컴퓨터가 아니라 도커의 리눅스 VM입니다. host 모드 서버는 그 VM의 루프백(loopback)에 떠 있습니다.
*/

// %% code setup en=61b927ed
// hostc의 서버가 127.0.0.1의 이 포트에서 listen합니다
// host 모드에서 게시(publish)해 볼 포트

/* %% md ex1-md en=f66eddb4
## 1 · none: 아무것도 없는 네임스페이스

「1. 도커 네트워크 구조」는 이렇게 말합니다. "none은 말 그대로 아무런 네트워크를 쓰지 않는 것을 뜻합니다." 이제 `--network none`으로 컨테이너를 실행합니다. 먼저 예측해 보세요.
*/

// %% predict p-none none-interfaces en=e3b0c442

// %% solution p-none en=e3b0c442

/* %% md ex1-task en=4e099efd
### 실습 1 · 네트워크 없이 `nonec` 실행하기

`nonec`라는 이름의 컨테이너를 `lab.image`로, 백그라운드(detached)로, `sleep 3600`을 실행하도록, 네트워크 모드 `none`으로 띄우세요.
*/

// %% exercise ex1 type=build concepts=14 en=8898dfee
// 실습 1: nonec를 네트워크 모드 none으로 실행합니다.

// %% solution ex1 en=8898dfee
// 실습 1: nonec를 네트워크 모드 none으로 실행합니다.

// %% code none-view concepts=14 en=e3b0c442

// %% check ex1-check 05.none en=e3b0c442

/* %% md ex2-md en=b01a9a87
## 2 · host: 호스트의 네트워크 네임스페이스

host 모드 컨테이너는 자기 네트워크 네임스페이스를 따로 받지 않고 호스트의 것을 그대로 씁니다. 그래서 안에서 띄운 서버는 호스트의 포트에 직접 바인딩합니다. 「1. 도커 네트워크 구조」의 표현으로는 "컨테이너의 네트워크를 호스트 모드로 설정하면 컨테이너 내부의 애플리케이션을 별도의 포트 포워딩 없이 바로 서비스할 수 있습니다. 이는 마치 실제 호스트에서 애플리케이션을 외부에 노출하는 것과 같습니다."

### 실습 2 · host 모드로 `hostc`를 실행하고 양쪽에서 보기

1. `hostc`를 백그라운드로, 네트워크 모드 `host`로 실행하고, busybox의 웹 서버를 호스트의 루프백에 띄우세요: `httpd -f -p 127.0.0.1:${hostPort} -h /var/www`.
2. hostc 안의 인터페이스 목록을 보고(`docker exec … ip link`, busybox 출력, `parseIpLink`), 그 안에 docker0이 있는지를 `"host-sees-docker0"`로 기록하세요(true 또는 false).
3. 노트북(호스트에서 실행됩니다)에서 `http://127.0.0.1:${hostPort}/`에 요청을 보내고, HTTP 상태 코드를 `"host-mode-status"`로 기록하세요. httpd가 뜨는 데 잠깐 걸릴 수 있으니 몇 번 시도해 보세요.
*/

// %% exercise ex2 type=observe concepts=13 en=862c7415
// 실습 2: hostc를 실행하고 "host-sees-docker0"와 "host-mode-status"를 기록합니다.

// %% solution ex2 en=09d3cd60
// 실습 2: hostc를 실행하고 "host-sees-docker0"와 "host-mode-status"를 기록합니다.
// httpd가 뜰 때까지 잠깐 기다립니다

// %% check ex2-check 05.host en=e3b0c442

/* %% md ns-md en=67497c18
### 실습 3 · hostc는 호스트와 어떤 네임스페이스를 공유할까?

컨테이너는 여러 네임스페이스(network, PID, mount, hostname(uts), IPC…)에 속한 프로세스입니다. host 모드가 다루는 것은 그중 **network** 네임스페이스 하나입니다. 프로세스의 네임스페이스는 각각 `/proc/PID/ns/` 아래의 링크로 보이고(`readlink /proc/PID/ns/net`은 `net:[4026531840]` 같은 값을 출력합니다), 두 프로세스의 링크가 같으면 그 네임스페이스를 공유하는 것입니다.

hostc의 메인 프로세스(PID는 `docker inspect`의 `{{.State.Pid}}`)와 호스트 프로세스(노트북이 실행하는 명령의 `/proc/self`)를 `net`, `pid`, `mnt`, `uts`, `ipc` 종류별로 비교하세요. 공유하는 종류를 리스트로 `"hostc-shared-namespaces"`에 기록하세요.
*/

// %% exercise ex3 type=reason concepts=13 en=a62b458c
// 실습 3: hostc가 호스트와 공유하는 네임스페이스 종류(net, pid, mnt, uts, ipc 중)를 "hostc-shared-namespaces"로 기록합니다.

// %% solution ex3 en=a62b458c
// 실습 3: hostc가 호스트와 공유하는 네임스페이스 종류(net, pid, mnt, uts, ipc 중)를 "hostc-shared-namespaces"로 기록합니다.

// %% check ex3-check 05.host-namespaces en=e3b0c442

/* %% md ex4-md en=2049b67f
## 3 · host 모드에서의 `-p`

포트 게시(publish)는 *호스트 포트 → 컨테이너 주소:포트*로 주소를 바꾸는 일입니다(실습 03). 이번에는 host 모드 컨테이너를 `-p 127.0.0.1:${ignoredPort}:80`과 함께 실행합니다. 먼저 예측해 보세요.
*/

// %% predict p-hostp host-p-bindings en=e3b0c442

// %% solution p-hostp en=e3b0c442

/* %% md ex4-task en=bc4683a6
### 실습 4 · 직접 해 보기

`hostp`를 백그라운드로, host 모드로, `-p 127.0.0.1:${ignoredPort}:80`을 붙여 `sleep 3600`을 실행하도록 띄우고, 엔진이 출력한 내용을 읽어 보세요(`lab.sh`의 결과에 `stderr`가 들어 있습니다). 그다음 `docker port hostp`가 보여 주는 바인딩 수를 세어 `"host-p-bindings"`로 기록하세요.
*/

// %% exercise ex4 type=observe concepts=13 en=2281975b
// 실습 4: hostp를 host 모드에 -p를 붙여 실행하고 "host-p-bindings"를 기록합니다.

// %% solution ex4 en=2281975b
// 실습 4: hostp를 host 모드에 -p를 붙여 실행하고 "host-p-bindings"를 기록합니다.

// %% code hostp-view concepts=13 en=0cbb68de
// ignoredPort에 대한 DNAT 규칙도 없습니다(실습 03에서 읽은 바로 그 테이블):

// %% check ex4-check 05.host-p en=e3b0c442

/* %% md ex5-md en=d5676368
## 4 · container 모드: 컨테이너 둘, 네임스페이스 하나

`--network container:app`은 새 컨테이너를 **app의** 네트워크 네임스페이스에 넣습니다. 「1. 도커 네트워크 구조」는 이렇게 설명합니다. "공유되는 속성은 내부 IP, 네트워크 인터페이스의 맥(MAC)주소 등입니다. 다른 컨테이너의 네트워크 환경을 공유하면 내부 IP를 새로 할당받지 않으며 호스트에 veth로 시작하는 가상 네트워크 인터페이스도 생성되지 않습니다." 이렇게 붙은 두 컨테이너는 한 머신 위의 두 프로세스만큼 가깝습니다. 한쪽의 `127.0.0.1`이 곧 다른 쪽의 `127.0.0.1`입니다(쿠버네티스(Kubernetes)의 파드(pod)도 이렇게 동작합니다).

다음 셀은 기본 브리지에 웹 서버를 띄운 `app`을 시작합니다. 그다음 여러분이 `side`를 그 네임스페이스에 넣습니다. 먼저 예측해 보세요.
*/

// %% predict p-side side-veths en=e3b0c442

// %% solution p-side en=e3b0c442

// %% code app-run concepts=15 en=e3b0c442

/* %% md ex5-task en=a3263edb
### 실습 5 · app의 네임스페이스에서 `side` 실행하기

실습 셀의 `lab.step` 안에서 `side`를 백그라운드로, `sleep 3600`을 실행하도록, app의 네임스페이스에 들어가는 네트워크 모드로 띄우세요.
*/

// %% exercise ex5 type=build concepts=15 en=46d1a4ca
// 실습 5: side를 app의 네트워크 네임스페이스에서 실행합니다.
// 여기에 명령을 쓰세요

// %% solution ex5 en=6b62c123
// 실습 5: side를 app의 네트워크 네임스페이스에서 실행합니다.

// %% code side-view concepts=15 en=b8e4aa3b
// side 안에서 127.0.0.1은 app의 루프백입니다:

// %% check ex5-check 05.container-mode en=e3b0c442

/* %% md ex6-md en=1d74d9b6
### 실습 6 · side의 트래픽은 누구의 veth로 나갈까?

실습 02에서 배운 짝 찾기 규칙(인터페이스 인덱스, ifindex)으로 side의 eth0에 대응하는 호스트 쪽 끝을 찾아, 그 이름을 `"side-host-veth"`로 기록하세요. 그 veth는 누구의 것일까요?
*/

// %% exercise ex6 type=reason concepts=15 en=6896c07a
// 실습 6: side의 eth0에 대응하는 호스트 쪽 끝을 ifindex로 찾아 "side-host-veth"로 기록합니다.

// %% solution ex6 en=6896c07a
// 실습 6: side의 eth0에 대응하는 호스트 쪽 끝을 ifindex로 찾아 "side-host-veth"로 기록합니다.

// %% check ex6-check 05.side-veth en=e3b0c442

/* %% md draw-md en=153181e6
## 그림으로 보기

app은 docker0에 veth 하나를 가지고, side는 자기 veth가 없습니다(app의 네임스페이스 안에 삽니다). hostc와 hostp는 호스트의 네트워크 네임스페이스에 있고, nonec는 `lo` 말고는 그릴 것이 없습니다.
*/

// %% code draw concepts=15 en=e3b0c442

/* %% md trouble-md en=529d5106
## 5 · 트러블슈팅: 앱에 닿지 못하는 사이드카

다음 셀은 `probe`라는 사이드카를 띄웁니다. probe는 side처럼 `localhost`로 app의 웹 서버를 지켜봐야 하는데, 닿지 못합니다. 이 실습에서 쓴 도구(각 컨테이너 안의 주소와 MAC, `/proc/PID/ns/net`, `docker inspect`의 `HostConfig.NetworkMode`, `lab.draw()`)로 이유를 찾고, 원인을 이름으로 말한 다음 고치세요.
*/

// %% code scenario concepts=15 en=4be72943
// probe 안에서 127.0.0.1에 요청해 봅니다:

// %% exercise ex7 type=troubleshoot concepts=15 en=4386eb52
// 실습 7: probe(lab.name("probe"))가 127.0.0.1로 app에 닿지 못하는 이유를 찾고, 원인을 말하고, 고칩니다.
// 1. 살펴보기: 필요한 만큼 셀을 추가하세요.
// 2. 원인 말하기: await lab.diagnose("…");   (위에 나온 원인 중 하나)
// 3. 고치기: 무엇이 바뀌었는지 보려면 step 안에서 하세요.
// await lab.step("fix probe", async () => { … });

// %% solution ex7 en=8bf836eb
// 실습 7: probe(lab.name("probe"))가 127.0.0.1로 app에 닿지 못하는 이유를 찾고, 원인을 말하고, 고칩니다.
// probe의 네임스페이스는 app의 것이 아닙니다

// %% check ex7-check 05.probe-fixed en=e3b0c442

/* %% md all-md en=a2fc8ffe
## 전체 체크

예측(제때 했는지)을 먼저 보고, 모든 체크를 다시 실행합니다. 채점기(grader)는 이 체크들을 실제 호스트에 대해 돌리고, 숨은 체크도 하나 더 돌립니다.
*/

// %% check predictions-check 05.predictions en=e3b0c442

// %% check all-checks en=e3b0c442

/* %% md teardown-md en=da2c9800
## 정리(teardown): 내가 만든 것만 지우기

세션의 컨테이너를 레이블(label)로 찾아 지웁니다. hostc의 서버도 컨테이너와 함께 사라지므로 hostPort는 다시 비게 됩니다. 두 번 실행해도 문제없습니다.
*/

// %% teardown teardown en=5eeda2ad
// setup 셀이 실패했거나 커널을 재시작한 뒤에도 동작합니다. 실습이 만든 객체는 레이블로 찾습니다.
