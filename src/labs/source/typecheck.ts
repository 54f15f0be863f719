// Type-check the labs' code cells against the library's public API, with the options tslab compiles cells with.
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../../setup/paths.js";

/** One type error, placed in the lab source. */
export interface CellTypeError {
  readonly lab: string;
  /** The cell and its marker line in the source, e.g. `ex3 (src/notebooks/03-nat-ports.ts:88)`. */
  readonly cell: string;
  readonly message: string;
}

/** Type-check modules (lab id -> module text from moduleOf) in one program; [] when all compile. */
export const typecheckLabModules = (modules: ReadonlyMap<string, string>): CellTypeError[] => {
  // typescript comes with tslab (a dependency); loaded only here, for the build and its test.
  const ts = createRequire(import.meta.url)("typescript") as typeof import("typescript");
  const dir = join(packageRoot, "src", "notebooks", ".typecheck");
  const files = new Map([...modules].map(([lab, text]) => [join(dir, `lab${lab}.ts`), { lab, text }]));
  // tslab's own options (node_modules/tslab/dist/converter.js): ESNext modules, Node10 resolution, not strict.
  const options: import("typescript").CompilerOptions = {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    noEmit: true,
    skipLibCheck: true,
    // The public API as built (dist/index.d.ts): what `import … from "docker-net-lab"` resolves to in the kernel.
    baseUrl: packageRoot,
    paths: { "docker-net-lab": ["dist/index.d.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const virtual = files.get(name);
    return virtual ? ts.createSourceFile(name, virtual.text, language) : getSourceFile(name, language, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  const errors: CellTypeError[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const virtual = diagnostic.file ? files.get(diagnostic.file.fileName) : undefined;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!virtual || diagnostic.start === undefined) {
      errors.push({ lab: virtual?.lab ?? "?", cell: diagnostic.file?.fileName ?? "(program)", message });
      continue;
    }
    // The cell: the nearest `// ---- cell ID (file:line)` comment above the error.
    const before = virtual.text.slice(0, diagnostic.start);
    const marker = [...before.matchAll(/^\/\/ ---- cell (.+)$/gm)].at(-1);
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
    const markerLine = marker ? virtual.text.slice(0, marker.index).split("\n").length - 1 : 0;
    errors.push({ lab: virtual.lab, cell: `${marker?.[1] ?? "?"}, line ${line - markerLine} of the cell`, message });
  }
  return errors;
};
