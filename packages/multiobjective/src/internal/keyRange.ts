/**
 * The smallest and largest of values[0, n) (n >= 1) into out[0] and out[1]: two doubles through a
 * typed array, as V8 boxes doubles returned from a call it does not inline.
 *
 * A function of its own so that the sorts calling it do not start with a long loop: V8 (Node 20)
 * compiles such a loop on the stack during a function's first call, without feedback for what
 * follows it, and kept that code: every later call entered it and deoptimised after the loop
 * (about 2000 times in one run of the comparison script for sortColumnPairs, 570 for
 * scaledRadixArgsort).
 */
export function keyRange(values: Float64Array, n: number, out: Float64Array): void {
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  out[0] = min;
  out[1] = max;
}
