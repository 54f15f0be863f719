// The only module that imports dockerode: Engine API calls in, our typed models out. One `DockerEngine` value per
// engine (dockerode's own shape): the learner's engine (`defaultEngine()`, from DOCKER_HOST) and the private engines
// of labs 07 and 08 (`new DockerEngine("unix:///run/dnl-…/docker.sock")`) go through the same code. An engine on a
// unix socket (the default, and every private engine) is spoken to by engine-api.ts; dockerode, loaded only then,
// for a tcp:// or ssh:// DOCKER_HOST (TLS, ssh).
import type Docker from "dockerode";
import { DnlError, EnvironmentError, ExitCode, UsageError } from "../errors.js";
import { toDockerContainer } from "../parse/docker-inspect.js";
import { toDockerNetwork } from "../parse/network-inspect.js";
import type { DockerContainer, DockerNetwork } from "../parse/models.js";
import { labelFilters, ownerLabel, ownsLabels, sessionLabelKey } from "../ownership.js";
import { engineFix } from "../exec/classify.js";
import { outerPid } from "../exec/daemon.js";
import { EngineApi, filtersQuery, socketOf } from "./engine-api.js";
import { traceCommand } from "../exec/trace.js";

// Engine API status codes -> what they mean for a learner (data, not if/else; like dockerode's tables).
const statusMessages: Readonly<Record<number, { message: string; hint: string }>> = {
  304: { message: "nothing to do (already in that state)", hint: "" },
  404: { message: "no such object", hint: "Check the name with `docker ps -a` or `docker network ls`; rerun the lab's setup cell after a kernel restart." },
  409: {
    message: "conflict: the name is taken or the object is in use",
    hint: "Use the lab's names (`lab.name(...)`); run the lab's teardown cell, then setup again.",
  },
  500: { message: "the engine reported an internal error", hint: "Read the engine's log; `npx docker-net-lab doctor` checks the set-up." },
};

/** Milliseconds an Engine API request may take before it is abandoned: $DOCKER_CLIENT_TIMEOUT, else 60 s (a hung engine never hangs us). */
export const engineRequestTimeout = (): number => Number(process.env.DOCKER_CLIENT_TIMEOUT) || 60_000;

// Turn a dockerode failure into our error with a next step.
const translate = (error: unknown, what: string): DnlError => {
  const status = (error as { statusCode?: number }).statusCode;
  const code = (error as { code?: string }).code;
  if (code === "ECONNRESET" || /socket hang up/.test(String((error as Error)?.message))) {
    return new EnvironmentError(`The Docker engine did not answer within ${engineRequestTimeout() / 1000} s or dropped the connection (${what}).`, {
      hint: "Check the engine (`docker info`, its log); restart it if it hangs, then run `npx docker-net-lab clean` and try again.",
      cause: error,
    });
  }
  if (code === "ECONNREFUSED" || code === "ENOENT" || code === "EACCES") {
    const message = code === "EACCES" ? "You may not talk to the Docker engine (permission denied on its socket)." : "The Docker engine is not running.";
    return new EnvironmentError(`${message} (${what})`, {
      hint: code === "EACCES" ? "Run as root or join the `docker` group." : `Fix: ${engineFix()}`,
      cause: error,
    });
  }
  const known = status === undefined ? undefined : statusMessages[status];
  const detail = (error as { json?: { message?: string } }).json?.message ?? (error as Error).message ?? String(error);
  return new DnlError(`${what}: ${known?.message ?? "failed"} (${detail})`, {
    hint: known?.hint || "Run `npx docker-net-lab doctor`.",
    exitCode: ExitCode.failed,
    cause: error,
  });
};

// Await an engine call, translating failures.
const call = async <T>(what: string, promise: () => Promise<T>): Promise<T> => {
  try {
    return await promise();
  } catch (error) {
    throw translate(error, what);
  }
};

/** What `docker info` says about where and how the engine runs. */
export interface EngineInfo {
  /** The engine host's name (its UTS namespace): `docker-desktop` under Docker Desktop. */
  readonly name: string;
  readonly operatingSystem: string;
  readonly kernelVersion: string;
  readonly serverVersion: string;
  /** `iptables`, `nftables`, `iptables+firewalld`... (API 1.49+, Docker 28.1+); null when the engine does not say. */
  readonly firewallBackend: string | null;
  /** FirewallBackend.Info pairs as `key: value`. */
  readonly firewallInfo: readonly string[];
  /** Swarm mode: the node's state (`inactive`, `active`…), whether it is a manager, the address it advertises; null when not said. */
  readonly swarm: { readonly localNodeState: string; readonly controlAvailable: boolean; readonly nodeAddr: string } | null;
}

