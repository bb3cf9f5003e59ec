import type { Benchmark } from '@jahskit/core';
import { createSurrogateBenchmark } from './createSurrogateBenchmark';
import { loadOnnxSurrogateFolder } from './loadOnnxSurrogateFolder';

export interface OnnxSurrogateOptions {
  /** Folder with manifest.json, the model and the ConfigSpace JSON. */
  readonly dir: string;
  /** The task's objectives; default the manifest's `objectives`. */
  readonly objectives?: readonly string[];
  /** Expected SHA-256 of the model, overriding the manifest's. */
  readonly sha256?: string;
  readonly intraOpNumThreads: number;
}

/** A benchmark from any onnx-surrogate folder (docs/benchmarks/onnx-surrogate.md). */
export async function createOnnxSurrogateBenchmark(options: OnnxSurrogateOptions): Promise<Benchmark> {
  const definition = await loadOnnxSurrogateFolder(options.dir, options.sha256 === undefined ? {} : { sha256: options.sha256 });
  return createSurrogateBenchmark(definition, {
    ...(options.objectives === undefined ? {} : { objectives: options.objectives }),
    threads: { intraOpNumThreads: options.intraOpNumThreads, interOpNumThreads: 1 },
  });
}
