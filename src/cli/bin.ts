#!/usr/bin/env node
// The bin stub: all behaviour lives in main.ts (and parse.ts, topology.ts for the plain `parse` and `snapshot` forms).

// `docker-net-lab --help | head`: a reader that stops early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

// `parse FORMAT [FILE] [--raw]` without commander (see parse.ts): it lives for milliseconds, so no V8 tuning either.
const parseShortcut = async (argv: readonly string[]): Promise<number | null> => {
  const { plainParseArgs, runParse } = await import("./parse.js");
  const plain = plainParseArgs(argv.slice(1));
  if (!plain) return null;
  return runParse(plain.format, plain.file, plain.raw).then(
    () => 0,
    async (error: unknown) => (await import("./output.js")).reportError(error),
  );
};

// `snapshot` and `snapshot --json` (what scripts run, often): no commander either; the action is the same.
const snapshotShortcut = async (argv: readonly string[]): Promise<number | null> => {
  if (argv.length > 2 || (argv.length === 2 && argv[1] !== "--json")) return null;
  const [{ snapshotAction }, { reportError }] = await Promise.all([import("./topology.js"), import("./output.js")]);
  return snapshotAction({ json: true }).then(() => 0, reportError);
};

// Everything else: the CLI lives for seconds too (labs run, grade), so the kernel's V8 tuning (see node-flags.ts) is set
// before main.ts and what it loads.
const fullCli = async (argv: readonly string[]): Promise<number> => {
  const [{ setFlagsFromString }, { shortLivedNodeFlags }] = await Promise.all([import("node:v8"), import("../setup/node-flags.js")]);
  for (const flag of shortLivedNodeFlags) setFlagsFromString(flag);
  const { main } = await import("./main.js");
  return main(argv);
};

const argv = process.argv.slice(2);
const shortcut = argv[0] === "parse" ? parseShortcut : argv[0] === "snapshot" ? snapshotShortcut : null;
process.exitCode = (shortcut ? await shortcut(argv) : null) ?? (await fullCli(argv));
