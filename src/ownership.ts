// Ownership: what marks an object as docker-net-lab's, and as one session's. The one place that decides; everything
// that lists, draws, probes or removes objects asks here. Matching is exact, never by substring: a session id is
// exactly 4 letters or digits, so a name holds its session at a fixed place.
import { UsageError } from "./errors.js";

/** Every object we create carries this label; nothing without it (and a session label) is ever removed. */
export const ownerLabel = { key: "io.docker-net-lab.owner", value: "docker-net-lab" } as const;
/** Label holding the session id. */
export const sessionLabelKey = "io.docker-net-lab.session";
/** Label holding the lab id. */
export const labLabelKey = "io.docker-net-lab.lab";
/** Name prefix of containers, networks, namespaces, host interfaces and iptables comments we create. */
export const namePrefix = "dnl";

/**
 * Session ids are exactly 4 lowercase letters or digits: derived names stay short (interface names have 15 characters),
 * and a fixed length keeps the interface prefix `dnl<session>` of one session from being the start of another's
 * (with ids of 4 to 8 characters, `dnlab12…` of session `ab12` would also match session `ab123`).
 */
export const isSessionId = (value: string): boolean => /^[a-z0-9]{4}$/.test(value);
/** A usage error unless `value` (given as `what`: `--session`, `DNL_SESSION`) is a session id. */
export const requireSessionId = (value: string, what: string, hint: string): string => {
  if (!isSessionId(value)) throw new UsageError(`Expected ${what} to be 4 lowercase letters or digits, got \`${value}\`.`, { hint });
  return value;
};

/** Labels for an object created by `lab` in `session`. */
export const labelsFor = (session: string, lab: string): Record<string, string> => ({
  [ownerLabel.key]: ownerLabel.value,
  [sessionLabelKey]: session,
  [labLabelKey]: lab,
});

/** `--label k=v` arguments for docker run / network create. */
export const labelArgs = (labels: Readonly<Record<string, string>>): string[] =>
  Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]);

/** Engine label filters (`key=value` or `key`) that select the project's objects of one session, or of every session. */
export const labelFilters = (session: string | null): string[] => [
  `${ownerLabel.key}=${ownerLabel.value}`,
  session ? `${sessionLabelKey}=${session}` : sessionLabelKey,
];

/**
 * Do these labels mark an object of the project (of `session`, or of any session when null)? Both labels are
 * required: the owner label alone is inherited from the toolbox image by any container started from it.
 */
export const ownsLabels = (labels: Readonly<Record<string, string>>, session: string | null = null): boolean => {
  const id = labels[sessionLabelKey];
  return labels[ownerLabel.key] === ownerLabel.value && id !== undefined && isSessionId(id) && (session === null || id === session);
};

/** Docker object name: `dnl-<session>-<lab>-<short>`, e.g. `dnl-ab12-01-web1`. */
export const objectName = (session: string, lab: string, short: string): string => `${namePrefix}-${session}-${lab}-${short}`;

/** Kernel object name (namespace, interface: IFNAMSIZ is 15): `dnl<session><short>`, cut to 15. */
export const kernelName = (session: string, short: string): string => `${namePrefix}${session}${short}`.slice(0, 15);

// `dnl-ab12-…` (Docker objects, iptables comments) or `dnlab12…` (kernel objects).
const namePattern = new RegExp(`^${namePrefix}(?:-([a-z0-9]{4})-|([a-z0-9]{4}))`);

/** The session a project-made name belongs to (`dnl-ab12-01-web` and `dnlab12inet` -> `ab12`); null for other names. */
export const sessionOfName = (name: string): string | null => {
  const match = namePattern.exec(name);
  return match ? (match[1] ?? match[2] ?? null) : null;
};

/** Is this name one the project gives (to `session`'s objects, or to any session's when null)? */
export const ownsName = (name: string, session: string | null = null): boolean => {
  const of = sessionOfName(name);
  return of !== null && (session === null || of === session);
};
