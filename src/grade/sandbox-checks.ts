// The grader's checks of one sandboxed submission, as a process of the grader inside the sandbox's network namespace
// (nsenter --net) and a private mount namespace of its own (unshare --mount --propagation private), with DOCKER_HOST
// on the sandbox's engine and the kernel's state directory: the lab's checks (hidden ones too) and the topology
// picture, from this checkout's code, written as JSON to the file named. Before checking, it mirrors the network
// namespaces the submission named (sandbox-netns.ts) onto its own /run/netns. Nothing of the submission runs here.
//   node dist/grade/sandbox-checks.js LAB SESSION OUT.json TITLE
// It is started while the notebook runs (loading its code then) and waits for a line on stdin before it checks:
// `go HOLDER` (the pid holding the kernel's mount namespace) or `go` (nothing to mirror).
import { writeFile } from "node:fs/promises";
import { allButCommand } from "../checks/check.js";
import { checkLab } from "../labs/check-lab.js";
import { labContext } from "../labs/run-lab.js";
import { snapshot } from "../topology/snapshot.js";
import { findGradable } from "./gradable.js";
import { sessionPicture } from "./picture.js";
import { mirrorEngineRun, mirrorSandboxNetns, mountSandboxSys } from "./sandbox-netns.js";
import { enginePaths } from "../labs/private-engine.js";

const [labId, session, out, title] = process.argv.slice(2);
if (!labId || !session || !out) {
  process.stderr.write("Usage: node dist/grade/sandbox-checks.js LAB SESSION OUT.json [TITLE]\n");
  process.exit(2);
}
const lab = findGradable(labId);
// The picture's renderer loads now too, then wait for the grader's "go" (the notebook has ended).
await import("../render/topology-plot.js").catch(() => undefined);
const line = await new Promise<string>((resolve) => {
  process.stdin.once("data", (chunk: Buffer) => resolve(chunk.toString()));
  process.stdin.once("end", () => resolve(""));
});
process.stdin.destroy();
await mountSandboxSys();
const holder = Number(/^go (\d+)/.exec(line)?.[1] ?? 0);
if (holder > 0) {
  const { dropped } = await mirrorSandboxNetns(holder);
  if (dropped.length) process.stderr.write(`not mirrored: ${dropped.join(", ")}\n`);
  // The private engine the notebook started (labs 07, 08, c8): its socket, pid file and namespaces from the kernel's /run.
  if (lab.ownEngine) {
    const engine = await mirrorEngineRun(holder, enginePaths(session, lab.id));
    if (engine.dropped.length) process.stderr.write(`engine not mirrored: ${engine.dropped.join(", ")}\n`);
  }
}
const context = labContext(lab, session, (line) => process.stderr.write(`${line}\n`));
const checks = await checkLab(lab, lab.checks, context, allButCommand);
let svg: string | null = null;
try {
  svg = sessionPicture(await snapshot(), session, title ?? `Lab ${lab.id}`);
} catch (error) {
  process.stderr.write(`picture: ${(error as Error).message}\n`);
}
await writeFile(out, JSON.stringify({ checks, svg }));
