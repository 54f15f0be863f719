// Top-level `await` that tslab misses. tslab runs a cell in an async wrapper only when TypeScript reports an `await`
// outside an async function. Without one, TypeScript reads `await (await x()).y()` as a call of a function named
// `await` (a cell is checked as if not async), reports nothing, and the cell fails at run time with
// "await is not defined". The kernel looks for such an `await` itself and asks for the async wrapper.
import { tslabTypescript } from "./tslab.js";

// Kinds of nodes whose body is not the cell's top level (TypeScript is loaded once a cell needs the compiler).
const functionLike = (ts: typeof import("typescript")): Set<number> =>
  new Set<number>([
    ts.SyntaxKind.ArrowFunction,
    ts.SyntaxKind.FunctionExpression,
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.MethodDeclaration,
    ts.SyntaxKind.Constructor,
    ts.SyntaxKind.GetAccessor,
    ts.SyntaxKind.SetAccessor,
    ts.SyntaxKind.ClassDeclaration,
    ts.SyntaxKind.ClassExpression,
    ts.SyntaxKind.ModuleDeclaration,
  ]);
let FUNCTION_LIKE: Set<number> | null = null;

/** True when `source` uses `await` at its top level (as an operator, or read as a name, as in `await (x)`). */
export const hasTopLevelAwait = (source: string): boolean => {
  if (!source.includes("await")) return false;
  const ts = tslabTypescript();
  const kinds = (FUNCTION_LIKE ??= functionLike(ts));
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const visit = (node: import("typescript").Node): boolean => {
    if (kinds.has(node.kind)) return false;
    if (node.kind === ts.SyntaxKind.AwaitExpression) return true;
    if (ts.isIdentifier(node) && node.text === "await") return true;
    if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) return true;
    return ts.forEachChild(node, visit) === true;
  };
  return visit(file);
};
