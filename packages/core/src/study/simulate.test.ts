import { describe, expect, test } from 'vitest';
import { CoreError } from '../errors/CoreError';
import type { Optimizer } from '../optimizer/Optimizer';
import type { Trial } from '../optimizer/Trial';
import { fixtureRandomOptimizer, quadraticBenchmark } from '../testing/coreFixtures';
import { loadExpressionCompiler } from '../expression/loadExpressionCompiler';
import { simulate, type SimulationOptions } from './simulate';

/** A simulation of the quadratic benchmark (9-second trials) by the fixture random optimizer, seed 3. */
function randomRun(options: Omit<SimulationOptions, 'benchmark' | 'optimizer' | 'seed'>) {
  const benchmark = quadraticBenchmark();
  return simulate({ benchmark, optimizer: fixtureRandomOptimizer(benchmark.space, { epoch: 9 }, 3), seed: 3, ...options });
}

describe('simulate', () => {
  test('the same configurations are evaluated with 1, 4 and 16 workers', async () => {
    const configs = async (workers: number) => {
      const run = await randomRun({ workers, budget: { evaluations: 40 } });
      return run.records.map((r) => [r.trial.id, r.trial.config['x'], r.objectives['loss']]).sort((a, b) => (a[0] as number) - (b[0] as number));
    };
    const one = await configs(1);
    expect(one).toHaveLength(40);
    expect(await configs(4)).toEqual(one);
    expect(await configs(16)).toEqual(one);
  });

  test('workers run in parallel on the simulated clock', async () => {
    const run = await randomRun({ workers: 4, budget: { evaluations: 8 } });
    expect(run.simulatedSeconds).toBe(18); // two waves of 9-second trials
    expect(new Set(run.records.map((r) => r.worker))).toEqual(new Set([0, 1, 2, 3]));
    for (const record of run.records) expect(record.end! - record.start!).toBe(9);
  });

  test('a simulated-seconds budget drops trials that would finish late', async () => {
    const run = await randomRun({ budget: { simulatedSeconds: 40 } });
    expect(run.records).toHaveLength(4);
    expect(run.stopReason).toBe('simulated-seconds');
    expect(run.records.every((r) => r.end! <= 40)).toBe(true);
  });

  test('sync mode tells a whole batch at the time its slowest trial ends', async () => {
    const run = await randomRun({ workers: 3, mode: 'sync', budget: { evaluations: 6 } });
    expect(run.records.map((r) => r.start)).toEqual([0, 0, 0, 9, 9, 9]);
  });

  test('continuation charges only the extra epochs; retraining charges everything', async () => {
    const benchmark = quadraticBenchmark();
    const promoting = (): Optimizer => {
      let next = 0;
      return {
        capabilities: { objectives: 'single', multiFidelity: true, asynchronous: false },
        ask: (n) => {
          const trials: Trial[] = [];
          for (let i = 0; i < n && next < 2; i++, next++) {
            trials.push(
              next === 0 ? { id: 0, config: { x: 0.5 }, fidelity: { epoch: 3 } } : { id: 1, config: { x: 0.5 }, fidelity: { epoch: 9 }, continues: 0 },
            );
          }
          return trials;
        },
        tell: () => {},
        state: () => next,
        restore: (s) => void (next = s as number),
      };
    };
    const continued = await simulate({ benchmark, optimizer: promoting(), seed: 1, budget: { evaluations: 2 } });
    expect(continued.records.map((r) => r.cost)).toEqual([3, 6]);
    const retrained = await simulate({ benchmark, optimizer: promoting(), seed: 1, fidelityMode: 'retrain', budget: { evaluations: 2 } });
    expect(retrained.records.map((r) => r.cost)).toEqual([3, 9]);
    // a continued trial sees the same noise as its parent's training run
    expect(continued.records[1]!.objectives['loss']).toBeCloseTo(0.2 ** 2 + ((continued.records[0]!.objectives['loss']! - 0.04) * 3) / 9, 12);
  });

  test('bad arguments are typed errors', async () => {
    const benchmark = quadraticBenchmark();
    const optimizer = fixtureRandomOptimizer(benchmark.space, { epoch: 9 }, 1);
    await expect(simulate({ benchmark, optimizer, seed: 1, workers: 0, budget: { evaluations: 1 } })).rejects.toThrow(CoreError);
    await expect(simulate({ benchmark, optimizer, seed: -1, budget: { evaluations: 1 } })).rejects.toThrow(/seed/);
    await expect(simulate({ benchmark, optimizer, seed: 1, budget: {} })).rejects.toThrow(/budget/);
  });

  test('a run that keeps no history streams the same records and timing, and keeps none itself', async () => {
    const benchmark = quadraticBenchmark();
    const stream = async (keepHistory: boolean) => {
      const seen: unknown[] = [];
      let timings = 0;
      const run = await simulate({
        benchmark,
        optimizer: fixtureRandomOptimizer(benchmark.space, { epoch: 9 }, 5),
        seed: 5,
        workers: 3,
        budget: { evaluations: 30 },
        keepHistory,
        onRecord: (record) => seen.push(record),
        onTiming: () => timings++,
      });
      return { seen, timings, run };
    };
    const kept = await stream(true);
    const streamed = await stream(false);
    expect(streamed.seen).toEqual(kept.seen);
    expect(streamed.timings).toBe(kept.timings);
    expect(streamed.run.records).toEqual([]);
    expect(streamed.run.study.best()).toEqual(kept.run.study.best());
    expect(() => streamed.run.study.state()).toThrow(CoreError);
  });
});

