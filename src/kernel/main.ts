// Entry of the project kernel (kernelspec argv: node dist/kernel/main.js --config-path {connection_file}).
import { parseArgs } from "node:util";
import { startKernel } from "./start.js";

const { values } = parseArgs({ options: { "config-path": { type: "string" } }, strict: true });
const configPath = values["config-path"];
if (!configPath) {
  process.stderr.write("Usage: node dist/kernel/main.js --config-path <connection_file>\n");
  process.exit(2);
}
await startKernel({ configPath });
