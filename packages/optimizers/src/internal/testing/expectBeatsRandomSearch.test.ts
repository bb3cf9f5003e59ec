import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { optimizerContextFor, type Optimizer } from '@jahskit/core';
import { describe, expect, test } from 'vitest';
import { RandomSearch } from '../../rs/RandomSearch';
import { bestObjectiveScore } from './bestObjectiveScore';
import { BEATS_RANDOM_SEARCH_ALPHA, expectBeatsRandomSearch } from './expectBeatsRandomSearch';

// Arms that are never run: the scores below read only the seed and which arm they were given.
const ours = (): Optimizer => ({}) as Optimizer;
const random = (): Optimizer => ({}) as Optimizer;

describe('expectBeatsRandomSearch', () => {
  test('passes when every seed is won, in either direction, with the p-value of complete separation', async () => {
    const lower = await expectBeatsRandomSearch({
      create: ours,
      randomSearch: random,
      better: 'lower',
      score: (arm, seed) => (arm === ours ? seed : 100 + seed),
    });
    expect(lower.p).toBeCloseTo(1 / 12870, 15);
    expect(lower.ours).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const higher = await expectBeatsRandomSearch({
      create: ours,
      randomSearch: random,
      better: 'higher',
      score: (arm, seed) => (arm === ours ? 100 + seed : seed),
    });
    expect(higher.p).toBeCloseTo(1 / 12870, 15);
  });

  test('fails, naming the p-value and both samples, when the optimizer only ties random search', async () => {
    const tie = expectBeatsRandomSearch({ create: ours, randomSearch: random, better: 'lower', score: (_arm, seed) => seed });
    await expect(tie).rejects.toThrow(/Mann-Whitney p = .* optimizer \[1\.000, .*random search \[1\.000/);
  });

  test('one bad seed of 8 does not fail a clear win (a mean would)', async () => {
    const result = await expectBeatsRandomSearch({
      create: ours,
      randomSearch: random,
      better: 'lower',
      score: (arm, seed) => (arm === ours ? (seed === 8 ? 1e6 : seed) : 50 + seed),
    });
    expect(result.p).toBeLessThan(BEATS_RANDOM_SEARCH_ALPHA);
  });

  test('bestObjectiveScore: the best top-fidelity value of one simulated run', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    const make = (seed: number): Optimizer => new RandomSearch(optimizerContextFor(benchmark, seed));
    const best = await bestObjectiveScore(benchmark, { evaluations: 20 })(make, 3);
    const again = await bestObjectiveScore(benchmark, { evaluations: 40 })(make, 3);
    expect(best).toBeGreaterThanOrEqual(0.397887 - 1e-6);
    expect(again).toBeLessThanOrEqual(best);
  });
});
