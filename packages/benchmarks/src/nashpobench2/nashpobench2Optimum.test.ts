import { rmSync } from 'node:fs';
import type { Benchmark, Configuration } from '@jahskit/core';
import { nashpobench2FromFlatIndex } from '@jahskit/spaces';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNashpobench2Benchmark } from './createNashpobench2Benchmark';
import { NASHPOBENCH2_FIXTURE_DIR, temporaryCacheDir } from './nashpobench2Fixtures';
import { loadNashpobench2 } from './loadNashpobench2';
import type { Nashpobench2Table } from './Nashpobench2Table';

const cacheDir = temporaryCacheDir();
let table: Nashpobench2Table;
beforeAll(async () => {
  table = await loadNashpobench2(NASHPOBENCH2_FIXTURE_DIR, cacheDir);
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

// Built once for the three scans: building them takes longer than evaluating them.
let everyConfiguration: Configuration[] | undefined;

/** Every one of the 196,608 configurations evaluated at `epoch` with 'mean' noise: the lowest error and all configurations reaching it. */
async function bruteForce(benchmark: Benchmark, epoch: number): Promise<{ error: number; argmin: Configuration[] }> {
  const configs = (everyConfiguration ??= Array.from({ length: 4096 * 48 }, (_, i) => nashpobench2FromFlatIndex(i)));
  const evaluations = await benchmark.evaluate(configs.map((config) => ({ config, fidelity: { epoch }, seed: 0 })));
  let error = Number.POSITIVE_INFINITY;
  for (const e of evaluations) if ((e.status ?? 'ok') === 'ok' && e.metrics['valid_error']! < error) error = e.metrics['valid_error']!;
  return { error, argmin: configs.filter((_, i) => evaluations[i]!.metrics['valid_error'] === error) };
}

describe('nashpobench2 optimum (fixtures)', () => {
  test.each([1, 12, 200])('epochs %i: equals a brute-force scan of every configuration', async (epochs) => {
    const benchmark = createNashpobench2Benchmark(table, { noise: 'mean', epochs });
    const optimum = benchmark.optimum!;
    const { error, argmin } = await bruteForce(benchmark, epochs);
    expect(Number.isFinite(error)).toBe(true);
    expect(optimum.values).toEqual({ valid_error: error });
    expect(argmin).toContainEqual(optimum.config);
    const [again] = await benchmark.evaluate([{ config: optimum.config!, fidelity: benchmark.fidelitySpace.defaultConfiguration(), seed: 0 }]);
    expect(again!.metrics['valid_error']).toBe(error);
  });

  test('the unrestricted benchmark knows its optimum at the default fidelity, 200 epochs', () => {
    const benchmark = createNashpobench2Benchmark(table, { noise: 'mean' });
    expect(benchmark.fidelitySpace.defaultConfiguration()).toEqual({ epoch: 200 });
    expect(benchmark.optimum).toEqual(createNashpobench2Benchmark(table, { noise: 'mean', epochs: 200 }).optimum);
  });

  test('is the seed-mean optimum whatever the noise, and computed once', () => {
    const mean = createNashpobench2Benchmark(table, { noise: 'mean', epochs: 12 });
    const official = createNashpobench2Benchmark(table, { noise: 'official', epochs: 12 });
    expect(official.optimum).toEqual(mean.optimum);
    expect(mean.optimum).toBe(mean.optimum);
  });
});
