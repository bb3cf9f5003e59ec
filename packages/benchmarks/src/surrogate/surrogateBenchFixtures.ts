import type { Benchmark, EvaluationRequest } from '@jahskit/core';
import { Rng } from '@jahskit/core';
import * as ort from 'onnxruntime-node';
import { compileInputEncoder } from '../onnxSurrogate/compileInputEncoder';
import { compileRowReader } from '../onnxSurrogate/compileRowReader';
import type { OnnxSurrogateManifest } from '../onnxSurrogate/OnnxSurrogateManifest';
import { DEFAULT_SURROGATE_THREADS, surrogateSessionOptions } from './surrogateSessionOptions';

/** `n` requests drawn from the benchmark's spaces with a fixed seed. */
export function sampleRequests(benchmark: Benchmark, n: number, seed = 7): EvaluationRequest[] {
  const rng = Rng.seeded(seed);
  return Array.from({ length: n }, (_, i) => ({
    config: benchmark.space.sample(rng.stream('config', i)),
    fidelity: benchmark.fidelitySpace.sample(rng.stream('fidelity', i)),
    seed: 0,
  }));
}

/**
 * The floor jahskit's overhead is measured against: a bare onnxruntime session (same options) fed
 * the already-encoded batch in chunks of the same size, with no validation, encoding or result objects.
 */
export async function bareRunner(
  benchmark: Benchmark,
  manifest: OnnxSurrogateManifest,
  modelPath: string,
  requests: readonly EvaluationRequest[],
  mappings?: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Promise<() => Promise<void>> {
  const session = await ort.InferenceSession.create(modelPath, surrogateSessionOptions(DEFAULT_SURROGATE_THREADS));
  const config = compileRowReader(benchmark.space.parameters, (benchmark.space as { conditions?: [] }).conditions ?? []);
  const fidelity = compileRowReader(benchmark.fidelitySpace.parameters, []);
  const encoder = compileInputEncoder(manifest.inputs, { config, fidelity }, mappings);
  const buffers = encoder.allocate(requests.length);
  requests.forEach((r, i) => {
    config.read(r.config);
    fidelity.read(r.fidelity);
    encoder.encode(i, buffers);
  });
  const chunk = manifest.model.chunkSize;
  const feeds: Record<string, ort.Tensor>[] = [];
  for (let start = 0; start < requests.length; start += chunk) {
    const n = Math.min(chunk, requests.length - start);
    const feed: Record<string, ort.Tensor> = {};
    for (const b of buffers) feed[b.name] = new ort.Tensor(b.data.subarray(start * b.width, (start + n) * b.width), [n, b.width]);
    feeds.push(feed);
  }
  return async () => {
    for (const feed of feeds) await session.run(feed);
  };
}
