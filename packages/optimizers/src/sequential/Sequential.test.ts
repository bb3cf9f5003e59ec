import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { CoreError, simulate, validateOptions, type Benchmark, type Observation, type OptimizerContext, type Trial } from '@jahskit/core';
import { describeOptimizerConformance, errorOf, expectGoldenTrace } from '@jahskit/core/testing';
import { categorical, ConfigurationSpace, float, ordinal } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { OptimizerError } from '../errors/OptimizerError';
import { randomSearchDescriptor } from '../rs/randomSearchModule';
import { sequentialBohbReDescriptor, sequentialRsReDescriptor } from './sequentialModule';
import { expectOptionErrors } from '../internal/testing/expectOptionErrors';

const branin = async (): Promise<Benchmark> => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 0, secondsPerEpoch: 1 });
const twoPhases = { hpoParameters: ['x1'], switchAfter: 8, secondOptions: { population: 4, sampleSize: 2 } };

function jointContext(seed: number): OptimizerContext {
  const ops = ['none', 'skip', 'conv1', 'conv3', 'pool'];
  const space = new ConfigurationSpace({
    name: 'joint',
    parameters: [
      ...Array.from({ length: 4 }, (_, i) => categorical(`edge${i}`, ops, { default: 'conv3', role: 'architecture' })),
      float('lr', 1e-4, 1, { log: true, default: 0.01 }),
      ordinal('batch_size', [32, 64, 128, 256], { default: 128 }),
    ],
  });
  return {
    space,
    fidelitySpace: new ConfigurationSpace({ name: 'none', parameters: [] }),
    objectives: [{ name: 'loss', direction: 'minimize', cheap: false }],
    seed,
  };
}
const create = (context: OptimizerContext, options: unknown) =>
  sequentialRsReDescriptor.create(validateOptions(sequentialRsReDescriptor.options, options, 'seq-rs-re'), context);
const loss = (trial: Trial): number =>
  Math.abs(Math.log10(trial.config['lr'] as number) + 2.5) + Object.values(trial.config).filter((v) => v === 'conv1').length * -0.1;
const ok = (trial: Trial): Observation => ({ trial, status: 'ok', values: [loss(trial)], metrics: {}, cost: 1, constraints: [] });

describeOptimizerConformance({ descriptor: sequentialRsReDescriptor, benchmark: branin, options: twoPhases });
// Default options run through the conformance kit once, with every registered plugin (cli/src/conformance*.test.ts).
describeOptimizerConformance({
  descriptor: sequentialBohbReDescriptor,
  benchmark: async () => createSyntheticBenchmark({ instance: 'branin', maxEpoch: 27, noise: 0, secondsPerEpoch: 1 }),
  options: { ...twoPhases, switchAfter: 12 },
  evaluations: 30,
});

