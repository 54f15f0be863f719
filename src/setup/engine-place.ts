// Where the Docker engine runs, seen from this process: in this network namespace (everything the labs read
// from the host side is the engine's), in another namespace of this machine (a private engine, rootless Docker:
// engine commands work, the host-side view is someone else's), or on another machine or VM (a remote DOCKER_HOST,
// Docker Desktop: only engine commands work). Without this, checks that read bridges, veths and iptables pass or fail
// by coincidence (two engines both give docker0 172.17.0.1/16).
//
// Gather (read-only: /proc, `docker info`, `ip -j link/addr`) and judge (pure) are separate: judgeEnginePlace is
// unit-tested on made-up facts.
import { readdir, readFile, readlink, stat } from "node:fs/promises";
import { release } from "node:os";
import { engineInfo, listContainers, listNetworks, type EngineInfo } from "../docker/adapter.js";
import { ipJson } from "../exec/commands.js";
import { parseIpAddr } from "../parse/ip-addr.js";
import { parseIpLink } from "../parse/ip-link.js";
import { netnsDir } from "../exec/netns.js";
import { bridgeInterfaceName } from "../topology/model.js";

/** What this process can see about the engine's whereabouts. */
export interface EngineFacts {
  /** $DOCKER_HOST, or null (the default socket). */
  readonly dockerHost: string | null;
  /** This process's kernel release (`uname -r`). */
  readonly ownKernel: string;
  /** Inode of this process's network namespace. */
  readonly ownNetns: number | null;
  /** Inode of init's (pid 1) network namespace: the host's, when this process sees the host's pids. */
  readonly hostNetns: number | null;
  /** `docker info`, or null when the engine does not answer. */
  readonly info: EngineInfo | null;
  /** The process listening on the engine's unix socket, when this process can see it. */
  readonly listener: {
    readonly pid: number;
    readonly command: string;
    readonly netns: number | null;
    readonly netnsName: string | null;
    readonly socket: string;
  } | null;
  /** Running containers whose namespace this process can read: is the host end of their veth in this namespace? */
  readonly veths: readonly { readonly container: string; readonly hostSideHere: boolean }[];
  /** The engine's bridge networks: is an interface of that name, with the gateway address, in this namespace? */
  readonly bridges: readonly {
    readonly network: string;
    readonly name: string;
    readonly gateway: string | null;
    readonly present: boolean;
    readonly hasGateway: boolean;
  }[];
}

/** The judgement. */
export interface EnginePlace {
  readonly where: "here" | "other-namespace" | "other-machine" | "unknown";
  /** The evidence, in one sentence. */
  readonly because: string;
  /** What works from this process, and what does not (empty when everything does). */
  readonly works: string;
  readonly breaks: string;
  /** What to do (empty when here or unknown). */
  readonly fix: string;
}

const HOST_SIDE =
  "everything seen from the host side: docker0 and the other bridges, the containers' host-side veths, iptables/nftables NAT and filtering, docker-proxy and ports published on 127.0.0.1, `snapshot`, `explain` and `--prove`, and the checks of labs 01-06";

// The unix socket the engine client talks to, or null for tcp/ssh.
const socketOf = (dockerHost: string | null): string | null =>
  dockerHost === null ? "/var/run/docker.sock" : dockerHost.startsWith("unix://") ? dockerHost.slice("unix://".length) : null;
