// The Korean lab 01 in a real browser: `start` with DNL_LANG=ko (as `start --lang ko`) serves labs/ko/, headless
// Chromium opens the Korean answer key there, Run All: no error, every check passes with Korean titles, the
// prediction and check cells read in Korean; screenshots under test/artifacts/browser/korean/ (fonts-nanum draws the
// Korean glyphs: `setup --dev` installs it).
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLab } from "../../src/labs/registry.js";
import { repoRoot } from "../helpers/cli.js";
import { hostState, requireEngine, type HostState } from "../helpers/host-state.js";
import { passedCheckIds, shootCell, visibleCheckIds, type Frontend } from "./frontends.js";
import type { HeadlessChromium, JupyterServer } from "./jupyter.js";
import { closeKeyInBrowser, openKeyInBrowser } from "./key-session.js";
import { expectNoResidueOfSession, randomSession } from "./residue.js";

const lab = findLab("01");
const artifacts = join(repoRoot, "test", "artifacts", "browser", "korean");
const session = randomSession();
const hangul = /[\uac00-\ud7a3]/;

let before: HostState;
let server: JupyterServer | undefined;
let chrome: HeadlessChromium | undefined;
let page: Page;
let frontend: Frontend;
let keyPath = "";
let cellIndex: (id: string) => number;

describe("the Korean lab 01 in a real browser (headless Chromium, `start` serving labs/ko/)", () => {
  beforeAll(async () => {
    await requireEngine();
    before = await hostState();
    await mkdir(artifacts, { recursive: true });
    ({ server, frontend, chrome, page, cellIndex, path: keyPath } = await openKeyInBrowser(lab, "ko", session));
  });

  afterAll(async () => {
    await closeKeyInBrowser({ chrome, server }, lab, "ko", session);
  });

  it("serves labs/ko/ (the Korean notebooks) and opens lab 01 there in Korean", async () => {
    const headers = { Authorization: `token ${server!.token}` };
    const listing = (await (await fetch(`${server!.base}/api/contents`, { headers })).json()) as { content: { name: string }[] };
    expect(listing.content.map((entry) => entry.name)).toContain(lab.slug);
    await page.goto(frontend.notebookUrl(server!.base, keyPath, server!.token));
    await frontend.waitForKernelIdle(page, 120_000);
    expect(await frontend.kernelName(page)).toBe("TypeScript (docker-net-lab)");
    expect(await frontend.cell(page, cellIndex("intro")).innerText()).toContain("실습 01 · docker0: 기본 브리지(bridge)");
  });

  it("runs every cell with no error, and every check passes with Korean titles and messages", async () => {
    await frontend.runAll(page);
    await frontend.waitForRunAll(page, 300_000);
    const errors = await frontend.errorOutputs(page).allInnerTexts();
    expect(errors, `error outputs:\n${errors.join("\n---\n")}\n\nserver log:\n${server!.log().slice(-3000)}`).toEqual([]);
    const report = frontend.cell(page, cellIndex("all-checks")).locator(".dnl-check-report");
    await expect.poll(() => report.count()).toBe(1);
    expect(await passedCheckIds(report)).toEqual(visibleCheckIds(lab));
    const text = await report.innerText();
    expect(text).toContain("✔ 통과");
    expect(text).toContain("확인하는 것");
    expect(text).toContain("Docker 기본 네트워크 뒤의 링크(docker0)가 리눅스 브리지임을 찾았다");
    expect(await frontend.cell(page, cellIndex("p-web2")).innerText()).toContain("// 예측: 기본 브리지에 web1, 그다음 web2를 띄웁니다.");
    expect(await frontend.cell(page, cellIndex("scenario")).innerText()).toMatch(/무언가 고장 났습니다:/);
  });

  it("takes screenshots of the Korean notebook and its check report", async () => {
    await page.setViewportSize({ width: 1280, height: 1400 });
    const frame = async (cellId: string, inner: string | null, name: string): Promise<string> => {
      const file = join(artifacts, `${name}.png`);
      await shootCell(frontend, page, frontend.cell(page, cellIndex(cellId)), inner, file, { clamp: true });
      return file;
    };
    const intro = await frame("intro", null, "01-intro-ko");
    const checks = await frame("all-checks", ".dnl-check-report", "02-checks-ko");
    console.log(`Korean lab 01 screenshots: ${intro} ${checks}`);
    expect(hangul.test(await frontend.cell(page, cellIndex("intro")).innerText())).toBe(true);
  });

  it("tears down through the Korean teardown cell and leaves nothing behind", async () => {
    const teardown = frontend.cell(page, cellIndex("teardown"));
    await expect.poll(() => teardown.innerText()).toMatch(/정리\(teardown\): 세션 \w+의 컨테이너 [1-9]\d*개/);
    await chrome?.close();
    chrome = undefined;
    await server?.stop();
    server = undefined;
    await expectNoResidueOfSession(session, before);
  });
});