describe('sequential (rs then re)', () => {
  test('golden trace', async () => {
    const benchmark = await branin();
    const optimizer = sequentialRsReDescriptor.create(validateOptions(sequentialRsReDescriptor.options, twoPhases, 'seq'), {
      space: benchmark.space,
      fidelitySpace: benchmark.fidelitySpace,
      objectives: benchmark.objectives,
      seed: 1,
    });
    await expectGoldenTrace({ benchmark, optimizer, seed: 1, evaluations: 30, file: new URL('./__golden__/seq-rs-re.json', import.meta.url).pathname });
  });

  test('rejects bad options, naming them', () => {
    expectOptionErrors(sequentialRsReDescriptor, { switchAfter: 0 }, { initialArchitecture: 'best' });
    expect(errorOf(OptimizerError, () => create(jointContext(1), { hpoParameters: ['learning_rate'] }))).toMatchObject({
      kind: 'invalid-option',
      parameter: 'hpoParameters',
    });
    const nested = errorOf(OptimizerError, () => create(jointContext(1), { secondOptions: { population: 1 } }));
    expect(nested.parameter).toBe('secondOptions.population');
    // What the inner optimizer allows is passed on, as Pruned does for its base's options.
    const unknown = errorOf(OptimizerError, () => create(jointContext(1), { firstOptions: { bogus: 1 } }));
    expect(unknown.parameter).toBe('firstOptions.bogus');
    expect(unknown.allowed).toBe(errorOf(CoreError, () => validateOptions(randomSearchDescriptor.options, { bogus: 1 }, 'rs')).allowed);
    expect(unknown.allowed).toBeDefined();
    expect(CoreError.is(nested)).toBe(false);
  });

  test('constraints: phase 2 fixes the hyperparameters of the best feasible result, or of the least infeasible one (Deb), also after a restore', () => {
    for (const allInfeasible of [false, true]) {
      const context = jointContext(3);
      const optimizer = create(context, { switchAfter: 10, secondOptions: { population: 5, sampleSize: 2 } });
      const first = optimizer.ask(10);
      const byLoss = [...first].sort((a, b) => loss(a) - loss(b));
      // The two lowest losses break the constraint; with allInfeasible, every trial does, the third by least.
      const violation = (t: Trial): number => (t === byLoss[0] || t === byLoss[1] ? 2 : allInfeasible ? (t === byLoss[2] ? 0.1 : 1) : 0);
      optimizer.tell(first.map((t) => ({ ...ok(t), constraints: [violation(t)] })));
      const resumed = create(context, { switchAfter: 10, secondOptions: { population: 5, sampleSize: 2 } });
      resumed.restore(JSON.parse(JSON.stringify(optimizer.state())));
      for (const o of [optimizer, resumed]) {
        for (const trial of o.ask(5)) expect(trial.config['lr']).toBe(byLoss[2]!.config['lr']);
      }
    }
  });

  test('phase 1 fixes the default architecture; phase 2 fixes the best hyperparameters and waits for phase 1', () => {
    const context = jointContext(3);
    const optimizer = create(context, { switchAfter: 10, secondOptions: { population: 5, sampleSize: 2 } });
    const first = optimizer.ask(12);
    expect(first.map((t) => t.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const trial of first) {
      expect(context.space.validate(trial.config)).toEqual(trial.config);
      for (let i = 0; i < 4; i++) expect(trial.config[`edge${i}`]).toBe('conv3');
    }
    optimizer.tell(first.slice(0, 9).map(ok));
    expect(optimizer.ask(1)).toHaveLength(0); // trial 9 still pending
    optimizer.tell([ok(first[9]!)]);
    const best = [...first].sort((a, b) => loss(a) - loss(b))[0]!;
    const second = optimizer.ask(20);
    expect(second[0]!.id).toBe(10);
    for (const trial of second) {
      expect(trial.config['lr']).toBe(best.config['lr']);
      expect(trial.config['batch_size']).toBe(best.config['batch_size']);
      expect(trial.tags?.['phase']).toBe(2);
    }
    expect(new Set(second.map((t) => JSON.stringify(t.config))).size).toBeGreaterThan(10);
  });

  test("the default split is by role: 'architecture' parameters are fixed in phase 1, whatever their names", () => {
    const space = new ConfigurationSpace({
      name: 'roles',
      parameters: [
        categorical('Op1', ['a', 'b'], { default: 'a' }),
        categorical('learning_rate', ['slow', 'fast'], { default: 'slow', role: 'architecture' }),
        categorical('Optimizer', ['SGD', 'Adam'], { role: 'hyperparameter' }),
        float('LearningRate', 1e-3, 1, { log: true, default: 0.1 }),
      ],
    });
    const optimizer = create({ ...jointContext(1), space }, { switchAfter: 30 });
    const trials = optimizer.ask(30);
    for (const trial of trials) expect(trial.config['learning_rate']).toBe('slow');
    // A name that looks like a cell operation is not enough: 'Op1' has no role and is searched in phase 1.
    expect(new Set(trials.map((t) => t.config['Op1'])).size).toBe(2);
  });

  test('seq-bohb-re: BOHB trials keep their fidelities and continuation links, mapped to composite ids', async () => {
    const benchmark = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
    expect(sequentialBohbReDescriptor.capabilities.multiFidelity).toBe(true);
    const optimizer = sequentialBohbReDescriptor.create(validateOptions(sequentialBohbReDescriptor.options, { ...twoPhases, switchAfter: 40 }, 'seq'), {
      space: benchmark.space,
      fidelitySpace: benchmark.fidelitySpace,
      objectives: benchmark.objectives,
      seed: 2,
    });
    const run = await simulate({ benchmark, optimizer, seed: 2, workers: 2, budget: { evaluations: 60 } });
    const records = run.records;
    for (const record of records) {
      const link = record.trial.continues;
      if (link !== undefined) expect(records.find((r) => r.trial.id === link)?.trial.config).toEqual(record.trial.config);
    }
    const second = records.filter((r) => r.trial.tags?.['phase'] === 2);
    expect(second.length).toBeGreaterThan(0);
    for (const record of second) expect(record.trial.fidelity).toEqual({ epoch: 27 });
  });

  // Found by packages/cli/src/fuzz/restore.fuzz.test.ts: a state whose second phase was refused had
  // already started the second phase, and Study.restore's rollback to the state before left it started.
  test('a refused state leaves the optimizer as it was', () => {
    const context = jointContext(3);
    const later = create(context, { switchAfter: 4, secondOptions: { population: 2, sampleSize: 1 } });
    later.tell(later.ask(4).map(ok));
    later.tell(later.ask(2).map(ok));
    const saved = later.state() as { second: unknown };
    const optimizer = create(context, { switchAfter: 4, secondOptions: { population: 2, sampleSize: 1 } });
    optimizer.tell(optimizer.ask(2).map(ok));
    const before = JSON.stringify(optimizer.state());
    expect(errorOf(OptimizerError, () => optimizer.restore({ ...saved, second: [] } as never)).kind).toBe('invalid-state');
    expect(JSON.stringify(optimizer.state())).toBe(before);
    optimizer.restore(saved as never);
    expect(JSON.stringify(optimizer.state())).toBe(JSON.stringify(saved));
  });

  test('improves on its first phase over a run', async () => {
    const context = jointContext(5);
    const optimizer = create(context, { switchAfter: 20, secondOptions: { population: 10, sampleSize: 3 } });
    let bestFirst = Infinity;
    let bestOverall = Infinity;
    for (let i = 0; i < 80; i++) {
      const [trial] = optimizer.ask(1);
      const value = loss(trial!);
      if (i < 20) bestFirst = Math.min(bestFirst, value);
      bestOverall = Math.min(bestOverall, value);
      optimizer.tell([ok(trial!)]);
    }
    expect(bestOverall).toBeLessThan(bestFirst);
  });
});
