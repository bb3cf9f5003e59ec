/** Inputs shared by the *.bench.ts files (fixed seeds, so runs are comparable). */
import { spherePoints, uniformPoints } from './oracleFixtures';

export const sphere = (n: number, d: number): Float64Array => spherePoints(n, d, 2026 + 31 * d + n);
export const uniform = (n: number, d: number): Float64Array => uniformPoints(n, d, 1124 + 17 * d + n);
export const refOf = (d: number): number[] => new Array<number>(d).fill(1.1);
