// All labs by id.
import { UsageError } from "../errors.js";
import type { LabDefinition } from "./definition.js";
import { lab01 } from "./defs/lab01-docker0.js";
import { lab02 } from "./defs/lab02-veth.js";
import { lab03 } from "./defs/lab03-nat.js";
import { lab04 } from "./defs/lab04-user-bridges.js";
import { lab05 } from "./defs/lab05-modes.js";
import { lab06 } from "./defs/lab06-macvlan.js";
import { lab07 } from "./defs/lab07-addressing.js";
import { lab08 } from "./defs/lab08-overlay.js";

/** Every lab, in the suggested order. */
export const labs: readonly LabDefinition[] = [lab01, lab02, lab03, lab04, lab05, lab06, lab07, lab08];

/** Find a lab by id (`01`, `1`) or slug (`01-docker0`). */
export const findLab = (id: string): LabDefinition => {
  const wanted = /^\d+$/.test(id) ? id.padStart(2, "0") : id;
  const lab = labs.find((candidate) => candidate.id === wanted || candidate.slug === wanted);
  if (!lab)
    throw new UsageError(`Unknown lab \`${id}\`.`, {
      hint: `Known labs: ${labs.map((l) => `${l.id} (${l.slug})`).join(", ")}. See \`docker-net-lab labs list\`.`,
    });
  return lab;
};
