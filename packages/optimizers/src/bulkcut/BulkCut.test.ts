import { Rng, validateOptions } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { categorical, ConfigurationSpace, float, ordinal } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { hypervolume } from '@jahskit/multiobjective';
import { makeOptimizer, syntheticMo } from '../internal/mo/moFixtures';
import { RandomSearch } from '../rs/RandomSearch';
import { bulkcutDescriptor } from './bulkcutModule';
import { sizeKnobs } from './sizeKnobs';

const zdt1 = syntheticMo('zdt1');

describeOptimizerConformance({ descriptor: bulkcutDescriptor, benchmark: zdt1, options: { initialTrials: 5, phaseLength: 5 } });
describeOptimizerConformance({ descriptor: bulkcutDescriptor, benchmark: syntheticMo('dtlz2-3'), options: { initialTrials: 5, phaseLength: 4 }, evaluations: 20 });

describe('bulkcut', () => {
  test('golden trace', async () => {
    const benchmark = await zdt1();
    await expectGoldenTrace({ benchmark, optimizer: makeOptimizer(bulkcutDescriptor, benchmark, 1, { phaseLength: 10 }), seed: 1, evaluations: 30, file: new URL('./__golden__/bulkcut.json', import.meta.url).pathname });
  });

  test('options are validated with typed errors naming the option', async () => {
    expect(() => validateOptions(bulkcutDescriptor.options, { epsilon: 2 }, 'bulkcut')).toThrow(/epsilon/);
    expect(() => validateOptions(bulkcutDescriptor.options, { phaseLength: 0 }, 'bulkcut')).toThrow(/phaseLength/);
    expect(() => validateOptions(bulkcutDescriptor.options, { bogus: 1 }, 'bulkcut')).toThrow(/bogus/);
    const benchmark = await zdt1();
    expect(() => makeOptimizer(bulkcutDescriptor, benchmark, 1, { sizeParameters: ['nope'] })).toThrow(/sizeParameters/);
  });

  test('size knobs: cell operations by cost, then ordinals; hyperparameters left out', () => {
    const space = new ConfigurationSpace({
      name: 'cell',
      parameters: [categorical('op_0_1', ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3']), categorical('Op1', [0, 1, 2, 3, 4]), ordinal('depth', [1, 2, 3]), float('lr', 0.001, 1, { log: true }), categorical('act', ['relu', 'mish'])],
    });
    expect(sizeKnobs(space, null)).toEqual([
      { name: 'op_0_1', order: ['none', 'skip_connect', 'avg_pool_3x3', 'nor_conv_1x1', 'nor_conv_3x3'] },
      { name: 'Op1', order: [1, 0, 4, 3, 2] },
      { name: 'depth', order: [1, 2, 3] },
    ]);
  });

  test('bulk-up children are costlier than their parent in one operation', async () => {
    const space = new ConfigurationSpace({ name: 'cell', parameters: ['a', 'b', 'c'].map((n) => categorical(n, ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'])) });
    const cost = ['none', 'skip_connect', 'avg_pool_3x3', 'nor_conv_1x1', 'nor_conv_3x3'];
    const objectives = [{ name: 'err', direction: 'minimize' as const, cheap: false }, { name: 'size', direction: 'minimize' as const, cheap: true }];
    const optimizer = bulkcutDescriptor.create(validateOptions(bulkcutDescriptor.options, { initialTrials: 4, phaseLength: 50, hyperparameterProbability: 0 }, 'bulkcut'), { space, fidelitySpace: new ConfigurationSpace({ name: 'f', parameters: [] }), objectives, seed: 5 });
    const size = (c: Record<string, unknown>): number => ['a', 'b', 'c'].reduce((s, n) => s + cost.indexOf(c[n] as string), 0);
    const first = optimizer.ask(4);
    optimizer.tell(first.map((trial) => ({ trial, status: 'ok' as const, values: [12 - size(trial.config), size(trial.config)], metrics: {}, cost: 1 })));
    const byId = new Map(first.map((t) => [t.id, t.config]));
    for (const child of optimizer.ask(5)) {
      const parent = byId.get(child.tags!['parent'] as number)!;
      expect(size(child.config)).toBeGreaterThan(size(parent));
      expect(space.validate(child.config)).toEqual(child.config);
    }
  });

  test('beats random search on a synthetic cell task (error vs size), mean hypervolume of 3 seeds, 60 evaluations', () => {
    const ops = ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'];
    const cost: Record<string, number> = { none: 0, skip_connect: 0.1, avg_pool_3x3: 0.2, nor_conv_1x1: 1, nor_conv_3x3: 3 };
    const edges = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'];
    const space = new ConfigurationSpace({ name: 'cell', parameters: edges.map((n) => categorical(n, ops)) });
    const table = Rng.seeded(99);
    // Error falls with costlier ops on every edge (with noise per edge), as in NB201.
    const gain = edges.map(() => Object.fromEntries(ops.map((op) => [op, Math.sqrt(cost[op]!) * table.uniformIn(0.5, 1.5)])));
    const evaluate = (c: Record<string, unknown>): number[] => [20 - edges.reduce((s, e, i) => s + gain[i]![c[e] as string]!, 0), edges.reduce((s, e) => s + cost[c[e] as string]!, 0)];
    const objectives = [{ name: 'err', direction: 'minimize' as const, cheap: false }, { name: 'size', direction: 'minimize' as const, cheap: true }];
    const fidelitySpace = new ConfigurationSpace({ name: 'f', parameters: [] });
    const run = (optimizer: { ask(n: number): readonly { id: number; config: Record<string, unknown> }[]; tell(o: never[]): void }): number => {
      const rows: number[] = [];
      for (let t = 0; t < 60; t++) {
        const [trial] = optimizer.ask(1);
        const values = evaluate(trial!.config);
        rows.push(...values);
        optimizer.tell([{ trial, status: 'ok', values, metrics: {}, cost: 1 } as never]);
      }
      return hypervolume(Float64Array.from(rows), 2, [20, 18]);
    };
    let ours = 0;
    let rs = 0;
    for (const seed of [1, 2, 3]) {
      ours += run(bulkcutDescriptor.create(validateOptions(bulkcutDescriptor.options, {}, 'bulkcut'), { space, fidelitySpace, objectives, seed }) as never);
      rs += run(new RandomSearch({ space, fidelitySpace, objectives, seed }) as never);
    }
    expect(ours).toBeGreaterThan(rs);
  });
});
