import { BENCHMARK_PLUGIN, type BenchmarkDescriptor } from '@jahskit/core';
import { ContainerModule } from 'inversify';
import { join } from 'node:path';
import { z } from 'zod';
import { checkModelFile } from '../internal/checkModelFile';
import { packageDataPath } from '../internal/packageDataPath';
import { createJahsBenchmark, type JahsOptions } from './createJahsBenchmark';
import { JAHS_MODEL_SHA256 } from './jahsManifest';

export const jahsDescriptor: BenchmarkDescriptor<JahsOptions> = {
  id: 'jahs',
  summary: 'JAHS-Bench-201 CIFAR-10 joint architecture + hyperparameter space (early XGBoost surrogate, ONNX)',
  options: z
    .object({
      objectives: z
        .array(z.enum(['valid_error', 'latency', 'size_MB']))
        .min(1)
        .default(['valid_error'])
        .describe("the task's objectives; ['valid_error', 'latency'] is the JAHS multi-objective task"),
      variant: z.enum(['joint', 'nas', 'hpo']).default('joint').describe("'nas' fixes the hyperparameters, 'hpo' the architecture"),
      intraOpNumThreads: z.number().int().min(1).max(64).default(1).describe('onnxruntime threads per model call'),
      dataDir: z.string().optional().describe('folder holding jahs_thesis_cifar10.onnx (default: shipped with the package)'),
    })
    .strict(),
  checkData: (options) => checkModelFile(join(options.dataDir ?? packageDataPath('jahs'), 'jahs_thesis_cifar10.onnx'), JAHS_MODEL_SHA256),
  create: (options) => createJahsBenchmark(options),
};

/** Registers the JAHS-Bench-201 surrogate benchmark. */
export const jahsModule = new ContainerModule(({ bind }) => {
  bind(BENCHMARK_PLUGIN).toConstantValue(jahsDescriptor);
});
