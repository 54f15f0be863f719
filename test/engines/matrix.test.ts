// `npm run test:engines`: every lab on Docker 20.10, 26.1 and 28.5, and on 28.5 with --userland-proxy=false
// and every challenge (narrow with DNL_ENGINES=d20,d26,d28,d28np, DNL_ENGINE_LABS=01,03 and DNL_ENGINE_CHALLENGES=c1,c7;
// `none` for no labs or no challenges).
import { engineSuite, matrixSelection, matrixVariants } from "./matrix.js";

const { engines, labs, challenges } = matrixSelection();
for (const variant of matrixVariants.filter((v) => engines.includes(v.id)))
  engineSuite(variant.spec, labs, { userlandProxy: variant.userlandProxy }, challenges);
