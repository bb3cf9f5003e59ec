import type { Benchmark, Configuration } from '@jahskit/core';
import type { DataFiles } from '../data/DataFiles';
import { packageDataPath } from '../internal/packageDataPath';
import { createSurrogateBenchmark } from '../onnxSurrogate/createSurrogateBenchmark';
import type { OnnxRuntimeChoice } from '../surrogate/onnxRuntime';
import { jahsCost } from './jahsCostModel';
import { JAHS_MANIFEST, JAHS_MODEL_SHA256 } from './jahsManifest';
import { jahsFidelitySpace } from '@jahskit/spaces';
import { parseJahsConfig } from './parseJahsConfig';
import { jahsVariantSpace } from './jahsVariantSpace';

export type JahsObjective = 'valid_error' | 'latency' | 'size_MB';
export type JahsVariant = 'joint' | 'nas' | 'hpo';

export interface JahsOptions {
  /** The task: ['valid_error'] (default) or the multi-objective ['valid_error', 'latency']. */
  readonly objectives: readonly JahsObjective[];
  /** 'joint' (architecture and hyperparameters), 'nas' (hyperparameters fixed) or 'hpo' (architecture fixed). */
  readonly variant: JahsVariant;
  /**
   * Values overriding some or all of those the variant fixes (JAHS_NAS_FIXED for 'nas',
   * JAHS_HPO_FIXED for 'hpo'), e.g. `randomJahsFixed(variant, seed)`; not allowed with 'joint'.
   */
  readonly fixed?: Configuration | undefined;
  readonly intraOpNumThreads: number;
  /** Folder holding the model; default the package's data/jahs. */
  readonly dataDir?: string;
  /** The model from anywhere (a URL in a browser); overrides `dataDir`. */
  readonly files?: DataFiles;
  /** The ONNX runtime; default `auto` (onnxruntime-node when installed, else onnxruntime-web). */
  readonly runtime?: OnnxRuntimeChoice;
}

const SIZE_COLUMN = JAHS_MANIFEST.output.columns.indexOf('size_MB');

/** JAHS-Bench-201 on CIFAR-10, answered by the early XGBoost surrogate exported to ONNX. */
export async function createJahsBenchmark(options: JahsOptions): Promise<Benchmark> {
  // Checked before the model is loaded, so a bad `fixed` costs nothing.
  const space = jahsVariantSpace(options.variant, options.fixed);
  const { files } = options;
  const model = JAHS_MANIFEST.model.file;
  return createSurrogateBenchmark(
    {
      id: options.variant === 'joint' ? 'jahs' : `jahs/${options.variant}`,
      manifest: JAHS_MANIFEST,
      modelPath: files !== undefined ? `${files.location.replace(/\/?$/, '/')}${model}` : `${options.dataDir ?? packageDataPath('jahs')}/${model}`,
      ...(files === undefined ? {} : { readModel: () => files.read(model) }),
      sha256: JAHS_MODEL_SHA256,
      space,
      fidelitySpace: jahsFidelitySpace(),
      conditions: [],
      cost: (y, base, fidelity) => jahsCost(y[base + SIZE_COLUMN]!, fidelity),
      parseConfig: parseJahsConfig,
    },
    {
      objectives: options.objectives,
      threads: { intraOpNumThreads: options.intraOpNumThreads, interOpNumThreads: 1 },
      ...(options.runtime === undefined ? {} : { runtime: options.runtime }),
    },
  );
}
