import { describe, expect, test } from 'vitest';
import type { Benchmark, EvaluationRequest } from '../benchmark/Benchmark';
import { JahskitError } from '../errors/JahskitError';
import type { ParamValue } from '../space/Configuration';
import type { ParameterSpec } from '../space/ParameterSpec';
import { Rng } from '../random/Rng';

export interface BenchmarkConformanceOptions {
  /** Shown in test names. */
  readonly name: string;
  readonly benchmark: () => Promise<Benchmark>;
  /** Queries per check; default 16. */
  readonly samples?: number;
}

/** The properties every benchmark plugin must have, as vitest tests. */
export function describeBenchmarkConformance(config: BenchmarkConformanceOptions): void {
  const samples = config.samples ?? 16;
  const requests = (benchmark: Benchmark, seed: number): EvaluationRequest[] => {
    const rng = Rng.seeded(seed);
    return Array.from({ length: samples }, (_, i) => ({
      config: benchmark.space.sample(rng.stream('config', i)),
      fidelity: benchmark.fidelitySpace.sample(rng.stream('fidelity', i)),
      seed: rng.seedFor('seed', i),
    }));
  };

  describe(`benchmark "${config.name}" conformance`, () => {
    test('reports every objective and metric, finite, with a non-negative cost', async () => {
      const benchmark = await config.benchmark();
      expect(benchmark.objectives.length).toBeGreaterThan(0);
      const evaluations = await benchmark.evaluate(requests(benchmark, 1));
      expect(evaluations).toHaveLength(samples);
      for (const evaluation of evaluations) {
        expect(evaluation.cost).toBeGreaterThanOrEqual(0);
        if ((evaluation.status ?? 'ok') !== 'ok') continue;
        for (const objective of benchmark.objectives) expect(Number.isFinite(evaluation.metrics[objective.name])).toBe(true);
        for (const metric of benchmark.metrics) expect(typeof evaluation.metrics[metric]).toBe('number');
      }
    });

    test('is deterministic for a seed, and batched evaluation equals one-by-one evaluation', async () => {
      const benchmark = await config.benchmark();
      const batch = requests(benchmark, 2);
      const first = await benchmark.evaluate(batch);
      const again = await benchmark.evaluate(batch);
      const single = [];
      for (const request of batch) single.push(...(await benchmark.evaluate([request])));
      expect(again).toEqual(first);
      expect(single).toEqual(first);
    });

    test('cheap metrics agree with evaluation', async () => {
      const benchmark = await config.benchmark();
      if (benchmark.cheapMetrics === undefined) return;
      const batch = requests(benchmark, 3);
      const evaluations = await benchmark.evaluate(batch);
      batch.forEach((request, i) => {
        for (const [name, value] of Object.entries(benchmark.cheapMetrics!(request.config))) {
          expect(evaluations[i]!.metrics[name]).toBe(value);
        }
      });
    });

    test('rejects an invalid configuration with a typed error naming the parameter', async () => {
      const benchmark = await config.benchmark();
      const [request] = requests(benchmark, 4);
      const names = Object.keys(request!.config);
      for (const name of names.slice(0, 4)) {
        const spec = benchmark.space.parameters.find((p) => p.name === name) as ParameterSpec;
        const corrupted = { ...request!.config, [name]: illegalValue(spec) };
        await expectTypedError(benchmark.evaluate([{ ...request!, config: corrupted }]), name);
      }
      await expectTypedError(benchmark.evaluate([{ ...request!, config: { ...request!.config, no_such_parameter: 1 } }]), 'no_such_parameter');
      for (const spec of benchmark.fidelitySpace.parameters.slice(0, 2)) {
        await expectTypedError(benchmark.evaluate([{ ...request!, fidelity: { ...request!.fidelity, [spec.name]: illegalValue(spec) } }]), spec.name);
      }
    });
  });
}

function illegalValue(spec: ParameterSpec): ParamValue {
  switch (spec.type) {
    case 'integer':
    case 'float':
      return spec.upper + Math.max(1, Math.abs(spec.upper));
    default:
      return '__not_a_legal_value__';
  }
}

async function expectTypedError(promise: Promise<unknown>, parameter: string): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(JahskitError.isJahskitError(caught), `expected a typed error naming "${parameter}", got ${String(caught)}`).toBe(true);
  expect((caught as JahskitError).parameter).toBe(parameter);
}
