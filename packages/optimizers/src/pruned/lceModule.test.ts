import { createSyntheticBenchmark } from '@jahskit/benchmarks';
import { optimizerContextFor, simulate, validateOptions, type Benchmark, type OptimizerDescriptor } from '@jahskit/core';
import { describeOptimizerConformance, expectGoldenTrace } from '@jahskit/core/testing';
import { ConfigurationSpace, integer, ordinal } from '@jahskit/spaces';
import { describe, expect, test } from 'vitest';
import { curveFidelity } from './curveFidelity';
import { tpeDescriptor } from '../tpe/tpeModule';
import { optimizerErrorOf } from '../internal/testing/optimizerErrorOf';
import { rsLceDescriptor, tpeLceDescriptor } from './lceModule';

const multiFidelity = (instance = 'branin'): Benchmark => createSyntheticBenchmark({ instance, maxEpoch: 27, noise: 0, secondsPerEpoch: 1 });
const smallTpe = { baseOptions: { startupTrials: 4 }, startupTrials: 2 };
const make = (descriptor: OptimizerDescriptor, benchmark: Benchmark, seed: number, options: unknown = {}) =>
  descriptor.create(validateOptions(descriptor.options, options, descriptor.id), optimizerContextFor(benchmark, seed));

describeOptimizerConformance({ descriptor: tpeLceDescriptor, benchmark: async () => multiFidelity(), options: smallTpe, evaluations: 40 });
describeOptimizerConformance({
  descriptor: rsLceDescriptor,
  benchmark: async () => multiFidelity(),
  options: { startupTrials: 1, prunedAs: 'failed' },
  evaluations: 40,
});

describe('learning-curve-extrapolation pruning (tpe+lce, rs+lce)', () => {
  test('golden trace (tpe+lce)', async () => {
    const benchmark = multiFidelity('hartmann6');
    await expectGoldenTrace({
      benchmark,
      optimizer: make(tpeLceDescriptor, benchmark, 1, smallTpe),
      seed: 1,
      evaluations: 60,
      file: new URL('./__golden__/tpe+lce.json', import.meta.url).pathname,
    });
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
    expect(optimizerErrorOf(() => make(tpeLceDescriptor, multiFidelity(), 0, { baseOptions: { gamma: -1 } }))?.parameter).toBe('baseOptions.gamma');
  });

  test('checkpoints 1, 2, 4, 5, 8, 12, 18, 27 (eta 1.5, 27 / 1.5^k rounded, the two 2s merged); each step continues the last and pays only the increment', async () => {
    const benchmark = multiFidelity();
    const run = await simulate({ benchmark, optimizer: make(tpeLceDescriptor, benchmark, 4, smallTpe), seed: 4, budget: { evaluations: 120 } });
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
    const [trial] = make(rsLceDescriptor, benchmark, 0).ask(1);
    expect(trial!.fidelity).toEqual({ N: 5, W: 16, epoch: 1 });
  });

  test('a ladder too short to fit a curve is an invalid-option naming minPoints', () => {
    // Epoch 1..27 at eta 3: checkpoints 1, 3, 9, 27, three below the last.
    expect(() => make(rsLceDescriptor, multiFidelity(), 0, { eta: 3 })).not.toThrow();
    const short = optimizerErrorOf(() => make(rsLceDescriptor, multiFidelity(), 0, { eta: 3, minPoints: 4 }));
    expect([short?.kind, short?.parameter]).toEqual(['invalid-option', 'minPoints']);
    expect(short?.message).toMatch(/3 checkpoints below the last/);
  });

  test('tpe+lce spends less simulated time than tpe for the same number of completed base trials (hartmann6, 3 seeds)', async () => {
    const benchmark = multiFidelity('hartmann6');
    const trials = 40;
    let plainTotal = 0;
    let prunedTotal = 0;
    for (const seed of [1, 2, 3]) {
      const plain = await simulate({ benchmark, optimizer: make(tpeDescriptor, benchmark, seed), seed, budget: { evaluations: trials } });
      const wrapped = await simulate({ benchmark, optimizer: make(tpeLceDescriptor, benchmark, seed), seed, budget: { evaluations: 9 * trials + 1 } });
      const started = wrapped.records.find((r) => r.trial.tags?.['baseTrial'] === trials);
      expect(started).toBeDefined();
      plainTotal += plain.simulatedSeconds;
      prunedTotal += started!.start!;
    }
    expect(prunedTotal).toBeLessThan(0.9 * plainTotal);
  });
});
