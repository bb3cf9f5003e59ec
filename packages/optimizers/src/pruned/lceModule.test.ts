import { simulate, validateOptions, type Benchmark } from '@jahskit/core';
import { describeOptimizerConformance } from '@jahskit/core/testing';
import { ConfigurationSpace, integer, ordinal } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { curveFidelity } from './curveFidelity';
import { optimizerErrorOf } from '../internal/testing/optimizerErrorOf';
import { rsLceDescriptor, tpeLceDescriptor } from './lceModule';
import { makeOptimizer } from '../internal/testing/makeOptimizer';
import { multiFidelity, secondsForBaseTrials, SMALL_TPE } from './pruningFixtures';
import { expectPluginGoldenTrace } from '../internal/testing/expectPluginGoldenTrace';

describeOptimizerConformance({ descriptor: tpeLceDescriptor, benchmark: async () => multiFidelity(), options: SMALL_TPE, evaluations: 40 });
describeOptimizerConformance({
  descriptor: rsLceDescriptor,
  benchmark: async () => multiFidelity(),
  options: { startupTrials: 1, prunedAs: 'failed' },
  evaluations: 40,
});

describe('learning-curve-extrapolation pruning (tpe+lce, rs+lce)', () => {
  test('golden trace (tpe+lce)', async () => {
    const benchmark = multiFidelity('hartmann6');
    await expectPluginGoldenTrace(tpeLceDescriptor, benchmark, SMALL_TPE, import.meta.url, { evaluations: 60 });
  });

  test('ids, capabilities, defaults, and bad options as typed errors naming them', () => {
    expect([tpeLceDescriptor.id, rsLceDescriptor.id]).toEqual(['tpe+lce', 'rs+lce']);
    expect(tpeLceDescriptor.capabilities).toEqual({ objectives: 'single', multiFidelity: true, asynchronous: true });
    expect(validateOptions(tpeLceDescriptor.options, {}, 'tpe+lce')).toMatchObject({
      eta: 1.5,
      threshold: 0.05,
      minPoints: 3,
      startupTrials: 3,
      prunedAs: 'last-value',
      baseOptions: {},
    });
    expect(() => validateOptions(tpeLceDescriptor.options, { threshold: 1 }, 'tpe+lce')).toThrow(/threshold/);
    expect(() => validateOptions(tpeLceDescriptor.options, { minPoints: 2 }, 'tpe+lce')).toThrow(/minPoints/);
    expect(() => validateOptions(tpeLceDescriptor.options, { startupTrials: 0 }, 'tpe+lce')).toThrow(/startupTrials/);
    expect(() => validateOptions(tpeLceDescriptor.options, { warmupBudget: 3 }, 'tpe+lce')).toThrow(/warmupBudget/);
    expect(optimizerErrorOf(() => makeOptimizer(tpeLceDescriptor, multiFidelity(), 0, { baseOptions: { gamma: -1 } }))?.parameter).toBe('baseOptions.gamma');
  });

  test('checkpoints 1, 2, 4, 5, 8, 12, 18, 27 (eta 1.5, 27 / 1.5^k rounded, the two 2s merged); each step continues the last and pays only the increment', async () => {
    const benchmark = multiFidelity();
    const run = await simulate({ benchmark, optimizer: makeOptimizer(tpeLceDescriptor, benchmark, 4, SMALL_TPE), seed: 4, budget: { evaluations: 120 } });
    const epochs = [1, 2, 4, 5, 8, 12, 18, 27];
    const byBase = new Map<number, typeof run.records>();
    for (const r of run.records) byBase.set(r.trial.tags?.['baseTrial'] as number, [...(byBase.get(r.trial.tags?.['baseTrial'] as number) ?? []), r]);
    let stopped = 0;
    for (const steps of byBase.values()) {
      steps.forEach((r, k) => {
        expect(r.trial.fidelity['epoch']).toBe(epochs[k]);
        if (k > 0) expect(r.trial.continues).toBe(steps[k - 1]!.trial.id);
      });
      const last = steps.at(-1)!;
      const x1 = ((last.trial.config['x1'] as number) + 5) / 15;
      expect(steps.reduce((a, r) => a + r.cost, 0)).toBeCloseTo((last.trial.fidelity['epoch'] as number) * (1 + x1), 9);
      // With one worker a trial is trained to its end before the next starts: all but the last lineage are over.
      if (last.trial.fidelity['epoch'] !== 27 && last !== run.records.at(-1)) {
        stopped++;
        expect(steps.length, 'stopped before the fit had 3 points').toBeGreaterThanOrEqual(3);
      }
    }
    expect(stopped).toBeGreaterThan(0);
  });

  test('without a named fidelity it trains along the one with most checkpoints (epoch on a JAHS-like space, not N)', () => {
    const jahsLike = new ConfigurationSpace({
      name: 'fidelity',
      parameters: [ordinal('N', [1, 3, 5], { default: 5 }), ordinal('W', [4, 8, 16], { default: 16 }), integer('epoch', 1, 200, { default: 200 })],
    });
    expect(curveFidelity(jahsLike, { eta: 1.5, minBudget: null, maxBudget: null })).toBe('epoch');
    const base = multiFidelity();
    const benchmark: Benchmark = {
      ...base,
      fidelitySpace: jahsLike,
      evaluate: async (requests) =>
        base.evaluate(requests.map((r) => ({ ...r, fidelity: { epoch: Math.max(1, Math.round(((r.fidelity['epoch'] as number) * 27) / 200)) } }))),
    };
    const [trial] = makeOptimizer(rsLceDescriptor, benchmark, 0).ask(1);
    expect(trial!.fidelity).toEqual({ N: 5, W: 16, epoch: 1 });
  });

  test('a ladder too short to fit a curve is an invalid-option naming minPoints', () => {
    // Epoch 1..27 at eta 3: checkpoints 1, 3, 9, 27, three below the last.
    expect(() => makeOptimizer(rsLceDescriptor, multiFidelity(), 0, { eta: 3 })).not.toThrow();
    const short = optimizerErrorOf(() => makeOptimizer(rsLceDescriptor, multiFidelity(), 0, { eta: 3, minPoints: 4 }));
    expect([short?.kind, short?.parameter]).toEqual(['invalid-option', 'minPoints']);
    expect(short?.message).toMatch(/3 checkpoints below the last/);
  });

  test('tpe+lce spends less simulated time than tpe for the same number of completed base trials (hartmann6, 3 seeds)', async () => {
    const benchmark = multiFidelity('hartmann6');
    const { plain, pruned } = await secondsForBaseTrials(tpeLceDescriptor, benchmark, { seeds: [1, 2, 3], trials: 40, stepsPerTrial: 9 });
    expect(pruned).toBeLessThan(0.9 * plain);
  });
});
