import { describe, expect, test } from 'vitest';
import { categorical } from './CategoricalHyperparameter';
import { constant } from './ConstantHyperparameter';
import { float } from './FloatHyperparameter';
import { integer } from './IntegerHyperparameter';
import { ordinal } from './OrdinalHyperparameter';
import { listedValues } from './listedValues';

describe('listedValues', () => {
  test('choices, sequences and a constant as listed; numeric parameters have none', () => {
    expect(listedValues(categorical('c', ['b', 'a']).spec)).toEqual(['b', 'a']);
    expect(listedValues(ordinal('o', [3, 1, 2]).spec)).toEqual([3, 1, 2]);
    expect(listedValues(constant('k', 'x').spec)).toEqual(['x']);
    expect(listedValues(integer('n', 1, 3).spec)).toBeUndefined();
    expect(listedValues(float('f', 0, 1, { q: 0.5 }).spec)).toBeUndefined();
  });
});
