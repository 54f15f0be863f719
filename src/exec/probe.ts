// Runner: send one real probe packet (ping, or a TCP/UDP connect) from inside a namespace.
// Uses the host's busybox through nsenter / ip netns exec, so the container needs no tools.
// Callers decide whether the destination may be probed (only the project's own objects).
import { inNamespace, type Where } from "./commands.js";
import { run, type RunResult } from "./run.js";

export interface ProbeSpec {
  readonly protocol: "tcp" | "udp" | "icmp";
  readonly address: string;
  readonly port: number | null;
  /** Seconds to wait for an answer. @default 1 */
  readonly wait?: number;
}

/** `busybox ping -c 1` or `busybox nc -w 1 [-u] ADDRESS PORT` in a namespace; never throws on failure. */
export const sendProbe = async (where: Where, spec: ProbeSpec): Promise<RunResult> => {
  const wait = String(spec.wait ?? 1);
  const args =
    spec.protocol === "icmp" || spec.port === null
      ? ["ping", "-c", "1", "-W", wait, spec.address]
      : ["nc", ...(spec.protocol === "udp" ? ["-u"] : []), "-w", wait, spec.address, String(spec.port)];
  const [file, argv] = inNamespace(where, "busybox", args);
  return run(file, argv, { timeout: (Number(wait) + 4) * 1000, reject: false, input: spec.protocol === "udp" ? "dnl-probe\n" : "" });
};
