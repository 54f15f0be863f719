// Small read-only facts labs and checks ask about the host, each one runner + one parser.
import { ipJson, iptablesSave, onHost, type Where } from "../exec/commands.js";
import { parseIptablesSave } from "../parse/iptables-save.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import { parseIpRoute } from "../parse/ip-route.js";
import type { IpInterface, IptablesRule, Route } from "../parse/models.js";

/** One interface by name (`ip -j -d addr show dev NAME`), or null when it does not exist. */
export const hostInterface = async (name: string, where: Where = onHost): Promise<IpInterface | null> => {
  const all = parseIpAddr(await ipJson("addr", [], where)).value;
  return all.find((iface) => iface.name === name) ?? null;
};

/** All interfaces of a namespace. */
export const interfaces = async (where: Where = onHost): Promise<IpInterface[]> => parseIpAddr(await ipJson("addr", [], where)).value;

/** The routes of a namespace. */
export const routes = async (where: Where = onHost): Promise<Route[]> => parseIpRoute(await ipJson("route", [], where)).value;

/** The first IPv4 address of an interface as `address/prefix`, or null. */
export const ipv4Cidr = (iface: IpInterface | null | undefined): string | null => {
  const address = iface?.addresses.find((a) => a.family === "inet");
  return address ? `${address.address}/${address.prefix}` : null;
};

/** Every rule of one iptables table (`iptables-save -c -t TABLE`, parsed), in chain order. */
export const tableRules = async (table: "nat" | "filter" | "raw"): Promise<IptablesRule[]> =>
  parseIptablesSave(await iptablesSave(table)).value.flatMap((t) => (t.name === table ? t.chains.flatMap((chain) => chain.rules) : []));