describe('simulate with constraints', () => {
  /** The quadratic benchmark with a cheap metric `width` = 10 x, known without training. */
  const withWidth = () => {
    const base = quadraticBenchmark();
    return {
      ...base,
      metrics: [...base.metrics, 'width'],
      cheapMetrics: (config: Record<string, unknown>) => ({ width: 10 * (config['x'] as number) }),
      evaluate: async (requests: Parameters<typeof base.evaluate>[0]) =>
        (await base.evaluate(requests)).map((e, i) => ({ ...e, metrics: { ...e.metrics, width: 10 * (requests[i]!.config['x'] as number) } })),
    };
  };

  test('a trial breaking a cheap constraint is not trained, costs nothing and is recorded failed with its cheap metrics', async () => {
    const compiler = await loadExpressionCompiler();
    const benchmark = withWidth();
    const constraints = [compiler.constraint('width <= 5', ['loss', 'epochs', 'width'])];
    const evaluated: number[] = [];
    const counting = { ...benchmark, evaluate: async (r: Parameters<typeof benchmark.evaluate>[0]) => (evaluated.push(r.length), benchmark.evaluate(r)) };
    const run = await simulate({
      benchmark: counting,
      optimizer: fixtureRandomOptimizer(benchmark.space, { epoch: 9 }, 3),
      seed: 3,
      budget: { evaluations: 40 },
      constraints,
    });
    const broken = run.records.filter((r) => (r.trial.config['x'] as number) > 0.5);
    expect(broken.length).toBeGreaterThan(5);
    for (const record of broken) {
      expect(record.status).toBe('failed');
      expect(record.end! - record.start!).toBe(0);
      expect(record.metrics['width']).toBeGreaterThan(5);
    }
    expect(evaluated.reduce((a, b) => a + b, 0)).toBe(40 - broken.length);
    expect(run.simulatedSeconds).toBe(9 * (40 - broken.length));
    const best = run.study.best();
    expect(best?.metrics['width']).toBeLessThanOrEqual(5);
  });

  test('observations carry one constraint value per constraint, computed from objectives and metrics', async () => {
    const compiler = await loadExpressionCompiler();
    const benchmark = withWidth();
    const known = ['loss', 'epochs', 'width'];
    const constraints = [compiler.constraint('loss <= 0.01', known), compiler.constraint('width >= 1', known)];
    const told: number[][] = [];
    const inner = fixtureRandomOptimizer(benchmark.space, { epoch: 9 }, 5);
    const optimizer: Optimizer = {
      ...inner,
      capabilities: inner.capabilities,
      ask: (n) => inner.ask(n),
      tell: (obs) => {
        for (const o of obs) told.push([...o.constraints]);
        inner.tell(obs);
      },
      state: () => inner.state(),
      restore: (s) => inner.restore(s),
    };
    const run = await simulate({ benchmark, optimizer, seed: 5, budget: { evaluations: 20 }, constraints });
    expect(told).toHaveLength(20);
    run.records.forEach((record, i) => {
      // 'width >= 1' reads a cheap metric: a trial that breaks it is not trained and has no loss.
      const loss = record.status === 'ok' ? (record.objectives['loss'] as number) - 0.01 : 0;
      expect(told[i]).toEqual([loss, 1 - (record.metrics['width'] as number)]);
    });
    expect(run.records.some((r) => r.status === 'failed')).toBe(true);
    const feasible = run.records.filter((r) => (r.objectives['loss'] as number) <= 0.01 && (r.metrics['width'] as number) >= 1);
    const expected = feasible.reduce<(typeof feasible)[number] | undefined>(
      (b, r) => (b === undefined || (r.objectives['loss'] as number) < (b.objectives['loss'] as number) ? r : b),
      undefined,
    );
    expect(run.study.best()).toBe(expected);
  });
});
