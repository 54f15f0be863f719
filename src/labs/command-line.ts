// Turning a tagged template (`docker run -d --name ${name} ${image}`) into an argv, like execa's `$`, without a shell.
import { UsageError } from "../errors.js";

type Piece = string | number | readonly (string | number)[];

// Split static text into tokens, honouring '…' and "…" quotes; reports whether it started/ended inside a word.
const tokenize = (text: string): { tokens: string[]; leadingGlue: boolean; trailingGlue: boolean } => {
  const tokens: string[] = [];
  let current: string | null = null;
  let quote: "'" | '"' | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      else current = (current ?? "") + char;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      current ??= "";
      continue;
    }
    if (/\s/.test(char)) {
      if (current !== null) tokens.push(current);
      current = null;
      continue;
    }
    current = (current ?? "") + char;
  }
  if (quote) throw new UsageError(`Unclosed ${quote} quote in command: ${text}`, { hint: "Close the quote, or pass the value as ${...}." });
  if (current !== null) tokens.push(current);
  return { tokens, leadingGlue: text.length > 0 && !/^\s/.test(text), trailingGlue: text.length > 0 && !/\s$/.test(text) };
};

/** Parse a tagged template into argv: static text split on spaces (quotes kept together), each `${value}` one argument (arrays spread). */
export const templateToArgv = (strings: readonly string[], values: readonly Piece[]): string[] => {
  const argv: string[] = [];
  let glueNext = false;
  strings.forEach((text, index) => {
    const { tokens, leadingGlue, trailingGlue } = tokenize(text);
    if (tokens.length > 0) {
      if (glueNext && leadingGlue && argv.length > 0) argv[argv.length - 1] += tokens.shift() as string;
      argv.push(...tokens);
    }
    glueNext = text.length === 0 ? glueNext : trailingGlue;
    if (index < values.length) {
      const value = values[index] as Piece;
      const parts = Array.isArray(value) ? value.map(String) : [String(value)];
      if (parts.length === 0) {
        glueNext = false;
        return;
      }
      if ((glueNext || (text.length === 0 && index > 0 && glueNext)) && argv.length > 0 && tokens.length > 0) {
        argv[argv.length - 1] += parts.shift() as string;
      } else if (glueNext && argv.length > 0 && text.length > 0 && tokens.length === 0) {
        argv[argv.length - 1] += parts.shift() as string;
      }
      argv.push(...parts);
      glueNext = true;
    }
  });
  return argv;
};

/** Where to insert labels for docker sub-commands that create objects; -1 when none. */
export const labelInsertPosition = (argv: readonly string[]): number => {
  if (argv[0] !== "docker") return -1;
  const [sub, verb] = [argv[1], argv[2]];
  if (sub === "run" || sub === "create") return 2;
  if ((sub === "network" || sub === "volume") && verb === "create") return 3;
  if (sub === "container" && (verb === "run" || verb === "create")) return 3;
  return -1;
};
