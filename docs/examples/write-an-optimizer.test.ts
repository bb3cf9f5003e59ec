import { createRegistry, simulate } from '@jahskit/core';
import { describeOptimizerConformance } from '@jahskit/core/testing';
import { createSyntheticBenchmark, syntheticModule } from '@jahskit/benchmarks';
import { expect, test } from 'vitest';
import { hillClimberDescriptor, hillClimberModule } from './write-an-optimizer';

const branin = async () => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });

// The same properties every shipped optimizer passes.
describeOptimizerConformance({ descriptor: hillClimberDescriptor, benchmark: branin });

test('the guide plugin loads into a registry and runs a study', async () => {
  const registry = createRegistry([hillClimberModule, syntheticModule]);
  const benchmark = await registry.createBenchmark('synthetic', { instance: 'branin', maxEpoch: 1 }, { env: {} });
  const optimizer = registry.createOptimizer('hill-climber', { explore: 0.1 }, { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 });
  const run = await simulate({ benchmark, optimizer, seed: 1, budget: { evaluations: 100 } });
  expect(run.study.best()!.objectives['y']).toBeLessThan(1);
});
