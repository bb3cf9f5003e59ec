import { describe, expect, test } from 'vitest';
import { categorical } from './CategoricalHyperparameter';
import { ChoiceHyperparameter } from './ChoiceHyperparameter';
import { ordinal } from './OrdinalHyperparameter';

describe('ChoiceHyperparameter', () => {
  const choices = [categorical('op', ['a', 'b', 'c']), ordinal('bs', [16, 32, 64])];

  test('categorical and ordinal parameters share the choice base', () => {
    for (const hp of choices) expect(hp).toBeInstanceOf(ChoiceHyperparameter);
  });

  test('a value is encoded as its index, one one-hot slot per value, indices clamped when decoded', () => {
    for (const hp of choices) {
      expect(hp.oneHotSize).toBe(3);
      const values = [0, 1, 2].map((i) => hp.decode(i));
      expect(values.map((v) => hp.encode(v))).toEqual([0, 1, 2]);
      expect(hp.decode(-5)).toBe(values[0]);
      expect(hp.decode(7)).toBe(values[2]);
      const out = new Float64Array(3);
      hp.writeOneHot(values[1]!, out, 0);
      expect([...out]).toEqual([0, 1, 0]);
    }
  });

  test('a number outside the list is an illegal value, anything else a wrong type', () => {
    for (const hp of choices) {
      expect(() => hp.canonicalize(Number.NaN)).toThrow(expect.objectContaining({ kind: 'illegal-value', parameter: hp.name }));
      expect(() => hp.canonicalize({})).toThrow(expect.objectContaining({ kind: 'wrong-type', parameter: hp.name }));
      expect(() => hp.canonicalize('zzz')).toThrow(expect.objectContaining({ kind: 'illegal-value', parameter: hp.name }));
    }
  });
});
