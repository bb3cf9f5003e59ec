/**
 * Whether the row a[ao, ao + d) is no worse than the row b[bo, bo + d) in every objective
 * (minimisation; equal rows weakly dominate each other). The dominance test of the kernels'
 * scans over row-major buffers: small enough for V8 to inline into their loops.
 */
export function rowWeaklyDominates(a: Float64Array, ao: number, b: Float64Array, bo: number, d: number): boolean {
  for (let j = 0; j < d; j++) if (a[ao + j]! > b[bo + j]!) return false;
  return true;
}
