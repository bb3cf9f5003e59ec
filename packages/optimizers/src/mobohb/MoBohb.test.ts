import { validateOptions } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { makeOptimizer, randomSearch, runHypervolume, syntheticMo } from '../internal/mo/moFixtures';
import { mobohbDescriptor } from './mobohbModule';
import { expectBeatsRandomSearch } from '../internal/testing/expectBeatsRandomSearch';

const zdt1 = syntheticMo('zdt1');

describeOptimizerConformance({ descriptor: mobohbDescriptor, benchmark: zdt1, options: { minPoints: 4 }, evaluations: 30 });
describeOptimizerConformance({ descriptor: mobohbDescriptor, benchmark: syntheticMo('dtlz2-3'), options: { minPoints: 4 }, evaluations: 20 });

describe('mobohb', () => {
  test('golden trace', async () => {
    const benchmark = await zdt1();
    await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(mobohbDescriptor, benchmark, 1, { minPoints: 4 }), seed: 1, evaluations: 30, file: new URL('./__golden__/mobohb.json', import.meta.url).pathname });
  });

  test('options are validated with typed errors naming the option', async () => {
    const benchmark = await zdt1();
    expect(() => validateOptions(mobohbDescriptor.options, { eta: 1 }, 'mobohb')).toThrow(/eta/);
    expect(() => validateOptions(mobohbDescriptor.options, { randomFraction: 2 }, 'mobohb')).toThrow(/randomFraction/);
    expect(() => validateOptions(mobohbDescriptor.options, { bogus: 1 }, 'mobohb')).toThrow(/bogus/);
    expect(() => makeOptimizer(mobohbDescriptor, benchmark, 1, { minBudget: 20, maxBudget: 10 })).toThrow(/minBudget/);
  });

  test('needs a fidelity', async () => {
    const benchmark = await syntheticMo('zdt1', 1)();
    expect(() => makeOptimizer(mobohbDescriptor, benchmark, 1)).toThrow(/fidelity/);
  });

  test('promotions continue earlier trials and use higher fidelities', async () => {
    const benchmark = await zdt1();
    const optimizer = makeOptimizer(mobohbDescriptor, benchmark, 3, { minPoints: 4 });
    const trials = optimizer.ask(100);
    expect(trials.every((t) => t.continues === undefined)).toBe(true);
    optimizer.tell(trials.map((trial, i) => ({ trial, status: 'ok' as const, values: [i % 7, 7 - (i % 7) + i / 100], metrics: {}, cost: 1, constraints: [] })));
    const next = optimizer.ask(100);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((t) => t.continues !== undefined && (t.fidelity['epoch'] as number) > (trials[0]!.fidelity['epoch'] as number))).toBe(true);
  });

  // At 3000 s the win is not yet clear over 8 seeds (p = 0.10); at 6000 s it is (p < 0.001).
  test('beats random search on DTLZ2 (3 objectives) at equal simulated time (hypervolume, 6000 s)', async () => {
    const benchmark = await syntheticMo('dtlz2-3')();
    await expectBeatsRandomSearch({
      create: (seed) => makeOptimizer(mobohbDescriptor, benchmark, seed),
      randomSearch: (seed) => randomSearch(benchmark, seed),
      score: (make, seed) => runHypervolume(benchmark, make(seed), seed, { simulatedSeconds: 6000 }),
      better: 'higher',
    });
  });
});
