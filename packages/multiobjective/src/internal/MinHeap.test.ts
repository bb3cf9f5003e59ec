import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { MinHeap } from './MinHeap';

describe('MinHeap', () => {
  // Few distinct keys and ids: ties on key, and on key and id, are the cases the order rests on.
  const entry = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1000 }));
  fcTest.prop([fc.array(entry, { maxLength: 60 }), fc.integer({ min: 0, max: 8 })], { numRuns: 200 })(
    'pops by key, then id, whatever the capacity it grows from',
    (entries, capacity) => {
      const heap = new MinHeap(capacity);
      for (const [k, i, s] of entries) heap.push(k, i, s);
      const popped: [number, number, number][] = [];
      while (heap.size > 0) {
        popped.push([heap.topKey(), heap.topId(), heap.topStamp()]);
        heap.pop();
      }
      expect(popped.map(([k, i]) => [k, i])).toEqual(entries.map(([k, i]) => [k, i]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
      // Every stamp comes out once with its own key and id.
      const key = (e: [number, number, number]): string => e.join(',');
      expect(popped.map(key).sort()).toEqual(entries.map(key).sort());
    },
  );
});
