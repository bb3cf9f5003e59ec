import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { optimizerContextFor, validateOptions, type Benchmark, type Observation, type OptimizerContext } from '@jahskit/core';
import { ConfigurationSpace, nb201OpIndices, nb201Space } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { bananasDescriptor } from './bananasModule';
import { expectDiskRoundTrip, expectUnconstrainedStateRestores, testMoreFeasibleThanRandom } from '../internal/testing/constrainedDisk';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { optimizerErrorOf } from '../internal/testing/optimizerErrorOf';
import { describeOptimizerBasics } from '../internal/testing/describeOptimizerBasics';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const create = (context: OptimizerContext, options: unknown = {}) =>
  bananasDescriptor.create(validateOptions(bananasDescriptor.options, options, 'bananas'), context);
const small = { initialTrials: 5, trainingSteps: 30, members: 3, candidates: 30, retrainEvery: 4 };

describeOptimizerBasics(bananasDescriptor, import.meta.url, {
  benchmark: branin,
  options: small,
  badOptions: [{ members: 0 }, { encoding: 'adjacency' }, { learningRate: 0 }, { layers: 2 }],
});

describe('bananas', () => {
  test('no candidates at all is a typed error naming candidates', async () => {
    const context = optimizerContextFor(await branin(), 0);
    expect(optimizerErrorOf(() => create(context, { candidates: 0, randomCandidates: 0 }))).toMatchObject({ kind: 'invalid-option', parameter: 'candidates' });
  });

  // A cell objective with structure: conv3x3 (code 3) everywhere is best.
  const cellValue = (config: Record<string, unknown>): number => nb201OpIndices(config as never).reduce((s, op) => s + (op === 3 ? 0 : op === 2 ? 0.5 : 1), 0);

  test.each(['path', 'onehot'] as const)('a batch on a cell space is n distinct legal configurations, never repeated (%s encoding)', (encoding) => {
    const space = nb201Space();
    const context: OptimizerContext = {
      space,
      fidelitySpace: new ConfigurationSpace({ name: 'none', parameters: [] }),
      objectives: [{ name: 'loss', direction: 'minimize', cheap: false }],
      seed: 2,
    };
    const optimizer = create(context, { initialTrials: 5, trainingSteps: 40, encoding });
    const seen = new Set<string>();
    let best = Infinity;
    for (let round = 0; round < 8; round++) {
      const trials = optimizer.ask(5);
      expect(trials).toHaveLength(5);
      const observations: Observation[] = trials.map((trial) => {
        expect(space.validate(trial.config)).toEqual(trial.config);
        const key = JSON.stringify(trial.config);
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        best = Math.min(best, cellValue(trial.config));
        return { trial, status: 'ok', values: [cellValue(trial.config)], metrics: {}, cost: 1, constraints: [] };
      });
      optimizer.tell(observations);
    }
    // 40 of 15,625 cells: random search's best is about 2 in expectation; the model must do better.
    expect(best).toBeLessThanOrEqual(1.5);
  });

  // At 60 evaluations the one-hot fallback is not yet clearly ahead (p = 0.10 over 8 seeds); at 100 it is (p = 0.02).
  test('beats random search on Hartmann-6 (one-hot fallback on numeric spaces; best of 100 evaluations)', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    await expectBestBeatsRandomSearch((seed) => create(optimizerContextFor(benchmark, seed), { trainingSteps: 80 }), benchmark, { evaluations: 100 });
  });
});

describe('bananas with constraints (standing-order targets)', () => {
  // The ensemble must learn a sharp edge (the disk's boundary): the default training, not the golden trace's short one.
  const constrained = (context: OptimizerContext) => create(context, { initialTrials: 8, candidates: 30, members: 3 });

  testMoreFeasibleThanRandom(constrained, { evaluations: 30, skip: 8 }, 'are learnt as infeasible');

  test('state round trip keeps the constraint values and the rejections trained on; an older state restores', () => {
    const state = expectDiskRoundTrip(constrained, 14, 6, { rejectInfeasible: true }) as { history: { rejected?: unknown[] }; rejectedAt?: number };
    expect(state.history.rejected?.length).toBeGreaterThan(0);
    expect(state.rejectedAt).toBeGreaterThan(0);
    expect((expectUnconstrainedStateRestores(constrained) as { rejectedAt?: number }).rejectedAt).toBeUndefined();
  });
});
