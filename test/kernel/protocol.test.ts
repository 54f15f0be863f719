import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { History } from "../../src/kernel/history.js";
import { KernelMessage } from "../../src/kernel/message.js";
import { displayContent, plainText } from "../../src/kernel/result.js";

const frames = (key: string, header: object, content: object): Buffer[] => {
  const parts = [header, {}, {}, content].map((p) => JSON.stringify(p));
  const signature = createHmac("sha256", key).update(parts.join("")).digest("hex");
  return [Buffer.from("client-id"), Buffer.from("<IDS|MSG>"), Buffer.from(signature), ...parts.map((p) => Buffer.from(p))];
};
const header = { msg_id: "m1", session: "s1", username: "learner", date: "2026-01-01T00:00:00Z", msg_type: "execute_request", version: "5.3" };

describe("KernelMessage", () => {
  it("parse(key, frames) verifies the signature and keeps the routing identity", () => {
    const message = KernelMessage.parse("secret", frames("secret", header, { code: "1" }));
    expect(message.type).toBe("execute_request");
    expect(message.content).toEqual({ code: "1" });
    expect(message.identities.map(String)).toEqual(["client-id"]);
  });

  it("parse(key, frames) rejects a message signed with another key", () => {
    expect(() => KernelMessage.parse("secret", frames("other", header, {}))).toThrow(/invalid signature/);
  });

  it("reply(type, content) is sent signed, to the requester, with the request as parent", () => {
    const request = KernelMessage.parse("secret", frames("secret", header, {}));
    const sent: (Buffer | string)[][] = [];
    request.reply("execute_reply", { status: "ok" }).send("secret", { send: (f) => sent.push(f) });
    const [identity, delimiter, signature, ...parts] = sent[0]!;
    expect(String(identity)).toBe("client-id");
    expect(String(delimiter)).toBe("<IDS|MSG>");
    expect(signature).toBe(createHmac("sha256", "secret").update(parts.join("")).digest("hex"));
    expect(JSON.parse(String(parts[1])).msg_id).toBe("m1");
    expect(JSON.parse(String(parts[0])).msg_type).toBe("execute_reply");
  });
});

describe("History", () => {
  const history = new History();
  history.add(1, "1 + 2").output = "3";
  history.add(2, "const a = 1;");
  history.add(3, "1 + 2");

  it("query(tail) lists the last n cells as [session, line, input]", () => {
    expect(history.query({ hist_access_type: "tail", n: 2 })).toEqual([
      [1, 2, "const a = 1;"],
      [1, 3, "1 + 2"],
    ]);
  });

  it("query(range, output) lists cells start <= line < stop with [input, output]", () => {
    expect(history.query({ hist_access_type: "range", session: 1, start: 1, stop: 2, output: true })).toEqual([[1, 1, ["1 + 2", "3"]]]);
  });

  it("query(search) matches a glob, unique keeps the latest of equal inputs", () => {
    expect(history.query({ hist_access_type: "search", pattern: "1 + *" })).toHaveLength(2);
    expect(history.query({ hist_access_type: "search", pattern: "1 + *", unique: true })).toEqual([[1, 3, "1 + 2"]]);
  });
});

describe("display content", () => {
  it("plainText(value) keeps strings as printed and inspects everything else like Node's REPL", () => {
    expect(plainText("eth0\nlo")).toBe("eth0\nlo");
    expect(plainText({ mtu: 1500 })).toBe("{ mtu: 1500 }");
  });

  it("displayContent(value) uses the [Symbol.for('Jupyter.display')]() bundle and adds text/plain", async () => {
    const value = { [Symbol.for("Jupyter.display")]: async () => ({ "text/html": "<b>x</b>", "application/vnd.docker-net-lab.check+json": { passed: true } }) };
    const content = await displayContent(value);
    if (!content) throw new Error("expected content");
    expect(content.data["text/html"]).toBe("<b>x</b>");
    expect(content.data["application/vnd.docker-net-lab.check+json"]).toEqual({ passed: true });
    expect(typeof content.data["text/plain"]).toBe("string");
  });

  it("displayContent(value) is null when the display method returns null (the value was already shown)", async () => {
    expect(await displayContent({ [Symbol.for("Jupyter.display")]: () => null })).toBeNull();
    expect(await displayContent({ a: 1 })).not.toBeNull();
  });
});
