import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { Rng, type Benchmark, type Evaluation, type EvaluationRequest } from '@jahskit/core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { dataFilesAt } from '../data/dataFilesAt';
import { BenchmarkError } from '../errors/BenchmarkError';
import { packageDataPath, packageRoot } from '../internal/packageDataPath';
import { createJahsBenchmark } from '../jahs/createJahsBenchmark';
import { createNb301Benchmark } from '../nb301/createNb301Benchmark';
import { ONNX_RUNTIME_ENV, onnxRuntime } from './onnxRuntime';

/** Serves the package's data folder over HTTP, as a web app would next to its bundle. */
let server: Server;
let dataUrl = '';
beforeAll(async () => {
  const root = join(packageRoot(), 'data');
  server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url!, 'http://x').pathname)));
    readFile(path).then(
      (bytes) => response.end(bytes),
      () => response.writeHead(404, 'Not Found').end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Every number of `b` within float32 rounding of `a` (relative 2^-17): the two runtimes' matrix
 * kernels (native MLAS, WebAssembly SIMD) may round a neural network's sums in another order.
 */
function expectCloseEvaluations(b: readonly Evaluation[], a: readonly Evaluation[]): void {
  expect(b).toHaveLength(a.length);
  const close = (x: number, y: number): boolean => x === y || Math.abs(x - y) <= 2 ** -17 * Math.max(Math.abs(x), Math.abs(y));
  a.forEach((ea, i) => {
    const eb = b[i]!;
    expect(Object.keys(eb.metrics)).toEqual(Object.keys(ea.metrics));
    for (const [name, value] of Object.entries(ea.metrics))
      expect(close(eb.metrics[name]!, value), `${name} of row ${i}: ${eb.metrics[name]} vs ${value}`).toBe(true);
    expect(close(eb.cost, ea.cost)).toBe(true);
  });
}

function requests(benchmark: Benchmark, n: number): EvaluationRequest[] {
  const rng = Rng.seeded(11);
  return Array.from({ length: n }, (_, i) => ({
    config: benchmark.space.sample(rng.stream('config', i)),
    fidelity: benchmark.fidelitySpace.sample(rng.stream('fidelity', i)),
    seed: 0,
  }));
}

describe('the ONNX runtime', () => {
  test('auto takes onnxruntime-node where it is installed (this repository), web and node load on request', async () => {
    expect((await onnxRuntime()).name).toBe('onnxruntime-node');
    expect((await onnxRuntime('node')).name).toBe('onnxruntime-node');
    expect((await onnxRuntime('web')).name).toBe('onnxruntime-web');
  });

  test.each([
    [
      'jahs (a tree ensemble): bit for bit',
      true,
      (runtime: 'node' | 'web') => createJahsBenchmark({ objectives: ['valid_error', 'latency', 'size_MB'], variant: 'joint', intraOpNumThreads: 1, runtime }),
    ],
    [
      'nb301 (a neural network): within float32 rounding',
      false,
      (runtime: 'node' | 'web') => createNb301Benchmark({ objectives: ['valid_error', 'val_cross_entropy', 'runtime'], intraOpNumThreads: 1, runtime }),
    ],
  ])('onnxruntime-web (WebAssembly) answers as onnxruntime-node does, %s', async (_id, exact, create) => {
    const [native, wasm] = await Promise.all([create('node'), create('web')]);
    try {
      const batch = requests(native, 300);
      const [a, b] = await Promise.all([native.evaluate(batch), wasm.evaluate(batch)]);
      if (exact) expect(b).toEqual(a);
      else expectCloseEvaluations(b, a);
    } finally {
      await Promise.all([native.close?.(), wasm.close?.()]);
    }
  });

  test('nb301 and jahs read their files from a URL, as in a browser, and answer as from disk', async () => {
    const fromDisk = await createNb301Benchmark({ objectives: ['valid_error'], intraOpNumThreads: 1, runtime: 'web' });
    const fromUrl = await createNb301Benchmark({
      objectives: ['valid_error'],
      intraOpNumThreads: 1,
      files: dataFilesAt(new URL('nb301/', dataUrl)),
      runtime: 'web',
    });
    const jahs = await createJahsBenchmark({ objectives: ['valid_error'], variant: 'joint', intraOpNumThreads: 1, files: dataFilesAt(`${dataUrl}jahs`) });
    try {
      const batch = requests(fromDisk, 50);
      expect(await fromUrl.evaluate(batch)).toEqual(await fromDisk.evaluate(batch));
      expect((await jahs.evaluate(requests(jahs, 5))).every((e) => Number.isFinite(e.metrics['valid_error']))).toBe(true);
    } finally {
      await Promise.all([fromDisk.close?.(), fromUrl.close?.(), jahs.close?.()]);
    }
  });

  test('a model missing at the URL is missing-data naming the URL', async () => {
    const error = await createJahsBenchmark({
      objectives: ['valid_error'],
      variant: 'joint',
      intraOpNumThreads: 1,
      files: dataFilesAt(`${dataUrl}nowhere/`),
    }).catch((e: unknown) => e);
    expect(BenchmarkError.is(error) && error.kind).toBe('missing-data');
    expect((error as Error).message).toContain(`${dataUrl}nowhere/jahs_thesis_cifar10.onnx`);
    expect((error as Error).message).toContain('HTTP 404');
  });

  test(`${ONNX_RUNTIME_ENV} chooses the runtime of auto; another value is an error naming it`, async () => {
    vi.stubEnv(ONNX_RUNTIME_ENV, 'web');
    try {
      vi.resetModules();
      const fresh = (await import('./onnxRuntime')).onnxRuntime;
      expect((await fresh()).name).toBe('onnxruntime-web');
      vi.stubEnv(ONNX_RUNTIME_ENV, 'gpu');
      vi.resetModules();
      const error = await (await import('./onnxRuntime')).onnxRuntime().catch((e: unknown) => e);
      expect((error as Error).message).toBe(`${ONNX_RUNTIME_ENV} is "gpu"; allowed: auto, js, node, web`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('the shipped data folder is where packageDataPath says', () => {
    expect(packageDataPath('nb301')).toBe(join(packageRoot(), 'data', 'nb301'));
  });
});
