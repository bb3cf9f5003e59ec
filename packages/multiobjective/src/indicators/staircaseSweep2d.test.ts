import { test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { argsortLex } from '../internal/argsortLex';
import { bruteHypervolume, bruteRanks, intPoints, relClose } from '../testing/oracleFixtures';
import { staircaseSweep2d } from './staircaseSweep2d';

describe('staircaseSweep2d', () => {
  fcTest.prop([intPoints(2, 40, 5)], { numRuns: 150 })(
    'the area is the hypervolume; the rows are the first of each distinct non-dominated point inside the reference, x ascending',
    (p) => {
      const n = p.length / 2;
      const order = argsortLex(p, n, 2);
      const rows: number[] = [];
      expect(relClose(staircaseSweep2d(p, order, n, 4, 4, rows), bruteHypervolume(p, 2, [4, 4]), 1e-12)).toBe(true);
      const rank = bruteRanks(p, 2);
      const want: number[] = [];
      const seen = new Set<string>();
      for (const i of order) {
        const key = `${p[2 * i]},${p[2 * i + 1]}`;
        if (rank[i] !== 0 || p[2 * i]! >= 4 || p[2 * i + 1]! >= 4 || seen.has(key)) continue;
        seen.add(key);
        want.push(i);
      }
      expect(rows).toEqual(want);
    },
  );
});
