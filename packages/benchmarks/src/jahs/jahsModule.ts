import { definePlugin, objectivesOption, type BenchmarkDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { checkModelFile } from '../internal/checkModelFile';
import { nodeBuiltin } from '../internal/nodeBuiltin';
import { packageDataPath } from '../internal/packageDataPath';
import { BenchmarkError } from '../errors/BenchmarkError';
import { createJahsBenchmark, type JahsOptions } from './createJahsBenchmark';
import { JAHS_MODEL_SHA256 } from './jahsManifest';
import { randomJahsFixed } from './randomJahsFixed';

export const jahsDescriptor: BenchmarkDescriptor<JahsOptions & { readonly fixedSeed?: number | undefined }> = {
  id: 'jahs',
  summary: 'JAHS-Bench-201 CIFAR-10 joint architecture + hyperparameter space (early XGBoost surrogate, ONNX)',
  options: z
    .object({
      objectives: objectivesOption(
        ['valid_error', 'latency', 'size_MB'],
        ['valid_error'],
        "the task's objectives; ['valid_error', 'latency'] is the JAHS multi-objective task",
      ),
      variant: z.enum(['joint', 'nas', 'hpo']).default('joint').describe("'nas' fixes the hyperparameters, 'hpo' the architecture"),
      fixed: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
        .optional()
        .describe("with variant 'nas' or 'hpo': values overriding those the variant fixes (hyperparameters or Op1..Op6), e.g. randomJahsFixed(variant, seed)"),
      fixedSeed: z
        .number()
        .int()
        .min(0)
        .max(0xffffffff)
        .optional()
        .describe(
          "with variant 'nas' or 'hpo': fix the other part to a random draw from this seed (randomJahsFixed), as the JAHS paper's NAS-only and HPO-only tasks do per run",
        ),
      intraOpNumThreads: z.number().int().min(1).max(64).default(1).describe('onnxruntime threads per model call'),
      dataDir: z.string().optional().describe('folder holding jahs_thesis_cifar10.onnx (default: shipped with the package)'),
    })
    .strict(),
  checkData: (options) =>
    checkModelFile(nodeBuiltin('node:path', 'jahs data check').join(options.dataDir ?? packageDataPath('jahs'), 'jahs_thesis_cifar10.onnx'), JAHS_MODEL_SHA256),
  create: async (options) => {
    if (options.fixedSeed === undefined) return createJahsBenchmark(options);
    if (options.fixed !== undefined || options.variant === 'joint') {
      throw new BenchmarkError(
        'invalid-definition',
        `jahs: option "fixedSeed" needs variant 'nas' or 'hpo' and no "fixed" (got variant '${options.variant}'${options.fixed !== undefined ? ' and fixed' : ''})`,
        {
          parameter: 'fixedSeed',
          allowed: "variant 'nas' or 'hpo', without fixed",
        },
      );
    }
    return createJahsBenchmark({ ...options, fixed: randomJahsFixed(options.variant, options.fixedSeed) });
  },
};

/** Registers the JAHS-Bench-201 surrogate benchmark. */
export const jahsModule = definePlugin({ benchmarks: [jahsDescriptor] });
