import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyByteEdits, applyJsonEdits, byteEdit, jsonEdit } from './inputMutations';

describe('input mutations', () => {
  test('JSON edits leave the original alone and give a JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.array(jsonEdit, { maxLength: 5 }), (doc, edits) => {
        const copy = JSON.stringify(doc);
        const edited = applyJsonEdits(doc, edits);
        expect(JSON.stringify(doc)).toBe(copy);
        expect(() => JSON.stringify(edited)).not.toThrow();
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  test('each kind of JSON edit does what it says', () => {
    const doc = { a: [1, 2], b: 'x' };
    // Nodes in order: root, a, a[0], a[1], b.
    expect(applyJsonEdits(doc, [{ at: 2, kind: 'replace', value: null }])).toEqual({ a: [null, 2], b: 'x' });
    expect(applyJsonEdits(doc, [{ at: 3, kind: 'remove', value: null }])).toEqual({ a: [1], b: 'x' });
    expect(applyJsonEdits(doc, [{ at: 4, kind: 'remove', value: null }])).toEqual({ a: [1, 2] });
    expect(applyJsonEdits(doc, [{ at: 2, kind: 'duplicate', value: null }])).toEqual({ a: [1, 1, 2], b: 'x' });
    expect(applyJsonEdits(doc, [{ at: 4, kind: 'retype', value: null }])).toEqual({ a: [1, 2], b: 1 });
    expect(applyJsonEdits(doc, [{ at: 4, kind: 'rename', value: 'c' }])).toEqual({ a: [1, 2], c: 'x' });
    expect(applyJsonEdits(doc, [{ at: 0, kind: 'replace', value: 7 }])).toBe(7);
  });

  test('byte edits stay within the bytes and leave the original alone', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 50 }), fc.array(byteEdit, { maxLength: 5 }), (bytes, edits) => {
        const copy = Buffer.from(bytes);
        const edited = applyByteEdits(bytes, edits);
        expect(Buffer.from(bytes).equals(copy)).toBe(true);
        expect(edited.length).toBeLessThanOrEqual(bytes.length + 64 * edits.length);
      }),
      { seed: 1, numRuns: 200 },
    );
    expect([...applyByteEdits(Uint8Array.from([1, 2, 3]), [{ at: 4, kind: 'cut', byte: 0, length: 1 }])]).toEqual([1]);
    expect([...applyByteEdits(Uint8Array.from([1, 2, 3]), [{ at: 1, kind: 'set', byte: 9, length: 1 }])]).toEqual([1, 9, 3]);
  });
});
