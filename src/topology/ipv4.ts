// IPv4 arithmetic on dotted quads and CIDRs (no dependency, exact for all 2^32 addresses).

/** Dotted quad -> 32-bit unsigned number; NaN when malformed. */
export const ipv4ToNumber = (address: string): number => {
  const parts = address.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return Number.NaN;
  return parts.reduce((sum, part) => sum * 256 + Number(part), 0);
};

/** 32-bit number -> dotted quad. */
export const numberToIpv4 = (value: number): string => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");

/** Parse `a.b.c.d/n` into its network number and prefix; null when malformed. */
export const parseCidr = (cidr: string): { network: number; prefix: number } | null => {
  const [base, bits] = cidr.split("/");
  const prefix = Number(bits);
  const address = ipv4ToNumber(base ?? "");
  if (Number.isNaN(address) || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null;
  const size = 2 ** (32 - prefix);
  return { network: Math.floor(address / size) * size, prefix };
};

/** Is an IPv4 address inside a CIDR? */
export const inSubnet = (address: string, cidr: string): boolean => {
  const net = parseCidr(cidr);
  const value = ipv4ToNumber(address);
  if (!net || Number.isNaN(value)) return false;
  return Math.floor(value / 2 ** (32 - net.prefix)) * 2 ** (32 - net.prefix) === net.network;
};

/** Do two CIDRs overlap? */
export const overlaps = (a: string, b: string): boolean => {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return false;
  const xEnd = x.network + 2 ** (32 - x.prefix);
  const yEnd = y.network + 2 ** (32 - y.prefix);
  return x.network < yEnd && y.network < xEnd;
};
