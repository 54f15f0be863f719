// tslab's converters as the kernel uses them: built when first needed, behind the compile cache, and aware of the
// top-level awaits tslab misses. The kernel (start.ts) and the compile-only pass over a notebook (compile-notebook.ts)
// share them, so both write the same cache entries.
import { hasTopLevelAwait } from "./await.js";
import type { CompileCache } from "./compile-cache.js";
import type { WarmableConverters } from "./preload.js";
import { tslabConverter, tslabTypescriptVersion, tslabVersion, type ConverterSet } from "./tslab.js";

/** What a compile depends on besides its inputs (part of every compile cache key). */
export const compileVersions = `tslab ${tslabVersion}, typescript ${tslabTypescriptVersion}`;

type Converter = ConverterSet["node"];

// A converter that also asks for the async wrapper when a cell awaits in a way tslab misses (see await.ts).
const awaitAware = (converter: Converter): Converter => ({
  ...converter,
  convert: (prevDecl, src) => {
    const out = converter.convert(prevDecl, src);
    return out.output !== undefined && out.hasToplevelAwait !== true && hasTopLevelAwait(src) ? { ...out, hasToplevelAwait: true } : out;
  },
});

// tslab's converters, each built when first needed: building one (a TypeScript watch program) is the bulk of a
// kernel's start, and a cell found in the compile cache needs none. Node's is warmed by the preload; the browser
// one is built on demand.
export const createConverters = (cache: CompileCache): WarmableConverters => {
  let node: Converter | undefined;
  let browser: Converter | undefined;
  const nodeConverter = (): Converter => {
    node ??= awaitAware(tslabConverter.createConverter({ isJS: false, isBrowser: false }));
    return node;
  };
  return {
    node: {
      convert: (prevDecl, src) => cache.convert(prevDecl, src, () => nodeConverter().convert(prevDecl, src)),
      inspect: (prevDecl, src, position) => nodeConverter().inspect(prevDecl, src, position),
      complete: (prevDecl, src, position) => nodeConverter().complete(prevDecl, src, position),
      addModule: (name, content, meta) => nodeConverter().addModule(name, content, meta),
      close: () => node?.close(),
    },
    get browser(): Converter {
      browser ??= awaitAware(tslabConverter.createConverter({ isJS: false, isBrowser: true }));
      return browser;
    },
    close: () => {
      node?.close();
      browser?.close();
    },
    warm: (src) => nodeConverter().convert("", src),
  };
};
