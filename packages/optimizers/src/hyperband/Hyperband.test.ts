import { describeOptimizerConformance } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { bracketSizes } from '../internal/multifidelity/SynchronousBrackets';
import { createWith, hartmannEpochs } from '../internal/multifidelity/multiFidelityFixtures';
import { hyperbandDescriptor as descriptor } from './hyperbandModule';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { studyFor } from '../internal/testing/studyFor';

describeOptimizerConformance({ descriptor, benchmark: () => hartmannEpochs(), evaluations: 30 });

describe('hyperband', () => {
  test('golden trace', async () => expectPluginGoldenTrace(descriptor, await hartmannEpochs(), {}, import.meta.url));

  test('bracket sizes follow Li et al. (R = 27, eta = 3)', () => {
    expect(bracketSizes(3, 3, 3)).toEqual([27, 9, 3, 1]);
    expect(bracketSizes(3, 2, 3)).toEqual([12, 4, 1]);
    expect(bracketSizes(3, 1, 3)).toEqual([6, 2]);
    expect(bracketSizes(3, 0, 3)).toEqual([4]);
  });

  test('options are typed errors naming the option', async () => {
    const benchmark = await hartmannEpochs();
    expect(() => createWith(descriptor, benchmark, 1, { eta: 0.5 })).toThrow(/eta/);
    expect(() => createWith(descriptor, benchmark, 1, { minBudget: 20, maxBudget: 10 })).toThrow(OptimizerError);
    expect(() => createWith(descriptor, benchmark, 1, { maxBudget: 100 })).toThrow(/maxBudget/);
  });

  test('the second bracket starts at epoch 3 after the first completes (1 worker)', async () => {
    const benchmark = await hartmannEpochs();
    const study = studyFor(benchmark, createWith(descriptor, benchmark, 2));
    const epochs: number[] = [];
    for (let i = 0; i < 41; i++) {
      const [trial] = study.ask(1);
      epochs.push(trial!.fidelity['epoch'] as number);
      const [e] = await benchmark.evaluate([{ config: trial!.config, fidelity: trial!.fidelity, seed: 0 }]);
      study.tell({ trialId: trial!.id, objectives: { y: e!.metrics['y']! }, cost: e!.cost });
    }
    expect(epochs.slice(0, 40).filter((e) => e === 1)).toHaveLength(27);
    expect(epochs[39]).toBe(27);
    expect(epochs[40]).toBe(3);
  });

  // 8 seeds give p = 0.09 here (seeds where random search is lucky); 12 give p = 0.005.
  test('beats random search at equal simulated time on hartmann6 (1500 s, 12 seeds)', async () => {
    const benchmark = await hartmannEpochs();
    await expectBestBeatsRandomSearch(
      (seed) => createWith(descriptor, benchmark, seed),
      benchmark,
      { simulatedSeconds: 1500 },
      { seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    );
  });
});
