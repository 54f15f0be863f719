// Run by `npm install` (prepare, after the build): link the package into its own node_modules so that
// `npx docker-net-lab` and notebooks' `import … from "docker-net-lab"` resolve to this checkout.
import { ensureBinLink, ensureSelfLink } from "./self-link.js";

await ensureSelfLink();
await ensureBinLink();
