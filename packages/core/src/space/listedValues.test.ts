import { describe, expect, test } from 'vitest';
import { listedValues } from './listedValues';

describe('listedValues', () => {
  test('choices, sequences and a constant as listed; numeric parameters have none', () => {
    expect(listedValues({ name: 'c', type: 'categorical', choices: ['b', 'a'], default: 'b' })).toEqual(['b', 'a']);
    expect(listedValues({ name: 'o', type: 'ordinal', sequence: [3, 1, 2], default: 3 })).toEqual([3, 1, 2]);
    expect(listedValues({ name: 'k', type: 'constant', value: 'x', default: 'x' })).toEqual(['x']);
    expect(listedValues({ name: 'n', type: 'integer', lower: 1, upper: 3, log: false, default: 1 })).toBeUndefined();
    expect(listedValues({ name: 'f', type: 'float', lower: 0, upper: 1, log: false, q: 0.5, default: 0 })).toBeUndefined();
  });
});
