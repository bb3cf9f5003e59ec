import type { Benchmark } from '@jahskit/core';
import type { DataFiles } from '../data/DataFiles';
import { packageDataPath } from '../internal/packageDataPath';
import { createSurrogateBenchmark } from '../onnxSurrogate/createSurrogateBenchmark';
import { loadOnnxSurrogateFolder } from '../onnxSurrogate/loadOnnxSurrogateFolder';
import { readOnnxSurrogateFiles } from '../onnxSurrogate/readOnnxSurrogateFiles';
import type { OnnxRuntimeChoice } from '../surrogate/onnxRuntime';

/** SHA-256 of data/nb301/model_v2.onnx (YAHPO Gym v2 @ 0e288068). */
export const NB301_MODEL_SHA256 = 'e7168d495cf7fe6419b69234a052571536c2a5f6d7a8a2aead4e9d04dffac1d6';

export type Nb301Objective = 'valid_error' | 'val_cross_entropy' | 'runtime';

export interface Nb301Options {
  /** The task: ['valid_error'] by default. */
  readonly objectives: readonly Nb301Objective[];
  readonly intraOpNumThreads: number;
  /** Folder holding the model, the ConfigSpace JSON and manifest.json; default the package's data/nb301. */
  readonly dataDir?: string;
  /** The same files from anywhere (a URL in a browser); overrides `dataDir`. */
  readonly files?: DataFiles;
  /** The ONNX runtime; default `auto` (onnxruntime-node when installed, else onnxruntime-web). */
  readonly runtime?: OnnxRuntimeChoice;
}

/**
 * NAS-Bench-301 through YAHPO Gym's surrogate. It is the generic onnx-surrogate on the shipped
 * data/nb301 folder, with the model's checksum pinned here.
 */
export async function createNb301Benchmark(options: Nb301Options): Promise<Benchmark> {
  const pinned = { id: 'nb301', sha256: NB301_MODEL_SHA256 };
  const definition =
    options.files !== undefined
      ? await readOnnxSurrogateFiles(options.files, pinned)
      : await loadOnnxSurrogateFolder(options.dataDir ?? packageDataPath('nb301'), pinned);
  return createSurrogateBenchmark(definition, {
    objectives: options.objectives,
    threads: { intraOpNumThreads: options.intraOpNumThreads, interOpNumThreads: 1 },
    ...(options.runtime === undefined ? {} : { runtime: options.runtime }),
  });
}
