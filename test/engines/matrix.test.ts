// `npm run test:engines`: every lab on Docker 20.10, 26.1 and 28.5 (narrow with DNL_ENGINES / DNL_ENGINE_LABS).
import { engineSuite, matrixSelection } from "./matrix.js";
import { engineRoots } from "./roots.js";

const { engines, labs } = matrixSelection();
for (const spec of engineRoots.filter((root) => engines.includes(root.id))) engineSuite(spec, labs);
