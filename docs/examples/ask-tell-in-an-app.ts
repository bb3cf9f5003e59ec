import { createRegistry, EMPTY_SPACE, Study, type Configuration, type Objective, type TrialRecord } from '@jahskit/core';
import { randomSearchModule } from '@jahskit/optimizers';
import { categorical, ConfigurationSpace, float, integer } from '@jahskit/spaces';

// 1. The space of your own training script.
const space = new ConfigurationSpace({
  name: 'my-net',
  parameters: [
    float('lr', 1e-4, 1e-1, { log: true }),
    integer('layers', 1, 8),
    categorical('activation', ['relu', 'gelu']),
  ],
});
const objectives: Objective[] = [{ name: 'val_loss', direction: 'minimize', cheap: false }];

// 2. Your training code. Here a stand-in that "diverges" for large learning rates.
function train(config: Configuration): number {
  const lr = config['lr'] as number;
  if (lr > 0.08) throw new Error('loss is NaN');
  return (Math.log10(lr) + 2.5) ** 2 + 0.1 * Math.abs((config['layers'] as number) - 4) + (config['activation'] === 'gelu' ? 0 : 0.05);
}

// 3. Ask, train, tell. Only the plugins you load exist: here, random search.
export function tuneMyNet(seed: number, trials: number): TrialRecord | undefined {
  const registry = createRegistry([randomSearchModule]);
  const optimizer = registry.createOptimizer('rs', {}, { space, fidelitySpace: EMPTY_SPACE, objectives, seed });
  const study = new Study({ space, objectives, optimizer });
  for (let i = 0; i < trials; i++) {
    for (const trial of study.ask(1)) {
      try {
        study.tell({ trialId: trial.id, objectives: { val_loss: train(trial.config) } });
      } catch {
        // A failed training run is told as such; the optimizer sees it and the history keeps it.
        study.tell({ trialId: trial.id, status: 'failed' });
      }
    }
  }
  return study.best();
}
