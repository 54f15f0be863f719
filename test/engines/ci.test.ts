// The slice of the engine matrix `npm test` runs (CI included): Docker 28.5 from Debian sid, labs 03 and 04, the two
// whose checks depend most on the engine generation. The whole matrix is `npm run test:engines`.
import { engineSuite, matrixVariants } from "./matrix.js";

const d28 = matrixVariants.find((variant) => variant.id === "d28");
if (!d28) throw new Error("the matrix has no d28 column");
engineSuite(d28.spec, ["03", "04"]);
