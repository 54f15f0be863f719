// All challenges by id.
import { UsageError } from "../errors.js";
import { c1 } from "./defs/c1-lan-only.js";
import { c2 } from "./defs/c2-three-tiers.js";
import { c3 } from "./defs/c3-router.js";
import { c4 } from "./defs/c4-macvlan-host.js";
import { c5 } from "./defs/c5-snat.js";
import { c6 } from "./defs/c6-link-to-network.js";
import { c7 } from "./defs/c7-name-diagnosis.js";
import { c8 } from "./defs/c8-engine-ranges.js";
import type { ChallengeDefinition } from "./model.js";

/** Every challenge, in the suggested order. */
export const challenges: readonly ChallengeDefinition[] = [c1, c2, c3, c4, c5, c6, c7, c8] as readonly ChallengeDefinition[];

/** Find a challenge by id (`c1`, `1`) or slug (`c1-lan-only`). */
export const findChallenge = (id: string): ChallengeDefinition => {
  const wanted = /^\d+$/.test(id) ? `c${Number(id)}` : id;
  const found = challenges.find((c) => c.id === wanted || c.slug === wanted);
  if (!found)
    throw new UsageError(`Unknown challenge \`${id}\`.`, {
      hint: `Known challenges: ${challenges.map((c) => `${c.id} (${c.slug})`).join(", ")}. See \`docker-net-lab challenge list\`.`,
    });
  return found;
};
