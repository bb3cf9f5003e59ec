import { simulate } from '@jahskit/core';
import { expectGoldenTrace } from '@jahskit/core/testing';
import { createNb201Benchmark, createSyntheticBenchmark, loadNb201Table } from '@jahskit/benchmarks';
import { validateOptions } from '@jahskit/core';
import { categorical, ConfigurationSpace, float } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { RandomSearch } from './RandomSearch';
import { randomSearchDescriptor } from './randomSearchModule';

describe('random search', () => {
  test('the same seed evaluates the same configurations with 1, 4 and 16 workers (NB201)', async () => {
    const benchmark = createNb201Benchmark(await loadNb201Table(), { instance: 'cifar10', objectives: ['valid_error'], noise: 'seed' });
    const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 5 };
    const evaluated = async (workers: number) => {
      const run = await simulate({ benchmark, optimizer: new RandomSearch(context), seed: 5, workers, budget: { evaluations: 64 } });
      return run.records.map((r) => JSON.stringify([r.trial.id, r.trial.config, r.objectives])).sort();
    };
    const one = await evaluated(1);
    expect(one).toHaveLength(64);
    expect(await evaluated(4)).toEqual(one);
    expect(await evaluated(16)).toEqual(one);
  });

  test('golden trace', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
    const context = { space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 };
    await expectGoldenTrace({
      benchmark,
      optimizer: new RandomSearch(context),
      seed: 1,
      evaluations: 20,
      file: new URL('./__golden__/rs.json', import.meta.url).pathname,
    });
  });

  test('prior: true draws from the priors, the default draws uniformly; both deterministic per seed', () => {
    const space = new ConfigurationSpace({
      parameters: [
        float('lr', 1e-4, 1, { log: true, prior: { kind: 'normal', mu: Math.log(1e-2), sigma: 0.2 } }),
        categorical('op', ['a', 'b'], { weights: [1, 9] }),
      ],
    });
    const context = {
      space,
      fidelitySpace: new ConfigurationSpace({ parameters: [] }),
      objectives: [{ name: 'y', direction: 'minimize' as const, cheap: false }],
      seed: 4,
    };
    const draws = (options: unknown) => {
      const rs = randomSearchDescriptor.create(validateOptions(randomSearchDescriptor.options, options, 'rs'), context);
      return rs.ask(400).map((t) => t.config);
    };
    const near = (configs: { lr?: unknown }[]) => configs.filter((c) => Math.abs(Math.log10(c.lr as number) + 2) < 0.5).length / configs.length;
    const fromPrior = draws({ prior: true });
    const uniform = draws({});
    expect(near(fromPrior)).toBeGreaterThan(0.9);
    expect(near(uniform)).toBeLessThan(0.4);
    expect(fromPrior.filter((c) => c['op'] === 'b').length / 400).toBeGreaterThan(0.8);
    expect(uniform.filter((c) => c['op'] === 'b').length / 400).toBeLessThan(0.65);
    expect(draws({ prior: true })).toEqual(fromPrior);
    for (const c of [...fromPrior, ...uniform]) expect(space.validate(c)).toEqual(c);
    expect(() => validateOptions(randomSearchDescriptor.options, { prior: 'yes' }, 'rs')).toThrow(/prior/);
  });

  test("restoring another optimizer's state is a typed error", () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
    const rs = new RandomSearch({ space: benchmark.space, fidelitySpace: benchmark.fidelitySpace, objectives: benchmark.objectives, seed: 1 });
    expect(() => rs.restore({ kind: 're', next: 3 })).toThrow(/expected a state saved by optimizer "rs"/);
  });
});
