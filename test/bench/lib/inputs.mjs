// Inputs the benchmarks share: a seeded random source and text generators (parse.mjs, cli.mjs).
let seed = 42;
export const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
export const ip = (a) => `172.${16 + ((a >> 16) % 16)}.${(a >> 8) & 255}.${a & 255}`;
export const pad = (s, n) => (s.length >= n ? `${s} ` : s.padEnd(n));
export const rpad = (s, n) => (s.length >= n ? s : s.padStart(n));

export const human = (n) =>
  n < 100000 ? String(n) : n < 100000000 ? `${Math.floor(n / 1000)}K` : n < 100000000000 ? `${Math.floor(n / 1000000)}M` : `${Math.floor(n / 1000000000)}G`;
/** `iptables -L -n -v` output of `lines` lines: exact counters (-x), or K/M suffixes (the layout jc reads). */
export const iptablesList = (lines, exact = true) => {
  const out = [];
  const header = exact
    ? "    pkts      bytes target     prot opt in     out     source               destination         "
    : " pkts bytes target     prot opt in     out     source               destination         ";
  let chain = 0;
  while (out.length < lines) {
    out.push(chain === 0 ? "Chain FORWARD (policy DROP 0 packets, 0 bytes)" : `Chain DOCKER-${chain} (1 references)`, header);
    const n = Math.min(200, lines - out.length - 1);
    for (let i = 0; i < n; i++) {
      const k = (chain * 200 + i) % 3;
      const p = rand(10000000);
      const b = rand(2000000000);
      const counters = exact ? `${rpad(String(p), 8)} ${rpad(String(b), 10)}` : `${rpad(human(p), 5)} ${rpad(human(b), 5)}`;
      if (k === 0) out.push(`${counters} ACCEPT     tcp  --  !docker0 docker0  0.0.0.0/0            ${pad(ip(i), 20)} tcp dpt:${1024 + i}`);
      else if (k === 1)
        out.push(`${counters} DNAT       tcp  --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:${2048 + i} to:${ip(i)}:80`);
      else out.push(`${counters} ACCEPT     all  --  *      docker0  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED`);
    }
    out.push("");
    chain++;
  }
  return out.slice(0, lines).join("\n");
};
