import { describe, expect, test } from 'vitest';
import { concatArrays } from './concatArrays';

describe('concatArrays', () => {
  test('joins the parts in order into one array of the given type', () => {
    const joined = concatArrays([Int32Array.of(1, 2), Int32Array.of(), Int32Array.of(3)], Int32Array);
    expect(joined).toBeInstanceOf(Int32Array);
    expect([...joined]).toEqual([1, 2, 3]);
    expect([...concatArrays([], Float32Array)]).toEqual([]);
  });

  test('a single part is returned as it is', () => {
    const only = Uint8Array.of(7, 8);
    expect(concatArrays([only], Uint8Array)).toBe(only);
  });
});
