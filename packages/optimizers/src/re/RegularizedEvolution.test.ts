import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { Rng, type Benchmark, type Configuration, type Constraint, type Observation, type OptimizerContext } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { describe, expect, test } from 'vitest';
import { categorical, ConfigurationSpace, equalsCondition, float } from '@jahskit/spaces';
import { OptimizerError } from '../errors/OptimizerError';
import { mutateOneParameter } from '../internal/mutateOneParameter';
import { regularizedEvolutionDescriptor } from './regularizedEvolutionModule';
import { makeOptimizer } from '../internal/testing/makeOptimizer';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';
import { expectDiskRoundTrip, expectUnconstrainedStateRestores } from '../internal/testing/constrainedDisk';
import { RegularizedEvolution } from './RegularizedEvolution';
import { cellContext } from './overheadFixtures';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const create = (benchmark: Benchmark, seed: number, options: unknown = {}) => makeOptimizer(regularizedEvolutionDescriptor, benchmark, seed, options);

describeOptimizerConformance({ descriptor: regularizedEvolutionDescriptor, benchmark: branin, options: { population: 8, sampleSize: 3 } });
// Default options run through the conformance kit once, with every registered plugin (cli/src/conformance*.test.ts).

describe('regularised evolution', () => {
  test('golden trace', async () => {
    const benchmark = await branin();
    await expectGoldenTrace({
      benchmark,
      optimizer: create(benchmark, 1, { population: 10, sampleSize: 3 }),
      seed: 1,
      evaluations: 30,
      file: new URL('./__golden__/re.json', import.meta.url).pathname,
    });
  });

  test('rejects bad options, naming them', () => {
    expectOptionErrors(regularizedEvolutionDescriptor, { population: 1 }, { sampleSize: 0 }, { tournament: 3 });
    let error: unknown;
    try {
      create(createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 }), 0, { population: 5, sampleSize: 6 });
    } catch (e) {
      error = e;
    }
    expect(OptimizerError.is(error) && error.kind === 'invalid-option' && error.parameter === 'sampleSize').toBe(true);
  });

  test('starts with `population` prior samples, then mutates one parameter of a tournament winner', async () => {
    const benchmark = await branin();
    const optimizer = create(benchmark, 5, { population: 4, sampleSize: 2 });
    const first = optimizer.ask(4);
    expect(first.every((t) => t.tags === undefined)).toBe(true);
    const observations: Observation[] = first.map((trial, i) => ({ trial, status: 'ok', values: [i], metrics: {}, cost: 1, constraints: [] }));
    optimizer.tell(observations);
    const [child] = optimizer.ask(1);
    const parent = first[child!.tags!['parent'] as number]!;
    const differing = Object.keys(parent.config).filter((k) => parent.config[k] !== child!.config[k]);
    expect(differing).toHaveLength(1);
    expect(benchmark.space.validate(child!.config)).toEqual(child!.config);
  });

  test('aging: only the last `population` ok results are parents; failures are ignored', () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    const optimizer = create(benchmark, 2, { population: 2, sampleSize: 2 });
    const trials = optimizer.ask(4);
    const tell = (i: number, value: number | undefined): void =>
      optimizer.tell([
        { trial: trials[i]!, status: value === undefined ? 'failed' : 'ok', values: value === undefined ? [] : [value], metrics: {}, cost: 1, constraints: [] },
      ]);
    tell(0, -100); // best, but it will age out
    tell(1, 5);
    tell(2, undefined);
    tell(3, 3);
    const parents = new Set(optimizer.ask(20).map((t) => t.tags!['parent']));
    expect([...parents].sort()).toEqual([1, 3]);
  });

  test('constraints: a feasible member wins every tournament it is drawn into, whatever the values, also after a restore', () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    const optimizer = create(benchmark, 3, { population: 2, sampleSize: 2 });
    const trials = optimizer.ask(2);
    // The lowest value breaks the constraint: it may win only a tournament that drew nothing else.
    optimizer.tell([
      { trial: trials[0]!, status: 'ok', values: [-100], metrics: {}, cost: 1, constraints: [2] },
      { trial: trials[1]!, status: 'ok', values: [5], metrics: {}, cost: 1, constraints: [-1] },
    ]);
    const resumed = create(benchmark, 3, { population: 2, sampleSize: 2 });
    resumed.restore(JSON.parse(JSON.stringify(optimizer.state())));
    for (const o of [optimizer, resumed]) {
      const parents = o.ask(40).map((t) => t.tags!['parent']);
      const feasible = parents.filter((p) => p === 1).length;
      expect(feasible).toBeGreaterThan(2 * (parents.length - feasible));
    }
  });

  describe('constraints: proposals are screened before training', () => {
    const convs = (config: Configuration): number => Object.values(config).filter((v) => v === 'nor_conv_3x3').length;
    /** At most one 3x3 convolution: a constraint on a cheap metric (a stand-in for parameters or FLOPs). */
    const fewConvs: Constraint = { expression: 'convs <= 1', uses: ['convs'], value: (v) => (v['convs'] as number) - 1 };
    /** On a metric known only after training. */
    const trained: Constraint = { expression: 'loss <= 100', uses: ['loss'], value: (v) => (v['loss'] as number) - 100 };
    /** Maximises the 3x3 convolutions (the unconstrained optimum breaks `fewConvs`), or minimises them. */
    const drive = (context: OptimizerContext, trials: number, sign = -1): Configuration[] => {
      const optimizer = new RegularizedEvolution({ population: 4, sampleSize: 2 }, context);
      const asked: Configuration[] = [];
      for (let i = 0; i < trials; i++) {
        const [trial] = optimizer.ask(1);
        asked.push(trial!.config);
        const constraints = (context.constraints ?? []).map((c) => (c === trained ? -1 : convs(trial!.config) - 1));
        optimizer.tell([{ trial: trial!, status: 'ok', values: [sign * convs(trial!.config)], metrics: {}, cost: 1, constraints }]);
      }
      return asked;
    };

    test('a prior sample or child that breaks a cheap constraint is drawn again (the study would reject it untrained)', () => {
      const context: OptimizerContext = { ...cellContext(3), cheapObjectives: (config) => ({ convs: convs(config) }), constraints: [fewConvs] };
      // A random cell breaks it with probability 0.34; ten draws all break it with probability 2e-5.
      expect(drive(context, 60).filter((config) => convs(config) > 1)).toEqual([]);
    });

    test('a configuration asked before is proposed again (a tabular benchmark would answer as before); not without constraints', () => {
      const repeats = (configs: readonly Configuration[]): number => configs.length - new Set(configs.map((c) => JSON.stringify(c))).size;
      // Minimising the number of 3x3 convolutions from a population of 4: children soon repeat.
      expect(repeats(drive(cellContext(3), 150, 1))).toBeGreaterThan(5);
      expect(repeats(drive({ ...cellContext(3), constraints: [trained] }, 150, 1))).toBeLessThanOrEqual(1);
    });

    test('the asked configurations are part of the state (replay after a restore); a state without them restores', () => {
      const create = (context: OptimizerContext) => new RegularizedEvolution({ population: 4, sampleSize: 2 }, context);
      expect((expectDiskRoundTrip(create, 12, 6) as { asked?: unknown[] }).asked).toHaveLength(12);
      expect((expectUnconstrainedStateRestores(create) as { asked?: unknown }).asked).toBeUndefined();
    });
  });

  test('beats random search on hartmann6 (best of 150 evaluations)', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    await expectBestBeatsRandomSearch((seed) => create(benchmark, seed, { population: 20, sampleSize: 5 }), benchmark, { evaluations: 150 });
  });

  test('mutated configurations are legal in a conditional space', () => {
    const space = new ConfigurationSpace({
      name: 'conditional',
      parameters: [categorical('kind', ['a', 'b']), float('x', 0, 1), float('y', 0, 1)],
      conditions: [equalsCondition('x', 'kind', 'a'), equalsCondition('y', 'kind', 'b')],
    });
    let config: Configuration = space.sample(Rng.seeded(1));
    for (let i = 0; i < 200; i++) {
      config = mutateOneParameter(space, config, Rng.seeded(1).stream(i));
      expect(space.validate(config)).toEqual(config);
    }
  });
});
