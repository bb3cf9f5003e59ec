import { Rng, simulate, validateOptions, type Benchmark, type Optimizer, type OptimizerContext } from '@jahskit/core';
import { describeOptimizerConformance } from '@jahskit/core/testing';
import { createNb201Benchmark, createSyntheticBenchmark, loadNb201Table } from '@jahskit/benchmarks';
import { categorical, ConfigurationSpace, equalsCondition, float, integer, ordinal } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { fitParzen } from '../internal/kde/ParzenEstimator';
import { goodCount, TreeParzenEstimator } from './TreeParzenEstimator';
import { tpeDescriptor } from './tpeModule';
import { diskContext, driveDisk, expectDiskRoundTrip, expectMoreFeasibleThanRandom } from '../internal/testing/constrainedDisk';
import { makeOptimizer } from '../internal/testing/makeOptimizer';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';
import { expectBestBeatsRandomSearch } from '../internal/testing/expectBestBeatsRandomSearch';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';

const hartmann = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'hartmann6', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const make = (benchmark: Benchmark, seed: number, options: unknown = {}): Optimizer => makeOptimizer(tpeDescriptor, benchmark, seed, options);

// Default options run through the conformance kit once, with every registered plugin (cli/src/conformance*.test.ts).
describeOptimizerConformance({ descriptor: tpeDescriptor, benchmark: hartmann, evaluations: 16, options: { multivariate: true, startupTrials: 5 } });

describe('tpe', () => {
  test('golden trace', async () => expectPluginGoldenTrace(tpeDescriptor, await hartmann(), {}, import.meta.url));

  test('options are validated with typed errors naming the option', () => {
    expectOptionErrors(tpeDescriptor, { gamma: 1.5 }, { candidates: 0 }, { bogus: 1 });
  });

  test('gamma: Optuna-like count by default, a fraction otherwise', () => {
    expect(goodCount('auto', 10)).toBe(1);
    expect(goodCount('auto', 1000)).toBe(25);
    expect(goodCount(0.15, 100)).toBe(15);
  });

  test('beats random search on hartmann6 (best of 60 evaluations)', async () => {
    const benchmark = await hartmann();
    await expectBestBeatsRandomSearch((seed) => make(benchmark, seed), benchmark, { evaluations: 60 });
  });

  test('conditional parameters are modelled only where active; proposals are legal', async () => {
    const space = new ConfigurationSpace({
      name: 'cond',
      parameters: [categorical('kind', ['a', 'b']), float('x', 0, 1), integer('n', 1, 64, { log: true }), ordinal('o', [1, 2, 4, 8])],
      conditions: [equalsCondition('x', 'kind', 'a')],
    });
    const optimizer = tpeDescriptor.create(validateOptions(tpeDescriptor.options, { startupTrials: 5 }, 'tpe'), {
      space,
      fidelitySpace: new ConfigurationSpace({ name: 'none', parameters: [] }),
      objectives: [{ name: 'y', direction: 'minimize', cheap: false }],
      seed: 3,
    });
    for (let round = 0; round < 30; round++) {
      const [trial] = optimizer.ask(1);
      expect(space.validate(trial!.config)).toEqual(trial!.config);
      const c = trial!.config;
      const y = (c['kind'] === 'a' ? (c['x'] as number) : 1) + Math.abs(Math.log2(c['n'] as number) - 3) / 6;
      optimizer.tell([{ trial: trial!, status: 'ok', values: [y], metrics: {}, cost: 1, constraints: [] }]);
    }
    const rng = Rng.seeded(1);
    const parzen = fitParzen(
      space,
      Array.from({ length: 20 }, () => space.sample(rng)),
    );
    const drawn = parzen.sample(rng, 10);
    expect(parzen.logDensity(drawn).every(Number.isFinite)).toBe(true);
  });
});

