#!/usr/bin/env node
// The bin stub: all behaviour lives in main.ts.
import { setFlagsFromString } from "node:v8";
import { shortLivedNodeFlags } from "../setup/node-flags.js";

// The CLI lives for seconds too (labs run, grade): the same V8 tuning as the kernel (see node-flags.ts), set before
// the rest of the CLI is loaded.
for (const flag of shortLivedNodeFlags) setFlagsFromString(flag);
// `docker-net-lab --help | head`: a reader that stops early is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import("./main.js");
process.exitCode = await main(process.argv.slice(2));
