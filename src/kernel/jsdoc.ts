// Whether a cell may carry tslab's JSDoc tags (`/** @module m */`, `@jsx`, `@node`, `@browser`): tslab reads them
// only from the comments before a cell's first token, and only from JSDoc comments (`/**`). A cell without one needs
// no TypeScript to know it has none (tslab.ts: the kernel loads TypeScript only for a cell that does). Pure.

/** Does `src` start (past whitespace, `//` and non-JSDoc block comments) with a JSDoc comment or a shebang? */
export const hasLeadingJsDoc = (src: string): boolean => {
  let i = 0;
  for (;;) {
    while (i < src.length && /\s/.test(src[i] as string)) i++;
    if (src.startsWith("#!", i) || src.startsWith("/**", i)) return true;
    if (src.startsWith("//", i)) {
      const end = src.indexOf("\n", i);
      if (end < 0) return false;
      i = end + 1;
    } else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) return true; // unterminated: let TypeScript's scanner decide
      i = end + 2;
    } else return false;
  }
};
