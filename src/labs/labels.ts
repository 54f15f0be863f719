// Ownership: the labels and name prefix every object the project creates carries.
import { UsageError } from "../errors.js";

/** Every object we create carries this label; `clean` never touches anything without it. */
export const ownerLabel = { key: "io.docker-net-lab.owner", value: "docker-net-lab" } as const;
/** Label holding the session id. */
export const sessionLabelKey = "io.docker-net-lab.session";
/** Label holding the lab id. */
export const labLabelKey = "io.docker-net-lab.lab";
/** Name prefix of containers, networks, namespaces and host interfaces we create. */
export const namePrefix = "dnl";

/** Labels for an object created by `lab` in `session`. */
export const labelsFor = (session: string, lab: string): Record<string, string> => ({
  [ownerLabel.key]: ownerLabel.value,
  [sessionLabelKey]: session,
  [labLabelKey]: lab,
});

/** `--label k=v` arguments for docker run / network create. */
export const labelArgs = (labels: Readonly<Record<string, string>>): string[] =>
  Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]);

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
