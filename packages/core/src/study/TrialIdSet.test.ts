import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { TrialIdSet } from './TrialIdSet';

test.prop([fc.array(fc.oneof(fc.nat(5000), fc.nat(), fc.integer({ min: 1 << 28, max: 2 ** 40 })), { maxLength: 300 }), fc.array(fc.nat(), { maxLength: 50 })])(
  'holds exactly the ids added, like a Set',
  (added, probes) => {
    const set = new TrialIdSet();
    const oracle = new Set<number>();
    for (const id of added) {
      set.add(id);
      oracle.add(id);
    }
    for (const id of [...added, ...probes]) expect(set.has(id)).toBe(oracle.has(id));
  },
);
