// The "gives an answer away" detector the hint and start tests rely on: it must catch a hint that spells a solution out.
import { describe, expect, it } from "vitest";
import { findLab } from "../../src/labs/registry.js";
import { answerCommands, answerLines, givenAway } from "../helpers/answers.js";

describe("givenAway(lab, text)", () => {
  const lab01 = findLab("01");
  it("finds the solution lines and lab.sh commands of a lab's answer key", () => {
    expect(answerLines(lab01)).toContain('await lab.answer("nat-option", "com.docker.network.bridge.enable_ip_masquerade");');
    expect(answerCommands(lab01).some((pattern) => pattern.test("docker restart -t 0 dnl-ab12-01-web3"))).toBe(true);
  });

  it("catches a hint that spells out a solution command with the learner's names, or a solution line", () => {
    expect(
      givenAway(lab01, "Run: lab.sh`docker run -d --name dnl-ab12-01-web1 docker-net-lab/toolbox:0.1.0 httpd -f -p 80 -h /var/www` (no --network option)"),
    ).not.toBeNull();
    expect(givenAway(lab01, 'Then: await lab.answer("nat-option", "com.docker.network.bridge.enable_ip_masquerade");')).not.toBeNull();
  });

  it("lets a hint that names the concept and where to look through, and a command the notebook already shows", () => {
    expect(givenAway(lab01, "Without a --network option, docker run puts a container on the default bridge network (docker0).")).toBeNull();
    expect(givenAway(lab01, "Look again at `docker network inspect bridge`.")).toBeNull();
  });
});
