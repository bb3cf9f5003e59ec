/** Inputs shared by the *.bench.ts files (fixed seeds, so runs are comparable). */
import { spherePoints, uniformPoints } from './oracleFixtures';

export const sphere = (n: number, d: number): Float64Array => spherePoints(n, d, 2026 + 31 * d + n);
export const uniform = (n: number, d: number): Float64Array => uniformPoints(n, d, 1124 + 17 * d + n);
export const refOf = (d: number): number[] => new Array<number>(d).fill(1.1);

/** The hypervolume inputs (n, d) measured on sphere fronts, by the benches and the reference comparison. */
export const hypervolumeSphereCases: readonly (readonly [n: number, d: number])[] = [
  [10_000, 2],
  [100_000, 2],
  [1_000, 3],
  [100_000, 3],
  [1_000, 4],
  [500, 5],
];
