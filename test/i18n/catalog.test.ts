import { describe, expect, it } from "vitest";
import { langFrom, parseLang, templateKey, Translator } from "../../src/i18n/catalog.js";

describe("Translator", () => {
  const ko = new Translator("ko", [
    {
      "web1 is {0} and web2 is {1}, both in {2}.": "web1은 {0}, web2는 {1}이며, 둘 다 {2}에 속합니다.",
      "{0} Still broken: {1}": "{0} 아직 고장 난 상태입니다: {1}",
      "web3 runs but does not answer.": "web3는 돌지만 응답하지 않습니다.",
      "http://{0}/ does not answer.": "http://{0}/가 응답하지 않습니다.",
      "{0} before {1}": "{1} 뒤에 {0}",
      yes: "예",
    },
  ]);
  it("translates an exact string and leaves an unknown one as it is", () => {
    expect(ko.t("yes")).toBe("예");
    expect(ko.t("no such sentence")).toBe("no such sentence");
    expect(ko.find("no such sentence")).toBeNull();
  });
  it("matches templates and puts the values in their places, in any order", () => {
    expect(ko.t("web1 is 172.17.0.2 and web2 is 172.17.0.3, both in 172.17.0.0/16.")).toBe(
      "web1은 172.17.0.2, web2는 172.17.0.3이며, 둘 다 172.17.0.0/16에 속합니다.",
    );
    expect(ko.t("b before a")).toBe("a 뒤에 b");
  });
  it("translates a message built from other messages", () => {
    expect(ko.t("web3 runs but does not answer. Still broken: http://172.17.0.4/ does not answer.")).toBe(
      "web3는 돌지만 응답하지 않습니다. 아직 고장 난 상태입니다: http://172.17.0.4/가 응답하지 않습니다.",
    );
  });
  it("is the identity in English", () => {
    expect(new Translator("en", [{ yes: "예" }]).t("yes")).toBe("yes");
  });
  it("keys a template literal by its parts", () => {
    expect(templateKey(["web1 is ", " and web2 is ", "."])).toBe("web1 is {0} and web2 is {1}.");
  });
});

describe("the language to use", () => {
  it("takes --lang, then DNL_LANG, then the locale, else English", () => {
    expect(langFrom("ko", {})).toBe("ko");
    expect(langFrom(undefined, { DNL_LANG: "ko", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(langFrom(undefined, { LANG: "ko_KR.UTF-8" })).toBe("ko");
    expect(langFrom(undefined, { LC_ALL: "ko_KR.UTF-8", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(langFrom(undefined, { LANG: "en_US.UTF-8" })).toBe("en");
    expect(langFrom(undefined, {})).toBe("en");
  });
  it("refuses another language with the allowed ones", () => {
    expect(() => parseLang("fr")).toThrow(/one of en, ko, got `fr`/);
  });
});
