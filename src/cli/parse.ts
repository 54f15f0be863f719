// `parse <format> [file] [--raw]`: command output -> JSON. A pipe filter, so it starts like one: bin.ts hands the plain
// forms (`parse ip-addr`, `parse iptables-list FILE`, `--raw` anywhere) straight to `parseShortcut`, which loads the
// one parser and neither commander nor the other commands (commander alone costs about as much as the parse of a small
// file); every other form (help, an unknown format or flag, a missing format) goes through commander as usual.
import { readFileSync } from "node:fs";
import { UsageError } from "../errors.js";
import { catalog, formatNames, isFormatName } from "../parse/catalog.js";

// Read a file or stdin as text.
const readInput = async (file: string | undefined): Promise<string> => {
  try {
    // Synchronous: a file read with fs/promises costs a few ms of start-up more (its internals are loaded on first use).
    if (file && file !== "-") return readFileSync(file, "utf8");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file ?? "stdin"}: ${(error as Error).message}`, { hint: "Pass a readable file, or pipe the command's output in." });
  }
};

/** Parse FILE (or stdin) as `format`, print the value as JSON and each problem on stderr. */
export const runParse = async (format: string, file: string | undefined, raw: boolean): Promise<void> => {
  if (!isFormatName(format)) throw new UsageError(`Unknown format \`${format}\`.`, { hint: `Use one of: ${formatNames.join(", ")}.` });
  const [parse, text] = await Promise.all([catalog[format].load(), readInput(file)]);
  const result = parse(text, { raw });
  process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`); // output.ts's printJson, without loading output.ts
  for (const problem of result.problems) process.stderr.write(`${problem.parser}: line ${problem.line}: ${problem.message}: ${problem.text}\n`);
};

/** The arguments after `parse` when they are a plain form commander would accept as is; null for anything else. */
export const plainParseArgs = (args: readonly string[]): { format: string; file: string | undefined; raw: boolean } | null => {
  const positional = args.filter((arg) => arg !== "--raw");
  const [format, file, ...rest] = positional;
  if (format === undefined || !isFormatName(format) || rest.length > 0) return null;
  if (file !== undefined && file !== "-" && file.startsWith("-")) return null;
  return { format, file, raw: positional.length < args.length };
};