/** `GET /info` -> EngineInfo (pure; missing fields become "" / null). */
export const toEngineInfo = (json: unknown): EngineInfo => {
  const info = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === "string" ? value : "");
  const firewall = (typeof info.FirewallBackend === "object" && info.FirewallBackend !== null ? info.FirewallBackend : null) as {
    Driver?: unknown;
    Info?: unknown;
  } | null;
  const pairs = firewall && Array.isArray(firewall.Info) ? firewall.Info.filter(Array.isArray).map((pair: unknown[]) => pair.map(String).join(": ")) : [];
  const swarm = (typeof info.Swarm === "object" && info.Swarm !== null ? info.Swarm : null) as Record<string, unknown> | null;
  return {
    name: text(info.Name),
    operatingSystem: text(info.OperatingSystem),
    kernelVersion: text(info.KernelVersion),
    serverVersion: text(info.ServerVersion),
    firewallBackend: text(firewall?.Driver) || null,
    firewallInfo: pairs,
    swarm: swarm && { localNodeState: text(swarm.LocalNodeState), controlAvailable: swarm.ControlAvailable === true, nodeAddr: text(swarm.NodeAddr) },
  };
};

// Refuse to touch objects we did not create (src/ownership.ts): the owner label alone is not enough, containers
// inherit it from the toolbox image, so a user's own `docker run docker-net-lab/toolbox` carries it too.
const assertOwned = (labels: Readonly<Record<string, string>>, what: string): void => {
  if (!ownsLabels(labels)) {
    throw new DnlError(
      `Refusing to remove ${what}: it does not carry the labels ${ownerLabel.key}=${ownerLabel.value} and ${sessionLabelKey}, so docker-net-lab did not create it.`,
      {
        hint: "docker-net-lab only removes what it created; remove your own objects yourself.",
        exitCode: ExitCode.failed,
      },
    );
  }
};

/**
 * Container pids as this process sees them. An engine in a pid namespace of its own (a grading sandbox's) reports
 * pids of its namespace; the grader, reading it from outside, sets $DNL_ENGINE_PID_GROUP (the sandbox's cgroup) and
 * gets the pids it can use (`nsenter -t`, /proc/<pid>/ns/net).
 */
const withOuterPid = async (container: DockerContainer): Promise<DockerContainer> => {
  const group = process.env.DNL_ENGINE_PID_GROUP;
  if (!group || container.state.pid <= 0) return container;
  return { ...container, state: { ...container.state, pid: await outerPid(container.state.pid, group) } };
};

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number }).statusCode;

// The Engine API calls the adapter makes, in the engine's own JSON.
interface Transport {
  version(): Promise<{ Version: string; ApiVersion: string }>;
  info(): Promise<unknown>;
  inspectContainer(id: string): Promise<unknown>;
  listContainers(all: boolean, labels: readonly string[]): Promise<{ Id: string }[]>;
  removeContainer(id: string): Promise<unknown>;
  inspectNetwork(id: string): Promise<unknown>;
  listNetworks(labels: readonly string[]): Promise<{ Id: string }[]>;
  removeNetwork(id: string): Promise<unknown>;
  listVolumes(labels: readonly string[]): Promise<{ Volumes?: { Name: string; Labels?: Record<string, string> | null }[] | null }>;
  removeVolume(name: string): Promise<unknown>;
}

const esc = encodeURIComponent;
const withQuery = (path: string, query: string): string => (query ? `${path}?${query}` : path);

// Over the unix socket, with node:http.
const httpTransport = (api: EngineApi): Transport => ({
  version: () => api.get("/version") as Promise<{ Version: string; ApiVersion: string }>,
  info: () => api.get("/info"),
  inspectContainer: (id) => api.get(`/containers/${esc(id)}/json`),
  listContainers: (all, labels) =>
    api.get(withQuery("/containers/json", [all ? "all=1" : "", filtersQuery({ label: labels })].filter(Boolean).join("&"))) as Promise<{ Id: string }[]>,
  removeContainer: (id) => api.delete(`/containers/${esc(id)}?force=1&v=1`),
  inspectNetwork: (id) => api.get(`/networks/${esc(id)}`),
  listNetworks: (labels) => api.get(withQuery("/networks", filtersQuery({ label: labels }))) as Promise<{ Id: string }[]>,
  removeNetwork: (id) => api.delete(`/networks/${esc(id)}`),
  listVolumes: (labels) => api.get(withQuery("/volumes", filtersQuery({ label: labels }))) as ReturnType<Transport["listVolumes"]>,
  removeVolume: (name) => api.delete(`/volumes/${esc(name)}`),
});

