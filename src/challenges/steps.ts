// A reference solution's steps, carried out from the CLI (`challenge run --solution`) or written as the answer key's
// notebook code: one template, `{param}` for a parameter, so both read the same text the same way (templateToArgv).
import { UsageError } from "../errors.js";
import { templateToArgv } from "../labs/command-line.js";
import type { Params, Step } from "./model.js";

// `{name}` placeholders of a template: the static texts and the parameter names between them.
const split = (template: string): { strings: string[]; names: string[] } => {
  const strings: string[] = [];
  const names: string[] = [];
  let rest = template;
  for (let match = /\{([A-Za-z][A-Za-z0-9]*)\}/.exec(rest); match; match = /\{([A-Za-z][A-Za-z0-9]*)\}/.exec(rest)) {
    strings.push(rest.slice(0, match.index));
    names.push(match[1] as string);
    rest = rest.slice(match.index + match[0].length);
  }
  strings.push(rest);
  return { strings, names };
};

// A parameter's value, or a usage error naming the known ones.
const value = (params: Params, name: string): string | number => {
  const found = params[name];
  if (found === undefined) throw new UsageError(`No parameter {${name}} in this challenge.`, { hint: `Known: ${Object.keys(params).join(", ")}.` });
  return found;
};

/** Fill `{param}` in a text with the session's values (a text, not a command: no splitting). */
export const fill = (text: string, params: Params): string => text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_all, name: string) => String(value(params, name)));

/** A command template as argv, each parameter one argument (glued to adjacent text, as `lab.sh` does). */
export const stepArgv = (template: string, params: Params): string[] => {
  const { strings, names } = split(template);
  return templateToArgv(
    strings,
    names.map((name) => value(params, name)),
  );
};

/** The dockerd options of an engine step, parameters filled in. */
export const engineOptions = (step: Extract<Step, { engine: unknown }>, params: Params) => {
  const pool = step.engine.defaultAddressPool;
  return {
    ...(step.engine.bip ? { bip: fill(step.engine.bip, params) } : {}),
    ...(pool ? { defaultAddressPools: [{ base: fill(pool.base, params), size: pool.size }] } : {}),
  };
};

// A template as a JS template literal over `p` (the notebook's `const p = await challenge.params()`).
const literal = (template: string): string => {
  const { strings, names } = split(template.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{/g, "\\${"));
  return `\`${strings.map((text, i) => (i < names.length ? `${text}\${p.${names[i]}}` : text)).join("")}\``;
};

/** The notebook code of a solution: what the answer key puts in the working area. */
export const solutionCode = (steps: readonly Step[]): string => {
  const lines = ["const p = await challenge.params();"];
  for (const step of steps) {
    if ("sh" in step) lines.push(`await challenge.sh${literal(step.sh)};`);
    else if ("esh" in step) lines.push(`await challenge.engine.sh${literal(step.esh)};`);
    else if ("nsenter" in step) {
      // A block: two such steps in one cell each have their own pid.
      lines.push("{");
      lines.push(`  const pid = (await challenge.sh${literal(`docker inspect -f {{.State.Pid}} ${step.nsenter}`)}).stdout.trim();`);
      lines.push(`  await challenge.sh\`nsenter -t \${pid} -n ${literal(step.run).slice(1, -1)}\`;`);
      lines.push("}");
    } else if ("settle" in step) lines.push(`await new Promise((resolve) => setTimeout(resolve, ${step.settle * 1000}));`);
    else {
      const parts: string[] = [];
      if (step.engine.bip) parts.push(`bip: ${literal(step.engine.bip)}`);
      const pool = step.engine.defaultAddressPool;
      if (pool) parts.push(`defaultAddressPools: [{ base: ${literal(pool.base)}, size: ${pool.size} }]`);
      lines.push(`await challenge.engine.restart({ ${parts.join(", ")} });`);
    }
  }
  return lines.join("\n");
};