describe('tpe with priors', () => {
  const space = new ConfigurationSpace({
    name: 'prior',
    parameters: [float('x', 0, 1, { prior: { kind: 'normal', mu: 0.8, sigma: 0.05 } }), categorical('c', ['a', 'b', 'c'], { weights: [1, 1, 8] })],
  });
  const context = (seed: number) => ({
    space,
    fidelitySpace: new ConfigurationSpace({ name: 'none', parameters: [] }),
    objectives: [{ name: 'y', direction: 'minimize' as const, cheap: false }],
    seed,
  });
  /** `rounds` sequential trials of TPE (10 start-up draws) on `runSpace`, whose optimum (x = 0.8, c = 'c') is where the priors point. */
  const runOn = (runSpace: ConfigurationSpace, options: unknown, seed: number, rounds: number) => {
    const optimizer = tpeDescriptor.create(validateOptions(tpeDescriptor.options, { startupTrials: 10, ...(options as object) }, 'tpe'), {
      ...context(seed),
      space: runSpace,
    });
    const configs = [];
    for (let round = 0; round < rounds; round++) {
      const [trial] = optimizer.ask(1);
      const c = trial!.config;
      expect(runSpace.validate(c)).toEqual(c);
      configs.push(c);
      optimizer.tell([
        { trial: trial!, status: 'ok', values: [Math.abs((c['x'] as number) - 0.8) + (c['c'] === 'c' ? 0 : 0.5)], metrics: {}, cost: 1, constraints: [] },
      ]);
    }
    return configs;
  };
  const run = (options: unknown, seed: number, rounds: number) => runOn(space, options, seed, rounds);

  test('start-up draws follow the prior with prior: true, are uniform by default', () => {
    const near = (configs: Record<string, unknown>[]) => configs.filter((c) => Math.abs((c['x'] as number) - 0.8) < 0.15).length;
    expect(near(run({ prior: true }, 1, 10))).toBeGreaterThanOrEqual(9);
    expect(near(run({}, 1, 10))).toBeLessThanOrEqual(6);
  });

  test("prior: true is deterministic per seed and finds the prior's region", () => {
    const a = run({ prior: true }, 2, 25);
    expect(run({ prior: true }, 2, 25)).toEqual(a);
    const regret = (configs: Record<string, unknown>[]) => Math.min(...configs.map((c) => Math.abs((c['x'] as number) - 0.8) + (c['c'] === 'c' ? 0 : 0.5)));
    expect(regret(a)).toBeLessThan(0.05);
    // After start-up the piBO term keeps most proposals in the prior's region.
    expect(a.slice(10).filter((c) => c['c'] === 'c' && Math.abs((c['x'] as number) - 0.8) < 0.2).length).toBeGreaterThanOrEqual(10);
  });

  // A user's belief as a configuration (what practitioners bring): centred on it, as PriorBand's prior.
  const plain = new ConfigurationSpace({ name: 'plain', parameters: [float('x', 0, 1), categorical('c', ['a', 'b', 'c'])] });
  const plainRun = (options: unknown, seed: number, rounds: number) => runOn(plain, options, seed, rounds);

  test('a configuration as prior: start-up draws centred on it (width priorConfidence), deterministic per seed', () => {
    const near = (configs: Record<string, unknown>[]) => configs.filter((c) => Math.abs((c['x'] as number) - 0.8) < 0.15).length;
    const high = plainRun({ prior: { x: 0.8, c: 'c' }, priorConfidence: 'high' }, 1, 10);
    expect(near(high)).toBeGreaterThanOrEqual(8);
    expect(high.filter((c) => c['c'] === 'c').length).toBeGreaterThanOrEqual(5);
    expect(plainRun({ prior: { x: 0.8, c: 'c' }, priorConfidence: 'high' }, 1, 10)).toEqual(high);
    expect(near(plainRun({}, 1, 10))).toBeLessThanOrEqual(6);
    // After start-up the piBO term (10/n) log pi(x) keeps most proposals near the centre.
    const run = plainRun({ prior: { x: 0.8, c: 'c' } }, 2, 25);
    expect(run.slice(10).filter((c) => c['c'] === 'c' && Math.abs((c['x'] as number) - 0.8) < 0.2).length).toBeGreaterThanOrEqual(10);
  });

  test('a configuration prior naming an unknown parameter or an illegal value is an invalid-option naming it', () => {
    const create = (prior: unknown) => () => plainRun({ prior }, 1, 1);
    expect(create({ y: 1 })).toThrow(expect.objectContaining({ kind: 'invalid-option', parameter: 'prior.y' }));
    expect(create({ c: 'd' })).toThrow(expect.objectContaining({ kind: 'invalid-option', parameter: 'prior.c' }));
    expect(() => validateOptions(tpeDescriptor.options, { priorConfidence: 'huge' }, 'tpe')).toThrow(/priorConfidence/);
  });
});

describe('tpe with constraints (c-TPE)', () => {
  const create = (context: OptimizerContext, options: unknown = {}) =>
    tpeDescriptor.create(validateOptions(tpeDescriptor.options, { startupTrials: 10, ...(options as object) }, 'tpe'), context);

  test("the unconstrained optimum is infeasible: more proposals land in the feasible disk than random search's", async () => {
    await expectMoreFeasibleThanRandom((context) => create(context), { evaluations: 50, skip: 10 });
    await expectMoreFeasibleThanRandom((context) => create(context, { multivariate: true }), { evaluations: 50, skip: 10 });
  });

  test('trials rejected by a cheap constraint (failed, with their violation) steer the split too', async () => {
    await expectMoreFeasibleThanRandom((context) => create(context), { evaluations: 50, skip: 10, rejectInfeasible: true });
  });

  test('state round trip keeps the constraint values; an old state (no constraint values) restores as unconstrained', () => {
    const state = expectDiskRoundTrip((context) => create(context), 25, 10, { rejectInfeasible: true }) as { observations: unknown[][] };
    expect(state.observations.every((o) => o.length === 4)).toBe(true);
    expect(state.observations.some((o) => o[2] === null)).toBe(true);
    const old = { ...state, observations: state.observations.filter((o) => o[2] !== null).map((o) => o.slice(0, 3)) };
    const restored = create(diskContext(5, { constrained: false }));
    restored.restore(old as never);
    expect(driveDisk(restored, 3, { constrained: false })).toHaveLength(3);
    const plain = create(diskContext(5, { constrained: false }));
    driveDisk(plain, 12, { constrained: false });
    expect((plain.state() as { observations: unknown[][] }).observations.every((o) => o.length === 3)).toBe(true);
  });
});

describe('tpe on a discrete, deterministic benchmark', () => {
  test('never re-proposes an asked configuration, and does re-propose with avoidDuplicates off', async () => {
    const benchmark = createNb201Benchmark(await loadNb201Table(), { instance: 'cifar10', objectives: ['valid_error'], noise: 'mean' });
    const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 0 };
    const distinct = async (avoidDuplicates: boolean) => {
      const options = tpeDescriptor.options.parse({ avoidDuplicates });
      const run = await simulate({ benchmark, optimizer: new TreeParzenEstimator(options, context), seed: 0, budget: { evaluations: 120 } });
      return new Set(run.records.map((r) => JSON.stringify(r.trial.config))).size;
    };
    expect(await distinct(true)).toBe(120);
    expect(await distinct(false)).toBeLessThan(120);
  });
});
