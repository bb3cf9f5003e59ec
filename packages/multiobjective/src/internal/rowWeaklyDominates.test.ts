import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { weaklyDominates } from '../dominance/weaklyDominates';
import { rowWeaklyDominates } from './rowWeaklyDominates';

describe('rowWeaklyDominates', () => {
  const row = (d: number) => fc.array(fc.integer({ min: 0, max: 3 }), { minLength: d, maxLength: d });
  fcTest.prop([fc.integer({ min: 1, max: 5 }).chain((d) => fc.tuple(fc.constant(d), row(d), row(d))), fc.nat(3), fc.nat(3)], { numRuns: 200 })(
    'agrees with weaklyDominates on rows at any offset',
    ([d, a, b], ao, bo) => {
      const bufA = Float64Array.from([...new Array<number>(ao).fill(9), ...a]);
      const bufB = Float64Array.from([...new Array<number>(bo).fill(-9), ...b]);
      expect(rowWeaklyDominates(bufA, ao, bufB, bo, d)).toBe(weaklyDominates(a, b));
    },
  );
});
