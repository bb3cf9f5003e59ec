import { describe, expect, test } from 'vitest';
import { describeHyperparameterContract } from './hyperparameterFixtures';
import { ordinal } from './OrdinalHyperparameter';

describe('ordinal', () => {
  describeHyperparameterContract('numbers', () => ordinal('bs', [16, 32, 64, 128]));
  describeHyperparameterContract('strings', () => ordinal('size', ['s', 'm', 'l']));

  test('adjacent neighbours, index encoding, order', () => {
    const hp = ordinal('bs', [16, 32, 64, 128]);
    expect(hp.neighbours(16)).toEqual([32]);
    expect(hp.neighbours(64)).toEqual([32, 128]);
    expect(hp.encode(128)).toBe(3);
    expect(hp.compare(16, 64)).toBeLessThan(0);
    expect(() => hp.canonicalize(48)).toThrow('parameter "bs": 48 is not in the sequence; allowed: 16, 32, 64, 128 (in this order)');
  });
});
