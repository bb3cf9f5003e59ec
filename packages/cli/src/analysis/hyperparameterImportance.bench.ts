import { Rng, type Configuration } from '@jahskit/core';
import { categorical, ConfigurationSpace, float, integer, nb201Space, ordinal } from '@jahskit/spaces';
import { bench, describe } from 'vitest';
import { hyperparameterImportance, type ImportanceTrial } from './hyperparameterImportance';

/** 1,000 trials of a 6-parameter space: the size the dashboard's importance chart is meant to draw at once. */
function trials(space: ConfigurationSpace, value: (c: Configuration, rng: Rng) => number): ImportanceTrial[] {
  const rng = Rng.seeded(1);
  return Array.from({ length: 1000 }, () => {
    const config = space.sample(rng);
    return { config, value: value(config, rng) };
  });
}

describe('hyperparameter importance, 1,000 trials, 6 parameters, 16 trees', () => {
  const cells = nb201Space();
  const nb201 = trials(cells, (c, rng) => cells.parameters.reduce((s, p, j) => s + (c[p.name] === 'none' ? j : 0), 0) + rng.normal(0, 0.5));
  bench('NAS-Bench-201 cell (6 categorical of 5)', () => {
    hyperparameterImportance(cells, nb201);
  });

  const mixed = new ConfigurationSpace({
    parameters: [
      float('lr', 1e-5, 1, { log: true }),
      float('decay', 0, 0.1),
      integer('layers', 1, 8),
      integer('width', 16, 1024, { log: true }),
      categorical('optimizer', ['sgd', 'adam', 'rmsprop']),
      ordinal('batch', [16, 32, 64, 128]),
    ],
  });
  const mixedTrials = trials(
    mixed,
    (c, rng) => (Math.log10(c['lr'] as number) + 2.5) ** 2 + (c['optimizer'] === 'sgd' ? 1 : 0) * (c['layers'] as number) * 0.2 + rng.normal(0, 0.3),
  );
  bench('mixed space (log floats, integers, categorical, ordinal)', () => {
    hyperparameterImportance(mixed, mixedTrials);
  });
});
