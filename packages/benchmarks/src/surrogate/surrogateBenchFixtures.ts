import type { Benchmark, EvaluationRequest } from '@jahskit/core';
import { Rng } from '@jahskit/core';
import * as os from 'node:os';
import * as ort from 'onnxruntime-node';
import { bench, describe } from 'vitest';
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

export interface InterleavedFigure {
  readonly name: string;
  /** Wall milliseconds per call: minimum and median over the rounds. */
  readonly min: number;
  readonly median: number;
  /** Process CPU milliseconds per call (all threads; session.run runs on the calling thread). */
  readonly cpuMin: number;
  readonly cpuMedian: number;
}

/**
 * Runs the cases alternately, `rounds` times after `warmup` rounds, so that every case sees the same
 * machine load; on a shared machine the minimum and the CPU time are the least disturbed figures.
 */
export async function interleave(cases: readonly (readonly [string, () => Promise<unknown>])[], rounds: number, warmup = 2): Promise<InterleavedFigure[]> {
  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  for (let round = -warmup; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await cases[k]![1]();
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      if (round < 0) continue;
      wall[k]!.push(t);
      cpu[k]!.push((c.user + c.system) / 1000);
    }
  }
  const stats = (xs: number[]): [number, number] => {
    const s = [...xs].sort((a, b) => a - b);
    return [s[0]!, s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2];
  };
  return cases.map(([name], k) => {
    const [min, median] = stats(wall[k]!);
    const [cpuMin, cpuMedian] = stats(cpu[k]!);
    return { name, min, median, cpuMin, cpuMedian };
  });
}

/** Prints interleaved figures with rows/s and the overhead of each case over the first. */
export function reportInterleaved(title: string, rows: number, figures: readonly InterleavedFigure[]): void {
  const [base] = figures;
  const pct = (x: number, b: number): string => `${((x / b - 1) * 100).toFixed(1)}%`;
  const lines = figures.map((f) => {
    const rate = (ms: number): string => `${(((rows / ms) * 1000) / 1000).toFixed(1)}k/s`;
    const overhead =
      f === base
        ? ''
        : `  overhead vs ${base!.name}: wall min ${pct(f.min, base!.min)}, median ${pct(f.median, base!.median)}; cpu min ${pct(f.cpuMin, base!.cpuMin)}, median ${pct(f.cpuMedian, base!.cpuMedian)}`;
    return `  ${f.name}: wall min ${f.min.toFixed(2)} ms (${rate(f.min)}), median ${f.median.toFixed(2)} ms (${rate(f.median)}); cpu min ${f.cpuMin.toFixed(2)} ms, median ${f.cpuMedian.toFixed(2)} ms${overhead}`;
  });
  console.log([`${title} (interleaved; load average ${loadAverage()})`, ...lines].join('\n'));
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

/**
 * The benchmarks of a surrogate `name`: `bare` (the model alone on the pre-encoded batch) against
 * `evaluate` of the whole batch `requests`, alternated over `rounds` rounds so both see the same load
 * (the fair comparison, reported), then one evaluation; the same cases also as vitest benches.
 */
export async function benchSurrogate(
  name: string,
  benchmark: Benchmark,
  requests: readonly EvaluationRequest[],
  bare: () => Promise<void>,
  rounds: number,
): Promise<void> {
  const batch = `${name}, batch of ${requests.length}`;
  const single = requests.slice(0, 1);
  const evaluate = async (): Promise<void> => {
    await benchmark.evaluate(requests);
  };
  const one = async (): Promise<void> => {
    await benchmark.evaluate(single);
  };
  reportInterleaved(
    batch,
    requests.length,
    await interleave(
      [
        ['bare session.run', bare],
        [`${name}.evaluate`, evaluate],
      ],
      rounds,
    ),
  );
  reportInterleaved(`${name}, one evaluation`, 1, await interleave([[`${name}.evaluate([one])`, one]], 500, 50));
  describe(batch, () => {
    bench('bare session.run (pre-encoded, same chunks)', bare, { time: 3000 });
    bench(`${name}.evaluate (validate + encode + run + results)`, evaluate, { time: 3000 });
  });
  describe(`${name}, one evaluation`, () => {
    bench(`${name}.evaluate([one])`, one, { time: 1000 });
  });
}
