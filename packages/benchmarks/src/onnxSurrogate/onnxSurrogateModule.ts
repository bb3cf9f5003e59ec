import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BENCHMARK_PLUGIN, type BenchmarkContext, type BenchmarkDescriptor, type DataStatus } from '@jahskit/core';
import { ContainerModule } from 'inversify';
import { z } from 'zod';
import { BenchmarkError } from '../errors/BenchmarkError';
import { sha256Hex } from '../surrogate/verifyModelFile';
import { createOnnxSurrogateBenchmark } from './createOnnxSurrogateBenchmark';
import { onnxSurrogateManifestSchema } from './OnnxSurrogateManifest';

/** Environment variable naming the folder when the `dir` option is not given. */
export const ONNX_SURROGATE_DIR_ENV = 'JAHSKIT_ONNX_SURROGATE_DIR';

export interface OnnxSurrogateModuleOptions {
  readonly dir?: string;
  readonly objectives?: string[];
  readonly sha256?: string;
  readonly intraOpNumThreads: number;
}

function folder(options: OnnxSurrogateModuleOptions, context: BenchmarkContext): string {
  const dir = options.dir ?? context.env[ONNX_SURROGATE_DIR_ENV];
  if (dir === undefined || dir === '') {
    throw new BenchmarkError('missing-data', `onnx-surrogate needs a folder: set the option "dir" or ${ONNX_SURROGATE_DIR_ENV}`, {
      parameter: 'dir',
      allowed: 'a folder holding manifest.json, the model and its ConfigSpace JSON',
    });
  }
  return dir;
}

export const onnxSurrogateDescriptor: BenchmarkDescriptor<OnnxSurrogateModuleOptions> = {
  id: 'onnx-surrogate',
  summary: 'any ONNX surrogate described by a folder (manifest.json + model + ConfigSpace JSON)',
  needsData: true,
  options: z
    .object({
      dir: z.string().min(1).optional().describe(`folder with manifest.json (default: $${ONNX_SURROGATE_DIR_ENV})`),
      objectives: z.array(z.string()).min(1).optional().describe("the task's objectives (default: the manifest's)"),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).optional().describe("expected SHA-256 of the model (default: the manifest's)"),
      intraOpNumThreads: z.number().int().min(1).max(64).default(1).describe('onnxruntime threads per model call'),
    })
    .strict(),
  create: (options, context) =>
    createOnnxSurrogateBenchmark({
      dir: folder(options, context),
      intraOpNumThreads: options.intraOpNumThreads,
      ...(options.objectives === undefined ? {} : { objectives: options.objectives }),
      ...(options.sha256 === undefined ? {} : { sha256: options.sha256 }),
    }),
  async checkData(options, context): Promise<DataStatus> {
    let dir: string;
    try {
      dir = folder(options, context);
    } catch (error) {
      return { ready: false, detail: (error as Error).message };
    }
    const manifestPath = join(dir, 'manifest.json');
    let manifest;
    try {
      manifest = onnxSurrogateManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
    } catch (error) {
      return { ready: false, detail: `${manifestPath}: ${(error as Error).message.split('\n')[0]}`, files: [{ path: manifestPath, ok: false, detail: 'missing or invalid' }] };
    }
    const modelPath = join(dir, manifest.model.file);
    const expected = options.sha256 ?? manifest.model.sha256;
    let model: DataStatus['files'] extends readonly (infer F)[] | undefined ? F : never;
    try {
      const actual = sha256Hex(await readFile(modelPath));
      const ok = expected === undefined || actual === expected;
      model = { path: modelPath, ok, detail: ok ? `SHA-256 ${actual}` : `SHA-256 ${actual}, expected ${expected}` };
    } catch {
      model = { path: modelPath, ok: false, detail: `missing${expected === undefined ? '' : ` (expected SHA-256 ${expected})`}` };
    }
    return { ready: model.ok, detail: model.ok ? `onnx-surrogate folder ${dir}` : `${modelPath}: ${model.detail}`, files: [{ path: manifestPath, ok: true, detail: 'valid manifest' }, model] };
  },
};

/** Registers the generic onnx-surrogate benchmark. */
export const onnxSurrogateModule = new ContainerModule(({ bind }) => {
  bind(BENCHMARK_PLUGIN).toConstantValue(onnxSurrogateDescriptor);
});
