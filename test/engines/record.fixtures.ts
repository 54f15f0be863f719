// DNL_RECORD=1 npx vitest run --config test/engines/vitest.config.ts: record each engine's scene (test/engines/record.ts),
// with the default userland proxy and, on 28.5, also without it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureRootfs } from "../helpers/rootfs.js";
import { startMatrixEngine, stopMatrixEngine, type MatrixEngine } from "./engine.js";
import { matrixSelection, matrixVariants } from "./matrix.js";
import { recordScene } from "./record.js";

const { engines } = matrixSelection();
const variants = matrixVariants.filter((variant) => engines.includes(variant.id));

for (const { spec, userlandProxy } of variants) {
  describe(`record Docker ${spec.docker}${userlandProxy ? "" : " --userland-proxy=false"}`, () => {
    let engine: MatrixEngine | null = null;
    beforeAll(async () => {
      const root = await ensureRootfs({ suite: spec.suite, packages: spec.packages, log: console.log });
      engine = await startMatrixEngine(spec, root, { userlandProxy, log: console.log });
    });
    afterAll(async () => {
      if (engine) await stopMatrixEngine(engine);
    });
    it("records the scene", async () => {
      const name = `docker-${(engine as MatrixEngine).version.split(".").slice(0, 2).join(".")}${userlandProxy ? "" : "-no-userland-proxy"}`;
      const seen = await recordScene(engine as MatrixEngine, name);
      console.log(`${name}:\n${seen}`);
      expect(seen).toMatch(/loopback/);
    });
  });
}
