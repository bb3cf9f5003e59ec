import { test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { bruteHypervolume, intPoints, realPoints, relClose } from '../testing/oracleFixtures';
import { hypervolume4dKernel, hypervolume4dKernelSorted } from './hypervolume4dKernel';

/** The rows of an n x 4 set ordered by their 4th objective (ties in input order). */
function sortedByW(p: Float64Array): Float64Array {
  const n = p.length / 4;
  const rows = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[4 * a + 3]! - p[4 * b + 3]! || a - b);
  const out = new Float64Array(p.length);
  rows.forEach((r, t) => out.set(p.subarray(4 * r, 4 * r + 4), 4 * t));
  return out;
}

describe('hypervolume4dKernelSorted (rows presorted by w) equals the sorting kernel and the oracle', () => {
  fcTest.prop([intPoints(4, 60, 4)], { numRuns: 150 })('integer points (ties in every objective, duplicates)', (p0) => {
    const p = sortedByW(p0);
    const n = p.length / 4;
    const ref = new Float64Array(4).fill(5);
    const sorted = hypervolume4dKernelSorted(p, n, ref);
    expect(relClose(sorted, hypervolume4dKernel(p0, n, ref), 1e-12)).toBe(true);
    if (n <= 9) expect(relClose(sorted, bruteHypervolume(p0, 4, ref), 1e-12)).toBe(true);
  });
  fcTest.prop([realPoints(4, 80)], { numRuns: 100 })('real points', (p0) => {
    const p = sortedByW(p0);
    const n = p.length / 4;
    const ref = new Float64Array(4).fill(1.01);
    expect(relClose(hypervolume4dKernelSorted(p, n, ref), hypervolume4dKernel(p0, n, ref), 1e-12)).toBe(true);
  });
});
