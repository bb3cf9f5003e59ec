import { definePlugin, objectivesOption, type BenchmarkDescriptor } from '@jahskit/core';
import { z } from 'zod';
import { checkModelFile } from '../internal/checkModelFile';
import { nodeBuiltin } from '../internal/nodeBuiltin';
import { packageDataPath } from '../internal/packageDataPath';
import { createNb301Benchmark, NB301_MODEL_SHA256, type Nb301Options } from './createNb301Benchmark';

export const nb301Descriptor: BenchmarkDescriptor<Nb301Options> = {
  id: 'nb301',
  summary: 'NAS-Bench-301 DARTS cell space on CIFAR-10 (YAHPO Gym v2 surrogate, ONNX), epoch fidelity 1..98',
  options: z
    .object({
      objectives: objectivesOption(['valid_error', 'val_cross_entropy', 'runtime'], ['valid_error'], "the task's objectives"),
      intraOpNumThreads: z.number().int().min(1).max(64).default(1).describe('onnxruntime threads per model call'),
      dataDir: z.string().optional().describe('folder holding model_v2.onnx, config_space_v2.json and manifest.json (default: shipped)'),
    })
    .strict(),
  checkData: (options) =>
    checkModelFile(nodeBuiltin('node:path', 'nb301 data check').join(options.dataDir ?? packageDataPath('nb301'), 'model_v2.onnx'), NB301_MODEL_SHA256),
  create: (options) => createNb301Benchmark(options),
};

/** Registers the NAS-Bench-301 surrogate benchmark. */
export const nb301Module = definePlugin({ benchmarks: [nb301Descriptor] });
