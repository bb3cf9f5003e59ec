import { describe, expect, test } from 'vitest';
import { float } from './FloatHyperparameter';
import { integer } from './IntegerHyperparameter';
import { NumericalHyperparameter } from './NumericalHyperparameter';

describe('NumericalHyperparameter', () => {
  const numeric = [float('x', 1, 100, { log: true }), float('q', 0, 10, { q: 0.5 }), integer('n', 1, 100, { log: true }), integer('k', -3, 3)];

  test('integer and float parameters share the numerical base', () => {
    for (const hp of numeric) expect(hp).toBeInstanceOf(NumericalHyperparameter);
  });

  test('the same checks of type, finiteness and range, in the same words', () => {
    for (const hp of numeric) {
      expect(() => hp.canonicalize('5')).toThrow(`parameter "${hp.name}": "5" is not a number; allowed: ${hp.allowed}`);
      expect(() => hp.canonicalize(Number.NaN)).toThrow(`parameter "${hp.name}": NaN is not a finite number; allowed: ${hp.allowed}`);
      expect(() => hp.canonicalize(1000)).toThrow(`parameter "${hp.name}": 1000 is out of range; allowed: ${hp.allowed}`);
    }
  });

  test('the vector value is the normalised position: the bounds map to (about) 0 and 1, the order is kept', () => {
    for (const hp of numeric) {
      expect(hp.encode(hp.lower)).toBeGreaterThanOrEqual(0);
      expect(hp.encode(hp.upper)).toBeLessThanOrEqual(1);
      expect(hp.compare(hp.lower, hp.upper)).toBeLessThan(0);
      expect(hp.decode(-1)).toBe(hp.lower);
      expect(hp.decode(2)).toBe(hp.upper);
    }
  });
});
