import type { Benchmark, Configuration } from '@jahskit/core';
import { packageDataPath } from '../internal/packageDataPath';
import { createSurrogateBenchmark } from '../onnxSurrogate/createSurrogateBenchmark';
import type { SurrogateThreads } from '../surrogate/surrogateSessionOptions';
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
}

const SIZE_COLUMN = JAHS_MANIFEST.output.columns.indexOf('size_MB');

/** JAHS-Bench-201 on CIFAR-10, answered by the early XGBoost surrogate exported to ONNX. */
export async function createJahsBenchmark(options: JahsOptions): Promise<Benchmark> {
  // Checked before the model is loaded, so a bad `fixed` costs nothing.
  const space = jahsVariantSpace(options.variant, options.fixed);
  const dir = options.dataDir ?? packageDataPath('jahs');
  return createSurrogateBenchmark(
    {
      id: options.variant === 'joint' ? 'jahs' : `jahs/${options.variant}`,
      manifest: JAHS_MANIFEST,
      modelPath: `${dir}/${JAHS_MANIFEST.model.file}`,
      sha256: JAHS_MODEL_SHA256,
      space,
      fidelitySpace: jahsFidelitySpace(),
      conditions: [],
      cost: (y, base, fidelity) => jahsCost(y[base + SIZE_COLUMN]!, fidelity),
      parseConfig: parseJahsConfig,
    },
    { objectives: options.objectives, threads: { intraOpNumThreads: options.intraOpNumThreads, interOpNumThreads: 1 } },
  );
}