const sameSocket = (a: string, b: string): boolean => a.replace(/^\/var\/run\//, "/run/") === b.replace(/^\/var\/run\//, "/run/");
// `tcp://127.0.0.1:2375`, `tcp://localhost` and unix sockets are on this machine; other tcp and ssh hosts are not.
const remoteHost = (dockerHost: string | null): string | null => {
  if (dockerHost === null || dockerHost.startsWith("unix://") || dockerHost.startsWith("npipe://") || dockerHost.startsWith("fd://")) return null;
  const host = /^(?:tcp|http|https|ssh):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(dockerHost)?.[1] ?? dockerHost;
  return /^(127\.|localhost$|\[::1\]$|::1$)/.test(host) ? null : host;
};

/** Judge where the engine runs from the facts (pure). */
export const judgeEnginePlace = (facts: EngineFacts): EnginePlace => {
  const elsewhere = (because: string, fix: string): EnginePlace => ({
    where: "other-namespace",
    because,
    works: "engine commands (docker run, ps, inspect, network) and the containers' own namespaces",
    breaks: `${HOST_SIDE}: they would read this namespace, not the engine's`,
    fix,
  });
  const away = (because: string): EnginePlace => ({
    where: "other-machine",
    because,
    works: "engine commands only (docker run, ps, inspect, network)",
    breaks: `the containers' namespaces and ${HOST_SIDE}; labs 07 and 08 need a dockerd on this machine`,
    fix: "run docker-net-lab on the engine's machine, or in the devcontainer (it brings its own engine)",
  });
  const here = (because: string): EnginePlace => ({ where: "here", because, works: "everything", breaks: "", fix: "" });
  const joinFix = "run docker-net-lab inside the engine's network namespace, or point DOCKER_HOST at an engine that runs in this one";
  if (facts.info === null) return { where: "unknown", because: "the engine does not answer", works: "", breaks: "", fix: "" };
  const remote = remoteHost(facts.dockerHost);
  if (remote !== null) return away(`DOCKER_HOST=${facts.dockerHost} is another machine (${remote})`);
  if (/docker desktop/i.test(facts.info.operatingSystem))
    return away(`the engine is Docker Desktop's (${facts.info.operatingSystem}): it runs in a virtual machine`);
  if (facts.info.kernelVersion !== "" && facts.info.kernelVersion !== facts.ownKernel)
    return away(`the engine runs on kernel ${facts.info.kernelVersion}, this process on ${facts.ownKernel}: another machine or a VM`);
  const l = facts.listener;
  if (l !== null && l.netns !== null && facts.ownNetns !== null) {
    if (l.netns === facts.ownNetns) return here(`${l.command} (pid ${l.pid}) listening on ${l.socket} runs in this network namespace`);
    const enter = l.netnsName ? `ip netns exec ${l.netnsName} npx docker-net-lab …` : `nsenter --net=/proc/${l.pid}/ns/net npx docker-net-lab …`;
    const theirs = l.netnsName ?? (l.netns === facts.hostNetns ? `the host's (net:[${l.netns}])` : `net:[${l.netns}]`);
    const ours = facts.ownNetns === facts.hostNetns ? `the host's (net:[${facts.ownNetns}])` : `net:[${facts.ownNetns}]`;
    return elsewhere(
      `${l.command} (pid ${l.pid}) listening on ${l.socket} runs in network namespace ${theirs}, this process in ${ours}`,
      `${joinFix} (e.g. \`${enter}\`)`,
    );
  }
  if (facts.veths.length > 0) {
    const found = facts.veths.find((v) => v.hostSideHere);
    if (found) return here(`the host end of container ${found.container}'s veth is in this network namespace`);
    return elsewhere(`the host end of container ${facts.veths[0]?.container}'s veth is not in this network namespace`, joinFix);
  }
  const user = facts.bridges.filter((b) => b.name !== "docker0");
  const present = user.find((b) => b.present);
  if (present) return here(`the engine's bridge ${present.name} (network ${present.network}) is in this network namespace`);
  if (user.length > 0) return elsewhere(`none of the engine's bridges (${user.map((b) => b.name).join(", ")}) is in this network namespace`, joinFix);
  const docker0 = facts.bridges.find((b) => b.name === "docker0");
  if (docker0?.present && docker0.hasGateway)
    return here(
      `docker0 with ${docker0.gateway} is in this network namespace (weak evidence: every engine names its default bridge so; nothing stronger could be read)`,
    );
  if (docker0 && !docker0.present) return elsewhere("the engine's docker0 is not in this network namespace", joinFix);
  return { where: "unknown", because: "no engine process, container veth or bridge could be compared with this namespace", works: "", breaks: "", fix: "" };
};

// Inode of a network namespace file; null when it cannot be read.
const netnsInode = async (path: string): Promise<number | null> =>
  stat(path).then(
    (s) => s.ino,
    () => null,
  );

// The `ip netns` name of a namespace inode, or null.
const netnsName = async (inode: number | null): Promise<string | null> => {
  if (inode === null) return null;
  for (const name of await readdir(netnsDir).catch(() => [] as string[])) if ((await netnsInode(`${netnsDir}/${name}`)) === inode) return name;
  return null;
};

/** The dockerd listening on `socket`, found through /proc (its netns's /proc/PID/net/unix and its fds); null when not visible. */
export const findSocketListener = async (socket: string): Promise<EngineFacts["listener"]> => {
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const command = (await readFile(`/proc/${entry}/comm`, "utf8").catch(() => "")).trim();
    if (command !== "dockerd") continue;
    const table = await readFile(`/proc/${entry}/net/unix`, "utf8").catch(() => "");
    // `Num RefCount Protocol Flags Type St Inode Path`; flag 00010000 = listening.
    const inodes = new Set(
      table
        .split("\n")
        .map((line) => line.trim().split(/\s+/))
        .filter((f) => f.length >= 8 && (parseInt(f[3] ?? "0", 16) & 0x10000) !== 0 && sameSocket(f[7] ?? "", socket))
        .map((f) => f[6]),
    );
    if (inodes.size === 0) continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${entry}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode !== undefined && inodes.has(inode)) {
        const netns = await netnsInode(`/proc/${entry}/ns/net`);
        return { pid: Number(entry), command, netns, netnsName: await netnsName(netns), socket };
      }
    }
  }
  return null;
};

