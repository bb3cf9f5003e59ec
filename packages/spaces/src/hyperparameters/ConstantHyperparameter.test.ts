import { Rng } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { constant } from './ConstantHyperparameter';
import { describeHyperparameterContract } from './hyperparameterFixtures';

describe('constant', () => {
  describeHyperparameterContract('string', () => constant('opt', 'SGD'));

  test('encodes to 0, has no neighbours, accepts only its value', () => {
    const hp = constant('opt', 'SGD');
    expect(hp.encode('SGD')).toBe(0);
    expect(hp.decode(0.7)).toBe('SGD');
    expect(hp.neighbours()).toEqual([]);
    expect(hp.mutate('SGD')).toBe('SGD');
    expect(hp.sample()).toBe('SGD');
    expect(() => hp.canonicalize('Adam')).toThrow('parameter "opt": "Adam" is not the constant\'s value; allowed: only "SGD"');
    expect(hp.spec).toEqual({ type: 'constant', name: 'opt', value: 'SGD', default: 'SGD' });
    expect(Rng.seeded(1)).toBeDefined();
  });
});
