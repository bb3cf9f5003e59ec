import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { IntegerSet } from './IntegerSet';

describe('IntegerSet', () => {
  fcTest.prop([fc.integer({ min: 1, max: 3000 }), fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 200 })], { numRuns: 150 })(
    'prev/next agree with a plain Set',
    (cap, ops) => {
      const s = new IntegerSet(cap);
      const ref = new Set<number>();
      for (const [add, raw] of ops) {
        const v = raw % cap;
        if (add) {
          s.add(v);
          ref.add(v);
        } else {
          s.delete(v);
          ref.delete(v);
        }
        const q = (raw * 7) % cap;
        const sorted = [...ref].sort((a, b) => a - b);
        expect(s.next(q)).toBe(sorted.find((x) => x >= q) ?? -1);
        expect(s.prev(q)).toBe([...sorted].reverse().find((x) => x <= q) ?? -1);
      }
      expect(s.prev(-1)).toBe(-1);
    },
  );
});
