import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { OptimizerDescriptor } from '../plugin/PluginDescriptor';
import { conformanceBenchmark } from './conformanceBenchmark';
import { fixtureRandomOptimizer, unitIntervalSpace } from './coreFixtures';
import { describeOptimizerConformance } from './optimizerConformance';

describe('conformanceBenchmark', () => {
  test('m minimised objectives from the encoding plus 1/epoch; cost is epochs times the factor', async () => {
    const benchmark = conformanceBenchmark(unitIntervalSpace(), { objectives: 3, costFactor: (v) => 1 + v[0]! });
    expect(benchmark.objectives.map((o) => o.name)).toEqual(['f1', 'f2', 'f3']);
    const [a, b] = await benchmark.evaluate([
      { config: { x: 0.3 }, fidelity: { epoch: 9 }, seed: 1 },
      { config: { x: 0.3 }, fidelity: { epoch: 9 }, seed: 2 },
    ]);
    expect(a).toEqual(b);
    expect(a!.metrics['f1']).toBeCloseTo(1 / 9, 12);
    expect(a!.metrics['f2']).toBeCloseTo(0.25 + 1 / 9, 12);
    expect(a!.cost).toBeCloseTo(9 * 1.3, 12);
  });
});

// The kit over core's own fixture optimizer: the capability checks hold for a truthful declaration.
const fixtureDescriptor: OptimizerDescriptor = {
  id: 'fixture-random',
  summary: 'random sampling at the top fidelity',
  options: z.object({}),
  capabilities: { objectives: 'any', multiFidelity: false, asynchronous: true },
  create: (_options, context) => fixtureRandomOptimizer(context.space, context.fidelitySpace.defaultConfiguration(), context.seed),
};
describeOptimizerConformance({
  descriptor: fixtureDescriptor,
  benchmark: async () => conformanceBenchmark(unitIntervalSpace(), { objectives: 1 }),
  evaluations: 12,
  numRuns: 1,
});
