// The learner-visible English strings of a TypeScript file, as catalog keys (src/i18n/catalog.ts): what the drift
// test requires a translation of. A template literal's key is its text with each `${…}` written {0}, {1}, …
//   lab definitions: titles, questions, explanations, symptoms, messages and hints (properties); goals, choices and
//   causes; pass/fail messages, hint levels (a hint's command only when it holds prose besides code); errors'
//   messages; context.log lines;
//   runtime files and notebooks: also the arguments of t(…) and lab.expect(what, ok, hint).
import { readFileSync } from "node:fs";
import ts from "typescript";

export interface Extracted {
  readonly key: string;
  readonly line: number;
}

const textProps = new Set(["title", "question", "explain", "symptom", "message", "hint"]);
const listProps = new Set(["goals", "choices"]);

// The catalog key of a string-like node, or null for anything else.
const keyOf = (node: ts.Node): string | null => {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.templateSpans.reduce((key, span, i) => `${key}{${i}}${span.literal.text}`, node.head.text);
  return null;
};

// A hint's command holds prose when, besides code in backticks, it says what to do in words.
const isProse = (key: string): boolean => {
  if (/`[,;]? (then|and|or) [a-z]/.test(key)) return true;
  const outside = key.replace(/`[^`]*`/g, "").replace(/\{\d+\}/g, "");
  return !/^(await |const |lab\.|docker |ip |\()/.test(key.trim()) && /\b(the|then|and|with|again)\b [a-z]/.test(outside);
};

/** The learner-visible strings of `file` (`notebook`: a lab source, where lab.expect and t() count). */
export const learnerStrings = (file: string, options: { runtime?: boolean } = {}): Extracted[] => {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Extracted[] = [];
  const add = (node: ts.Node | undefined, filter: (key: string) => boolean = () => true): void => {
    if (!node) return;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
      add(node.expression, filter);
      return;
    }
    if (ts.isConditionalExpression(node)) {
      add(node.whenTrue, filter);
      add(node.whenFalse, filter);
      return;
    }
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) add(element, filter);
      return;
    }
    const key = keyOf(node);
    if (key !== null && /[A-Za-z]{2,}/.test(key) && filter(key)) found.push({ key, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const callee = (call: ts.CallExpression | ts.NewExpression): string =>
    ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.getText(source) : "";
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const name = node.name.text;
      if (textProps.has(name)) add(node.initializer);
      else if (listProps.has(name)) add(node.initializer);
      else if (name === "causes" && ts.isObjectLiteralExpression(node.initializer))
        for (const property of node.initializer.properties) if (ts.isPropertyAssignment(property)) add(property.initializer);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = callee(node);
      const args = node.arguments ?? ts.factory.createNodeArray();
      if (name === "fail") {
        add(args[0]);
        add(args[1]);
      } else if (name === "pass") add(args[0]);
      else if (name === "hints") {
        add(args[0]);
        add(args[1], isProse);
      } else if (name === "EnvironmentError" || name === "UsageError") add(args[0]);
      else if (name === "context.log") add(args[0]);
      else if (options.runtime && (name === "t" || name === "this.t")) add(args[0]);
      else if (name === "lab.step") add(args[0]);
      else if (name === "lab.view")
        add(
          args[2],
          (key) => / [a-z]+ [a-z]+/.test(key.replace(/`[^`]*`/g, "")) && !/^(docker|ip|busybox|brctl|iptables|nsenter|route|bridge|curl) /.test(key),
        );
      else if (name === "lab.expect") {
        add(args[0]);
        add(args[2]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};
