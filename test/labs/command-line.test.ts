import { describe, expect, it } from "vitest";
import { labelInsertPosition, templateToArgv } from "../../src/labs/command-line.js";

const argv = (strings: TemplateStringsArray, ...values: (string | number | string[])[]) => templateToArgv(strings, values);

describe("templateToArgv", () => {
  it("templateToArgv(strings, values) keeps each interpolated value as one argument", () => {
    const name = "a name with spaces";
    expect(argv`docker run -d --name ${name} img`).toEqual(["docker", "run", "-d", "--name", "a name with spaces", "img"]);
  });
  it("templateToArgv(strings, values) keeps quoted static text together without the quotes", () => {
    expect(argv`docker network inspect bridge --format '{{json .IPAM}}'`).toEqual(["docker", "network", "inspect", "bridge", "--format", "{{json .IPAM}}"]);
  });
  it("templateToArgv(strings, values) glues values to adjacent static text", () => {
    expect(argv`docker run -p ${8080}:80 --name=${"web"} x`).toEqual(["docker", "run", "-p", "8080:80", "--name=web", "x"]);
  });
  it("templateToArgv(strings, values) spreads arrays into several arguments", () => {
    expect(argv`echo ${["a", "b"]} c`).toEqual(["echo", "a", "b", "c"]);
  });
  it("templateToArgv(strings, values) rejects an unclosed quote with a hint", () => {
    expect(() => argv`echo 'oops`).toThrow(/Unclosed ' quote/);
  });
});

describe("labelInsertPosition", () => {
  it("labelInsertPosition(argv) finds where labels go for commands that create objects", () => {
    expect(labelInsertPosition(["docker", "run", "img"])).toBe(2);
    expect(labelInsertPosition(["docker", "network", "create", "n"])).toBe(3);
    expect(labelInsertPosition(["docker", "volume", "create", "v"])).toBe(3);
    expect(labelInsertPosition(["docker", "ps"])).toBe(-1);
    expect(labelInsertPosition(["ip", "link"])).toBe(-1);
  });
});
