// V8 flags for the short-lived Node processes of this package: the kernel (through its kernelspec) and the CLI.

/**
 * V8 flags of the kernel's Node (kernelspec argv) and of the CLI (bin.ts): a function must run ~60 times longer than
 * by default before V8 optimizes it in the background. A kernel spends its first seconds in tslab's TypeScript compiler; by default V8 optimizes thousands of
 * its functions on background threads, which cost as much CPU as the kernel's own thread (2.4 s of 4.9 s for lab 01)
 * and pay back little in a kernel that lives for seconds (headless runs, grading). Measured on `labs run 01
 * --solutions` (CPU of the kernel's threads read from /proc): kernel CPU 4.9 s -> 2.8 s, wall time 6.4 s -> 5.3 s;
 * grading (test/bench/results/grade.json): 6.1 -> 4.3 CPU-s per submission, `--jobs 2` 1.44x -> 1.7x faster than
 * `--jobs 1`. Long interactive sessions still get their hot functions optimized.
 */
export const shortLivedNodeFlags: readonly string[] = ["--interrupt-budget=4000000"];
