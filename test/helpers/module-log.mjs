// `node --import ./test/helpers/module-log.mjs …`: append the URL of every module the process imports (ESM import or
// import(), packages included) to the file $DNL_MODULE_LOG, one a line. The hook runs on the loader's own thread,
// so it writes the file itself.
import { register } from "node:module";

const hook = `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.DNL_MODULE_LOG) appendFileSync(process.env.DNL_MODULE_LOG, resolved.url + "\\n");
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