// Is the host end of each running container's veth in this namespace? (Only containers whose pid this process sees.)
const vethFacts = async (limit = 3): Promise<EngineFacts["veths"]> => {
  const running = (await listContainers({ all: false }).catch(() => [])).filter(
    (c) => c.state.pid > 0 && Object.values(c.networkSettings.networks).some((e) => e.ipAddress),
  );
  const ours = parseIpLink(await ipJson("link").catch(() => "[]")).value;
  const facts: { container: string; hostSideHere: boolean }[] = [];
  for (const container of running.slice(0, limit)) {
    // The pid must be this container's (same pid namespace): its cgroup names the container id.
    const cgroup = await readFile(`/proc/${container.state.pid}/cgroup`, "utf8").catch(() => "");
    if (!cgroup.includes(container.id)) continue;
    const inside = parseIpLink(await ipJson("link", [], { kind: "pid", pid: container.state.pid }).catch(() => "[]")).value.filter(
      (i) => i.kind === "veth" || i.peerIfindex !== null,
    );
    if (inside.length === 0) continue;
    const paired = inside.some((i) => ours.some((o) => o.ifindex === i.peerIfindex && o.peerIfindex === i.ifindex && o.linkNetnsid !== null));
    facts.push({ container: container.name, hostSideHere: paired });
  }
  return facts;
};

// The engine's bridges and whether each is in this namespace with its gateway address.
const bridgeFacts = async (): Promise<EngineFacts["bridges"]> => {
  const networks = await listNetworks().catch(() => []);
  const ours = parseIpAddr(await ipJson("addr").catch(() => "[]")).value;
  return networks.flatMap((network) => {
    const name = bridgeInterfaceName(network);
    if (name === null) return [];
    const gateway = network.ipam.config.find((c) => c.gateway && !c.gateway.includes(":"))?.gateway ?? null;
    const iface = ours.find((i) => i.name === name);
    return [
      {
        network: network.name,
        name,
        gateway,
        present: iface !== undefined,
        hasGateway: gateway !== null && (iface?.addresses.some((a) => a.address === gateway) ?? false),
      },
    ];
  });
};

/** Gather the facts (read-only). */
export const gatherEngineFacts = async (): Promise<EngineFacts> => {
  const dockerHost = process.env.DOCKER_HOST || null;
  const info = await engineInfo().catch(() => null);
  const socket = socketOf(dockerHost);
  const [ownNetns, hostNetns, listener] = await Promise.all([
    netnsInode("/proc/self/ns/net"),
    netnsInode("/proc/1/ns/net"),
    socket && info ? findSocketListener(socket) : Promise.resolve(null),
  ]);
  // Containers and bridges are only needed when the engine process could not be seen.
  const [veths, bridges] = info && !listener ? await Promise.all([vethFacts(), bridgeFacts()]) : [[], []];
  return { dockerHost, ownKernel: release(), ownNetns, hostNetns, info, listener, veths, bridges };
};

/** Where the engine runs, from this process's point of view. */
export const enginePlace = async (): Promise<EnginePlace> => judgeEnginePlace(await gatherEngineFacts());
