// The zod schemas of the Docker JSON the inspect parsers read, for library users who validate with zod themselves.
// Built from the parsers' shapes (shape.ts); importing this module loads zod, which the parsers load only for JSON
// that does not fit.
import { z } from "zod";
import { containerShape } from "./docker-inspect.js";
import { networkShape } from "./network-inspect.js";
import { schemaOf, useZod } from "./validate.js";

useZod(z);

/** zod schema of the container JSON (network-relevant part, PascalCase as Docker prints it). */
export const containerSchema = schemaOf(containerShape);
/** zod schema of the network JSON (PascalCase, as Docker prints it). */
export const networkSchema = schemaOf(networkShape);
