import type { ParameterSpec } from '@jahskit/core';
import { SpaceError } from '../errors/SpaceError';
import { formatValue } from '../errors/formatValue';
import { CategoricalHyperparameter } from './CategoricalHyperparameter';
import { ConstantHyperparameter } from './ConstantHyperparameter';
import { FloatHyperparameter } from './FloatHyperparameter';
import type { Hyperparameter } from './Hyperparameter';
import { IntegerHyperparameter } from './IntegerHyperparameter';
import { OrdinalHyperparameter } from './OrdinalHyperparameter';
import { priorOf } from '../priors/priorOf';

function prior(spec: ParameterSpec): { prior?: NonNullable<ReturnType<typeof priorOf>> } {
  const p = priorOf(spec);
  return p === undefined ? {} : { prior: p };
}

/** Builds the hyperparameter a core {@link ParameterSpec} describes (the inverse of `.spec`, numeric priors included). */
export function hyperparameterFromSpec(spec: ParameterSpec): Hyperparameter {
  const role = spec.role === undefined ? {} : { role: spec.role };
  switch (spec.type) {
    case 'categorical':
      return new CategoricalHyperparameter(spec.name, spec.choices, {
        default: spec.default,
        ...(spec.weights === undefined ? {} : { weights: spec.weights }),
        ...role,
      });
    case 'ordinal':
      return new OrdinalHyperparameter(spec.name, spec.sequence, { default: spec.default, ...role });
    case 'constant':
      return new ConstantHyperparameter(spec.name, spec.value, role);
    case 'integer':
      return new IntegerHyperparameter(spec.name, spec.lower, spec.upper, { log: spec.log, default: spec.default, ...prior(spec), ...role });
    case 'float':
      return new FloatHyperparameter(spec.name, spec.lower, spec.upper, {
        log: spec.log,
        default: spec.default,
        ...prior(spec),
        ...(spec.q === undefined ? {} : { q: spec.q }),
        ...role,
      });
    default: {
      const unknown = spec as { type?: unknown; name?: unknown };
      throw new SpaceError('invalid-definition', {
        parameter: typeof unknown.name === 'string' ? unknown.name : '(spec)',
        problem: `unknown parameter type ${formatValue(unknown.type)}`,
        allowed: 'categorical, ordinal, constant, integer, float',
      });
    }
  }
}
