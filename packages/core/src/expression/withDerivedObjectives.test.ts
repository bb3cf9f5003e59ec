import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Benchmark } from '../benchmark/Benchmark';
import { CoreError } from '../errors/CoreError';
import { simulate } from '../study/simulate';
import { fixtureRandomOptimizer, quadraticBenchmark } from '../testing/coreFixtures';
import type { ExpressionCompiler } from './ExpressionCompiler';
import { loadExpressionCompiler } from './loadExpressionCompiler';
import { withDerivedObjectives } from './withDerivedObjectives';

let compiler: ExpressionCompiler;
beforeAll(async () => {
  compiler = await loadExpressionCompiler();
});

/** The quadratic benchmark with a cheap metric `size` = 10 x (known before training). */
function sizedBenchmark(): Benchmark {
  const inner = quadraticBenchmark();
  return {
    ...inner,
    metrics: [...inner.metrics, 'size'],
    async evaluate(requests) {
      const evaluations = await inner.evaluate(requests);
      return evaluations.map((e, i) => ({ ...e, metrics: { ...e.metrics, size: 10 * (requests[i]!.config['x'] as number) } }));
    },
    cheapMetrics: (config) => ({ size: 10 * (config['x'] as number) }),
  };
}

const NAMES = ['loss', 'epochs', 'size'];

describe('withDerivedObjectives', () => {
  it("makes the derived objectives the task and keeps the benchmark's own objectives as metrics", async () => {
    const benchmark = withDerivedObjectives(sizedBenchmark(), [
      compiler.objective('maximize score = 1 - loss', NAMES),
      compiler.objective('small = size / 10', NAMES),
    ]);
    expect(benchmark.objectives.map((o) => [o.name, o.direction, o.cheap])).toEqual([
      ['score', 'maximize', false],
      ['small', 'minimize', true],
    ]);
    expect(benchmark.metrics).toEqual(['loss', 'epochs', 'size']);
    expect(benchmark.optimum).toBeUndefined();
    const [evaluation] = await benchmark.evaluate([{ config: { x: 0.5 }, fidelity: { epoch: 9 }, seed: 0 }]);
    expect(evaluation!.metrics['score']).toBeCloseTo(1 - evaluation!.metrics['loss']!, 12);
    expect(evaluation!.metrics['small']).toBeCloseTo(0.5, 12);
    // Only the cheap derived objective is known before training.
    expect(benchmark.cheapMetrics!({ x: 0.25 })).toEqual({ size: 2.5, small: 0.25 });
  });

  test.prop([fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 2 ** 31 })])(
    'reports what the benchmark reports plus each derived value, and cheapMetrics agrees with evaluate',
    async (x, epoch, seed) => {
      const inner = sizedBenchmark();
      const derived = [compiler.objective('a = loss * epochs - size', NAMES), compiler.objective('b = sqrt(size) + 1', NAMES)];
      const benchmark = withDerivedObjectives(inner, derived);
      const request = { config: { x }, fidelity: { epoch }, seed };
      const [plain] = await inner.evaluate([request]);
      const [wrapped] = await benchmark.evaluate([request]);
      expect(wrapped!.cost).toBe(plain!.cost);
      expect(wrapped!.metrics).toEqual({ ...plain!.metrics, a: derived[0]!.value(plain!.metrics), b: derived[1]!.value(plain!.metrics) });
      const cheap = benchmark.cheapMetrics!({ x });
      expect(cheap['b']).toBe(wrapped!.metrics['b']);
      expect(cheap['a']).toBeUndefined();
    },
  );

  it('gives no value to a derived objective whose inputs a failed evaluation lacks', async () => {
    const inner: Benchmark = { ...quadraticBenchmark(), evaluate: async (requests) => requests.map(() => ({ metrics: {}, cost: 0, status: 'failed' })) };
    const [evaluation] = await withDerivedObjectives(inner, [compiler.objective('err = loss', ['loss', 'epochs'])]).evaluate([
      { config: { x: 0.1 }, fidelity: { epoch: 1 }, seed: 0 },
    ]);
    expect(evaluation!.metrics).toEqual({});
    expect(evaluation!.status).toBe('failed');
  });

  it('runs a study on the derived objective', async () => {
    const benchmark = withDerivedObjectives(quadraticBenchmark(), [compiler.objective('maximize fit = -loss', ['loss', 'epochs'])]);
    const run = await simulate({ benchmark, optimizer: fixtureRandomOptimizer(benchmark.space, { epoch: 9 }, 3), seed: 3, budget: { evaluations: 20 } });
    const records = run.records.filter((r) => r.status === 'ok');
    const best = run.study.best()!;
    expect(best.objectives['fit']).toBe(Math.max(...records.map((r) => r.objectives['fit']!)));
    expect(best.metrics['loss']).toBeCloseTo(-best.objectives['fit']!, 12);
  });

  it.each([
    [['loss = loss * 2'], /"loss" is a value benchmark "quadratic" reports/],
    [['e = loss', 'e = epochs'], /"e" is defined twice/],
    [[], /at least one/],
  ])('rejects %j', (expressions, message) => {
    const run = (): Benchmark =>
      withDerivedObjectives(
        quadraticBenchmark(),
        expressions.map((e) => compiler.objective(e, ['loss', 'epochs'])),
      );
    expect(run).toThrow(message);
    expect(() => run()).toThrow(CoreError);
  });

  it('rejects a derived objective compiled against names the benchmark does not report', () => {
    expect(() => withDerivedObjectives(quadraticBenchmark(), [compiler.objective('e = size', NAMES)])).toThrow(/unknown name "size" \(known: loss, epochs\)/);
  });
});
