import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { optimizerContextFor, validateOptions, type Benchmark, type Observation, type OptimizerContext } from '@jahskit/core';
import { categorical, ConfigurationSpace, equalsCondition, float, integer } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { gpboDescriptor } from './gpboModule';
import { diskContext, expectDiskRoundTrip, expectUnconstrainedStateRestores, testMoreFeasibleThanRandom } from '../internal/testing/constrainedDisk';
import { optimizerErrorOf } from '../internal/testing/optimizerErrorOf';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { describeOptimizerBasics } from '../internal/testing/describeOptimizerBasics';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const create = (context: OptimizerContext, options: unknown = {}) => gpboDescriptor.create(validateOptions(gpboDescriptor.options, options, 'gpbo'), context);
const small = { initialTrials: 5, randomCandidates: 30, mutationCandidates: 30 };

describeOptimizerBasics(gpboDescriptor, import.meta.url, {
  benchmark: branin,
  options: small,
  badOptions: [{ initialTrials: 0 }, { xi: -1 }, { maxTrainingPoints: 1 }, { kernel: 'rbf' }],
});

describe('gpbo', () => {
  test('no candidates at all is a typed error naming randomCandidates', async () => {
    const context = optimizerContextFor(await branin(), 0);
    expect(optimizerErrorOf(() => create(context, { randomCandidates: 0, mutationCandidates: 0 }))).toMatchObject({
      kind: 'invalid-option',
      parameter: 'randomCandidates',
    });
  });

  test('batches are distinct and legal in a conditional mixed space; failures are never re-proposed', () => {
    const space = new ConfigurationSpace({
      name: 'mixed',
      parameters: [categorical('kind', ['a', 'b', 'c']), float('x', 0.001, 1, { log: true }), integer('n', 1, 5), categorical('y', ['p', 'q'])],
      conditions: [equalsCondition('x', 'kind', 'a'), equalsCondition('y', 'kind', 'b')],
    });
    const context: OptimizerContext = {
      space,
      fidelitySpace: new ConfigurationSpace({ name: 'none', parameters: [] }),
      objectives: [{ name: 'loss', direction: 'minimize', cheap: false }],
      seed: 3,
    };
    const optimizer = create(context, { initialTrials: 4 });
    const seen = new Set<string>();
    const failed = new Set<string>();
    for (let round = 0; round < 5; round++) {
      const trials = optimizer.ask(4);
      expect(trials).toHaveLength(4);
      const observations: Observation[] = trials.map((trial, i) => {
        expect(space.validate(trial.config)).toEqual(trial.config);
        const key = JSON.stringify(trial.config);
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        if (i === 0) {
          failed.add(key);
          return { trial, status: 'failed', values: [], metrics: {}, cost: 1, constraints: [] };
        }
        const c = trial.config;
        return { trial, status: 'ok', values: [(c['kind'] === 'a' ? (c['x'] as number) : 1) + (c['n'] as number) / 10], metrics: {}, cost: 1, constraints: [] };
      });
      optimizer.tell(observations);
    }
  });

  test('beats random search on Hartmann-6 (best of 40 evaluations)', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    await expectBestBeatsRandomSearch((seed) => create(optimizerContextFor(benchmark, seed), { randomCandidates: 50, mutationCandidates: 50 }), benchmark, {
      evaluations: 40,
    });
  });
});

describe('gpbo with constraints (constrained EI)', () => {
  const constrained = (context: OptimizerContext) => create(context, { initialTrials: 8, randomCandidates: 30, mutationCandidates: 30 });

  testMoreFeasibleThanRandom(constrained, { evaluations: 30, skip: 8 }, 'teach the constraint model');

  test('cheap-constraint rejections alone are enough to model: it looks for the feasible region before any result', () => {
    const optimizer = constrained(diskContext(2));
    for (let i = 0; i < 8; i++) {
      const [trial] = optimizer.ask(1);
      const x = trial!.config['x'] as number;
      optimizer.tell([{ trial: trial!, status: 'failed', values: [], metrics: {}, cost: 0, constraints: [0.1 + x] }]);
    }
    const [next] = optimizer.ask(1);
    expect(next!.tags?.['feasibility']).toBeGreaterThan(0);
    // The violation grows with x: the probability of feasibility pulls x down.
    expect(next!.config['x']).toBeLessThan(0.3);
  });

  test('state round trip keeps the constraint values and models; a state for another number of constraints is refused by name', () => {
    const state = expectDiskRoundTrip(constrained, 14, 4, { rejectInfeasible: true }) as {
      history: { ok: { constraints?: number[] }[]; rejected?: unknown[] };
      constraintModels?: unknown[];
    };
    expect(state.history.ok.every((e) => e.constraints?.length === 1)).toBe(true);
    expect(state.history.rejected?.length).toBeGreaterThan(0);
    expect(state.constraintModels).toHaveLength(1);
    const error = optimizerErrorOf(() => constrained(diskContext(5)).restore({ ...state, constraintModels: [] } as never));
    expect(error?.parameter).toBe('state.constraintModels');
    // A state saved before constraints (no models, no constraint values) restores.
    const old = expectUnconstrainedStateRestores(constrained) as { constraintModels?: unknown; history: { rejected?: unknown } };
    expect(old.constraintModels).toBeUndefined();
    expect(old.history.rejected).toBeUndefined();
  });
});
