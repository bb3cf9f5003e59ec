import { argsortLex } from '../internal/argsortLex';

/**
 * Area dominated by n x 2 points that all strictly dominate (r0, r1). After a lexicographic
 * sort each point that lowers the running minimum of y adds the rectangle between its x and r0
 * and between its y and the previous minimum. O(n log n).
 */
export function hypervolume2dKernel(data: Float64Array, n: number, r0: number, r1: number): number {
  const order = argsortLex(data, n, 2, [0, 1]);
  let hv = 0;
  let best = r1;
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    const y = data[2 * i + 1]!;
    if (y < best) {
      hv += (r0 - data[2 * i]!) * (best - y);
      best = y;
    }
  }
  return hv;
}
