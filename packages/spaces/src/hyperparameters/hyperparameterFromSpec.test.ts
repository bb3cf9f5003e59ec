import { describe, expect, test } from 'vitest';
import { categorical } from './CategoricalHyperparameter';
import { constant } from './ConstantHyperparameter';
import { float } from './FloatHyperparameter';
import { hyperparameterFromSpec } from './hyperparameterFromSpec';
import { integer } from './IntegerHyperparameter';
import { ordinal } from './OrdinalHyperparameter';

describe('hyperparameterFromSpec', () => {
  const parameters = [
    categorical('op', ['a', 'b'], { weights: [1, 2], role: 'architecture' }),
    ordinal('bs', [16, 32], { role: 'hyperparameter' }),
    constant('opt', 'SGD', { role: 'hyperparameter' }),
    integer('n', 1, 9, { log: true }),
    float('lr', 1e-3, 1, { log: true, q: 1e-3, role: 'hyperparameter' }),
  ];

  test('is the inverse of .spec, role included', () => {
    for (const hp of parameters) {
      const copy = hyperparameterFromSpec(hp.spec);
      expect(copy.spec).toEqual(hp.spec);
      expect(copy.role).toBe(hp.role);
    }
  });

  test('a parameter without a role has no role entry in its spec', () => {
    expect('role' in integer('n', 1, 9).spec).toBe(false);
  });
});
