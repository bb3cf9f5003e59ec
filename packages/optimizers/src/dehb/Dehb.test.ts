import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { createWith, hartmannEpochs, randomSearchFor } from '../internal/multifidelity/multiFidelityFixtures';
import { dehbDescriptor as descriptor } from './dehbModule';
import { expectBeatsRandomSearch } from '../internal/testing/expectBeatsRandomSearch';
import { bestObjectiveScore } from '../internal/testing/bestObjectiveScore';

describeOptimizerConformance({ descriptor, benchmark: () => hartmannEpochs(9), evaluations: 40 });

describe('dehb', () => {
  test('golden trace', async () => {
    const benchmark = await hartmannEpochs(9);
    await expectGoldenTrace({ benchmark, optimizer: createWith(descriptor, benchmark, 1), seed: 1, evaluations: 30, file: new URL('./__golden__/dehb.json', import.meta.url).pathname });
  });

  test('options are typed errors naming the option', async () => {
    const benchmark = await hartmannEpochs();
    expect(() => createWith(descriptor, benchmark, 1, { mutationFactor: 0 })).toThrow(/mutationFactor/);
    expect(() => createWith(descriptor, benchmark, 1, { minBudget: 10, maxBudget: 5 })).toThrow(OptimizerError);
  });

  test('after the first Hyperband iteration rungs hold DE children trained from scratch', async () => {
    const benchmark = await hartmannEpochs(9);
    const { simulate } = await import('@jahskit/core');
    const run = await simulate({ benchmark, optimizer: createWith(descriptor, benchmark, 5), seed: 5, budget: { evaluations: 80 } });
    const late = run.records.filter((r) => (r.trial.tags?.['bracket'] as number) >= 3);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r.trial.continues === undefined)).toBe(true);
  });

  test('beats random search at equal simulated time on hartmann6 (3000 s)', async () => {
    const benchmark = await hartmannEpochs();
    await expectBeatsRandomSearch({
      create: (seed) => createWith(descriptor, benchmark, seed),
      randomSearch: randomSearchFor(benchmark),
      score: bestObjectiveScore(benchmark, { simulatedSeconds: 3000 }),
      better: 'lower',
    });
  });
});
