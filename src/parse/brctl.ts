// `brctl show` parser (bridge-utils; busybox prints the same layout), tabs or spaces.
//
// Usage (runners: src/exec/commands.ts; the parser itself runs nothing):
//   parseBrctl(await brctlShow())             -> { value: Bridge[], problems }
//   docker-net-lab parse brctl FILE [--raw]
//
// Raw stage: [{ bridge_name, bridge_id, stp_enabled, interfaces: string[] }] strings as printed.
// Processed stage (Bridge): stp "yes" -> true; a bridge with no interfaces has interfaces [].
// Continuation lines (only an interface name, indented) belong to the bridge above.
//
// Example:
//   input:
//     bridge name	bridge id		STP enabled	interfaces
//     docker0		8000.0242c606fc95	no		veth711bdc5
//     							vethdb77d4e
//     br-empty		8000.000000000000	no
//   output:
//     [{ "name": "docker0", "id": "8000.0242c606fc95", "stp": false, "interfaces": ["veth711bdc5", "vethdb77d4e"] },
//      { "name": "br-empty", "id": "8000.000000000000", "stp": false, "interfaces": [] }]
import { makeParser, promptMessage, words, type Ctx } from "./core.js";
import type { Bridge } from "./models.js";

/** Raw bridge: strings as printed. */
export interface RawBridge {
  bridge_name: string;
  bridge_id: string;
  stp_enabled: string;
  interfaces: string[];
}

const rawBrctl = (ctx: Ctx): RawBridge[] => {
  const out: RawBridge[] = [];
  ctx.lines.forEach((line, index) => {
    const n = index + 1;
    const tokens = words(line);
    if (tokens.length === 0) return;
    if (/^bridge name\s+bridge id\s+STP enabled/i.test(line.trim())) return ctx.consume(n);
    const last = out[out.length - 1];
    if (/^\s/.test(line) && tokens.length === 1 && last !== undefined) {
      last.interfaces.push(tokens[0] ?? "");
      return ctx.consume(n);
    }
    const [name = "", id = "", stp = "", ...interfaces] = tokens;
    if (/^\S/.test(line) && (stp === "yes" || stp === "no") && interfaces.length <= 1) {
      out.push(ctx.tag({ bridge_name: name, bridge_id: id, stp_enabled: stp, interfaces }, n));
      return ctx.consume(n);
    }
    ctx.report(n, promptMessage(line) ?? "expected `name id yes|no [interface]` or an indented interface name");
  });
  return out;
};

// Parse `brctl show` into bridges with their interfaces.
export const parseBrctl = makeParser<Bridge[], RawBridge[]>({
  name: "brctl",
  raw: rawBrctl,
  process: (raw) => raw.map((b) => ({ name: b.bridge_name, id: b.bridge_id, stp: b.stp_enabled === "yes", interfaces: [...b.interfaces] })),
  empty: () => [],
});
