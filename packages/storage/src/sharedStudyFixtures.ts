import { createRegistry, EMPTY_SPACE, type Configuration, type CreateStudyOptions, type StudyParts, type StudySpec, type StudyStorage } from '@jahskit/core';
import { randomSearchModule } from '@jahskit/optimizers';
import { categorical, ConfigurationSpace, float, integer } from '@jahskit/spaces';

/**
 * The study that the multi-process test and the storage benchmark share between processes: random
 * search (the registry's `rs`) on a small space, as an app would set it up (see
 * docs/examples/ask-tell-in-an-app.ts). Every process builds the same parts from the spec.
 */
export const sharedSpace = new ConfigurationSpace({
  name: 'shared-study',
  parameters: [float('lr', 1e-4, 1e-1, { log: true }), integer('layers', 1, 8), categorical('activation', ['relu', 'gelu'])],
});

const registry = createRegistry([randomSearchModule]);

export function sharedStudyOptions(storage: StudyStorage, name: string, worker: string, graceSeconds = 60): CreateStudyOptions {
  return {
    storage,
    name,
    worker,
    space: sharedSpace,
    objectives: ['loss'],
    optimizer: { id: 'rs' },
    seed: 7,
    graceSeconds,
    parts: sharedStudyParts,
  };
}

/** What every process builds from the study's spec: the space and a fresh optimizer. */
export function sharedStudyParts(spec: Pick<StudySpec, 'optimizer' | 'objectives' | 'seed'>): StudyParts {
  return {
    space: sharedSpace,
    optimizer: registry.createOptimizer(spec.optimizer.id, spec.optimizer.options, {
      space: sharedSpace,
      fidelitySpace: EMPTY_SPACE,
      objectives: spec.objectives,
      seed: spec.seed,
    }),
  };
}

/** A synthetic objective: cheap, deterministic, minimised near lr = 10^-2.5, 4 layers, gelu. */
export function sharedObjective(config: Configuration): number {
  const lr = config['lr'] as number;
  return (Math.log10(lr) + 2.5) ** 2 + 0.1 * Math.abs((config['layers'] as number) - 4) + (config['activation'] === 'gelu' ? 0 : 0.05);
}
