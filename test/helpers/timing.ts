// How long the steps of a slow test took, for its log (never asserted: benchmarks measure speed).

/** A `timed(name, work)` that records each step's duration into `timings`, in ms or in seconds (one decimal). */
export const stepTimer =
  (timings: Record<string, number>, unit: "ms" | "s" = "ms") =>
  async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const ms = performance.now() - started;
      timings[name] = unit === "ms" ? Math.round(ms) : Math.round(ms / 100) / 10;
    }
  };
