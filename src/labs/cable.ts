// A namespace joined to the host by a veth "cable", and a web server inside it: lab 03's "internet" and the
// challenges' LANs and internets (always TEST-NET addresses). Each step runs only when missing and is printed first
// (runShown), so a setup run twice changes nothing and the learner sees what it did.
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LabContext } from "./definition.js";
import { hostAddress } from "./free.js";
import { deleteLink, deleteNetns, linkExists, netnsNames, netnsPids, runShown, stopNetnsProcesses } from "./kernel-objects.js";

/** A namespace joined to the host by a veth pair: host end `hostEnd` (address `.1`), `eth0` inside (address `.2`). */
export interface Cable {
  readonly ns: string;
  readonly hostEnd: string;
  readonly subnet: string;
  /** Give the namespace a default route through the host (a LAN does; an "internet" that must not route back to private addresses does not). */
  readonly defaultRoute: boolean;
}

/** Build the namespace, the veth pair and their addresses, each only when missing. */
export const buildCable = async (context: Pick<LabContext, "log">, cable: Cable): Promise<void> => {
  const shown = (argv: readonly string[]) => runShown(context.log, argv);
  const prefix = cable.subnet.split("/")[1];
  if (!(await netnsNames()).includes(cable.ns)) await shown(["ip", "netns", "add", cable.ns]);
  if (!(await linkExists(cable.hostEnd))) await shown(["ip", "link", "add", cable.hostEnd, "type", "veth", "peer", "name", "eth0", "netns", cable.ns]);
  await shown(["ip", "addr", "replace", `${hostAddress(cable.subnet, 1)}/${prefix}`, "dev", cable.hostEnd]);
  await shown(["ip", "link", "set", cable.hostEnd, "up"]);
  await shown(["ip", "-n", cable.ns, "addr", "replace", `${hostAddress(cable.subnet, 2)}/${prefix}`, "dev", "eth0"]);
  await shown(["ip", "-n", cable.ns, "link", "set", "eth0", "up"]);
  await shown(["ip", "-n", cable.ns, "link", "set", "lo", "up"]);
  if (cable.defaultRoute) await shown(["ip", "-n", cable.ns, "route", "replace", "default", "via", hostAddress(cable.subnet, 1)]);
};

// The CGI script: prints the source address the server saw.
const cgi = '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n%s\\n" "$REMOTE_ADDR"\n';

/** A web server's folder: `/` says `page`, `/cgi-bin/ip` prints the client's address as the server saw it. */
export const writeWebRoot = async (www: string, page: string): Promise<void> => {
  await mkdir(join(www, "cgi-bin"), { recursive: true });
  await writeFile(join(www, "cgi-bin", "ip"), cgi);
  await chmod(join(www, "cgi-bin", "ip"), 0o755);
  await writeFile(join(www, "index.html"), `${page}\n`);
};

/** busybox httpd inside the namespace on `address:80`, serving `page` from `www` (default: a folder of the session), unless one runs there. */
export const serveInNamespace = async (
  context: Pick<LabContext, "log" | "session">,
  ns: string,
  address: string,
  page: string,
  www: string = join(context.session.dir, `www-${ns}`),
): Promise<void> => {
  await writeWebRoot(www, page);
  if ((await netnsPids(ns)).length === 0) await runShown(context.log, ["ip", "netns", "exec", ns, "busybox", "httpd", "-p", `${address}:80`, "-h", www]);
};

/** Stop what runs inside the namespace (only its own processes), then delete it and the host end of its cable. */
export const removeCable = async (ns: string, hostEnd: string): Promise<void> => {
  await stopNetnsProcesses(ns);
  await deleteNetns(ns);
  await deleteLink(hostEnd);
};
