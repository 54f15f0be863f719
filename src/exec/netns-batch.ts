// Runner: `ip -j -d -b -` in many network namespaces with a few shell processes instead of one
// process per namespace per command (what makes `snapshot()` fast). Returns text, never parses it:
// the output is only cut at frame marks this runner writes itself.
import { PassThrough } from "node:stream";
import { run, timeouts } from "./run.js";
import type { Where } from "./commands.js";

/** What one namespace printed: one `ip -j` JSON text per batch command, in order. */
export interface NamespaceOutput {
  readonly where: Where;
  readonly ok: boolean;
  readonly outputs: readonly string[];
  readonly stderr: string;
}

// Frame marks (ASCII record/unit separators never occur in `ip -j` output).
const RS = "\u001e";
const FAIL = "\u001f";

// sh script: for each target print a mark, then run ip in its namespace with the batch as a here-document.
// A container's namespace is opened by path (`ip -n ../../../proc/PID/ns/net`: iproute2 joins the name to
// /var/run/netns), which saves the nsenter exec per namespace; nsenter is the fallback. The targets are the script's
// arguments, or (with `-`) the lines of its stdin, read as they come.
const script = [
  'batch="$1"; shift',
  "one() {",
  `  printf '${RS}%s\\n' "$1"`,
  '  case "$1" in',
  '    pid:*) { ip -n "../../../proc/${1#pid:}/ns/net" -j -d -b - 2>/dev/null || nsenter -t "${1#pid:}" -n ip -j -d -b -; } <<EOF',
  "$batch",
  "EOF",
  "    ;;",
  '    netns:*) ip -n "${1#netns:}" -j -d -b - <<EOF',
  "$batch",
  "EOF",
  "    ;;",
  "    *) ip -j -d -b - <<EOF",
  "$batch",
  "EOF",
  "    ;;",
  `  esac || printf '${FAIL}%s\\n' "$1"`,
  "}",
  'if [ "$1" = - ]; then while IFS= read -r t; do one "$t"; done; else for t; do one "$t"; done; fi',
].join("\n");

// A target word for the script.
const targetOf = (where: Where): string => (where.kind === "pid" ? `pid:${where.pid}` : where.kind === "netns" ? `netns:${where.name}` : "host");

// Cut one shell's stdout at the frame marks.
const frames = (stdout: string, targets: readonly Where[], stderr: string): NamespaceOutput[] => {
  const byTarget = new Map<string, { lines: string[]; ok: boolean }>();
  let current: { lines: string[]; ok: boolean } | null = null;
  for (const line of stdout.split("\n")) {
    if (line.startsWith(RS)) {
      current = { lines: [], ok: true };
      byTarget.set(line.slice(1), current);
    } else if (line.startsWith(FAIL)) {
      const failed = byTarget.get(line.slice(1));
      if (failed) failed.ok = false;
      current = null;
    } else if (current && line.length) current.lines.push(line);
  }
  return targets.map((where) => {
    const got = byTarget.get(targetOf(where));
    return { where, ok: Boolean(got?.ok), outputs: got?.lines ?? [], stderr };
  });
};

/**
 * Run the `ip` batch (e.g. `["addr show", "route show"]`) in every namespace, spread over `shells`
 * parallel shells. Each result holds one JSON text per batch command (an empty list when the namespace vanished).
 */
export const ipBatchInNamespaces = async (targets: readonly Where[], commands: readonly string[], shells = 2): Promise<NamespaceOutput[]> => {
  if (targets.length === 0) return [];
  const batch = commands.join("\n");
  const groups: Where[][] = Array.from({ length: Math.max(1, Math.min(shells, targets.length)) }, () => []);
  targets.forEach((target, index) => groups[index % groups.length]!.push(target));
  const results = await Promise.all(
    groups.map(async (group) => {
      const result = await run("sh", ["-c", script, "dnl-ip-batch", batch, ...group.map(targetOf)], { timeout: timeouts.docker, reject: false });
      return frames(result.stdout, group, result.stderr);
    }),
  );
  const byTarget = new Map(results.flat().map((output) => [targetOf(output.where), output]));
  return targets.map((where) => byTarget.get(targetOf(where)) as NamespaceOutput);
};

/** A batch whose targets are added while it runs: `add` as each becomes known, then `done` for every output. */
export interface IpBatchStream {
  add(target: Where): void;
  done(): Promise<NamespaceOutput[]>;
}

/**
 * `ipBatchInNamespaces` for targets not all known at the start (a snapshot learns containers' pids as the engine
 * answers): each target goes to one of `shells` shells at once, which reads its namespace while the next is found.
 */
export const ipBatchStream = (commands: readonly string[], shells = 2): IpBatchStream => {
  const batch = commands.join("\n");
  const running: { input: PassThrough; targets: Where[]; result: Promise<NamespaceOutput[]> }[] = [];
  let added = 0;
  return {
    add(target) {
      if (running.length < shells) {
        const input = new PassThrough();
        const targets: Where[] = [];
        const result = run("sh", ["-c", script, "dnl-ip-batch", batch, "-"], { timeout: timeouts.docker, reject: false, input }).then((out) =>
          frames(out.stdout, targets, out.stderr),
        );
        running.push({ input, targets, result });
      }
      const shell = running[added++ % shells] as (typeof running)[number];
      shell.targets.push(target);
      shell.input.write(`${targetOf(target)}\n`);
    },
    async done() {
      for (const shell of running) shell.input.end();
      return (await Promise.all(running.map((shell) => shell.result))).flat();
    },
  };
};
