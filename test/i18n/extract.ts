// The learner-visible English strings of a TypeScript file, as catalog keys (src/i18n/catalog.ts): what the drift
// test requires a translation of. A template literal's key is its text with each `${…}` written {0}, {1}, …
//   lab definitions: titles, questions, explanations, symptoms, messages and hints (properties); goals, choices and
//   causes; pass/fail messages, hint levels (a hint's command only when it holds prose besides code); errors'
//   messages; context.log lines;
//   runtime files and notebooks: also the arguments of t(…) and lab.expect(what, ok, hint);
//   lab definitions also: prose passed to the file's own helpers (`running(context, "m1", "concept…")`)
//   and prose held in the file's string constants (`const needSetup = "Run the setup cell…"`), which end up in
//   messages and hint levels as well;
//   challenge definitions (src/challenges/defs): as lab definitions, plus the brief (goal, constraints, tools, what
//   each parameter is), and the text of `fill(text, p)` (its `{param}` names kept: the catalog counts it as a template).
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

// Prose, not code: words outside backticks, and not a command.
const isSentence = (key: string): boolean =>
  !/^(await |const |for |lab\.|engine\.|docker |ip |nsenter |busybox |iptables )/.test(key.trim()) &&
  /[A-Za-z]{2,}\S* [a-z]{2,} [a-z]{2,}/.test(key.replace(/`[^`]*`/g, "").replace(/\{\d+\}/g, ""));

/** The learner-visible strings of `file` (`notebook`: a lab source, where lab.expect and t() count). */
export const learnerStrings = (file: string, options: { runtime?: boolean } = {}): Extracted[] => {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Extracted[] = [];
  const challenge = /[\\/]src[\\/]challenges[\\/]defs[\\/]/.test(file);
  const definition = challenge || /[\\/]src[\\/]labs[\\/]defs[\\/]/.test(file);
  const add = (node: ts.Node | undefined, filter: (key: string) => boolean = () => true): void => {
    if (!node) return;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) {
      add(node.expression, filter);
      return;
    }
    if (challenge && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "fill") {
      add(node.arguments[0], filter);
      return;
    }
    if (
      definition &&
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      add(node.left, filter);
      add(node.right, filter);
      return;
    }
    if (definition && ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      add(node.right, filter);
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
    const kept = key !== null && /[A-Za-z]{2,}/.test(key) && filter(key);
    if (kept) found.push({ key, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    // A sentence inside a template's placeholder (`${ok ? "sees docker0" : `the range ${r}`}`) is translated in turn;
    // not inside a template left out as code (a hint's command: `lab.sh\`pgrep -f ${"docker-proxy …"}\``).
    if (definition && kept && ts.isTemplateExpression(node))
      for (const span of node.templateSpans) add(span.expression, (inner) => /[A-Za-z]{2,}\S* +\S*[A-Za-z]{2,}/.test(inner.trim()));
  };
  const callee = (call: ts.CallExpression | ts.NewExpression): string =>
    ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.getText(source) : "";
  // A lab definition's own helpers (functions declared in the file) and string constants.
  const helpers = new Set<string>();
  if (definition) {
    const collect = (node: ts.Node): void => {
      if (ts.isFunctionDeclaration(node) && node.name) helpers.add(node.name.text);
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
      )
        helpers.add(node.name.text);
      ts.forEachChild(node, collect);
    };
    collect(source);
  }
  const visit = (node: ts.Node): void => {
    if (definition && ts.isVariableDeclaration(node) && node.initializer && !helpers.has(node.name.getText(source))) add(node.initializer, isSentence);
    if (definition && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helpers.has(node.expression.text))
      for (const arg of node.arguments) add(arg, isSentence);
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
      const name = node.name.text;
      if (textProps.has(name) || (challenge && name === "goal")) add(node.initializer);
      else if (listProps.has(name) || (challenge && (name === "constraints" || name === "tools"))) add(node.initializer);
      else if ((name === "causes" || (challenge && name === "params")) && ts.isObjectLiteralExpression(node.initializer))
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
