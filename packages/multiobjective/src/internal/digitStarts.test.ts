import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { digitStarts } from './digitStarts';

describe('digitStarts', () => {
  fcTest.prop([fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 64 }).filter((c) => c.length % 2 === 0)])(
    'each half becomes the running sums of its counts before each bucket',
    (counts) => {
      const buckets = counts.length / 2;
      const hist = Int32Array.from(counts);
      digitStarts(hist, buckets);
      for (const base of [0, buckets]) {
        let sum = 0;
        for (let b = 0; b < buckets; b++) {
          expect(hist[base + b]).toBe(sum);
          sum += counts[base + b]!;
        }
      }
    },
  );
});