// Through dockerode (tcp://, ssh://, TLS), loaded on first use.
const dockerodeTransport = (options: Docker.DockerOptions): Transport => {
  let client: Promise<Docker> | null = null;
  const docker = (): Promise<Docker> => (client ??= import("dockerode").then(({ default: Dockerode }) => new Dockerode(options)));
  return {
    version: async () => (await docker()).version(),
    info: async () => (await docker()).info(),
    inspectContainer: async (id) => (await docker()).getContainer(id).inspect(),
    listContainers: async (all, labels) => (await docker()).listContainers({ all, filters: labels.length ? { label: [...labels] } : {} }),
    removeContainer: async (id) => (await docker()).getContainer(id).remove({ force: true, v: true }),
    inspectNetwork: async (id) => (await docker()).getNetwork(id).inspect(),
    listNetworks: async (labels) => (await docker()).listNetworks(labels.length ? { filters: { label: [...labels] } } : {}),
    removeNetwork: async (id) => (await docker()).getNetwork(id).remove(),
    listVolumes: async (labels) => (await docker()).listVolumes({ filters: { label: [...labels] } }),
    removeVolume: async (name) => (await docker()).getVolume(name).remove(),
  };
};

/** One Docker engine, by its address (`unix:///path/docker.sock`); without one, DOCKER_HOST or the default socket. */
export class DockerEngine {
  /** The address given, or null for DOCKER_HOST / the default socket. */
  readonly host: string | null;
  private client: Transport | null = null;
  constructor(host: string | null = null) {
    if (host !== null && !host.startsWith("unix://"))
      throw new UsageError(`Expected a unix:// engine address, got \`${host}\`.`, {
        hint: "Private engines listen on unix sockets, e.g. unix:///run/dnl-ab12-07/docker.sock.",
      });
    this.host = host;
  }

  // A unix socket (the address given, else DOCKER_HOST's or the default one) over node:http; anything else through
  // dockerode, which reads DOCKER_HOST (and DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) itself. Made on first use.
  private get docker(): Transport {
    if (this.client) return this.client;
    const socket = socketOf(this.host ?? process.env.DOCKER_HOST);
    this.client = socket !== null ? httpTransport(new EngineApi(socket, engineRequestTimeout())) : dockerodeTransport({ timeout: engineRequestTimeout() });
    return this.client;
  }

  /** Server version and API version of the engine. */
  async version(): Promise<{ version: string; apiVersion: string }> {
    const info = await call("docker version", () => this.docker.version());
    return { version: info.Version, apiVersion: info.ApiVersion };
  }

  /** `docker info`: name, operating system, kernel, version and firewall backend of the engine. */
  async info(): Promise<EngineInfo> {
    return toEngineInfo(await call("docker info", () => this.docker.info()));
  }

  /** Inspect one container by name or id. */
  async inspectContainer(nameOrId: string): Promise<DockerContainer> {
    return withOuterPid(toDockerContainer(await call(`docker inspect ${nameOrId}`, () => this.docker.inspectContainer(nameOrId))).value);
  }

  /** Inspect a container, or null when it does not exist. */
  async findContainer(nameOrId: string): Promise<DockerContainer | null> {
    try {
      return await withOuterPid(toDockerContainer(await this.docker.inspectContainer(nameOrId)).value);
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw translate(error, `docker inspect ${nameOrId}`);
    }
  }

  /**
   * All containers (running or not), optionally filtered by labels `key=value`, fully inspected (in parallel);
   * `onEach` is called with each one as its inspection arrives, in no particular order.
   */
  async listContainers(options: { labels?: readonly string[]; all?: boolean; onEach?: (container: DockerContainer) => void } = {}): Promise<DockerContainer[]> {
    const { labels = [], all = true, onEach } = options;
    const summaries = await call("docker ps", () => this.docker.listContainers(all, labels));
    const inspected = await Promise.all(
      summaries.map(async (summary) => {
        const container = await this.findContainer(summary.Id);
        if (container && onEach) onEach(container);
        return container;
      }),
    );
    return inspected.filter((container): container is DockerContainer => container !== null);
  }

  /** Inspect one network by name or id. */
  async inspectNetwork(nameOrId: string): Promise<DockerNetwork> {
    return toDockerNetwork(await call(`docker network inspect ${nameOrId}`, () => this.docker.inspectNetwork(nameOrId))).value;
  }

