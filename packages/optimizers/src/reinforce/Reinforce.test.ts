import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { type Benchmark, type Constraint, type Observation, type OptimizerContext, type Trial } from '@jahskit/core';
import { fc } from '@fast-check/vitest';
import { categorical, ConfigurationSpace, equalsCondition, float, forbiddenEquals, integer } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { cellContext } from '../re/overheadFixtures';
import { Reinforce } from './Reinforce';
import { reinforceDescriptor } from './reinforceModule';
import { makeOptimizer } from '../internal/testing/makeOptimizer';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';
import { expectDiskRoundTrip, expectUnconstrainedStateRestores, testMoreFeasibleThanRandom } from '../internal/testing/constrainedDisk';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const create = (benchmark: Benchmark, seed: number, options: unknown = {}) => makeOptimizer(reinforceDescriptor, benchmark, seed, options);
const ok = (trial: Trial, value: number): Observation => ({ trial, status: 'ok', values: [value], metrics: {}, cost: 1, constraints: [] });
const defaults = { learningRate: 0.1, baselineDecay: 0.9, bins: 10 };
/** Stands for the study's constraint (optimizers only count them; the test computes the values). */
const bound: Constraint = { expression: 'c <= 0', uses: ['c'], value: (v) => v['c'] as number };
const constrained = (context: OptimizerContext): OptimizerContext => ({ ...context, constraints: [bound] });

// Default options run through the conformance kit once, with every registered plugin (cli/src/conformance*.test.ts).

describe('REINFORCE', () => {
  test('golden trace', async () => expectPluginGoldenTrace(reinforceDescriptor, await branin(), {}, import.meta.url));

  test('rejects bad options, naming them', () => {
    expectOptionErrors(reinforceDescriptor, { learningRate: 0 }, { baselineDecay: 1 }, { bins: 1 }, { momentum: 0.5 });
  });

  test('the policy concentrates on the rewarded choices', () => {
    const context = cellContext(2);
    const optimizer = new Reinforce(defaults, context);
    // Reward choosing 'nor_conv_3x3' on every edge.
    for (let i = 0; i < 300; i++) {
      const [trial] = optimizer.ask(1);
      const hits = Object.values(trial!.config).filter((v) => v === 'nor_conv_3x3').length;
      optimizer.tell([ok(trial!, -hits)]);
    }
    for (const probabilities of optimizer.policy()) expect(probabilities[3]).toBeGreaterThan(0.8);
  });

  test('constraints: an infeasible result is rewarded below every feasible one, so the policy leaves the better but infeasible choice', () => {
    const optimizer = new Reinforce(defaults, constrained(cellContext(2)));
    // 'nor_conv_3x3' has the best value but breaks the constraint; 'nor_conv_1x1' is the best feasible choice.
    for (let i = 0; i < 300; i++) {
      const [trial] = optimizer.ask(1);
      const count = (op: string) => Object.values(trial!.config).filter((v) => v === op).length;
      optimizer.tell([{ ...ok(trial!, -count('nor_conv_3x3') - 0.5 * count('nor_conv_1x1')), constraints: [count('nor_conv_3x3') - 0.5] }]);
    }
    for (const probabilities of optimizer.policy()) {
      expect(probabilities[3]).toBeLessThan(0.1);
      expect(probabilities[2]).toBeGreaterThan(0.6);
    }
  });

  test('constraints: the reward is a rank, so any increasing transform of the values and violations proposes the same', () => {
    const transforms: ReadonlyArray<(x: number) => number> = [(x) => 1000 * x - 7, (x) => x ** 3, (x) => Math.exp(x), (x) => 0.001 * x];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...transforms), (seed, transform) => {
        const run = (f: (x: number) => number): unknown[] => {
          const optimizer = new Reinforce(defaults, constrained(cellContext(seed)));
          const asked: unknown[] = [];
          for (let i = 0; i < 40; i++) {
            const [trial] = optimizer.ask(1);
            asked.push(trial!.config);
            const count = (op: string): number => Object.values(trial!.config).filter((v) => v === op).length;
            const violation = count('nor_conv_3x3') - 1.5;
            // Infeasible results keep their (transformed) values: only the violation may order them.
            optimizer.tell([{ ...ok(trial!, f(count('skip_connect') - count('nor_conv_1x1'))), constraints: [violation > 0 ? f(violation) - f(0) : -1] }]);
          }
          return asked;
        };
        expect(run(transform)).toEqual(run((x) => x));
      }),
      { numRuns: 12 },
    );
  });

  test('constraints: a trial rejected on a cheap constraint (failed, with its violation) teaches the policy to avoid it', () => {
    const optimizer = new Reinforce(defaults, constrained(cellContext(4)));
    // The values of evaluated cells are noise: only the rejections carry information.
    for (let i = 0; i < 200; i++) {
      const [trial] = optimizer.ask(1);
      const convs = Object.values(trial!.config).filter((v) => v === 'nor_conv_3x3').length;
      optimizer.tell([
        convs > 0 ? { trial: trial!, status: 'failed', values: [], metrics: {}, cost: 0, constraints: [convs] } : { ...ok(trial!, 1), constraints: [-1] },
      ]);
    }
    // Uniform: 0.2 (the elite reward stops pushing once infeasible draws are rarely among the best quarter).
    for (const probabilities of optimizer.policy()) expect(probabilities[3]).toBeLessThan(0.15);
  });

  // A factorised policy over ten bins of x and of y can put its mass on the disk's square.
  testMoreFeasibleThanRandom(
    (context) => new Reinforce({ ...defaults, learningRate: 0.2 }, context),
    { evaluations: 120, skip: 20 },
    'are ranked below feasible ones, by violation',
  );

  test('constraints: the ranking is part of the state (replay after a restore); a state without it (or unconstrained) restores', () => {
    const state = expectDiskRoundTrip((context) => new Reinforce(defaults, context), 20, 10, { rejectInfeasible: true }) as { ranked?: unknown[] };
    expect(state.ranked).toHaveLength(20);
    expect((expectUnconstrainedStateRestores((context) => new Reinforce(defaults, context)) as { ranked?: unknown }).ranked).toBeUndefined();
  });

  test('drawn configurations respect conditions and forbidden clauses; the policy has one value per choice or bin', () => {
    const space = new ConfigurationSpace({
      name: 'conditional',
      parameters: [categorical('kind', ['a', 'b']), float('x', 0, 1), integer('n', 1, 4), categorical('c', ['p', 'q'])],
      conditions: [equalsCondition('x', 'kind', 'a'), equalsCondition('n', 'kind', 'b')],
      forbiddens: [forbiddenEquals('c', 'q')],
    });
    const none = new ConfigurationSpace({ name: 'none', parameters: [] });
    const optimizer = new Reinforce(defaults, { space, fidelitySpace: none, objectives: [{ name: 'y', direction: 'minimize', cheap: false }], seed: 1 });
    for (let i = 0; i < 100; i++) {
      const [trial] = optimizer.ask(1);
      expect(space.validate(trial!.config)).toEqual(trial!.config);
      expect(trial!.config['c']).toBe('p');
      // Reward kind 'b', under which x is inactive.
      optimizer.tell([ok(trial!, trial!.config['kind'] === 'b' ? 0 : 1)]);
    }
    const [kind, x, n] = optimizer.policy();
    expect(kind![1]).toBeGreaterThan(0.7);
    expect(x).toHaveLength(10);
    expect(n).toHaveLength(4);
  });

  test('beats random search on hartmann6 (best of 150 evaluations)', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    await expectBestBeatsRandomSearch((seed) => create(benchmark, seed), benchmark, { evaluations: 150 });
  });
});
