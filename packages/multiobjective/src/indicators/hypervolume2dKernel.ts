import { argsortLex, sortRowsByColumn } from '../internal/argsortLex';
import { staircaseSweep2d } from './staircaseSweep2d';

const SMALL_N = 4096;

export const hypervolume2dKernel = /* @__PURE__ */ hypervolume2dKernels();

/**
 * hypervolume2dKernel and its kept buffers, inside one function called once rather than at the
 * top of the module, for an app that bundles jahskit with esbuild: see hypervolume4dKernels in
 * hypervolume4dKernel.ts.
 */
function hypervolume2dKernels() {
  const xKeys = new Float64Array(SMALL_N);
  const xRows = new Int32Array(SMALL_N);

  /**
   * Area dominated by n x 2 points and bounded by (r0, r1); rows that do not strictly dominate
   * the reference are skipped. After a lexicographic sort each point that lowers the running
   * minimum of y adds the rectangle between its x and r0 and between its y and the previous
   * minimum. O(n log n).
   *
   * Up to SMALL_N rows the sort runs on x values and row numbers in buffers kept between calls
   * (no allocation: at 100 points allocating and copying cost as much as the sweep), by
   * sortRowsByColumn over every row: its bucket sort up to 256 rows took a fifth to a quarter off
   * a 2-D hypervolume of 100 points against filtering the rows inside the reference first and
   * sorting their keys (the sweep skips the others anyway). Above SMALL_N, the radix argsort. Both
   * visit the rows in the same order (x, then y, then row), so the sums are the same to the bit.
   */
  function hypervolume2dKernel(data: Float64Array, n: number, r0: number, r1: number): number {
    if (n > SMALL_N) return staircaseSweep2d(data, argsortLex(data, n, 2), n, r0, r1);
    const xs = xKeys;
    const rows = xRows;
    sortRowsByColumn(data, n, 2, 0, xs, rows);
    // Runs of equal x (rare) are in row order: put them in y order, as the lexicographic sort does.
    for (let t = 1; t < n; t++) {
      if (xs[t] !== xs[t - 1]) continue;
      const v = rows[t]!;
      const y = data[2 * v + 1]!;
      let j = t - 1;
      while (j >= 0 && xs[j] === xs[t] && data[2 * rows[j]! + 1]! > y) {
        rows[j + 1] = rows[j]!;
        j--;
      }
      rows[j + 1] = v;
    }
    return staircaseSweep2d(data, rows, n, r0, r1);
  }

  return hypervolume2dKernel;
}
