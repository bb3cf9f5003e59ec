import { validateOptions } from '@jahskit/core';
import { categorical, ConfigurationSpace, float, ordinal } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { driveHalfFront, halfFrontOptimizer, halfFrontViolation } from '../internal/mo/constrainedMoFixtures';
import { bulkcutDescriptor } from './bulkcutModule';
import { sizeKnobs } from './sizeKnobs';
import { expectCellTaskBeatsRandomSearch } from '../internal/testing/expectCellTaskBeatsRandomSearch';
import { expectConstrainedRestore } from '../internal/testing/expectConstrainedRestore';
import { describeMoOptimizerBasics } from '../internal/testing/describeMoOptimizerBasics';

describeMoOptimizerBasics(bulkcutDescriptor, import.meta.url, {
  options: { initialTrials: 5, phaseLength: 5 },
  goldenOptions: { phaseLength: 10 },
  dtlz2: { options: { initialTrials: 5, phaseLength: 4 } },
  badOptions: [{ epsilon: 2 }, { phaseLength: 0 }, { bogus: 1 }, { sizeParameters: ['nope'] }],
});

describe('bulkcut', () => {
  test('with constraints, parents come from the feasible front', () => {
    const make = () => halfFrontOptimizer(bulkcutDescriptor, { initialTrials: 10, phaseLength: 5 }, 6);
    const optimizer = make();
    const trials = driveHalfFront(optimizer, 60);
    const byId = new Map(trials.map((t) => [t.id, t.config]));
    const parents = trials.slice(20).flatMap((t) => (typeof t.tags?.['parent'] === 'number' ? [byId.get(t.tags['parent'])!] : []));
    expect(parents.length).toBeGreaterThan(20);
    expect(parents.every((c) => halfFrontViolation(c) <= 0)).toBe(true);
    expect(expectConstrainedRestore(make, optimizer, 20, 10).ask(1)).toHaveLength(1);
  });

  test('size knobs: cell operations by cost, then ordinals; hyperparameters left out', () => {
    const space = new ConfigurationSpace({
      name: 'cell',
      parameters: [
        categorical('op_0_1', ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3']),
        categorical('Op1', [0, 1, 2, 3, 4]),
        ordinal('depth', [1, 2, 3]),
        float('lr', 0.001, 1, { log: true }),
        categorical('act', ['relu', 'mish']),
      ],
    });
    expect(sizeKnobs(space, null)).toEqual([
      { name: 'op_0_1', order: ['none', 'skip_connect', 'avg_pool_3x3', 'nor_conv_1x1', 'nor_conv_3x3'] },
      { name: 'Op1', order: [1, 0, 4, 3, 2] },
      { name: 'depth', order: [1, 2, 3] },
    ]);
  });

  test('bulk-up children are costlier than their parent in one operation', async () => {
    const space = new ConfigurationSpace({
      name: 'cell',
      parameters: ['a', 'b', 'c'].map((n) => categorical(n, ['none', 'skip_connect', 'nor_conv_1x1', 'nor_conv_3x3', 'avg_pool_3x3'])),
    });
    const cost = ['none', 'skip_connect', 'avg_pool_3x3', 'nor_conv_1x1', 'nor_conv_3x3'];
    const objectives = [
      { name: 'err', direction: 'minimize' as const, cheap: false },
      { name: 'size', direction: 'minimize' as const, cheap: true },
    ];
    const optimizer = bulkcutDescriptor.create(
      validateOptions(bulkcutDescriptor.options, { initialTrials: 4, phaseLength: 50, hyperparameterProbability: 0 }, 'bulkcut'),
      { space, fidelitySpace: new ConfigurationSpace({ name: 'f', parameters: [] }), objectives, seed: 5 },
    );
    const size = (c: Record<string, unknown>): number => ['a', 'b', 'c'].reduce((s, n) => s + cost.indexOf(c[n] as string), 0);
    const first = optimizer.ask(4);
    optimizer.tell(
      first.map((trial) => ({ trial, status: 'ok' as const, values: [12 - size(trial.config), size(trial.config)], metrics: {}, cost: 1, constraints: [] })),
    );
    const byId = new Map(first.map((t) => [t.id, t.config]));
    for (const child of optimizer.ask(5)) {
      const parent = byId.get(child.tags!['parent'] as number)!;
      expect(size(child.config)).toBeGreaterThan(size(parent));
      expect(space.validate(child.config)).toEqual(child.config);
    }
  });

  test('beats random search on a NAS-like cell task (error vs size; hypervolume, 60 evaluations)', async () => {
    await expectCellTaskBeatsRandomSearch(bulkcutDescriptor, {}, 60);
  });
});