  /** Inspect a network, or null when it does not exist. */
  async findNetwork(nameOrId: string): Promise<DockerNetwork | null> {
    try {
      return toDockerNetwork(await this.docker.inspectNetwork(nameOrId)).value;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw translate(error, `docker network inspect ${nameOrId}`);
    }
  }

  /** All networks, fully inspected (with their Containers maps), optionally filtered by labels. */
  async listNetworks(options: { labels?: readonly string[] } = {}): Promise<DockerNetwork[]> {
    const { labels = [] } = options;
    const summaries = await call("docker network ls", () => this.docker.listNetworks(labels));
    const inspected = await Promise.all(summaries.map((summary) => this.findNetwork(summary.Id)));
    return inspected.filter((network): network is DockerNetwork => network !== null);
  }

  /** Force-remove a container we created (refuses unlabeled ones); true when something was removed. */
  async removeOwnedContainer(nameOrId: string): Promise<boolean> {
    const container = await this.findContainer(nameOrId);
    if (!container) return false;
    assertOwned(container.labels, `container ${container.name}`);
    const started = performance.now();
    try {
      await this.docker.removeContainer(container.id);
      traceCommand(`docker rm -f ${container.name}`, Math.round(performance.now() - started));
    } catch (error) {
      if (statusOf(error) === 404) return false;
      if (statusOf(error) === 409 && /already in progress/.test(String((error as Error).message))) return true;
      throw translate(error, `docker rm -f ${container.name}`);
    }
    return true;
  }

  /** Remove a network we created (refuses unlabeled ones); true when something was removed. */
  async removeOwnedNetwork(nameOrId: string): Promise<boolean> {
    const network = await this.findNetwork(nameOrId);
    if (!network) return false;
    assertOwned(network.labels, `network ${network.name}`);
    const started = performance.now();
    try {
      await this.docker.removeNetwork(network.id);
      traceCommand(`docker network rm ${network.name}`, Math.round(performance.now() - started));
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw translate(error, `docker network rm ${network.name}`);
    }
    return true;
  }

  /** Volumes carrying all the given labels. */
  async listVolumes(labels: readonly string[]): Promise<{ name: string; labels: Record<string, string> }[]> {
    const result = await call("docker volume ls", () => this.docker.listVolumes(labels));
    return (result.Volumes ?? []).map((volume) => ({ name: volume.Name, labels: volume.Labels ?? {} }));
  }

  /** Remove a volume we created (refuses unlabeled ones); true when something was removed. */
  async removeOwnedVolume(name: string): Promise<boolean> {
    const volume = (await this.listVolumes(labelFilters(null))).find((candidate) => candidate.name === name);
    if (!volume) return false;
    assertOwned(volume.labels, `volume ${name}`);
    await call(`docker volume rm ${name}`, () => this.docker.removeVolume(name));
    return true;
  }
}

let learnersEngine: DockerEngine | null = null;
/** The learner's engine (DOCKER_HOST, else the default socket), one per process. */
export const defaultEngine = (): DockerEngine => (learnersEngine ??= new DockerEngine());

// The learner's engine, function by function (what labs, teardown and clean call).
export const engineVersion = (): ReturnType<DockerEngine["version"]> => defaultEngine().version();
export const engineInfo = (): Promise<EngineInfo> => defaultEngine().info();
export const inspectContainer = (nameOrId: string): Promise<DockerContainer> => defaultEngine().inspectContainer(nameOrId);
export const findContainer = (nameOrId: string): Promise<DockerContainer | null> => defaultEngine().findContainer(nameOrId);
export const listContainers = (options?: Parameters<DockerEngine["listContainers"]>[0]): Promise<DockerContainer[]> => defaultEngine().listContainers(options);
export const inspectNetwork = (nameOrId: string): Promise<DockerNetwork> => defaultEngine().inspectNetwork(nameOrId);
export const findNetwork = (nameOrId: string): Promise<DockerNetwork | null> => defaultEngine().findNetwork(nameOrId);
export const listNetworks = (options?: { labels?: readonly string[] }): Promise<DockerNetwork[]> => defaultEngine().listNetworks(options);
export const removeOwnedContainer = (nameOrId: string): Promise<boolean> => defaultEngine().removeOwnedContainer(nameOrId);
export const removeOwnedNetwork = (nameOrId: string): Promise<boolean> => defaultEngine().removeOwnedNetwork(nameOrId);
export const listVolumes = (labels: readonly string[]): Promise<{ name: string; labels: Record<string, string> }[]> => defaultEngine().listVolumes(labels);
export const removeOwnedVolume = (name: string): Promise<boolean> => defaultEngine().removeOwnedVolume(name);
