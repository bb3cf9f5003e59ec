import { describe, expect, test } from 'vitest';
import { BenchmarkError } from '../errors/BenchmarkError';
import { createSyntheticBenchmark } from './createSyntheticBenchmark';
import { dtlz2, zdt1, zdt3 } from './syntheticProblems';

const make = (instance: string, maxEpoch = 27) => createSyntheticBenchmark({ instance, maxEpoch, noise: 0, secondsPerEpoch: 1 });

describe('synthetic benchmarks', () => {
  test('Branin and Hartmann-6 reach their published minima at full fidelity', async () => {
    const branin = make('branin');
    const [atMin] = await branin.evaluate([{ config: { x1: Math.PI, x2: 2.275 }, fidelity: { epoch: 27 }, seed: 0 }]);
    expect(atMin!.metrics['y']).toBeCloseTo(0.397887, 6);
    const hartmann = make('hartmann6');
    const x = [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573];
    const [h] = await hartmann.evaluate([{ config: Object.fromEntries(x.map((v, i) => [`x${i + 1}`, v])), fidelity: { epoch: 27 }, seed: 0 }]);
    expect(h!.metrics['y']).toBeCloseTo(-3.32237, 4);
  });

  test('lower fidelities are biased and cheaper', async () => {
    const branin = make('branin');
    const config = { x1: 1, x2: 5 };
    const [low, high] = await branin.evaluate([
      { config, fidelity: { epoch: 1 }, seed: 0 },
      { config, fidelity: { epoch: 27 }, seed: 0 },
    ]);
    expect(low!.metrics['y']).not.toBeCloseTo(high!.metrics['y']!, 3);
    expect(low!.cost).toBeLessThan(high!.cost);
  });

  test('multi-objective fronts are non-dominated and reached by the optimal variables', () => {
    for (const problem of [zdt1(), zdt3(), dtlz2(3)]) {
      const front = problem.paretoFront!(50);
      for (const p of front) {
        expect(front.some((q) => q.every((v, j) => v <= p[j]!) && q.some((v, j) => v < p[j]!))).toBe(false);
      }
    }
    const x = new Float64Array(30);
    x[0] = 0.25;
    expect(zdt1().evaluate(x, 1)).toEqual([0.25, 0.5]);
  });

  test('an unknown instance is a typed error listing the instances', () => {
    expect(() => make('rosenbrock')).toThrow(BenchmarkError);
    expect(() => make('rosenbrock')).toThrow(/instances: branin, hartmann6/);
  });

  test('noise is drawn from the seed: same seed same value, other seed other value', async () => {
    const noisy = createSyntheticBenchmark({ instance: 'branin', maxEpoch: 1, noise: 1, secondsPerEpoch: 1 });
    const request = { config: { x1: 1, x2: 5 }, fidelity: {}, seed: 4 };
    const [a, b, c] = await noisy.evaluate([request, request, { ...request, seed: 5 }]);
    expect(a).toEqual(b);
    expect(a!.metrics['y']).not.toBe(c!.metrics['y']);
  });
});
